"""Links between the site's pages, relative so that the site works under any sub-path."""

from __future__ import annotations

import posixpath

from markupsafe import Markup


def relative(target: str, source: str) -> Markup:
    """The relative link from page ``source`` to page ``target`` (both source URIs, ``.md``)."""
    start = posixpath.dirname(source) or "."
    return Markup(posixpath.relpath(target, start))
