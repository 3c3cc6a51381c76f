"""The typed models shared by every stage of the pipeline."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from typing import Any


class Kind(enum.Enum):
    """What a seed is about; decides its place in the company's dossier."""

    COMPENSATION = "compensation"
    INTERVIEW = "interview"
    VALUES = "values"
    ROLE = "role"
    HISTORY = "history"
    LEVELS = "levels"
    OTHER = "other"

    @property
    def label(self) -> str:
        """The name a reader sees for pages of this kind."""
        return _LABELS[self]

    @property
    def description(self) -> str:
        """What a page of this kind is, in a sentence: "an interview guide"."""
        return _DESCRIPTIONS[self]

    @property
    def order(self) -> int:
        """The position of this kind's pages in a dossier."""
        return list(Kind).index(self)

    @property
    def per_role(self) -> bool:
        """Whether seeds of this kind are usually about one role."""
        return self in (Kind.COMPENSATION, Kind.ROLE, Kind.INTERVIEW, Kind.LEVELS)


_LABELS = {
    Kind.COMPENSATION: "Compensation",
    Kind.INTERVIEW: "Interview process",
    Kind.VALUES: "Values",
    Kind.ROLE: "Role",
    Kind.HISTORY: "History",
    Kind.LEVELS: "Career levels",
    Kind.OTHER: "Document",
}


class Strength(enum.IntEnum):
    """How strong the evidence for a decision is; the order matters (higher is stronger)."""

    WEAK = 1
    """A guess: the seed is filed under "Unsorted" unless the corpus settles it, with a warning."""
    MODERATE = 2
    """Enough evidence, with a rival close behind."""
    STRONG = 3
    """Clear evidence from the text: links to the company's site, "at Acme", a name the text keeps using."""
    STATED = 4
    """Stated by the editor: front matter or a folder named for the company."""


_DESCRIPTIONS = {
    Kind.COMPENSATION: "a compensation guide",
    Kind.INTERVIEW: "an interview guide",
    Kind.VALUES: "a values page",
    Kind.ROLE: "a page about a role",
    Kind.HISTORY: "a history",
    Kind.LEVELS: "a career framework",
    Kind.OTHER: "a document",
}


@dataclass(frozen=True)
class Classification:
    """Who a seed is about, what kind it is, for which role, and why we think so."""

    company: str
    kind: Kind
    role: str | None
    evidence: tuple[str, ...] = ()
    company_from_text: bool = False
    """Whether the company was guessed from the text (not stated by front matter or folder)."""
    company_strength: Strength = Strength.STATED
    kind_strength: Strength = Strength.STATED
    role_strength: Strength = Strength.STATED
    candidates: tuple[tuple[str, float], ...] = ()
    """Names the text could be about, with their scores, best first: the corpus settles weak guesses with them."""


@dataclass(frozen=True)
class SectionTopic:
    """A topic of one section of a page, why, and a line of the section for the topic page."""

    section: int | None
    """The index of the section's heading among the page's headings; None for the opening, before any heading."""
    heading: str | None
    topic: str
    """The topic's slug."""
    evidence: str
    line: str


@dataclass(frozen=True)
class Disagreement:
    """A figure of one region that the seed's text and its data give differently."""

    region: str
    figure: str
    """"base", "stock", "bonus" or "total"."""
    text: str
    """The figure as the text writes it."""
    line: int


@dataclass(frozen=True)
class PayRow:
    """Pay in one region, in one currency; a figure the seed does not give (or gives wrongly) is None."""

    region: str
    currency: str
    base: tuple[float, float] | None = None
    stock: tuple[float, float] | None = None
    bonus_pct: tuple[float, float] | None = None
    total: tuple[float, float] | None = None
    stock_period: str | None = None
    """How the seed says stock is counted: "per year", "per grant", or None when it does not say."""
    line: int | None = None


@dataclass(frozen=True)
class PayData:
    """A compensation seed's data: what it says, and when it says it was collected."""

    rows: list[PayRow]
    company: str | None = None
    role: str | None = None
    role_type: str | None = None
    last_updated: dt.date | None = None
    data_quality: str | None = None
    quarter: str | None = None
    next_review_due: dt.date | None = None
    level_mapping: str | None = None
    sources: list[str] = field(default_factory=list)
    summary: str | None = None
    stock_period: str | None = None
    """How the seed counts stock, from front matter ``stock_period`` or its text's table header."""
    disagreements: list[Disagreement] = field(default_factory=list)
    """Figures that the seed's text gives otherwise than its data."""


@dataclass
class SeedPage:
    """One seed, understood and structured, with the place it takes in the site."""

    path: str
    classification: Classification
    title: str
    """The seed's own title, or one made from its company, kind and role."""
    markdown: str
    """The body as Markdown, without the title."""
    summary: str
    headings: list[str] = field(default_factory=list)
    src_uri: str = ""
    topics: list[SectionTopic] = field(default_factory=list)
    """The topics of the page's sections, with their evidence."""
    pay: PayData | None = None
    """A compensation seed's data, as its front matter gives it (checked)."""
    shares_label: bool = False
    """Whether another page of the company has the same kind and role, so that the label names this one's title."""
    untitled: bool = False
    """Whether the seed gave no title, so that its title was made from its company, kind and role."""
    ordinal: int = 1
    """The page's place among the company's pages of its kind and role (1 for the first)."""
    digest: str = ""
    """The SHA-256 of the seed's bytes: what a rebuild compares to reuse the work done on an unchanged seed."""
    names: dict[str, int] = field(default_factory=dict)
    """A history's names that its prose uses, with how often (counted when the seed is read); empty otherwise."""
    updated: str = ""
    """How fresh the seed says it is, as written (:func:`dossier.summary.freshness`); "" when it does not say."""

    @property
    def label(self) -> str:
        """The short name of the page within its company ("Interview process · Data Engineer")."""
        kind = self.classification.kind
        role = self.classification.role
        if kind is Kind.OTHER:
            return _short(self.title)
        label = f"{kind.label}: {role}" if role else kind.label
        title = _short(self.title)
        if self.shares_label and self.untitled:
            return f"{label} ({self.ordinal})"  # a made-up title would only repeat the label
        # "Compensation · Benefits" beside "Compensation", never "Compensation · Compensation".
        return f"{label} · {title}" if self.shares_label and title.casefold() != label.casefold() else label


@dataclass
class Company:
    """A company of the corpus and the pages of its dossier."""

    name: str
    slug: str
    pages: list[SeedPage] = field(default_factory=list)

    @property
    def hub_uri(self) -> str:
        """The source path of the company's profile hub."""
        return f"companies/{self.slug}/index.md"

    @property
    def roles(self) -> list[str]:
        """The roles the dossier covers, sorted."""
        return sorted({p.classification.role for p in self.pages if p.classification.role})


@dataclass
class GeneratedPage:
    """A page of the site as MkDocs needs it: where it goes, its titles, its Markdown."""

    src_uri: str
    nav_title: str
    html_title: str
    markdown: str
    description: str = ""
    structured_data: dict[str, Any] | None = None
    """schema.org data for the page's JSON-LD, if any."""
    facets: dict[str, list[str]] = field(default_factory=dict)
    """What search can narrow this page by: its company, kind of page, role and topics."""
    searched: bool = True
    """Whether search indexes the page; pages that gather other pages' lines (topics, compare) are left out,
    so that a search finds the section itself first."""


LABEL_CHARS = 40


def _short(text: str) -> str:
    """A navigation label of at most about 40 characters, cut at a word."""
    if len(text) <= LABEL_CHARS:
        return text
    return text[: LABEL_CHARS - 1].rsplit(" ", 1)[0].rstrip(":;,.-–— ") + "…"
