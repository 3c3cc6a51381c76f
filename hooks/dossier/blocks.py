"""The blocks a seed is recovered into, and how each is written as safe Markdown.

Every piece of seed text passes through :func:`inline`, which escapes what
Markdown or HTML would otherwise interpret, so seed text is always shown as
text: never as HTML, never as Markdown syntax, never as a template.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache

# Characters Python-Markdown and its extensions would read as syntax anywhere in a line.
_INLINE_SPECIAL = re.compile(r"[\\`*_\[\]{}<>&|~^=:$!]")
_ENTITY = {c: f"&#{ord(c)};" for c in "\\`*_[]{}|~^=:$!"}
_ENTITY.update({"<": "&lt;", ">": "&gt;", "&": "&amp;"})


def escape(text: str) -> str:
    """Seed text with every character Markdown or HTML would read as syntax written as a character reference.

    Runs of white space become one space; a space at either end is kept, so
    that escaped pieces can be joined with the Markdown around them.
    """
    text = re.sub(r"\s+", " ", text)
    return _INLINE_SPECIAL.sub(lambda m: _ENTITY[m.group()], text)


def block_start(escaped: str) -> str:
    """Escaped text made safe to start a line: a leading ``#``, ``-``, ``+``, ``/``, ``?`` or "1." is not syntax."""
    match = re.match(r"^(\d+)([.)])", escaped)
    if match:
        return f"{match.group(1)}&#{ord(match.group(2))};{escaped[match.end() :]}"
    if escaped and escaped[0] in "#-+/?":
        return f"&#{ord(escaped[0])};{escaped[1:]}"
    return escaped


@lru_cache(maxsize=65536)
def inline(text: str) -> str:
    """Escape seed text for use inside a Markdown paragraph, heading, list item or cell.

    Each character that could start Markdown, HTML, an emoji short code, an
    attribute list or a block syntax becomes a character reference, which every
    Markdown processor shows literally. Leading characters that start blocks
    (``#``, ``-``, ``+``, ``>``, ``/``, ``?``, a number and a dot) are escaped too.
    """
    return block_start(escape(" ".join(text.split())))


SAFE_URL = re.compile(r"^(?:https?://|mailto:)[^\s<>\"'`\\]+$", re.IGNORECASE)
"""The only link targets a seed may give: web and mail addresses, with no character that could end the link."""


def link(label: str, url: str) -> str:
    """A Markdown link from an already escaped label to a URL that matches :data:`SAFE_URL`."""
    target = url.replace("(", "%28").replace(")", "%29").replace("[", "%5B").replace("]", "%5D")
    return f"[{label}]({target})"


def attribute(text: str) -> str:
    """Escape a value for an HTML attribute in double quotes."""
    return html.escape(" ".join(text.split()), quote=True)


@dataclass
class Block:
    """A piece of a page. ``line`` is the seed line where it starts."""

    line: int

    def markdown(self) -> str:  # pragma: no cover - every subclass overrides
        """The block as Markdown."""
        raise NotImplementedError


@dataclass
class Heading(Block):
    """A section heading; ``level`` 2 is a section of the page, 3 a subsection."""

    text: str
    level: int = 2

    def markdown(self) -> str:
        return f"{'#' * self.level} {inline(self.text)}"


@dataclass
class Paragraph(Block):
    """A paragraph of seed text."""

    text: str

    def markdown(self) -> str:
        return inline(self.text)


@dataclass
class FormattedParagraph(Paragraph):
    """A paragraph whose author's formatting is kept (bold, links): ``text`` is what a reader sees,
    ``rendered`` the Markdown, already escaped."""

    rendered: str = ""

    def markdown(self) -> str:
        return self.rendered


@dataclass
class ListBlock(Block):
    """A bulleted or numbered list, or a reader's checklist."""

    items: list[str]
    ordered: bool = False
    checklist: bool = False
    numbers: list[int] = field(default_factory=list)

    def markdown(self) -> str:
        lines = []
        for index, item in enumerate(self.items):
            if self.ordered:
                number = self.numbers[index] if index < len(self.numbers) else index + 1
                lines.append(f"{number}. {inline(item)}")
            elif self.checklist:
                lines.append(f"- {inline(item)}")
            else:
                lines.append(f"- {inline(item)}")
        if self.checklist:
            # A reader's checklist: boxes drawn by CSS, not form controls without labels.
            return '<div class="dossier-checklist" markdown>\n\n' + "\n".join(lines) + "\n\n</div>"
        return "\n".join(lines)


@dataclass
class Quote(Block):
    """A pull quote and, where the seed gives one, its attribution."""

    text: str
    attribution: str | None = None
    dash: str = "—"

    def markdown(self) -> str:
        body = f"> {inline(self.text)}"
        if self.attribution:
            body += f"\n>\n> <cite>{inline(self.dash)} {inline(self.attribution)}</cite>"
        return body


def _caption(caption: list[str] | None) -> str:
    if not caption:
        return ""
    icon = ""
    if len(caption) > 1 and not any(ch.isalnum() for ch in caption[0]):
        icon, caption = inline(caption[0]) + " ", caption[1:]
    first, *rest = caption
    text = f"{icon}**{inline(first)}**"
    if rest:
        text += " — " + " — ".join(inline(c) for c in rest)
    return f"\n\n/// table-caption\n{text}\n///"


MISSING_CELL = "—"
"""Shown in a cell that a cut-off row of the source does not have."""


def _cell(text: str) -> str:
    """A table cell; the lines of a cell read from HTML (a list in the cell, say) are kept apart by line breaks."""
    return "<br>".join(inline(line) for line in text.split("\n"))


def _table(header: list[str], rows: list[list[str]], caption: list[str] | None = None) -> str:
    width = len(header)
    lines = ["| " + " | ".join(inline(h) or "&nbsp;" for h in header) + " |", "|" + "---|" * width]
    cut = False
    for row in rows:
        cut = cut or len(row) < width
        cells = row[:width] + [MISSING_CELL] * (width - len(row))
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    table = "\n".join(lines)
    note = f"\n\n*{MISSING_CELL} The source table is cut off here: these cells are missing from it.*" if cut else ""
    # The caption must follow the table directly to attach to it; the note comes after both.
    return table + _caption(caption) + note


@dataclass
class Figures(Block):
    """Key numbers: each a value and what it measures."""

    rows: list[tuple[str, str]]
    caption: list[str] = field(default_factory=list)

    def markdown(self) -> str:
        cards = "\n".join(
            f'<div class="dossier-figure"><span class="dossier-figure__value">{inline(value)}</span>'
            f'<span class="dossier-figure__label">{inline(label)}</span></div>'
            for value, label in self.rows
        )
        caption = (
            f'<p class="dossier-figures__caption">{" — ".join(inline(c) for c in self.caption)}</p>\n' if self.caption else ""
        )
        return f'<div class="dossier-figures">\n{caption}{cards}\n</div>'


@dataclass
class Timeline(Block):
    """Dated events, in the order the seed gives them."""

    rows: list[tuple[str, str]]
    caption: list[str] = field(default_factory=list)

    def markdown(self) -> str:
        return _table(["Year", "Event"], [[year, event] for year, event in self.rows], self.caption)


@dataclass
class Table(Block):
    """A table: its first row is the header; short rows are padded, nothing is dropped."""

    rows: list[list[str]]
    caption: list[str] = field(default_factory=list)

    def markdown(self) -> str:
        width = max(len(r) for r in self.rows)
        header = (self.rows[0] + [""] * width)[:width]
        return _table(header, self.rows[1:], self.caption)


@dataclass
class Contrast(Block):
    """Pairs of a bad and a good example, shown side by side."""

    pairs: list[tuple[str, str]]
    labels: tuple[str, str] = ("Bad", "Good")

    def markdown(self) -> str:
        bad, good = self.labels
        return _table([f"✗ {bad}", f"✓ {good}"], [[b, g] for b, g in self.pairs])


@dataclass
class Aside(Block):
    """Text set apart from the article: a teaser for a related page, or a call to action."""

    title: str
    lines: list[str]
    style: str = "note"
    collapsed: bool = False
    """Shown folded (a promotional call to action is kept, but out of the reader's way)."""

    def markdown(self) -> str:
        body = "\n\n".join(f"    {inline(line)}" for line in self.lines)
        marker = "???" if self.collapsed else "!!!"
        return f'{marker} {self.style} "{attribute(self.title)}"\n\n{body}'


@dataclass
class MarkdownHeading(Heading):
    """A heading written in Markdown by the seed's author: ``rendered`` is its escaped inline Markdown."""

    rendered: str = ""

    def markdown(self) -> str:
        # A run of '#' closing the line would be read as the heading's closing marks.
        text = re.sub(r"#+\s*$", lambda m: m.group().replace("#", "&#35;"), self.rendered)
        return f"{'#' * self.level} {text}"


@dataclass
class EmbedLink(Block):
    """A link to the page of something a seed embedded (a video, a form), shown instead of the embed."""

    url: str
    label: str

    def markdown(self) -> str:
        return link(inline(self.label), self.url)


@dataclass
class RawMarkdown(Block):
    """Markdown written by the seed's author, already made safe."""

    text: str

    def markdown(self) -> str:
        return self.text


@dataclass
class Recovered:
    """A seed's title (when it has one) and its body as blocks."""

    title: str | None
    blocks: list[Block]
    notices: list[tuple[int, str]] = field(default_factory=list)
    """(seed line, message) for each thing of the seed that was removed, not shown."""
    document_title: str | None = None
    """The title a saved web page gives itself (``<title>``), when it is not the one shown."""

    @property
    def headings(self) -> list[Heading]:
        """The headings, in order."""
        return [b for b in self.blocks if isinstance(b, Heading)]


_MARKUP = re.compile(r"(?P<reference>&#?\w+;)|^[ \t|:-]*-{3,}[ \t|:-]*$|^[ \t]*[-+][ \t]+|\]\([^)]*\)|[\[\]*_`>#|]", re.MULTILINE)
"""Markdown's marks, rules, table separator rows, bullets and link targets; and the character references that escape
seed text (kept: "&#58;" is ":"). An item's number stays: it is part of what the list says."""


def block_text(block: Block) -> str:
    """The words a reader sees in a block, a line per paragraph, item or row."""
    if isinstance(block, Heading | Paragraph):
        return block.text
    if isinstance(block, ListBlock):
        return "\n".join(block.items)
    if isinstance(block, Table):
        return "\n".join(" | ".join(row) for row in block.rows)
    if isinstance(block, Figures | Timeline):
        return "\n".join(" ".join(row) for row in block.rows)
    if isinstance(block, Quote):
        return block.text
    if isinstance(block, Contrast):
        return "\n".join(" / ".join(pair) for pair in block.pairs)
    if isinstance(block, Aside):
        return "\n".join(block.lines)
    if isinstance(block, RawMarkdown):
        return html.unescape(_MARKUP.sub(lambda m: m.group("reference") or " ", block.text))
    return ""


def nest_headings(headings: list[tuple[Heading, bool]]) -> None:
    """Give headings page levels: the seed's top level becomes 2, and no level is skipped.

    Each heading comes with whether its level was written (a Markdown or HTML
    heading); one that was not (a bold line) takes the level of the section it is in.
    """
    written = [h.level for h, has_level in headings if has_level]
    top = min(written) if written else 2
    current = 1
    for heading, has_level in headings:
        if has_level:
            heading.level = min(6, heading.level - top + 2, current + 1)
            current = heading.level
        else:
            heading.level = max(current, 2)


def to_markdown(blocks: list[Block]) -> str:
    """Join blocks into one Markdown document."""
    return "\n\n".join(block.markdown() for block in blocks) + "\n"
