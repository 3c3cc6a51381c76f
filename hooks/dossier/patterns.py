"""Regular expressions made from the corpus's own words (company names), compiled once per process."""

from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=16384)
def compiled(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)``, kept for the rest of the process: ``re``'s own cache holds 512 patterns,
    fewer than a large corpus has companies, so past that every build would compile each name's pattern again."""
    return re.compile(source, flags)
