"""What each dossier holds and lacks, so that an editor sees what to collect next."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Company, Kind, SeedPage

SECTIONS = (Kind.VALUES, Kind.INTERVIEW, Kind.HISTORY, Kind.COMPENSATION, Kind.ROLE, Kind.LEVELS)
"""The sections a complete dossier has, in the order the companies table shows them."""

_MISSING = {
    Kind.VALUES: "no values page",
    Kind.INTERVIEW: "no interview guide",
    Kind.HISTORY: "no history",
    Kind.COMPENSATION: "no compensation data",
    Kind.ROLE: "no page about a role",
    Kind.LEVELS: "no career levels",
}


@dataclass(frozen=True)
class Completeness:
    """A dossier's pages by section, and what it lacks in words a reader understands."""

    sections: dict[Kind, list[SeedPage]]
    lacks: list[str]


def completeness(company: Company) -> Completeness:
    """What ``company``'s dossier has in each section, and what it lacks.

    Besides a missing section, a role that has pay data but no interview guide
    (when the dossier has no general one either) is a gap.
    """
    sections = {kind: [p for p in company.pages if p.classification.kind is kind] for kind in SECTIONS}
    lacks = [_MISSING[kind] for kind in SECTIONS if not sections[kind]]
    interviews = sections[Kind.INTERVIEW]
    if interviews and all(p.classification.role for p in interviews):
        covered = {p.classification.role for p in interviews}
        paid = sorted({p.classification.role for p in sections[Kind.COMPENSATION] if p.classification.role} - covered)
        lacks += [f"no interview guide for {role}, which has pay data" for role in paid]
    elif not interviews:
        paid = sorted({p.classification.role for p in sections[Kind.COMPENSATION] if p.classification.role})
        if paid:
            lacks[lacks.index(_MISSING[Kind.INTERVIEW])] = f"no interview guide, though it has pay data for {', '.join(paid)}"
    return Completeness(sections, lacks)
