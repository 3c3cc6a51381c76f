"""Raw HTML in a seed, read as text: tables stay tables, embeds become links, nothing runs.

Handbook pages embed HTML tables, ``<details>``, ``<iframe>`` videos and
layout ``<div>`` s, and editors save whole pages as ``.html``. None of their
markup may reach the page, but their words must. :func:`html_to_blocks`
parses a fragment with the standard library's forgiving parser and returns
Dossier's own blocks: paragraphs of the text, tables of the cells, lists of
the items, and a link to the page of each embedded frame or video with an
``http(s)`` address. Scripts, styles and templates are dropped with their
content, and so is a page's navigation (``<nav>``, and containers named
``toc``, ``sidebar``, ``menu`` and the like): it belongs to the original
site, not to the document. :func:`read_html_document` reads a whole page,
headings included.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from ..blocks import (
    SAFE_URL,
    Block,
    EmbedLink,
    FormattedParagraph,
    Heading,
    ListBlock,
    Paragraph,
    Recovered,
    Table,
    block_start,
    escape,
    nest_headings,
)

_BREAKS = {
    "p", "div", "br", "section", "article", "header", "footer", "aside", "main", "blockquote", "figure",
    "figcaption", "details", "summary", "pre", "hr", "dl", "dt", "dd", "center", "form", "fieldset",
    "legend", "address", "body",
}  # fmt: skip
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_HIDDEN = {"script", "style", "template", "noscript", "head", "svg", "math", "nav", "button", "select", "option"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param"}
_FRAME = {"html", "body", "main", "article"}
"""Elements that hold the document itself, whatever their classes say ("<body class='has-toc'>")."""
_EMBEDS = {"iframe", "video", "embed", "object", "audio", "source"}
_CHROME = re.compile(r"(?:^|[\s_-])(?:toc|nav|navbar|navigation|sidebar|leftnav|menu|breadcrumbs?|skip-link)(?:$|[\s_-])", re.I)


_EMPHASIS_TAGS = {
    "strong": ("\ue000", "\ue001"),
    "b": ("\ue000", "\ue001"),
    "em": ("\ue002", "\ue003"),
    "i": ("\ue002", "\ue003"),
}
"""Bold and italics in the HTML, marked in the text with private-use characters until the paragraph is written."""
_EMPHASIS = re.compile("[\ue000-\ue003]")


def _emphasised(marked: str) -> str:
    """Escaped Markdown of a paragraph with its bold and italic runs; a run left open or empty is dropped."""
    text = escape(marked)
    for opening, closing, mark in (("\ue000", "\ue001", "**"), ("\ue002", "\ue003", "*")):

        def wrap(m: re.Match[str], mark: str = mark) -> str:
            # The marks hug the words: "** bold**" is no emphasis in Markdown.
            return f"{m.group(1)}{mark}{m.group(2)}{mark}{m.group(3)}" if m.group(2).strip() else m.group(0)

        text = re.sub(f"{opening}(\\s*)([^{opening}{closing}]*?)(\\s*){closing}", wrap, text)
    return block_start(_EMPHASIS.sub("", text).strip())


class _Reader(HTMLParser):
    def __init__(self, line: int, headings: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.line = line
        self.headings = headings
        self.blocks: list[Block] = []
        self.title = ""
        self.text: list[str] = []
        self.items: list[str] | None = None
        self.rows: list[list[str]] | None = None
        self.cell: list[str] | None = None
        self.stack: list[tuple[str, bool]] = []
        self.in_title = False
        self.in_item = False
        """Inside an ``<li>`` of a list in a table cell."""
        self.anchor: str | None = None
        """The address of an open ``<a>`` that so far holds only images."""

    @property
    def hidden(self) -> bool:
        return any(hides for _, hides in self.stack)

    def _flush_text(self, heading: str | None = None) -> None:
        marked = " ".join("".join(self.text).split())
        words = " ".join(_EMPHASIS.sub("", marked).split())
        self.text.clear()
        if not words:
            return
        if self.cell is not None:
            self.cell.append(f"• {words}" if self.in_item else words)
        elif self.items is not None:
            self.items.append(words)
        elif heading and self.headings:
            self.blocks.append(Heading(self.line, words, int(heading[1])))
        elif _EMPHASIS.search(marked):
            self.blocks.append(FormattedParagraph(self.line, words, _emphasised(marked)))
        else:
            self.blocks.append(Paragraph(self.line, words))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag not in _VOID:
            names = f"{values.get('id', '')} {values.get('class', '')} {values.get('role', '')}"
            chrome = tag not in _FRAME and bool(_CHROME.search(names))
            self.stack.append((tag, tag in _HIDDEN or chrome))
        if tag == "title":
            self.in_title = True
        if self.hidden:
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
        elif tag == "li" or tag in _BREAKS or tag in _HEADINGS:
            self._flush_text()
            self.in_item = tag == "li" and self.cell is not None
        elif tag in _EMPHASIS_TAGS:
            self.text.append(_EMPHASIS_TAGS[tag][0])
        elif tag == "img" and values.get("alt", "").strip():
            self.text.append(f" {values['alt'].strip()} ")
        elif tag == "a":
            href = values.get("href", "").strip()
            self.anchor = href if SAFE_URL.match(href) and not "".join(self.text).strip() else None
        if tag in _EMBEDS:
            url = (values.get("src") or values.get("data") or "").strip()
            if SAFE_URL.match(url) and not url.lower().startswith("mailto:"):
                self._flush_text()
                self.blocks.append(EmbedLink(self.line, url, values.get("title", "").strip() or f"Embedded content: {url}"))

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        was_hidden = self.hidden
        if any(open_tag == tag for open_tag, _ in self.stack):
            while self.stack and self.stack.pop()[0] != tag:
                pass
        if was_hidden:
            return
        if tag in ("td", "th") and self.cell is not None and self.rows is not None:
            self._flush_text()
            if not self.rows:
                self.rows.append([])
            self.rows[-1].append("\n".join(self.cell))  # written as line breaks in the cell
            self.cell = None
            self.in_item = False
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
        elif tag in _EMPHASIS_TAGS:
            self.text.append(_EMPHASIS_TAGS[tag][1])
        elif tag in _HEADINGS:
            self._flush_text(heading=tag)
        elif tag == "a" and self.anchor:
            # A linked image (a banner, a badge): its description becomes a link to where it pointed.
            label = " ".join("".join(self.text).split())
            if label:
                self.text.clear()
                self.blocks.append(EmbedLink(self.line, self.anchor, label))
            self.anchor = None
        elif tag == "li" or tag in _BREAKS:
            self._flush_text()
            self.in_item = False

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.anchor = None  # a link with words of its own stays text
        if self.in_title:
            self.title += data
        elif not self.hidden:
            self.text.append(data)

    def close(self) -> None:
        super().close()
        self._flush_text()
        if self.rows:
            self.blocks.append(Table(self.line, [r for r in self.rows if r]))
        if self.items:
            self.blocks.append(ListBlock(self.line, self.items))


def html_to_blocks(fragment: str, line: int) -> list[Block]:
    """The text, tables, lists and embed links of an HTML fragment, as safe blocks (headings as paragraphs)."""
    reader = _Reader(line, headings=False)
    reader.feed(fragment)
    reader.close()
    return reader.blocks


def is_html_document(body: str) -> bool:
    """Whether a seed is a whole HTML page (saved from a browser or exported from a site)."""
    return bool(re.match(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", body[:2000], re.IGNORECASE | re.DOTALL))


def read_html_document(body: str, first_line: int = 1) -> Recovered:
    """A whole HTML page as blocks: its first ``<h1>`` (else its ``<title>``) is the title, its headings nest."""
    reader = _Reader(first_line, headings=True)
    reader.feed(body)
    reader.close()
    blocks = reader.blocks
    title = " ".join(reader.title.split()) or None
    first = next((i for i, b in enumerate(blocks) if isinstance(b, Heading)), None)
    if first is not None and not any(isinstance(b, Paragraph | Table | ListBlock) for b in blocks[:first]):
        title = blocks.pop(first).text  # type: ignore[attr-defined]
    document_title = " ".join(reader.title.split()) or None
    nest_headings([(b, True) for b in blocks if isinstance(b, Heading)])
    return Recovered(title, blocks, document_title=document_title)
