"""Search with Pagefind: which part of each page it indexes, the facets it filters by, and the index itself.

Pagefind runs once over the written site (its Python API costs at least 100 ms
a call, its command line a fraction of a second for the whole site) and writes
a chunked index that a browser fetches piece by piece, so the search of a site
of thousands of pages stays light. It needs no network: ``pagefind[bin]``
brings a static binary.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
from pathlib import Path

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


KIND_WORDS = {
    "Compensation": "compensation salary pay",
    "Interview process": "interview process hiring",
    "Values": "values principles",
    "History": "history",
    "Career levels": "career levels ladder",
    "Role": "role day in the life",
}
"""Words a reader searches a kind of page by, whether or not its seed uses them ("Lisbon salary" for a pay
guide that says "base pay"): indexed, lightly weighted, with the page's kind."""


def search_markup(page: str, facets: dict[str, list[str]]) -> str:
    """A page's HTML with its article marked for the index, and its facets as Pagefind filters."""
    filters = "".join(
        f'<span data-pagefind-filter="{html.escape(name)}">{html.escape(value)}</span>'
        for name, values in facets.items()
        for value in values
    )
    # Outside the article, so that the facets are filters of the page but neither its text nor its excerpt.
    hidden = f'<div hidden aria-hidden="true">{filters}</div>' if filters else ""
    start = _ARTICLE.search(page)
    if start is None:
        return page
    words = " ".join(KIND_WORDS.get(kind, "") for kind in facets.get("kind", ()))
    opening = start.group()[:-1] + " data-pagefind-body>"
    if words.strip():
        opening += f'<span hidden data-pagefind-weight="2">{html.escape(words)}</span>'
    return page[: start.start()] + hidden + opening + page[start.end() :]


def for_index(page: str) -> str:
    """A page as the index reads it: its words with ASCII hyphens (the page a reader gets keeps its own)."""
    if not _DASHES.search(page):
        return page
    return _TEXT.sub(lambda m: ">" + _DASHES.sub("-", m.group(1)) + "<", page)


def index_site(pages: Path, site: Path) -> str | None:
    """Index the pages under ``pages`` (as :func:`for_index` wrote them) into ``site``'s search bundle, replacing
    any earlier one; return a problem, or None."""
    bundle = site / "pagefind"
    if bundle.exists():
        shutil.rmtree(bundle)  # an old index would keep deleted pages findable
    command = [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(pages),
        "--output-path",
        str(bundle),
        "--exclude-selectors",
        ",".join(EXCLUDED),
        "--quiet",
    ]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=1800, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"search index not built: {exc}"
    if result.returncode != 0:
        return f"search index not built: {(result.stderr or result.stdout).strip()[:500]}"
    return None
