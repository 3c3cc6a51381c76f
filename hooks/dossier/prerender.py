"""Markdown converted on every core before MkDocs reads the pages, for a first build of many pages.

MkDocs converts each page's Markdown to HTML in turn, in one process: on a large site that is the longest step of
the build. :func:`prerender` converts them all in forked children first, the same way MkDocs would, and gives each
page a ``render`` that hands back the child's result. MkDocs still runs every plugin event in this process, in its
own order; a page whose Markdown differs by then from the Markdown the child converted is converted again there.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

from . import forked

log = logging.getLogger("mkdocs.plugins.dossier.prerender")

PARALLEL_FROM = 64
"""Pages from which converting them is shared among the machine's cores."""


@dataclass(frozen=True)
class Rendered:
    """What :meth:`Page.render` sets on a page, from the Markdown it converted, and what it logged."""

    markdown: str
    content: str
    toc: TableOfContents
    title: str | None
    anchors: set[str] | None
    links: dict[str, dict[str, str]] | None
    """Links to anchors of other pages, by the source URI of the page they point to."""
    logged: list[tuple[str, int, str]]
    """(logger name, level, message) of each record logged while converting."""
    finished: str
    """``content`` as the caller's ``finish`` makes it (see :func:`finished`)."""


def prerender(config: MkDocsConfig, files: Files, finish: Callable[[str], str] = str) -> int:
    """Convert every documentation page's Markdown on every core, where it is safe to; return how many were.

    Each child also gives what ``finish`` (a pure function) makes of each page's HTML, which :func:`finished` hands
    back for that HTML."""
    pages = [f.page for f in files.documentation_pages() if f.page is not None]
    _FINISHED.clear()
    if not forked.shared(len(pages), PARALLEL_FROM):
        return 0  # MkDocs converts them one by one, as ever
    # The longest first, so that no core is left with a long page at the end while the others wait.
    pages.sort(key=lambda page: -len(page.file.content_bytes))
    try:
        results = forked.each(_convert, (pages, config, files, finish), range(len(pages)), PARALLEL_FROM)
    except Exception as exc:  # a result that cannot come back (a plugin's object on a page): MkDocs converts them all
        log.debug(f"pages converted one by one: {exc!r}")
        return 0
    done = 0
    for page, result in zip(pages, results, strict=True):
        if result is not None:
            # An attribute of the instance: MkDocs's call page.render(config, files) finds it before the method.
            page.render = partial(_render, page, result)  # type: ignore[method-assign]
            done += 1
    return done


def finished(page: Page, content: str) -> str | None:
    """What ``finish`` made of ``content`` in the child that converted the page, if ``content`` is the HTML the
    child converted (no plugin changed it since); None otherwise, or if no child converted the page."""
    kept = _FINISHED.pop(page.file.src_uri, None)
    return kept[1] if kept is not None and kept[0] == content else None


_FINISHED: dict[str, tuple[str, str]] = {}
"""The HTML a child converted of each page, and what ``finish`` made of it, by source URI, for this build."""


def _convert(job: tuple[list[Page], MkDocsConfig, Files, Callable[[str], str]], index: int) -> Rendered | None:
    """In a child: read and convert one page as MkDocs's build would; None if that fails (MkDocs will report it)."""
    pages, config, files, finish = job
    page = pages[index]
    try:
        # What the events log is dropped: MkDocs runs them again in the build, which logs it then.
        with _Capture():
            page = config.plugins.on_pre_page(page, config=config, files=files)
            page.read_source(config)
            assert page.markdown is not None
            page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
            with _Capture() as capture:
                Page.render(page, config, files)
    except Exception:
        return None
    assert page.content is not None
    links = page.links_to_anchors
    return Rendered(
        markdown=page.markdown,
        content=page.content,
        toc=page.toc,
        title=page._title_from_render,
        anchors=page.present_anchor_ids,
        links={f.src_uri: dict(anchors) for f, anchors in links.items()} if links is not None else None,
        logged=capture.records,
        finished=finish(page.content),
    )


def _render(page: Page, result: Rendered, config: MkDocsConfig, files: Files) -> None:
    """Set what :meth:`Page.render` would, from ``result`` if it converted the page's Markdown as it is now."""
    del page.render  # once: a later build of the same page renders it afresh
    if page.markdown != result.markdown:
        Page.render(page, config, files)
        return
    for name, level, message in result.logged:
        logging.getLogger(name).log(level, message)
    page.content = result.content
    _FINISHED[page.file.src_uri] = (result.content, result.finished)
    page.toc = result.toc
    page._title_from_render = result.title
    page.present_anchor_ids = result.anchors
    if result.links is not None:
        page.links_to_anchors = {_file(files, uri): anchors for uri, anchors in result.links.items()}


def _file(files: Files, src_uri: str) -> Any:
    found = files.get_file_from_path(src_uri)
    assert found is not None, src_uri
    return found


class _Capture(logging.Handler):
    """Keeps, instead of showing, what MkDocs's loggers log while it is installed (in a child)."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))

    def __enter__(self) -> _Capture:
        logger = logging.getLogger("mkdocs")
        self._saved = logger.handlers, logger.propagate
        logger.handlers, logger.propagate = [self], False
        return self

    def __exit__(self, *exc: object) -> None:
        logger = logging.getLogger("mkdocs")
        logger.handlers, logger.propagate = self._saved
