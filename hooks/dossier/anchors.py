"""The ids MkDocs gives the headings of a page, computed before it renders them.

``mkdocs.yml`` sets the toc extension's ``slugify`` to
``pymdownx.slugs.slugify(case="lower")``, which keeps letters of every script
("沿革" stays "沿革"), so the same function here names the same anchors. Ids are
made unique in page order, the page's title (its first heading) first, as the
toc extension does.
"""

from __future__ import annotations

from markdown.extensions.toc import unique
from pymdownx.slugs import slugify as _slugify

slugify = _slugify(case="lower")
"""The function the site's toc extension uses: ``slugify(text, "-")``."""


def page_anchors(title: str, headings: list[str]) -> list[str]:
    """The id of each heading of a page whose title is ``title``, in order."""
    used: set[str] = set()
    unique(slugify(title, "-"), used)
    return [unique(slugify(text, "-"), used) for text in headings]
