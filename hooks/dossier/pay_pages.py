"""Compensation pages from their data, the pay compare page of each role, and the level map across companies."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from .layout import UNSORTED
from .link.terms import company_names
from .model import Company, Disagreement, GeneratedPage, PayData, PayRow, SeedPage
from .pay.levels import LevelPart, level_map, parse_mapping
from .pay.money import money_range, percent_range
from .pay.render import charts, overdue
from .render import render
from .slugs import slug

LEVEL_MAP_URI = "compare/level-map/index.md"


def pay_summary(pay: PayData | None) -> str:
    """A line for a compensation seed that has data and no text: "Pay data for 3 regions, in USD and GBP."."""
    if pay is None or not pay.rows:
        return ""
    currencies = list(dict.fromkeys(r.currency for r in pay.rows))
    regions = f"{len(pay.rows)} region" + ("s" if len(pay.rows) > 1 else "")
    listed = ", ".join(currencies[:-1]) + " and " + currencies[-1] if len(currencies) > 1 else currencies[0]
    return pay.summary or f"Pay data for {regions}, in {listed}."


GUIDE_HEADING = "The guide"
"""Above a compensation seed's text when it opens without a heading, so that its words are not read as the sources'."""


def pay_headings(pay: PayData | None, untitled_text: bool) -> list[str]:
    """The headings the data adds above a compensation page's text, in order (for its anchors).

    ``untitled_text``: the seed's text opens with words, not a heading.
    """
    if pay is None:
        return []
    shown = [("Pay by region", bool(pay.rows)), ("Level mapping", bool(pay.level_mapping)), ("Freshness and sources", True)]
    return [h for h, show in shown if show] + ([GUIDE_HEADING] if untitled_text else [])


def role_compare_uri(role: str) -> str:
    """The source URI of the page that compares one role's pay across companies."""
    return f"compare/pay/{slug(role, 'role')}/index.md"


class HubFinder:
    """The hub of a company of the corpus named in a text ("Acme", "Acme Inc.", or a first word only one company has)."""

    def __init__(self, companies: list[Company]) -> None:
        self.hubs: dict[str, str] = {}
        firsts: dict[str, list[str]] = {}
        for company in companies:
            if company.name == UNSORTED:
                continue
            for name in company_names(company.name):
                self.hubs.setdefault(name.casefold(), company.hub_uri)
            if " " in company.name:
                firsts.setdefault(company.name.split()[0].casefold(), []).append(company.hub_uri)
        for first, hubs in firsts.items():
            if len(hubs) == 1:
                self.hubs.setdefault(first, hubs[0])
        self.names = [c.name for c in companies if c.name != UNSORTED]

    def __call__(self, name: str) -> str | None:
        return self.hubs.get(name.casefold())


def _data_figure(rows: list[PayRow]) -> Callable[[Disagreement], str]:
    by_region = {r.region: r for r in rows}

    def shown(d: Disagreement) -> str:
        row = by_region[d.region]
        if d.figure == "bonus":
            return percent_range(row.bonus_pct) if row.bonus_pct else "nothing"
        pair = {"base": row.base, "stock": row.stock, "total": row.total}[d.figure]
        return money_range(pair, row.currency) if pair else "nothing"

    return shown


def levels_of(pay: PayData, hubs: HubFinder) -> list[LevelPart]:
    """The parts of a page's level mapping, companies of the corpus recognised by name."""
    return parse_mapping(pay.level_mapping, hubs.names) if pay.level_mapping else []


def pay_section(page: SeedPage, hubs: HubFinder, today: dt.date, compare: str | None, untitled_text: bool) -> Markup:
    """The Markdown a compensation page shows of its data, above its text."""
    pay = page.pay
    assert pay is not None
    return Markup(
        render(
            "_pay.md.j2",
            here=page.src_uri,
            pay=pay,
            charts=charts(pay.rows),
            money_range=money_range,
            percent_range=percent_range,
            data_figure=_data_figure(pay.rows),
            overdue=overdue(pay, today),
            today=today,
            levels=levels_of(pay, hubs),
            hub_of=hubs,
            level_map_uri=LEVEL_MAP_URI if pay.level_mapping else None,
            compare_uri=compare,
            pay_role=page.classification.role or "this role's",
            guide_heading=GUIDE_HEADING if untitled_text else None,
        )
    )


def occupation(page: SeedPage, company: Company) -> dict[str, Any] | None:
    """schema.org Occupation with the pay of each region as ``estimatedSalary``, for the page's JSON-LD.

    The seeds give ranges, not percentiles, so each region's total (or base)
    pay is a MonetaryAmountDistribution with its ``minValue`` and ``maxValue``.
    """
    pay = page.pay
    if pay is None or not pay.rows:
        return None
    salaries = []
    for row in pay.rows:
        figure, pair = ("total compensation", row.total) if row.total else ("base salary", row.base)
        if pair is None:
            continue
        salaries.append(
            {
                "@type": "MonetaryAmountDistribution",
                "name": f"{figure}, {row.region}",
                "currency": row.currency,
                "duration": "P1Y",
                "minValue": pair[0],
                "maxValue": pair[1],
            }
        )
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Occupation",
        "name": page.classification.role or page.title,
        "hiringOrganization": {"@type": "Organization", "name": company.name},
        "occupationLocation": [{"@type": "Place", "name": row.region} for row in pay.rows],
        "estimatedSalary": salaries,
    }
    if pay.last_updated:
        data["dateModified"] = pay.last_updated.isoformat()
    return data


def compare_pages(companies: list[Company], hubs: HubFinder) -> tuple[list[GeneratedPage], list[Any]]:
    """A pay compare page for each role that has pay data, and the level map of the corpus's level mappings."""
    by_role: dict[str, list[tuple[Company, SeedPage, PayRow]]] = {}
    mappings = []
    for company in companies:
        for page in company.pages:
            if page.pay is None:
                continue
            for row in page.pay.rows:
                by_role.setdefault(page.classification.role or "Unspecified role", []).append((company, page, row))
            if page.pay.level_mapping:
                mappings.append((page.src_uri, levels_of(page.pay, hubs)))
    pages, nav = [], []
    for role in sorted(by_role, key=str.casefold):
        uri = role_compare_uri(role)
        rows = by_role[role]
        currencies = sorted({r.currency for _, _, r in rows})
        groups = [
            (
                cur,
                sorted((e for e in rows if e[2].currency == cur), key=lambda e: (-_top(e[2]), e[0].name.casefold(), e[2].region)),
            )
            for cur in currencies
        ]
        markdown = render(
            "compare_pay.md.j2",
            here=uri,
            role=role,
            groups=groups,
            companies=len({c.slug for c, _, _ in rows}),
            money_range=money_range,
            percent_range=percent_range,
        )
        title = f"{role} pay across companies"
        pages.append(
            GeneratedPage(uri, role, title, markdown, description=f"{title}, in each region's own currency.", searched=False)
        )
        nav.append({role: uri})
    if mappings:
        pages_of = {p.src_uri: (c, p) for c in companies for p in c.pages}
        table = level_map(mappings)
        markdown = render("level_map.md.j2", here=LEVEL_MAP_URI, table=table, pages=pages_of, hub_of=hubs)
        description = "Levels that the corpus's level mappings say are the same, company by company."
        pages.append(
            GeneratedPage(
                LEVEL_MAP_URI, "Level map", "Level map across companies", markdown, description=description, searched=False
            )
        )
        nav.append({"Level map": LEVEL_MAP_URI})
    return pages, nav


def _top(row: PayRow) -> float:
    pair = row.total or row.base
    return pair[1] if pair else 0.0
