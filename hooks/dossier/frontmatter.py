"""Split YAML front matter from a seed and load it safely, reporting ``path:line`` errors."""

from __future__ import annotations

import re
from typing import Any

import frontmatter
import yaml

from .problems import Problems, Severity

MAX_FRONT_MATTER_CHARS = 100_000
MAX_DEPTH = 30

_HANDLER = frontmatter.YAMLHandler()
_OPENING = re.compile(r"\A---[ \t]*\n")
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _Loader = yaml.SafeLoader


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Return ``(yaml_text, body, body_line)`` of newline-normalised text.

    ``yaml_text`` is ``None`` when the text has no front matter. An opening
    ``---`` with no closing line is not front matter: the whole text is body.
    python-frontmatter's handler detects the block; the split is done here so
    that line numbers are known.
    """
    if not _HANDLER.detect(text) or not _OPENING.match(text):
        return None, text, 1
    start = _OPENING.match(text).end()  # type: ignore[union-attr]
    closing = _CLOSING.search(text, start)
    if closing is None:
        return None, text, 1
    yaml_text = text[start : closing.start()]
    body_start = closing.end() + 1 if closing.end() < len(text) else closing.end()
    body_line = text.count("\n", 0, body_start) + 1
    return yaml_text, text[body_start:], body_line


class _UniqueKeyLoader(_Loader):  # type: ignore[misc,valid-type]
    """A safe loader that refuses duplicate keys instead of keeping the last one."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _depth(value: Any, level: int = 0) -> int:
    if level > MAX_DEPTH:
        return level
    if isinstance(value, dict):
        return max((_depth(v, level + 1) for v in value.values()), default=level + 1)
    if isinstance(value, list):
        return max((_depth(v, level + 1) for v in value), default=level + 1)
    return level


def parse_front_matter(yaml_text: str, path: str, problems: Problems) -> dict[str, Any] | None:
    """Load front matter safely; return the mapping, or ``None`` with an error when unusable.

    Line numbers in messages are the seed file's own (the opening ``---`` is line 1).
    """
    if len(yaml_text) > MAX_FRONT_MATTER_CHARS:
        problems.add(path, 2, f"front matter over {MAX_FRONT_MATTER_CHARS:,} characters; shown as text", Severity.ERROR)
        return None
    try:
        loader = _UniqueKeyLoader(yaml_text)
        try:
            value = loader.get_single_data()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 2 if mark else 2
        problems.add(path, line, f"front matter is not valid YAML: {exc.problem or exc.context}; shown as text", Severity.ERROR)
        return None
    except (yaml.YAMLError, RecursionError, ValueError, TypeError) as exc:
        problems.add(path, 2, f"front matter could not be read: {type(exc).__name__}; shown as text", Severity.ERROR)
        return None
    if value is None:
        return {}
    if not isinstance(value, dict):
        problems.add(path, 2, f"front matter must be a mapping of keys to values, not a {type(value).__name__}; shown as text", Severity.ERROR)
        return None
    if _depth(value) > MAX_DEPTH:
        problems.add(path, 2, f"front matter nested deeper than {MAX_DEPTH} levels; shown as text", Severity.ERROR)
        return None
    return {str(k): v for k, v in value.items()}
