"""Turn the bytes of a seed into clean text: encoding, newlines, mojibake, front matter."""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from .frontmatter import field_lines, parse_front_matter, split_front_matter
from .problems import Problems, Severity

MAX_SEED_BYTES = 2 * 1024 * 1024
"""Seeds larger than this are not read: no guide page is 2 MB of text, and rendering one would stall the build."""
BINARY_SHARE = 0.01
"""A text with more NUL or other control characters than this share of its length is taken for binary."""

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Characters that mojibake is made of: the Latin-1 supplement, the cp1252
# punctuation that stands for bytes 0x80-0x9f, and variation selectors.
_MOJIBAKE_CHAR = (
    "\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122\ufe0f"
)
_MOJIBAKE_RUN = re.compile(f"[{_MOJIBAKE_CHAR}]+")
_LATIN1_FALLBACK = "dossier-latin1"


def _latin1_fallback(error: UnicodeError) -> tuple[str, int]:
    # cp1252 leaves five bytes unassigned; read them as Latin-1 so that no byte is lost.
    assert isinstance(error, UnicodeDecodeError)
    return error.object[error.start : error.end].decode("latin-1"), error.end


codecs.register_error(_LATIN1_FALLBACK, _latin1_fallback)
_CONTROL = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass
class Source:
    """A seed as text: its front matter (possibly empty) and its body.

    ``body_line`` is the line of the original file on which the body starts, so
    that problems found in the body can name the file's own line numbers.
    """

    path: str
    body: str
    front_matter: dict[str, Any] = field(default_factory=dict)
    body_line: int = 1
    encoding: str = "utf-8"
    has_front_matter: bool = False
    field_lines: dict[str, int] = field(default_factory=dict)
    """The seed line of each front matter value, by its path (``compensation[1].base_low``)."""


def decode(data: bytes) -> tuple[str, str]:
    """Decode seed bytes and return ``(text, encoding)``.

    A byte order mark decides first (UTF-8, UTF-16, UTF-32); then UTF-8; then
    UTF-16 without a mark when every other byte is NUL; then cp1252, whose five
    unassigned bytes are taken as Latin-1 so that nothing raises.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                break
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for encoding, zeros, others in (("utf-16-le", data[1::2], data[0::2]), ("utf-16-be", data[0::2], data[1::2])):
        # Text in UTF-16 without a mark: most high bytes are NUL, hardly any low bytes.
        if len(data) >= 4 and len(data) % 2 == 0 and zeros.count(0) > 0.6 * len(zeros) and others.count(0) < 0.05 * len(others):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                pass
    return data.decode("cp1252", errors=_LATIN1_FALLBACK), "cp1252"


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF; a leading BOM left by a mixed encoding is dropped."""
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "\n").replace("\x0b", "\n")


# "â€" is the cp1252 reading of the first two bytes of every UTF-8 punctuation mark from
# U+2000 to U+203F (dashes, quotes, ellipsis). Followed by white space, its third byte was lost:
# which mark it was cannot be known (ftfy would guess a dagger), so it is removed and reported.
_TRUNCATED_PUNCTUATION = re.compile("\u00e2\u20ac(?=\\s|$)")


def _remove_truncated_punctuation(text: str, path: str, first_line: int, problems: Problems) -> str:
    lines = text.split("\n")
    for number, line in enumerate(lines):
        if _TRUNCATED_PUNCTUATION.search(line):
            lines[number] = _TRUNCATED_PUNCTUATION.sub("", line)
            problems.add(
                path,
                first_line + number,
                "unrepairable mojibake removed: 'â€' (a quotation mark or dash whose last byte was lost)",
                Severity.NOTICE,
            )
    return "\n".join(lines)


_ASCII_FIXES = re.compile(r"[&\x00-\x08\x0b-\x0c\x0e-\x1f\x7f]")
"""What ftfy would change in ASCII text, with the settings of :func:`_fix_text`: HTML entities, control characters and
terminal escapes. ASCII text without them it leaves as it is: every other fix it makes is of characters past ASCII."""


def _fix_text(text: str) -> str:
    """ftfy's repair of ``text``, run only over the lines it could change.

    ftfy repairs a text line by line, except that once a line holds "<" it stops decoding HTML entities in the lines
    after (they may be markup); the runs of lines given to it here carry that on.
    """
    out: list[str] = []
    run: list[str] = []
    markup = False

    def repair() -> None:
        nonlocal markup
        if run:
            joined = "".join(run)
            out.append(_ftfy(joined, "auto" if not markup else False))
            markup = markup or "<" in joined
            run.clear()

    parts = text.split("\n")  # only at "\n", as ftfy splits
    for line in [part + "\n" for part in parts[:-1]] + [parts[-1]]:
        if line.isascii() and not _ASCII_FIXES.search(line):
            repair()
            out.append(line)
            markup = markup or "<" in line
        else:
            run.append(line)
    repair()
    return "".join(out)


# ftfy is imported where a text is repaired, not with this module: it takes 30 ms to import, which a build of seeds
# all read before (kept in .cache/dossier/, whose entries hold this module's Source) never needs.


def _ftfy(text: str, unescape_html: str | bool) -> str:
    import ftfy

    return ftfy.fix_text(
        text,
        normalization="NFC",
        uncurl_quotes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        fix_line_breaks=False,
        unescape_html=unescape_html,
    )


def repair_mojibake(text: str, path: str, first_line: int, problems: Problems) -> str:
    """Repair mojibake with ftfy; remove, and report, what no repair can restore.

    Where bytes were lost (UTF-8 read as cp1252, whose unassigned bytes vanish),
    ftfy leaves a residue such as ``ðŸ—ï¸``; on lines ftfy still judges bad, the
    runs of mojibake characters around each suspicious sequence are removed.
    """
    from ftfy.badness import BADNESS_RE, is_bad

    text = _remove_truncated_punctuation(text, path, first_line, problems)
    fixed = text if text.isascii() and not _ASCII_FIXES.search(text) else _fix_text(text)
    if fixed != unicodedata.normalize("NFC", text):
        problems.add(path, first_line, "mojibake repaired (text had been decoded with the wrong encoding)", Severity.NOTICE)
    lines = fixed.split("\n")
    for number, line in enumerate(lines):
        if line.isascii() or not is_bad(line):  # every sign of mojibake ftfy knows has a character past ASCII
            continue
        spans = []
        for match in BADNESS_RE.finditer(line):
            run = next((r for r in _MOJIBAKE_RUN.finditer(line) if r.start() <= match.start() < r.end()), None)
            if run and run.group().strip():
                spans.append((run.start(), run.end()))
        if not spans:
            continue
        cleaned, removed, last = [], [], 0
        for start, end in sorted(set(spans)):
            if start < last:
                continue
            cleaned.append(line[last:start])
            removed.append(line[start:end])
            last = end
        cleaned.append(line[last:])
        lines[number] = re.sub(r"  +", " ", "".join(cleaned)).rstrip() if line.strip() else line
        problems.add(
            path,
            first_line + number,
            f"unrepairable mojibake removed: {' '.join(repr(r) for r in removed)} (bytes were lost before the seed was saved)",
            Severity.NOTICE,
        )
    return "\n".join(lines)


def read_seed(data: bytes, path: str, problems: Problems) -> Source | None:
    """Read one seed's bytes; return ``None`` (with an error) when it cannot be used."""
    if len(data) > MAX_SEED_BYTES:
        problems.add(path, None, f"seed is {len(data):,} bytes, over the {MAX_SEED_BYTES:,}-byte limit; skipped", Severity.ERROR)
        return None
    text, encoding = decode(data)
    text = normalise_newlines(text)
    controls = len(_CONTROL.findall(text)) + text.count("\x00")
    if controls > BINARY_SHARE * len(text):
        problems.add(path, None, "binary file (control bytes throughout), not a text seed; skipped", Severity.ERROR)
        return None
    if controls:
        first = next(i for i, line in enumerate(text.split("\n"), 1) if _CONTROL.search(line) or "\x00" in line)
        text = _CONTROL.sub("", text).replace("\x00", "")
        problems.add(path, first, f"{controls} control characters (NUL and the like) removed", Severity.WARNING)
    if not text.strip():
        problems.add(path, None, "empty seed (no text); skipped", Severity.ERROR)
        return None
    split = split_front_matter(text)
    yaml_text, body, body_line = split.yaml_text, split.body, split.body_line
    front: dict[str, Any] = {}
    lines: dict[str, int] = {}
    if split.unterminated:
        problems.add(path, 1, "front matter opened with '---' or '+++' is never closed; shown as text", Severity.WARNING)
    if yaml_text is not None:
        parsed = parse_front_matter(yaml_text, path, problems, toml=split.toml)
        if parsed is None:
            # The front matter is unusable: show all of it as text, so nothing is lost.
            body, body_line = text, 1
        else:
            front = parsed
            lines = field_lines(yaml_text) if not split.toml else {}
    body = repair_mojibake(body, path, body_line, problems)
    front = _repair_values(front)
    return Source(
        path=path,
        body=body,
        front_matter=front,
        body_line=body_line,
        encoding=encoding,
        has_front_matter=bool(front),
        field_lines=lines,
    )


def _repair_values(value: Any) -> Any:
    """Repair mojibake inside front matter strings."""
    if isinstance(value, str):
        import ftfy

        return ftfy.fix_text(value, uncurl_quotes=False)
    if isinstance(value, list):
        return [_repair_values(v) for v in value]
    if isinstance(value, dict):
        return {k: _repair_values(v) for k, v in value.items()}
    return value
