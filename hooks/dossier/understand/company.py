"""Which company a text is about, from the evidence in it, with how strong that evidence is.

Evidence, each kind scored on its own and added up per name:

- **names the text keeps using** in its prose (not in headings or attributions)
  that are not ordinary words: wordfreq tells "Community" or "Total Rewards"
  from "Quorvex";
- **domains** of the links and images (``handbook.acme.com``,
  ``github.com/acme``), split by tldextract with its bundled suffix list
  (no network), when a label matches a name the text uses;
- **phrases** that only a company takes: "at Acme", "Acme's", "Acme Inc.",
  "株式会社アクメ";
- the **title**, front matter ``title`` and ``description``, and the address
  of the original page.

A date, a heading or an ordinary phrase never becomes a company. The corpus
settles weak guesses afterwards (:func:`dossier.understand.reconcile_companies`).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from wordfreq import zipf_frequency

from ..cjk import CJK, CJK_CHARS
from ..model import Strength

if TYPE_CHECKING:
    import tldextract

ORDINARY_ZIPF = 3.8
"""A word at least this frequent in English (wordfreq's Zipf scale: 3.8 is about 6 per million words) is ordinary."""

_NOT_NAMES = set(
    """a an and are as at be but by can do does each every for from had has have he her his how i if in
    into is it its may more most my no not of on one or our she so some such than that the their then
    there these they this those to two was we were what when where which while who why will with would
    yes you your also after before all any both during many new over since under until upon very via
    january february march april may june july august september october november december monday
    tuesday wednesday thursday friday saturday sunday jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue wed thu fri sat sun faq tl dr q bad good note tip related mr mrs ms dr inc ltd llc co corp
    q1 q2 q3 q4 h1 h2 fy am pm""".split()
)
_LETTER = rf"(?:(?![{CJK_CHARS}])[^\W_])"
_WORD_CHAR = rf"(?:(?![{CJK_CHARS}])[\w&])"
_WORD = re.compile(rf"{_LETTER}{_WORD_CHAR}*(?:[.’'-]{_LETTER}{_WORD_CHAR}*)*")
"""A word of Latin (or other spaced) script; Japanese and Chinese text around it is not part of it."""
_WORD_AND_GAP = re.compile(rf"({_WORD.pattern})([\W_{CJK_CHARS}]*)")
"""A word and what separates it from the next: every character up to the next that can start a word."""
_URL = re.compile(r"""(?:https?://|\bwww\.)[^\s<>()\[\]"'`]+""", re.IGNORECASE)
_FENCED = re.compile(r"^ {0,3}(```|~~~).*?^ {0,3}\1[^\n]*$", re.MULTILINE | re.DOTALL)
_TAG = re.compile(r"<[^>\n]*>")
_NOT_PROSE = re.compile(r"^\s*(?:#|—|―|–\s|--\s|\{\{|\{%|:::|\|?\s*-{3})")
_LEGAL = r"(?:Inc|LLC|Ltd|GmbH|Corp|Corporation|Limited|plc|PBC|AG|S\.A|SAS|BV|K\.K|Co)\b\.?"
_LEGAL_WORD = re.compile(_LEGAL)
_JA_COMPANY = re.compile(
    rf"(?:株式会社|\(株\)|（株）)\s*(?P<a>[{CJK_CHARS}A-Za-z0-9&.・ー-]{{2,20}}?)(?=[はのがをにで、。「」（）()\s]|$)|(?P<b>[\u30a0-\u30ffA-Za-z0-9&・ー-]{{2,20}})\s*株式会社"
)
_PLATFORM_PATHS = {"wiki", "blob", "tree", "issues", "pull", "docs", "en", "ja", "en-us", "www", "v1", "v2", "assets"}
_OWN_SITE = {
    "handbook",
    "careers",
    "career",
    "jobs",
    "job",
    "recruit",
    "recruiting",
    "about",
    "blog",
    "engineering",
    "tech",
    "people",
}
"""Subdomains and first path segments that say a site is the company's own ("careers.acme.com", "acme.com/jobs")."""


@dataclass(frozen=True)
class CompanyGuess:
    """The best name, how strong its evidence is, why, and every name scored (best first)."""

    name: str | None
    strength: Strength
    evidence: str
    candidates: tuple[tuple[str, float], ...]


@dataclass
class _Candidate:
    forms: Counter[str] = field(default_factory=Counter)
    prose: int = 0
    evidence: dict[str, float] = field(default_factory=dict)
    """Points by reason; reasons that only a company earns (links, phrases) are "strong"."""
    strong: set[str] = field(default_factory=set)
    tool_uses: int = 0
    """Mentions as a tool or a product: "in Timewell", "using Slack"."""

    def add(self, points: float, note: str, strong: bool = True) -> None:
        if points > 0:
            self.evidence[note] = max(points, self.evidence.get(note, 0.0))
            if strong:
                self.strong.add(note)

    @property
    def points(self) -> float:
        return sum(self.evidence.values())

    @property
    def backing(self) -> float:
        """The points only a company earns: links to its site, "at Acme", "Acme's", "Acme Inc."."""
        return sum(v for k, v in self.evidence.items() if k in self.strong)

    @property
    def name(self) -> str:
        # The form the text writes most: "brindle", "42N", "Harlow Freight".
        return max(self.forms.items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0]

    def absorb(self, other: _Candidate) -> None:
        self.prose = max(self.prose, other.prose)
        for note, points in other.evidence.items():
            self.add(points, note, note in other.strong)


_POSSESSIVE_END = re.compile(r"[’']s$")


@lru_cache(maxsize=65536)  # a text names the same few names again and again
def key(name: str) -> str:
    """The identity of a name for matching: letters and digits only, case folded ("18F" and "18f", "Acme's")."""
    name = _POSSESSIVE_END.sub("", unicodedata.normalize("NFKC", name))
    return "".join(ch for ch in name.casefold() if ch.isalnum())


def load_frequencies() -> None:
    """Load wordfreq's list now (8 ms), so that the children forked next share it instead of each loading it."""
    zipf_frequency("the", "en", wordlist="small")


@lru_cache(maxsize=65536)
def ordinary(word: str) -> bool:
    """Whether a word (or every word of a phrase) is common English, not a name."""
    parts = re.split(r"[\s-]+", word.lower())
    # wordfreq's small list holds every word of Zipf 3 and more: the same answers at this threshold as its large
    # one, loaded in a tenth of the time (8 ms against 90 ms, in every process that reads seeds).
    return all(p in _NOT_NAMES or zipf_frequency(p, "en", wordlist="small") >= ORDINARY_ZIPF for p in parts if p)


def _prose_lines(text: str) -> tuple[list[str], list[str]]:
    """The prose lines of a text (without code, headings, attributions and markup) and the URLs it links to."""
    text = _FENCED.sub("", text)
    urls = _URL.findall(text) if "://" in text or "www." in text.lower() else []  # each starts with one of them
    text = _TAG.sub(" ", _URL.sub(" ", text) if urls else text)
    # Code and paths are not prose: "`acme/repo`", "acme/widgets/main".
    text = re.sub(r"`[^`\n]*`|\S*/\S*", " ", text)
    return [line for line in text.split("\n") if line.strip() and not _NOT_PROSE.match(line)], urls


@dataclass
class _Counts:
    singles: Counter[str] = field(default_factory=Counter)
    lower: Counter[str] = field(default_factory=Counter)
    runs: Counter[str] = field(default_factory=Counter)


def _count(lines: list[str]) -> _Counts:
    """Capitalised words, runs of two or three of them, and lowercase words, as the prose uses them."""
    counts = _Counts()
    singles, lower, runs = counts.singles, counts.lower, counts.runs
    for line in lines:
        run: list[str] = []
        tokens = _WORD_AND_GAP.findall(line)
        last = len(tokens) - 1
        for index, (word, gap) in enumerate(tokens):
            if word.endswith(("'s", "’s")):
                word = word[:-2]
            first = word[:1]
            # Capitalised ("Acme"), or a name that starts with a digit ("42N"); not a number ("2019").
            capitalised = first.isupper() or (first.isdigit() and any(ch.isupper() for ch in word))
            if capitalised and word.casefold() not in _NOT_NAMES and not word.isdigit():
                singles[word] += 1
                run.append(word)
            else:
                lower[word] += 1
                if run:
                    _close(run, runs)
            if run and index < last and gap.strip() not in ("", "&"):
                _close(run, runs)  # punctuation between two capitalised words ends the run
        _close(run, runs)
    return counts


@lru_cache(maxsize=2)
def _read(text: str) -> tuple[list[str], list[str], _Counts]:
    """A text's prose lines, the URLs it links to and its word counts; the last texts' are kept, since a history's
    names (:func:`proper_names`) are counted from the text its company was guessed from. Callers do not change them."""
    lines, urls = _prose_lines(text)
    return lines, urls, _count(lines)


def _close(run: list[str], runs: Counter[str]) -> None:
    for size in (2, 3):
        for i in range(len(run) - size + 1):
            runs[" ".join(run[i : i + size])] += 1
    run.clear()


def _names(counts: _Counts) -> dict[str, _Candidate]:
    """Candidates from the capitalised words and runs that are not ordinary lowercase words of the same text."""
    lower: Counter[str] = Counter()
    for word, count in counts.lower.items():
        lower[word.casefold()] += count
    candidates: dict[str, _Candidate] = {}
    for word, count in counts.singles.items():
        if len(word) < 2 or lower[word.casefold()] * 2 >= count:
            continue
        candidate = candidates.setdefault(key(word), _Candidate())
        candidate.forms[word] += count
        candidate.prose += count
    for phrase, count in counts.runs.items():
        first, last = phrase.split(" ")[0], phrase.split(" ")[-1]
        head = max(counts.singles[first], counts.singles[last])
        if count >= 2 and count >= 0.6 * head and not ordinary(phrase):
            candidate = candidates.setdefault(key(phrase), _Candidate())
            candidate.forms[phrase] += count
            candidate.prose = max(candidate.prose, count)
    return candidates


def _merge_parts(candidates: dict[str, _Candidate]) -> None:
    """One company written short and long ("Saint-Laurent" and "Saint-Laurent Rail") is one candidate.

    The long form wins when the text uses it for most mentions of the short one.
    """
    for long_key, long in sorted(candidates.items(), key=lambda kv: -len(kv[1].name)):
        if " " not in long.name or long_key not in candidates:
            continue
        words = long.name.split(" ")
        for size in range(1, len(words)):
            for part in {" ".join(words[:size]), " ".join(words[-size:])}:
                short = candidates.get(key(part))
                if short is None or short is long:
                    continue
                if long.prose >= 0.6 * short.prose or _LEGAL_WORD.fullmatch(words[-1]) or long.backing > short.backing:
                    long.absorb(short)
                    del candidates[key(part)]
                elif part == " ".join(words[:size]):
                    short.absorb(long)
                    del candidates[long_key]
                    break
            if long_key not in candidates:
                break


@cache
def _extract() -> tldextract.TLDExtract:
    """tldextract with its bundled suffix list, imported when a text first names a URL: with requests, it takes 50 ms
    to import, which a build of seeds all read before (kept in .cache/dossier/) never needs."""
    import tldextract

    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def _url_labels(url: str) -> list[tuple[str, str]]:
    """The labels of a URL that may name its owner, each with where it is: "host", "own" (a careers site) or "path"."""
    parts = _extract()(url)
    if not parts.suffix:
        return []
    subdomains = [label for label in parts.subdomain.split(".") if label and label != "www"]
    path = re.sub(r"^[a-z]+://[^/]+/?", "", url, flags=re.IGNORECASE).split("/")[0].split("?")[0]
    own = any(label.lower() in _OWN_SITE for label in subdomains) or path.lower() in _OWN_SITE
    hosts = [*subdomains, parts.domain]
    labels = [(label, "own" if own else "host") for label in hosts]
    labels += [(label.split("-")[0], "host") for label in hosts if "-" in label]
    if path and path.lower() not in _PLATFORM_PATHS and path.lower() not in _OWN_SITE:
        labels.append((path, "path"))
    return labels


def _link_evidence(candidates: dict[str, _Candidate], counts: _Counts, urls: list[str], page_url: str | None) -> None:
    """Points for names whose site the text links to; a site that hosts a named owner's path credits the owner."""
    keys_of_runs = {key(run): run for run in counts.runs}
    lowercase = {key(w): w for w in counts.lower if not ordinary(w)}
    addresses = sorted(set(urls)) + ([page_url] if page_url else [])
    labelled = {url: _url_labels(url) for url in addresses}
    named = set(candidates) | set(keys_of_runs) | set(lowercase)
    own_labels = {key(label) for labels in labelled.values() for label, where in labels if where == "own"}
    owner_keys = named | own_labels
    linked: dict[str, dict[str, str]] = {}
    for url in addresses:
        labels = labelled[url]
        # github.com/acme, acme.deno.dev: the site hosts pages of an owner the text names; credit the owner only.
        for where_first in ("path", "own", "host"):
            owners = [(label, place) for label, place in labels if place == where_first and key(label) in owner_keys]
            if owners:
                break
        for label, place in owners or [(label, place) for label, place in labels if place != "path"]:
            linked.setdefault(key(label), {})[url] = place
    for label_key, where in sorted(linked.items()):
        if not label_key or ordinary(label_key):
            continue
        candidate = candidates.get(label_key)
        if candidate is None:
            form = keys_of_runs.get(label_key) or lowercase.get(label_key)
            candidate = candidates.setdefault(label_key, _Candidate())
            if form:
                candidate.forms[form] += max(1, counts.runs.get(form, 0) + counts.lower.get(form, 0))
                candidate.prose = max(1, candidate.prose)
            else:
                candidate.forms[label_key[:1].upper() + label_key[1:]] += 1  # named only in its addresses
        kinds = list(where.values())
        points = 4.0 * kinds.count("host") + 3.0 * kinds.count("path")
        if not candidate.prose:
            points /= 2  # a name the text never writes
        points += 6.0 * kinds.count("own")
        candidate.add(min(20.0, points), f"links to its site ×{len(where)}")
        if page_url and page_url in where:
            candidate.add(12.0, "the original page's address")


_NAME_WORDS = r"[^\W_][\w&.’'-]*(?: [^\W_][\w&.’'-]*){0,2}"
"""Up to three words that may hold a name, captured next to a phrase; their keys are matched to the candidates."""
_BEFORE = {
    "at": re.compile(rf"\b(?:[Aa]t|[Jj]oin(?:ing)?|[Ww]elcome to|[Ww]ork(?:ing)? (?:at|for)) ({_NAME_WORDS})"),
    "tool": re.compile(rf"\b(?:in|into|on|use|using|via|from) ({_NAME_WORDS})"),
}
_AFTER = {
    "possessive": re.compile(r"['’]s\b"),
    "subject": re.compile(r" (?:is|are|has|have|does|do|offers?|provides?|pays?|hires?|believes?|expects?)\b"),
    "staff": re.compile(r" (?:employees?|staff|team ?members?|teammates|colleagues|alumni)\b"),
}
"""What follows a name in a phrase; the up to three words before each match are the name's candidates."""
_WORDS_BEFORE = re.compile(r"(?:[^\W_][\w&.’'-]* ){0,2}[^\W_][\w&.’'-]*$")
_JA_AT = re.compile(r"([^\s、。「」（）()]{1,30}?)(?:では|で働)")
_JA_PARTICLE = re.compile(r"([^\s、。「」（）()]{1,30}?)(?:の|は|が|に)")


def _phrase_counts(prose: str) -> dict[str, Counter[str]]:
    """For each kind of phrase, how often each name key stands in it: one pass over the text per kind.

    A phrase before a name ("at Acme Rail today") counts the keys of the words
    that start the capture; one after a name ("the Acme Rail's") the keys of those that end it.
    """
    counts: dict[str, Counter[str]] = {}
    for label, pattern in _BEFORE.items():
        found: Counter[str] = Counter()
        for words in pattern.findall(prose):
            parts = words.split(" ")
            found.update({key(" ".join(parts[:n])) for n in range(1, len(parts) + 1)})
        counts[label] = found
    for label, pattern in _AFTER.items():
        found = Counter()
        for match in pattern.finditer(prose):
            before = _WORDS_BEFORE.search(prose, max(0, match.start() - 80), match.start())
            if before:
                parts = before.group().split(" ")
                found.update({key(" ".join(parts[-n:])) for n in range(1, len(parts) + 1)})
        counts[label] = found
    for label, pattern in (("at_ja", _JA_AT), ("particle", _JA_PARTICLE)):
        found = Counter()
        if CJK.search(prose):
            for words in pattern.findall(prose):
                # The name ends where the particle starts; it begins after a run of kana or kanji.
                found.update({key(words[-n:]) for n in range(1, min(len(words), 30) + 1)})
        counts[label] = found
    return counts


_PHRASE_POINTS = (
    ("at", 12.0, 2.0, "'at {}'", True),
    ("possessive", 9.0, 1.5, "'{}'s'", True),
    ("staff", 10.0, 2.5, "'{} employees/staff'", True),
    ("at_ja", 9.0, 2.0, "'{}では'", True),
    # Softer: any subject of a sentence takes these, a product or a place too.
    ("subject", 6.0, 1.0, "'{} has/is/does…'", False),
    ("particle", 6.0, 1.0, "'{}の/は'", False),
)
"""For each kind of phrase a name stands in: the most points it earns, the points each time, its note, and whether
only a company takes it."""


def _phrase_evidence(candidates: dict[str, _Candidate], prose: str, opening: str, phrases: dict[str, Counter[str]]) -> None:
    """Points for phrases only a company takes: "at Acme", "Acme's", "Acme has", "Acme staff", "株式会社アクメ", "Acmeでは"."""
    for match in _JA_COMPANY.finditer(prose) if "株" in prose else ():  # every form has it: 株式会社, (株)
        name = (match.group("a") or match.group("b")).strip("・ー-")
        candidate = candidates.setdefault(key(name), _Candidate())
        candidate.forms[name] += 1
        candidate.prose = max(1, candidate.prose)
        candidate.add(6.0, f"'株式会社{name}'")
    for name in re.findall(rf"\b([A-Z][\w&-]+(?: [A-Z][\w&-]+){{0,2}}),? {_LEGAL}", prose):
        candidate = candidates.setdefault(key(name), _Candidate())
        candidate.forms[name] += 1
        candidate.prose = max(1, candidate.prose)
        candidate.add(5.0, f"'{name}' with a legal form (Inc., Ltd., AG…)")
    opening_keys = {key(" ".join(opening.split()[:n])) for n in (1, 2, 3)}
    for name_key, candidate in candidates.items():
        n = {label: found[name_key] for label, found in phrases.items() if name_key in found}
        if n:  # most names stand in no such phrase: their notes are not even written
            name = candidate.name
            for label, most, each, note, strong in _PHRASE_POINTS:
                if n.get(label):
                    candidate.add(min(most, each * n[label]), f"{note.format(name)} ×{n[label]}", strong)
        if name_key in opening_keys:
            candidate.add(4.0, "the opening sentence is about it", strong=False)
        candidate.tool_uses = n.get("tool", 0)


def _title_evidence(candidates: dict[str, _Candidate], title: str, description: str) -> None:
    for text, points, note in ((title, 8.0, "in the title"), (description, 4.0, "in the description")):
        words = [m.group() for m in _WORD.finditer(text)]
        keys = {key(" ".join(words[i : i + n])) for n in (1, 2, 3) for i in range(len(words) - n + 1)}
        keys |= {key(m) for m in re.findall(rf"[{CJK_CHARS}A-Za-z0-9]+", text)}  # names inside Japanese titles
        for name_key, candidate in candidates.items():
            if name_key in keys or any(key(form) in keys for form in candidate.forms):
                candidate.add(points, note, strong=False)


_OWNER_PHRASES = ("at", "staff", "subject", "at_ja")
_HEADING_LINE = re.compile(r"^ {0,3}#{1,6}\s", re.MULTILINE)


def _lede(text: str) -> str:
    """The paragraphs before the first heading, where a document says what it is about, without its tables."""
    heading = _HEADING_LINE.search(text)
    head = text[: heading.start()] if heading else "\n".join(text.split("\n")[:3])
    lines, _ = _prose_lines(head)
    return "\n".join(line for line in lines if not line.lstrip().startswith("|"))


def _lede_owner(candidates: dict[str, _Candidate], text: str) -> str | None:
    """The one name the lede makes the owner of what follows ("the mechanisms Acme has", "at Acme we"), if exactly one."""
    phrases = _phrase_counts(_lede(text))
    owners = {k for k, c in candidates.items() if c.prose >= 2 and any(phrases[label][k] for label in _OWNER_PHRASES)}
    return owners.pop() if len(owners) == 1 else None


def _tool(candidate: _Candidate) -> bool:
    """Whether the text uses a name as a tool or product ("in Timewell", "using Slack") rather than an employer."""
    return candidate.tool_uses >= 3 and candidate.tool_uses >= 0.15 * candidate.prose


def guess_company(text: str, title: str, description: str = "", page_url: str | None = None) -> CompanyGuess:
    """The company ``text`` is about, scored from every kind of evidence; see the module's docstring."""
    lines, urls, counts = _read(text)
    candidates = _names(counts)
    prose = "\n".join(lines)
    opening = next((line for line in lines if len(line.split()) > 5 or len(line) > 30), "")
    phrases = _phrase_counts(prose)
    # Lowercase names ("brindle", "qx") count when a phrase only a company takes backs them.
    for word, count in counts.lower.items():
        word_key = key(word)
        if (phrases["possessive"][word_key] or phrases["at"][word_key]) and len(word) > 1 and not ordinary(word):
            candidate = candidates.setdefault(word_key, _Candidate())
            candidate.forms[word] += count
            candidate.prose += count
    _link_evidence(candidates, counts, urls, page_url)
    _phrase_evidence(candidates, prose, opening, phrases)
    _merge_parts(candidates)
    _title_evidence(candidates, title, description)

    scored: list[tuple[str, float, _Candidate]] = []
    for candidate in candidates.values():
        name = candidate.name
        if candidate.backing < 4 and (ordinary(name) or candidate.prose < 2):
            continue  # an ordinary phrase, or a name used once, is no company without other evidence
        # An acronym ("PTO", "API") needs a phrase that only a company takes; a tool ("log hours in Timewell") is no company.
        weight = 0.3 if name.isupper() and len(name) <= 4 and candidate.backing < 1 else 1.0
        score = candidate.prose * weight + candidate.points
        if _tool(candidate):
            score *= 0.3
        scored.append((name, score, candidate))
    scored.sort(key=lambda item: (-item[1], item[0]))
    owner = _lede_owner(candidates, text)
    lede_index = next((i for i, (_, _, c) in enumerate(scored) if candidates.get(owner or "") is c and not _tool(c)), None)
    if lede_index:
        # The lede says whose the page is; the body may still name a part of it more often.
        name, score, best = scored.pop(lede_index)
        best.add(6.0, "the opening paragraph says the page is about it", strong=False)
        scored.insert(0, (name, max(score, scored[0][1]), best))
    table = tuple((name, round(score, 1)) for name, score, _ in scored[:8])
    if not scored:
        return CompanyGuess(None, Strength.WEAK, "company unknown: no name stands out in the text", table)
    name, score, best = scored[0]
    # A tool the text uses ("in Timewell") is no rival for the company.
    rivals = [item for item in scored[1:] if not _tool(item[2])]
    runner = rivals[0][1] if rivals else 0.0
    tool = _tool(best)
    if tool:
        strength = Strength.WEAK
    elif score >= 12 and score >= 1.6 * runner and best.backing + min(best.prose, 10) >= 8:
        strength = Strength.STRONG
    elif score >= 6 and score >= 1.25 * runner:
        strength = Strength.MODERATE
    else:
        strength = Strength.WEAK
    notes = sorted(best.evidence.items(), key=lambda kv: -kv[1])
    used = f"used like a tool ('in {name}', 'using {name}') ×{best.tool_uses}" if tool else ""
    why = ", ".join(filter(None, [used, f"named {best.prose} times" if best.prose else "", *(n for n, _ in notes)][:6]))
    rival = f"; next {rivals[0][0]!r} {runner:.0f}" if rivals else ""
    return CompanyGuess(name, strength, f"company {name!r} ({strength.name.lower()}, score {score:.0f}{rival}): {why}", table)


def proper_names(text: str) -> Counter[str]:
    """The names a text's prose uses (capitalised words and runs it does not write lowercase), with how often."""
    names: Counter[str] = Counter()
    for candidate in _names(_read(text)[2]).values():
        if not candidate.name.isdigit():
            names[candidate.name] += candidate.prose
    return names
