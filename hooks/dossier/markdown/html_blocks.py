"""Raw HTML in a Markdown seed, read as text: tables stay tables, embeds become links, nothing runs.

Handbook pages embed HTML tables, ``<details>``, ``<iframe>`` videos and
layout ``<div>`` s. None of their markup may reach the page, but their words
must. :func:`html_to_blocks` parses the fragment with the standard library's
forgiving parser and returns Dossier's own blocks: paragraphs of the text,
tables of the cells, lists of the items, and a link to the page of each
embedded frame or video with an ``http(s)`` address. Scripts, styles and
templates are dropped with their content.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

from ..blocks import SAFE_URL, Block, ListBlock, Paragraph, Table, inline, link

_BREAKS = {
    "p", "div", "br", "section", "article", "header", "footer", "aside", "main", "blockquote", "figure",
    "figcaption", "details", "summary", "pre", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "dl", "dt", "dd",
    "center", "form", "fieldset", "legend", "address", "nav",
}  # fmt: skip
_HIDDEN = {"script", "style", "template", "noscript", "head", "title", "svg", "math"}
_EMBEDS = {"iframe", "video", "embed", "object", "audio", "source"}


@dataclass
class EmbedLink(Block):
    """A link to the page of something a seed embedded (a video, a form), shown instead of the embed."""

    url: str
    label: str

    def markdown(self) -> str:
        return link(inline(self.label), self.url)


class _Reader(HTMLParser):
    def __init__(self, line: int) -> None:
        super().__init__(convert_charrefs=True)
        self.line = line
        self.blocks: list[Block] = []
        self.text: list[str] = []
        self.items: list[str] | None = None
        self.rows: list[list[str]] | None = None
        self.cell: list[str] | None = None
        self.hidden = 0

    def _flush_text(self) -> None:
        words = " ".join("".join(self.text).split())
        self.text.clear()
        if not words:
            return
        if self.cell is not None:
            self.cell.append(words)
        elif self.items is not None:
            self.items.append(words)
        else:
            self.blocks.append(Paragraph(self.line, words))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
            return
        if tag == "table":
            self._flush_text()
            self.rows = []
        elif tag == "tr" and self.rows is not None:
            self.rows.append([])
        elif tag in ("td", "th") and self.rows is not None:
            self._flush_text()
            self.cell = []
        elif tag in ("ul", "ol") and self.rows is None:
            self._flush_text()
            self.items = []
        elif tag == "li" or tag in _BREAKS:
            self._flush_text()
        elif tag == "img":
            alt = dict(attrs).get("alt") or ""
            if alt.strip():
                self.text.append(f" {alt.strip()} ")
        if tag in _EMBEDS:
            values = dict(attrs)
            url = (values.get("src") or values.get("data") or "").strip()
            if SAFE_URL.match(url) and not url.lower().startswith("mailto:"):
                self._flush_text()
                label = (values.get("title") or "").strip() or f"Embedded content: {url}"
                self.blocks.append(EmbedLink(self.line, url, label))

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
            return
        if tag in ("td", "th") and self.cell is not None and self.rows is not None:
            self._flush_text()
            if not self.rows:
                self.rows.append([])
            self.rows[-1].append(" ".join(self.cell))
            self.cell = None
        elif tag == "table" and self.rows is not None:
            self._flush_text()
            rows = [r for r in self.rows if any(c.strip() for c in r)]
            self.rows = None
            if len(rows) >= 2:
                self.blocks.append(Table(self.line, rows))
            else:
                self.blocks.extend(Paragraph(self.line, " · ".join(r)) for r in rows)
        elif tag in ("ul", "ol") and self.items is not None:
            self._flush_text()
            if self.items:
                self.blocks.append(ListBlock(self.line, self.items))
            self.items = None
        elif tag == "li" or tag in _BREAKS:
            self._flush_text()

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.text.append(data)

    def close(self) -> None:
        super().close()
        self._flush_text()
        if self.rows:
            self.blocks.append(Table(self.line, [r for r in self.rows if r]))
        if self.items:
            self.blocks.append(ListBlock(self.line, self.items))


def html_to_blocks(fragment: str, line: int) -> list[Block]:
    """The text, tables, lists and embed links of an HTML fragment, as safe blocks."""
    reader = _Reader(line)
    reader.feed(fragment)
    reader.close()
    return reader.blocks
