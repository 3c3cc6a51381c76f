"""Write a parsed Markdown seed back as Markdown in which every piece of seed text is escaped.

The seed is parsed once by markdown-it-py (CommonMark, with tables,
strikethrough, definition lists and ``:::`` containers). :class:`Writer` walks
the syntax tree and writes each node as Python-Markdown reads it: text through
:func:`~dossier.blocks.escape`, nested lists indented by four spaces, code in
fences at the top level and indented inside lists and asides, raw HTML read as
text by :mod:`.html_blocks`, containers as admonitions. Links keep their target
only when it is a web or mail address, a heading of the same page, or a
relative path that the front matter's URL of the original resolves.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from urllib.parse import urljoin

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode
from pymdownx import gemoji_db

from ..blocks import SAFE_URL, attribute, block_start, escape, link
from ..cjk import CJK_CHARS
from .dialect import ASIDE_TYPES
from .html_blocks import html_to_blocks

MAX_LIST_DEPTH = 6
"""Lists nested deeper than this are written flat: Python-Markdown slows down on deep indentation."""
HEADING_ATTRIBUTES = re.compile(r"\s*\{\s*:?\s*(?P<body>(?:[#.]|[\w-]+\s*=)[^{}]*)\}\s*$")
"""A trailing attribute list: ``{#anchor}``, ``{: #id .class}``, ``{.lead}``, ``{id="x"}``."""


def strip_attributes(text: str) -> tuple[str, str | None]:
    """Text without its trailing attribute list, and the id that list gave, if any."""
    match = HEADING_ATTRIBUTES.search(text)
    if not match:
        return text, None
    anchor = re.search(r"#+([\w-]+)|\bid\s*=\s*[\"']?([\w-]+)", match.group("body"))
    return text[: match.start()], (anchor.group(1) or anchor.group(2)) if anchor else None


def drop_trailing_attributes(node: SyntaxTreeNode) -> str | None:
    """Remove a trailing attribute list from an inline node's last text; return the id it gave."""
    texts = [child for child in node.children if child.type == "text"]
    if not texts or node.children[-1] is not texts[-1]:
        return None
    last = texts[-1]
    content, anchor = strip_attributes(last.content)
    if content != last.content:
        last.token.content = content  # type: ignore[union-attr]
    return anchor


def plain_text(node: SyntaxTreeNode) -> str:
    """The words a reader sees in an inline node: text, code and image descriptions, without markup."""
    parts: list[str] = []
    for child in node.walk(include_self=False):
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(child.content)
    return " ".join("".join(parts).split())


class Writer:
    """Writes the nodes of one seed; ``anchors`` maps each heading id a link may name to the page's own id."""

    def __init__(self, base_url: str | None, anchors: dict[str, str], source: str = "", md: MarkdownIt | None = None) -> None:
        self.base_url = base_url if base_url and SAFE_URL.match(base_url) else None
        self.anchors = anchors
        self.lines = source.split("\n")
        """The parsed text, to recover table cells that the parser drops."""
        self.md = md

    # --- inline -----------------------------------------------------------

    def inline(self, node: SyntaxTreeNode) -> str:
        """The Markdown of an inline node's children."""
        return self.inline_nodes(node.children)

    def inline_nodes(self, nodes: list[SyntaxTreeNode]) -> str:
        """The Markdown of a run of inline nodes.

        Inline HTML is read, not kept: what sits inside ``<script>`` or
        ``<style>`` is dropped, an ``<img>`` gives its description, and an
        ``<a href>`` to a web address stays a link.
        """
        out: list[str] = []
        hidden: str | None = None
        anchor: tuple[int, str] | None = None
        for child in nodes:
            if child.type == "html_inline":
                tag = re.match(r"(?i)^<(/?)(script|style|template|a|img)\b", child.content)
                name = tag.group(2).lower() if tag else ""
                closing = bool(tag and tag.group(1))
                if name in ("script", "style", "template"):
                    if closing and name == hidden:
                        hidden = None
                    elif not closing and hidden is None:
                        hidden = name
                elif hidden is None and name == "img":
                    alt = re.search(r"""\balt\s*=\s*(?:"([^"]*)"|'([^']*)')""", child.content)
                    out.append(escape(html.unescape(alt.group(1) or alt.group(2))) if alt else "")
                elif hidden is None and name == "a" and not closing:
                    href = re.search(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')""", child.content)
                    target = self.target(html.unescape(href.group(1) or href.group(2))) if href else None
                    anchor = (len(out), target) if target else None
                elif hidden is None and name == "a" and anchor is not None:
                    start, target = anchor
                    label = "".join(out[start:]).strip()
                    out[start:] = [link(label, target)] if label else []
                    anchor = None
                elif hidden is None and re.match(r"(?i)^<br\b", child.content):
                    out.append("<br>")
                continue
            if hidden is None:
                out.append(self._inline(child))
        # Japanese and Chinese put no space between words: a line break inside their text is no space.
        return re.sub(rf"(?<=[{CJK_CHARS}])\n(?=[{CJK_CHARS}])", "", "".join(out)).replace("\n", " ")

    def _inline(self, node: SyntaxTreeNode) -> str:
        kind = node.type
        if kind == "text":
            return escape(emoji(node.content))
        if kind == "softbreak":
            return "\n"  # a space, or nothing between two lines of Japanese (see inline_nodes)
        if kind == "hardbreak":
            return "<br>"
        if kind == "code_inline":
            return _code_span(node.content)
        if kind in ("strong", "em", "s"):
            inner = self.inline(node)
            if not inner.strip():
                return inner
            lead, core, trail = re.match(r"^(\s*)(.*?)(\s*)$", inner, re.S).groups()  # type: ignore[union-attr]
            mark = {"strong": ("**", "**"), "em": ("*", "*"), "s": ("<del>", "</del>")}[kind]
            return f"{lead}{mark[0]}{core}{mark[1]}{trail}"
        if kind == "link":
            return self._link(node)
        if kind == "image":
            return escape(node.content)
        return self.inline(node) if node.children else escape(node.content)

    def _link(self, node: SyntaxTreeNode) -> str:
        label = self.inline(node)
        href = str(node.attrs.get("href", "")).strip()
        target = self.target(href)
        if target is None:
            return label
        return link(label.strip() or escape(href), target)

    def target(self, href: str) -> str | None:
        """Where a seed's link may point, or None when it must be shown as plain text."""
        if href.startswith("#"):
            anchor = self.anchors.get(href[1:].lower())
            return f"#{anchor}" if anchor else None
        if SAFE_URL.match(href):
            return href
        if re.match(r"^[a-zA-Z][\w+.-]*:", href) or href.startswith("//") or self.base_url is None:
            return None  # another scheme, or a page of the original site that is not in the corpus
        resolved = urljoin(self.base_url, href)
        return resolved if SAFE_URL.match(resolved) else None

    # --- blocks -------------------------------------------------------------

    def blocks(self, nodes: list[SyntaxTreeNode], nested: bool, depth: int = 0) -> list[str]:
        """The lines of a sequence of block nodes, separated by blank lines."""
        return _separated(self.block(node, nested, depth) for node in nodes)

    def block(self, node: SyntaxTreeNode, nested: bool, depth: int = 0) -> list[str]:
        """The lines of one block node; ``nested`` inside a list, quote or aside."""
        kind = node.type
        if kind == "paragraph":
            inline_node = node.children[0] if node.children else None
            if inline_node is None:
                return []
            drop_trailing_attributes(inline_node)
            text = self.inline(inline_node).strip()
            return [block_start(text)] if text else []
        if kind == "heading":
            drop_trailing_attributes(node.children[0])
            text = self.inline(node.children[0]).strip()
            return [f"**{text}**"] if text else []
        if kind in ("bullet_list", "ordered_list"):
            return self._list(node, depth)
        if kind == "blockquote":
            inner = self.blocks(node.children, True, depth)
            return [f"> {line}" if line else ">" for line in inner]
        if kind in ("fence", "code_block"):
            return _code_block(node.content, node.info if kind == "fence" else "", nested)
        if kind == "hr":
            return ["* * *"]
        if kind == "table":
            return self._table(node)
        if kind == "html_block":
            return "\n\n".join(b.markdown() for b in html_to_blocks(node.content, 0)).split("\n") if node.content.strip() else []
        if kind.startswith("container_"):
            return self._aside(node, depth)
        if kind == "dl":
            return self._definitions(node, depth)
        return self.blocks(node.children, nested, depth)

    def _list(self, node: SyntaxTreeNode, depth: int) -> list[str]:
        ordered = node.type == "ordered_list"
        start = int(node.attrs.get("start", 1) or 1)
        tight = all(p.hidden for item in node.children for p in item.children if p.type == "paragraph")
        lines: list[str] = []
        for index, item in enumerate(node.children):
            inner = self.blocks(item.children, True, depth + 1)
            if tight:
                inner = [line for line in inner if line]
            if not inner:
                inner = [""]
            inner[0] = _task(inner[0])
            if depth >= MAX_LIST_DEPTH:
                lines.extend(line for line in inner if line)
                continue
            marker = f"{start + index}. " if ordered else "- "
            lines.append(marker + inner[0])
            lines.extend(f"    {line}" if line else "" for line in inner[1:])
            if not tight and index < len(node.children) - 1:
                lines.append("")
        return lines

    def _table(self, node: SyntaxTreeNode) -> list[str]:
        rows: list[list[str]] = []
        aligns: list[str] = []
        for row in (r for section in node.children for r in section.children):
            cells = []
            for cell in row.children:
                text = self.inline(cell.children[0]).strip() if cell.children else ""
                cells.append(text or " ")
                if len(rows) == 0:
                    style = str(cell.attrs.get("style", ""))
                    aligns.append(
                        {"left": ":---", "right": "---:", "center": ":---:"}.get(style.rsplit(":", 1)[-1].strip(), "---")
                    )
            rows.append(cells + self._excess_cells(row, len(row.children)))
        if not rows:
            return []
        width = max(len(r) for r in rows)
        aligns += ["---"] * (width - len(aligns))
        out = ["| " + " | ".join(rows[0] + [" "] * (width - len(rows[0]))) + " |", "|" + "|".join(aligns) + "|"]
        out += ["| " + " | ".join(r + [" "] * (width - len(r))) + " |" for r in rows[1:]]
        return out

    def _excess_cells(self, row: SyntaxTreeNode, kept: int) -> list[str]:
        """Cells of a row beyond the header's width, which GFM tables drop: nothing of a seed is lost."""
        if not row.map or self.md is None or row.map[0] >= len(self.lines):
            return []
        raw = self.lines[row.map[0]].strip()
        raw = raw[1:] if raw.startswith("|") else raw
        raw = raw[:-1] if raw.endswith("|") and not raw.endswith("\\|") else raw
        cells = re.split(r"(?<!\\)\|", raw)
        extra = []
        for text in cells[kept:]:
            tokens = self.md.parseInline(text.strip())
            extra.append(self.inline(SyntaxTreeNode(tokens).children[0]).strip() if tokens and text.strip() else " ")
        return extra

    def _aside(self, node: SyntaxTreeNode, depth: int) -> list[str]:
        params = node.info.strip()
        match = re.match(r"^([\w-]+)(?:\[(.*?)\])?\s*(.*)$", params)
        name, bracketed, rest = match.groups() if match else ("note", "", "")
        style = ASIDE_TYPES.get(name.lower(), "note")
        title = (bracketed or rest or name).strip()
        title = title[:1].upper() + title[1:]
        inner = self.blocks(node.children, True, depth)
        return [f'!!! {style} "{attribute(title)}"', ""] + [f"    {line}" if line else "" for line in inner]

    def _definitions(self, node: SyntaxTreeNode, depth: int) -> list[str]:
        """A definition list: each term in bold, its definitions after it."""
        return _separated(
            ([f"**{self.inline(part.children[0]).strip()}**"] if part.children else [])
            if part.type == "dt"
            else self.blocks(part.children, True, depth)
            for part in node.children
        )


def _separated(groups: Iterable[list[str]]) -> list[str]:
    """Groups of lines joined with a blank line between two non-empty ones."""
    lines: list[str] = []
    for written in groups:
        if written:
            if lines:
                lines.append("")
            lines.extend(written)
    return lines


_SHORTCODE = re.compile(r":[a-z0-9_+-]{1,40}:")


def emoji(text: str) -> str:
    """GitHub emoji short codes (":bow:", ":tada:") as the emoji they stand for; unknown ones stay as written."""

    def character(match: re.Match[str]) -> str:
        code = gemoji_db.aliases.get(match.group(), match.group())
        entry = gemoji_db.emoji.get(code)
        if not entry:
            return match.group()
        return "".join(chr(int(point, 16)) for point in entry["unicode"].split("-"))

    return _SHORTCODE.sub(character, text) if ":" in text else text


def _task(first: str) -> str:
    """A task-list item ("[ ] x", "[x] x"), whose brackets were escaped as text, drawn as a box."""
    match = re.match(r"^&#91;([ xX])&#93; ", first)
    if not match:
        return first
    return ("☑ " if match.group(1) in "xX" else "☐ ") + first[match.end() :]


def _code_span(content: str) -> str:
    ticks = "`" * (max((len(run) for run in re.findall(r"`+", content)), default=0) + 1)
    pad = " " if content.startswith("`") or content.endswith("`") else ""
    return f"{ticks}{pad}{content}{pad}{ticks}"


def _code_block(content: str, info: str, nested: bool) -> list[str]:
    lines = content.rstrip("\n").split("\n")
    if nested:
        # Python-Markdown reads fences only at the start of a line: inside a list or an aside, indent.
        return [f"    {line}" if line else "" for line in lines]
    fence = "`" * max(3, max((len(r) for r in re.findall(r"^\s*(`+)", content, re.M)), default=0) + 1)
    language = info.strip() if re.fullmatch(r"[\w+-]{1,30}", info.strip()) else ""
    # Words after the fence that are no language name ("```Run this first.") would not be shown: keep them as text.
    caption = [block_start(escape(info.strip())), ""] if info.strip() and not language else []
    return [*caption, fence + language, *lines, fence]
