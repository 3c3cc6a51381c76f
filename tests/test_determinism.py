"""Determinism: the same seeds give the same site, whatever the order of files on disk or their times."""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path
from typing import Any

import dossier.discover
import dossier.forked
import dossier.pipeline
import dossier.prerender
import pytest
from dossier.pipeline import build_site
from helpers import CORPUS, SAMPLE_SEEDS, add_hook, build_project, copy_project, site_files

SITEMAPS = {"sitemap.xml", "sitemap.xml.gz"}


def _copy_in_order(sources: list[Path], target: Path, reverse: bool, mtime: int) -> Path:
    files = sorted((f, f.relative_to(src)) for src in sources for f in src.rglob("*") if f.is_file())
    for file, rel in reversed(files) if reverse else files:
        (target / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(file, target / rel)
        os.utime(target / rel, (mtime, mtime))
        mtime += 7919 if reverse else 1
    return target


@pytest.mark.parametrize("epoch", [None, "1767225600"], ids=["build-date", "SOURCE_DATE_EPOCH"])
def test_two_builds_are_byte_identical(tmp_path: Path, epoch: str | None) -> None:
    env = {"SOURCE_DATE_EPOCH": epoch} if epoch else {}
    builds = []
    for name, reverse, mtime in (("a", False, 1_600_000_000), ("b", True, 1_700_000_000)):
        seeds = _copy_in_order([SAMPLE_SEEDS, CORPUS / "seeds"], tmp_path / f"seeds-{name}", reverse, mtime)
        build = build_project(tmp_path / name, [seeds], extra_env=env)
        assert build.returncode == 0, build.log
        builds.append(site_files(build.site))
    first, second = builds
    assert first.keys() == second.keys()
    differing = sorted(name for name in first if first[name] != second[name])
    if epoch:
        assert differing == []
    else:
        assert set(differing) <= SITEMAPS


def test_pipeline_ignores_the_order_the_file_system_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    expected = [(p.src_uri, p.markdown) for p in build_site(SAMPLE_SEEDS).pages]
    real_walk = os.walk

    def reversed_walk(top: object, **kwargs: object) -> object:
        for folder, dirs, files in real_walk(top, **kwargs):
            dirs.reverse()
            yield folder, dirs, list(reversed(files))

    monkeypatch.setattr(dossier.discover.os, "walk", reversed_walk)
    monkeypatch.setattr(dossier.pipeline, "_CACHE", {})
    assert [(p.src_uri, p.markdown) for p in build_site(SAMPLE_SEEDS).pages] == expected


def test_seeds_parsed_and_linked_on_several_cores_give_the_same_site(monkeypatch: pytest.MonkeyPatch) -> None:
    """A first build of many seeds parses and links them in child processes; the pages and problems are those of
    one process."""
    seeds = CORPUS.parent / "corpus3" / "seeds"

    def site() -> tuple[list[tuple[str, str]], list[tuple[str, str]], list[str]]:
        monkeypatch.setattr(dossier.pipeline, "_CACHE", {})
        monkeypatch.setattr(dossier.pipeline, "_LINKED", {})
        monkeypatch.setattr(dossier.pipeline, "_PAGES", {})
        built = build_site(seeds)
        pages = [(p.src_uri, p.markdown) for p in built.pages]
        return pages, sorted((s.path, s.digest) for s in built.seeds), [str(p) for p in built.problems.sorted()]

    monkeypatch.setattr(dossier.forked, "can_fork", lambda: False)
    alone = site()
    forked: list[int] = []
    real_pool = dossier.forked.multiprocessing.get_context("fork").Pool

    def counting_pool(workers: int, **options: Any) -> object:
        forked.append(workers)
        return real_pool(workers, **options)

    monkeypatch.setattr(dossier.forked, "can_fork", lambda: True)
    monkeypatch.setattr(dossier.forked, "cores", lambda: 2)
    monkeypatch.setattr(dossier.pipeline, "PARALLEL_FROM", 2)
    monkeypatch.setattr(dossier.forked.multiprocessing.get_context("fork"), "Pool", counting_pool)
    assert site() == alone
    assert forked == [2, 2]  # one pool parses, one links


class _ToStandardError(logging.Handler):
    """Writes each record straight to file descriptor 2, as a forked child would too."""

    def emit(self, record: logging.LogRecord) -> None:
        os.write(2, f"{record.getMessage()}\n".encode())


def test_pages_converted_on_several_cores_give_the_same_site_and_warnings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]
) -> None:
    """A first build of many pages converts their Markdown in child processes: the site, and the warnings MkDocs
    gives about a page's links (logged in a child), are those of one process; what another plugin logs while a
    child reads a page is not said twice; a page's HTML that another plugin changes after the child converted it is
    sanitised as changed, not as the child sanitised it."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    project = copy_project(tmp_path, [SAMPLE_SEEDS, CORPUS / "seeds"])
    add_hook(
        project,
        "noisy.py",
        "import logging\n\n"
        "from mkdocs.plugins import event_priority\n\n"
        "def on_page_markdown(markdown, page, config, files):\n"
        "    if page.file.src_uri == 'notes.md':\n"
        "        logging.getLogger('mkdocs.plugins.noisy').warning('noisy: notes read')\n"
        "    return markdown\n\n"
        "@event_priority(100)  # before Dossier's sanitising\n"
        "def on_page_content(html, page, config, files):\n"
        "    if page.file.src_uri == 'notes.md':\n"
        "        return html + '<p>Added by another plugin.</p><script>alert(1)</script>'\n"
        "    return html\n",
    )
    (project / "docs" / "notes.md").write_text(
        "# Notes\n\nSee [a page that is gone](gone.md) and [a missing section](index.md#no-such-section).\n",
        encoding="utf-8",
    )

    def site(name: str) -> tuple[dict[str, bytes], list[str]]:
        caplog.clear()
        monkeypatch.setattr(dossier.pipeline, "_CACHE", {})
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / name))
        config.extra["dossier"]["cache"] = False
        capfd.readouterr()
        handler = _ToStandardError()
        logging.getLogger("mkdocs").addHandler(handler)
        try:
            with caplog.at_level(logging.INFO, logger="mkdocs"):
                build(config)
        finally:
            logging.getLogger("mkdocs").removeHandler(handler)
        assert capfd.readouterr().err.count("noisy: notes read") == 1
        said = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
        return site_files(tmp_path / name), said

    monkeypatch.setattr(dossier.forked, "can_fork", lambda: False)
    alone, said_alone = site("alone")
    assert any("gone.md" in s for s in said_alone) and any("no-such-section" in s for s in said_alone)
    notes = alone["notes/index.html"].decode()
    assert "Added by another plugin." in notes and "alert(1)" not in notes  # sanitised after the other plugin

    served: list[str] = []
    real_render = dossier.prerender._render

    def counting(page: Any, *args: Any) -> None:
        served.append(page.file.src_uri)
        real_render(page, *args)

    monkeypatch.setattr(dossier.forked, "can_fork", lambda: True)
    monkeypatch.setattr(dossier.forked, "cores", lambda: 2)
    monkeypatch.setattr(dossier.prerender, "PARALLEL_FROM", 2)
    monkeypatch.setattr(dossier.prerender, "_render", counting)
    shared, said_shared = site("shared")
    pages = [name for name in alone if name.endswith(".html") and name != "404.html"]
    assert len(served) == len(pages) and "notes.md" in served
    assert shared == alone
    assert said_shared == said_alone

    served.clear()
    monkeypatch.setattr(dossier.prerender, "_convert", _unsendable)
    unsent, said_unsent = site("unsent")
    assert served == []  # MkDocs converted every page itself
    assert unsent == alone
    assert said_unsent == said_alone


def _unsendable(job: object, index: int) -> object:
    """A child's result that cannot be sent back (a plugin may leave such an object on a page)."""
    return lambda: index
