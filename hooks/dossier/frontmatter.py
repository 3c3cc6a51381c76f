"""Split YAML front matter from a seed and load it safely, reporting ``path:line`` errors.

The loader is PyYAML's safe loader (no tags that build Python objects), made to
refuse duplicate keys and impossible dates, and bounded: front matter that is
too large, too deep, or that expands through aliases into too many nodes is
refused instead of hanging the build. The keys Dossier reads are checked
against a declared schema (:class:`dossier.seed_meta.SeedMeta`); a wrong type
names the field and its line, and the field is ignored.
"""

from __future__ import annotations

import re
import tomllib
from typing import Any

import frontmatter
import yaml

from .blocks import SAFE_URL
from .problems import Problems, Severity

MAX_FRONT_MATTER_CHARS = 100_000
MAX_DEPTH = 30
MAX_NODES = 20_000

_HANDLER = frontmatter.YAMLHandler()
_OPENING = re.compile(r"\A---[ \t]*\n")
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _Loader = yaml.SafeLoader


class Split:
    """A seed's text cut into front matter and body; ``toml`` when the front matter is TOML (``+++``)."""

    def __init__(self, yaml_text: str | None, body: str, body_line: int, unterminated: bool = False, toml: bool = False) -> None:
        self.yaml_text = yaml_text
        self.body = body
        self.body_line = body_line
        self.unterminated = unterminated
        self.toml = toml


_TOML_OPENING = re.compile(r"\A\+\+\+[ \t]*\n")
_TOML_CLOSING = re.compile(r"^\+\+\+[ \t]*$", re.MULTILINE)


def split_front_matter(text: str) -> Split:
    """Cut newline-normalised text into front matter and body.

    An opening ``---`` with no closing line is not front matter: the whole text
    is body, and ``unterminated`` says so. python-frontmatter's handler detects
    the block; the split is done here so that line numbers are known.
    """
    toml = bool(_TOML_OPENING.match(text))
    if not toml and (not _HANDLER.detect(text) or not _OPENING.match(text)):
        return Split(None, text, 1)
    opening, closing_line = (_TOML_OPENING, _TOML_CLOSING) if toml else (_OPENING, _CLOSING)
    start = opening.match(text).end()  # type: ignore[union-attr]
    closing = closing_line.search(text, start)
    if closing is None:
        return Split(None, text, 1, unterminated=True)
    body_start = closing.end() + 1 if closing.end() < len(text) else closing.end()
    return Split(text[start : closing.start()], text[body_start:], text.count("\n", 0, body_start) + 1, toml=toml)


class _StrictLoader(_Loader):  # type: ignore[misc,valid-type]
    """A safe loader that refuses duplicate keys and impossible dates, naming their line."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            try:
                duplicate = key in seen
            except TypeError:
                raise yaml.constructor.ConstructorError(
                    None, None, "a key must be text or a number", key_node.start_mark
                ) from None
            if duplicate:
                raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            raise yaml.constructor.ConstructorError(None, None, f"{node.value!r} is not a valid date", node.start_mark) from None


_StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", _StrictLoader.construct_yaml_timestamp)


def text_value(front: dict[str, Any], *keys: str) -> str | None:
    """The text of the first of ``keys`` that front matter gives as non-blank text, white space collapsed."""
    found = text_field(front, *keys)
    return found[0] if found else None


def text_field(front: dict[str, Any], *keys: str) -> tuple[str, str] | None:
    """Like :func:`text_value`, with the key that gave the text."""
    for name in keys:
        value = front.get(name)
        if isinstance(value, str) and value.strip():
            return " ".join(value.split()), name
    return None


_URL_KEYS = ("canonical_url", "canonicalurl", "canonical", "original_url", "source_url", "url", "source", "permalink")


def original_url(front: dict[str, Any]) -> str | None:
    """The address of the original page, when the front matter gives an absolute web address (any case of the key)."""
    keys = {k.lower(): k for k in front}
    for name in _URL_KEYS:
        value = text_value(front, keys[name]) if name in keys else None
        if value and SAFE_URL.match(value) and value.lower().startswith("http"):
            return value
    return None


def _key_lines(yaml_text: str) -> dict[str, int]:
    """The line (in the seed file) of each top-level key."""
    try:
        node = yaml.compose(yaml_text, Loader=_Loader)
    except yaml.YAMLError:
        return {}
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(k.value): k.start_mark.line + 2 for k, _ in node.value if isinstance(k, yaml.ScalarNode)}


def field_lines(yaml_text: str) -> dict[str, int]:
    """The line (in the seed file) of every value, by its path: ``company``, ``compensation[1].base_low``."""
    try:
        root = yaml.compose(yaml_text, Loader=_Loader)
    except (yaml.YAMLError, RecursionError):
        return {}
    lines: dict[str, int] = {}
    stack: list[tuple[str, yaml.Node]] = [("", root)] if root is not None else []
    while stack and len(lines) < MAX_NODES:
        where, node = stack.pop()
        if where:
            lines[where] = node.start_mark.line + 2
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    name = f"{where}.{key.value}" if where else str(key.value)
                    lines.setdefault(name, key.start_mark.line + 2)
                    stack.append((name, value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((f"{where}[{i}]", item) for i, item in enumerate(node.value))
    return lines


def _load_toml(text: str, path: str, problems: Problems) -> Any:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"\(at line (\d+)", str(exc))
        reason = re.sub(r"\s*\(at (?:line \d+, column \d+|end of document)\)", "", str(exc))
        problems.add(
            path,
            int(where.group(1)) + 1 if where else 2,
            f"front matter is not valid TOML: {reason}; shown as text",
            Severity.ERROR,
        )
        return None
    except RecursionError:
        problems.add(path, 2, "front matter is too deeply nested; shown as text", Severity.ERROR)
        return None


def parse_front_matter(yaml_text: str, path: str, problems: Problems, toml: bool = False) -> dict[str, Any] | None:
    """Load front matter (YAML, or TOML with ``toml``) safely; return the mapping, or ``None`` (with an error).

    Line numbers in messages are the seed file's own (the opening ``---`` is line 1).
    Fields of the wrong type are reported and left out; the rest is kept.
    """
    if len(yaml_text) > MAX_FRONT_MATTER_CHARS:
        problems.add(path, 2, f"front matter over {MAX_FRONT_MATTER_CHARS:,} characters; shown as text", Severity.ERROR)
        return None
    if toml:
        value = _load_toml(yaml_text, path, problems)
        if value is None:
            return None
        return _checked(value, path, problems, _toml_key_lines(yaml_text))
    try:
        loader = _StrictLoader(yaml_text)
        try:
            value = loader.get_single_data()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 2 if mark else 2
        reason = exc.problem or exc.context or "unreadable"
        text_lines = yaml_text.split("\n")
        if mark and mark.line < len(text_lines) and "\t" in text_lines[mark.line]:
            reason += " (a tab: YAML indents with spaces only)"
        problems.add(path, line, f"front matter is not valid YAML: {reason}; shown as text", Severity.ERROR)
        return None
    except (yaml.YAMLError, RecursionError, ValueError, TypeError, OverflowError) as exc:
        problems.add(path, 2, f"front matter could not be read ({type(exc).__name__}); shown as text", Severity.ERROR)
        return None
    return _checked(value, path, problems, _key_lines(yaml_text))


def _toml_key_lines(text: str) -> dict[str, int]:
    lines: dict[str, int] = {}
    for number, line in enumerate(text.split("\n"), 2):
        match = re.match(r"^\s*([\w-]+)\s*=", line)
        if match:
            lines.setdefault(match.group(1), number)
        elif line.lstrip().startswith("["):
            break  # keys after a table header belong to the table
    return lines


def tags(front: dict[str, Any]) -> list[str]:
    """The front matter's ``tags`` (or ``keywords``): a list, or one comma-separated string."""
    for name in ("tags", "keywords"):
        value = front.get(name)
        if isinstance(value, str):
            return [t.strip() for t in value.split(",") if t.strip()]
        if isinstance(value, list):
            return [" ".join(str(t).split()) for t in value if isinstance(t, str | int) and str(t).strip()]
    return []


def _too_big(value: Any) -> str | None:
    """Why a loaded value is too deep or too large (aliases counted as expanded), or None."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    nodes = 0
    while stack:
        item, depth = stack.pop()
        nodes += 1
        if nodes > MAX_NODES:
            return f"more than {MAX_NODES:,} values (aliases expanded)"
        if depth > MAX_DEPTH:
            return f"nested deeper than {MAX_DEPTH} levels"
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
    return None


def _checked(value: Any, path: str, problems: Problems, lines: dict[str, int]) -> dict[str, Any] | None:
    """Front matter that loaded, checked for shape, size and the schema of the keys Dossier reads."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        problems.add(
            path,
            2,
            f"front matter must be a mapping of keys to values, not a {type(value).__name__}; shown as text",
            Severity.ERROR,
        )
        return None
    reason = _too_big(value)
    if reason:
        problems.add(path, 2, f"front matter is too large: {reason}; shown as text", Severity.ERROR)
        return None
    # Imported only when a seed is read: pydantic takes 40 ms to import, which a build of seeds all read before
    # (kept in .cache/dossier/) never needs.
    from .seed_meta import validated

    return validated({str(k): v for k, v in value.items()}, path, problems, lines)
