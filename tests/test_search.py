"""Search in Chromium (Pagefind): the right page and section first, facets, dark mode, offline, under a sub-path."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from helpers import ROOT, SPEC, Build, results, search, serve

pytestmark = pytest.mark.browser

PREFIX = "/dossier"
SAMPLE_QUERIES = yaml.safe_load((SPEC.parent / "sample-queries.yaml").read_text(encoding="utf-8"))["queries"]
OWN_QUERIES = yaml.safe_load((ROOT / "tests" / "search-queries.yaml").read_text(encoding="utf-8"))["queries"]


def _text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def _section(site: Path, href: str) -> tuple[str, str]:
    """The page (site path) a result opens, and the words of the section it opens at (the whole article if none)."""
    parts = urlsplit(href)
    page = unquote(parts.path).removeprefix(PREFIX)
    document = (site / page.strip("/") / "index.html").read_text(encoding="utf-8")
    article = document[document.index("<article") : document.index("</article>")]
    anchor = unquote(parts.fragment)
    if anchor:
        start = article.index(f'id="{anchor}"')
        after = re.search(r"<h[1-6][ >]", article[start + 1 :])
        article = article[start : start + 1 + after.start()] if after else article[start:]
    return page, _text(article)


@pytest.fixture(scope="module")
def samples_served(sample_build: Build) -> Iterator[str]:
    with serve(sample_build.site, PREFIX) as url:
        yield url


@pytest.fixture(scope="module")
def corpus_served(corpus_build: Build) -> Iterator[str]:
    assert corpus_build.returncode == 0, corpus_build.log
    with serve(corpus_build.site, PREFIX) as url:
        yield url


@pytest.fixture(scope="module")
def search_page(browser: object) -> Iterator[object]:
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


def _first_results(page: object, site_url: str, query: str) -> list[str]:
    if not page.url.startswith(site_url):
        page.goto(site_url + "/")
    search(page, query)
    page.wait_for_timeout(300)  # results settle once the last keystroke's search is done
    found = results(page)
    page.keyboard.press("Escape")  # the first clears the box, the second closes the search
    page.keyboard.press("Escape")
    return found


@pytest.mark.parametrize("query", SAMPLE_QUERIES, ids=[q["q"] for q in SAMPLE_QUERIES])
def test_the_right_page_and_section_come_first_on_the_samples(
    search_page: object, samples_served: str, sample_build: Build, query: dict[str, str]
) -> None:
    found = _first_results(search_page, samples_served, query["q"])
    assert found, f"nothing found for {query['q']!r}"
    expect = " ".join(query["expect"].split())
    page, words = _section(sample_build.site, found[0])
    assert expect in words, f"{query['q']!r}: first result {page} does not say {expect!r}"
    # Pagefind lists a page's sections in the page's order, not by score: the right one is among those it shows.
    sections = [href for href in found if "#" in href and _section(sample_build.site, href)[0] == page]
    assert not sections or any(expect in _section(sample_build.site, s)[1] for s in sections), (query["q"], sections)


def test_a_result_names_the_company_its_heading_does_not(search_page: object, corpus_served: str, corpus_build: Build) -> None:
    # A benefits page headed "Benefits": among many companies' results a reader must see whose it is.
    query = next(q for q in OWN_QUERIES if q["q"] == "all-remote")
    document = (corpus_build.site / query["page"].strip("/") / "index.html").read_text(encoding="utf-8")
    heading = _text(re.search(r"<h1[^>]*>(.*?)</h1>", document, re.S).group(1)).rstrip("¶ ")
    company = html.unescape(re.search(r"<title>([^<]*?) · ", document).group(1))
    assert company not in heading
    search_page.goto(corpus_served + "/")
    search(search_page, query["q"])
    title = search_page.locator("pagefind-results .pf-result-title").first.inner_text()
    search_page.keyboard.press("Escape")
    search_page.keyboard.press("Escape")
    assert heading in title and company in title, title


@pytest.mark.parametrize(
    "query",
    [pytest.param(q, marks=pytest.mark.xfail(strict=True, reason=q["miss"])) if "miss" in q else q for q in OWN_QUERIES],
    ids=[q["q"] for q in OWN_QUERIES],
)
def test_the_right_page_comes_first_on_other_companies(
    search_page: object, corpus_served: str, corpus_build: Build, query: dict[str, str]
) -> None:
    found = _first_results(search_page, corpus_served, query["q"])
    assert found and _section(corpus_build.site, found[0])[0] == query["page"], (query["q"], found[:3])
    if "section" in query:
        sections = [unquote(urlsplit(href).fragment) for href in found if "#" in href]
        assert query["section"] in sections, (query["q"], sections)


def test_enough_queries_are_checked() -> None:
    assert len(SAMPLE_QUERIES) >= 24
    assert len([q for q in OWN_QUERIES if "miss" not in q]) >= 12


def test_a_facet_narrows_the_results_to_one_company(browser: object, corpus_served: str) -> None:
    page = browser.new_page()
    page.goto(corpus_served + "/")
    search(page, "interview")
    page.wait_for_timeout(300)
    before = {urlsplit(h).path.split("/")[3] for h in results(page) if "/companies/" in h}
    assert len(before) > 1
    dropdown = page.locator("pagefind-filter-dropdown[filter='company']")
    dropdown.locator("button").first.click()
    dropdown.get_by_text("Okapi", exact=True).first.click()
    page.wait_for_timeout(500)
    after = {urlsplit(h).path.split("/")[3] for h in results(page) if "/companies/" in h}
    assert after == {"okapi"}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_search_works_offline_in_both_colour_schemes(browser: object, samples_served: str, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(samples_served) else None)
    page.goto(samples_served + "/companies/twilio/values/")
    assert page.locator("html").get_attribute("data-pf-theme") == ("dark" if scheme == "dark" else "light")
    first = search(page, "draw the owl")
    assert first.is_visible()
    background = page.locator("pagefind-modal dialog, pagefind-modal [role=dialog]").first.evaluate(
        "el => getComputedStyle(el).backgroundColor"
    )
    first.click()
    page.wait_for_url(f"**{PREFIX}/companies/twilio/values/**")
    assert outside == []
    # Dark mode gives the search a dark panel: its red, green and blue are all low.
    channels = [int(c) for c in re.findall(r"\d+", background)[:3]]
    assert (max(channels) < 100) if scheme == "dark" else (min(channels) > 200), background
    context.close()


def test_a_long_list_of_results_shows_forty_then_more_on_request(browser: object, corpus_served: str) -> None:
    page = browser.new_page()
    page.goto(corpus_served + "/")
    search(page, "and")  # a word of nearly every page
    summary = page.locator("pagefind-modal .pf-summary").inner_text()
    total = int(re.match(r"(\d+) results", summary).group(1))
    assert 40 < total <= 80, summary  # the test corpora's pages
    shown = page.locator("pagefind-results .pf-result")
    more = page.locator(".dossier-search__more")
    assert shown.count() == 40
    assert more.is_visible() and more.inner_text().startswith(f"Showing 40 of {total}.")
    more.get_by_role("button", name="Show more results").click()
    assert shown.count() == total
    assert more.is_hidden()
    # A new search starts again from forty.
    search(page, "interview")
    assert shown.count() == min(40, int(re.match(r"(\d+)", page.locator("pagefind-modal .pf-summary").inner_text()).group(1)))
    page.close()


@pytest.mark.parametrize("query", ["q", "HR"])
def test_a_short_query_is_searched_once_the_reader_pauses(browser: object, corpus_served: str, query: str) -> None:
    # One or two letters match most of the site; they are searched when the reader stops on them, not while typing.
    page = browser.new_page()
    page.goto(corpus_served + "/")
    first = search(page, query)
    assert first.is_visible()
    page.close()


def test_the_search_loads_when_the_pointer_reaches_the_search_box(browser: object, samples_served: str) -> None:
    page = browser.new_page()
    page.goto(samples_served + "/")
    page.wait_for_load_state("networkidle")
    with page.expect_request(lambda r: r.url.endswith(".pagefind"), timeout=5_000):
        page.locator("pagefind-modal-trigger button").hover()
    assert not page.locator("pagefind-modal dialog[open]").count()  # loaded, not opened
    page.close()
