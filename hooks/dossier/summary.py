"""What hubs and the companies index say about a company: overview, contents, freshness."""

from __future__ import annotations

import datetime as dt
import re

from .blocks import Paragraph
from .cjk import CJK
from .model import Company, Kind, SeedPage
from .read import Source
from .structure import Recovered

SUMMARY_CHARS = 220
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATED = re.compile(
    rf"\b(?:last updated|updated|published|as of|reviewed|revised)\b[^\n]{{0,60}}?"
    rf"(?P<date>\d{{4}}-\d\d-\d\d|\d{{1,2}} {_MONTH} \d{{4}}|{_MONTH} \d{{1,2}},? \d{{4}}|{_MONTH} \d{{4}})",
    re.IGNORECASE,
)
_EDITION = re.compile(r"\b(?P<year>(?:19|20)\d\d) edition\b", re.IGNORECASE)
_ISO = re.compile(r"^\d{4}-\d\d-\d\d$")


def shorten(text: str, limit: int = SUMMARY_CHARS) -> str:
    """Whole sentences of ``text`` up to about ``limit`` characters (cut at a word, with "…", if one is longer)."""
    if len(text) <= limit:
        return text
    summary = ""
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        if summary and len(summary) + len(sentence) > limit:
            break
        summary = f"{summary} {sentence}".strip()
    return summary if len(summary) <= limit else summary[: limit - 1].rsplit(" ", 1)[0] + "…"


_TAGLINE = re.compile(r"^\*\*[^*]+(?::|&#58;)\*\*|^\*\*[^*]{1,40}\*\* ")
"""A paragraph that opens with a bold label ("**Scope:** …", "**Scope** …") labels what follows; it is no summary."""


def _tagline(paragraph: Paragraph) -> bool:
    """A "**Label:** tagline" paragraph of a Markdown seed, or one set all in bold (a note to readers): no summary."""
    written = paragraph.markdown()
    return bool(_TAGLINE.match(written)) or (written.startswith("**") and written.endswith("**"))


def _prose(text: str) -> bool:
    """Whether a paragraph can stand as a summary: long enough (Japanese says more in fewer characters),
    not a lead-in to a list or table ("…as follows:"), and not markup."""
    long_enough = len(text) > 40 or len(CJK.findall(text)) >= 12
    return long_enough and not re.search(r"[:;：]\s*$", text) and not re.search(r"<[a-z/!]|\{[{%]", text)


def summarise(recovered: Recovered, body: str) -> str:
    """A one-line summary of a seed: the first sentences of its first paragraph of prose."""
    text = next((b.text for b in recovered.blocks if isinstance(b, Paragraph) and _prose(b.text) and not _tagline(b)), "")
    if not text:
        for line in body.split("\n"):
            line = line.strip()
            # Prose only: not a heading (bold lines too), table, list, quote, or "**Label:** tagline".
            if _prose(line) and not re.match(r"^(#|\||[-*]\s|>|\d+\.|\*\*[^*]+(?::\*\*|\*\*$))", line):
                text = re.sub(r"\*\*|__|`", "", line)
                break
    return shorten(text)


def freshness(source: Source) -> str:
    """How fresh a seed says it is: front matter ``last_updated``, else a dateline near its top, as written."""
    value = source.front_matter.get("last_updated")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (str, int)) and str(value).strip():
        return str(value).strip()
    head = "\n".join(source.body.split("\n", 6)[:6])
    dated = _DATED.search(head)
    if dated:
        return dated.group("date")
    edition = _EDITION.search(head)
    return f"{edition.group('year')} edition" if edition else ""


def latest_date(values: list[str]) -> str:
    """The latest of the ISO dates among ``values`` (others are not comparable), or ""."""
    return max((v for v in values if _ISO.match(v)), default="")


def holdings(company: Company) -> str:
    """What a company's dossier holds, in one line: "Compensation (Data Engineer); interview process (general; …)"."""
    parts = []
    for kind in Kind:
        pages = [p for p in company.pages if p.classification.kind is kind]
        if not pages:
            continue
        if kind is Kind.OTHER:
            titles = "; ".join(shorten(p.title, 48) for p in pages)
            parts.append(f"{'documents' if len(pages) > 1 else 'a document'} ({titles})")
            continue
        roles = [p.classification.role or "general" for p in pages]
        label = kind.label.lower()
        parts.append(f"{label} ({', '.join(roles)})" if any(p.classification.role for p in pages) else label)
    text = "; ".join(parts)
    return text[:1].upper() + text[1:]


def overview(company: Company, recovered: dict[str, Recovered]) -> tuple[str, SeedPage | None]:
    """A line that says what the company is, and the page it comes from.

    The first paragraph (outside compensation guides) whose first words name the
    company is preferred: it usually says what the company does. Failing that,
    the lead of the history, or the first summary found.
    """
    name = company.name.casefold()
    for page in company.pages:
        if page.classification.kind is Kind.COMPENSATION:
            continue
        first = next((b for b in recovered[page.path].blocks if isinstance(b, Paragraph) and len(b.text) > 60), None)
        if first and first.text.casefold().startswith(name) and re.match(r" [a-z]", first.text[len(name) :]):
            return shorten(first.text), page
    history = next((p for p in company.pages if p.classification.kind is Kind.HISTORY), None)
    source = history or next((p for p in company.pages if p.summary), None)
    return (source.summary if source else ""), source
