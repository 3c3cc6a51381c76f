"""The second line of defence: clean the HTML of every generated page with nh3."""

from __future__ import annotations

import nh3

_TAGS = set(nh3.ALLOWED_TAGS) | {
    "div",
    "span",
    "nav",
    "details",
    "summary",
    "figure",
    "figcaption",
    "input",
    "label",
    "cite",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "hr",
    "p",
    "br",
    "sup",
    "sub",
    "mark",
    "del",
    "ins",
}
_ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir"},
    "a": {"href", "title"},
    "input": {"type", "checked", "disabled"},
    "th": {"align", "colspan", "rowspan", "style"},
    "td": {"align", "colspan", "rowspan", "style"},
    "ol": {"start"},
    "details": {"open"},
    "img": {"src", "alt", "width", "height"},
    # A pay chart's bars: placed by Dossier's own left and width, hidden from screen readers (the text says it all).
    "span": {"style", "aria-hidden"},
}


def sanitize(html: str) -> str:
    """Remove scripts, event handlers, unsafe URLs and unknown tags from page HTML."""
    return nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel=None,
        strip_comments=True,
        # Python-Markdown aligns table columns with style="text-align: …"; a pay chart places its bars.
        filter_style_properties={"text-align", "left", "width"},
    )
