"""A page's sections as text, and the topics of each: what topic pages gather."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .blocks import Heading, Recovered, block_text
from .cjk import CJK
from .model import SectionTopic
from .summary import shorten
from .topics import topics_of


def sections(recovered: Recovered) -> list[tuple[int | None, str | None, str]]:
    """(heading index, heading, text) of each section: the opening first, then one per heading."""
    found: list[tuple[int | None, str | None, list[str]]] = [(None, None, [])]
    count = 0
    for block in recovered.blocks:
        if isinstance(block, Heading):
            found.append((count, block.text, []))
            count += 1
        else:
            found[-1][2].append(block_text(block))
    return [(index, heading, "\n".join(lines)) for index, heading, lines in found if index is None or heading or any(lines)]


def _first_line(text: str) -> str:
    """The section's first sentence of a few words ("1." of a numbered line is not one), shortened. A sentence
    ends at its stop or at the end of its line (a paragraph, an item or a table row)."""
    sentences = [s for line in text.split("\n") for s in re.split(r"(?<=[.!?。])\s", " ".join(line.split())) if s]
    sentence = next((s for s in sentences if len(s.split()) >= 4 or CJK.search(s)), sentences[0] if sentences else "")
    return shorten(sentence, 160)


def page_topics(recovered: Recovered, title: str, tags: Sequence[str] = ()) -> list[SectionTopic]:
    """The topics of each section of a page; the opening reads the page's title and front matter tags too."""
    found = []
    for index, heading, text in sections(recovered):
        on = topics_of(heading if heading is not None else title, text, tags if index is None else ())
        line = (_first_line(text) or (heading or title)) if on else ""
        found += [SectionTopic(index, heading, topic.slug, evidence, line) for topic, evidence in on]
    return found
