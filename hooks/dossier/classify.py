"""Decide a seed's company, kind and role: front matter first, then folder, then the text."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

from .model import Classification, Kind

# Terms whose frequency in a text points at a kind. Weights favour terms that
# rarely appear in documents of another kind.
_KIND_TERMS: dict[Kind, tuple[tuple[str, float], ...]] = {
    Kind.COMPENSATION: (
        (r"\bsalar(?:y|ies)\b", 1.0),
        (r"\bcompensation\b", 1.0),
        (r"\bnegotiat\w*", 1.5),
        (r"\bRSUs?\b", 1.0),
        (r"\btotal comp\b", 1.5),
        (r"\bbase (?:salary|pay)\b", 1.0),
        (r"\bsigning bonus\b", 1.5),
        (r"\bcounter-?offers?\b", 1.5),
        (r"\bpay bands?\b", 1.0),
    ),
    Kind.INTERVIEW: (
        (r"\binterview(?:s|ers?|ing)?\b", 1.0),
        (r"\bonsite\b", 1.5),
        (r"\brecruiter\b", 1.0),
        (r"\bphone screen\b|\btechnical screen\b|\bscreen\b", 1.0),
        (r"\brounds?\b", 0.7),
        (r"\bloop\b", 1.0),
        (r"\bsystem design\b", 1.0),
        (r"\bleetcode\b", 1.5),
        (r"\btake-home\b", 1.5),
        (r"\bbehaviou?ral\b", 1.0),
        (r"\bhiring manager\b", 0.7),
        (r"\bcoding (?:rounds?|interviews?|exercise)\b", 1.0),
    ),
    Kind.VALUES: (
        (r"\bvalues?\b", 1.0),
        (r"\bprinciples?\b", 1.0),
        (r"\bleaders?\b", 0.5),
        (r"\bwe believe\b", 1.0),
        (r"\bmission\b", 0.7),
        (r"\bcommitments?\b", 0.7),
        (r"\btenets?\b", 1.5),
        (r"\bcore values\b", 2.0),
    ),
    Kind.ROLE: (
        (r"\bday in the life\b", 4.0),
        (r"\btypical day\b", 3.0),
        (r"\bthe day (?:begins|starts|ends)\b", 2.0),
        (r"\bmorning\b", 0.7),
        (r"\bafternoon\b", 0.7),
        (r"\bstand-?ups?\b", 0.7),
        (r"\bdaily\b", 0.5),
        (r"\bweekly\b", 0.3),
        (r"\bon-?call\b", 0.5),
        (r"\bday-to-day\b", 1.0),
    ),
    Kind.HISTORY: (
        (r"\bfounded\b", 1.5),
        (r"\bfounders?\b", 1.0),
        (r"\bIPO\b", 1.5),
        (r"\bacqui(?:red|sition|sitions)\b", 1.0),
        (r"\bmarket cap(?:italization)?\b", 1.0),
        (r"\brevenue\b", 0.5),
        (r"\bbillion\b", 0.5),
        (r"\bin (?:19|20)\d\d\b", 0.5),
        (r"\bCEO\b", 0.5),
        (r"\bhistory\b", 1.0),
    ),
}

_TITLE_TERMS: dict[Kind, str] = {
    Kind.COMPENSATION: r"\b(?:salar(?:y|ies)|compensation|negotiation|pay|offer)\b",
    Kind.INTERVIEW: r"\binterview(?:s|ing)?\b",
    Kind.VALUES: r"\b(?:values|principles|culture|tenets|commitments|believes?|beliefs|how we work|mission|stand for)\b",
    Kind.ROLE: r"\b(?:day in the life|a day (?:as|at|with)|typical day)\b",
    Kind.HISTORY: r"\b(?:history|story|origins?|rise|founding)\b",
}

_COMP_KEYS = {"compensation", "salary", "salaries", "base_low", "total_comp_low", "level_mapping"}

# Sentence-starting and common capitalised words that never name a company.
_NOT_NAMES = set(
    """a an and are as at be but by can do does each every for from had has have he her his how i if in
    into is it its may more most my no not of on one or our she so some such than that the their then
    there these they this those to two was we were what when where which while who why will with would
    yes you your also after before all any both during many new over since under until upon very via
    january february march april may june july august september october november december monday
    tuesday wednesday thursday friday saturday sunday faq tl dr q a bad good note tip related
    mr mrs ms dr inc ltd llc co corp""".split()
)
_TOKEN = re.compile(r"[^\W_][\w&]*(?:[.’'-][^\W_][\w&]*)*|[^\w\s]", re.UNICODE)


@dataclass(frozen=True)
class Guess:
    """A guess with the evidence for it."""

    value: Any
    evidence: str


def first_line(text: str) -> str:
    """The first non-blank line of a text, without Markdown heading marks."""
    for line in text.split("\n"):
        if line.strip():
            return line.strip().lstrip("#").strip().strip("*").strip()
    return ""


def guess_kind(text: str, title: str) -> Guess:
    """Score each kind by its terms in the title and the text; OTHER when nothing stands out."""
    words = max(1, len(text.split()))
    scores: dict[Kind, float] = {}
    notes: dict[Kind, list[str]] = {}
    for kind, terms in _KIND_TERMS.items():
        score = 0.0
        found = []
        for pattern, weight in terms:
            matches = re.findall(pattern, text, re.IGNORECASE)
            if matches:
                score += weight * min(len(matches), 12)
                word = Counter(m.lower() for m in matches).most_common(1)[0][0]
                found.append(f"{word!r}×{len(matches)}")
        # Long texts name more terms; scale so that a long history does not win on volume alone.
        scores[kind] = score * 1000 / (words + 1000)
        notes[kind] = found
        in_title = re.search(_TITLE_TERMS[kind], title, re.IGNORECASE)
        if in_title:
            scores[kind] += 12
            notes[kind].insert(0, f"first line says {in_title.group().lower()!r}")
    for kind, bonus, note in _shape_signals(text, words):
        scores[kind] += bonus
        notes[kind].insert(0, note)
    best = max(scores, key=lambda k: (scores[k], -k.order))
    if scores[best] < 4:
        return Guess(Kind.OTHER, f"kind other: no kind stands out (best {best.value} scored {scores[best]:.1f})")
    runner_up = max((s for k, s in scores.items() if k is not best), default=0.0)
    return Guess(best, f"kind {best.value}: score {scores[best]:.1f} vs {runner_up:.1f} ({', '.join(notes[best][:5])})")


_YEAR = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b")
_GLUED_YEAR_LINE = re.compile(r"(?m)^(?:1[5-9]|20)\d\d(?=[A-Z])")
_GROUP_WORD = re.compile(r"\b(?:values|principles|commitments|tenets|beliefs|behaviou?rs)\b", re.IGNORECASE)


def _shape_signals(text: str, words: int) -> list[tuple[Kind, float, str]]:
    """Kinds that the shape of a text points at: a long text full of dates, a list of named values."""
    signals = []
    if words > 1500:
        signals.append((Kind.HISTORY, 6.0 if words > 2500 else 3.0, f"long ({words:,} words)"))
    years = set(_YEAR.findall(text))
    if len(years) >= 6:
        signals.append((Kind.HISTORY, min(len(years), 16) * 0.5, f"{len(years)} different years"))
    if len(_GLUED_YEAR_LINE.findall(text)) >= 3:
        signals.append((Kind.HISTORY, 6.0, "a timeline"))
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
    named = sum(
        1
        for head, body in zip(blocks, blocks[1:], strict=False)
        if len(head.split()) <= 6 and "\n" not in head and not re.search(r"[.!?:]$", head) and len(body) > 60
    )
    if named >= 4 and _GROUP_WORD.search(text):
        signals.append((Kind.VALUES, min(named, 12) * 1.0, f"{named} short named paragraphs"))
    return signals


def _capitalised_runs(text: str) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """Count capitalised words, runs of them, and lowercase words of a text."""
    singles: Counter[str] = Counter()
    runs: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    run: list[str] = []

    def close() -> None:
        for size in (2, 3):
            for i in range(len(run) - size + 1):
                runs[" ".join(run[i : i + size])] += 1
        run.clear()

    for line in text.split("\n"):
        for token in _TOKEN.findall(line):
            word = re.sub(r"[’']s$", "", token)
            if word[:1].isupper() and word.casefold() not in _NOT_NAMES and not word.isdigit():
                singles[word] += 1
                run.append(word)
            else:
                if word[:1].islower():
                    lower[word.casefold()] += 1
                close()
        close()
    return singles, runs, lower


def guess_company(text: str, title: str) -> Guess | None:
    """The company a text is about: its most named proper noun, favoured when in the title."""
    singles, runs, lower = _capitalised_runs(text)
    title_words = {re.sub(r"[’']s$", "", t) for t in _TOKEN.findall(title)}
    scored: dict[str, float] = {}
    for word, count in singles.items():
        if lower[word.casefold()] * 2 >= count or len(word) < 2:
            continue
        score = float(count)
        if word.isupper() and word not in title_words:
            score *= 0.3
        if word in title_words:
            score += 10 + count
        scored[word] = score
    if not scored:
        return None
    best = max(scored, key=lambda w: (scored[w], w))
    if singles[best] < 2:
        return None
    name = best
    for run, count in sorted(runs.items(), key=lambda kv: (-len(kv[0]), kv[0])):
        parts = run.split(" ")
        if best in (parts[0], parts[-1]) and count >= 0.6 * singles[best] and count >= 2:
            name = run
            break
    where = "in the first line, " if best in title_words else ""
    return Guess(name, f"company {name!r}: {where}named {singles[best]} times")


_ROLE_NOUNS = (
    "engineer manager designer scientist analyst architect developer researcher lead marketer consultant recruiter "
    "specialist administrator director officer associate representative intern writer strategist accountant "
    "technician planner coordinator executive advocate owner nurse"
).split()
_ROLE_NOUN = f"(?:{'|'.join(_ROLE_NOUNS)})s?"
_TITLED_ROLE = rf"(?:[A-Z][\w-]* ){{0,3}}(?:{'|'.join(n.capitalize() for n in _ROLE_NOUNS)})s?"
"""A role written in title case, up to four words: "Site Reliability Engineer"."""
_ROLE_PATTERNS = (
    r"day in the life(?: of| as|:)? (?:an? |the )?(?P<role>[^\W\d_][\w &/-]*?)(?: at [\w ]+| in \d{4}| \d{4}|[:,(]|$)",
    rf"(?-i:(?P<role>{_TITLED_ROLE}))\b",
    rf"(?:for|as) (?:an? )?(?P<role>[^\W\d_][\w &/-]*?{_ROLE_NOUN})\b",
    rf"(?P<role>(?:(?:senior|staff|junior|principal|lead|associate) )?[^\W\d_][\w-]* {_ROLE_NOUN})\b",
)
_ROLE_IN_PROSE = rf"\b(?:for|as) (?:an? |the )?(?P<role>{_TITLED_ROLE}) (?:role|position|job|opening)\b"


def guess_role(title: str, company: str) -> Guess | None:
    """A role named in a title ("... day in the life of a product manager 2026")."""
    cleaned = title.replace(company, " ").strip() if company else title
    for pattern in _ROLE_PATTERNS:
        match = re.search(pattern, cleaned, re.IGNORECASE)
        if match:
            role = " ".join(match.group("role").split())
            if 2 < len(role) <= 60:
                return Guess(display_role(role), f"role {display_role(role)!r}: named in the title")
    return None


def guess_role_in_prose(text: str) -> Guess | None:
    """A role an opening sentence names as such ("If you are interviewing for a Data Engineer role at ...")."""
    first_sentence = re.split(r"(?<=[.!?])\s", text.strip(), maxsplit=1)[0]
    match = re.search(_ROLE_IN_PROSE, first_sentence)
    if match:
        role = " ".join(match.group("role").split())
        return Guess(role, f"role {role!r}: the opening sentence names it")
    return None


def display_role(role: str) -> str:
    """A role as a reader expects it written: "software-engineer" becomes "Software Engineer"."""
    role = " ".join(role.replace("_", " ").replace("-", " ").split()) if role == role.lower() else role.strip()
    if role == role.lower():
        return " ".join(w if w in {"and", "of", "or"} else w[:1].upper() + w[1:] for w in role.split())
    return role


def display_company(name: str) -> str:
    """A company name from a folder or a slug-like key: "northwind-freight" becomes "Northwind Freight"."""
    if name == name.lower() and re.fullmatch(r"[\w-]+", name):
        return " ".join(w[:1].upper() + w[1:] for w in re.split(r"[-_]+", name) if w) or name
    return name


def _text_value(front: dict[str, Any], *keys: str) -> tuple[str, str] | None:
    for key in keys:
        value = front.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip(), key
    return None


def classify(body: str, front: dict[str, Any], folder: str | None = None) -> Classification:
    """Classify a seed from its front matter, its folder under seeds/ and its text, in that order."""
    evidence: list[str] = []
    title = first_line(body)

    company_value = _text_value(front, "company_display", "company_name", "company")
    if company_value:
        name, key = company_value
        company = display_company(name) if key == "company" else name
        evidence.append(f"company {company!r}: front matter {key}")
    elif folder:
        company = display_company(folder)
        evidence.append(f"company {company!r}: folder seeds/{folder}/")
    else:
        guess = guess_company(body, title)
        company = guess.value if guess else ""
        evidence.append(guess.evidence if guess else "company unknown: no name stands out in the text")

    kind_value = _text_value(front, "kind", "type")
    kinds = {k.value: k for k in Kind}
    if kind_value and kind_value[0].casefold() in kinds:
        kind = kinds[kind_value[0].casefold()]
        evidence.append(f"kind {kind.value}: front matter {kind_value[1]}")
    elif _COMP_KEYS & set(front):
        kind = Kind.COMPENSATION
        evidence.append(f"kind compensation: front matter has {', '.join(sorted(_COMP_KEYS & set(front)))}")
    else:
        guess_k = guess_kind(body, title)
        kind = guess_k.value
        evidence.append(guess_k.evidence)

    role: str | None = None
    role_value = _text_value(front, "role_display", "role")
    if role_value:
        role = display_role(role_value[0])
        evidence.append(f"role {role!r}: front matter {role_value[1]}")
    elif kind.per_role:
        title_like = len(title) <= 120 and not re.search(r"[.;]$|[.!?]\s", title)
        guess_r = guess_role(title, company) if title_like else guess_role_in_prose(title)
        if guess_r:
            role = guess_r.value
            evidence.append(guess_r.evidence)
    return Classification(
        company=company, kind=kind, role=role, evidence=tuple(evidence), company_from_text=not company_value and not folder
    )


def reconcile_companies(classifications: list[Classification], texts: list[str] | None = None) -> list[Classification]:
    """Settle company names across the corpus.

    A name guessed from the text ("Northwind") becomes the full name another
    seed uses ("Northwind Freight") when that is the only longer name starting
    with it. A seed whose text named no company clearly gets the one company of
    the corpus that its text does name, when there is exactly one.
    """
    names = sorted({c.company for c in classifications if c.company})
    result = []
    for index, c in enumerate(classifications):
        longer = [n for n in names if c.company and n.casefold().startswith(c.company.casefold() + " ")]
        if c.company_from_text and len(longer) == 1:
            evidence = c.evidence + (f"company {longer[0]!r}: the corpus names {c.company!r} so in full",)
            c = replace(c, company=longer[0], evidence=evidence)
        elif not c.company and texts is not None:
            named = [n for n in names if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", texts[index])]
            named = [n for n in named if not any(m != n and n in m for m in named)]
            if len(named) == 1:
                evidence = c.evidence + (f"company {named[0]!r}: the only company of the corpus the text names",)
                c = replace(c, company=named[0], evidence=evidence)
        result.append(c)
    return result
