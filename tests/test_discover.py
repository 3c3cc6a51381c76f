"""Discovery: a sorted walk of the seeds folder that skips what it must, loudly."""

from __future__ import annotations

import os
from pathlib import Path

from dossier.discover import discover
from dossier.problems import Problems, Severity


def test_sorted_walk_with_subfolders_hidden_files_and_links(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    (seeds / "b-folder").mkdir(parents=True)
    (seeds / ".hidden-folder").mkdir()
    for name in ("z.txt", "a.txt", "b-folder/c.txt", ".hidden.txt", ".hidden-folder/d.txt"):
        (seeds / name).write_text("text", encoding="utf-8")
    outside = tmp_path / "outside.txt"
    outside.write_text("secret", encoding="utf-8")
    os.symlink(outside, seeds / "link-out.txt")
    os.symlink(tmp_path, seeds / "folder-out")
    problems = Problems()
    found = [p.relative_to(seeds).as_posix() for p in discover(seeds, problems)]
    assert found == ["a.txt", "b-folder/c.txt", "z.txt"]
    warned = {p.path: p.message for p in problems.items if p.severity is Severity.WARNING}
    assert set(warned) == {".hidden.txt", ".hidden-folder", "link-out.txt", "folder-out"}
    assert "link leaving the seeds folder" in warned["link-out.txt"]


def test_missing_seeds_folder_is_an_error(tmp_path: Path) -> None:
    problems = Problems()
    assert discover(tmp_path / "nope", problems) == []
    assert problems.errors
