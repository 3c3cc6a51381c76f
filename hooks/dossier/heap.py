"""The cycle collector around a build: the pipeline's objects are kept out of it while MkDocs renders, and what the
build before left behind is collected first.

What the pipeline keeps lives until the next build, so the collector need not walk it at every collection while
MkDocs renders the pages (it otherwise walks the whole corpus again and again: 2.5 s of warm pipeline at 3,676
seeds became 1.7 s). Freezing keeps everything alive at that moment out of it, though, the last build's pages (and
their cycles) included: under `mkdocs serve`, a rebuild collects those first, or each edit would add a whole
build to the process (38 MB at 896 pages).

Modules, too, make many objects as they load and hardly any garbage: the hook loads Dossier's with the collector
off and keeps them out of its way until the pipeline (:func:`loading`).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_built = False
"""Whether this process has built before (`mkdocs serve`): the last build's objects are garbage now."""


@contextmanager
def loading() -> Iterator[None]:
    """Import modules with the collector off, then keep them out of it until :func:`before_pipeline`: collections
    while Dossier's modules load, and the next ones walking them again, cost the build's process 20 ms."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if collecting:
            gc.enable()


def before_pipeline() -> None:
    """Give back to the collector what was kept out of it (the modules, as the hook loaded them; the last build's
    objects), and collect what is garbage of the last build."""
    gc.unfreeze()
    if _built:
        gc.collect()


def after_pipeline() -> None:
    """Keep what is alive now (the pipeline's result, the modules) out of the collector until the next build."""
    global _built
    gc.freeze()
    _built = True
