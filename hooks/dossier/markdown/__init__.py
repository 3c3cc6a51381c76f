"""Markdown seeds, of any generator, read by one CommonMark parse and written back safely.

:func:`recover_markdown` replaces generator syntax (:mod:`.dialect`), parses
the body with markdown-it-py, takes the first heading as the title, gives the
other headings their levels, and writes every other top-level node as escaped
Markdown (:mod:`.writer`).
"""

from __future__ import annotations

import re

from markdown.extensions.toc import unique
from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.deflist import deflist_plugin

from ..anchors import slugify
from ..blocks import Block, FormattedParagraph, Heading, MarkdownHeading, RawMarkdown, Recovered, block_start, nest_headings
from .dialect import normalise
from .writer import Writer, drop_trailing_attributes, plain_text

MAX_HEADING_CHARS = 400
"""A longer "heading" is a paragraph with a mark: it is shown as one."""

_ATX = re.compile(r"^ {0,3}#{1,6}\s+\S")
_BOLD_LINE = re.compile(r"^\*\*(?P<text>[^*]+?)\*\*\s*$")


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"maxNesting": 40}).enable(["table", "strikethrough"])
    container_plugin(md, "aside", validate=lambda params, *_: bool(re.match(r"^\s*[A-Za-z][\w-]*", params)))
    deflist_plugin(md)
    return md


_MD = _parser()


def is_markdown(body: str) -> bool:
    """Whether a seed's body is Markdown: it has ATX headings or at least two bold heading lines."""
    lines = body.split("\n")
    return any(_ATX.match(line) for line in lines) or sum(1 for line in lines if _BOLD_LINE.match(line.strip())) >= 2


def _bold_line(node: SyntaxTreeNode) -> tuple[SyntaxTreeNode, list[SyntaxTreeNode]] | None:
    """A paragraph whose first line is one bold phrase ("**Benefits**"), which authors use as a heading.

    Returns the bold node and the inline nodes of the lines after it.
    """
    if node.type != "paragraph" or not node.children:
        return None
    children = node.children[0].children
    end = next((i for i, c in enumerate(children) if c.type in ("softbreak", "hardbreak")), len(children))
    parts = [c for c in children[:end] if not (c.type == "text" and not c.content.strip(": "))]
    text = plain_text(parts[0]) if len(parts) == 1 else ""
    if parts and parts[0].type == "strong" and 0 < len(text.split()) <= 14 and not re.search(r"[.!?;,]$", text):
        return parts[0], children[end + 1 :]
    return None


def _anchors(nodes: list[SyntaxTreeNode]) -> dict[str, str]:
    """Each id a link of the seed may name (its own ``{#anchor}``, or the heading's slug) to the page's id."""
    used: set[str] = set()
    anchors: dict[str, str] = {}
    for node in nodes:
        if node.type != "heading" or not node.children:
            continue
        given = drop_trailing_attributes(node.children[0])
        slug = unique(slugify(plain_text(node.children[0]), "-"), used)
        anchors.setdefault(slug, slug)
        if given:
            anchors.setdefault(given.lower(), slug)
    return anchors


def recover_markdown(body: str, first_line: int = 1, base_url: str | None = None, front_title: str | None = None) -> Recovered:
    """Recover a Markdown seed: its first heading is the title, the rest nest under it.

    ``base_url`` is the address of the original page, if the front matter gives
    one: relative links resolve against it; without it they are plain text.
    With a ``front_title`` from the front matter, only a first-level heading
    that opens the body replaces it as the title.
    """
    normalised = normalise(body)
    root = SyntaxTreeNode(_MD.parse(normalised.text))
    nodes = list(root.children)
    writer = Writer(base_url, _anchors(nodes), normalised.text, _MD)
    title: str | None = None
    blocks: list[Block] = []
    heads: list[tuple[int, Heading, bool]] = []
    for node in nodes:
        line = first_line + (node.map[0] if node.map else 0)
        if node.type == "heading" and node.children:
            text = plain_text(node.children[0])
            rendered = writer.inline(node.children[0]).strip()
            if not text or len(text) > MAX_HEADING_CHARS:
                if text:
                    blocks.append(FormattedParagraph(line, text, rendered))
                continue
            if title is None and not blocks and not heads and (front_title is None or node.tag == "h1"):
                title = text
                continue
            heads.append((len(blocks), MarkdownHeading(line, text, int(node.tag[1]), rendered), True))
            blocks.append(heads[-1][1])
            continue
        bold = _bold_line(node)
        if bold:
            strong, rest = bold
            heading = MarkdownHeading(line, plain_text(strong).rstrip(":"), 0, writer.inline(strong).strip().rstrip(":"))
            heads.append((len(blocks), heading, False))
            blocks.append(heading)
            text = writer.inline_nodes(rest).strip()
            if text:
                words = " ".join(plain_text(n) if n.children else n.content for n in rest).split()
                blocks.append(FormattedParagraph(line + 1, " ".join(words), block_start(text)))
            continue
        written = "\n".join(writer.block(node, nested=False)).strip("\n")
        if not written.strip():
            continue
        if node.type == "paragraph":
            blocks.append(FormattedParagraph(line, plain_text(node.children[0]), written))
        else:
            blocks.append(RawMarkdown(line, written))
    nest_headings([(heading, written) for _, heading, written in heads])
    notices = [(first_line + offset, message) for offset, message in normalised.notices]
    return Recovered(title or front_title, blocks, notices)
