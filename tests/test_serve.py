"""Previewing: `mkdocs serve` picks up a changed, added or removed seed without a restart."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import ROOT, free_port

SEED = "---\ncompany: Lantern Works\nkind: values\n---\nLantern Works values\n\nWe ship lamps. {extra}\n"


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, ""
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, ""


def _wait_for(check: object, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():  # type: ignore[operator]
            return
        time.sleep(0.5)
    raise AssertionError("mkdocs serve did not show the change in time")


@pytest.fixture()
def served_project(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project)
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copytree(ROOT / "hooks", project / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    (project / "seeds").mkdir()
    (project / "seeds" / "lantern.txt").write_text(SEED.format(extra="First version."), encoding="utf-8")
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for(lambda: _get(base + "/companies/lantern-works/values/")[0] == 200)
        yield project, base
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


def test_serve_picks_up_changed_added_and_removed_seeds(served_project: tuple[Path, str]) -> None:
    project, base = served_project
    seed = project / "seeds" / "lantern.txt"
    seed.write_text(SEED.format(extra="Second version, edited while serving."), encoding="utf-8")
    _wait_for(lambda: "Second version, edited while serving." in _get(base + "/companies/lantern-works/values/")[1])

    added = project / "seeds" / "beacon.txt"
    added.write_text("---\ncompany: Beacon Labs\nkind: history\n---\nBeacon Labs was founded in 2001.\n", encoding="utf-8")
    _wait_for(lambda: _get(base + "/companies/beacon-labs/history/")[0] == 200)

    added.unlink()
    _wait_for(lambda: _get(base + "/companies/beacon-labs/history/")[0] == 404)
    assert "Second version" in _get(base + "/companies/lantern-works/values/")[1]
