"""Run the stages in order: discover, read, classify, structure, arrange, render.

Everything is read before anything is rendered, because a page links to pages
made from other seeds.
"""

from __future__ import annotations

import gc
import hashlib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from markupsafe import Markup

from . import forked
from .anchors import page_anchors
from .blocks import Figures, Heading, to_markdown
from .completeness import SECTIONS, completeness
from .discover import discover
from .frontmatter import original_url, tags, text_value
from .layout import UNSORTED, arrange
from .link import Mention, Outline, PageLinker, TermIndex, build_index
from .link.backlinks import Group, by_target, groups, section_notes
from .link.elsewhere import Elsewhere, by_kind, compare_uri, elsewhere
from .link.linker import join_sections
from .model import Classification, Company, GeneratedPage, Kind, PayData, SeedPage, Strength
from .pay.body import disagreements, find_table, stock_period
from .pay.render import build_date
from .pay_pages import HubFinder, compare_pages, occupation, pay_headings, pay_section, pay_summary, role_compare_uri
from .problems import Problem, Problems, Severity
from .read import Source, read_seed
from .render import render
from .sections import page_topics
from .seed_cache import SeedCache, reuse_many
from .structure import Recovered, recover, visible_text
from .structured_data import faq_page, faq_questions, organization
from .summary import freshness, holdings, latest_date, overview, summarise
from .topic_pages import topic_entries, topic_uri, topics_section
from .topics import TOPICS, Topic
from .understand import classify, reconcile_companies
from .understand.company import load_frequencies, proper_names


@dataclass
class Site:
    """Everything one run of the pipeline produced."""

    pages: list[GeneratedPage]
    companies: list[Company]
    seeds: list[SeedPage]
    problems: Problems
    nav: list[Any] = field(default_factory=list)


@dataclass(frozen=True)
class _Parsed:
    """What one seed's bytes gave: cached by content hash so that rebuilds skip unchanged seeds."""

    page: SeedPage | None
    source: Source | None
    recovered: Recovered | None
    problems: tuple[Problem, ...]


_CACHE: dict[tuple[str, str], _Parsed] = {}
_LINKED: dict[tuple[str, ...], tuple[list[tuple[str | None, list[str]]], list[Mention]]] = {}
"""Each page's linked sections and mentions from the last build, by everything they depend on: the term index
(its fingerprint), the seed's bytes, and the page's place. A rebuild after a one-seed edit that leaves the index
as it was links that seed's page only."""


def _fallback_title(recovered: Recovered, company: str, classification: Classification) -> str:
    """A title for a seed without one: company and kind, or for a document of no kind its first heading or words."""
    if classification.kind is not Kind.OTHER:
        return " · ".join(filter(None, [company, classification.kind.label, classification.role]))
    if recovered.headings:
        return recovered.headings[0].text
    words = summarise(recovered, "").split()
    return " ".join(words[:8]) + ("…" if len(words) > 8 else "") if words else f"{company} · Document"


NAV_COMPANIES = 40
"""Companies the navigation lists one by one; a larger site lists the companies index instead."""

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdx", ".erb")
"""Seeds whose file name ends so are read as Markdown, whatever their body looks like."""
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
"""Seeds whose file name ends so are saved web pages."""


def _parse(data: bytes, path: str) -> _Parsed:
    # markdown-it-py is imported here, not with this module: a build of seeds all parsed before never needs it.
    from .markdown.html_blocks import is_html_document

    problems = Problems()
    source = read_seed(data, path, problems)
    if source is None:
        return _Parsed(None, None, None, tuple(problems.items))
    folder = path.split("/")[0] if "/" in path else None
    front = source.front_matter
    page_url = original_url(front)
    html = path.lower().endswith(HTML_SUFFIXES) or is_html_document(source.body)
    recovered = recover(
        source.body,
        source.body_line,
        markdown=path.lower().endswith(MARKDOWN_SUFFIXES),
        html=html,
        base_url=page_url,
        front_title=text_value(front, "title"),
    )
    for line, message in recovered.notices:
        problems.add(path, line, message, Severity.NOTICE)
    # A saved web page is understood from the words it shows, not from its markup.
    text = visible_text(recovered) if html else source.body
    first_heading = recovered.headings[0].text if recovered.headings and not recovered.title else None
    title = " · ".join(filter(None, [recovered.document_title, recovered.title, first_heading]))
    classification = classify(text, front, folder, title=title, page_url=page_url)
    pay = _pay(source, problems) if "compensation" in front else None
    page = SeedPage(
        path=path,
        classification=classification,
        # An untitled seed's title names its company, known only once the whole corpus is read.
        title=recovered.title or "",
        markdown=to_markdown(recovered.blocks),
        summary=text_value(front, "description") or summarise(recovered, text) or pay_summary(pay),
        headings=[h.text for h in recovered.headings],
        topics=page_topics(recovered, recovered.title or first_heading or "", tags(front)),
        pay=pay,
        names=dict(proper_names(source.body)) if classification.kind is Kind.HISTORY else {},
        updated=freshness(source),
    )
    return _Parsed(page, source, recovered, tuple(problems.items))


def _pay(source: Source, problems: Problems) -> PayData | None:
    """A compensation seed's data, checked, with how its text counts stock and where its text disagrees."""
    from .pay.schema import read_pay  # pydantic: not needed by a build of seeds all parsed before

    pay = read_pay(source.front_matter, source.path, source.field_lines, problems)
    if pay is None:
        return None
    table = find_table(source.body, source.body_line)
    found = disagreements(table, pay.rows)
    for d in found:
        message = f"{d.region}, {d.figure}: the text says {d.text}, the front matter's data otherwise; the page shows both"
        problems.add(source.path, d.line, message, Severity.NOTICE)
    return replace(pay, stock_period=pay.stock_period or stock_period(table), disagreements=found)


def read_corpus(seeds_dir: Path, problems: Problems, cache: SeedCache | None = None) -> list[tuple[SeedPage, Source, Recovered]]:
    """Read and understand every seed; the unusable ones leave only problems.

    Seeds parsed by this process's last build, or found in ``cache``, are not parsed again.
    """
    global _CACHE
    found: list[tuple[tuple[str, str], bytes]] = []
    for file in discover(seeds_dir, problems):
        path = file.relative_to(seeds_dir).as_posix()
        try:
            data = file.read_bytes()
        except OSError as exc:
            problems.add(path, None, f"could not be read: {exc.strerror}", Severity.ERROR)
            continue
        found.append(((path, hashlib.sha256(data).hexdigest()), data))
    keys = [key for key, _ in found]

    def parse(missing: list[int]) -> list[_Parsed]:
        load_frequencies()  # needed by every child, and by this process after
        front_matter = [_opens_with_front_matter(data) for _, data in found]
        return forked.each(_parse_stored, (found, cache), missing, PARALLEL_FROM, front_matter.__getitem__)

    done = reuse_many(cache, [(key, _CACHE.get(key)) for key in keys], parse, _Parsed, stores_itself=True)
    kept = dict(zip(keys, done, strict=True))
    parsed = []
    for key, _ in found:
        result = kept[key]
        problems.items.extend(result.problems)
        if result.page is not None and result.source is not None and result.recovered is not None:
            parsed.append((replace(result.page, digest=key[1]), result.source, result.recovered))
    _CACHE = kept  # the seeds of this build only: a long `mkdocs serve` session does not pile up old versions
    return parsed


def _opens_with_front_matter(data: bytes) -> bool:
    """Whether a seed's bytes likely open with front matter, whose check needs pydantic (0.05 s to import and set up,
    in each process that reads such a seed): the seeds that one child reads together."""
    return data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"---")


PARALLEL_FROM = 48
"""Unparsed seeds from which parsing is shared among the machine's cores (a first build of a large corpus)."""


def _parse_stored(job: tuple[list[tuple[tuple[str, str], bytes]], SeedCache | None], at: int) -> _Parsed:
    """Parse the seed at ``at`` of the (path, hash) and bytes of ``job``, and store it in its cache, in the process
    that parsed it.

    Rebuilds under ``mkdocs serve`` parse only the edited seeds, in this process (:func:`dossier.forked.can_fork`).
    """
    found, cache = job
    key, data = found[at]
    result = _parse(data, key[0])
    if cache is not None:
        cache.put(key, result)
    return result


def _note_moderate(problems: Problems, path: str, c: Classification) -> None:
    """Notices for decisions taken on evidence that holds but could be stronger, with the remedy."""
    if c.company and c.company_from_text and c.company_strength is Strength.MODERATE:
        remedy = "add 'company:' front matter to be sure"
        problems.add(path, None, f"company {c.company!r} decided on moderate evidence: {remedy}", Severity.NOTICE)
    if c.kind_strength is Strength.MODERATE:
        remedy = "add 'kind:' front matter to be sure"
        problems.add(path, None, f"kind {c.kind.value!r} decided on moderate evidence: {remedy}", Severity.NOTICE)


def _html_title(page: SeedPage, company: Company) -> str:
    kind = page.classification.kind
    parts = [company.name, page.title] if kind is Kind.OTHER else [company.name, kind.label, page.classification.role]
    return " · ".join(p for p in parts if p)


def _facets(page: SeedPage, company: Company) -> dict[str, list[str]]:
    """What search can narrow a seed's page by."""
    names = {t.slug: t.name for t in TOPICS}
    facets = {"company": [company.name], "kind": [page.classification.kind.label]}
    if page.classification.role:
        facets["role"] = [page.classification.role]
    topics = list(dict.fromkeys(names[t.topic] for t in page.topics if t.topic in names))
    if topics:
        facets["topic"] = topics
    return facets


def _on_topics(page: SeedPage) -> list[Topic]:
    """The topics a page is on, in the vocabulary's order."""
    on = {t.topic for t in page.topics}
    return [t for t in TOPICS if t.slug in on]


def _pay_compare(company: Company) -> list[tuple[str, str]]:
    """The pay compare pages of the roles a company's pay data covers: (role, source URI)."""
    roles = dict.fromkeys(p.classification.role or "Unspecified role" for p in company.pages if p.pay and p.pay.rows)
    return [(role, role_compare_uri(role)) for role in roles]


def _untitled_text(recovered: Recovered) -> bool:
    """Whether a seed's text opens with words rather than a heading."""
    return bool(recovered.blocks) and not isinstance(recovered.blocks[0], Heading)


def _outlines(companies: list[Company], recovered: dict[str, Recovered], sources: dict[str, Source]) -> dict[str, Outline]:
    """Each page's headings and their anchors, by source URI; a history's names too, for those it tells of."""
    outlines = {}
    for company in companies:
        for page in company.pages:
            heads = [h.text for h in recovered[page.path].headings]
            lead = pay_headings(page.pay, _untitled_text(recovered[page.path]))  # the data's sections come first
            mapping = sources[page.path].front_matter.get("level_mapping")
            raw = mapping.get("raw") if isinstance(mapping, dict) else mapping
            anchors = page_anchors(page.title, lead + heads)[len(lead) :]
            outlines[page.src_uri] = Outline(heads, anchors, page.names, raw if isinstance(raw, str) else "")
    return outlines


def _link(
    companies: list[Company],
    recovered: dict[str, Recovered],
    outlines: dict[str, Outline],
    topics: dict[Topic, str],
    cache: SeedCache | None,
) -> dict[str, list[Mention]]:
    """Link every page's mentions (rewriting its Markdown) and return the mentions by the page they point to.

    A page linked by this process's last build, or found in ``cache``, with the same term index is not linked again.
    """
    global _LINKED
    index = build_index(companies, outlines, topics)
    version = index.fingerprint()
    pages = [(page, company) for company in companies for page in company.pages]
    keys = []
    for page, company in pages:
        kind = page.classification.kind.value
        anchors = outlines[page.src_uri].anchors
        keys.append(("linked", version, page.digest, page.src_uri, company.slug, page.label, kind, *anchors))

    def link(missing: list[int]) -> list[_Linked]:
        return forked.each(_link_page, (index, pages, recovered, outlines, keys, cache), missing, PARALLEL_FROM)

    done = reuse_many(cache, [(key, _LINKED.get(key)) for key in keys], link, tuple, stores_itself=True)
    kept = dict(zip(keys, done, strict=True))
    linked = {page.src_uri: sections for (page, _), (sections, _) in zip(pages, done, strict=True)}
    found = [mention for _, mentions in done for mention in mentions]
    _LINKED = kept
    mentions = by_target(found)
    names = {c.slug: c.name for c in companies}
    for company in companies:
        for page in company.pages:
            notes = section_notes(mentions.get(page.src_uri, []), page.src_uri, names)
            page.markdown = join_sections(linked[page.src_uri], notes)
    return mentions


_Linked = tuple[list[tuple[str | None, list[str]]], list[Mention]]
_LinkJob = tuple[
    TermIndex, list[tuple[SeedPage, Company]], dict[str, Recovered], dict[str, Outline], list[tuple[str, ...]], SeedCache | None
]
"""What :func:`_link_page` links: the term index, the pages, their blocks and outlines, each page's cache key, and the
cache it stores them in."""


def _link_page(job: _LinkJob, at: int) -> _Linked:
    """The page at ``at``: its sections with their mentions linked, and those mentions; stored in the cache by the
    process that linked it."""
    index, pages, recovered, outlines, keys, cache = job
    page, company = pages[at]
    linker = PageLinker(index, page.src_uri, company.slug, page.label, page.classification.kind)
    linked = linker.sections(recovered[page.path].blocks, outlines[page.src_uri].anchors), linker.mentions
    if cache is not None:
        cache.put(keys[at], linked)
    return linked


def build_site(seeds_dir: Path, site_name: str = "Dossier", cache_dir: Path | None = None) -> Site:
    """Read every seed under ``seeds_dir`` and return the site's pages, navigation and problems.

    With ``cache_dir``, parsed seeds are kept there for the next build (:mod:`dossier.seed_cache`).
    """
    problems = Problems()
    cache = SeedCache(cache_dir) if cache_dir else None
    parsed = read_corpus(seeds_dir, problems, cache)
    # Linking and rendering make many small objects and few cycles: without the cycle collector, which would walk
    # every object of the corpus again and again, they take a quarter less time (3,676 seeds: 2.2 s, 1.6 s).
    collecting = gc.isenabled()
    gc.disable()
    try:
        site = _build(parsed, problems, site_name, cache)
    finally:
        if collecting:
            gc.enable()
    if cache:
        cache.prune()
    return site


def _build(parsed: list[tuple[SeedPage, Source, Recovered]], problems: Problems, site_name: str, cache: SeedCache | None) -> Site:
    sources = {page.path: source for page, source, _ in parsed}
    recovered = {page.path: rec for page, _, rec in parsed}
    seeds = [page for page, _, _ in parsed]
    settled = reconcile_companies([p.classification for p in seeds], [sources[p.path].body for p in seeds])
    for page, classification in zip(seeds, settled, strict=True):
        page.classification = classification
        if not page.title:
            page.untitled = True
            page.title = _fallback_title(recovered[page.path], classification.company or UNSORTED, classification)
        _note_moderate(problems, page.path, classification)
        if not classification.company:
            best = classification.candidates[0][0] if classification.candidates else None
            guess = f" (the best guess, {best!r}, is too weak)" if best else ""
            problems.add(
                page.path,
                None,
                f"company not recognised with confidence{guess}, filed under {UNSORTED!r}: add 'company:' front matter "
                "or move the seed to seeds/<company>/",
                Severity.WARNING,
            )
    companies = arrange(seeds)
    outlines = _outlines(companies, recovered, sources)
    on_topics = topic_entries(companies, outlines)
    mentions = _link(companies, recovered, outlines, {t: topic_uri(t.slug) for t in TOPICS if t.slug in on_topics}, cache)
    names = {c.slug: c.name for c in companies}
    hubs = HubFinder(companies)
    today = build_date()
    kinds = by_kind(companies)
    pay_pages, pay_nav = compare_pages(companies, hubs)
    others = {p.src_uri: elsewhere(p.classification.kind, c, kinds, p.classification.role) for c in companies for p in c.pages}
    dates = {page.path: page.updated for page in seeds}
    contents = {c.slug: holdings(c) for c in companies}
    latest = {c.slug: latest_date([dates[p.path] for p in c.pages]) for c in companies}
    complete = {c.slug: completeness(c) for c in companies}

    listed = ", ".join(c.name for c in companies)
    global _PAGES
    rendered: dict[tuple[Any, ...], str] = {}
    pages: list[GeneratedPage] = [
        GeneratedPage(
            "index.md",
            "Home",
            site_name,
            render(
                "home.md.j2",
                here="index.md",
                site_name=site_name,
                companies=companies,
                holdings=contents,
                topics=[t for t in TOPICS if t.slug in on_topics],
                topic_uri=topic_uri,
                compare=bool(kinds.companies or pay_pages),
            ),
            description=f"Company dossiers: how they interview, what they value and pay, and their history. {listed}"[:300],
            searched=False,
        ),
        GeneratedPage(
            "companies/index.md",
            "All companies",
            "Companies",
            render(
                "companies.md.j2",
                here="companies/index.md",
                companies=companies,
                holdings=contents,
                latest=latest,
                completeness=complete,
                sections=SECTIONS,
            ),
            description=f"Every company in the guide: {listed}"[:300],
            searched=False,
        ),
    ]
    nav: list[Any] = [{"Home": "index.md"}]
    company_nav: list[Any] = ["companies/index.md"]
    for company in companies:
        lead, lead_page = overview(company, recovered)
        figures = next((b for p in company.pages for b in recovered[p.path].blocks if isinstance(b, Figures)), None)
        pages.append(
            GeneratedPage(
                company.hub_uri,
                company.name,
                f"{company.name} · Company profile",
                render(
                    "hub.md.j2",
                    here=company.hub_uri,
                    company=company,
                    overview=lead,
                    overview_page=lead_page,
                    figures=Markup(figures.markdown()) if figures else "",
                    freshness=dates,
                    mentioned=groups(mentions.get(company.hub_uri, []), names),
                    elsewhere=others,
                    complete=complete[company.slug],
                    pay_compare=_pay_compare(company),
                ),
                description=lead or f"{company.name}: {contents[company.slug]}",
                structured_data=organization(company.name, lead),
                facets={"company": [company.name], "kind": ["Company profile"]},
            )
        )
        entries: list[Any] = [company.hub_uri]
        for page in company.pages:
            faq = faq_questions(recovered[page.path].blocks)
            compare = role_compare_uri(page.classification.role or "Unspecified role") if page.pay and page.pay.rows else None
            pay = pay_section(page, hubs, today, compare, _untitled_text(recovered[page.path])) if page.pay else ""
            pages.append(
                GeneratedPage(
                    page.src_uri,
                    page.label,
                    _html_title(page, company),
                    _page_markdown(
                        page, company, pay, groups(mentions.get(page.src_uri, []), names), others[page.src_uri], rendered
                    ),
                    description=page.summary,
                    structured_data=occupation(page, company) or (faq_page(faq) if faq else None),
                    facets=_facets(page, company),
                )
            )
            entries.append({page.label: page.src_uri})
        company_nav.append({company.name: entries})
    # Every page renders its section's entries, so a navigation of every company grows with the square of the
    # site; past a few dozen companies, the companies index (linked from every page) leads to each dossier.
    nav.append({"Companies": company_nav if len(companies) <= NAV_COMPANIES else ["companies/index.md"]})
    if kinds.companies or pay_pages:
        compare_nav: list[Any] = ["compare/index.md"]
        pages.append(
            GeneratedPage(
                "compare/index.md",
                "Compare",
                "Compare companies",
                render(
                    "compare_index.md.j2", here="compare/index.md", kinds=kinds.companies, uri=compare_uri, pay_pages=pay_pages
                ),
                description="The same section side by side across companies.",
                searched=False,
            )
        )
        for kind, having in kinds.companies.items():
            uri = compare_uri(kind)
            title = f"{kind.label} across companies"
            markdown = render("compare.md.j2", here=uri, kind=kind, companies=having)
            pages.append(
                GeneratedPage(
                    uri,
                    kind.label,
                    title,
                    markdown,
                    description=f"{title}: {', '.join(c.name for c in having)}"[:300],
                    searched=False,
                )
            )
            compare_nav.append({kind.label: uri})
        pages += pay_pages
        compare_nav += pay_nav
        nav.append({"Compare": compare_nav})
    topic_pages, topic_nav = topics_section(on_topics, cache)
    pages += topic_pages
    if topic_nav:
        nav.append({"Topics": topic_nav})
    _PAGES = rendered
    return Site(pages=pages, companies=companies, seeds=seeds, problems=problems, nav=nav)


_PAGES: dict[tuple[Any, ...], str] = {}
"""Each seed page's Markdown from this process's last build, by everything it shows: a rebuild after a one-seed
edit (`mkdocs serve`) renders again only the pages whose text, links, mentions or neighbours that edit changed."""


def _page_markdown(
    page: SeedPage,
    company: Company,
    pay: str,
    mentioned: list[Group],
    elsewhere: Elsewhere | None,
    rendered: dict[tuple[Any, ...], str],
) -> str:
    """A seed page's Markdown (page.md.j2); ``rendered`` keeps it for the next build.

    The key is everything the template shows: a value page.md.j2 or its includes come to show must join it, or a
    rebuild would keep the page as it was."""
    topics = _on_topics(page)
    shown = (
        page.src_uri,
        page.path,
        page.title,
        page.classification.kind,
        page.classification.role,
        page.markdown,
        pay,
        company.name,
        company.hub_uri,
        tuple((sibling.label, sibling.src_uri) for sibling in company.pages),
        tuple((group.company, tuple(group.mentions)) for group in mentioned),
        (elsewhere.kind, elsewhere.compare_uri, elsewhere.companies, tuple((n, p.src_uri) for n, p in elsewhere.others))
        if elsewhere
        else None,
        tuple(topic.slug for topic in topics),
    )
    markdown = _PAGES.get(shown)
    if markdown is None:
        markdown = render(
            "page.md.j2",
            here=page.src_uri,
            page=page,
            company=company,
            body=Markup(page.markdown),
            pay=pay,
            mentioned=mentioned,
            elsewhere=elsewhere,
            topics=topics,
            topic_uri=topic_uri,
        )
    rendered[shown] = markdown
    return markdown
