"""The topic pages: every topic with its count, and each topic's sections across companies."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .link import Outline
from .model import Company, GeneratedPage, SeedPage
from .render import render
from .topics import TOPICS


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


def topics_section(entries: dict[str, list[TopicEntry]]) -> tuple[list[GeneratedPage], list[Any]]:
    """The topics index and a page per topic that some section is on, listing those sections by company."""
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
    for topic in topics:
        uri = topic_uri(topic.slug)
        companies_on = {e.company.slug for e in entries[topic.slug]}
        markdown = render("topic.md.j2", here=uri, topic=topic, entries=entries[topic.slug], companies=len(companies_on))
        pages.append(
            GeneratedPage(uri, topic.name, f"{topic.name} · Topics", markdown, description=topic.description, searched=False)
        )
        nav.append({topic.name: uri})
    return pages, nav
