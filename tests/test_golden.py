"""Golden cases: one file per rule of structure recovery, input and expected Markdown side by side.

Regenerate with ``.venv/bin/python tests/regen_golden.py`` and review the diff.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml
from helpers import missing_sentences, page_text
from regen_golden import GOLDEN, expected_output

CASES = sorted(GOLDEN.glob("*.yaml"))


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_golden_case(path: Path) -> None:
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    expected = {k: case[k] for k in ("title", "markdown", "notices") if k in case}
    assert expected_output(case["input"], case.get("options")) == expected


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_golden_case_loses_no_sentence(path: Path) -> None:
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    shown = (case["title"] or "") + "\n" + case["markdown"]
    # Compare with the Markdown's text: entities decoded, markup marks ignored by the comparison.
    options = case.get("options") or {}
    text = page_text(case["input"]) if options.get("html") else case["input"]
    assert not missing_sentences(text, html.unescape(re.sub(r"</?[a-z][^>\n]*>", "", shown)), options.get("markdown"))


def test_there_is_a_case_for_every_rule() -> None:
    assert len(CASES) >= 15
