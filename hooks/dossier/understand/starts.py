"""The literal texts a regular expression's matches begin with, to skip texts it cannot match with a plain ``in``."""

from __future__ import annotations

import re
from typing import Any

try:
    from re import _constants as _sre  # type: ignore[attr-defined]
    from re import _parser as _parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - a Python whose re no longer has them: no shortcut, same results
    _parse = _sre = None

_MOST = 64
"""Starts beyond which a pattern is not worth the shortcut."""


def starts(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """Lowercased texts one of which every match of ``pattern`` begins with; () when a match may begin otherwise.

    ``\\b(?:junior|senior) engineers?`` gives ("junior engineer", "senior engineer"): a text whose lowercase
    holds neither cannot match (a case-insensitive term matches the lowercase of what it matches).
    """
    if _parse is None:
        return ()
    try:
        found, _ = _lead(list(_parse.parse(pattern.pattern, pattern.flags)))
    except Exception:  # an expression the parser reads differently from this code's expectation: no shortcut
        return ()
    lowered = tuple(dict.fromkeys(s.lower() for s in found))
    return () if not lowered or "" in lowered or len(lowered) > _MOST else lowered


def _lead(items: list[tuple[Any, Any]]) -> tuple[list[str], bool]:
    """The literal starts of a sequence of parsed items, and whether each is the whole of what the sequence matches."""
    prefixes = [""]
    for op, av in items:
        if op is _sre.AT:  # \b, ^: they match no character
            continue
        if op is _sre.LITERAL:
            prefixes = [p + chr(av) for p in prefixes]
            continue
        if op is _sre.SUBPATTERN:
            inner, whole = _lead(list(av[3]))
        elif op is _sre.BRANCH:
            branches = [_lead(list(branch)) for branch in av[1]]
            inner = [s for found, _ in branches for s in found]
            whole = all(w for _, w in branches)
        else:  # a class, a repeat, any character: the literal start ends here
            return prefixes, False
        joined = [p + s for p in prefixes for s in inner]
        if len(joined) > _MOST:
            return prefixes, False
        prefixes = joined
        if not whole:
            return prefixes, False
    return prefixes, True
