"""Search on a site of a few hundred pages (the benchmark's generated companies), in Chromium under a sub-path.

The figures at thousands of pages are the benchmark's (benchmarks/build_time.py); this proves that the search
integration holds when many companies have pages of the same kinds with the same headings.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from urllib.parse import unquote, urlsplit

import pytest
from helpers import ROOT, Build, build_project, results, search, serve

sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus import write_corpus  # noqa: E402

pytestmark = pytest.mark.browser

PREFIX = "/guide"
COMPANIES = 50


@pytest.fixture(scope="module")
def scale_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    seeds = tmp_path_factory.mktemp("generated-seeds")
    write_corpus(seeds, COMPANIES, seed=7)
    build = build_project(tmp_path_factory.mktemp("scale"), [seeds])
    assert build.returncode == 0, build.log[-3000:]
    return build


@pytest.fixture(scope="module")
def scale_served(scale_build: Build) -> Iterator[str]:
    with serve(scale_build.site, PREFIX) as url:
        yield url


def _companies(build: Build) -> dict[str, str]:
    """Company name by slug, as each history page's title says it ("The story of Quinorix Labs")."""
    names = {}
    for page in sorted(build.site.glob("companies/*/history/index.html")):
        title = re.search(r"<h1[^>]*>The story of (.*?)<", page.read_text(encoding="utf-8"))
        if title:
            names[page.parent.parent.name] = title.group(1)
    return names


def _place(href: str) -> tuple[str, str]:
    parts = urlsplit(href)
    return unquote(parts.path).removeprefix(PREFIX), unquote(parts.fragment)


def test_the_site_has_a_few_hundred_pages(scale_build: Build) -> None:
    pages = [p for p in scale_build.site.rglob("index.html") if "pagefind" not in p.parts]
    assert 250 <= len(pages) <= 600
    assert len(_companies(scale_build)) >= 40


def test_a_company_and_a_kind_of_section_find_that_company_s_page_first(
    browser: object, scale_build: Build, scale_served: str
) -> None:
    page = browser.new_page()
    page.goto(scale_served + "/")
    companies = _companies(scale_build)
    for slug in sorted(companies)[::12]:
        for words, kind in (("timeline", "history"), ("mornings", "roles"), ("negotiating salary", "compensation")):
            query = f"{companies[slug]} {words}"
            search(page, query)
            page.wait_for_timeout(200)
            found = [_place(href) for href in results(page)]
            assert found[0][0].startswith(f"/companies/{slug}/{kind}/"), (query, found[:3])
            page.keyboard.press("Escape")
    page.close()


@pytest.mark.parametrize(
    ("query", "kind", "anchor"), [("stages", "interview-process", "the-stages"), ("afternoons", "roles", "afternoons")]
)
def test_a_section_heading_shared_by_every_company_opens_at_that_section(
    browser: object, scale_served: str, query: str, kind: str, anchor: str
) -> None:
    page = browser.new_page()
    page.goto(scale_served + "/")
    search(page, query)
    page.wait_for_timeout(200)
    found = [_place(href) for href in results(page)]
    first = found[0][0]
    assert re.fullmatch(rf"/companies/[^/]+/{kind}/(?:[^/]+/)?", first), found[:3]
    assert (first, anchor) in found, found[:6]
    page.close()


def test_a_facet_narrows_a_common_word_to_one_company(browser: object, scale_build: Build, scale_served: str) -> None:
    slug, name = sorted(_companies(scale_build).items())[3]
    page = browser.new_page()
    page.goto(scale_served + "/")
    search(page, "values")
    page.wait_for_timeout(200)
    assert len({_place(h)[0].split("/")[2] for h in results(page)}) > 1
    dropdown = page.locator("pagefind-filter-dropdown[filter='company']")
    dropdown.locator("button").first.click()
    dropdown.get_by_text(name, exact=True).first.click()
    page.wait_for_timeout(500)
    assert {_place(h)[0].split("/")[2] for h in results(page)} == {slug}
    page.close()


def test_a_word_of_every_dossier_lists_forty_results_and_more_on_request(browser: object, scale_served: str) -> None:
    page = browser.new_page()
    page.goto(scale_served + "/")
    search(page, "history")
    total = int(re.match(r"(\d+) results", page.locator("pagefind-modal .pf-summary").inner_text()).group(1))
    assert total >= COMPANIES
    assert page.locator("pagefind-results .pf-result").count() == 40
    page.locator(".dossier-search__more button").click()
    assert page.locator("pagefind-results .pf-result").count() == min(80, total)
    page.close()


def test_a_word_of_the_editors_guide_finds_the_companies_pages_first(browser: object, scale_served: str) -> None:
    # The editors' guide speaks of timelines, stages and pay in general; a reader looks for a company's.
    page = browser.new_page()
    page.goto(scale_served + "/")
    for query in ("timeline", "compensation"):
        search(page, query)
        page.wait_for_timeout(200)
        assert _place(results(page)[0])[0].startswith("/companies/"), query
        page.keyboard.press("Escape")
    page.close()
