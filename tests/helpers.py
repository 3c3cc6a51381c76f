"""Shared helpers for the tests: building the site in a temporary folder and reading its text."""

from __future__ import annotations

import contextlib
import functools
import html
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import html as lxml_html

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_SEEDS = ROOT / "seeds"
CORPUS = ROOT / "tests" / "corpus"
CORPUS2 = ROOT / "tests" / "corpus2"
"""Two corpora of seeds about other companies, written independently, each with an expected.yaml."""
CORPUS3 = ROOT / "tests" / "corpus3"
"""Real documents that organisations publish about themselves, with their sources and an expected.yaml."""
SPEC = ROOT / "tests" / "spec" / "sample-seeds-expected.yaml"
"""What a careful reader marks in the sample seeds: a copy of the product spec's, kept here so a clone stands alone."""

SAMPLE_PAGES = [
    "/",
    "/companies/",
    "/companies/twilio/",
    "/companies/twilio/values/",
    "/companies/twilio/interview-process/",
    "/companies/twilio/history/",
    "/companies/twilio/compensation/software-engineer/",
    "/companies/twilio/roles/product-manager/",
]
"""The site map's pages for the sample seeds."""


@dataclass
class Build:
    """The result of one ``mkdocs build`` of a copy of the project."""

    project: Path
    site: Path
    returncode: int
    log: str

    def page(self, url: str) -> Path:
        """The HTML file of a site URL such as ``/companies/acme/``."""
        return self.site / url.strip("/") / "index.html" if url.strip("/") else self.site / "index.html"

    def html(self, url: str) -> lxml_html.HtmlElement:
        """The parsed HTML of a site URL."""
        return lxml_html.fromstring(self.page(url).read_bytes())

    def article_text(self, url: str) -> str:
        """The text a reader sees in a page's article."""
        tree = self.html(url)
        article = tree.xpath("//article")
        node = article[0] if article else tree
        return node.text_content()


def copy_project(tmp: Path, seed_dirs: list[Path]) -> Path:
    """A copy of the project (config, docs, hooks) in ``tmp``/project, with the given seeds."""
    project = tmp / "project"
    project.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", project / "docs", dirs_exist_ok=True)
    shutil.copytree(ROOT / "hooks", project / "hooks", dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__"))
    seeds = project / "seeds"
    seeds.mkdir(exist_ok=True)
    for folder in seed_dirs:
        shutil.copytree(folder, seeds, dirs_exist_ok=True, symlinks=True)
    return project


def build_project(tmp: Path, seed_dirs: list[Path], strict: bool = True, extra_env: dict[str, str] | None = None) -> Build:
    """Copy the project (config, docs, hooks) to ``tmp`` with the given seeds, and build it."""
    project = copy_project(tmp, seed_dirs)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    args = [sys.executable, "-m", "mkdocs", "build", "-d", str(project / "site")]
    if strict:
        args.append("--strict")
    result = subprocess.run(args, cwd=project, env=env, capture_output=True, text=True, timeout=600)
    return Build(project, project / "site", result.returncode, result.stdout + result.stderr)


def build_in_process(project: Path, site: Path, monkeypatch: Any) -> Any:
    """Build ``project`` into ``site`` in this process, as a new process would (nothing parsed, linked, rendered or
    compiled before, its cache folder removed); return the hook's module, as MkDocs loaded it."""
    import dossier.pipeline
    import dossier.render
    import dossier.topic_pages
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    shutil.rmtree(project / ".cache", ignore_errors=True)
    for memo in ("_CACHE", "_LINKED", "_PAGES"):
        monkeypatch.setattr(dossier.pipeline, memo, {})
    monkeypatch.setattr(dossier.topic_pages, "_RENDERED", {})
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    hook = next(plugin for name, plugin in config.plugins.items() if name.endswith("dossier_hook.py"))
    monkeypatch.setattr(hook, "_state", {})
    dossier.render._ENV.cache.clear()  # type: ignore[union-attr]
    build(config)
    return hook


def add_hook(project: Path, name: str, source: str) -> None:
    """Add a hook of another plugin to the copied project, after Dossier's."""
    (project / "hooks" / name).write_text(source, encoding="utf-8")
    config_text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    hooks = "hooks:\n  - hooks/dossier_hook.py\n"
    assert hooks in config_text
    (project / "mkdocs.yml").write_text(config_text.replace(hooks, hooks + f"  - hooks/{name}\n"), encoding="utf-8")


def site_files(site: Path) -> dict[str, bytes]:
    """Every file of a built site by path, but those Pagefind names differently from run to run."""
    return {
        p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file() and not _unstable(p, site)
    }


def _unstable(path: Path, site: Path) -> bool:
    """Pagefind 1.5's filter and metadata files are named by hashes that change from run to run on the same pages
    (Pagefind/pagefind#638: "other files will still change, such as the filter/metadata indexes"). Its fragments,
    the pages' own words, are stable and stay compared; so does every page of the site."""
    parts = path.relative_to(site).parts
    return parts[0] == "pagefind" and (
        parts[1] in ("filter", "index") or path.suffix == ".pf_meta" or parts[1] == "pagefind-entry.json"
    )


def squash(text: str) -> str:
    """Text reduced for comparison: Unicode-normalised, without white space or Markdown marks."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"[\s*_#>|`]+", "", text)


# Structural marks that recovery turns into structure: heading marks, bullets, numbers, quote marks,
# check boxes, and the dash between a year and its event in a timeline.
_MARKER = re.compile(r"^(?:#{1,6}\s+|[-*•]\s+|\d{1,3}[.)]\s+|>\s*|:\s+|\[[ xX]\]\s+|[☐☑□✅✓✔]\s*|(?:1[5-9]|20)\d\d\s*[—–:-]\s+)+")
_LABEL = re.compile(r"^[^\w\s]{0,3}\s*[A-Za-z][\w'’]*(?: \w+)?:\s+")


_ATTRIBUTE = r"""(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)"""
_HIDDEN_HTML = re.compile(
    r"<(script|style)\b.*?</\1\s*>"
    rf"|<[A-Za-z][A-Za-z0-9-]*{_ATTRIBUTE}*\s*/?>|</[A-Za-z][A-Za-z0-9-]*\s*>"  # tags as CommonMark reads them
    r"|(?m:^)<\?.*?>|<!--.*?-->|<![A-Za-z][^>]*>",
    re.IGNORECASE | re.DOTALL,
)
"""HTML tags, and scripts and styles with their content: markup, not sentences a reader sees."""


_COMMENTED = re.compile(r"\{%-?\s*comment\s*-?%\}.*?\{%-?\s*endcomment\s*-?%\}|<%.*?%>", re.DOTALL)
_TEMPLATE_TAG = re.compile(r"\{\{[<%].*?[>%]\}\}|\{%.*?%\}")
_QUOTED = re.compile(r"(?:\b(\w+)\s*=\s*)?\"([^\"]*)\"")
_ATTRIBUTES = re.compile(r"\s*\{[:#.][^{}]*\}\s*$|^\s*\{:?\s*toc\s*\}\s*$", re.MULTILINE)
_CONTAINER = re.compile(r"^:::\s*[\w-]*(?:\[([^\]]*)\])?.*$", re.MULTILINE)
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")


def _tag_words(match: re.Match[str]) -> str:
    """What a reader of the original site sees of a shortcode or template tag: the words of its quoted arguments."""
    quoted = [
        w for name, w in _QUOTED.findall(match.group()) if name.lower() not in {"id", "src", "url", "href", "style", "class"}
    ]
    # A lone lowercase word may be a style or a flag ("warning"); the text on either side is checked apart.
    words = [w for w in quoted if re.search(r"[^\W\d_]{2}", w) and not re.search(r"[/\\]|\.\w{2,4}$", w) and not w.islower()]
    return "\n" + " ".join(words) + "\n"


_STARTS_BLOCK = re.compile(r"^[ \t]*(?:$|[#>|*+-]|:\s|\d+[.)]|```|~~~|:::|\{%|<)")
_ENDS_BLOCK = re.compile(r"^[ \t]*(?:$|#|\*\*[^*]+\*\*\s*$|```|~~~|:::|\|)")


def _emoji(match: re.Match[str]) -> str:
    """A GitHub emoji short code as the emoji a reader of the original site sees."""
    from pymdownx import gemoji_db

    entry = gemoji_db.emoji.get(gemoji_db.aliases.get(match.group(), match.group()))
    return "".join(chr(int(p, 16)) for p in entry["unicode"].split("-")) if entry else match.group()


def _join_wrapped(body: str) -> str:
    """Markdown with each paragraph's lines joined: a line that starts no block continues the one before it."""
    lines: list[str] = []
    fenced = False
    for line in body.split("\n"):
        if re.match(r"^\s*(?:```|~~~)", line):
            fenced = not fenced
        elif fenced:
            lines.append(line)
            continue
        if lines and not _STARTS_BLOCK.match(line) and not _ENDS_BLOCK.match(lines[-1]):
            lines[-1] += " " + line.strip()
        else:
            lines.append(line)
    return "\n".join(lines)


def reader_text(body: str) -> str:
    """A seed's body as a reader of the original page sees its words: without HTML tags and site-generator syntax.

    The lines of a Markdown paragraph wrapped by its author are joined again.
    """
    body = re.sub(r"(?m)\\$", "", body)  # a backslash ending a line is a line break, not a character
    if re.search(r"(?m)^#{1,6} ", body):
        body = _join_wrapped(body)
    text = _COMMENTED.sub(" ", body)
    text = re.sub(r":[a-z0-9_+-]{1,40}:", _emoji, text)
    text = re.sub(r"(?m)^(?:import|export) .*$", "", text)  # MDX statements: code, not words
    text = re.sub(r"\]\(\s*(?:\{%.*?%\}|\{\{[<%].*?[>%]\}\})\s*\)", "](x)", text)  # a tag giving a link's target
    text = _TEMPLATE_TAG.sub(_tag_words, text)
    text = _ATTRIBUTES.sub("", text)
    text = _CONTAINER.sub(lambda m: m.group(1) or "", text)
    text = _IMAGE.sub(r"\1", text)
    # Links, even when their text is wrapped over two lines or a stray space parts "]" from "(https://…)".
    link = r"(?<!\\)\[([^\]]*)\](?:\((?:<[^>]*>|(?:\\.|[^)\\])*)\)| \(https?://[^\s()]+\))"
    text = re.sub(link, r"\1", text)
    text = re.sub(r"<((?:https?|mailto):[^>\s]+)>", r"\1", text)  # autolinks show their address
    text = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)  # backslash escapes: "\[" shows as "["
    # Markup outside code is not shown; inside it, "<name>" is text.
    parts = re.split(r"(`[^`\n]+`|(?m:^\s*```[\w+-]*\n)[\s\S]*?(?m:^\s*```\s*$))", text)
    shown = "".join(p if p.lstrip().startswith("`") else html.unescape(_HIDDEN_HTML.sub(" ", p)) for p in parts)
    return re.sub(r"(?m)^\s*(?:`{3,}|~{3,})[\w+-]*\s*$", "", shown)  # code fence lines


_CHROME_XPATH = (
    "//head | //script | //style | //noscript | //nav | //button"
    " | //*[@id='toc' or starts-with(@id,'toc-') or contains(@class,'sidebar') or contains(@id,'sidebar')]"
)


def page_text(document: str) -> str:
    """The words of a saved web page that belong to the document, a block to a line: not its head or navigation."""
    tree = lxml_html.document_fromstring(document)
    for node in tree.xpath(_CHROME_XPATH):
        node.drop_tree()
    for node in tree.iter("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "br"):
        node.tail = "\n" + (node.tail or "")
        node.text = "\n" + (node.text or "")
    return tree.text_content()


def sentences(body: str, markdown: bool | None = None) -> list[str]:
    """The sentences of a seed's body, as a reader would mark them, without list or heading marks.

    A Markdown body (``markdown``, or by default one with Markdown headings) is read without its
    markup (:func:`reader_text`); in plain text, a "<b>" is text like any other.
    """
    if markdown is None:
        markdown = bool(re.search(r"(?m)^ {0,3}#{1,6}[ \t]", body))
    found = []
    for line in (reader_text(body) if markdown else body).split("\n"):
        line = line.strip()
        if not line or re.fullmatch(r"[|:\-\s]+", line):
            continue
        line = _MARKER.sub("", line)
        for sentence in re.split(r"(?<=[.!?])\s+", line):
            sentence = sentence.strip()
            if sentence:
                found.append(sentence)
    return found


def missing_sentences(body: str, page_text: str, markdown: bool | None = None) -> list[str]:
    """The sentences of ``body`` (Markdown or not, see :func:`sentences`) that cannot be found in ``page_text``."""
    haystack = squash(page_text)
    missing = []
    for sentence in sentences(body, markdown):
        if squash(sentence) in haystack:
            continue
        if squash(_LABEL.sub("", sentence)) in haystack:
            continue
        missing.append(sentence)
    return missing


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(folder: Path, prefix: str = "", port: int = 0) -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1 (under the URL path ``prefix``, if given) and yield the base URL."""
    root = folder
    if prefix:
        root = folder.parent / f"served-{folder.name}"
        (root / prefix.strip("/")).parent.mkdir(parents=True, exist_ok=True)
        if not (root / prefix.strip("/")).exists():
            os.symlink(folder, root / prefix.strip("/"))
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix.rstrip('/')}"
    finally:
        server.shutdown()


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free now."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def search(page: object, query: str) -> object:
    """Open the search (Pagefind) from the header, type ``query``, and return the first result's link."""
    page.wait_for_load_state("load")
    if not page.locator("pagefind-modal dialog[open]").count():
        page.locator("pagefind-modal-trigger button").click()
    box = page.locator("pagefind-modal pagefind-input input")
    box.wait_for(state="visible")
    box.fill("")
    box.type(query, delay=15)
    # The search is done when the summary counts the results of this query (it says "Searching…" before).
    summary = page.locator("pagefind-modal .pf-summary")
    done = re.compile(rf"^(?:\d+ results? for|No results for) {re.escape(query)}$")
    summary.filter(has_text=done).wait_for(timeout=15_000)
    first = page.locator("pagefind-results a").first
    first.wait_for(timeout=15_000)
    return first


_LOADED_RESULTS = """() => {
    // Pagefind shows a placeholder (aria-hidden) for each result until that page's data has arrived, in any
    // order: only the results before the first placeholder are shown in their place.
    const items = [...document.querySelectorAll("pagefind-results li.pf-result")];
    const waiting = items.findIndex(item => item.getAttribute("aria-hidden") === "true");
    const shown = waiting === -1 ? items : items.slice(0, waiting);
    return shown.length ? shown.flatMap(item => [...item.querySelectorAll("a")].map(a => a.getAttribute("href"))) : null;
}"""


def results(page: object) -> list[str]:
    """The addresses of the search results shown, pages and their sections, in order: those that have loaded
    before the first that has not (at least the first result)."""
    return page.wait_for_function(_LOADED_RESULTS, timeout=15_000).json_value()
