"""Search with Pagefind: which part of each page it indexes and the facets it filters by.

Pagefind writes a chunked index that a browser fetches piece by piece, so the
search of a site of thousands of pages stays light (:mod:`dossier.search_index`
builds it). It needs no network: ``pagefind[bin]`` brings a static binary.
"""

from __future__ import annotations

import html
import re

EXCLUDED = (
    ".headerlink",
    ".dossier-siblings",
    ".dossier-elsewhere",
    ".dossier-topics",
    ".dossier-mentioned",
    ".dossier-mentioned-in",
    "details.info",
    ".grid.cards",
    ".dossier-copy",
)
"""Parts of an article that are navigation or copies, not its text: pilcrows, sibling lines, "Mentioned in"
notes, "About this page", and a hub's cards, overview and key numbers (each quotes another page, which search
finds itself)."""
_DASHES = re.compile(r"[\u2010\u2011\u2012\u2212]")
"""Hyphens that are not the ASCII one (U+2010, the non-breaking U+2011, U+2012, minus): Pagefind splits words
only at the ASCII hyphen, so "SEV‑1" and "cross‑functional" are indexed as they would be written with it."""
_TEXT = re.compile(r">([^<]+)<")
_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">')


GENERAL_WEIGHT = 0.3
"""How much the words of a page that is about no company count, against a company page's (1)."""

KIND_WORDS = {
    "Compensation": "salary, pay",
    "Interview process": "hiring",
    "Values": "principles",
    "Career levels": "ladder",
    "Role": "day in the life",
}
"""Words a reader searches a kind of page by, whether or not its seed uses them ("Lisbon salary" for a pay
guide that says "base pay")."""
_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
_TAGS = re.compile(r'<a [^>]*class="headerlink"[^>]*>.*?</a>|<[^>]+>', re.S)
"""Tags, and the pilcrow links of headings with their text."""


def _label(facets: dict[str, list[str]]) -> str:
    """What a page is, as the index reads it first and a result's excerpt may open with: "Okapi compensation:
    salary, pay." (the company, the kind of page, and the words it is searched by)."""
    company = ", ".join(facets.get("company", ()))
    kinds = facets.get("kind", ())
    kind = ", ".join(kind.lower() for kind in kinds)
    synonyms = ", ".join(KIND_WORDS[kind] for kind in kinds if kind in KIND_WORDS)
    label = " ".join(part for part in (company, kind) if part)
    return f"{label}: {synonyms}." if synonyms else f"{label}." if label else ""


def _result_title(page: str, company: str) -> str:
    """The page's heading as a search result names it, with its company when the heading does not say it."""
    heading = _H1.search(page)
    title = html.unescape(_TAGS.sub("", heading.group(1))).strip() if heading else ""
    if not title or not company or company.casefold() in title.casefold():
        return ""
    return f"{title} · {company}"


def search_markup(page: str, facets: dict[str, list[str]]) -> str:
    """A page's HTML with its article marked for the index, and its facets as Pagefind filters."""
    filters = "".join(
        f'<span data-pagefind-filter="{html.escape(name)}">{html.escape(value)}</span>'
        for name, values in facets.items()
        for value in values
    )
    start = _ARTICLE.search(page)
    if start is None:
        return page
    title = _result_title(page, ", ".join(facets.get("company", ())))
    if title:
        filters += f'<span data-pagefind-meta="title">{html.escape(title)}</span>'
    # Outside the article, so that the facets are filters of the page but neither its text nor its excerpt.
    hidden = f'<div hidden aria-hidden="true">{filters}</div>' if filters else ""
    opening = start.group()[:-1] + " data-pagefind-body>"
    if not facets:
        # A page of docs/ (the editors' guide) speaks of seeds and their sections in general: a reader's search
        # finds the companies' own sections first.
        opening = opening[:-1] + f' data-pagefind-weight="{GENERAL_WEIGHT}">'
    label = _label(facets)
    if label:
        # Weighted as a little more than body text; first, so that a page's excerpt that opens with it reads as
        # a label of the page rather than a list of words.
        opening += f'<span hidden data-pagefind-weight="2">{html.escape(label)}</span>'
    return page[: start.start()] + hidden + opening + page[start.end() :]


def for_index(page: str) -> str:
    """A page as the index reads it: its words with ASCII hyphens (the page a reader gets keeps its own)."""
    if not _DASHES.search(page):
        return page
    return _TEXT.sub(lambda m: ">" + _DASHES.sub("-", m.group(1)) + "<", page)
