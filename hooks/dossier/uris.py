"""Links between the site's pages, relative so that the site works under any sub-path."""

from __future__ import annotations

from functools import lru_cache

from markupsafe import Markup


def relative(target: str, source: str) -> Markup:
    """The relative link from page ``source`` to page ``target`` (both source URIs, ``.md``)."""
    return Markup(_relative(target, source))


@lru_cache(maxsize=1 << 20)  # a link of every page to its siblings, hub and topics
def _relative(target: str, source: str) -> str:
    # Source URIs are clean POSIX paths below the docs folder, so this is posixpath.relpath without its
    # normalising (which made it the pipeline's single largest cost).
    start = source.split("/")[:-1]
    parts = target.split("/")
    common = 0
    while common < min(len(start), len(parts) - 1) and start[common] == parts[common]:
        common += 1
    return "/".join([".."] * (len(start) - common) + parts[common:]) or "."
