"""Topics: the vocabulary, and the topics found in a section from its heading, its text and the page's tags."""

from __future__ import annotations

import re
import time

import pytest
from dossier.blocks import RawMarkdown, block_text
from dossier.sections import page_topics
from dossier.structure import recover
from dossier.topics import (
    _END,
    _POSSESSIVE,
    _SEP_CHAR,
    _START,
    MIN_MENTIONS,
    TOPICS,
    WORDS_PER_MENTION,
    Topic,
    _compiled,
    _lower,
    terms,
    topics_of,
)
from hypothesis import given, settings
from hypothesis import strategies as st

BY_SLUG = {topic.slug: topic for topic in TOPICS}

# One realistic section per topic, about invented companies, its heading left out: the text alone must say it.
SECTIONS = {
    "recruiting": (
        "Most Quorvex hires still come through an employee referral, and the referral bonus is paid after ninety days. "
        "The recruiter who owns the role replies within a week of your job application. Job postings go up on the "
        "careers page before any job board, and two sourcers message people directly."
    ),
    "interview-process": (
        "The Quorvex loop has four stages. A recruiter screen of thirty minutes comes first, then a technical screen "
        "with an engineer, then the onsite: four interviews of an hour each, usually on one day. The hiring committee "
        "reads the interviewers' notes the following week, and a decision takes about ten days."
    ),
    "coding-interview": (
        "Expect two coding rounds. The first is live coding in a shared editor, a medium-sized problem on arrays or "
        "graphs, where the interviewer cares more about how you test than about the best algorithm. The second is a "
        "take-home assignment of about three hours, reviewed with you afterwards in a pair programming session."
    ),
    "system-design": (
        "Senior candidates get a system design round of sixty minutes. Past prompts include a rate limiter and a "
        "notification service for ten million users. Interviewers push on scalability: sharding, caching and what "
        "happens when a region fails. Draw the distributed system first; a back-of-the-envelope estimate is expected."
    ),
    "behavioral-interview": (
        "The behavioral interview is run by a manager from another team. Questions are of the tell me about a time "
        "kind: a conflict with a colleague, a project that failed, a decision made without enough data. Answers "
        "shaped by the STAR method work well."
    ),
    "compensation": (
        "Base salary for a senior engineer in Lisbon ranged from €78,000 to €92,000 in 2024, with a bonus target of "
        "10%. Quorvex publishes pay bands internally, so the salary range on the offer letter is rarely a surprise; "
        "total compensation is mostly cash at this level."
    ),
    "negotiation": (
        "Quorvex does negotiate, but only on base and the signing bonus. Recruiters answer a competing offer in "
        "writing; without one, the first number rarely moves. Candidates who negotiated well asked for a level "
        "review before they talked about money."
    ),
    "equity": (
        "New hires receive RSUs that vest over four years with a one-year cliff, then quarterly. Refresher grants "
        "come with the annual review. Early employees hold stock options with a strike price set by the last 409A."
    ),
    "benefits": (
        "Benefits include private health insurance for the whole family, dental cover, 25 days of paid time off and "
        "sixteen weeks of parental leave. There is a monthly wellness stipend of €50 and a pension contribution of 5%."
    ),
    "career-levels": (
        "There are seven levels, from L1 to L7. The career ladder describes each level by its scope: L4 owns "
        "features, L5 owns a system, staff engineers own a problem across teams. A promotion to L5 needs a written "
        "case from your manager and two peers."
    ),
    "performance-reviews": (
        "Performance reviews happen twice a year. Each review cycle starts with a self-assessment and peer feedback "
        "from three colleagues, followed by a calibration meeting where managers compare ratings across teams. "
        "Between cycles, weekly one-on-ones are where most feedback is given."
    ),
    "onboarding": (
        "Onboarding lasts two weeks. Every new hire gets a buddy from another team and a starter project that ships "
        "in the first week. By the end of the first 30 days you are expected to have merged code."
    ),
    "learning-development": (
        "Every employee has a learning budget of €1,500 a year for books, courses and one conference. Quorvex runs "
        "a mentorship programme that pairs juniors with a mentor outside their reporting line, and it pays for "
        "coaching for new managers."
    ),
    "day-in-the-life": (
        "A typical day for a support engineer starts at 9:00 with a stand-up. The morning goes to tickets escalated "
        "overnight; lunch is usually with the team in the canteen. The afternoon is for deeper investigations."
    ),
    "engineering": (
        "The tech stack is Go on the back end and TypeScript on the front end, in a monorepo of two million lines. "
        "Every pull request needs one code review, and continuous integration runs the full test suite in under ten "
        "minutes. Teams deploy several times a day."
    ),
    "product-management": (
        "Product managers at Quorvex own a roadmap for one area and write a one-page brief for every feature. "
        "Discovery comes first: each product manager runs user interviews every week and shares the notes. "
        "Prioritization happens once a quarter."
    ),
    "incidents-on-call": (
        "Engineers join the on-call rotation after three months, one week in six, with a pager and an allowance. "
        "Every incident above severity two gets a blameless postmortem within five working days, and outages are "
        "reviewed at the Friday meeting."
    ),
    "remote-work": (
        "Quorvex has been remote-first since 2020. About half the staff work fully remote; the rest come to the "
        "Lisbon office two days a week. Meetings are kept to the overlap of time zones, and the company pays for a "
        "home office setup."
    ),
    "values": (
        "Quorvex lists five values on its website, and they show up in hiring. The core values are customer "
        "outcomes, written communication, ownership, frugality and candour."
    ),
    "culture": (
        "The culture is quiet and written. Most decisions happen in documents rather than meetings, people rarely "
        "work late, and work-life balance is taken seriously. Engineers describe the culture as kind but demanding."
    ),
    "leadership": (
        "The leadership team is small: a chief executive, a CTO and three vice presidents, who all hold open office "
        "hours. Engineering managers have at most eight direct reports. Leaders are judged on how many people they "
        "grow into new roles."
    ),
    "diversity-inclusion": (
        "Women are 34% of engineers, up from 21% in 2019. Quorvex publishes a diversity report every year and funds "
        "five employee resource groups. Job descriptions are checked for inclusive language."
    ),
    "customer-focus": (
        "Every engineer spends a day a quarter in customer support, answering tickets. Product reviews start with "
        "customer feedback, and each release is judged on customer satisfaction."
    ),
    "history": (
        "Quorvex was founded in 2011 by two former logistics analysts in Porto. The early days went into "
        "route-planning software for a single supermarket chain. Its history turned in 2016, when the founders moved "
        "the company to Lisbon and opened the API to outside developers."
    ),
    "acquisitions": (
        "Quorvex has made three acquisitions. It acquired Pellum, a mapping start-up, in 2017 and the analytics firm "
        "Brightwater in 2021; that merger took a year to complete."
    ),
    "ipo-financials": (
        "Quorvex went public in 2019 at a valuation of €2.1 billion. Revenue grew 24% to €410 million last year, and "
        "the company reached profitability in 2022. The share price has roughly doubled since the IPO."
    ),
    "layoffs": (
        "In March 2023 Quorvex laid off 8% of its staff, mostly in sales. Severance was four months of salary. A "
        "second restructuring in 2024 merged the two platform groups, and there have been no layoffs since."
    ),
    "ai": (
        "Quorvex started using machine learning for demand forecasting in 2018. Since 2023 an AI team of twelve has "
        "built tools on large language models: an LLM drafts replies to support tickets."
    ),
}

JAPANESE_SECTIONS = {
    "compensation": ("報酬", "クオーヴェックスの年収はシニアエンジニアで900万円から1200万円。給与は月給制で、賞与は年2回。"),
    "interview-process": ("面接", "選考は書類選考、一次面接、技術面接、最終面接の順に進む。面接はすべてオンライン。"),
    "history": ("沿革", "2011年にポルトで創業。2016年にリスボンへ移転し、沿革の大きな節目となった。"),
    "remote-work": ("リモートワーク", "リモートワークが基本で、在宅勤務の手当が毎月出る。出社は月に一度だけ。"),
    "values": ("バリュー", "バリューは五つある。価値観が合うかは面接でも確かめられ、行動指針は全社員に配られる。"),
    "benefits": ("福利厚生", "福利厚生として健康保険、育休、年20日の有給がある。"),
}

NEUTRAL_HEADING = "What we found"


def slugs(found: list[tuple[Topic, str]]) -> list[str]:
    return [topic.slug for topic, _ in found]


def evidence(found: list[tuple[Topic, str]], slug: str) -> str:
    return dict((topic.slug, said) for topic, said in found)[slug]


# The vocabulary


def test_the_vocabulary_has_the_topics_the_guide_needs() -> None:
    needed = {
        "compensation", "negotiation", "equity", "interview-process", "coding-interview", "system-design",
        "behavioral-interview", "values", "leadership", "culture", "day-in-the-life", "product-management",
        "engineering", "incidents-on-call", "remote-work", "history", "acquisitions", "ipo-financials", "ai",
    }  # fmt: skip
    assert needed <= set(BY_SLUG)
    assert 25 <= len(TOPICS) <= 30


def test_slugs_are_unique_and_url_safe() -> None:
    assert len(BY_SLUG) == len(TOPICS)
    for topic in TOPICS:
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", topic.slug), topic.slug


def test_names_are_unique() -> None:
    assert len({topic.name.casefold() for topic in TOPICS}) == len(TOPICS)


@pytest.mark.parametrize("topic", TOPICS, ids=lambda t: t.slug)
def test_every_topic_has_a_one_sentence_description(topic: Topic) -> None:
    description = topic.description
    assert description[:1].isupper() and description.endswith("."), description
    assert ". " not in description and len(description) > 20, description


def test_topics_are_immutable() -> None:
    with pytest.raises(AttributeError):
        TOPICS[0].slug = "changed"  # type: ignore[misc]


# Evidence from the text


def test_every_topic_has_a_section_here() -> None:
    assert set(SECTIONS) == set(BY_SLUG)


@pytest.mark.parametrize("slug", SECTIONS)
def test_each_topic_is_found_in_a_section_about_it(slug: str) -> None:
    found = topics_of(NEUTRAL_HEADING, SECTIONS[slug])
    assert slug in slugs(found)
    assert evidence(found, slug).endswith(" in the text")


@pytest.mark.parametrize("slug", SECTIONS)
def test_the_company_name_changes_nothing(slug: str) -> None:
    text = SECTIONS[slug]
    assert slugs(topics_of("", text)) == slugs(topics_of("", text.replace("Quorvex", "Tindle Labs")))


def test_the_evidence_counts_the_terms() -> None:
    text = "Quorvex asks a system design question in round two. The system design round is 45 minutes; system design is hard."
    assert topics_of("", text) == [(BY_SLUG["system-design"], "'system design' ×3 in the text")]


def test_the_evidence_names_the_most_mentioned_terms_first() -> None:
    text = "RSUs vest quarterly. The vesting schedule is fine; RSU refreshers are rare; an RSU is taxed; ESPP and 409A too."
    said = evidence(topics_of("", text), "equity")
    assert said == "'RSU' ×3, 'vest' ×1, 'vesting schedule' ×1 and 2 other terms in the text"


def test_a_passing_mention_does_not_make_the_topic() -> None:
    history = (
        "Quorvex was founded in 2011 in Porto by two logistics analysts who had spent a decade planning delivery "
        "routes by hand. The first product was a route planner for a single supermarket chain, sold on a yearly "
        "licence. The company moved to Lisbon in 2016, opened its API to outside developers in 2017 and grew from "
        "forty to four hundred people in five years. Early staff were paid partly in stock options, a detail the "
        "founders mention when they tell the story. By 2020 the planner ran deliveries in eleven countries, and the "
        "founders had handed day-to-day running to a professional team while they stayed on the board."
    )
    found = slugs(topics_of("A short history", history))
    assert "history" in found
    assert "equity" not in found
    assert "day-in-the-life" not in found


def test_one_mention_is_not_enough_even_in_a_short_section() -> None:
    assert "equity" not in slugs(topics_of("", "Offers include RSUs."))
    assert "equity" in slugs(topics_of("", "Offers include RSUs. The RSUs vest monthly."))


@pytest.mark.parametrize(
    ("words", "on_topic"), [(MIN_MENTIONS * WORDS_PER_MENTION, True), (MIN_MENTIONS * WORDS_PER_MENTION + 1, False)]
)
def test_mentions_must_be_dense_enough(words: int, on_topic: bool) -> None:
    text = " ".join(["RSU", *["filler"] * (words - MIN_MENTIONS), "RSU"])
    assert len(text.split()) == words
    assert ("equity" in slugs(topics_of("", text))) is on_topic


def test_japanese_text_is_measured_by_its_characters() -> None:
    filler = "あ" * (2 * MIN_MENTIONS * WORDS_PER_MENTION)  # two characters a word: all the words two mentions allow
    assert "compensation" in slugs(topics_of("", f"年収と給与。{filler[:200]}"))
    assert "compensation" not in slugs(topics_of("", f"年収と給与。{filler}"))


# Evidence from the heading


@pytest.mark.parametrize("topic", TOPICS, ids=lambda t: t.slug)
def test_a_heading_alone_assigns_the_topic(topic: Topic) -> None:
    found = topics_of(topic.name, "")
    assert slugs(found) == [topic.slug]
    assert evidence(found, topic.slug).startswith("the heading says '")


def test_the_heading_evidence_names_each_term_once() -> None:
    found = topics_of("Layoffs, restructuring and more layoffs", "")
    assert found == [(BY_SLUG["layoffs"], "the heading says 'Layoffs' and 'restructuring'")]
    assert topics_of("IPO and financials", "") == [(BY_SLUG["ipo-financials"], "the heading says 'IPO' and 'financials'")]


@pytest.mark.parametrize(
    ("heading", "slug"),
    [
        ("Coding interview", "coding-interview"),
        ("What Quorvex pays: salaries in 2024", "compensation"),
        ("RSUs and refreshers", "equity"),
        ("How we hire", "interview-process"),
        ("A day in the life of a Quorvex SRE", "day-in-the-life"),
        ("Being on‑call", "incidents-on-call"),
        ("Our history", "history"),
        ("Core values", "values"),
        ("Quorvex's IPO", "ipo-financials"),
        ("AI at Quorvex", "ai"),
    ],
)
def test_the_heading_decides_even_above_a_long_text(heading: str, slug: str) -> None:
    text = "A long paragraph that says nothing in particular about the subject, " * 20
    found = topics_of(heading, text)
    assert slug in slugs(found)
    assert evidence(found, slug).startswith("the heading says '")


def test_the_heading_evidence_quotes_the_heading() -> None:
    assert topics_of("Coding interview", "") == [(BY_SLUG["coding-interview"], "the heading says 'Coding interview'")]
    assert evidence(topics_of("Quorvex's offer letter's fine print", ""), "compensation") == "the heading says 'offer letter's'"


def test_heading_text_and_tags_all_give_evidence() -> None:
    found = topics_of("Equity", "The RSUs vest monthly. RSU refreshers are rare.", tags=["RSU"])
    assert slugs(found) == ["equity"]
    assert evidence(found, "equity") == "the heading says 'Equity'; 'RSU' ×2 and 'vest' ×1 in the text; front matter tag 'RSU'"


# Forms of a term


@pytest.mark.parametrize(
    "heading", ["On-call", "On call", "On‑call", "On‐call", "On–call", "On—call", "Oncall", "ON-CALL", "on-\ncall"]
)
def test_hyphens_dashes_and_spaces_are_the_same_inside_a_term(heading: str) -> None:
    assert slugs(topics_of(heading, "")) == ["incidents-on-call"]


@pytest.mark.parametrize(
    "form", ["all-remote", "all remote", "all‑remote", "all‐remote", "All–Remote", "remote-first", "remote‑first"]
)
def test_remote_work_in_its_forms(form: str) -> None:
    assert "remote-work" in slugs(topics_of("", f"Quorvex is {form}. Being {form} shapes everything."))


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Quorvex grants RSUs. New RSUs come yearly.", "equity"),
        ("Quorvex's RSU's schedule is four years; the RSUs vest monthly.", "equity"),
        ("Salaries are public. Salaries rise in April.", "compensation"),
        ("The offer letter's deadline is a week; offer letters come by email.", "compensation"),
        ("Two acquisitions so far; the acquisition of Pellum was the larger.", "acquisitions"),
        ("LLMs draft replies, and the LLM's output is reviewed.", "ai"),
    ],
)
def test_plurals_and_possessives(text: str, slug: str) -> None:
    assert slug in slugs(topics_of("", text))


@pytest.mark.parametrize(
    "heading", ["Prehistory", "Overpayroll", "Reinterviewed", "Vestibules", "Equityholders", "Cultured pearls", "Leaderboard"]
)
def test_terms_are_whole_words(heading: str) -> None:
    assert topics_of(heading, "") == []


# Japanese


@pytest.mark.parametrize("slug", JAPANESE_SECTIONS)
def test_japanese_text(slug: str) -> None:
    _, text = JAPANESE_SECTIONS[slug]
    found = topics_of("", text)
    assert slug in slugs(found)
    assert evidence(found, slug).endswith(" in the text")


@pytest.mark.parametrize("slug", JAPANESE_SECTIONS)
def test_japanese_heading(slug: str) -> None:
    heading, _ = JAPANESE_SECTIONS[slug]
    assert topics_of(heading, "") == [(BY_SLUG[slug], f"the heading says '{heading}'")]


def test_japanese_terms_match_inside_longer_words() -> None:
    assert slugs(topics_of("在宅勤務制度について", "")) == ["remote-work"]
    assert slugs(topics_of("一次面接と最終面接", "")) == ["interview-process"]


def test_a_longer_japanese_term_wins() -> None:
    assert slugs(topics_of("コーディング面接", "")) == ["coding-interview"]
    assert slugs(topics_of("機械学習の活用", "")) == ["ai"]


# Front matter tags


def test_tags_by_slug_name_or_term_ignoring_case() -> None:
    found = topics_of("", "", tags=["Equity", "system-design", "DAY IN THE LIFE", "RSU", "報酬", "On Call", "ai"])
    assert slugs(found) == ["system-design", "compensation", "equity", "day-in-the-life", "incidents-on-call", "ai"]
    assert evidence(found, "equity") == "front matter tag 'Equity'"
    assert evidence(found, "system-design") == "front matter tag 'system-design'"
    assert evidence(found, "compensation") == "front matter tag '報酬'"
    tagged = topics_of("", "", tags=["IPO-FINANCIALS", "Incidents And On-Call", "Diversity & Inclusion"])
    assert slugs(tagged) == ["incidents-on-call", "diversity-inclusion", "ipo-financials"]


def test_a_tag_counts_even_when_the_text_does_not() -> None:
    assert slugs(topics_of("Notes", "Nothing here.", tags=["equity"])) == ["equity"]


def test_tags_that_name_no_topic_are_ignored() -> None:
    assert topics_of("", "", tags=["Lisbon", "stock", "2024", "equityish", "team"]) == []


def test_a_topic_tagged_twice_is_listed_once() -> None:
    assert topics_of("", "", tags=["equity", "Equity", "RSU"]) == [(BY_SLUG["equity"], "front matter tag 'equity'")]


# Ordinary words


@pytest.mark.parametrize(
    ("text", "not_slug"),
    [
        ("Bring your job history. The job history form asks for dates; job history gaps are fine.", "history"),
        ("We add value for customers. Every team should add value. Value is what we add.", "values"),
        ("Take-home pay is after tax. Take-home pay rose in 2024.", "coding-interview"),
        ("Diversity, equity and inclusion matter. Diversity, equity & inclusion is a team.", "equity"),
        ("Talent acquisition owns hiring. Talent acquisition is three people.", "acquisitions"),
        ("Please pay attention to the detail. Pay attention to the tests.", "compensation"),
        ("The remote control broke. The remote repository moved.", "remote-work"),
    ],
)
def test_ordinary_uses_of_a_term_do_not_count(text: str, not_slug: str) -> None:
    assert not_slug not in slugs(topics_of("", text))


def test_generic_words_name_no_topic() -> None:
    text = "The design team reviewed the process. Design matters, the process is slow, the team is small, and the work is good."
    assert topics_of("Design and process", text) == []


def test_ai_is_only_the_uppercase_word() -> None:
    text = "We maintain what we said we would; the maintainers said so in the daily email from Thailand. Andiamo ai musei, ai."
    assert topics_of("Said and maintained", text) == []
    assert topics_of("Ai", "") == []
    assert topics_of("EMAIL DETAILS: WHAT WE SAID, WHAT WE MAINTAIN, THAI FOOD IN DUBAI", "") == []
    assert slugs(topics_of("", "AI drafts the replies. AI-powered search ships in May.")) == ["ai"]
    assert slugs(topics_of("", "生成AIの活用が進む。AIの導入は2023年から。")) == ["ai"]
    assert slugs(topics_of("AI", "")) == ["ai"]


# The result


def test_topics_come_in_vocabulary_order_without_duplicates() -> None:
    text = " ".join(SECTIONS[slug] for slug in reversed(list(SECTIONS)))
    found = topics_of("AI, equity and the interview process", text, tags=["ai", "equity", "history"])
    order = [topic.slug for topic in TOPICS]
    assert slugs(found) == sorted(set(slugs(found)), key=order.index)
    assert {"ai", "equity", "interview-process", "history"} <= set(slugs(found))


def test_an_empty_section_has_no_topic() -> None:
    assert topics_of("", "") == []


def test_topics_of_compiles_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    compiled: list[object] = []
    original = re._compile  # type: ignore[attr-defined]

    def compile_(pattern: object, flags: object) -> object:  # every re function and re.compile go through here
        compiled.append(pattern)
        return original(pattern, flags)

    text = SECTIONS["equity"] + JAPANESE_SECTIONS["compensation"][1]
    with monkeypatch.context() as patch:
        patch.setattr(re, "_compile", compile_)
        found = topics_of("Job history", text, tags=["On call", "報酬", "D&I", "Equity"])
    assert compiled == []
    assert slugs(found) == ["compensation", "equity", "incidents-on-call", "diversity-inclusion"]


def test_thousands_of_sections_are_quick() -> None:
    sections = list(SECTIONS.values()) * 100  # 2,800 sections, about 110,000 words: a large site
    started = time.perf_counter()
    for text in sections:
        topics_of(NEUTRAL_HEADING, text)
    assert time.perf_counter() - started < 2.0  # about 0.1 s; a scan that tries every term at every character takes minutes


def test_a_section_line_keeps_the_characters_markdown_escapes() -> None:
    # Escaped seed text ("&#58;" for ":") is text, not a "#" mark to strip: no "experience& 58;" on a topic page.
    block = RawMarkdown(1, '1. **Audited migration experience&#58;** "I led the backfill of a ledger&#33;"')
    assert " ".join(block_text(block).split()) == '1. Audited migration experience: "I led the backfill of a ledger!"'


def test_a_section_line_has_no_table_rules() -> None:
    block = RawMarkdown(1, "| Region | Base |\n| --- | :---: |\n| Lisbon | €40K |")
    assert "-" not in block_text(block) and block_text(block).split() == ["Region", "Base", "Lisbon", "€40K"]


def test_a_topic_line_ends_with_its_paragraph() -> None:
    # A paragraph without a full stop is a sentence of its own: the pay table under it is not part of it.
    body = (
        "## Salary bands\n\nNegotiation starts from base pay and the salary band\n\n"
        "| Region | Base salary |\n| --- | --- |\n| Lisbon | €40K |\n"
    )
    (found,) = [t for t in page_topics(recover(body, 1, markdown=True), "Pay") if t.topic == "compensation"]
    assert found.line == "Negotiation starts from base pay and the salary band"


def test_a_section_line_has_no_bullets() -> None:
    # "What HR can't move: - Your step on the base-pay scale" on a topic page: the bullet is a mark, not a word.
    block = RawMarkdown(1, "- Your step on the pay scale\n  + nested, on-call pay\n-not a bullet")
    lines = [line.strip() for line in block_text(block).split("\n")]
    assert lines == ["Your step on the pay scale", "nested, on-call pay", "-not a bullet"]


_TERMS = sorted({term.lower() for topic in TOPICS for term in terms(topic)})
_SEPARATORS = ["", " ", "  ", "-", "\u2011", "\u2014", "\u00ad", "\n", " - "]
_WRITTEN_TERM = st.builds(
    lambda term, sep, ending: sep.join(re.split(r"[\s\-]+", term)) + ending,
    st.sampled_from(_TERMS),
    st.sampled_from(_SEPARATORS),
    st.sampled_from(["", "s", "es", "ies", "y", "'s", "’", "’s", "x", "é", "7"]),
)
_BETWEEN = st.sampled_from([" ", "\u2014", ", ", "\n", "x", "é", "7", "/", "("])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_WRITTEN_TERM, _BETWEEN), max_size=12))
def test_the_compiled_terms_find_what_each_term_written_whole_would(pieces: list[str]) -> None:
    # The pattern writes once what ends every term, and reads Unicode dashes as hyphens; written the plain way,
    # with the end of the word after each term and every dash in each space between words, it finds the same.
    vocabulary = _compiled()
    plain = re.compile(_START + vocabulary.english.pattern(_SEP_CHAR, _POSSESSIVE + _END))
    text = "".join(pieces)
    found = [(m.span(), m.lastgroup) for m in vocabulary.words.finditer(_lower(text))]
    assert found == [(m.span(), m.lastgroup) for m in plain.finditer(text.lower())]
