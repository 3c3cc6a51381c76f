"""Work shared among the machine's cores by forked child processes, where forking is safe."""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")


def cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def can_fork() -> bool:
    """Whether child processes may be forked from this one now."""
    # A forked child has only the thread that forked it: a lock another thread held (mkdocs serve's watcher and
    # server) would stay locked in it for ever. Only on Linux: macOS's system libraries are not safe to fork
    # (Python starts processes by spawning there).
    return sys.platform.startswith("linux") and threading.active_count() == 1


def starmap(function: Callable[..., T], items: Sequence[tuple[Any, ...]], at_least: int) -> list[T]:
    """``function(*item)`` for each item, in order; on every core when there are ``at_least`` items and it is safe.

    The children are forked, so they see this process's state as it is at the call: ``function`` may read
    module globals set just before it.
    """
    workers = cores()
    if len(items) < at_least or workers < 2 or not can_fork():
        return [function(*item) for item in items]
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        return pool.starmap(function, items, chunksize=max(1, len(items) // (workers * 32)))
