"""Structure recovery on the samples, measured against what a careful reader marks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from dossier.pipeline import build_site
from helpers import CORPUS, CORPUS2, CORPUS3, SAMPLE_SEEDS, SPEC

SAMPLES = yaml.safe_load(SPEC.read_text(encoding="utf-8"))["seeds"]
CORPUS_SEEDS = [
    {**seed, "corpus": folder}
    for folder in (CORPUS, CORPUS2, CORPUS3)
    for seed in yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))["seeds"]
]
CORPUS_IDS = [f"{s['corpus'].name}/{s['file']}" for s in CORPUS_SEEDS]


@pytest.fixture(scope="module")
def sample_pages() -> dict[str, object]:
    return {p.path: p for p in build_site(SAMPLE_SEEDS).seeds}


@pytest.fixture(scope="module")
def corpus_pages() -> dict[Path, dict[str, object]]:
    return {folder: {p.path: p for p in build_site(folder / "seeds").seeds} for folder in (CORPUS, CORPUS2, CORPUS3)}


def _plain(heading: str) -> str:
    # A leading emoji or symbol is decoration, and a no-break space a space: the reader marks the words.
    return re.sub(r"^[^\w“\"'(]+", "", " ".join(heading.split()))


def _check_headings(page: object, expected: list[str]) -> None:
    found = [_plain(h) for h in [page.title] + page.headings]
    expected = [_plain(h) for h in expected]
    missing = [h for h in expected if h not in found]
    assert not missing, f"headings not recovered: {missing}"
    extra = [h for h in found[1:] if h not in expected]
    assert not extra, f"lines promoted to headings that a reader does not mark: {extra}"


@pytest.mark.parametrize("expected", SAMPLES, ids=[s["file"] for s in SAMPLES])
def test_sample_headings(sample_pages: dict[str, object], expected: dict[str, object]) -> None:
    _check_headings(sample_pages[expected["file"]], expected["headings"])


@pytest.mark.parametrize("expected", CORPUS_SEEDS, ids=CORPUS_IDS)
def test_corpus_headings(corpus_pages: dict[Path, dict[str, object]], expected: dict[str, object]) -> None:
    _check_headings(corpus_pages[expected["corpus"]][expected["file"]], expected["headings"])


def test_no_heading_shows_an_attribute_list_or_a_shortcode(corpus_pages: dict[Path, dict[str, object]]) -> None:
    syntax = re.compile(r"\{[#:.][^{}]*\}|\{\{[<%]|\{%|<%|:::")
    for pages in corpus_pages.values():
        for page in pages.values():
            for heading in [page.title, *page.headings]:
                assert not syntax.search(heading), f"{page.path}: {heading!r}"
