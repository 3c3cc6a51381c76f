"""A rebuild in the same process (as under ``mkdocs serve``) reuses parsed seeds and linked pages, and gives
exactly the site a fresh build of the same seeds gives."""

from __future__ import annotations

import shutil
from pathlib import Path

import dossier.pipeline
import dossier.topic_pages
import pytest
from dossier.pipeline import build_site
from helpers import ROOT

CORPUS = ROOT / "tests" / "corpus" / "seeds"


def _pages(seeds: Path) -> list[tuple[str, str]]:
    return [(p.src_uri, p.markdown) for p in build_site(seeds).pages]


def _fresh(seeds: Path, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    with monkeypatch.context() as m:
        m.setattr(dossier.pipeline, "_CACHE", {})
        m.setattr(dossier.pipeline, "_LINKED", {})
        m.setattr(dossier.topic_pages, "_RENDERED", {})
        return _pages(seeds)


@pytest.mark.parametrize(
    "edit",
    [
        "\nA new sentence, added while the site is served.\n",
        # A new section on a topic: its topic's page lists it.
        "\nStock options and equity\nEquity is granted as stock options; the grant was added while the site is served.\n",
    ],
    ids=["sentence", "section-on-a-topic"],
)
def test_a_rebuild_after_an_edit_is_the_site_a_fresh_build_makes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edit: str
) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(CORPUS, seeds)
    _pages(seeds)  # the first build fills the caches
    edited = sorted(p for p in seeds.rglob("*") if p.is_file())[0]
    edited.write_text(edited.read_text(encoding="utf-8") + edit, encoding="utf-8")
    rebuilt = _pages(seeds)
    assert rebuilt == _fresh(seeds, monkeypatch)
    assert any("added while the site is served" in md for _, md in rebuilt)
    if "Equity" in edit:
        assert any("added while the site is served" in md for uri, md in rebuilt if uri.startswith("topics/"))


def test_a_rebuild_reuses_the_links_of_pages_whose_seed_did_not_change(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(CORPUS, seeds)
    _pages(seeds)
    before = dict(dossier.pipeline._LINKED)
    edited = sorted(p for p in seeds.rglob("*") if p.is_file())[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nOne more plain sentence.\n", encoding="utf-8")
    _pages(seeds)
    after = dossier.pipeline._LINKED
    reused = [key for key in after if key in before and after[key] is before[key]]
    assert len(reused) == len(after) - 1  # every page but the edited seed's
