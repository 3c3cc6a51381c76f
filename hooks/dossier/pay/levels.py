"""Level mappings ("Acme L2 (Software Engineer) = Globex L3 = Initech E3"): read into parts, and joined across the corpus."""

from __future__ import annotations

import re
from dataclasses import dataclass

SENIORITY = r"senior|sr|staff|principal|junior|jr|lead|associate|intern|director|head|manager"
"""Words that name a level's seniority, in any level name ("Senior Engineer", "Staff", "Engineering Manager")."""
_LEVEL_START = re.compile(
    rf"^(?:[A-Z]{{0,4}}\d+\w*|[IVX]+|{SENIORITY}|engineer|developer|member|level|grade|band|clinical|nurse|analyst"
    r"|scientist|designer|consultant|specialist|RN|SWE|SDE|MTS)$",
    re.IGNORECASE,
)
"""A word that starts a level's name: "L3", "IC2", "E3", "II", "Senior", "Engineer"."""


@dataclass(frozen=True)
class LevelPart:
    """One company's level in a mapping, and the note the mapping gives it ("Software Engineer")."""

    company: str
    level: str
    note: str = ""


def parse_mapping(mapping: str, known: list[str]) -> list[LevelPart]:
    """The parts of a level mapping; ``known`` names companies (the corpus's), longest matched first."""
    parts = []
    names = sorted(known, key=len, reverse=True)
    for raw in mapping.split("="):
        note = " ".join(re.findall(r"\(([^)]*)\)", raw))
        text = " ".join(re.sub(r"\([^)]*\)", " ", raw).split())
        if not text:
            continue
        company = next((n for n in names if text.casefold().startswith(n.casefold() + " ")), None)
        if company is None:
            words = text.split()
            start = next((i for i, w in enumerate(words) if i > 0 and _LEVEL_START.match(w)), len(words) - 1 or 1)
            company, level = " ".join(words[:start]), " ".join(words[start:])
        else:
            level = text[len(company) :].strip()
        if company and level:
            parts.append(LevelPart(company, level, note))
    return parts


@dataclass(frozen=True)
class Equivalent:
    """A level of another company that a seed says is the same."""

    company: str
    level: str
    seed: str
    """The source URI of the page whose mapping says so."""


def level_map(mappings: list[tuple[str, list[LevelPart]]]) -> dict[tuple[str, str], dict[str, list[Equivalent]]]:
    """For each (company, level), its equivalents by other company, each with the page that says so.

    Two seeds that give one level two different equivalents at the same
    company both stay: the page shows the disagreement.
    """
    found: dict[tuple[str, str], dict[str, list[Equivalent]]] = {}
    for seed, parts in mappings:
        for part in parts:
            others = found.setdefault((part.company, part.level), {})
            for other in parts:
                if other.company.casefold() != part.company.casefold():
                    listed = others.setdefault(other.company, [])
                    if all((e.level, e.seed) != (other.level, seed) for e in listed):
                        listed.append(Equivalent(other.company, other.level, seed))
    return found
