"""Site-generator syntax in Markdown seeds, turned into plain CommonMark before parsing.

Handbooks exported from Hugo, Jekyll, GitBook or Docusaurus carry syntax that
only their generator understands: Hugo shortcodes (``{{< vimeo 123 >}}``,
``{{% note %}}``), Liquid and GitBook tags (``{% include x.html %}``,
``{% hint style="info" %}``) and kramdown attribute lists on lines of their own
(``{: .lead}``), embedded Ruby (``<%= … %>``) and MDX ``import`` lines. :func:`normalise` turns each into what it means (a video
becomes a link to its page, a note a ``:::`` container that the parser reads
as an aside) or removes it with a notice. It never runs any of it. Code
fences and inline code are left alone, and no line is added or removed, so
line numbers stay those of the seed. Deep indentation and floods of brackets are
bounded here too (:data:`MAX_INDENT`, :data:`MAX_BRACKETS`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# {{< name args >}} and {{% name args %}}, with an optional closing slash: {{< /name >}}.
_HUGO = re.compile(r"\{\{([<%])\s*(?P<close>/)?\s*(?P<name>[\w./-]+)(?P<args>(?:[^}]|\}(?!\}))*?)\s*/?\s*[>%]\}\}")
_HUGO_COMMENT = re.compile(r"\{\{<?\s*/\*.*?\*/\s*>?\}\}")
_LIQUID = re.compile(r"\{%-?\s*(?P<name>[\w-]+)(?P<args>(?:[^%]|%(?!\}))*?)\s*-?%\}")
_ESCAPED_LINK = re.compile(r"\\\[([^\]\n]+)\]\((?=\s*(?:\{%|\{\{[<%]))")
_SPACED_LINK = re.compile(r"(?<![\\!])\[([^\]\n]+)\] \((https?://[^\s()]+)\)")
_COMMENT = re.compile(r"\{%-?\s*comment\s*-?%\}")
_END_COMMENT = re.compile(r"\{%-?\s*endcomment\s*-?%\}")
_JSX_LINE = re.compile(r"^\s*<(?P<close>/)?(?P<name>[A-Z][\w.]*)(?P<attrs>(?:\s[^<>]*?)?)\s*(?P<self>/)?>\s*$")
_MDX_STATEMENT = re.compile(
    r"^(?:import\s+(?:[\w*{}\s,]+\s+from\s+)?['\"][^'\"]+['\"]|export\s+(?:const|default|function|let)\b.*);?\s*$"
)
_SPACELESS_HEADING = re.compile(r"^(#{1,6})([A-Z][^#\n]{0,120})$")
_ERB = re.compile(r"<%[=#-]?.*?-?%>")
_ATTR_LINE = re.compile(r"^\s*\{:[^{}]*\}\s*$|^\s*\{:?\s*toc\s*\}\s*$|^\s*\[\[_?toc_?\]\]\s*$", re.IGNORECASE)
_INLINE_IAL = re.compile(r"\{:\s*[^{}\n]*\}")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_ARG = re.compile(r"""(?:(?P<key>[\w-]+)\s*=\s*)?(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'=]+))""")
_ID = re.compile(r"^[\w-]{1,64}$")
MAX_INDENT = 24
"""Deeper indentation is cut to this many columns, outside code."""
MAX_BRACKETS = 64
"""A line with more ``[`` than this has its brackets shown as text: parsers slow down on floods of them."""

ASIDE_TYPES = {
    "note": "note",
    "info": "info",
    "tip": "tip",
    "hint": "tip",
    "success": "success",
    "warning": "warning",
    "caution": "warning",
    "alert": "warning",
    "important": "info",
    "notice": "note",
    "callout": "note",
    "danger": "danger",
    "error": "danger",
    "admonition": "note",
    "details": "note",
    "summary": "note",
    "spoiler": "note",
}
"""Names of note-like shortcodes and containers, and the aside style each becomes."""

_VIDEOS = {
    "youtube": ("YouTube", "https://www.youtube.com/watch?v={}"),
    "vimeo": ("Vimeo", "https://vimeo.com/{}"),
    "loom": ("Loom", "https://www.loom.com/share/{}"),
}
_LINK_TAGS = {"ref", "relref", "link", "post_url", "page", "include_relative_link"}
_SILENT = {"raw", "endraw", "toc", "tabs", "endtabs", "endtab", "tab", "columns", "endcolumns"}


@dataclass
class Normalised:
    """A Markdown body with generator syntax replaced, and a notice for each thing removed."""

    text: str
    notices: list[tuple[int, str]] = field(default_factory=list)
    """(line offset in the body, message) for each construct removed."""


def _args(text: str) -> tuple[list[str], dict[str, str]]:
    """Positional and named arguments of a shortcode or tag."""
    positional: list[str] = []
    named: dict[str, str] = {}
    for match in _ARG.finditer(text):
        value = next(v for v in (match.group("dq"), match.group("sq"), match.group("bare")) if v is not None)
        if match.group("key"):
            named[match.group("key").lower()] = value
        else:
            positional.append(value)
    return positional, named


def _safe_url(url: str) -> str | None:
    url = url.strip()
    return url if re.match(r"^https?://[^\s<>\"']+$", url) else None


def _label(text: str) -> str:
    """Text from a shortcode argument, made safe to stand inside a Markdown link's brackets."""
    return re.sub(r"[\[\]<>`*_{}]", "", " ".join(text.split()))


class _Rewriter:
    """Rewrites one body; keeps the state of open containers between lines."""

    def __init__(self) -> None:
        self.notices: list[tuple[int, str]] = []
        self.open: list[str] = []
        self.offset = 0
        self.commented = False

    def notice(self, message: str) -> None:
        self.notices.append((self.offset, message))

    def summary(self) -> list[tuple[int, str]]:
        """One notice per message, at its first line, with how often it happened."""
        seen: dict[str, list[int]] = {}
        for offset, message in self.notices:
            seen.setdefault(message, []).append(offset)
        out = [(lines[0], message if len(lines) == 1 else f"{message} (×{len(lines)})") for message, lines in seen.items()]
        return sorted(out)

    def container(self, name: str, title: str, alone: bool) -> str:
        """A ``:::`` container opening for a note-like construct alone on its line, else nothing."""
        if not alone:
            return ""
        self.open.append(name)
        title = _label(title)
        return f"::: {ASIDE_TYPES[name]} {title}".rstrip()

    def close(self, name: str, alone: bool) -> str:
        if alone and name in self.open:
            while self.open and self.open.pop() != name:
                pass
            return ":::"
        return ""

    def hugo(self, match: re.Match[str], alone: bool) -> str:
        name = match.group("name").lower()
        short = name.rsplit("/", 1)[-1]
        positional, named = _args(match.group("args"))
        if match.group("close"):
            return self.close(short, alone) if short in ASIDE_TYPES else ""
        if short in _VIDEOS:
            site, pattern = _VIDEOS[short]
            video = named.get("id") or (positional[0] if positional else "")
            if _ID.match(video):
                title = _label(named.get("title", "")) or f"Video on {site}"
                return f"[{title}]({pattern.format(video)})"
        if short in ASIDE_TYPES:
            return self.container(short, named.get("title") or named.get("summary") or " ".join(positional), alone)
        if short in _LINK_TAGS:
            return positional[0] if positional else ""
        if short in {"figure", "img", "image"}:
            caption = _label(named.get("caption") or named.get("alt") or named.get("title") or "")
            return f"![{caption}]({named['src']})" if caption and _safe_url(named.get("src", "")) else caption
        if short in _SILENT:
            return ""
        return self.unknown(f"shortcode '{short}'", positional, named)

    def liquid(self, match: re.Match[str], alone: bool) -> str:
        name = match.group("name").lower()
        positional, named = _args(match.group("args"))
        if name == "hint":  # GitBook: {% hint style="warning" %}
            style = named.get("style", "info").lower()
            return self.container(style if style in ASIDE_TYPES else "info", "", alone)
        if name.startswith("end") and (name[3:] in ASIDE_TYPES or name == "endhint"):
            return self.close(self.open[-1] if self.open else "", alone)
        if name in ASIDE_TYPES:  # {% alert "Title", "warning" %}
            style = next((a.lower() for a in positional[1:] if a.lower() in ASIDE_TYPES), name)
            return self.container(style, positional[0] if positional else "", alone)
        if name == "details":
            return self.container("details", named.get("summary", " ".join(positional)), alone)
        if name == "embed":
            url = _safe_url(named.get("url", positional[0] if positional else ""))
            return f"[{_label(named.get('caption', '')) or url}]({url})" if url else ""
        if name in _LINK_TAGS:
            return positional[0] if positional else ""
        if name == "tab":
            return _label(named.get("title", ""))
        if name in _SILENT or name.startswith("end"):
            return ""  # the closing half of a tag whose opening half was read
        if name.startswith("include") or name in {"if", "elsif", "else", "endif", "for", "endfor", "assign", "capture"}:
            what = f"'{name} {positional[0]}'" if name.startswith("include") and positional else f"'{name}'"
            self.notice(f"template tag {what} has no meaning outside its site generator; removed")
            return ""
        return self.unknown(f"template tag '{name}'", positional, named)

    def component(self, match: re.Match[str]) -> str:
        """A JSX component of an MDX page alone on its line: a note-like one is an aside, others go, their content stays."""
        name = match.group("name").rsplit(".", 1)[-1].lower()
        _, named = _args(match.group("attrs") or "")
        if name in ASIDE_TYPES and not match.group("self"):
            if match.group("close"):
                return self.close(name, True)
            style = named.get("type", named.get("variant", name)).lower()
            self.open.append(name)
            return f"::: {ASIDE_TYPES.get(style, ASIDE_TYPES[name])} {_label(named.get('title', ''))}".rstrip()
        if not match.group("close"):
            self.notice(f"component <{match.group('name')}> has no meaning outside its site generator; removed")
        return ""

    def _uncomment(self, text: str) -> str:
        """The line without Liquid ``{% comment %}…{% endcomment %}``, which the original site never shows."""
        out = ""
        while text:
            if self.commented:
                end = _END_COMMENT.search(text)
                if not end:
                    return out
                self.commented = False
                text = text[end.end() :]
            start = _COMMENT.search(text)
            if not start:
                return out + text
            out += text[: start.start()]
            self.commented = True
            text = text[start.end() :]
        return out

    def unknown(self, what: str, positional: list[str], named: dict[str, str]) -> str:
        """An unknown shortcode or tag: its words are kept ("the {% slack_channel "help" %} channel").

        The last argument made of words stands for it: tags put an identifier first
        and the text to show last (``{% slack_channel "pifs" "PIFs" %}``).
        """
        words = [
            a for a in [*positional, *named.values()] if re.search(r"[^\W\d_]{2}", a) and not re.search(r"[/\\]|\.\w{2,4}$", a)
        ]
        if words:
            self.notice(f"{what} has no meaning outside its site generator; shown as the text of its arguments")
            return _label(words[-1])
        self.notice(f"{what} has no meaning outside its site generator; removed")
        return ""

    def line(self, text: str) -> str:
        text = self._uncomment(text)
        indent = len(text) - len(text.lstrip(" \t"))
        if indent > MAX_INDENT:
            text = " " * MAX_INDENT + text.lstrip(" \t")
        if text.count("[") > MAX_BRACKETS:
            text = text.replace("[", "\\[").replace("]", "\\]")
        if _ATTR_LINE.match(text):
            return ""
        if _MDX_STATEMENT.match(text):
            self.notice("MDX import or export statement removed")
            return ""
        jsx = _JSX_LINE.match(text)
        if jsx:
            return self.component(jsx)
        # "#Salary": a heading whose author left out the space (a "#hashtag" starts in lowercase).
        text = _SPACELESS_HEADING.sub(r"\1 \2", text)
        text = _HUGO_COMMENT.sub("", text)
        # "\[Text]({% page "/x" %})": a link whose author escaped its bracket; "[Text] (https://…)": one with a stray space.
        text = _ESCAPED_LINK.sub(r"[\1](", text)
        text = _SPACED_LINK.sub(r"[\1](\2)", text)
        if _ERB.search(text):
            self.notice("embedded Ruby (<% … %>) has no meaning outside its site generator; removed")
            text = _ERB.sub("", text)
        pieces = []
        for chunk in re.split(r"(`+.+?`+)", text):
            if len(chunk) > 1 and chunk.startswith("`") and chunk.endswith("`"):
                pieces.append(chunk)  # inline code is shown as written
                continue
            alone = any(re.fullmatch(rf"\s*{tag.pattern}\s*", chunk) for tag in (_HUGO, _LIQUID))
            chunk = _HUGO.sub(lambda m, alone=alone: self.hugo(m, alone), chunk)  # type: ignore[misc]
            chunk = _LIQUID.sub(lambda m, alone=alone: self.liquid(m, alone), chunk)  # type: ignore[misc]
            pieces.append(_INLINE_IAL.sub("", chunk))
        return "".join(pieces)


def normalise(body: str) -> Normalised:
    """Replace site-generator syntax in a Markdown body; see the module's docstring."""
    rewriter = _Rewriter()
    out = []
    fence: str | None = None
    for offset, text in enumerate(body.split("\n")):
        rewriter.offset = offset
        opening = _FENCE.match(text)
        if opening:
            marker = opening.group(1)
            if fence is None:
                fence = marker
            elif marker[0] == fence[0] and len(marker) >= len(fence) and not text.strip()[len(marker) :].strip():
                fence = None
            out.append(text)
            continue
        out.append(text if fence is not None else rewriter.line(text))
    # A container opened by a shortcode that is never closed ends with the body.
    if rewriter.open:
        out.extend(":::" for _ in rewriter.open)
    return Normalised("\n".join(out), rewriter.summary())
