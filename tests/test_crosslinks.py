"""Cross-linked dossiers, on the built site of the samples and the three test corpora together."""

from __future__ import annotations

import posixpath
from collections import defaultdict
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from helpers import Build

# Mentions a careful reader would link, each checked by reading its sentence:
# (page that mentions, words of the link, page#anchor that explains them).
MENTIONS = [
    ("companies/twilio/interview-process/", "Be Humble", "companies/twilio/values/#be-humble"),
    ("companies/twilio/roles/product-manager/", "Verify", "companies/twilio/history/#the-verify-fortress"),
    ("companies/twilio/roles/product-manager/", "interview loop", "companies/twilio/interview-process/"),
    (
        "companies/twilio/compensation/software-engineer/",
        "Segment",
        "companies/twilio/history/#segment-the-expensive-bet-that-might-be-paying-off",
    ),
    ("companies/twilio/history/", "product managers", "companies/twilio/roles/product-manager/"),
    ("companies/quillmark/interview-process/", "write it down", "companies/quillmark/values/#write-it-down"),
    ("companies/quillmark/compensation/data-engineer/", "Northwind Freight", "companies/northwind-freight/"),
    ("companies/quillmark/compensation/data-engineer/", "data engineers", "companies/quillmark/interview-process/data-engineer/"),
    ("companies/quillmark/values/", "Bengaluru", "companies/quillmark/history/#the-bengaluru-decision"),
    (
        "companies/northwind-freight/interview-process/",
        "Carry the load together",
        "companies/northwind-freight/values/#carry-the-load-together",
    ),
    (
        "companies/northwind-freight/compensation/solutions-engineer/",
        "Benelux",
        "companies/northwind-freight/history/#from-benelux-to-the-continent",
    ),
    ("companies/northwind-freight/roles/solutions-engineer/", "interview loop", "companies/northwind-freight/interview-process/"),
    ("companies/dxw/levels/designer/", "GDS", "companies/gds/"),
    (
        "companies/dxw/compensation/reward-philosophy/",
        "work at a sustainable pace",
        "companies/dxw/values/#work-at-a-sustainable-pace",
    ),
    ("companies/meltano/compensation/compensation/", "Benefits", "companies/meltano/compensation/benefits/"),
    ("companies/18f/history/", "GDS", "companies/gds/"),
    ("companies/ttsc/documents/operational-initiatives-and-maintenance-support/", "18F", "companies/18f/"),
    (
        "companies/okapi/compensation/site-reliability-engineer/",
        "SRE",
        "companies/okapi/interview-process/site-reliability-engineer/",
    ),
    ("companies/civicactions/values/", "project manager", "companies/civicactions/roles/project-manager/"),
]
_NAVIGATION = {"dossier-siblings", "dossier-elsewhere", "dossier-topics", "dossier-mentioned", "headerlink"}


class _Page(HTMLParser):
    """The ids of a page, its links, and which of them are in the article's text (not its navigation lines)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.text_links: list[tuple[str, str]] = []
        self.mentioned_in: list[str] = []
        self._stack: list[tuple[str, bool]] = []
        self._article = 0
        self._after_mentioned = False
        self._href: str | None = None
        self._words: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "h2":
            self._after_mentioned = values.get("id", "").startswith("mentioned-in")
        classes = set(values.get("class", "").split())
        # Navigation lines, and the "About this page" note (an info box) that links the hub.
        navigation = bool(classes & _NAVIGATION) or tag == "nav" or (tag == "details" and "info" in classes)
        inside = any(nav for _, nav in self._stack) or navigation
        if tag not in ("br", "img", "hr", "input", "meta", "link"):
            self._stack.append((tag, inside))
        if tag == "article":
            self._article += 1
        if tag == "a" and "href" in values:
            self.links.append(values["href"])
            if self._after_mentioned and self._article:
                self.mentioned_in.append(values["href"])
            elif self._article and not inside and not self._after_mentioned:
                self._href, self._words = values["href"], []

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href is not None:
            self.text_links.append((" ".join("".join(self._words).split()), self._href))
            self._href = None
        while self._stack:
            if self._stack.pop()[0] == tag:
                break
        if tag == "article":
            self._article -= 1

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._words.append(data)


@cache
def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def _resolve(site: Path, page: str, href: str) -> tuple[str, str] | None:
    """The site path (a folder URL, "companies/x/") and fragment a relative link from ``page`` goes to; None if external."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("mailto:"):
        return None
    target = posixpath.normpath(posixpath.join(page, unquote(parts.path))) if parts.path else page.rstrip("/")
    target = "" if target == "." else target
    if target.endswith("index.html"):
        target = target[: -len("index.html")]
    return (target.strip("/") + "/" if target.strip("/") else ""), unquote(parts.fragment)


def _html(site: Path, url: str) -> Path:
    return site / url / "index.html" if not url.endswith((".html", ".xml", ".json")) else site / url


@pytest.fixture(scope="module")
def site(corpus_build: Build) -> Path:
    assert corpus_build.returncode == 0, corpus_build.output
    return corpus_build.site


def _pages(site: Path) -> list[str]:
    return sorted(p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html") if "assets" not in p.parts)


def test_every_internal_link_and_anchor_resolves(site: Path) -> None:
    broken = []
    for url in _pages(site):
        page_url = "" if url == "./" else url
        for href in _parse(_html(site, page_url)).links:
            resolved = _resolve(site, page_url, href)
            if resolved is None:
                continue
            target, fragment = resolved
            file = _html(site, target) if not Path(target).suffix else site / target.rstrip("/")
            if not file.exists():
                broken.append((url, href, "no such page"))
            elif fragment and file.suffix == ".html" and fragment not in _parse(file).ids:
                broken.append((url, href, "no such anchor"))
    assert not broken, broken[:20]


@pytest.mark.parametrize(("source", "words", "target"), MENTIONS, ids=[f"{s}:{w}" for s, w, _ in MENTIONS])
def test_a_mention_links_where_it_is_explained_and_is_listed_there(site: Path, source: str, words: str, target: str) -> None:
    links = [(text, _resolve(site, source, href)) for text, href in _parse(_html(site, source)).text_links]
    found = [resolved for text, resolved in links if text == words]
    assert found, f"{words!r} is not linked on {source}"
    target_url, fragment = target.split("#") if "#" in target else (target, "")
    assert found[0] == (target_url, fragment)
    # The page that explains it says where it is mentioned: a link back to the mentioning page (and its section).
    back = [_resolve(site, target_url, href) for href in _parse(_html(site, target_url)).mentioned_in]
    assert any(r is not None and r[0] == source for r in back), f"{target_url} does not list {source} in 'Mentioned in'"


def test_mentions_come_from_at_least_three_companies() -> None:
    assert len({source.split("/")[1] for source, _, _ in MENTIONS}) >= 3
    assert len(MENTIONS) >= 15


def _company_pages(site: Path) -> dict[str, list[str]]:
    pages = defaultdict(list)
    for url in _pages(site):
        parts = url.strip("/").split("/")
        if parts[0] == "companies" and len(parts) > 2:
            pages[parts[1]].append(url)
    return pages


def test_every_page_of_a_company_reaches_every_other_in_two_clicks(site: Path) -> None:
    far = []
    for company, urls in _company_pages(site).items():
        hub = f"companies/{company}/"
        everything = set(urls) | {hub}
        steps = {}
        for url in everything:
            steps[url] = {r[0] for href in _parse(_html(site, url)).links if (r := _resolve(site, url, href))}
        for url in everything:
            reach = steps[url] | {u for step in steps[url] & everything for u in steps[step]}
            far += [(url, other) for other in everything - reach - {url}]
    assert not far, far[:10]


def test_most_company_pages_link_to_other_pages_in_their_text(site: Path) -> None:
    urls = [u for pages in _company_pages(site).values() for u in pages]
    linking = [
        u for u in urls if any(r and r[0] != u for _, href in _parse(_html(site, u)).text_links if (r := _resolve(site, u, href)))
    ]
    assert len(linking) >= 0.6 * len(urls), f"{len(linking)} of {len(urls)} pages link in their text"


def test_topics_gather_sections_of_several_companies(site: Path) -> None:
    index = _parse(_html(site, "topics/"))
    topics = sorted(
        {
            r[0]
            for href in index.links
            if (r := _resolve(site, "topics/", href)) and r[0].count("/") == 2 and r[0].startswith("topics/")
        }
    )
    shared = []
    for topic in topics:
        companies = {
            r[0].split("/")[1]
            for href in _parse(_html(site, topic)).links
            if (r := _resolve(site, topic, href)) and r[0].startswith("companies/")
        }
        if len(companies) >= 2:
            shared.append(topic)
    assert len(shared) >= 12, shared


def test_a_page_links_to_the_same_kind_at_other_companies_and_its_compare_page(site: Path) -> None:
    page = "companies/okapi/values/"
    links = {r[0] for href in _parse(_html(site, page)).links if (r := _resolve(site, page, href))}
    other_values = {u for u in links if u.startswith("companies/") and u.endswith("/values/") and u != page}
    assert len(other_values) >= 3 and "compare/values/" in links
    compare = {r[0] for href in _parse(_html(site, "compare/values/")).links if (r := _resolve(site, "compare/values/", href))}
    assert page in compare and other_values <= compare


def test_the_hub_says_what_its_dossier_lacks_and_the_companies_table_shows_it(site: Path) -> None:
    hub = _html(site, "companies/ttsc/").read_text(encoding="utf-8")
    assert "Not yet in this dossier" in hub and "No history" in hub and "No compensation data" in hub
    table = _html(site, "companies/").read_text(encoding="utf-8")
    assert 'id="completeness-and-freshness"' in table
    rows = table[table.index('id="completeness-and-freshness"') :]
    row = rows[rows.index('<a href="ttsc/">TTSC</a>') :].split("</tr>")[0]
    assert row.count("—") >= 5, row


def test_every_page_reaches_every_company_through_the_companies_index(site: Path) -> None:
    # The navigation is pruned to what is visible, so the companies index is the way to every dossier.
    index = {r[0] for href in _parse(_html(site, "companies/")).links if (r := _resolve(site, "companies/", href))}
    hubs = {f"companies/{c}/" for c in _company_pages(site)}
    assert hubs <= index
    missing = []
    for url in _pages(site):
        page_url = "" if url == "./" else url
        if "companies/" not in {r[0] for href in _parse(_html(site, page_url)).links if (r := _resolve(site, page_url, href))}:
            missing.append(url)
    assert not missing, missing[:10]


def test_a_large_site_lists_the_companies_index_not_every_company_in_its_navigation(tmp_path: Path) -> None:
    from dossier.pipeline import NAV_COMPANIES, build_site

    for i in range(NAV_COMPANIES + 1):
        (tmp_path / f"s{i}.md").write_text(
            f"---\ncompany: Quorvex {i:03d}\nkind: values\n---\n# Values\n\nBe kind.\n", encoding="utf-8"
        )
    site = build_site(tmp_path)
    (companies,) = [entry["Companies"] for entry in site.nav if isinstance(entry, dict) and "Companies" in entry]
    assert companies == ["companies/index.md"]
    index = next(p for p in site.pages if p.src_uri == "companies/index.md").markdown
    assert all(f"({c.slug}/)" in index or f"({c.slug}/index.md)" in index for c in site.companies)
