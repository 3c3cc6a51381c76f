"""Link a mention to where it is explained, block by block, before a page's Markdown is joined.

The linker reads the Markdown each block writes, in which every character of
seed text that Markdown or HTML could read as syntax is already a character
reference (:func:`dossier.blocks.escape`). It only ever wraps runs of plain
words and the spaces or dashes between them in a link of its own, so nothing a
seed says can become markup. It never links inside a heading, a link, code,
an HTML tag or the definition itself, and only the first mention of each target
in each section.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from ..blocks import Block, Figures, Heading
from ..cjk import CJK
from ..model import Kind
from ..uris import relative
from .terms import WORD, Target, TermIndex

_PROTECTED = re.compile(
    r"(`+).*?\1"  # code
    r"|!?\[(?:[^\[\]\n]|\[[^\]\n]*\])*\]\([^)\n]*\)"  # a link or an image of Dossier's own
    r"|<[^>\n]*>"  # an HTML tag
    r"|&#?\w+;"  # a character reference: escaped seed punctuation
)
_JOINER = re.compile(r"[ \t\u00a0\u2010-\u2015-]+")
"""What may stand between the words of a mention: spaces, a hyphen or a Unicode dash."""
_FENCE = re.compile(r"^\s*(```|~~~)")
_NOT_TEXT_LINE = re.compile(r"^\s*(?:!!!|\?\?\?|\|?\s*:?-{3})")
"""An admonition's title line, a table's rule: no text of a reader's to link."""
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3}")
SNIPPET_WORDS = 6
SNIPPET_CHARS = 60


@dataclass(frozen=True)
class Mention:
    """A link from a section of one page to where a term is explained."""

    target: Target
    uri: str
    """The source URI of the page that mentions it."""
    company: str
    """The slug of the mentioning page's company."""
    page: str
    """The mentioning page's label, as its dossier names it."""
    section: str | None
    anchor: str | None
    """The heading and anchor of the section that mentions it (None: before the first heading)."""
    before: str
    words: str
    after: str
    """The words around the mention, as plain text."""


@dataclass
class _Section:
    title: str | None = None
    anchor: str | None = None


class PageLinker:
    """Links the blocks of one page; ``mentions`` collects what it linked."""

    def __init__(self, index: TermIndex, uri: str, company: str, label: str, kind: Kind | None = None) -> None:
        self.index = index
        self.uri = uri
        self.company = company
        self.label = label
        self.kind = kind
        self.mentions: list[Mention] = []
        self._section = _Section()
        self._linked: set[tuple[str, str | None]] = set()
        self._topics: set[str] = set()

    def sections(self, blocks: list[Block], anchors: list[str]) -> list[tuple[str | None, list[str]]]:
        """The page body as Markdown, mentions linked, section by section: (anchor, Markdown of each block).

        ``anchors`` are the ids of the page's headings, in order; the first section,
        before any heading, has no anchor.
        """
        sections: list[tuple[str | None, list[str]]] = [(None, [])]
        headings = iter(anchors)
        for block in blocks:
            if isinstance(block, Heading):
                self._section = _Section(block.text, next(headings))
                self._linked = set()
                sections.append((self._section.anchor, [block.markdown()]))
            elif isinstance(block, Figures):
                sections[-1][1].append(block.markdown())  # raw HTML: a Markdown link in it would show as text
            else:
                sections[-1][1].append(self.link(block.markdown()))
        return sections

    def link(self, markdown: str) -> str:
        """Markdown with the first mention of each target in the current section linked."""
        lines = markdown.split("\n")
        fenced = False
        for number, line in enumerate(lines):
            if _FENCE.match(line):
                fenced = not fenced
                continue
            # A table's header row is a heading of its columns: not linked either.
            header = number + 1 < len(lines) and _TABLE_RULE.match(lines[number + 1])
            if not fenced and not header and not _NOT_TEXT_LINE.match(line):
                lines[number] = self._link_line(line)
        return "\n".join(lines)

    def _link_line(self, line: str) -> str:
        pieces = []
        start = 0
        for protected in _PROTECTED.finditer(line):
            pieces.append(self._link_text(line, start, protected.start()))
            pieces.append(protected.group())
            start = protected.end()
        pieces.append(self._link_text(line, start, len(line)))
        return "".join(pieces)

    def _link_text(self, line: str, start: int, end: int) -> str:
        """Link the mentions in ``line[start:end]``, a run of escaped text with no syntax in it."""
        tokens = list(WORD.finditer(line, start, end))
        out = []
        at = start
        i = 0
        while i < len(tokens):
            if CJK.match(tokens[i].group()):
                out.append(line[at : tokens[i].start()])
                out.append(self._link_cjk(line, tokens[i]))
                at = tokens[i].end()
                i += 1
                continue
            found = self._match(line, tokens, i)
            if found is None:
                i += 1
                continue
            target, n = found
            first, last = tokens[i].start(), tokens[i + n - 1].end()
            href = relative(target.uri, self.uri) + (f"#{target.anchor}" if target.anchor else "")
            out.append(line[at:first])
            out.append(f"[{line[first:last]}]({href})")
            self._record(target, line, first, last)
            at = last
            i += n
        out.append(line[at:end])
        return "".join(out)

    def _link_cjk(self, line: str, run: re.Match[str]) -> str:
        """A run of Japanese or Chinese text with its terms linked: they are found inside it, as it has no spaces."""
        out, at, i = [], run.start(), run.start()
        while i < run.end():
            # The longest term that starts here: one probe per length of term, whatever the corpus size.
            for length in self.index.cjk_lengths:
                target = self.index.lookup_cjk(line[i : i + length], self.company) if i + length <= run.end() else None
                if target is not None and self._wanted(target):
                    href = relative(target.uri, self.uri) + (f"#{target.anchor}" if target.anchor else "")
                    out += [line[at:i], f"[{line[i : i + length]}]({href})"]
                    self._record(target, line, i, i + length)
                    at = i = i + length
                    break
            else:
                i += 1
        out.append(line[at : run.end()])
        return "".join(out)

    def _match(self, line: str, tokens: list[re.Match[str]], i: int) -> tuple[Target, int] | None:
        for n in self.index.lengths(tokens[i].group()):
            if i + n > len(tokens) or any(
                not _JOINER.fullmatch(line[tokens[j].end() : tokens[j + 1].start()]) for j in range(i, i + n - 1)
            ):
                continue
            target = self.index.lookup([t.group() for t in tokens[i : i + n]], self.company)
            if target is not None and self._wanted(target):
                return target, n
        return None

    def _wanted(self, target: Target) -> bool:
        """Not the page's own company, kind or definition, and not linked yet in this section."""
        if target.what == "company" and target.company == self.company:
            return False
        if target.kind is not None and target.kind is self.kind:
            return False  # "the interview" on an interview page is this page's subject, not a mention of another
        if target.uri == self.uri and target.anchor in (None, self._section.anchor):
            return False
        if target.what == "topic":
            return target.uri not in self._topics  # a topic once a page: it is the page's subject, not a section's
        return (target.uri, target.anchor) not in self._linked

    def _record(self, target: Target, line: str, first: int, last: int) -> None:
        self._linked.add((target.uri, target.anchor))
        if target.what == "topic":
            self._topics.add(target.uri)
        # Japanese has no spaces between words: a few words are then a few characters.
        before = " ".join(plain(line[:first]).split()[-SNIPPET_WORDS:])[-SNIPPET_CHARS:]
        after = " ".join(plain(line[last:]).split()[:SNIPPET_WORDS])[:SNIPPET_CHARS]
        self.mentions.append(
            Mention(
                target=target,
                uri=self.uri,
                company=self.company,
                page=self.label,
                section=self._section.title,
                anchor=self._section.anchor,
                before=before,
                words=plain(line[first:last]),
                after=after,
            )
        )


def plain(markdown: str) -> str:
    """Escaped Markdown of a line as the words a reader sees: link labels kept, tags and markers dropped."""
    text = re.sub(r"!?\[((?:[^\[\]]|\[[^\]]*\])*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"<[^>]*>|^\s*(?:[-*+>|]|\d+\.)\s+|\*\*?|`+|\|", " ", text)
    return " ".join(html.unescape(text).split())


def join_sections(sections: list[tuple[str | None, list[str]]], notes: dict[str, str]) -> str:
    """The sections' Markdown as one document, each section followed by its note (by anchor), if any."""
    out = []
    for anchor, parts in sections:
        out += parts
        if anchor is not None and anchor in notes:
            out.append(notes[anchor])
    return "\n\n".join(out) + "\n"
