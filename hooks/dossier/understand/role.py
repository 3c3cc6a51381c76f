"""Which role a seed is about: named in its title or its opening sentence, abbreviated, or in Japanese."""

from __future__ import annotations

import re

from ..model import Strength
from .evidence import Guess

_ROLE_NOUNS = (
    "engineer manager designer scientist analyst architect developer researcher lead marketer consultant recruiter "
    "specialist administrator director officer associate representative intern writer strategist accountant "
    "technician planner coordinator executive advocate owner nurse"
).split()
_ROLE_NOUN = f"(?:{'|'.join(_ROLE_NOUNS)})s?"
_TITLED_ROLE = rf"(?:[A-Z][\w-]* ){{0,3}}(?:{'|'.join(n.capitalize() for n in _ROLE_NOUNS)})s?"
"""A role written in title case, up to four words: "Site Reliability Engineer"."""
_ROLE_PATTERNS = (
    # "at" ends the role, with or without the company after it (taken out of the title when it is known).
    r"day in the life(?: of| as|:)? (?:an? |the )?(?P<role>[^\W\d_][\w &/-]*?)(?: at\b| in \d{4}| \d{4}|[:,(]|$)",
    rf"(?-i:(?P<role>{_TITLED_ROLE}))\b",
    rf"(?:for|as) (?:an? )?(?P<role>[^\W\d_][\w &/-]*?{_ROLE_NOUN})\b",
    rf"(?P<role>(?:(?:senior|staff|junior|principal|lead|associate) )?[^\W\d_][\w-]* {_ROLE_NOUN})\b",
)
_ROLE_FOR = rf"\b(?:guide|page|handbook|framework|ladder) for (?:an? |the )?(?P<role>{_TITLED_ROLE})\b"
_ROLE_IN_PROSE = rf"\b(?:for|as) (?:an? |the )?(?P<role>{_TITLED_ROLE}) (?:role|position|job|opening)\b"


ROLE_ABBREVIATIONS = {
    "PM": "Product Manager",
    "PdM": "Product Manager",
    "SWE": "Software Engineer",
    "SRE": "Site Reliability Engineer",
    "EM": "Engineering Manager",
    "TPM": "Technical Program Manager",
    "QA": "QA Engineer",
}
"""Abbreviations of roles that titles use ("PM levels")."""
JAPANESE_ROLES = (
    ("エンジニアリングマネージャー", "Engineering Manager"),
    ("プロダクトマネージャー", "Product Manager"),
    ("プロダクトデザイナー", "Product Designer"),
    ("デザイナー", "Designer"),
    ("データサイエンティスト", "Data Scientist"),
    ("エンジニアリング", "Engineering"),
    ("エンジニア", "Software Engineer"),
)
"""Japanese names of roles, the more specific first."""
_DISCIPLINES = {
    "engineering": "Engineering",
    "design": "Designer",
    "product": "Product Manager",
    "product management": "Product Manager",
    "data": "Data",
    "marketing": "Marketing",
    "sales": "Sales",
    "support": "Support",
}
"""The discipline a career framework covers ("Engineering career framework") and the role it is filed under."""
_FRAMEWORK = r"(?:career|ladders?|levels?|framework|progression|competenc(?:y|ies)|matrix)"
_DISCIPLINE = re.compile(rf"\b(?P<d>product management|{'|'.join(_DISCIPLINES)})\b(?=[^.]*\b{_FRAMEWORK}\b)", re.IGNORECASE)


def guess_role(title: str, company: str) -> Guess | None:
    """A role named in a title ("... day in the life of a product manager 2026", "PM levels", "Design career framework")."""
    cleaned = title.replace(company, " ").strip() if company else title
    for pattern in _ROLE_PATTERNS:
        match = re.search(pattern, cleaned, re.IGNORECASE)
        if match:
            role = " ".join(match.group("role").split())
            # "The Project Manager Role" is about a Project Manager; a seniority stays ("Senior Software Engineer").
            role = re.sub(r"^(?:The|A|An|Our|Your|This)\s+|^(?:IC|L|E|P|M|T)\d{1,2}\s+|^Level \d{1,2}\s+", "", role)
            if 2 < len(role) <= 60:
                role = display_role(role)
                return Guess(role, f"role {role!r} (strong): named in the title", Strength.STRONG)
    for short, role in ROLE_ABBREVIATIONS.items():
        if re.search(rf"(?<![\w-]){short}s?(?![\w-])", cleaned):
            return Guess(role, f"role {role!r} (strong): the title says {short!r}", Strength.STRONG)
    for word, role in JAPANESE_ROLES:
        if word in cleaned:
            return Guess(role, f"role {role!r} (strong): the title says {word!r}", Strength.STRONG)
    discipline = _DISCIPLINE.search(cleaned)
    if discipline:
        role = _DISCIPLINES[discipline.group("d").lower()]
        return Guess(role, f"role {role!r} (moderate): a {discipline.group('d').lower()} career framework")
    return None


def guess_role_in_prose(text: str) -> Guess | None:
    """A role an opening sentence names as such ("If you are interviewing for a Data Engineer role at ...").

    The opening sentences may also say whom the page is for ("this guide for Software Engineers").
    """
    sentences = re.split(r"(?<=[.!?])\s", text.strip(), maxsplit=3)
    match = re.search(_ROLE_IN_PROSE, sentences[0]) or re.search(_ROLE_FOR, " ".join(sentences[:3]))
    if match:
        role = re.sub(r"s$", "", " ".join(match.group("role").split()))
        return Guess(role, f"role {role!r} (moderate): the opening sentences name it")
    return None


def display_role(role: str) -> str:
    """A role as a reader expects it written: "software-engineer" becomes "Software Engineer"."""
    role = " ".join(role.replace("_", " ").replace("-", " ").split()) if role == role.lower() else role.strip()
    if role == role.lower():
        return " ".join(w if w in {"and", "of", "or"} else w[:1].upper() + w[1:] for w in role.split())
    return role
