"""The last pages of a build written ahead by a child at idle priority: the pages MkDocs would have written."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from dossier import forked
from helpers import CORPUS, SAMPLE_SEEDS, add_hook, build_in_process, copy_project, site_files

pytestmark = pytest.mark.skipif(not hasattr(os, "SCHED_IDLE"), reason="Linux's idle priority only")


@pytest.mark.parametrize("other_plugin", [False, True], ids=["alone", "with-another-plugin"])
def test_pages_written_ahead_are_the_pages_mkdocs_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, other_plugin: bool
) -> None:
    """Every page written ahead (the child given all the time it needs) is taken, and the site, search index
    included, is the site MkDocs writes alone. With another plugin, whose events could differ in a child, MkDocs
    writes every page."""
    project = copy_project(tmp_path, [SAMPLE_SEEDS, CORPUS / "seeds"])
    (project / "docs" / "plain.md").write_text("---\ntemplate: main.html\n---\n# Plain\n\nIts own template.\n", encoding="utf-8")
    if other_plugin:
        add_hook(project, "other.py", "def on_page_context(context, page, config, nav):\n    return context\n")
    monkeypatch.setattr(forked, "can_fork", lambda: True)
    monkeypatch.setattr(forked, "cores", lambda: 2)
    real_when_idle = forked.when_idle

    monkeypatch.setattr(forked, "when_idle", lambda work: None)
    build_in_process(project, tmp_path / "alone", monkeypatch)

    def all_done_first(work: Callable[[], None]) -> int | None:
        pid = real_when_idle(work)
        if pid is not None:
            os.waitid(os.P_PID, pid, os.WEXITED | os.WNOWAIT)  # ended, not reaped: the hook stops it as ever
        return pid

    monkeypatch.setattr(forked, "when_idle", all_done_first)
    hook = build_in_process(project, tmp_path / "ahead", monkeypatch)
    pages = {p.relative_to(tmp_path / "ahead").as_posix() for p in (tmp_path / "ahead").rglob("index.html")}
    taken = hook._state["taken"]
    if other_plugin:
        assert taken == set()
    else:
        assert len(taken) == len(pages) - 1 and "plain.md" not in taken  # all but the page with its own template
    assert site_files(tmp_path / "ahead") == site_files(tmp_path / "alone")
    assert not list(Path(tempfile.gettempdir()).glob("dossier-pages-*/"))  # removed after the build


def test_a_child_whose_build_has_ended_removes_its_pages_and_stops(tmp_path: Path) -> None:
    """A build killed before its last events (which stop the child) leaves no child at work and no pages behind."""
    from ctypes import c_long
    from multiprocessing.sharedctypes import RawValue

    from dossier import write_ahead
    from jinja2 import DictLoader, Environment

    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "1.html").write_text("<p>written before the build ended</p>", encoding="utf-8")
    env = Environment(loader=DictLoader({write_ahead.THEME_TEMPLATE: "never rendered"}))
    chosen: list[Any] = [None, None]  # never reached
    ended = os.getppid() + 1_000_000  # the build's process: not this one's parent any more
    write_ahead._write(None, None, [], env, chosen, lambda output, page: output, folder, RawValue(c_long, -1), ended)  # type: ignore[arg-type]
    assert not folder.exists()
