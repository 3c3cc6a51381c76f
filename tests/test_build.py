"""End to end: a strict MkDocs build of the project, read back as a reader would."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from dossier.pipeline import build_site
from dossier.problems import Problems
from dossier.read import read_seed
from ftfy.badness import is_bad
from helpers import SAMPLE_PAGES, Build, missing_sentences, page_text
from lxml import html as lxml_html


def _url(src_uri: str) -> str:
    path = src_uri.removesuffix(".md").removesuffix("index").rstrip("/")
    return f"/{path}/" if path else "/"


def test_strict_build_succeeds_without_warnings(sample_build: Build) -> None:
    assert sample_build.returncode == 0, sample_build.log
    assert "WARNING" not in sample_build.log and "ERROR" not in sample_build.log, sample_build.log


@pytest.mark.parametrize("url", SAMPLE_PAGES)
def test_site_map_pages_exist(sample_build: Build, url: str) -> None:
    assert sample_build.page(url).is_file()


def _links(build: Build, url: str) -> set[str]:
    """The site URLs an article links to, resolved against the page's URL."""
    found = set()
    for href in build.html(url).xpath("//article//a/@href"):
        if href.startswith(("#", "http")):
            continue
        target = (Path(url) / href.split("#")[0]).as_posix()
        parts: list[str] = []
        for part in target.split("/"):
            if part == "..":
                parts.pop()
            elif part and part != ".":
                parts.append(part)
        found.add("/" + "/".join(parts) + "/" if parts else "/")
    return found


def test_hub_links_to_every_page_and_every_page_links_back(sample_build: Build) -> None:
    hub = "/companies/twilio/"
    pages = [u for u in SAMPLE_PAGES if u.startswith(hub) and u != hub]
    assert len(pages) == 5
    assert set(pages) <= _links(sample_build, hub)
    for page in pages:
        links = _links(sample_build, page)
        assert hub in links, f"{page} does not link back to its hub"
        assert set(pages) - {page} <= links, f"{page} does not link to its siblings"


def test_pages_are_titled_for_readers(sample_build: Build) -> None:
    titles = {url: sample_build.html(url).findtext(".//title") for url in SAMPLE_PAGES}
    assert titles["/companies/twilio/interview-process/"] == "Twilio · Interview process - Dossier"
    assert titles["/companies/twilio/compensation/software-engineer/"] == "Twilio · Compensation · Software Engineer - Dossier"
    for url, title in titles.items():
        assert not re.search(r"\d{3}_[0-9a-f]{8}|\.txt", title), f"{url} is titled with a file name: {title}"
    nav = sample_build.html("/companies/twilio/").xpath("//nav[contains(@class,'md-nav--primary')]//a")
    assert {"Interview process", "Values", "History"} <= {" ".join(a.text_content().split()) for a in nav}


def test_no_mojibake_anywhere(sample_build: Build) -> None:
    for html_file in sorted(sample_build.site.rglob("*.html")):
        text = html_file.read_text(encoding="utf-8")
        for marker in ("â€", "Ã©", "Â£", "ðŸ", "ï¸"):
            assert marker not in text, f"{html_file}: {marker!r}"
        lines = [line for line in text.split("\n") if is_bad(line)]
        assert not lines, f"{html_file}: {lines[:3]}"


def _check_every_sentence(build: Build, seeds: Path) -> None:
    site = build_site(seeds)
    assert site.seeds
    for page in site.seeds:
        source = read_seed((seeds / page.path).read_bytes(), page.path, Problems())
        assert source is not None
        body = page_text(source.body) if page.path.endswith(".html") else source.body
        markdown = True if page.path.endswith((".md", ".erb")) else None
        missing = missing_sentences(body, build.article_text(_url(page.src_uri)), markdown)
        assert not missing, f"{page.path}: sentences missing from {_url(page.src_uri)}: {missing[:5]}"


def test_every_sentence_of_every_sample_seed_is_in_its_page(sample_build: Build) -> None:
    _check_every_sentence(sample_build, sample_build.project / "seeds")


def test_corpus_builds_strictly_with_every_sentence(corpus_build: Build) -> None:
    assert corpus_build.returncode == 0, corpus_build.log
    _check_every_sentence(corpus_build, corpus_build.project / "seeds")


def test_corpus_companies_get_their_dossiers(corpus_build: Build) -> None:
    for url in (
        "/companies/northwind-freight/",
        "/companies/quillmark/",
        "/companies/zurich-ledger-ag/",
        "/companies/okapi/",
        "/companies/brambleton-health/",
        "/companies/saint-laurent-rail/",
    ):
        assert corpus_build.page(url).is_file(), url
    # Two interview guides of one company both get a page.
    interviews = sorted(p.parent.name for p in (corpus_build.site / "companies/quillmark/interview-process").rglob("index.html"))
    assert len(interviews) == 2, interviews
    heading = corpus_build.html("/companies/zurich-ledger-ag/").findtext(".//h1")
    assert heading == "Zürich Ledger AG"


def test_same_url_seeds_each_get_a_page(tmp_path: Path) -> None:
    from helpers import build_project

    seeds = tmp_path / "in"
    seeds.mkdir()
    text = "---\ncompany: Kestrel Air\nkind: values\n---\nOur values\n\nFly safe. Land softly. Keep {n} promises.\n"
    for n in (1, 2):
        (seeds / f"v{n}.txt").write_text(text.replace("{n}", str(n)), encoding="utf-8")
    build = build_project(tmp_path, [seeds])
    assert build.returncode == 0, build.log
    urls = {page.path: _url(page.src_uri) for page in build_site(seeds).seeds}
    assert len(set(urls.values())) == 2, urls
    assert "Keep 1 promises." in build.article_text(urls["v1.txt"])
    assert "Keep 2 promises." in build.article_text(urls["v2.txt"])


def test_no_page_shows_generator_syntax(corpus_build: Build) -> None:
    """Shortcodes, template tags, attribute lists and asides of other site generators never show raw (code aside)."""
    syntax = re.compile(r"\{\{[<%]|[>%]\}\}|\{%|%\}|<%|\{[#:][\w.-]*\}|^:::", re.MULTILINE)
    for html_file in sorted((corpus_build.site / "companies").rglob("index.html")):
        tree = lxml_html.fromstring(html_file.read_bytes())
        for article in tree.xpath("//article"):
            for code in article.xpath(".//code | .//pre"):
                code.drop_tree()
            found = syntax.search(article.text_content())
            assert not found, f"{html_file}: {found.group()!r}"


def test_a_numbered_list_broken_by_a_note_goes_on_counting(tmp_path: Path) -> None:
    from helpers import build_project

    seeds = tmp_path / "in"
    seeds.mkdir()
    steps = "# Filing a claim\n\nKestrel Air pays claims.\n\n1. Fill in the form.\n2. Sign it.\n\nKeep a copy.\n\n3. Send it.\n"
    (seeds / "claims.md").write_text("---\ncompany: Kestrel Air\n---\n" + steps, encoding="utf-8")
    build = build_project(tmp_path, [seeds])
    assert build.returncode == 0, build.log
    (url,) = [_url(page.src_uri) for page in build_site(seeds).seeds]
    lists = build.html(url).xpath("//article//ol")
    assert [ol.get("start") for ol in lists] == [None, "3"]


def test_two_pages_of_one_kind_are_named_apart_in_the_navigation(tmp_path: Path) -> None:
    for name, title in (("a.md", "Compensation"), ("b.md", "Benefits")):
        text = f"---\ncompany: Kestrel Air\nkind: compensation\n---\n# {title}\n\nKestrel Air pays well. Salaries follow bands.\n"
        (tmp_path / name).write_text(text, encoding="utf-8")
    labels = sorted(page.label for page in build_site(tmp_path).seeds)
    assert labels == ["Compensation", "Compensation · Benefits"]
