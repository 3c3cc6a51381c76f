"""The compensation front matter as data: a declared schema, checked field by field with the seed's lines.

Every problem names the file, the line and the field
(``seeds/x.txt:14: compensation[1].base_low: expected a number, got 'lots'``).
A bad value drops only what it spoils: a figure of the wrong type or out of
range is left out of its row, a low above its high drops that pair, a row
without a known currency is dropped, and every good row still renders.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from babel.numbers import list_currencies
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from ..model import PayData, PayRow
from ..problems import Problems, Severity

PAIRS = ("base", "stock", "total_comp", "bonus")
"""The figures a row gives as ranges: ``base_low`` and ``base_high``, and so on."""
_FIGURES = {f"{name}_{end}" for name in PAIRS for end in ("low", "high")} | {"bonus_pct"}
_ROW_KEYS = _FIGURES | {"region", "currency", "stock_period"}
_CURRENCIES = frozenset(list_currencies())
_KNOWN_KEYS = {
    "company",
    "company_display",
    "company_name",
    "organization",
    "organisation",
    "employer",
    "role",
    "role_display",
    "role_type",
    "kind",
    "type",
    "title",
    "description",
    "tags",
    "keywords",
    "last_updated",
    "data_quality",
    "salary_data_quarter",
    "next_review_due",
    "compensation",
    "level_mapping",
    "data_sources",
    "negotiation_dna_summary",
    "stock_period",
    "url",
    "canonical",
    "canonical_url",
    "source",
    "source_url",
    "aliases",
    "weight",
    "date",
    "author",
    "authors",
    "lang",
}
"""Keys a compensation seed may carry: the schema's, and those every seed may have (title, tags…)."""


class _Row(BaseModel):
    """One row of ``compensation``, as the seed must give it."""

    model_config = ConfigDict(extra="allow", strict=True)

    region: str
    currency: str
    base_low: float | None = None
    base_high: float | None = None
    stock_low: float | None = None
    stock_high: float | None = None
    bonus_pct: float | None = None
    bonus_low: float | None = None
    bonus_high: float | None = None
    total_comp_low: float | None = None
    total_comp_high: float | None = None
    stock_period: str | None = None

    @field_validator(*sorted(_FIGURES), mode="before")
    @classmethod
    def _a_number(cls, value: Any) -> Any:
        if isinstance(value, bool) or (value is not None and not isinstance(value, int | float)):
            raise ValueError(f"expected a number, got {_shown(value)}")
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueError(f"expected a finite number, got {value}")
        if value is not None and value < 0:
            raise ValueError(f"pay cannot be negative, got {value:g}")
        return float(value) if value is not None else None

    @field_validator("region", mode="before")
    @classmethod
    def _a_name(cls, value: Any) -> Any:
        if not isinstance(value, str) or not value.strip():
            raise ValueError(f"expected the name of a region, got {_shown(value)}")
        return " ".join(value.split())

    @field_validator("currency", mode="before")
    @classmethod
    def _a_currency(cls, value: Any) -> Any:
        if not isinstance(value, str) or value.strip().upper() not in _CURRENCIES:
            raise ValueError(f"expected an ISO 4217 currency code (USD, EUR, GBP…), got {_shown(value)}")
        return value.strip().upper()


def _shown(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return str(value).lower()
    return repr(value)[:60]


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def _text(value: Any) -> str | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


class _Reader:
    """Reports each problem of one seed's pay data with its line."""

    def __init__(self, path: str, lines: dict[str, int], problems: Problems) -> None:
        self.path = path
        self.lines = lines
        self.problems = problems

    def report(self, where: str, message: str, severity: Severity = Severity.ERROR) -> None:
        # The value's own line, else its row's (a missing field), else its key's.
        line = self.lines.get(where) or self.lines.get(where.rsplit(".", 1)[0]) or self.lines.get(where.split("[")[0])
        self.problems.add(self.path, line, f"{where}: {message}", severity)

    def row(self, index: int, raw: Any) -> PayRow | None:
        where = f"compensation[{index}]"
        if not isinstance(raw, dict):
            self.report(where, f"expected a mapping of region, currency and figures, got {_shown(raw)}; row left out")
            return None
        data = {str(k): v for k, v in raw.items()}
        for key in sorted(set(data) - _ROW_KEYS):
            self.report(f"{where}.{key}", "not a field of a pay row; kept in the seed, not shown", Severity.WARNING)
        bad: dict[str, str] = {}
        try:
            row = _Row.model_validate(data)
        except ValidationError as exc:
            bad = {str(e["loc"][0]): e["msg"].removeprefix("Value error, ") for e in exc.errors()}
            for key, message in sorted(bad.items()):
                if key in ("region", "currency"):
                    reason = "missing: every row names its region and its currency" if message == "Field required" else message
                    self.report(f"{where}.{key}", f"{reason}; row left out")
                else:
                    self.report(f"{where}.{key}", f"{message}; left out")
            if {"region", "currency"} & set(bad):
                return None
            row = _Row.model_validate({k: v for k, v in data.items() if k not in bad})
        spoiled = {key.rsplit("_", 1)[0] for key in bad}
        return PayRow(
            region=row.region,
            currency=row.currency,
            base=self._pair(where, "base", row.base_low, row.base_high, bad="base" in spoiled),
            stock=self._pair(where, "stock", row.stock_low, row.stock_high, bad="stock" in spoiled),
            bonus_pct=self._pair(where, "bonus", row.bonus_low, row.bonus_high, row.bonus_pct, bad="bonus" in spoiled),
            total=self._pair(where, "total_comp", row.total_comp_low, row.total_comp_high, bad="total_comp" in spoiled),
            stock_period=_text(row.stock_period),
            line=self.lines.get(where),
        )

    def _pair(
        self, where: str, name: str, low: float | None, high: float | None, single: float | None = None, bad: bool = False
    ) -> tuple[float, float] | None:
        """A range from its two ends (or one figure given alone, as ``bonus_pct``); None when it cannot be told."""
        if single is not None and low is None and high is None:
            return (single, single)
        if low is None and high is None:
            return None
        if low is None or high is None:
            if not bad:
                given = f"{name}_low" if high is None else f"{name}_high"
                self.report(f"{where}.{given}", "a range needs both its low and its high; left out", Severity.WARNING)
            return None
        if low > high:
            self.report(f"{where}.{name}_low", f"{low:,.0f} is above {name}_high {high:,.0f}; the range is left out")
            return None
        return (low, high)


def read_pay(front: dict[str, Any], path: str, lines: dict[str, int], problems: Problems) -> PayData | None:
    """The pay data of a seed's front matter, every problem reported; None when it has no ``compensation`` key."""
    if "compensation" not in front:
        return None
    reader = _Reader(path, lines, problems)
    raw_rows = front["compensation"]
    rows: list[PayRow] = []
    if not isinstance(raw_rows, list):
        reader.report("compensation", f"expected a list of rows (one per region), got {_shown(raw_rows)}")
    elif not raw_rows:
        reader.report("compensation", "the list is empty: no region has pay data")
    else:
        rows = [row for i, raw in enumerate(raw_rows) if (row := reader.row(i, raw)) is not None]
    unknown = sorted(set(front) - _KNOWN_KEYS)
    if unknown:
        reader.report(unknown[0], f"not in the compensation schema, kept as is: {', '.join(unknown)}", Severity.NOTICE)
    dates = {}
    for key in ("last_updated", "next_review_due"):
        dates[key] = _date(front.get(key))
        if front.get(key) is not None and dates[key] is None:
            reader.report(key, f"expected a date (YYYY-MM-DD), got {_shown(front.get(key))}")
    mapping = front.get("level_mapping")
    raw_map = mapping.get("raw") if isinstance(mapping, dict) else mapping
    sources = front.get("data_sources")
    if sources is not None and not isinstance(sources, list):
        reader.report("data_sources", f"expected a list of sources, got {_shown(sources)}")
    return PayData(
        rows=rows,
        company=_text(front.get("company_display")) or _text(front.get("company")),
        role=_text(front.get("role_display")) or _text(front.get("role")),
        role_type=_text(front.get("role_type")),
        last_updated=dates["last_updated"],
        data_quality=_text(front.get("data_quality")),
        quarter=_text(front.get("salary_data_quarter")),
        next_review_due=dates["next_review_due"],
        level_mapping=_text(raw_map),
        sources=[t for s in sources if (t := _text(s))] if isinstance(sources, list) else [],
        summary=_text(front.get("negotiation_dna_summary")),
        stock_period=_text(front.get("stock_period")),
    )
