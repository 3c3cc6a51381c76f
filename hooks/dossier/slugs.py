"""Safe, readable, unique URL slugs for companies, roles and pages."""

from __future__ import annotations

import hashlib
import unicodedata

from slugify import slugify as _slugify

MAX_SLUG_CHARS = 60
RESERVED = frozenset(
    {
        "con",
        "prn",
        "aux",
        "nul",
        *(f"com{i}" for i in range(10)),
        *(f"lpt{i}" for i in range(10)),
        "index",
        "404",
        "assets",
        "search",
        "topics",
        "compare",
        "sitemap",
        "stylesheets",
        "javascripts",
    }
)


def slug(text: str, fallback: str = "untitled") -> str:
    """A lowercase ASCII slug of letters, digits and hyphens, never empty, never reserved.

    Text in any script is transliterated ("Zürich" becomes "zurich",
    "株式会社メルカリ" becomes a romanisation); text with nothing to transliterate
    gets ``fallback`` followed by a short hash of the text, so that it is stable.
    """
    normal = unicodedata.normalize("NFKC", text)
    value = _slugify(normal, max_length=MAX_SLUG_CHARS, word_boundary=True, save_order=True)
    if not value:
        digest = hashlib.sha1(normal.encode("utf-8")).hexdigest()[:8] if normal.strip() else ""
        value = f"{fallback}-{digest}" if digest else fallback
    if value in RESERVED:
        value = f"{value}-page"
    return value


class SlugAllocator:
    """Hands out slugs unique within one scope: a second "acme" becomes "acme-2"."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def __contains__(self, slug: str) -> bool:
        return slug in self._taken

    def take(self, wanted: str) -> str:
        """Return ``wanted``, or ``wanted-2``, ``wanted-3``... whichever is free, and reserve it."""
        candidate, number = wanted, 2
        while candidate in self._taken:
            candidate = f"{wanted}-{number}"
            number += 1
        self._taken.add(candidate)
        return candidate
