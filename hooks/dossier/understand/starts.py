"""Vocabulary terms found fast.

:func:`starts` gives the literal texts a regular expression's matches begin with, so that a text holding none
of them is skipped with a plain ``in``; :class:`Term` also matches a case-insensitive term on a text's lowercase
without its leading ``\\b`` (:func:`after_boundary`), which Python's ``re`` finds by a string search.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
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


_WORD_CHAR = re.compile(r"\w")
_UNSAFE_TO_LOWER = re.compile(r"\\[A-Z]|\(\?-|\(\?P")
"""What lowercasing a pattern's text would change the meaning of: \\W, \\S, \\B…; flags turned off; group names."""


class Term:
    """A case-insensitive term of the vocabulary, found fast in a text's lowercase.

    Where the pattern allows, it is matched without its leading ``\\b`` and without ``re.IGNORECASE`` on the
    lowercase text, with the boundary checked by hand: Python's regular expressions then find the term's literal
    start with a plain string search instead of trying every position (ten times faster). A text that holds none of
    the term's literal starts is not searched at all. The matches are those of the pattern, in lowercase.
    """

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.starts = starts(pattern)
        self._bare: re.Pattern[str] | None = None
        text = pattern.pattern
        if (
            pattern.flags & re.IGNORECASE
            and not pattern.groups
            and text.startswith(r"\b")
            and not _UNSAFE_TO_LOWER.search(text)
            and self.starts
            and all(_WORD_CHAR.match(s) for s in self.starts)  # then \b before a match is "no word character"
            and _bounded(pattern)
        ):
            # "\ba\b|\bb\b" becomes "(?:a\b|\bb\b)": the \b kept in the second adds nothing to the check by hand.
            self._bare = re.compile(f"(?:{text[2:].lower()})", pattern.flags & ~re.IGNORECASE)

    def findall(self, text: str, lowered: str) -> list[str]:
        """Every match of the term in ``text`` (whose lowercase is ``lowered``), in lowercase, as ``findall`` finds them."""
        if self.starts:
            for literal in self.starts:  # a loop, not any(): this runs a hundred times for every text
                if literal in lowered:
                    break
            else:
                return []
        if self._bare is None or len(lowered) != len(text):  # a letter such as "İ" lowercases to two characters
            return [m.lower() for m in self.pattern.findall(text)]
        return [match.group() for match in after_boundary(self._bare, lowered)]


def _bounded(pattern: re.Pattern[str]) -> bool:
    """Whether every match of the pattern starts at a word boundary: its first parsed item is ``\\b`` (the parser
    takes a ``\\b`` that starts every alternative out in front of them)."""
    try:
        first = _parse.parse(pattern.pattern, pattern.flags)[0] if _parse is not None else None
    except Exception:
        return False
    return first is not None and first[0] is _sre.AT and first[1] is _sre.AT_BOUNDARY


def after_boundary(bare: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The matches that ``\\b`` followed by ``bare`` has in ``text``, as ``finditer`` finds them, where each match of
    ``bare`` starts with a word character; far faster, as a pattern that starts with ``\\b`` is tried at every
    position while one that starts with a literal is found by a string search."""
    at = 0
    while (match := bare.search(text, at)) is not None:
        start = match.start()
        if start and _WORD_CHAR.match(text, start - 1):
            at = start + 1  # no boundary here: the leftmost match with one starts further on
            continue
        yield match
        at = max(match.end(), start + 1)
