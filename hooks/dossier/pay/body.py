"""What a compensation seed's own text says about pay, to set beside its data.

Seeds often carry a Markdown copy of their pay table. Its figures are read
here ("$140K–$185K", "£85K", "5–10%", "₹32L") only to compare them with the
data: where they differ, the page shows both.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..model import Disagreement, PayRow

_COLUMNS = (
    ("region", re.compile(r"region|location|city|office|country|market", re.IGNORECASE)),
    ("total", re.compile(r"total", re.IGNORECASE)),
    ("stock", re.compile(r"stock|rsu|equity|options", re.IGNORECASE)),
    ("bonus", re.compile(r"bonus", re.IGNORECASE)),
    ("base", re.compile(r"base|salary", re.IGNORECASE)),
)
_AMOUNT = re.compile(r"(\d+(?:[.,]\d+)*)\s*(k|m|l|lakh|lakhs|cr)?\b", re.IGNORECASE)
_SCALE = {"k": 1e3, "m": 1e6, "l": 1e5, "lakh": 1e5, "lakhs": 1e5, "cr": 1e7}
_YEARS = re.compile(r"(\d+)\s*-?\s*(?:yr|year)s?\b|(?:over|across)\s+(\w+)\s+years", re.IGNORECASE)
_PER_YEAR = re.compile(r"per\s+year|/\s*yr\b|annual|yearly|a\s+year", re.IGNORECASE)
_WORD_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
TOLERANCE = 0.01
"""Figures within 1% of each other agree (the text rounds to thousands)."""


@dataclass(frozen=True)
class BodyTable:
    """The pay table of a seed's text: the header of each figure's column, and its rows by region."""

    headers: dict[str, str]
    rows: dict[str, tuple[int, dict[str, str]]]
    """By region key: the row's line and its cells by figure."""


def _key(region: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", unicodedata.normalize("NFKC", region).casefold()).split())


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def find_table(body: str, first_line: int = 1) -> BodyTable | None:
    """The first Markdown table of ``body`` with a region column and a figure column, if any."""
    lines = body.split("\n")
    for i, line in enumerate(lines[:-1]):
        if not line.lstrip().startswith("|") or not re.match(r"^\s*\|?\s*:?-{3}", lines[i + 1]):
            continue
        header = _cells(line)
        columns: dict[str, int] = {}
        for index, cell in enumerate(header):
            name = next((name for name, pattern in _COLUMNS if pattern.search(cell)), None)
            if name and name not in columns:
                columns[name] = index
        if "region" not in columns or len(columns) < 2:
            continue
        rows = {}
        for offset, row_line in enumerate(lines[i + 2 :], i + 2):
            if not row_line.lstrip().startswith("|"):
                break
            cells = _cells(row_line)
            if len(cells) > columns["region"]:
                figures = {name: cells[at] for name, at in columns.items() if at < len(cells) and name != "region"}
                rows[_key(cells[columns["region"]])] = (first_line + offset, figures)
        return BodyTable({name: header[at] for name, at in columns.items()}, rows)
    return None


def stock_period(table: BodyTable | None) -> str | None:
    """How the text's stock column counts stock: "per grant, over 4 years", "per year", or None."""
    header = table.headers.get("stock", "") if table else ""
    years = _YEARS.search(header)
    if years:
        count = years.group(1) or str(_WORD_NUMBERS.get((years.group(2) or "").lower(), years.group(2)))
        return f"per grant, vesting over {count} years"
    return "per year" if _PER_YEAR.search(header) else None


def _amounts(cell: str) -> list[float]:
    values = []
    for match in _AMOUNT.finditer(cell.replace("\u2009", "")):
        number = float(match.group(1).replace(",", ""))
        values.append(number * _SCALE.get((match.group(2) or "").lower(), 1))
    return values


def _agree(text: list[float], data: tuple[float, float]) -> bool:
    if not text:
        return True  # nothing the text says to compare
    low, high = (text[0], text[-1]) if len(text) > 1 else (text[0], text[0])
    return all(abs(a - b) <= TOLERANCE * max(abs(b), 1) for a, b in ((low, data[0]), (high, data[1])))


def disagreements(table: BodyTable | None, rows: list[PayRow]) -> list[Disagreement]:
    """The figures of each region that the text's table gives otherwise than the data."""
    if table is None:
        return []
    found = []
    for row in rows:
        line, cells = table.rows.get(_key(row.region), (0, {}))
        for figure, data in (("base", row.base), ("stock", row.stock), ("bonus", row.bonus_pct), ("total", row.total)):
            cell = cells.get(figure)
            if cell and data is not None and not _agree(_amounts(cell), data):
                found.append(Disagreement(row.region, figure, cell, line))
    return found
