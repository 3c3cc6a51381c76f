"""The last pages of a build written ahead, by a child that uses only a core the build leaves idle.

MkDocs renders and writes the pages in turn, in one process; Pagefind, reading them as they are written, takes
only part of the other core. :func:`start` forks a child at idle priority (:func:`dossier.forked.when_idle`) that
renders the pages from the last one back, each as MkDocs would, until it meets the page MkDocs is at, and leaves
each in a folder of its own. MkDocs still runs every event in its own process, in its own order: a page the child
has written is taken whole in place of the theme's template, and the page written is the same.

Only where no other plugin runs (the hook sees to it): another plugin's events could differ in the child, or change
what the theme renders.
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from multiprocessing.sharedctypes import RawValue
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, DictLoader, Environment
from markupsafe import Markup
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from . import forked

TEMPLATE = "dossier/written-ahead.html"
"""The template of a page the child wrote: that page, whole."""
THEME_TEMPLATE = "main.html"
"""The theme's page template, which MkDocs gives a page that names none."""


class WrittenAhead:
    """The child at work, and what this process takes of what it wrote.

    MkDocs chooses a page's template before any event about the page; so when a page is done, the next one is
    looked at (:meth:`next`): if the child wrote it, it is taken and the page's template set to :data:`TEMPLATE`
    until the page's first event (:meth:`take`), which restores what the theme sees of the page.
    """

    def __init__(self, folder: Path, doc_files: Sequence[File], chosen: dict[str, int], progress: Any, pid: int) -> None:
        self._folder = folder
        self._chosen = chosen
        self._progress = progress
        self._pid = pid
        self._after = {a.src_uri: b for a, b in zip(doc_files, doc_files[1:], strict=False)}
        self._first = doc_files[0] if doc_files else None
        self._taken: dict[str, Markup] = {}

    def next(self, done: Page | None) -> None:
        """After ``done`` (None: before the first page), take the next page if the child wrote it; the child then
        stops short of it."""
        file = self._first if done is None else self._after.get(done.file.src_uri)
        at = self._chosen.get(file.src_uri) if file is not None else None
        if file is None or file.page is None or at is None:
            return
        self._progress.value = at
        try:
            written = (self._folder / f"{at}.html").read_text(encoding="utf-8", errors="surrogatepass")
        except OSError:  # not yet, and now never: MkDocs renders it
            return
        self._taken[file.src_uri] = Markup(written)
        file.page.meta["template"] = TEMPLATE

    def take(self, page: Page) -> Markup | None:
        """The page as the child wrote it, if it was taken; the page's own template is given back."""
        written = self._taken.pop(page.file.src_uri, None)
        if written is not None:
            del page.meta["template"]
        return written

    def stop(self) -> None:
        """Stop the child if it is still at work, and remove what it wrote."""
        forked.stop(self._pid)
        shutil.rmtree(self._folder, ignore_errors=True)


def start(
    config: MkDocsConfig, nav: Navigation, files: Files, env: Environment, mark: Callable[[str, Page], str]
) -> WrittenAhead | None:
    """Start the child, which writes the pages each as MkDocs would render them and ``mark`` would mark them;
    None where it cannot run (one page, no idle priority). The caller makes sure no other plugin runs."""
    doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
    chosen = [file for file in doc_files if file.page is not None and "template" not in file.page.meta]
    if len(chosen) < 2 or not forked.can_idle():
        return None
    folder = Path(tempfile.mkdtemp(prefix="dossier-pages-"))
    # Removed at the latest when this process ends, even by an interruption that skips the hook's last events.
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    progress = RawValue(ctypes.c_long, -1)
    parent = os.getpid()
    pid = forked.when_idle(lambda: _write(config, nav, doc_files, env, chosen, mark, folder, progress, parent))
    if pid is None:
        shutil.rmtree(folder, ignore_errors=True)
        return None
    ours = DictLoader({TEMPLATE: "{{ dossier_written }}"})
    env.loader = ChoiceLoader([ours, env.loader]) if env.loader else ours
    ahead = WrittenAhead(folder, doc_files, {file.src_uri: at for at, file in enumerate(chosen)}, progress, pid)
    ahead.next(None)
    return ahead


def _write(
    config: MkDocsConfig,
    nav: Navigation,
    doc_files: Sequence[File],
    env: Environment,
    chosen: list[File],
    mark: Callable[[str, Page], str],
    folder: Path,
    progress: Any,
    parent: int,
) -> None:
    """In the child: render the chosen pages from the last back, as MkDocs's ``_build_page`` does, until the one
    MkDocs is at; each is written whole into ``folder`` under its position. If the build's process has ended (killed),
    the folder is removed and the child ends."""
    template = env.get_template(THEME_TEMPLATE)
    for at in reversed(range(len(chosen))):
        if os.getppid() != parent:
            shutil.rmtree(folder, ignore_errors=True)
            return
        if at <= progress.value:
            return
        page = chosen[at].page
        assert page is not None
        config._current_page = page
        page.active = True
        context = get_context(nav, doc_files, config, page)
        context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
        output = mark(template.render(context), page)
        page.active = False
        partial = folder / f"{at}.tmp"
        partial.write_text(output, encoding="utf-8", errors="surrogatepass")  # read back as written
        with contextlib.suppress(OSError):
            os.replace(partial, folder / f"{at}.html")
