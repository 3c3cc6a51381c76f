"""A corpus of hostile and broken seeds, written at test time (some are megabytes or binary).

Every seed carries a marker sentence, ``Marker <name> stays visible.``; a usable
seed's marker must show as text in the built site, and a rejected seed must be
named on a warning or error line. ``HOSTILE`` says, per file, what is expected.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Hostile:
    """One hostile seed: its bytes, and what the build must say about it."""

    name: str
    data: bytes
    usable: bool = True
    problem: str | None = None
    """Text that must appear on a warning or error line naming this seed."""
    line: int | None = None
    """The line number that line must name, where one applies."""


def marker(name: str) -> str:
    """The sentence a seed carries, to be found in the built site."""
    return f"Marker {name} stays visible."


def _text(name: str, body: str, company: str = "Hostile Holdings", kind: str = "other") -> bytes:
    front = f"---\ncompany: {company}\nkind: {kind}\n---\n"
    return (front + body.replace("{marker}", marker(name))).encode("utf-8")


def _front(name: str, yaml_text: str) -> bytes:
    return f"---\n{yaml_text}---\nHostile Holdings notes\n{marker(name)} Some text follows.\n".encode("utf-8")


def _company(name: str, company: str) -> bytes:
    return (f"---\ncompany: {company}\nkind: values\n---\nOur values\n\n{marker(name)}\n").encode("utf-8")


def hostile_seeds() -> list[Hostile]:
    """The hostile corpus."""
    deep_list = "\n".join("  " * i + f"- level {i}" for i in range(200))
    wide = (
        "| "
        + " | ".join(f"c{i}" for i in range(300))
        + " |\n|"
        + "---|" * 300
        + "\n| "
        + " | ".join("x" for _ in range(300))
        + " |"
    )
    return [
        Hostile(
            "raw-html",
            _text(
                "raw-html",
                (
                    "Hostile Holdings raw HTML\n{marker}\n<script>alert('script')</script>\n<img src=x onerror=alert('img')>\n"
                    '<iframe src="javascript:alert(\'iframe\')"></iframe>\n<object data="javascript:alert(1)"></object>\n'
                    '<base href="https://evil.invalid/">\n<meta http-equiv="refresh" content="0;url=https://evil.invalid">\n'
                    "<style>body { display: none }</style>\n<textarea>\nEverything after an open textarea.\n"
                ),
            ),
        ),
        Hostile(
            "markdown-attacks",
            _text(
                "markdown-attacks",
                (
                    "## Hostile Markdown\n\n{marker}\n\n[click](javascript:alert('link')) [vb](vbscript:msgbox) "
                    "![img](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)\n\n"
                    'A paragraph with an attribute list.\n{: onclick="alert(\'attr\')" }\n\n<div onmouseover="alert(1)">hover</div>\n\n'
                    "[ref-link][evil]\n\n[evil]: javascript:alert('ref')\n\n!!! note \"injected\"\n    admonition\n\n"
                    '--8<-- "/etc/passwd"\n'
                ),
            ),
        ),
        Hostile(
            "jinja",
            _text(
                "jinja",
                (
                    "Hostile Holdings template text\n{marker}\nSeven times seven is {{ 7*7 }} here.\n"
                    "{% include '/etc/passwd' %}\nConfig: {{ config }}\nClasses: {{ ''.__class__.__mro__ }}\n"
                ),
            ),
        ),
        Hostile(
            "cdata-comment",
            _text(
                "cdata-comment", "Hostile Holdings markup\n{marker}\nA <![CDATA[ section and an <!-- open comment.\nLast line.\n"
            ),
        ),
        Hostile("open-fence", _text("open-fence", "## Code\n\n{marker}\n\n```python\nprint('never closed')\n")),
        Hostile("deep-list", _text("deep-list", "## Lists\n\n{marker}\n\n" + deep_list + "\n")),
        Hostile("wide-table", _text("wide-table", "Hostile Holdings table\n{marker}\n" + wide + "\n")),
        Hostile("long-heading", _text("long-heading", "# " + "Long " * 400 + "\n\n{marker}\n\n## Short\n\nText.\n")),
        Hostile("brackets", _text("brackets", "## Brackets\n\n{marker}\n\n" + "[" * 10_000 + "x" + "]" * 10_000 + "\n")),
        Hostile("long-line", _text("long-line", "Hostile Holdings long line\n{marker}\n" + "word " * 40_000 + "\n")),
        Hostile(
            "few-nuls",
            _text(
                "few-nuls",
                "Hostile Holdings stray bytes\n{marker}\nA NUL\x00 in the middle of a long enough line of text.\n"
                + "More text. " * 20,
            ),
            problem="control characters",
            line=7,
        ),
        Hostile(
            "too-big",
            ("Hostile Holdings huge\n" + marker("too-big") + "\n" + "x" * (3 * 1024 * 1024)).encode(),
            usable=False,
            problem="over the 2,097,152-byte limit",
        ),
        Hostile("binary", bytes(range(256)) * 64, usable=False, problem="binary file"),
        Hostile("fm-indent", _front("fm-indent", "company: Hostile Holdings\n  kind: other\n"), problem="not valid YAML", line=3),
        Hostile("fm-quote", _front("fm-quote", "company: 'Hostile Holdings\nkind: other\n"), problem="not valid YAML", line=4),
        Hostile("fm-tabs", _front("fm-tabs", "company: Hostile Holdings\nextra:\n\tkey: value\n"), problem="tab", line=4),
        Hostile("fm-list", _front("fm-list", "- company\n- Hostile Holdings\n"), problem="must be a mapping", line=2),
        Hostile("fm-scalar", _front("fm-scalar", "just a sentence\n"), problem="must be a mapping", line=2),
        Hostile(
            "fm-unterminated",
            f"---\ncompany: Hostile Holdings\n{marker('fm-unterminated')}\n".encode(),
            problem="never closed",
            line=1,
        ),
        Hostile(
            "fm-duplicate",
            _front("fm-duplicate", "company: Hostile Holdings\nkind: other\ncompany: Other\n"),
            problem="duplicate key",
            line=4,
        ),
        Hostile(
            "fm-date",
            _front("fm-date", "company: Hostile Holdings\nlast_updated: 2026-02-31\n"),
            problem="not a valid date",
            line=3,
        ),
        Hostile(
            "fm-norway", _front("fm-norway", "company: NO\nkind: other\n"), problem="company: expected text, got false", line=2
        ),
        Hostile("fm-type", _front("fm-type", "company: Hostile Holdings\nrole: [a, b]\n"), problem="role: expected text", line=3),
        Hostile(
            "fm-python-tag",
            _front("fm-python-tag", "company: !!python/object/apply:os.system ['echo pwned']\n"),
            problem="not valid YAML",
            line=2,
        ),
        Hostile(
            "fm-alias-bomb",
            _front(
                "fm-alias-bomb",
                "".join(
                    f"{k}: &{k} [" + ", ".join([f"*{p}"] * 9 if p else ["lol"] * 9) + "]\n"
                    for p, k in zip(["", "a", "b", "c", "d", "e", "f"], "abcdefg", strict=True)
                ),
            ),
            problem="too large",
            line=2,
        ),
        Hostile("fm-deep", _front("fm-deep", "x: " + "[" * 3000 + "]" * 3000 + "\n"), problem="front matter", line=2),
        Hostile("co-dotdot", _company("co-dotdot", "../../etc")),
        Hostile("co-slash", _company("co-slash", "a/b")),
        Hostile("co-con", _company("co-con", "CON")),
        Hostile("co-index", _company("co-index", "index")),
        Hostile("co-404", _company("co-404", "'404'")),
        Hostile("co-empty", _company("co-empty", "''"), problem="company not recognised"),
        Hostile("co-blank", _company("co-blank", "'   '"), problem="company not recognised"),
        Hostile("co-long", _company("co-long", "Long" * 125)),
        Hostile("co-zurich-nfc", _company("co-zurich-nfc", "Z\u00fcrich Versicherung")),
        Hostile("co-zurich-nfd", _company("co-zurich-nfd", "Zu\u0308rich Versicherung")),
        Hostile("co-japanese", _company("co-japanese", "株式会社メルカリ")),
        Hostile("co-emoji", _company("co-emoji", "🦄🚀")),
        Hostile("co-rtl", _company("co-rtl", "שלום Systems")),
        Hostile("co-zero-width", _company("co-zero-width", "Ze\u200bro Width")),
        Hostile("co-case-a", _company("co-case-a", "Acme Case")),
        Hostile("co-case-b", _company("co-case-b", "ACME CASE")),
        Hostile("co-accent-a", _company("co-accent-a", "Resume Co")),
        Hostile("co-accent-b", _company("co-accent-b", "Résumé Co")),
        Hostile("co-html", _company("co-html", "\"<img src=x onerror=alert('company')>\"")),
        Hostile("fs name with spaces", _company("fs name with spaces", "Spaced Files")),
        Hostile("fs-ünïcode-名前", _company("fs-ünïcode-名前", "Unicode Files")),
        Hostile("-leading-dash", _company("-leading-dash", "Dash Files")),
        Hostile("fs;$(touch pwned)&`x`", _company("fs;$(touch pwned)&`x`", "Shell Files")),
        Hostile(".hidden", _company(".hidden", "Hidden Files"), usable=False, problem="hidden file skipped"),
        Hostile("empty", b"", usable=False, problem="empty seed"),
        Hostile("whitespace", b"  \n\t\n   \n", usable=False, problem="empty seed"),
    ]


def write_hostile(folder: Path) -> list[Hostile]:
    """Write the hostile corpus into ``folder`` (and a link leaving it); return what was written."""
    folder.mkdir(parents=True, exist_ok=True)
    seeds = hostile_seeds()
    for seed in seeds:
        (folder / f"{seed.name}.txt").write_bytes(seed.data)
    outside = folder.parent / "outside-secret.txt"
    outside.write_text("Secret outside the seeds folder.\n", encoding="utf-8")
    link = folder / "link-out.txt"
    if not link.exists():
        os.symlink(outside, link)
    return seeds
