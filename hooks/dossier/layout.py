"""Group seed pages into companies and give every page its place (URL) in the site."""

from __future__ import annotations

import unicodedata
from collections import Counter

from .model import Company, Kind, SeedPage
from .slugs import SlugAllocator, slug

UNSORTED = "Unsorted"
"""The dossier of seeds whose company could not be told with confidence."""

KIND_PATHS = {
    Kind.VALUES: "values",
    Kind.INTERVIEW: "interview-process",
    Kind.HISTORY: "history",
    Kind.COMPENSATION: "compensation",
    Kind.ROLE: "roles",
    Kind.LEVELS: "levels",
    Kind.OTHER: "documents",
}
"""The folder of each kind's pages in a dossier, and of its compare page."""


def company_key(name: str) -> str:
    """The identity of a company name: the name in Unicode normal form C, spaces collapsed.

    Names that differ only in normalisation form look the same to a reader and
    are one company; names that differ in case or accents ("Acme" and "ACME",
    "Resume Co" and "Résumé Co") are different companies with different slugs.
    """
    return " ".join(unicodedata.normalize("NFC", name).split())


def _merge_lowercase_keys(keys: set[str]) -> dict[str, str]:
    """Map an all-lowercase name ("acme", a key in front matter) to the one written name it stands for."""
    merged = {}
    for key in keys:
        if key == key.lower():
            written = [k for k in keys if k != key and k.casefold() == key.casefold()]
            if len(written) == 1:
                merged[key] = written[0]
    return merged


def _display_name(names: list[str]) -> str:
    # Prefer a name as a person writes it (with capitals) over a slug-like key.
    return sorted(names, key=lambda n: (n == n.lower(), -len(n), n))[0]


def arrange(pages: list[SeedPage]) -> list[Company]:
    """Group pages by company and assign each page a unique source URI.

    Pages must come sorted by seed path; companies come back sorted by name, and
    every choice (slug suffixes included) follows that order, so the same seeds
    always give the same URLs.
    """
    groups: dict[str, list[SeedPage]] = {}
    names: dict[str, list[str]] = {}
    raw_keys = {company_key(p.classification.company.strip() or UNSORTED) for p in pages}
    merged = _merge_lowercase_keys(raw_keys)
    for page in pages:
        name = unicodedata.normalize("NFC", page.classification.company.strip()) or UNSORTED
        key = merged.get(company_key(name), company_key(name))
        groups.setdefault(key, []).append(page)
        names.setdefault(key, []).append(name)
    company_slugs = SlugAllocator()
    companies = []
    for key in sorted(groups, key=lambda k: (k.casefold(), k)):
        name = _display_name(names[key])
        company = Company(name=name, slug=company_slugs.take(slug(name, "company")))
        company.pages = sorted(groups[key], key=lambda p: (p.classification.kind.order, p.classification.role or "", p.path))
        _place_pages(company)
        companies.append(company)
    return companies


def _place_pages(company: Company) -> None:
    """Give each page of a company its URI.

    Values, interview process and history live at ``<kind>/`` when the company
    has one seed of that kind without a role; every other page lives below the
    kind's folder, named for its role or, failing that, its title.
    """
    uris = SlugAllocator()
    base = f"companies/{company.slug}"
    kinds = Counter((p.classification.kind, p.classification.role) for p in company.pages)
    seen: Counter[tuple[Kind, str | None]] = Counter()
    for page in company.pages:
        page.shares_label = kinds[(page.classification.kind, page.classification.role)] > 1
        seen[(page.classification.kind, page.classification.role)] += 1
        page.ordinal = seen[(page.classification.kind, page.classification.role)]
        kind = page.classification.kind
        folder = KIND_PATHS[kind]
        role = page.classification.role
        if kind in (Kind.VALUES, Kind.INTERVIEW, Kind.HISTORY) and not role and folder not in uris:
            page.src_uri = f"{base}/{uris.take(folder)}.md"
            continue
        wanted = slug(role, "role") if role else slug(page.title, kind.value)
        page.src_uri = f"{base}/{folder}/{uris.take(f'{folder}/{wanted}').split('/', 1)[1]}.md"
