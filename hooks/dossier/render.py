"""Render the site's pages as Markdown from Jinja2 templates.

One environment, templates in ``templates/``, ``StrictUndefined`` so a missing
variable fails loudly. Seed text only ever enters as a value: every ``{{ }}``
output is escaped for Markdown by :func:`dossier.blocks.inline` unless it is
:class:`markupsafe.Markup`, which only Dossier's own code creates (rendered
blocks, links it computed).
"""

from __future__ import annotations

from typing import Any

from jinja2 import BytecodeCache, Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from .blocks import inline
from .link.backlinks import where
from .uris import relative


def _finalize(value: Any) -> Any:
    if isinstance(value, Markup):
        return str(value)
    if value is None:
        return ""
    return inline(str(value))


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("dossier", "templates"),
        undefined=StrictUndefined,
        autoescape=False,
        finalize=_finalize,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["inline"] = lambda v: Markup(inline(str(v)))
    return env


_ENV = _environment()


def keep_compiled(cache: BytecodeCache) -> None:
    """Keep the templates' compiled code in ``cache`` (and find it there)."""
    _ENV.bytecode_cache = cache


def compile_templates() -> None:
    """Compile every template into the cache given to :func:`keep_compiled`, before a page needs it."""
    from .template_cache import compile_ahead

    compile_ahead(_ENV, dict.fromkeys(["page.md.j2", *_ENV.list_templates()]))  # the one most pages need first


def render(template: str, **context: Any) -> str:
    """Render one template with ``context``; seed strings in it are escaped on output."""
    return _ENV.get_template(template).render(relative=relative, where=where, Markup=Markup, **context)
