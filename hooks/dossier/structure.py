"""Recover the structure hidden in a seed's text: title, headings, lists, quotes, tables.

Scraped plain text keeps its structure only in bare lines. :func:`recover`
reads the lines, recognises what each is (a bullet, a table row, a value glued
to its label, a quote's attribution, a heading), groups them into blocks and
gives headings their levels. No rule names a company or a sentence: every rule
is about the shape of lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .blocks import (
    Aside,
    Block,
    Contrast,
    Figures,
    Heading,
    ListBlock,
    Paragraph,
    Quote,
    Recovered,
    Table,
    Timeline,
    block_text,
)

MAX_HEADING_CHARS = 100
MAX_HEADING_WORDS = 14
MAX_LINE_CHARS = 20_000
"""Longer lines are split at sentence ends so that no block is unreadable."""

_BULLET = re.compile(r"^[-*•▪●◦‣]\s+(?P<item>\S.*)$")
_CHECK = re.compile(r"^(?:[-*]\s+)?\[(?P<mark>[ xX✓])\]\s+(?P<item>\S.*)$|^[☐☑□✅✓✔]\s*(?P<item2>\S.*)$")
_NUMBERED = re.compile(r"^(?P<n>\d{1,3})[.)]\s+(?P<item>\S.*)$")
_QUOTE = re.compile(r"^>\s?(?P<text>.*)$")
_RELATED = re.compile(
    r"^>\s*(?:[^\w\s:]{1,3}\s*)?(?P<label>related|see also|read more|further reading|also read|read next):\s+(?P<text>\S.*)$",
    re.IGNORECASE,
)
_ATTRIBUTION = re.compile(r"^(?P<dash>—|―|–|--)\s*(?P<who>[^\W\d_].*)$")
_ROW = re.compile(r"^\|.*\|\s*$|^\|(?:[^|]*\|)+[^|]*$")
_SEPARATOR_CELL = re.compile(r"^\s*:?-{1,}:?\s*$")
_GLUED_VALUE = re.compile(
    r"^(?P<value>[~≈<>]?(?:[A-Z]{1,3}\$|[$€£¥₹])?\d[\d,]*(?:\.\d+)?(?:[KMBT]|bn|mn|k)?\+?%?)"
    r"(?P<label>[A-Z(“\"][^\n]*)$"
)
_YEAR_EVENT = re.compile(r"^(?P<year>(?:1[5-9]|20)\d\d)(?:\s*[—–:-]\s+)?(?P<event>[A-Z“\"].*)$")
_CONTRAST = re.compile(r"^(?P<word>BAD|GOOD|WRONG|RIGHT|DON['’]T|DO|AVOID|BETTER|INSTEAD):\s+(?P<text>\S.*)$")
_NEGATIVE = {"BAD", "WRONG", "DON'T", "AVOID"}
_CTA = re.compile(
    r"→|»|\b(?:sign up|subscribe|join|apply|visit|download|buy|get (?:the|your|started|access|it)|learn more|browse|"
    r"open (?:roles|positions|jobs|vacancies)|careers? page|jobs? page|"
    r"click|available (?:on|at|now|as|in|for)|printable|register|book a|try it|start (?:your|a) free|ready to|"
    r"interested in|check out|follow us)\b",
    re.IGNORECASE,
)
_SENTENCE_BREAK = re.compile(r"(?<![A-Z][a-z])(?<!\b[A-Za-z])(?<!vs)(?<!etc)[.!?…][\"”’)]?\s+(?=[A-Z\"“])")
_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split()
    )
}
_COLLECTIVE = re.compile(
    r"\b(?:values|principles|tenets|commitments|pillars|beliefs|behaviou?rs|habits|rules|traits|practices|"
    r"lessons|norms|ideals|truths|ways|qualities|competencies|expectations)\b",
    re.IGNORECASE,
)
_LINK_LINE = re.compile(
    r"^(?:read|see|visit|learn more about|download|watch|explore|discover|join|apply|sign up|subscribe|check out|click|follow)\b"
    r".{0,60}\b(?:page|playbook|blog|post|article|guide|report|careers?|jobs?|site|website|docs|documentation|here|video|"
    r"stories|newsletter|podcast|ebook|whitepaper)\W*$",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^(?:[Ll]ast )?(?:[Uu]pdated|[Pp]ublished|[Pp]osted|[Ww]ritten|[Rr]eviewed|[Ee]dited)\b|^By (?!The\b|the\b)[A-Z]\w+ [A-Z]"
)
_CHECKLIST_HEADING = re.compile(r"\bcheck-?list\b", re.IGNORECASE)


@dataclass
class Unit:
    """A line of a seed (or lines joined again) and what it looks like."""

    line: int
    text: str
    kind: str = "text"
    data: dict[str, str] = field(default_factory=dict)
    role: str = ""
    """What recovery decided: "heading", "caption", "title", "cta" or ""."""


def _terminal(text: str) -> bool:
    return bool(re.search(r"[.,;:!…]['\"”’)]*$", text))


def heading_like(text: str) -> bool:
    """Whether a line could be a heading: short, one phrase, no closing punctuation but '?'."""
    words = text.split()
    question = text.endswith("?")
    return (
        0 < len(text) <= MAX_HEADING_CHARS * (1.6 if question else 1)
        and len(words) <= MAX_HEADING_WORDS + (10 if question else 0)
        and not _terminal(text)
        and not text[:1].islower()
        and not _SENTENCE_BREAK.search(text)
        and any(ch.isalpha() for ch in text)
        and not _BYLINE.match(text)
        and text[0] not in "<{[|\\/`=*_~&"
        and not re.search(r"<[A-Za-z!/?]|\{[{%#]", text)
    )


def _icon_only(text: str) -> bool:
    return len(text) <= 4 and not any(ch.isalnum() for ch in text)


def _line_kind(text: str) -> tuple[str, dict[str, str]]:
    """Recognise what one stripped line is."""
    for kind, pattern in (
        ("related", _RELATED),
        ("quote", _QUOTE),
        ("row", _ROW),
        ("check", _CHECK),
        ("bullet", _BULLET),
        ("numbered", _NUMBERED),
        ("attribution", _ATTRIBUTION),
        ("contrast", _CONTRAST),
        ("year", _YEAR_EVENT),
        ("glued", _GLUED_VALUE),
    ):
        match = pattern.match(text)
        if match:
            return kind, {k: v for k, v in match.groupdict().items() if v is not None}
    if _icon_only(text):
        return "icon", {}
    return "text", {}


def _split_long(text: str) -> list[str]:
    if len(text) <= MAX_LINE_CHARS:
        return [text]
    parts, current = [], ""
    for piece in re.split(r"(?<=[.!?])\s+", text):
        while len(piece) > MAX_LINE_CHARS:
            parts.append(piece[:MAX_LINE_CHARS])
            piece = piece[MAX_LINE_CHARS:]
        if current and len(current) + len(piece) > MAX_LINE_CHARS:
            parts.append(current)
            current = ""
        current = f"{current} {piece}".strip()
    if current:
        parts.append(current)
    return parts


def _units(body: str, first_line: int) -> list[Unit]:
    """Lines as units, with hard-wrapped sentences joined again."""
    lines = body.split("\n")
    inner = body.strip("\n").split("\n")
    filled = sum(1 for line in inner if line.strip())
    # Paragraphs separated by blank lines (rather than one paragraph a line)?
    blank_separated = filled > 1 and len(inner) - filled >= 0.5 * (filled - 1)
    units: list[Unit] = []
    previous_blank = True
    for offset, raw in enumerate(lines):
        text = raw.strip()
        if not text:
            previous_blank = True
            continue
        kind, data = _line_kind(text)
        last = units[-1] if units else None
        if (
            last is not None
            and kind == "text"
            and last.kind == "text"
            and _continues(last.text, text, previous_blank, blank_separated)
        ):
            last.text = f"{last.text} {text}"
        else:
            for part in _split_long(text):
                units.append(Unit(first_line + offset, part, kind, data))
        previous_blank = False
    return units


def _continues(previous: str, text: str, previous_blank: bool, blank_separated: bool) -> bool:
    """Whether ``text`` carries on the sentence of the line before it."""
    if previous_blank and blank_separated:
        return False
    if text[:1].islower() and not re.search(r"[.!?:;…\"”’)]$", previous):
        return True
    if blank_separated and not heading_like(previous):
        return not (re.search(r"[.!?…][\"”’)]?$", previous) and heading_like(text))
    if len(previous) < 50 or heading_like(previous) and not previous.endswith(","):
        return False
    if previous.endswith(","):
        return True
    ends_open = not re.search(r"[.!?:;…\"”’)]$", previous)
    return ends_open and re.match(r"^[\d(]", text) is not None


def _title(units: list[Unit]) -> str | None:
    if len(units) < 2:
        return None
    first = units[0]
    if first.kind == "text" and heading_like(first.text) and len(first.text.split()) >= 3 and not first.text.endswith("?"):
        first.role = "title"
        return first.text
    return None


def _mark_captions(units: list[Unit]) -> None:
    """Short lines right before a table, a timeline or a block of figures are its caption."""
    for index, unit in enumerate(units):
        if unit.kind not in ("row", "year", "glued"):
            continue
        if index > 0 and units[index - 1].kind == unit.kind:
            continue
        if unit.kind != "row" and not (index + 1 < len(units) and units[index + 1].kind == unit.kind):
            continue
        back = index - 1
        icon = next((j for j in range(index - 1, max(-1, index - 5), -1) if units[j].kind == "icon"), None)
        limit = index - icon - 1 if icon is not None else 1
        taken = 0
        while (
            back >= 0
            and taken < limit
            and units[back].kind == "text"
            and heading_like(units[back].text)
            and not units[back].text.endswith("?")
        ):
            units[back].role = "caption"
            back -= 1
            taken += 1
        if icon is not None and back == icon:
            units[icon].role = "caption"


def _mark_calls_to_action(units: list[Unit]) -> None:
    """The trailing run of short promotional lines (and the question leading into it)."""
    tail: list[Unit] = []
    for unit in reversed(units):
        if unit.kind != "text" or unit.role or len(unit.text) > 220:
            break
        if _CTA.search(unit.text) or (tail and unit.text.endswith("?")):
            tail.append(unit)
        else:
            break
    if tail and len(tail) < len(units):
        for unit in tail:
            unit.role = "cta"


_ANSWER_KINDS = ("bullet", "numbered", "check", "row", "contrast")


def _mark_headings(units: list[Unit]) -> None:
    """Mark headings: short lines that introduce what follows, and questions followed by their answer."""
    for index, unit in enumerate(units):
        if unit.kind != "text" or unit.role or not heading_like(unit.text):
            continue
        if _LINK_LINE.match(unit.text):
            unit.role = "link"
            continue
        following = units[index + 1] if index + 1 < len(units) else None
        if following is None or following.role == "cta" or following.kind == "attribution":
            continue
        if (
            not unit.text.endswith("?")
            or following.kind in _ANSWER_KINDS
            or (following.kind == "text" and not (following.text.endswith("?") and heading_like(following.text)))
        ):
            unit.role = "heading"


def _count_in(text: str) -> int | None:
    for word in re.findall(r"\b\w+\b", text.lower()):
        if word.isdigit() and 1 < int(word) <= 50:
            return int(word)
        if word in _NUMBER_WORDS and _NUMBER_WORDS[word] > 1:
            return _NUMBER_WORDS[word]
    return None


def _assign_levels(blocks: list[Block]) -> None:
    """Nest headings: FAQ questions under their heading, the items of a group under its heading."""
    heads = [i for i, b in enumerate(blocks) if isinstance(b, Heading)]

    def content(i: int) -> list[Block]:
        end = next((j for j in heads if j > i), len(blocks))
        return blocks[i + 1 : end]

    def is_item(i: int) -> bool:
        head = blocks[i]
        assert isinstance(head, Heading)
        body = [b for b in content(i) if not isinstance(b, Aside)]
        return (
            len(head.text.split()) <= 8
            and not head.text.endswith("?")
            and 1 <= len(body) <= 2
            and all(isinstance(b, Paragraph) and len(b.text) <= 700 for b in body)
        )

    def is_group(position: int, sibling: bool = False) -> tuple[bool, int | None]:
        i = heads[position]
        head = blocks[i]
        assert isinstance(head, Heading)
        body = content(i)
        intro = " ".join(b.text for b in body if isinstance(b, Paragraph))
        count = _count_in(head.text) if _COLLECTIVE.search(head.text) else None
        # Once a page has one group of values, a heading with an intro before a run of items is another.
        mentions = bool(_COLLECTIVE.search(head.text) or _COLLECTIVE.search(intro)) or (sibling and bool(intro))
        items = 0
        for j in heads[position + 1 :]:
            if not is_item(j):
                break
            items += 1
        return mentions and items >= 3, count

    position = 0
    seen_group = False
    while position < len(heads):
        i = heads[position]
        head = blocks[i]
        assert isinstance(head, Heading)
        if not content(i) and position + 1 < len(heads) and blocks[heads[position + 1]].text.endswith("?"):  # type: ignore[attr-defined]
            child = position + 1
            while child < len(heads) and blocks[heads[child]].text.endswith("?"):  # type: ignore[attr-defined]
                blocks[heads[child]].level = head.level + 1  # type: ignore[attr-defined]
                child += 1
            position = child
            continue
        group, count = is_group(position, sibling=seen_group)
        if group:
            seen_group = True
            child = position + 1
            taken = 0
            while child < len(heads) and is_item(heads[child]) and (count is None or taken < count):
                if taken > 0 and count is None and is_group(child)[0]:
                    break
                blocks[heads[child]].level = head.level + 1  # type: ignore[attr-defined]
                child += 1
                taken += 1
            position = child
            continue
        position += 1


def _build_blocks(units: list[Unit]) -> list[Block]:
    blocks: list[Block] = []
    index = 0
    in_checklist = False
    while index < len(units):
        unit = units[index]
        if unit.role == "title":
            index += 1
            continue
        if unit.role == "heading":
            blocks.append(Heading(unit.line, unit.text))
            in_checklist = bool(_CHECKLIST_HEADING.search(unit.text))
            index += 1
            continue
        if unit.role == "link":
            blocks.append(Aside(unit.line, "Link on the source page", [unit.text], style="note"))
            index += 1
            continue
        if unit.role == "cta":
            run = [u for u in units[index:] if u.role == "cta"]
            blocks.append(Aside(unit.line, "From the source page", [u.text for u in run], style="note", collapsed=True))
            index += len(run)
            continue
        if unit.role == "caption":
            captions = []
            while index < len(units) and units[index].role == "caption":
                captions.append(units[index].text)
                index += 1
            if index < len(units) and units[index].kind in ("row", "year", "glued"):
                block, index = _structured_run(units, index, captions)
                blocks.append(block)
            else:
                blocks.extend(Paragraph(unit.line, c) for c in captions)
            continue
        if unit.kind in ("row", "year", "glued"):
            block, index = _structured_run(units, index, [])
            blocks.append(block)
            continue
        if unit.kind in ("bullet", "numbered", "check"):
            run = _run(units, index, lambda u, kind=unit.kind: u.kind == kind and not u.role)
            items = [u.data.get("item") or u.data.get("item2", "") for u in run]
            numbers = [int(u.data["n"]) for u in run] if unit.kind == "numbered" else []
            blocks.append(
                ListBlock(
                    unit.line,
                    items,
                    ordered=unit.kind == "numbered",
                    checklist=unit.kind == "check" or in_checklist,
                    numbers=numbers,
                )
            )
            index += len(run)
            continue
        if unit.kind == "contrast":
            run = _run(units, index, lambda u: u.kind == "contrast" and not u.role)
            blocks.append(_contrast(unit.line, run))
            index += len(run)
            continue
        if unit.kind == "related":
            blocks.append(Aside(unit.line, unit.data["label"], [unit.data["text"]], style="tip"))
            index += 1
            continue
        if unit.kind == "quote":
            run = _run(units, index, lambda u: u.kind == "quote" and not u.role)
            text = " ".join(u.data["text"] for u in run if u.data["text"].strip())
            index += len(run)
            attribution, dash = None, "—"
            if index < len(units) and units[index].kind == "attribution":
                attribution, dash = units[index].data["who"], units[index].data["dash"]
                index += 1
            blocks.append(Quote(unit.line, text, attribution, dash))
            continue
        if (
            unit.kind == "text"
            and index + 1 < len(units)
            and units[index + 1].kind == "attribution"
            and not units[index + 1].role
        ):
            blocks.append(Quote(unit.line, unit.text, units[index + 1].data["who"], units[index + 1].data["dash"]))
            index += 2
            continue
        blocks.append(Paragraph(unit.line, unit.text))
        index += 1
    _assign_levels(blocks)
    return blocks


def _run(units: list[Unit], start: int, keep: object) -> list[Unit]:
    run = []
    for unit in units[start:]:
        if not keep(unit):  # type: ignore[operator]
            break
        run.append(unit)
    return run


def _contrast(line: int, run: list[Unit]) -> Contrast:
    pairs: list[tuple[str, str]] = []
    labels = ["Bad", "Good"]
    pending: str | None = None
    for unit in run:
        label = unit.data["word"]
        text = unit.data["text"]
        if label.upper().replace("’", "'") in _NEGATIVE:
            if pending is not None:
                pairs.append((pending, ""))
            pending = text
            labels[0] = label.capitalize()
        else:
            pairs.append((pending or "", text))
            pending = None
            labels[1] = label.capitalize()
    if pending is not None:
        pairs.append((pending, ""))
    return Contrast(line, pairs, (labels[0], labels[1]))


def _split_row(text: str) -> list[str]:
    inner = text.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") else inner
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", inner)]


def _structured_run(units: list[Unit], index: int, caption: list[str]) -> tuple[Block, int]:
    kind = units[index].kind
    run = _run(units, index, lambda u: u.kind == kind and not u.role)
    line = units[index].line
    end = index + len(run)
    if kind == "row":
        rows = [_split_row(u.text) for u in run]
        rows = [r for r in rows if not all(_SEPARATOR_CELL.match(c) for c in r if c) or not any(r)]
        rows = [r for r in rows if any(c for c in r)] or [[""]]
        return Table(line, rows, caption), end
    if len(run) < 2:
        return Paragraph(line, units[index].text), index + 1
    if kind == "year":
        return Timeline(line, [(u.data["year"], u.data["event"]) for u in run], caption), end
    return Figures(line, [(u.data["value"], u.data["label"]) for u in run], caption), end


def recover_plain(body: str, first_line: int = 1) -> Recovered:
    """Recover the structure of a plain-text seed."""
    units = _units(body, first_line)
    title = _title(units)
    _mark_captions(units)
    _mark_calls_to_action(units)
    _mark_headings(units)
    return Recovered(title, _build_blocks(units))


def recover(
    body: str,
    first_line: int = 1,
    markdown: bool = False,
    base_url: str | None = None,
    front_title: str | None = None,
    html: bool = False,
) -> Recovered:
    """Recover a seed's structure, as Markdown or as plain text, whichever it is.

    ``markdown`` says the seed is Markdown whatever its body looks like (its
    file name ends in ``.md``, say), ``html`` that it is a saved web page;
    ``base_url`` and ``front_title`` come from
    its front matter (see :func:`dossier.markdown.recover_markdown`).
    """
    # Imported when a seed is read, not with this module: markdown-it-py is not needed by a build of seeds all read
    # before (kept in .cache/dossier/, whose entries hold this module's Recovered).
    from .markdown import is_markdown, recover_markdown
    from .markdown.html_blocks import is_html_document, read_html_document

    if html or is_html_document(body):
        return read_html_document(body, first_line)
    if markdown or is_markdown(body):
        return recover_markdown(body, first_line, base_url, front_title)
    return recover_plain(body, first_line)


def visible_text(recovered: Recovered) -> str:
    """The words of recovered blocks, a block to a line: the title and headings, paragraphs, items and cells."""
    lines = [recovered.title or ""]
    lines += [block_text(b) for b in recovered.blocks if isinstance(b, Heading | Paragraph | ListBlock | Table)]
    return "\n".join(line for line in lines if line)
