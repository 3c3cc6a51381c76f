"""What mentions each page: the "Mentioned in" lists, grouped by company, each with the words around the mention."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..blocks import inline
from ..uris import relative
from .linker import Mention

SECTION_NOTE_LIMIT = 8
"""A section lists at most this many mentions under itself; the page's "Mentioned in" lists them all."""


@dataclass(frozen=True)
class Group:
    """The mentions of one page that come from one company's dossier."""

    company: str
    mentions: list[Mention]


def by_target(mentions: list[Mention]) -> dict[str, list[Mention]]:
    """Mentions by the source URI of the page they point to, in a stable order; a page's mentions of itself are left out."""
    found: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        if mention.uri != mention.target.uri:
            found[mention.target.uri].append(mention)
    return dict(found)


def groups(mentions: list[Mention], names: dict[str, str]) -> list[Group]:
    """Mentions grouped by the mentioning company (its name from ``names``, by slug), companies in name order."""
    grouped: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        grouped[mention.company].append(mention)
    return [Group(names[slug], grouped[slug]) for slug in sorted(grouped, key=lambda s: (names[s].casefold(), s))]


def where(mention: Mention, here: str) -> str:
    """A link, as Markdown, to the section that mentions: "[Interview process › Process](…#process)"."""
    label = inline(mention.page) + (f" › {inline(mention.section)}" if mention.section else "")
    href = relative(mention.uri, here) + (f"#{mention.anchor}" if mention.anchor else "")
    return f"[{label}]({href})"


def section_notes(mentions: list[Mention], here: str, names: dict[str, str]) -> dict[str, str]:
    """For each anchored target of a page (a value, a section), the "Mentioned in" line that closes its section."""
    found: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        if mention.target.anchor:
            found[mention.target.anchor].append(mention)
    notes = {}
    for anchor, items in found.items():
        links = [f"{inline(names[m.company])} · {where(m, here)}" for m in items[:SECTION_NOTE_LIMIT]]
        more = f" and {len(items) - SECTION_NOTE_LIMIT} more" if len(items) > SECTION_NOTE_LIMIT else ""
        notes[anchor] = '<p class="dossier-mentioned" markdown>*Mentioned in:* ' + " · ".join(links) + more + "</p>"
    return notes
