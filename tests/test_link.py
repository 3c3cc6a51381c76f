"""The term index and the linker, on blocks about invented companies."""

from __future__ import annotations

import re
from pathlib import Path

from dossier.anchors import page_anchors
from dossier.blocks import FormattedParagraph, Heading, ListBlock, Paragraph, RawMarkdown, Table
from dossier.link import Outline, PageLinker, Target, TermIndex, build_index
from dossier.link.linker import join_sections
from dossier.link.terms import own_levels
from dossier.model import Kind
from dossier.pipeline import build_site
from dossier.understand.company import proper_names

HERE = "companies/quorvex/interview-process.md"
VALUE = Target("companies/quorvex/values.md", "keep-it-simple", "Keep it simple", "quorvex", "value")
ROLE = Target("companies/quorvex/roles/product-manager.md", None, "Product Manager", "quorvex", "role")
RIVAL = Target("companies/halvern-works/index.md", None, "Halvern Works", "halvern-works", "company")
OWN = Target("companies/quorvex/index.md", None, "Quorvex", "quorvex", "company")
ELSEWHERE_VALUE = Target("companies/halvern-works/values.md", "ownership", "Ownership", "halvern-works", "value")


def _index() -> TermIndex:
    index = TermIndex()
    index.add("Keep it simple", VALUE)
    index.add("Product Manager", ROLE)
    index.add("Halvern Works", RIVAL)
    index.add("Quorvex", OWN)
    index.add("Ownership", ELSEWHERE_VALUE)
    return index


def _linked(*blocks: object, anchors: list[str] | None = None) -> tuple[str, PageLinker]:
    linker = PageLinker(_index(), HERE, "quorvex", "Interview process", Kind.INTERVIEW)
    headings = [b for b in blocks if isinstance(b, Heading)]
    sections = linker.sections(list(blocks), anchors or [re.sub(r"\W+", "-", h.text.lower()) for h in headings])  # type: ignore[arg-type]
    return join_sections(sections, {}), linker


def _links(markdown: str) -> list[tuple[str, str]]:
    return re.findall(r"\[([^\]]+)\]\(([^)]+)\)", markdown)


def test_a_mention_links_to_where_it_is_explained() -> None:
    markdown, linker = _linked(Paragraph(1, "We ask about Keep it simple in every round."))
    assert _links(markdown) == [("Keep it simple", "values.md#keep-it-simple")]
    (mention,) = linker.mentions
    assert mention.target == VALUE and mention.before.endswith("ask about") and mention.after.startswith("in every")


def test_only_the_first_mention_in_each_section() -> None:
    markdown, _ = _linked(
        Paragraph(1, "Keep it simple matters. Keep it simple again."),
        Paragraph(2, "And keep it simple once more."),
        Heading(3, "Onsite"),
        Paragraph(4, "Onsite, keep it simple too."),
    )
    assert [label for label, _ in _links(markdown)] == ["Keep it simple", "keep it simple"]
    assert markdown.index("Onsite, [keep it simple]") > markdown.index("## Onsite")


def test_never_inside_headings_links_or_code() -> None:
    markdown, linker = _linked(
        Heading(1, "Keep it simple"),
        FormattedParagraph(2, "", "See [Keep it simple](https://example.com/) and `Keep it simple` here."),
        RawMarkdown(3, "```\nKeep it simple\n```"),
    )
    assert markdown.startswith("## Keep it simple\n")
    assert _links(markdown) == [("Keep it simple", "https://example.com/")]
    assert not linker.mentions


def test_possessive_plural_case_and_dash_forms() -> None:
    markdown, _ = _linked(
        Paragraph(1, "Halvern Works's office is near."),
        Heading(2, "Roles"),
        Paragraph(3, "Two product managers join each loop."),
        Heading(4, "Rivals"),
        Paragraph(5, "Formerly at Halvern\u2011Works."),
    )
    labels = [label for label, _ in _links(markdown)]
    assert labels == ["Halvern Works", "product managers", "Halvern\u2011Works"]


def test_a_name_inside_another_word_is_not_a_mention() -> None:
    markdown, _ = _linked(Paragraph(1, "Halvern Worksop and Quorvexian tools; HalvernWorks is one word."))
    assert not _links(markdown)


def test_the_page_s_own_company_and_other_companies_values_are_not_linked() -> None:
    # Quorvex is this page's company; Halvern Works's value "Ownership" is explained only in its own dossier.
    markdown, _ = _linked(Paragraph(1, "Quorvex asks about Ownership."))
    assert not _links(markdown)


def test_a_one_word_ordinary_term_links_only_as_written() -> None:
    index = _index()
    index.add("Ownership", Target("companies/quorvex/values.md", "ownership", "Ownership", "quorvex", "value"))
    linker = PageLinker(index, HERE, "quorvex", "Interview process")
    linked = linker.link("Ownership counts; ownership of tasks is shared.")
    assert _links(linked) == [("Ownership", "values.md#ownership")]


def test_the_definition_itself_is_not_linked() -> None:
    linker = PageLinker(_index(), VALUE.uri, "quorvex", "Values", Kind.VALUES)
    sections = linker.sections(
        [Heading(1, "Keep it simple"), Paragraph(2, "Keep it simple means fewer parts.")], ["keep-it-simple"]
    )
    assert "](" not in join_sections(sections, {})


def test_seed_text_never_becomes_markup() -> None:
    # Escaped seed punctuation stays escaped around and inside a link; a crafted "link" is not one.
    markdown, _ = _linked(Paragraph(1, "[Keep it simple](javascript:alert(1)) <b>Product Manager</b>"))
    assert "<b>" not in markdown and "&#91;" in markdown
    assert _links(markdown) == [("Keep it simple", "values.md#keep-it-simple"), ("Product Manager", "roles/product-manager.md")]


def test_list_items_are_linked_one_by_one_within_the_section() -> None:
    markdown, _ = _linked(ListBlock(1, ["A Product Manager leads", "Keep it simple wins", "Product Manager again"]))
    assert [label for label, _ in _links(markdown)] == ["Product Manager", "Keep it simple"]


def test_a_table_s_header_row_is_not_linked_but_its_cells_are() -> None:
    markdown, _ = _linked(Table(1, [["Keep it simple", "Notes"], ["Product Manager", "Keep it simple"]]))
    header, rule, row = markdown.strip().split("\n")
    assert "](" not in header
    assert _links(row) == [("Product Manager", "roles/product-manager.md"), ("Keep it simple", "values.md#keep-it-simple")]


def test_a_company_s_own_levels_are_read_from_its_level_mapping() -> None:
    mapping = "Halvern Works L2 (Software Engineer) = Quorvex E3 = Halvern Works Staff Engineer = Globex IC2"
    assert own_levels(mapping, "Halvern Works") == ["L2", "Staff Engineer"]
    assert own_levels(mapping, "Quorvex") == ["E3"]
    assert own_levels(mapping, "Initech") == []


def test_the_term_index_is_built_from_the_corpus(tmp_path: Path) -> None:
    (tmp_path / "quorvex").mkdir()
    (tmp_path / "quorvex" / "values.md").write_text(
        "---\nkind: values\n---\n# Our values\n\n## Common questions\n\nAsk us.\n\n## Keep it simple\n\nFewer parts.\n",
        encoding="utf-8",
    )
    history = (
        "---\nkind: history\n---\n# History\n\n## Early years\n\nQuorvex began in a garage in 2004.\n\n"
        "## The Brightline bet (2019)\n\nQuorvex bought Brightline in 2019. Brightline made sensors, and Brightline "
        "still does. The AI team grew.\n\n## The AI era\n\nAI came later.\n"
    )
    (tmp_path / "quorvex" / "history.md").write_text(history, encoding="utf-8")
    site = build_site(tmp_path)
    (company,) = site.companies
    outlines = {
        p.src_uri: Outline(
            p.headings, page_anchors(p.title, p.headings), proper_names(history) if p.classification.kind is Kind.HISTORY else {}
        )
        for p in company.pages
    }
    index = build_index(site.companies, outlines)
    value = index.lookup(["Keep", "it", "simple"], company.slug)
    assert value is not None and value.what == "value" and value.anchor == "keep-it-simple"
    section = index.lookup(["Brightline"], company.slug)
    assert section is not None and section.anchor == "the-brightline-bet-2019"
    # Headings that organise a page, eras without a name, and short capitals every history has are no terms.
    for words in (["Common", "questions"], ["Early", "years"], ["AI"]):
        assert index.lookup(words, company.slug) is None, words
    # A value holds within its company only; the company's name holds everywhere.
    assert index.lookup(["Keep", "it", "simple"], "another-company") is None
    assert index.lookup(["Quorvex"], "another-company") is not None
