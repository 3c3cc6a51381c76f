"""The editors' command: how each seed was understood, and its problems as path:line: message."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from helpers import SAMPLE_SEEDS


def _check(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "dossier.cli", "check", *args], capture_output=True, text=True, timeout=120)


def test_check_explains_each_sample_seed() -> None:
    result = _check(str(SAMPLE_SEEDS))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for name in sorted(p.name for p in SAMPLE_SEEDS.iterdir()):
        assert f"/{name}\n" in out
    assert out.count("  company: Twilio") == 5
    assert "  kind:    history" in out and "  role:    Product Manager" in out
    assert "why:" in out
    # The residue of lost bytes is removed and reported on its own line number.
    assert "000_d983fd864281b5bb.txt:66: unrepairable mojibake removed" in result.stdout + result.stderr


def test_check_fails_on_errors_and_names_path_and_line(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(
        "Acme Widgets values\n\nAcme Widgets values honesty. Acme Widgets ships.\n", encoding="utf-8"
    )
    (tmp_path / "bad.txt").write_text("---\ncompany: Acme\n  role: : x\n---\nBody text here.\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = _check(str(tmp_path))
    assert result.returncode == 1
    assert f"{tmp_path.as_posix()}/bad.txt:3: front matter is not valid YAML" in result.stderr
    assert f"{tmp_path.as_posix()}/empty.txt: empty seed" in result.stderr
    assert "Traceback" not in result.stderr
    assert "good.txt" in result.stdout


def test_check_passes_with_only_notices(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Acme Widgets history\nAcme Widgets was founded in 1990.\n", encoding="utf-8")
    assert _check(str(tmp_path)).returncode == 0
