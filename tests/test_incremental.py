"""A rebuild in the same process (as under ``mkdocs serve``) reuses parsed seeds and linked pages, and gives
exactly the site a fresh build of the same seeds gives."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import dossier.pipeline
import dossier.seed_cache
import dossier.topic_pages
import pytest
from dossier.pipeline import build_site
from helpers import ROOT, copy_project

CORPUS = ROOT / "tests" / "corpus" / "seeds"
_ENV = {**os.environ, "PYTHONPATH": str(ROOT / "hooks")}


def _pages(seeds: Path) -> list[tuple[str, str]]:
    return [(p.src_uri, p.markdown) for p in build_site(seeds).pages]


def _fresh(seeds: Path, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    with monkeypatch.context() as m:
        m.setattr(dossier.pipeline, "_CACHE", {})
        m.setattr(dossier.pipeline, "_LINKED", {})
        m.setattr(dossier.pipeline, "_PAGES", {})
        m.setattr(dossier.topic_pages, "_RENDERED", {})
        return _pages(seeds)


@pytest.mark.parametrize(
    "edit",
    [
        "\nA new sentence, added while the site is served.\n",
        # A new section on a topic: its topic's page lists it.
        "\nStock options and equity\nEquity is granted as stock options; the grant was added while the site is served.\n",
        # Words another page of the dossier explains: that page's "Mentioned in" lists the edited one.
        "\nThe salary and the interview process were discussed again, added while the site is served.\n",
    ],
    ids=["sentence", "section-on-a-topic", "mention"],
)
def test_a_rebuild_after_an_edit_is_the_site_a_fresh_build_makes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edit: str
) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(CORPUS, seeds)
    before = dict(_pages(seeds))  # the first build fills the caches
    edited = sorted(p for p in seeds.rglob("*") if p.is_file())[0]
    edited.write_text(edited.read_text(encoding="utf-8") + edit, encoding="utf-8")
    rebuilt = _pages(seeds)
    assert rebuilt == _fresh(seeds, monkeypatch)
    assert any("added while the site is served" in md for _, md in rebuilt)
    if "salary" in edit:
        mentioning = [uri for uri, md in rebuilt if "## Mentioned in" in md and "added while" not in md and md != before[uri]]
        assert any(not uri.endswith("/index.md") for uri in mentioning), mentioning  # a seed's page, not only a hub
    if "Equity" in edit:
        assert any("added while the site is served" in md for uri, md in rebuilt if uri.startswith("topics/"))


def test_a_rebuild_after_a_seed_is_added_then_removed_is_the_site_a_fresh_build_makes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A second seed of the same kind renames the first page in every sibling line of its dossier ("Values (1)",
    "Values (2)", or by title), and its removal renames it back: pages whose own seed did not change show it."""
    seeds = tmp_path / "seeds"
    shutil.copytree(CORPUS, seeds)
    before = _pages(seeds)
    original = sorted(p for p in seeds.rglob("*") if p.is_file())[0]
    twin = original.with_name("zz-second-" + original.name)
    twin.write_bytes(original.read_bytes().replace(b"\n", b"\nA line only the second copy has.\n", 1))
    added = _pages(seeds)
    assert added == _fresh(seeds, monkeypatch)
    new = {uri for uri, _ in added} - {uri for uri, _ in before}
    changed = {uri for uri, md in added if uri not in new and md != dict(before).get(uri)}
    assert new and len(changed) > 1  # the twin's page, and pages that list it
    twin.unlink()
    assert _pages(seeds) == _fresh(seeds, monkeypatch) == before


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


def test_a_new_process_reads_unchanged_seeds_from_the_disk_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`mkdocs build` run again (a new process) parses only the seeds that changed; the site is a fresh build's."""
    seeds = tmp_path / "seeds"
    shutil.copytree(CORPUS, seeds)
    cache = tmp_path / ".cache" / "dossier"
    monkeypatch.setattr(dossier.pipeline, "_CACHE", {})
    monkeypatch.setattr(dossier.pipeline, "_LINKED", {})
    monkeypatch.setattr(dossier.topic_pages, "_RENDERED", {})
    first = build_site(seeds, cache_dir=cache)
    entries = len(list(cache.glob("*/*/*.pickle")))
    parsed: list[str] = []
    linked: list[str] = []
    real_parse, real_link = dossier.pipeline._parse, dossier.pipeline._link_page

    def counting_parse(data: bytes, path: str) -> object:
        parsed.append(path)
        return real_parse(data, path)

    def counting_link(job: Any, at: int) -> object:
        linked.append(job[1][at][0].path)
        return real_link(job, at)

    rendered: list[str] = []
    real_render = dossier.topic_pages.render

    def counting_render(template: str, **context: object) -> str:
        rendered.append(template)
        return real_render(template, **context)

    monkeypatch.setattr(dossier.pipeline, "_parse", counting_parse)
    monkeypatch.setattr(dossier.pipeline, "_link_page", counting_link)
    monkeypatch.setattr(dossier.topic_pages, "render", counting_render)
    monkeypatch.setattr(dossier.pipeline, "_CACHE", {})  # as in a new process
    monkeypatch.setattr(dossier.pipeline, "_LINKED", {})
    monkeypatch.setattr(dossier.topic_pages, "_RENDERED", {})
    again = build_site(seeds, cache_dir=cache)
    assert parsed == linked == []
    assert "topic.md.j2" not in rendered  # the topic pages too
    assert [(p.src_uri, p.markdown) for p in again.pages] == [(p.src_uri, p.markdown) for p in first.pages]
    assert [str(p) for p in again.problems.sorted()] == [str(p) for p in first.problems.sorted()]

    edited = sorted(p for p in seeds.rglob("*") if p.is_file())[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nA sentence written between two builds.\n", encoding="utf-8")
    monkeypatch.setattr(dossier.pipeline, "_CACHE", {})
    monkeypatch.setattr(dossier.pipeline, "_LINKED", {})
    monkeypatch.setattr(dossier.topic_pages, "_RENDERED", {})
    rebuilt = build_site(seeds, cache_dir=cache)
    assert parsed == linked == [edited.relative_to(seeds).as_posix()]
    assert [(p.src_uri, p.markdown) for p in rebuilt.pages] == _fresh(seeds, monkeypatch)
    # The edited seed's old entries (as read, as linked) are gone.
    assert len(list(cache.glob("*/*/*.pickle"))) == entries


def test_a_cache_folder_emptied_while_serving_is_filled_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What the process still holds in memory is written back, so that the next process finds it."""
    seeds = tmp_path / "seeds"
    shutil.copytree(CORPUS, seeds)
    cache = tmp_path / ".cache" / "dossier"
    build_site(seeds, cache_dir=cache)
    entries = sorted(p.relative_to(cache) for p in cache.glob("*/*/*.pickle"))
    assert entries
    shutil.rmtree(cache)
    build_site(seeds, cache_dir=cache)  # everything from memory
    assert sorted(p.relative_to(cache) for p in cache.glob("*/*/*.pickle")) == entries


def test_an_unreadable_cache_entry_is_parsed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(CORPUS, seeds)
    cache = tmp_path / ".cache" / "dossier"
    monkeypatch.setattr(dossier.pipeline, "_CACHE", {})
    expected = [(p.src_uri, p.markdown) for p in build_site(seeds, cache_dir=cache).pages]
    for entry in cache.glob("*/*/*.pickle"):
        entry.write_bytes(entry.read_bytes()[:40])  # cut short, as by a full disk
    monkeypatch.setattr(dossier.pipeline, "_CACHE", {})
    assert [(p.src_uri, p.markdown) for p in build_site(seeds, cache_dir=cache).pages] == expected


def test_the_cache_follows_the_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Entries written by other code are neither read nor kept."""
    seeds = tmp_path / "seeds"
    shutil.copytree(CORPUS, seeds)
    cache = tmp_path / ".cache" / "dossier"
    monkeypatch.setattr(dossier.pipeline, "_CACHE", {})
    build_site(seeds, cache_dir=cache)
    (old,) = [p.name for p in cache.iterdir()]
    monkeypatch.setattr(dossier.seed_cache, "code_version", lambda: "0123456789abcdef")
    parsed: list[str] = []
    real_parse = dossier.pipeline._parse
    monkeypatch.setattr(dossier.pipeline, "_parse", lambda data, path: parsed.append(path) or real_parse(data, path))
    monkeypatch.setattr(dossier.pipeline, "_CACHE", {})
    build_site(seeds, cache_dir=cache)
    assert len(parsed) == len([p for p in seeds.rglob("*") if p.is_file()])
    assert [p.name for p in cache.iterdir()] == ["0123456789abcdef"] != [old]


PARSE_ONLY = ("pydantic", "markdown_it", "tldextract")
"""Libraries only reading a seed needs: a build of seeds all read before does without them (pydantic alone takes
40 ms to import, a tenth of a small site's whole build)."""

_BUILD_AND_LIST = """
import sys
from pathlib import Path
from dossier.pipeline import build_site
site = build_site(Path(sys.argv[1]), cache_dir=Path(sys.argv[2]))
print(len(site.pages), *sorted({name.split(".")[0] for name in sys.modules}))
"""


def test_a_build_of_cached_seeds_loads_no_library_only_reading_needs(tmp_path: Path) -> None:
    seeds, cache = tmp_path / "seeds", tmp_path / ".cache" / "dossier"
    shutil.copytree(CORPUS, seeds)
    (seeds / "brindlewick-interviews.txt").write_text(
        "How Brindlewick Ceramics interviews\n\nApply on https://careers.brindlewick.example.com/jobs, then expect a "
        "phone screen with a recruiter and a half-day studio visit.\n",
        encoding="utf-8",
    )

    def build() -> tuple[int, set[str]]:
        command = [sys.executable, "-c", _BUILD_AND_LIST, str(seeds), str(cache)]
        pages, *modules = subprocess.run(command, check=True, capture_output=True, text=True, env=_ENV).stdout.split()
        return int(pages), set(modules)

    first_pages, first_modules = build()
    assert set(PARSE_ONLY) <= first_modules  # the seeds use them all: compensation data, Markdown, a URL
    again_pages, again_modules = build()
    assert again_pages == first_pages
    assert set(PARSE_ONLY) & again_modules == set()


_SERVE_REBUILDS = """
import gc, sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
for _ in range(int(sys.argv[3])):  # as `mkdocs serve` rebuilds: the configuration (and the hook) loaded again
    build(load_config(sys.argv[1], site_dir=sys.argv[2]))
frozen = gc.get_freeze_count()
gc.unfreeze()
print(frozen, gc.collect())  # what was kept out of the collector, and how much of it was garbage
"""


def test_rebuilds_in_one_process_do_not_pile_up_the_last_builds(tmp_path: Path) -> None:
    """Under `mkdocs serve` each build's objects become garbage at the next; kept out of the cycle collector while
    MkDocs renders, they must still be collected, or a long session grows by a whole build at every edit (38 MB
    at 896 pages)."""
    project = copy_project(tmp_path, [CORPUS])

    def builds(count: int) -> tuple[int, int]:
        command = [sys.executable, "-c", _SERVE_REBUILDS, str(project / "mkdocs.yml"), str(tmp_path / "site"), str(count)]
        env = {**_ENV, "NO_MKDOCS_2_WARNING": "1"}
        frozen, garbage = subprocess.run(command, check=True, capture_output=True, text=True, env=env).stdout.split()
        return int(frozen), int(garbage)

    frozen_two, garbage_two = builds(2)
    frozen_five, garbage_five = builds(5)
    assert frozen_two > 0  # the pipeline's objects are kept out of the collector while MkDocs renders
    # Garbage of the last build at most, however many builds came before.
    assert garbage_five < 1.5 * garbage_two, (garbage_two, garbage_five)
