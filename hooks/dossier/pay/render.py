"""What a compensation page shows of its data: figures per region, a range chart, freshness, levels, sources."""

from __future__ import annotations

import datetime as dt
import math
import os
from dataclasses import dataclass

from ..model import PayData, PayRow
from .money import money, money_range


@dataclass(frozen=True)
class Bar:
    """One region's ranges in a chart, as percentages of the chart's width."""

    region: str
    base: tuple[float, float] | None
    total: tuple[float, float] | None
    text: str
    """The ranges in words, for every reader: "base $140,000–$185,000; total $185,000–$265,000"."""


@dataclass(frozen=True)
class Chart:
    """The regions paid in one currency, on one scale (no exchange rate is ever applied)."""

    currency: str
    bars: list[Bar]
    start: str
    end: str
    """The ends of the scale, as money: ranges are drawn from a round figure below the lowest, so they can be told apart."""


def _floor(value: float) -> float:
    """A round figure at or below ``value``: 48,000 gives 40,000; 1,800,000 gives 1,000,000."""
    if value <= 0:
        return 0.0
    magnitude = 10 ** math.floor(math.log10(value))
    return math.floor(value / magnitude) * magnitude


def _span(pair: tuple[float, float] | None, start: float, end: float) -> tuple[float, float] | None:
    if pair is None or end <= start:
        return None
    left = 100 * (pair[0] - start) / (end - start)
    return round(left, 2), round(max(100 * (pair[1] - start) / (end - start) - left, 0.8), 2)


def charts(rows: list[PayRow]) -> list[Chart]:
    """A chart of base and total pay per currency, each region's ranges scaled to that currency's highest figure."""
    found = []
    for currency in dict.fromkeys(r.currency for r in rows):
        group = [r for r in rows if r.currency == currency and (r.base or r.total)]
        values = [v for r in group for pair in (r.base, r.total) if pair for v in pair]
        if not values:
            continue
        start, end = _floor(0.8 * min(values)), max(values)
        bars = []
        for r in group:
            words = [f"{name} {money_range(pair, currency)}" for name, pair in (("base", r.base), ("total", r.total)) if pair]
            bars.append(Bar(r.region, _span(r.base, start, end), _span(r.total, start, end), "; ".join(words)))
        found.append(Chart(currency, bars, money(start, currency), money(end, currency)))
    return found


def build_date() -> dt.date:
    """The date the site is built on: ``SOURCE_DATE_EPOCH`` when set (reproducible builds), else today (UTC)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.datetime.now(tz=dt.UTC).date()


def overdue(pay: PayData, today: dt.date) -> int:
    """How many days ago the data was due for review (0 when it is not due yet, or no date is given)."""
    if pay.next_review_due is None or pay.next_review_due >= today:
        return 0
    return (today - pay.next_review_due).days
