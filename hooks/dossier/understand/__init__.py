"""Understand a seed: its company, kind and role, each with its evidence and how strong it is.

Front matter wins, then a ``seeds/<company>/`` folder, then the text
(:mod:`.company`, :mod:`.kind`, :mod:`.role`). :func:`reconcile_companies`
then settles the companies across the corpus: a weak guess takes a company
that other seeds settled, a short name takes the full name another seed uses,
and what stays weak is filed under "Unsorted" by the pipeline.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ..frontmatter import text_field
from ..model import Classification, Kind, Strength
from ..patterns import compiled
from .company import CompanyGuess, guess_company, key
from .kind import guess_kind
from .role import display_role, guess_role, guess_role_in_prose

__all__ = ["classify", "reconcile_companies"]

COMPANY_KEYS = ("company_display", "company_name", "company", "organization", "organisation", "employer")
"""Front matter keys that name the company, the first present wins."""
_COMP_KEYS = {"compensation", "salary", "salaries", "base_low", "total_comp_low", "level_mapping"}


def first_line(text: str) -> str:
    """The first non-blank line of a text, without Markdown heading marks."""
    for line in text.split("\n"):
        if line.strip():
            return line.strip().lstrip("#").strip().strip("*").strip()
    return ""


def display_company(name: str) -> str:
    """A company name from a folder or a slug-like key: "northwind-freight" becomes "Northwind Freight"."""
    if name == name.lower() and re.fullmatch(r"[\w-]+", name):
        return " ".join(w[:1].upper() + w[1:] for w in re.split(r"[-_]+", name) if w) or name
    return name


def _words(value: Any) -> str:
    """The words of a front matter value that may be a list ("tags: [benefits, pay]")."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return " ".join(v for v in value if isinstance(v, str))
    return ""


def classify(
    body: str, front: dict[str, Any], folder: str | None = None, title: str | None = None, page_url: str | None = None
) -> Classification:
    """Classify a seed from its front matter, its folder under seeds/ and its text, in that order.

    ``title`` is the seed's own title when structure recovery found one;
    ``page_url`` the address of the original page, when the front matter gives one.
    """
    evidence: list[str] = []
    heading = title or first_line(body)
    front_title = text_field(front, "title")
    description = _words(front.get("description")) + " " + _words(front.get("summary"))
    title_text = " · ".join(
        filter(None, [front_title[0] if front_title else "", heading, _words(front.get("tags")), _words(front.get("categories"))])
    )

    guess: CompanyGuess | None = None
    company_value = text_field(front, *COMPANY_KEYS)
    if company_value:
        name, field = company_value
        company = display_company(name) if field == "company" else name
        evidence.append(f"company {company!r} (stated): front matter {field}")
    elif folder:
        company = display_company(folder)
        evidence.append(f"company {company!r} (stated): folder seeds/{folder}/")
    else:
        guess = guess_company(body, title_text, description.strip(), page_url)
        company = guess.name if guess.name and guess.strength >= Strength.MODERATE else ""
        evidence.append(guess.evidence)

    kind_strength = Strength.STATED
    kind_value = text_field(front, "kind", "type")
    kinds = {k.value: k for k in Kind}
    if kind_value and kind_value[0].casefold() in kinds:
        kind = kinds[kind_value[0].casefold()]
        evidence.append(f"kind {kind.value} (stated): front matter {kind_value[1]}")
    elif _COMP_KEYS & set(front):
        kind = Kind.COMPENSATION
        evidence.append(f"kind compensation (stated): front matter has {', '.join(sorted(_COMP_KEYS & set(front)))}")
    else:
        guess_k = guess_kind(body + "\n" + description, title_text)
        kind, kind_strength = guess_k.value, guess_k.strength
        evidence.append(guess_k.evidence)

    role: str | None = None
    role_strength = Strength.STATED
    role_value = text_field(front, "role_display", "role")
    if role_value:
        role = display_role(role_value[0])
        evidence.append(f"role {role!r} (stated): front matter {role_value[1]}")
    elif kind.per_role:
        names = " · ".join(filter(None, [front_title[0] if front_title else "", heading]))
        title_like = len(heading) <= 120 and not re.search(r"[.;]$|[.!?]\s", heading)
        guess_r = guess_role(names, company) if title_like or front_title else guess_role_in_prose(heading)
        if guess_r is None:
            opening = next((line for line in body.split("\n") if len(line.split()) > 6), "")
            guess_r = guess_role_in_prose(opening)
        if guess_r:
            role, role_strength = guess_r.value, guess_r.strength
            evidence.append(guess_r.evidence)
    return Classification(
        company=company,
        kind=kind,
        role=role,
        evidence=tuple(evidence),
        company_from_text=guess is not None,
        company_strength=guess.strength if guess else Strength.STATED,
        kind_strength=kind_strength,
        role_strength=role_strength,
        candidates=guess.candidates if guess else (),
    )


def reconcile_companies(classifications: list[Classification], texts: list[str] | None = None) -> list[Classification]:
    """Settle company names across the corpus.

    - A seed whose own evidence is weak takes a company that other seeds
      settled, when the text names it nearly as strongly as its best guess
      (the corpus wins a tie); a moderate guess that other seeds settle
      firmly is taken as strong.
    - A name guessed from the text ("Northwind") becomes the full name another
      seed uses ("Northwind Freight") when that is the only longer name starting with it.
    - A seed whose text named no company clearly gets the one company of the
      corpus that its text does name, when there is exactly one.
    """
    settled = {key(c.company): c.company for c in classifications if c.company and c.company_strength >= Strength.MODERATE}
    names = sorted(set(settled.values()))
    finder = _NameFinder(names)
    firm = {key(c.company) for c in classifications if c.company and c.company_strength >= Strength.STRONG}
    # "Northwind" -> ["Northwind Freight"]: each name under every start of it that ends before a space.
    longer_names: dict[str, list[str]] = {}
    for name in names:
        folded = name.casefold()
        for start in (folded[:i] for i, char in enumerate(folded) if char == " "):
            longer_names.setdefault(start, []).append(name)
    result = []
    for index, c in enumerate(classifications):
        c = _corpus_tie(c, settled)
        if c.company_from_text and c.company_strength is Strength.MODERATE and key(c.company) in firm:
            why = f"company {c.company!r} (strong): other seeds of the corpus settle it too"
            c = replace(c, evidence=c.evidence + (why,), company_strength=Strength.STRONG)
        longer = longer_names.get(c.company.casefold(), []) if c.company else []
        if c.company_from_text and len(longer) == 1:
            evidence = c.evidence + (f"company {longer[0]!r}: the corpus names {c.company!r} so in full",)
            c = replace(c, company=longer[0], evidence=evidence)
        elif not c.company and texts is not None and names:
            named = finder.named(texts[index])
            named = [n for n in named if not any(m != n and n in m for m in named)]
            if len(named) == 1:
                evidence = c.evidence + (f"company {named[0]!r}: the only company of the corpus the text names",)
                c = replace(c, company=named[0], evidence=evidence, company_strength=Strength.MODERATE)
        result.append(c)
    return result


class _NameFinder:
    """Which of a corpus's company names a text writes, each as a whole word: a text is read once, whatever the corpus size.

    Each name is tried only where the text writes its first word, so a text costs one pass
    and a few checks, not one search per name.
    """

    def __init__(self, names: list[str]) -> None:
        self._by_first: dict[str, list[re.Pattern[str]]] = {}
        for name in names:
            first = _FIRST_WORD.search(name)
            pattern = compiled(rf"(?<!\w){re.escape(name)}(?!\w)")
            self._by_first.setdefault(first.group() if first else "", []).append(pattern)

    def named(self, text: str) -> list[str]:
        """The names the text writes, sorted."""
        words = set(_FIRST_WORD.findall(text)) | {""}
        return sorted({m for w in words & self._by_first.keys() for p in self._by_first[w] for m in p.findall(text)})


_FIRST_WORD = re.compile(r"\w+")


def _corpus_tie(c: Classification, settled: dict[str, str]) -> Classification:
    """A text-guessed company that is not strong gives way to a settled company the text names nearly as strongly."""
    if not c.company_from_text or c.company_strength >= Strength.STRONG or not c.candidates:
        return c
    top = c.candidates[0][1]
    for name, score in c.candidates:
        known = settled.get(key(name))
        if known and score >= 0.6 * top and (known != c.company or c.company_strength < Strength.MODERATE):
            why = f"company {known!r}: settled by other seeds, and this text names it (score {score:.0f} of {top:.0f})"
            return replace(c, company=known, evidence=c.evidence + (why,), company_strength=Strength.MODERATE)
    return c
