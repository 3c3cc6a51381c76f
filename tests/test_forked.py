"""Work shared among forked children: in order, grouped where asked, and at idle priority."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from dossier import forked


def _where(job: str, at: int) -> tuple[int, str, int]:
    time.sleep(0.005)  # long enough that both children take part
    return at, job, os.getpid()


@pytest.mark.parametrize("picked", [3, 40], ids=["a few", "too many to give one child"])
def test_positions_picked_together_go_to_one_child(monkeypatch: pytest.MonkeyPatch, picked: int) -> None:
    """The results come in the order of the positions; a few positions picked together (they need imports the others
    do not) are done by one child, many are shared like the others."""
    monkeypatch.setattr(forked, "can_fork", lambda: True)  # as in a build's process (the test run may have threads)
    monkeypatch.setattr(forked, "cores", lambda: 2)
    positions = list(range(60, 0, -1))
    together = set(positions[::7][:picked]) if picked < 10 else set(positions[:picked])
    results = forked.each(_where, "job", positions, 2, lambda at: at in together)
    assert [(at, job) for at, job, _ in results] == [(at, "job") for at in positions]
    children = {pid for at, _, pid in results if at in together}
    assert os.getpid() not in children
    assert len(children) == (1 if picked < 10 else 2)


@pytest.mark.skipif(not hasattr(os, "SCHED_IDLE"), reason="Linux's idle priority only")
def test_work_done_in_an_idle_child(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The child does its work in another process; one still at work when it is stopped is ended, not waited for."""
    monkeypatch.setattr(forked, "can_fork", lambda: True)  # as in a build's process (the test run may have threads)
    monkeypatch.setattr(forked, "cores", lambda: 2)
    done = tmp_path / "done"
    pid = forked.when_idle(lambda: done.write_text(str(os.getpid())))
    assert pid is not None
    os.waitpid(pid, os.WNOHANG)  # nothing yet, or done: stop() tells which
    deadline = time.monotonic() + 30
    while not done.exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert int(done.read_text()) == pid
    assert forked.stop(pid)
    slow = forked.when_idle(lambda: time.sleep(60))
    assert slow is not None
    started = time.monotonic()
    assert not forked.stop(slow)
    assert time.monotonic() - started < 5
    with pytest.raises(ChildProcessError):
        os.waitpid(slow, os.WNOHANG)  # ended and reaped


def test_no_idle_child_where_forking_is_not_safe(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forked, "can_fork", lambda: False)
    assert forked.when_idle(lambda: None) is None
