"""Each kind of evidence for a seed's company, kind and role, on texts about invented companies."""

from __future__ import annotations

from pathlib import Path

import pytest
from dossier.model import Kind, Strength
from dossier.pipeline import build_site
from dossier.problems import Problems
from dossier.read import read_seed
from dossier.understand import classify
from dossier.understand.company import guess_company


def _classify(text: str, folder: str | None = None) -> object:
    source = read_seed(text.encode("utf-8"), "seed.md", Problems())
    assert source is not None
    return classify(source.body, source.front_matter, folder)


FILLER = "The team meets on Mondays. Work is planned in the open. Everyone writes things down.\n"


# --- company --------------------------------------------------------------


@pytest.mark.parametrize("key", ["company", "company_name", "organization", "organisation"])
def test_front_matter_states_the_company(key: str) -> None:
    c = _classify(f"---\n{key}: Brightwater Labs\n---\n# Notes\n\n{FILLER}")
    assert c.company == "Brightwater Labs"
    assert c.company_strength is Strength.STATED
    assert any("(stated)" in e and key in e for e in c.evidence)


def test_links_to_its_site_name_the_company() -> None:
    text = (
        "# Working here\n\nFennick builds tools. Nordal is a client. Nordal likes the tools. Nordal pays on time.\n"
        "Fennick ships weekly. See [our careers](https://careers.fennick.io/open) and "
        "[the handbook](https://handbook.fennick.io/people).\n"
    )
    guess = guess_company(text, "Working here")
    assert guess.name == "Fennick"
    assert "links to its site" in guess.evidence


def test_a_code_host_credits_the_owner_of_the_path_not_itself() -> None:
    text = (
        "# Repositories\n\nCreate it on GitHub. GitHub Actions runs the checks. Ask GitHub support if stuck.\n"
        "Ask the Pellucid platform team first; Pellucid owns the templates.\n"
        + "".join(f"- [repo {n}](https://github.com/pellucid/repo-{n})\n" for n in range(4))
    )
    guess = guess_company(text, "Repositories")
    assert guess.name == "Pellucid"


def test_ordinary_words_and_phrases_are_never_companies() -> None:
    text = "# Total Rewards\n\n" + "Our Community matters. Leadership listens. Total Rewards are fair. People Ops helps.\n" * 4
    assert guess_company(text, "Total Rewards").name is None
    named = text + "Quorvex pays well. Quorvex is remote. Quorvex publishes its bands.\n"
    assert guess_company(named, "Total Rewards").name == "Quorvex"


def test_a_date_is_never_a_company() -> None:
    text = "# Changelog\n\n" + "Jan 2022: bands updated. Jan 2023: bands updated again. Mar 2024: new levels.\n" * 3
    assert guess_company(text, "Changelog").name is None


@pytest.mark.parametrize(
    ("sentence", "evidence"),
    [
        ("Everyone at Quorvex writes. Life at Quorvex is calm.", "'at Quorvex'"),
        ("Quorvex's handbook is public. Quorvex's bands are too.", "'Quorvex's'"),
        ("Quorvex Inc. was incorporated in Delaware.", "legal form"),
        ("Quorvex employees get a stipend. Quorvex staff get a laptop.", "employees/staff"),
    ],
)
def test_phrases_only_a_company_takes(sentence: str, evidence: str) -> None:
    # "Meridian" is named as often, but only as a neighbour.
    text = f"# Notes\n\nThe office is on a quiet street. Meridian sells coffee. Meridian bakes. {sentence} Quorvex grows.\n"
    guess = guess_company(text, "Notes")
    assert guess.name == "Quorvex"
    assert evidence in guess.evidence


def test_japanese_company_phrases() -> None:
    text = "# 福利厚生\n\n株式会社ミライテックの福利厚生を紹介します。ミライテックでは、リモートワークを推奨しています。\n"
    assert guess_company(text, "福利厚生").name == "ミライテック"
    latin = "# 評価制度\n\nKotobaでは、半期ごとに評価を行います。Kotobaの等級は五つです。Kotobaは成長を支援します。\n"
    assert guess_company(latin, "評価制度").name == "Kotoba"


def test_a_lowercase_brand_is_found_by_its_possessive() -> None:
    text = "# Pay\n\nbrindle's pay is set by level. At brindle we publish bands. brindle reviews them yearly.\n"
    assert guess_company(text, "Pay").name == "brindle"


def test_a_tool_the_text_is_about_is_not_a_company() -> None:
    text = (
        "# Tracking your time\n\nLog your hours in Timewell every Friday. Timewell sends a reminder. "
        "Corrections are made in Timewell by your supervisor. Export reports from Timewell. Timewell is simple.\n"
    )
    guess = guess_company(text, "Tracking your time")
    assert guess.strength is Strength.WEAK
    assert "used like a tool" in guess.evidence


def test_short_and_long_forms_are_one_company() -> None:
    text = "# About\n\nHarlow Freight moves grain. Harlow Freight was founded by two brothers. Harlow hires drivers.\n"
    guess = guess_company(text, "About")
    assert guess.name == "Harlow Freight"


def test_weak_evidence_files_the_seed_under_unsorted_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("# Lunch\n\nQuorvex caters on Fridays. Soup is hot. Bread is fresh.\n", encoding="utf-8")
    site = build_site(tmp_path)
    (page,) = site.seeds
    assert [c.name for c in site.companies] == ["Unsorted"]
    (problem,) = [p for p in site.problems.items if "Unsorted" in p.message]
    assert problem.path == "notes.md"
    assert "company:" in problem.message and "seeds/<company>/" in problem.message
    assert page.classification.company_strength is Strength.WEAK


def test_the_corpus_settles_a_weak_guess(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\ncompany: Quorvex\n---\n# Values\n\nBe kind. Be clear.\n", encoding="utf-8")
    weak = "# Visit\n\nWe visited Quorvex and Meridian. Quorvex showed the lab; Meridian showed the kitchen.\n"
    (tmp_path / "b.md").write_text(weak, encoding="utf-8")
    site = build_site(tmp_path)
    companies = {p.path: p.classification for p in site.seeds}
    assert companies["b.md"].company == "Quorvex"
    assert any("settled by other seeds" in e for e in companies["b.md"].evidence)
    assert not [p for p in site.problems.items if "Unsorted" in p.message]


# --- kind -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("# 沿革\n\n2012年 設立。\n2015年 東京に本社を移転。\n2019年 上場。\n2021年 海外に進出。\n", Kind.HISTORY),
        ("# バリュー\n\n私たちの行動指針は三つです。\n\n## 誠実であれ\n\n約束を守ります。\n", Kind.VALUES),
        ("# 選考プロセス\n\n書類選考のあと、一次面接と最終面接を行います。面接はオンラインです。\n", Kind.INTERVIEW),
        ("# 福利厚生\n\n各種手当、賞与、社会保険を用意しています。年収は等級で決まります。\n", Kind.COMPENSATION),
        (
            "# Benefits\n\nWe offer health insurance, a pension with matching, parental leave of 20 weeks, "
            "a learning stipend and 30 days of paid time off.\n",
            Kind.COMPENSATION,
        ),
        (
            "# Engineering ladder\n\n## L1\n\nLearns the stack.\n\n## L2\n\nShips features alone.\n\n"
            "## L3\n\nLeads projects. Promotion needs a sponsor.\n",
            Kind.LEVELS,
        ),
        (
            "# Our story\n\n- 2009: Founded in a garage.\n- 2013: First office.\n- 2018: Acquired a rival.\n"
            "- 2022: 500 people.\n",
            Kind.HISTORY,
        ),
        (
            "# How we hire\n\n## Step 1: Application\n\nSend your CV.\n\n## Step 2: Pairing interview\n\n"
            "Two hours with two engineers.\n\n## Step 3: Values interview\n\nA chat with a candidate's future manager.\n",
            Kind.INTERVIEW,
        ),
    ],
    ids=["ja-history", "ja-values", "ja-interview", "ja-compensation", "benefits", "levels", "timeline", "stages"],
)
def test_kind_from_words_and_shape(text: str, kind: Kind) -> None:
    assert _classify(text).kind is kind


def test_how_to_steps_are_not_an_interview() -> None:
    text = "# Creating a repository\n\n## Step 1 - Preparation\n\nPick a name.\n\n## Step 2 - Creation\n\nClick create.\n"
    assert _classify(text).kind is not Kind.INTERVIEW


# --- role -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("PM levels", "Product Manager"),
        ("Engineering career framework", "Engineering"),
        ("Design career progression framework", "Designer"),
        ("SRE ladder", "Site Reliability Engineer"),
        ("デザイナーのキャリアラダー", "Designer"),
        ("IC3 Software Engineer", "Software Engineer"),
    ],
)
def test_role_of_a_career_framework(title: str, role: str) -> None:
    c = _classify(
        f"# {title}\n\n## L1\n\nLearns.\n\n## L2\n\nLeads. Promotion needs evidence of scope.\n\n## L3\n\nSets direction.\n"
    )
    assert c.kind is Kind.LEVELS
    assert c.role == role


@pytest.mark.parametrize(
    ("title", "company"),
    [
        ("A day in the life of a Product Manager at Okapi Systems", "Okapi Systems"),
        ("A Day in the Life of a Site Reliability Engineer at Tern", "Tern"),
        ("A day in the life of a Data Analyst at Hollow Pine Bank", ""),
        ("A day in the life of a Product Designer at Quill & Co, 2026", "Quill & Co"),
    ],
)
def test_a_day_in_the_life_at_a_company_names_the_role_only(title: str, company: str) -> None:
    """The company a title names after the role ("... at Okapi Systems") is not part of the role, whether or not it
    is recognised as the company."""
    from dossier.understand.role import guess_role

    guess = guess_role(title, company)
    assert guess is not None
    assert guess.value == title.split(" of a ")[1].split(" at ")[0]


def test_a_moderate_guess_that_other_seeds_settle_is_strong(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\ncompany: Quorvex\n---\n# Values\n\nBe kind. Be clear.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text(
        "# Hiring\n\nQuorvex hires slowly. Quorvex pays fairly. Interviews are kind.\n", encoding="utf-8"
    )
    alone = build_site(tmp_path)
    b = next(p.classification for p in alone.seeds if p.path == "b.md")
    assert b.company == "Quorvex" and b.company_strength is Strength.STRONG
    assert any("other seeds of the corpus settle it too" in e for e in b.evidence)
    (tmp_path / "a.md").unlink()
    (only,) = build_site(tmp_path).seeds
    assert only.classification.company_strength is Strength.MODERATE
    assert any("moderate evidence" in p.message for p in build_site(tmp_path).problems.items)


def test_a_tool_is_no_rival_for_the_company_that_uses_it() -> None:
    # The tool is named more often, in the title and with a link: it would be a close rival if it counted as one.
    text = (
        "# Tracking your time in Timewell\n\nAll Quorvex employees log their hours in Timewell by Friday. Quorvex staff who "
        "forget are reminded. Corrections are made in Timewell. Reports come from Timewell, see "
        "[the guide](https://timewell.io/guide). Timewell is simple. Timewell exports CSV. Timewell runs in a browser.\n"
    )
    guess = guess_company(text, "Tracking your time in Timewell")
    assert guess.name == "Quorvex"
    assert guess.strength >= Strength.MODERATE


LEDE_PAGE = (
    "Small chores come up all the time, and someone has to pick them up.\n\n"
    "Here are the mechanisms Halvern Works has for this kind of work:\n\n"
    "| Resource | Helps with |\n| --- | --- |\n| Kestrel rotations | fixing Kestrel tools |\n\n"
    "## Help wanted channel\n\nHalvern Works staff ask for an hour of help in the channel.\n\n"
    "## Kestrel rotations\n\nBetween projects, Kestrel staff fix Kestrel tools and Kestrel processes. "
    "Kestrel supervisors take turns. Requests go to [the Kestrel repo](https://github.com/kestrel/rotations). "
    "Kestrel's guides are updated too.\n"
)


def test_the_lede_says_whose_page_it_is_even_when_the_body_names_a_part_more() -> None:
    guess = guess_company(LEDE_PAGE, "Maintenance support")
    assert guess.name == "Halvern Works"
    assert "the opening paragraph says the page is about it" in guess.evidence
    # Named less often than the part it describes, it ties at best: alone, that is not confident.
    assert guess.strength is Strength.WEAK
    assert [name for name, _ in guess.candidates[:2]] == ["Halvern Works", "Kestrel"]


def test_a_lede_owner_tied_with_a_part_is_settled_by_the_corpus(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\ncompany: Halvern Works\n---\n# Values\n\nBe kind.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("---\ncompany: Kestrel\n---\n# Values\n\nBe quick.\n", encoding="utf-8")
    (tmp_path / "c.md").write_text(LEDE_PAGE, encoding="utf-8")
    site = build_site(tmp_path)
    assert next(p.classification.company for p in site.seeds if p.path == "c.md") == "Halvern Works"


def test_a_lede_naming_two_owners_changes_nothing() -> None:
    text = LEDE_PAGE.replace("Halvern Works has", "Halvern Works has, like Kestrel has,")
    assert guess_company(text, "Maintenance support").name == "Kestrel"


def test_ordinary_words_are_those_of_wordfreqs_large_list() -> None:
    """Dossier asks wordfreq's small list (quick to load): at its threshold it answers as the large list does."""
    import re

    import wordfreq
    from dossier.understand.company import _NOT_NAMES, ORDINARY_ZIPF, ordinary

    assert ORDINARY_ZIPF >= 3.0  # the small list holds every word from Zipf 3 up
    words = [w for w, _ in zip(wordfreq.iter_wordlist("en", "large"), range(60_000), strict=False)]
    words += ["Community", "Total Rewards", "Quorvex", "brindle", "O'Neil", "R&D", "Saint-Laurent", "42N", "Zürich"]
    for word in words:
        parts = [p for p in re.split(r"[\s-]+", word.lower()) if p]
        large = all(p in _NOT_NAMES or wordfreq.zipf_frequency(p, "en") >= ORDINARY_ZIPF for p in parts)
        assert ordinary(word) == large, word
