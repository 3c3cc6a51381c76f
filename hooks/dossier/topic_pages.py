"""The topic pages: every topic with its count, and each topic's sections across companies."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import partial
from typing import Any

from .link import Outline
from .model import Company, GeneratedPage, SeedPage
from .render import render
from .seed_cache import SeedCache, reuse
from .topics import TOPICS, Topic


@dataclass(frozen=True)
class TopicEntry:
    """A section on a topic, as the topic's page lists it."""

    company: Company
    page: SeedPage
    section: str | None
    anchor: str | None
    line: str


def topic_uri(slug: str) -> str:
    """The source URI of a topic's page."""
    return f"topics/{slug}/index.md"


def topic_entries(companies: list[Company], outlines: dict[str, Outline]) -> dict[str, list[TopicEntry]]:
    """The sections on each topic (by slug), in the order of companies and their pages."""
    entries: dict[str, list[TopicEntry]] = {}
    for company in companies:
        for page in company.pages:
            anchors = outlines[page.src_uri].anchors
            for found in page.topics:
                anchor = anchors[found.section] if found.section is not None else None
                entries.setdefault(found.topic, []).append(TopicEntry(company, page, found.heading, anchor, found.line))
    return entries


def topics_section(entries: dict[str, list[TopicEntry]], cache: SeedCache | None = None) -> tuple[list[GeneratedPage], list[Any]]:
    """The topics index and a page per topic that some section is on, listing those sections by company.

    A topic page is rendered again only when what it lists changed since this process's last build, or since
    the build that left it in ``cache``."""
    topics = [t for t in TOPICS if t.slug in entries]
    if not topics:
        return [], []
    pages = [
        GeneratedPage(
            "topics/index.md",
            "All topics",
            "Topics",
            render("topics.md.j2", here="topics/index.md", topics=topics, entries=entries, uri=topic_uri),
            description="Every topic of the guide, with the sections on it across companies.",
            searched=False,
        )
    ]
    nav: list[Any] = ["topics/index.md"]
    global _RENDERED
    rendered: dict[tuple[str, ...], str] = {}
    for topic in topics:
        uri = topic_uri(topic.slug)
        markdown = _topic_page(topic, uri, entries[topic.slug], rendered, cache)
        pages.append(
            GeneratedPage(uri, topic.name, f"{topic.name} · Topics", markdown, description=topic.description, searched=False)
        )
        nav.append({topic.name: uri})
    _RENDERED = rendered
    return pages, nav


_RENDERED: dict[tuple[str, ...], str] = {}
"""Each topic page's Markdown from the last build, by everything it shows: a rebuild after a one-seed edit renders
only the topics whose sections that edit changed."""


def _topic_page(
    topic: Topic, uri: str, entries: list[TopicEntry], rendered: dict[tuple[str, ...], str], cache: SeedCache | None
) -> str:
    """A topic's page; ``rendered`` keeps it for the next build."""
    shown = tuple((e.company.slug, e.company.name, e.page.label, e.page.src_uri, e.section, e.anchor, e.line) for e in entries)
    key = ("topic", topic.slug, hashlib.sha256(repr(shown).encode()).hexdigest())
    companies = len({e.company.slug for e in entries})
    make = partial(render, "topic.md.j2", here=uri, topic=topic, entries=entries, companies=companies)
    markdown = rendered[key] = reuse(cache, key, _RENDERED.get(key), make, str)
    return markdown
