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
    assert "  kind:    history [strong]" in out and "  role:    Product Manager [strong]" in out
    assert "  company: Twilio [stated]" in out  # the compensation guide's front matter names it
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


def test_check_shows_how_strong_each_decision_is_and_warns_on_weak_ones(tmp_path: Path) -> None:
    (tmp_path / "clear.md").write_text(
        "# Working at Quorvex\n\nLife at Quorvex is calm. Quorvex's teams are small. At Quorvex we write things down.\n",
        encoding="utf-8",
    )
    (tmp_path / "vague.md").write_text("# Lunch\n\nQuorvex caters. Soup is hot.\n", encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "menu.md").write_text("# Lunch\n\nSoup is hot. Bread is fresh.\n", encoding="utf-8")
    result = _check(str(tmp_path))
    assert result.returncode == 0, result.stderr  # warnings do not fail the check; errors do
    blocks = {b.split("\n")[0]: b for b in result.stdout.split(f"{tmp_path.as_posix()}/") if b}
    assert "company: Quorvex [strong]" in blocks["clear.md"]
    assert "why:     company 'Quorvex' (strong" in blocks["clear.md"]
    assert "company: Quorvex [stated]" not in blocks["clear.md"]
    assert "company: Elsewhere [stated]" in blocks["elsewhere/menu.md"]
    # The vague seed names the company the corpus settled, so the corpus settles it too; one with no name is unsorted.
    (tmp_path / "clear.md").unlink()
    result = _check(str(tmp_path))
    assert "company: (unsorted) [weak]" in result.stdout
    warning = f"{tmp_path.as_posix()}/vague.md: company not recognised with confidence"
    assert warning in result.stderr
    assert "add 'company:' front matter or move the seed to seeds/<company>/ [warning]" in result.stderr
