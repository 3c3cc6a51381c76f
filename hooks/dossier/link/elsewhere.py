"""The same section elsewhere: each kind of page at the other companies, and a compare page per kind.

A page links to a few other companies' pages of its kind (the ones after its
own company in name order, the same role first) and to the compare page that
lists them all, so that no page's links grow with the number of companies.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..layout import KIND_PATHS, UNSORTED
from ..model import Company, Kind, SeedPage

NEIGHBOURS = 5
"""How many other companies a page names for its kind; the compare page has the rest."""


@dataclass(frozen=True)
class Elsewhere:
    """Pages of one kind at other companies, for one page or one hub card."""

    kind: Kind
    compare_uri: str
    companies: int
    """How many companies have pages of the kind, this one included."""
    others: list[tuple[str, SeedPage]]
    """(company name, its page), at most :data:`NEIGHBOURS`."""


def compare_uri(kind: Kind) -> str:
    """The source URI of the compare page of a kind."""
    return f"compare/{KIND_PATHS[kind]}/index.md"


@dataclass(frozen=True)
class KindTable:
    """For each kind that at least two dossiers have (documents and Unsorted aside), those companies in order."""

    companies: dict[Kind, list[Company]]
    position: dict[tuple[Kind, str], int]
    """Where each company (by slug) stands in its kind's list."""


def by_kind(companies: list[Company]) -> KindTable:
    """The companies that have pages of each kind."""
    found: dict[Kind, list[Company]] = {}
    for company in companies:
        if company.name == UNSORTED:
            continue
        for kind in dict.fromkeys(p.classification.kind for p in company.pages):
            if kind is not Kind.OTHER:
                found.setdefault(kind, []).append(company)
    kept = {kind: found[kind] for kind in Kind if len(found.get(kind, ())) >= 2}
    return KindTable(kept, {(kind, c.slug): i for kind, having in kept.items() for i, c in enumerate(having)})


def elsewhere(kind: Kind, company: Company, table: KindTable, role: str | None = None) -> Elsewhere | None:
    """The pages of ``kind`` at up to :data:`NEIGHBOURS` other companies, the same role first where they have it."""
    at = table.position.get((kind, company.slug))
    if at is None:
        return None
    having = table.companies[kind]
    others = []
    for other in (having[(at + step) % len(having)] for step in range(1, min(NEIGHBOURS, len(having) - 1) + 1)):
        pages = [p for p in other.pages if p.classification.kind is kind]
        page = next((p for p in pages if role and p.classification.role == role), pages[0])
        others.append((other.name, page))
    return Elsewhere(kind, compare_uri(kind), len(having), others)
