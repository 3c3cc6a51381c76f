"""MkDocs hook for Dossier: a thin adapter over the ``dossier`` package.

It reads settings from ``extra.dossier`` in mkdocs.yml, runs the pipeline once
per build, adds the pages it makes (in memory, never in docs/), sets the
navigation, and reports every seed problem through a logger under ``mkdocs.``
so that ``mkdocs build --strict`` fails on them. A first build of many pages
has their Markdown converted on every core (:mod:`dossier.prerender`); where
Dossier's hook is the only plugin, children at idle priority compile the
templates and write the last pages ahead (:mod:`dossier.write_ahead`).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from dossier import heap

with heap.loading():  # Dossier's modules: kept out of the cycle collector's way until the pipeline
    from dossier import forked, render, write_ahead
    from dossier.export import escaped_nav
    from dossier.model import GeneratedPage
    from dossier.pipeline import build_site
    from dossier.prerender import finished, prerender
    from dossier.problems import Severity
    from dossier.sanitize import sanitize
    from dossier.search import EXCLUDED, for_index, search_markup
    from dossier.search_index import SearchIndex
    from dossier.seed_cache import code_version
    from dossier.structured_data import script_json
    from dossier.template_cache import CompiledTemplates, compile_ahead
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.plugins import event_priority, get_plugin_logger
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

log = get_plugin_logger("dossier")
_state: dict[str, Any] = {}
"""This build's pipeline result ("site"), the generated pages added to it by source URI ("pages"), its files
("files") and navigation ("nav"), the pages MkDocs wrote ("written"), those of them written ahead ("taken"), its
search index ("index"), its children at idle priority ("compiling", "ahead"); the theme's compiled templates, kept
for the process ("templates")."""


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Run the pipeline over the seeds folder and set the navigation."""
    settings = config.extra.get("dossier") or {}
    root = Path(config.config_file_path).parent
    seeds = root / str(settings.get("seeds", "seeds"))
    cache = root / ".cache" / "dossier" if settings.get("cache", True) else None
    if "templates" not in _state:
        _state["templates"] = CompiledTemplates(cache / "templates" if cache else None)
        render.keep_compiled(CompiledTemplates(cache / "page-templates" if cache else None, also=code_version()))
    _state["compiling"] = forked.when_idle(lambda: _compile_ahead(config)) if cache else None
    heap.before_pipeline()  # the last build's pages, if any: MkDocs's objects, not the pipeline's work
    started = time.perf_counter()
    site = build_site(seeds, config.site_name, cache)
    elapsed = time.perf_counter() - started
    heap.after_pipeline()
    for problem in site.problems.sorted():
        if problem.severity is Severity.ERROR:
            log.error(str(problem))
        elif problem.severity is Severity.WARNING:
            log.warning(str(problem))
        else:
            log.debug(str(problem))
    log.info(f"{len(site.seeds)} seeds read into {len(site.companies)} company dossiers in {elapsed:.2f} seconds")
    _state["site"] = site
    config.nav = escaped_nav(site.nav) + list(settings.get("pages") or [])
    return config


def _compile_ahead(config: MkDocsConfig) -> None:
    """Compile Dossier's templates, and the theme's unless another plugin could change its environment, into the
    cache folder, for this build to find there (a first build, in a child while a core is idle)."""
    render.compile_templates()
    if _alone(config):
        env = config.theme.get_env()
        env.bytecode_cache = _state["templates"]
        compile_ahead(env, ["main.html", *config.theme.static_templates])


def _alone(config: MkDocsConfig) -> bool:
    """Whether Dossier's hook is the only plugin: no other could change the theme's environment, or do otherwise in
    a child than in this process."""
    return all(plugin is sys.modules[__name__] for plugin in config.plugins.values())


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Give the build's Jinja environment the theme's templates compiled before (this build's, or the last's), and
    start writing the last pages ahead while a core is idle (:mod:`dossier.write_ahead`)."""
    env.bytecode_cache = _state["templates"]
    _state["ahead"] = write_ahead.start(config, _state["nav"], files, env, _marked) if _alone(config) else None
    _state["taken"] = set()
    return env


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated pages; a page of docs/ at the same path is left in place, with a warning."""
    added: dict[str, GeneratedPage] = {}
    for page in _state["site"].pages:
        if files.get_file_from_path(page.src_uri) is not None:
            log.warning(f"docs/{page.src_uri} hides the generated page of the same path; rename or remove it")
            continue
        files.append(File.generated(config, page.src_uri, content=page.markdown))
        added[page.src_uri] = page
    _state["pages"] = added
    _state["files"] = files
    return files


@event_priority(-100)  # after every other plugin has settled the pages
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """Convert the pages' Markdown on every core before MkDocs reads them one by one (a first build of many)."""
    _state["nav"] = nav
    started = time.perf_counter()
    converted = prerender(config, files, sanitize)
    if converted:
        log.debug(f"{converted} pages converted on every core in {time.perf_counter() - started:.2f} seconds")
    return nav


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Give generated pages their browser title and description (templates escape them)."""
    entry = _state["pages"].get(page.file.src_uri)
    if entry is not None:
        page.meta["dossier_title"] = entry.html_title
        page.meta["dossier_description"] = entry.description
        if entry.structured_data:
            page.meta["dossier_jsonld"] = script_json(entry.structured_data)
    return markdown


def on_page_content(content: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Sanitise the HTML of every page (in the child that converted it, if it did and nothing changed it since)."""
    done = finished(page, content)
    return done if done is not None else sanitize(content)


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    """Give the page's template the page whole, if it was written ahead (marked already)."""
    ahead = _state.get("ahead")
    written = ahead.take(page) if ahead is not None else None
    if written is not None:
        context["dossier_written"] = written
        _state["taken"].add(page.file.src_uri)
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Mark what search indexes (the article) and what it can narrow by (the page's facets), and index it."""
    _state["written"].add(page.file.src_uri)
    if page.file.src_uri not in _state["taken"]:
        output = _marked(output, page)
    if _searched(page):
        _state["index"].add(page.file.dest_uri, for_index(output))
    if _state.get("ahead") is not None:
        _state["ahead"].next(page)
    return output


def _searched(page: Page) -> bool:
    entry = _state["pages"].get(page.file.src_uri)
    return entry is None or entry.searched


def _marked(output: str, page: Page) -> str:
    """A page's HTML marked for the index, with its facets; as it was, if search leaves the page out."""
    if not _searched(page):
        return output
    entry = _state["pages"].get(page.file.src_uri)
    return search_markup(output, entry.facets if entry is not None else {})


def on_pre_build(config: MkDocsConfig) -> None:
    """A new search index, which Pagefind fills as the pages are written."""
    _close_index()
    _state["index"] = SearchIndex(EXCLUDED)
    _state["index"].begin()  # ready by the first page
    _state["written"] = set()


def on_post_build(config: MkDocsConfig) -> None:
    """Write the search index; a failure is an error (so --strict fails), never a traceback.

    A page of docs/ that MkDocs did not write again (``--dirty``, unchanged) is indexed as it was written."""
    _stop_children()  # every page is written
    if _state["taken"]:
        log.debug(f"{len(_state['taken'])} pages written ahead")
    index, site = _state.pop("index"), Path(config.site_dir)
    for file in _state["files"].documentation_pages():
        kept = site / file.dest_path
        if file.src_uri not in _state["written"] and file.src_uri not in _state["pages"] and kept.is_file():
            index.add(file.dest_uri, for_index(kept.read_text(encoding="utf-8", errors="replace")))
    for problem in index.write(site / "pagefind"):
        log.error(problem)


def on_build_error(error: Exception) -> None:
    """Stop the search index and the idle children of a build that failed."""
    _close_index()
    _stop_children()


def _stop_children() -> None:
    """Stop the children that compile templates and write pages ahead, if they are still at work."""
    compiling = _state.pop("compiling", None)
    if compiling is not None:
        forked.stop(compiling)
    ahead = _state.pop("ahead", None)
    if ahead is not None:
        ahead.stop()


def _close_index() -> None:
    index = _state.pop("index", None)
    if index is not None:
        index.close()
