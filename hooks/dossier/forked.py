"""Work shared among the machine's cores by forked child processes, where forking is safe."""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from itertools import chain
from typing import Any, TypeVar

T = TypeVar("T")
J = TypeVar("J")


def cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def can_fork() -> bool:
    """Whether child processes may be forked from this one now."""
    # A forked child has only the thread that forked it: a lock another thread held (mkdocs serve's watcher and
    # server) would stay locked in it for ever. Only on Linux: macOS's system libraries are not safe to fork
    # (Python starts processes by spawning there).
    return sys.platform.startswith("linux") and threading.active_count() == 1


def shared(count: int, at_least: int) -> bool:
    """Whether :func:`each` shares ``count`` items among the cores (rather than doing them in this process)."""
    return count >= at_least and cores() >= 2 and can_fork()


def each(
    function: Callable[[J, int], T],
    job: J,
    positions: Sequence[int],
    at_least: int,
    together: Callable[[int], bool] | None = None,
) -> list[T]:
    """``function(job, at)`` for each position, in order; on every core when there are ``at_least`` positions and it
    is safe to.

    The children are forked after ``job`` is set aside here, so they see it as it is without it being sent to them:
    only the positions go to a child, and only the results come back. The positions that ``together`` picks (those
    that need costly imports the others do not) are given to one child, first, while they are no more than a fair
    share of the work; the others are shared as they come.
    """
    global _job
    if not shared(len(positions), at_least):
        return [function(job, at) for at in positions]
    _job = (function, job)
    workers = cores()
    size = max(1, len(positions) // (workers * 32))
    picked = [at for at in positions if together(at)] if together is not None else []
    if not 1 < len(picked) <= len(positions) // (2 * workers):
        picked = []
    alone = set(picked)
    rest = [at for at in positions if at not in alone]
    tasks = ([picked] if picked else []) + [rest[i : i + size] for i in range(0, len(rest), size)]
    try:
        # Frozen in each child, what it inherits stays out of its collections: they would walk the whole parent's
        # heap, and copy each of its pages they touch.
        with multiprocessing.get_context("fork").Pool(workers, initializer=gc.freeze) as pool:
            done = dict(zip([at for task in tasks for at in task], chain.from_iterable(pool.map(_call, tasks)), strict=True))
        return [done[at] for at in positions]
    finally:
        _job = None


_job: tuple[Callable[[Any, int], Any], Any] | None = None
"""The function and job of the :func:`each` under way, for the children it forks."""


def _call(task: list[int]) -> list[Any]:
    assert _job is not None
    function, job = _job
    return [function(job, at) for at in task]


def can_idle() -> bool:
    """Whether :func:`when_idle` can start a child here now (two cores or more, forking safe, Linux's idle policy)."""
    return cores() >= 2 and can_fork() and hasattr(os, "SCHED_IDLE")


def when_idle(work: Callable[[], None]) -> int | None:
    """Start ``work`` in a forked child that runs only while a core would otherwise be idle (Linux's SCHED_IDLE
    policy), and return its process id; None, and nothing done, where that is not safe or not possible.

    The child does what this process would do later and leaves its result on disk: it must never write what this
    process reads before it is whole. It ends without running exit handlers; :func:`stop` ends it early.
    """
    if not can_idle():
        return None
    pid = os.fork()
    if pid:
        return pid
    try:  # pragma: no cover - in the child, whose end is os._exit
        os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
        work()
    finally:
        os._exit(0)


def stop(pid: int) -> bool:
    """End the child :func:`when_idle` started, if it has not ended; return whether it had finished its work."""
    done, _ = os.waitpid(pid, os.WNOHANG)
    if done:
        return True
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    return False
