"""schema.org JSON-LD for pages: Organization on company hubs, FAQPage on pages with FAQ questions."""

from __future__ import annotations

import json
from typing import Any

from .blocks import Block, Heading, ListBlock, Paragraph, RawMarkdown


def organization(name: str, description: str) -> dict[str, Any]:
    """An Organization for a company's hub."""
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "Organization", "name": name}
    if description:
        data["description"] = description
    return data


def faq_questions(blocks: list[Block]) -> list[tuple[str, str]]:
    """The FAQ of a page: questions nested under a heading (level 3 or deeper) and the text answering each."""
    pairs = []
    for index, block in enumerate(blocks):
        if not (isinstance(block, Heading) and block.level >= 3 and block.text.endswith("?")):
            continue
        answer = []
        for following in blocks[index + 1 :]:
            if isinstance(following, Heading):
                break
            if isinstance(following, (Paragraph, RawMarkdown)):
                answer.append(following.text)
            elif isinstance(following, ListBlock):
                answer.extend(following.items)
        if answer:
            pairs.append((block.text, " ".join(answer)))
    return pairs


def faq_page(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    """A FAQPage of question and answer pairs."""
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [{"@type": "Question", "name": q, "acceptedAnswer": {"@type": "Answer", "text": a}} for q, a in pairs],
    }


def script_json(data: dict[str, Any]) -> str:
    """JSON safe to place inside a ``<script>`` element: no ``<``, ``>`` or ``&`` can end or break it."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
