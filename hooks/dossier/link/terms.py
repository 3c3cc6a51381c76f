"""The term index: every name the corpus explains somewhere, and where.

Built from the corpus itself, never from a hand-kept list:

- each **company**, by its name and the names it goes by ("Acme" for "Acme Inc."),
  explained by its hub;
- each **value** or principle, a heading of a values page, explained by its section;
- each **page**, by its title and by what a text calls its kind ("our values",
  "the interview loop"), within its company;
- each **role** of a dossier, explained by its role page (or else its interview
  or compensation page);
- each **name a history's section headings carry** (a product, an acquisition, a person),
  explained by that section;
- each **level** of a career-levels page's headings ("L4", "Staff Engineer"), and
  the company's own levels in a compensation page's level mapping ("Acme L2 = Globex L3");
- each **topic** of the vocabulary that has a page, by its name and acronyms
  ("system design", "RSU"), linked once a page.

A term is a sequence of words. Words are matched case-folded, whatever joins them
(a space, a hyphen or a Unicode dash), and the last may take a plural ending;
a term of one ordinary word ("Ownership") is matched only as written, capitalised
like a name. Company names hold for the
whole site; every other term only within its own company's pages.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from ..cjk import CJK, CJK_CHARS
from ..model import Company, Kind, SeedPage
from ..patterns import compiled
from ..pay.levels import SENIORITY
from ..topics import Topic, terms
from ..understand.company import ordinary
from ..understand.role import JAPANESE_ROLES, ROLE_ABBREVIATIONS

MAX_TERM_WORDS = 6
"""Longer headings are sentences, not names a text repeats."""

WORD = re.compile(rf"(?:(?![{CJK_CHARS}])[^\W_])+|[{CJK_CHARS}]+")
"""A word of a term or a text: letters and digits (apostrophes and hyphens separate words); a run of Japanese
or Chinese characters, which are written without spaces, is one "word" whose terms are found inside it."""

_LEGAL_SUFFIX = re.compile(r",?\s+(?:Inc|LLC|Ltd|GmbH|Corp|Corporation|Limited|plc|PBC|AG|SA|SAS|BV|KK|Co)\.?$", re.IGNORECASE)
_NUMBERING = re.compile(r"^\s*(?:\d+[.)]|[IVX]+\.|[-–—•*])\s+")
_YEARS = re.compile(r"\s*[(\[]?\b(?:1[89]|20)\d\d(?:\s*[-–—]\s*(?:(?:1[89]|20)\d\d|present|today|now))?[)\]]?\s*[:–—-]?\s*")
KIND_PHRASES = {
    Kind.COMPENSATION: ("compensation", "salary", "pay bands", "total rewards"),
    Kind.INTERVIEW: (
        "interview process",
        "interview loop",
        "interview guide",
        "interview questions",
        "hiring process",
        "hiring loop",
    ),
    Kind.VALUES: (
        "our values",
        "company values",
        "core values",
        "values and principles",
        "our principles",
        "guiding principles",
        "leadership principles",
    ),
    Kind.HISTORY: ("company history", "our history"),
    Kind.LEVELS: ("career levels", "career ladder", "career framework", "career progression"),
}
"""What a text calls a kind of page ("see our values", "the interview loop"): a mention of the company's page of that kind."""
KIND_PHRASES_JA = {
    Kind.COMPENSATION: ("報酬", "給与", "年収", "福利厚生"),
    Kind.INTERVIEW: ("面接", "選考"),
    Kind.VALUES: ("バリュー", "行動指針", "価値観"),
    Kind.HISTORY: ("沿革",),
    Kind.LEVELS: ("等級", "キャリアラダー"),
}
"""The same in Japanese."""

_ACRONYM = re.compile(r"[A-Z]{1,4}s?")
"""Short capitals ("AI", "APIs", "CEO") name things every history tells of, not a product or acquisition of its own."""
_GENERIC = set(
    """values value principles principle overview introduction summary faq contents conclusion question questions
    resources references links reading contact about""".split()
)
"""Words of headings that organise a page rather than name a value: "Our values", "Common questions"."""
_LEVEL_NAME = re.compile(
    rf"\b(?:[A-Z]{{1,3}}\d{{1,2}}|(?:level|grade|band) \d+|{SENIORITY}|individual contributors?)\b", re.IGNORECASE
)
"""A heading of a levels page that names a level ("L4", "Senior Engineer", "Level 3"), not a competency ("Impact")."""


@dataclass(frozen=True)
class Target:
    """Where a term is explained: a page (source URI) and, for a section, its anchor."""

    uri: str
    anchor: str | None
    name: str
    """The term as its definition writes it: "Be humble", "Acme"."""
    company: str
    """The slug of the company whose dossier explains it."""
    what: str
    """"company", "page", "value", "role", "section", "level" or "topic"."""
    kind: Kind | None = None
    """For a mention of a page by what its kind is called ("our values"): that kind."""


_CJK_RUN = re.compile(f"[{CJK_CHARS}]+")
_SITE_WIDE = {"company", "topic"}
"""Terms that mean the same on every company's pages; the others only on their own company's."""


_Entry = tuple[int, Target, str | None]
"""A term's target: the order it was added in (the first added wins), the target, and the form a text must write."""


@dataclass
class TermIndex:
    """Terms by their case-folded words and by company: a look-up costs a few dictionary probes, whatever the corpus size."""

    terms: dict[tuple[str, ...], dict[str, list[_Entry]]] = field(default_factory=dict)
    """Each term's words to its targets by the company they hold for ("" for the whole site)."""
    starts: dict[str, set[int]] = field(default_factory=dict)
    """The first word of every term and the lengths (in words) of the terms it starts: most words of a text cost
    one probe, and the others one look-up per length of term they start."""
    cjk: dict[str, dict[str, list[_Entry]]] = field(default_factory=dict)
    """Terms in Japanese or Chinese, found inside a run of such characters."""
    cjk_lengths: list[int] = field(default_factory=list)
    """The lengths of those terms, longest first."""
    _added: int = 0
    _lengths: dict[str, list[int]] = field(default_factory=dict)
    """``lengths`` by word as written: a text repeats its words, and adding a term clears it."""

    def lengths(self, word: str) -> list[int]:
        """The lengths of the terms that may start with ``word``, longest first (none: no term starts so)."""
        found = self._lengths.get(word)
        if found is None:
            folded = word.casefold()
            found = sorted(self.starts.get(folded, set()) | self.starts.get(_singular((folded,))[0], set()), reverse=True)
            self._lengths[word] = found
        return found

    def fingerprint(self) -> str:
        """A digest of every term and target: two indexes with the same fingerprint link any text alike."""
        return hashlib.sha256(repr((self.terms, self.cjk)).encode()).hexdigest()

    def add(self, name: str, target: Target, any_case: bool = False) -> None:
        """Index ``name`` as a mention of ``target``; a name of one ordinary word only as written, unless ``any_case``."""
        self._added += 1
        self._lengths.clear()
        scope = "" if target.what in _SITE_WIDE else target.company
        if CJK.search(name):
            if _CJK_RUN.fullmatch(name):
                _put(self.cjk.setdefault(name, {}).setdefault(scope, []), (self._added, target, None))
                self.cjk_lengths = sorted({*self.cjk_lengths, len(name)}, reverse=True)
            return
        words = tuple(w.casefold() for w in WORD.findall(name))
        if not words or len(words) > MAX_TERM_WORDS:
            return
        # "Ownership" is a name only as written; "Be humble", "Quorvex" and "product manager" in any case.
        exact = name.strip() if len(words) == 1 and ordinary(words[0]) and not any_case else None
        # "interviews" is found as "interview" too, and "product managers" as "product manager".
        for key in dict.fromkeys((words, _singular(words))):
            _put(self.terms.setdefault(key, {}).setdefault(scope, []), (self._added, target, exact))
        self.starts.setdefault(words[0], set()).add(len(words))

    def lookup(self, words: list[str], company: str) -> Target | None:
        """The target that the words (as a text writes them) name for a page of ``company``, if any."""
        folded = tuple(w.casefold() for w in words)
        written = " ".join(words)
        for key in (folded, _singular(folded)):
            found = _first(self.terms.get(key), company, lambda exact: exact is None or exact == written)
            if found:
                return found
        return None

    def lookup_cjk(self, term: str, company: str) -> Target | None:
        """The target a Japanese or Chinese term names for a page of ``company``, if any."""
        return _first(self.cjk.get(term), company, lambda _: True)


def _put(entries: list[_Entry], entry: _Entry) -> None:
    if all(t != entry[1] for _, t, _ in entries):
        entries.append(entry)


def _first(scopes: dict[str, list[_Entry]] | None, company: str, fits: Callable[[str | None], bool]) -> Target | None:
    """The earliest added target of a term that holds on ``company``'s pages (its own, or the whole site's)."""
    if not scopes:
        return None
    entries = [e for e in (*scopes.get(company, ()), *scopes.get("", ())) if fits(e[2])]
    return min(entries, key=lambda e: e[0])[1] if entries else None


def _singular(words: tuple[str, ...]) -> tuple[str, ...]:
    last = words[-1]
    if last.endswith("ies") and len(last) > 4:
        return (*words[:-1], last[:-3] + "y")
    if last.endswith("es") and last[:-2].endswith(("s", "x", "ch", "sh")):
        return (*words[:-1], last[:-2])
    if last.endswith("s") and len(last) > 3 and not last.endswith("ss"):
        return (*words[:-1], last[:-1])
    return words


def _name_of_heading(text: str) -> str:
    """A heading as a name: without its numbering, years and a leading article ("1. The Segment acquisition (2020)")."""
    text = _NUMBERING.sub("", text)
    text = _YEARS.sub(" ", text).strip(" :–—-")
    return re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.IGNORECASE)


def company_names(name: str) -> list[str]:
    """The names a company goes by: its name, and its name without a legal form ("Acme" for "Acme Inc.")."""
    short = _LEGAL_SUFFIX.sub("", name).strip()
    return [name] if short == name or not short else [name, short]


def _is_name(text: str) -> bool:
    words = WORD.findall(text)
    return bool(words) and not ({w.casefold() for w in words} & _GENERIC)


@dataclass(frozen=True)
class Outline:
    """A page's section headings with their anchors, and the names its prose uses (for those a history tells of)."""

    headings: list[str]
    anchors: list[str]
    names: Mapping[str, int] = field(default_factory=dict)
    """Names and how often the prose uses them (:func:`dossier.understand.company.proper_names`)."""
    level_mapping: str = ""
    """A compensation page's level mapping as its front matter writes it ("Acme L2 = Globex L3")."""


def build_index(companies: list[Company], outlines: dict[str, Outline], topics: dict[Topic, str] | None = None) -> TermIndex:
    """The term index of a corpus; ``outlines`` gives each seed page's outline by source URI.

    ``topics`` gives the page of each topic that has one: its name ("system
    design") and its acronyms ("RSU") are mentions of it.
    """
    index = TermIndex()
    for company in companies:
        for name in company_names(company.name):
            index.add(name, Target(company.hub_uri, None, company.name, company.slug, "company"))
    for company in companies:
        _index_pages(index, company)
        for page in company.pages:
            _index_headings(index, company, page, outlines[page.src_uri])
    for topic, uri in (topics or {}).items():
        # Its name ("system design", "Onboarding") and its acronyms ("RSU", "IPO"): words that name the topic itself.
        # A name of one ordinary word ("Engineering", "Values") starts too many other names to be one.
        for term in [topic.name, *(t for t in terms(topic) if t.isupper())]:
            if len(WORD.findall(term)) > 1 or not ordinary(term):
                index.add(term, Target(uri, None, topic.name, "", "topic"))
    return index


def _index_pages(index: TermIndex, company: Company) -> None:
    """A company's pages by their titles and kinds, and its roles by their names and abbreviations."""
    for page in company.pages:
        # A page is mentioned by its title ("see the page on Benefits"), without the company's name in it.
        title = _without_company(page.title, company.name)
        if _is_name(title):
            index.add(title, Target(page.src_uri, None, title, company.slug, "page"))
    for role in company.roles:
        role_page = _role_page(company.pages, role)
        # A discipline of one ordinary word ("Engineering", "Design") starts too many other names to be one.
        if role_page and not (len(WORD.findall(role)) == 1 and ordinary(role)):
            names = [short for short, full in (*ROLE_ABBREVIATIONS.items(), *JAPANESE_ROLES) if full == role]
            for name in [role, *names]:
                index.add(name, Target(role_page.src_uri, None, role, company.slug, "role"))
    for kind in KIND_PHRASES:
        # "The interview loop" names a page only when the dossier has one page of that kind.
        of_kind = [p for p in company.pages if p.classification.kind is kind]
        if len(of_kind) == 1:
            for phrase in KIND_PHRASES[kind] + KIND_PHRASES_JA.get(kind, ()):
                index.add(phrase, Target(of_kind[0].src_uri, None, phrase, company.slug, "page", kind), any_case=True)


def _index_headings(index: TermIndex, company: Company, page: SeedPage, outline: Outline) -> None:
    """The values and levels a page's headings name, and the names a history's headings carry."""
    kind = page.classification.kind
    for level in own_levels(outline.level_mapping, company.name):
        index.add(level, Target(page.src_uri, None, level, company.slug, "level"))
    if kind is Kind.HISTORY:
        own = {tuple(w.casefold() for w in WORD.findall(n)) for n in company_names(company.name)}
        for name, anchor in _told_of(outline, own):
            index.add(name, Target(page.src_uri, anchor, name, company.slug, "section"))
    elif kind in (Kind.VALUES, Kind.LEVELS):
        what = "value" if kind is Kind.VALUES else "level"
        for text, anchor in zip(outline.headings, outline.anchors, strict=True):
            name = _name_of_heading(text)
            if _is_name(name) and (kind is Kind.VALUES or _LEVEL_NAME.search(name)):
                index.add(name, Target(page.src_uri, anchor, name, company.slug, what))


def own_levels(mapping: str, company: str) -> list[str]:
    """The company's own levels in a level mapping ("Acme L2 (Software Engineer) = Globex L3" gives "L2")."""
    levels = []
    for part in mapping.split("="):
        part = re.sub(r"\([^)]*\)", "", part).strip()
        for name in company_names(company):
            if part.casefold().startswith(name.casefold() + " "):
                levels.append(part[len(name) :].strip())
    return [level for level in levels if level]


def _without_company(title: str, company: str) -> str:
    """A page title without its company's name at either end ("Acme · Benefits", "Benefits at Acme")."""
    for name in company_names(company):
        pattern = re.escape(name)
        either_end = rf"^{pattern}(?:['’]s)?\s*[:·|—–-]?\s*|\s*(?:[:·|—–-]|\bat|\bof)\s*{pattern}$"
        title = compiled(either_end, re.IGNORECASE).sub("", title)
    return title.strip()


def _told_of(outline: Outline, own: set[tuple[str, ...]]) -> list[tuple[str, str]]:
    """The names a history's headings carry ("Segment: the expensive bet", "The Uber problem"), each with its section.

    A name is one the history's prose keeps writing as a name (at least twice),
    not the company's own; the first heading that carries it explains it.
    """
    names = [
        (name, tuple(w.casefold() for w in WORD.findall(name)))
        for name, n in outline.names.items()
        if n >= 2 and not _ACRONYM.fullmatch(name)
    ]
    names.sort(key=lambda item: -len(item[1]))
    found = []
    for text, anchor in zip(outline.headings, outline.anchors, strict=True):
        words = [w.casefold() for w in WORD.findall(text)]
        grams = {tuple(words[i : i + n]) for n in range(1, 4) for i in range(len(words) - n + 1)}
        carried: list[tuple[str, ...]] = []
        for name, key in names:
            # "Presidential Innovation Fellows", not also "Presidential".
            if key and key in grams and key not in own and not any(_inside(key, longer) for longer in carried):
                carried.append(key)
                found.append((name, anchor))
    return found


def _inside(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    return any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1))


def _role_page(pages: list[SeedPage], role: str) -> SeedPage | None:
    """The page that explains a role best: its role page, else its interview, levels or compensation page."""
    for kind in (Kind.ROLE, Kind.INTERVIEW, Kind.LEVELS, Kind.COMPENSATION):
        for page in pages:
            if page.classification.kind is kind and page.classification.role == role:
                return page
    return None
