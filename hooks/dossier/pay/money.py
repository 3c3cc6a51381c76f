"""Amounts of money as a reader of the region expects them: the currency's symbol and grouping (Babel)."""

from __future__ import annotations

from functools import cache, lru_cache

from babel import Locale
from babel.numbers import format_currency, get_currency_symbol

_LOCALES = {"INR": "en_IN", "PKR": "en_PK", "BDT": "en_BD", "NPR": "en_NP"}
"""Currencies whose readers group digits their own way ("₹32,00,000"); every other one uses English grouping."""


@cache
def _pattern(currency: str) -> tuple[str, str]:
    locale = _LOCALES.get(currency, "en")
    pattern = Locale.parse(locale).currency_formats["standard"].pattern.split(";")[0].replace(".00", "")
    if get_currency_symbol(currency, locale=locale).isalpha():
        pattern = pattern.replace("¤", "¤\u00a0")  # "CHF 120,000", not "CHF120,000"
    return locale, pattern


@lru_cache(maxsize=4096)
def money(value: float, currency: str) -> str:
    """``value`` in ``currency``, whole units: "$140,000", "£85,000", "€78,000", "₹32,00,000", "CA$135,000"."""
    locale, pattern = _pattern(currency)
    return format_currency(round(value), currency, locale=locale, format=pattern, currency_digits=False)


def money_range(pair: tuple[float, float], currency: str) -> str:
    """A range of money ("$140,000–$185,000"), or one amount when both ends are the same."""
    low, high = pair
    return money(low, currency) if low == high else f"{money(low, currency)}–{money(high, currency)}"


def percent_range(pair: tuple[float, float]) -> str:
    """A range of percentages ("5–10%"), or one ("5%")."""
    low, high = (f"{v:g}" for v in pair)
    return f"{low}%" if low == high else f"{low}–{high}%"
