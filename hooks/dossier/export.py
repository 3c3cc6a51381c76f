"""Write the generated site as a plain MkDocs project: Markdown files and a mkdocs.yml without the hook.

Any builder that reads mkdocs.yml (Material, ProperDocs, or a successor that
runs no hooks) then builds the same pages. Each page's browser title,
description and JSON-LD go into its front matter, where the theme override
reads them; seed text in the Markdown is escaped as in a hook build (the hook's
second line of defence, cleaning the HTML, is not part of a plain build).
"""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path
from typing import Any

import yaml

from .pipeline import Site
from .structured_data import script_json

_BLOCKS = ("hooks", "watch")
"""Top-level keys of mkdocs.yml that only a hook build needs."""


def escaped_nav(items: list[Any]) -> list[Any]:
    """The navigation with its titles escaped: Material prints them as HTML."""
    out: list[Any] = []
    for item in items:
        if isinstance(item, dict):
            out.append({html.escape(t, quote=False): escaped_nav(v) if isinstance(v, list) else v for t, v in item.items()})
        else:
            out.append(item)
    return out


def _without_blocks(config: str) -> str:
    """mkdocs.yml text without the top-level blocks of :data:`_BLOCKS` (kept as text: it holds YAML tags)."""
    lines, skipping = [], False
    for line in config.split("\n"):
        key = re.match(r"^([A-Za-z_]\w*):", line)
        if key:
            skipping = key.group(1) in _BLOCKS
        elif line and not line[0].isspace() and not line.startswith("#"):
            skipping = False
        if not skipping:
            lines.append(line)
    return "\n".join(lines)


def export(site: Site, project: Path, target: Path, pages: list[Any]) -> int:
    """Write ``site`` into ``target`` as a MkDocs project built from ``project``'s mkdocs.yml; return the page count.

    ``pages`` are the navigation entries of docs/ pages added after the companies.
    """
    docs = target / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    shutil.copytree(project / "docs", docs)
    shutil.copytree(Path(__file__).parent / "theme", target / "overrides", dirs_exist_ok=True)
    for page in site.pages:
        meta: dict[str, str] = {"dossier_title": page.html_title, "dossier_description": page.description}
        if page.structured_data:
            meta["dossier_jsonld"] = script_json(page.structured_data)
        path = docs / page.src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=True, width=10_000)
        path.write_text(f"---\n{front}---\n\n{page.markdown}", encoding="utf-8")
    config = _without_blocks((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config = re.sub(r"(?m)^(\s*custom_dir:).*$", r"\1 overrides", config)
    nav = yaml.safe_dump({"nav": escaped_nav(site.nav) + pages}, allow_unicode=True, sort_keys=False, width=10_000)
    (target / "mkdocs.yml").write_text(config.rstrip("\n") + "\n\n# Written by `dossier export`.\n" + nav, encoding="utf-8")
    return len(site.pages)
