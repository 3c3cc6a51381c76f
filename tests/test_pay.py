"""Compensation as data: checked, rendered in its currencies, dated, compared; on seeds of invented companies."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from dossier.pay.money import money, money_range
from dossier.pipeline import build_site
from dossier.problems import Severity
from helpers import ROOT, Build, build_project
from test_build import _check_every_sentence

PAY = ROOT / "tests" / "pay"
GOOD = PAY / "seeds"
BAD = PAY / "bad"
EPOCH_2026_05_01 = "1777593600"
"""SOURCE_DATE_EPOCH of 2026-05-01, 00:00 UTC: after Quorvex's review date (2026-04-15), before the others'."""


def _line(path: Path, text: str) -> int:
    """The line of a seed that holds ``text`` (read from the seed itself)."""
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if text in line)


@pytest.fixture(scope="module")
def pay_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    build = build_project(tmp_path_factory.mktemp("pay"), [GOOD], extra_env={"SOURCE_DATE_EPOCH": EPOCH_2026_05_01})
    assert build.returncode == 0, build.log
    return build


def test_each_bad_value_is_reported_with_its_line_and_field() -> None:
    site = build_site(BAD)
    bad = BAD / "bad.txt"
    found = {(p.path, p.line, p.message.split(":")[0]): p for p in site.problems.items if p.severity is Severity.ERROR}
    expected = {
        ("bad.txt", _line(bad, "base_low: lots"), "compensation[0].base_low"): "expected a number, got 'lots'",
        ("bad.txt", _line(bad, "base_low: N/A"), "compensation[1].base_low"): "expected a number, got 'N/A'",
        ("bad.txt", _line(bad, "total_comp_low: -5"), "compensation[1].total_comp_low"): "cannot be negative",
        ("bad.txt", _line(bad, "base_low: .nan"), "compensation[2].base_low"): "finite number",
        ("bad.txt", _line(bad, "total_comp_low: 900000"), "compensation[2].total_comp_low"): "above total_comp_high",
        ("bad.txt", _line(bad, "currency: XYZ"), "compensation[3].currency"): "ISO 4217",
        ("bad.txt", _line(bad, "- base_low: 400000"), "compensation[4].region"): "missing",
        ("empty.txt", _line(BAD / "empty.txt", "company:"), "company"): "expected the company's name",
        ("empty.txt", _line(BAD / "empty.txt", "compensation: []"), "compensation"): "the list is empty",
    }
    for key, words in expected.items():
        assert key in found, (key, sorted(found))
        assert words in found[key].message, found[key].message
    assert len(found) == len(expected), sorted(found)
    unknown = [p for p in site.problems.items if "not in the compensation schema" in p.message]
    assert len(unknown) == 1 and "bonus_target" in unknown[0].message and unknown[0].line == _line(bad, "bonus_target")


def test_a_seed_with_bad_rows_keeps_its_good_rows_and_its_text() -> None:
    site = build_site(BAD)
    page = next(p for p in site.seeds if p.path == "bad.txt")
    assert page.pay is not None
    rows = {r.region: r for r in page.pay.rows}
    assert sorted(rows) == ["Bergen, NO", "Oslo, NO", "Trondheim, NO"]  # no known currency, no region: left out
    assert rows["Oslo, NO"].total == (650000, 800000) and rows["Oslo, NO"].base is None
    assert rows["Trondheim, NO"].total is None  # low above high
    generated = next(g for g in site.pages if g.src_uri == page.src_uri)
    assert "NOK 650,000–NOK 800,000" in generated.markdown.replace("&#36;", "$")
    assert "pays data analysts in four Norwegian cities" in generated.markdown


@pytest.mark.parametrize(
    ("value", "currency", "shown"),
    [
        (140000, "USD", "$140,000"),
        (85000, "GBP", "£85,000"),
        (78000, "EUR", "€78,000"),
        (3200000, "INR", "₹32,00,000"),
        (135000, "CAD", "CA$135,000"),
        (650000, "NOK", "NOK\u00a0650,000"),
    ],
)
def test_amounts_in_their_currency(value: int, currency: str, shown: str) -> None:
    assert money(value, currency) == shown


def test_a_range_and_a_single_amount() -> None:
    assert money_range((52000, 64000), "GBP") == "£52,000–£64,000"
    assert money_range((52000, 52000), "GBP") == "£52,000"


def _page(site_pages: list[object], uri: str) -> str:
    return next(g.markdown for g in site_pages if g.src_uri == uri)  # type: ignore[attr-defined]


def test_a_freshness_warning_once_the_review_date_has_passed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH_2026_05_01)
    site = build_site(GOOD)
    quorvex = _page(site.pages, "companies/quorvex/compensation/data-analyst.md")
    halvern = _page(site.pages, "companies/halvern-works/compensation/data-analyst.md")
    assert '!!! warning "Due for review"' in quorvex
    assert "2026-04-15, 16 days before this site was built (2026-05-01)" in quorvex
    assert "Due for review" not in halvern  # due 2026-09-01
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2026, 9, 2, tzinfo=dt.UTC).timestamp())))
    later = _page(build_site(GOOD).pages, "companies/halvern-works/compensation/data-analyst.md")
    assert "2026-09-01, 1 day before this site was built (2026-09-02)" in later


def test_the_text_and_the_data_disagree_and_the_reader_sees_both(pay_build: Build) -> None:
    text = " ".join(pay_build.article_text("/companies/halvern-works/compensation/data-analyst/").split())
    assert "The text and the data disagree" in text
    assert "Dublin, IE, total: the text says €66K–€84K; the data says €62,000–€78,000." in text
    assert "London, UK, total" not in text  # its figures agree


def test_pay_by_region_comes_from_the_data_with_a_labelled_chart(pay_build: Build) -> None:
    tree = pay_build.html("/companies/quorvex/compensation/data-analyst/")
    rows = [
        [" ".join(td.text_content().split()) for td in tr.xpath("td")]
        for tr in tree.xpath("//h2[@id='pay-by-region']/following::table[1]//tbody/tr")
    ]
    assert rows[0] == ["Bengaluru, IN", "₹18,00,000–₹32,00,000", "—", "10%", "₹20,00,000–₹36,00,000"]
    assert rows[1][0] == "Toronto, ON" and rows[1][2] == "CA$10,000–CA$30,000"
    captions = [
        " ".join(c.text_content().split()) for c in tree.xpath("//figure[contains(@class,'dossier-pay-chart')]/figcaption")
    ]
    assert [c.split(" (")[0] for c in captions] == [f"Base and total pay by region, in {c}" for c in ("INR", "CAD", "USD")]
    assert tree.xpath("//span[contains(@class,'dossier-pay-chart__track')]/@aria-hidden") == ["true"] * 3


def test_a_seed_with_only_front_matter_gets_a_full_page(pay_build: Build) -> None:
    text = " ".join(pay_build.article_text("/companies/kestrel-analytics/compensation/data-analyst/").split())
    for words in ("Pay by region", "Berlin, DE", "€60,000–€75,000", "Level mapping", "Last updated: 2026-02-10", "2026-Q1"):
        assert words in text, words
    hub = " ".join(pay_build.article_text("/companies/kestrel-analytics/").split())
    assert "Berlin bands are published; the lever is the level, not the number." in hub


def test_occupation_json_ld_with_the_figures(pay_build: Build) -> None:
    page = pay_build.page("/companies/halvern-works/compensation/data-analyst/").read_text(encoding="utf-8")
    (raw,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.DOTALL)
    data = json.loads(raw)
    assert data["@type"] == "Occupation" and data["name"] == "Data Analyst"
    salaries = {s["name"]: s for s in data["estimatedSalary"]}
    london = salaries["total compensation, London, UK"]
    assert (london["@type"], london["currency"], london["minValue"], london["maxValue"]) == (
        "MonetaryAmountDistribution",
        "GBP",
        58000,
        76000,
    )
    assert salaries["total compensation, Dublin, IE"]["currency"] == "EUR"


def test_the_compare_page_groups_by_currency_and_links_back(pay_build: Build) -> None:
    tree = pay_build.html("/compare/pay/data-analyst/")
    groups = [h.text_content().strip("¶ ") for h in tree.xpath("//article//h2")]
    assert groups == ["In CAD", "In EUR", "In GBP", "In INR", "In USD"]
    eur = [
        [" ".join(td.text_content().split()) for td in tr.xpath("td")]
        for tr in tree.xpath("//h2[@id='in-eur']/following::table[1]//tbody/tr")
    ]
    assert [(r[0], r[1]) for r in eur] == [
        ("Kestrel Analytics", "Berlin, DE"),
        ("Halvern Works", "Dublin, IE"),
    ]  # highest total first
    links = set(tree.xpath("//article//a/@href"))
    assert {
        "../../../companies/halvern-works/compensation/data-analyst/",
        "../../../companies/quorvex/compensation/data-analyst/",
    } <= links
    for company in ("halvern-works", "quorvex", "kestrel-analytics"):
        for url in (f"/companies/{company}/compensation/data-analyst/", f"/companies/{company}/"):
            hrefs = pay_build.html(url).xpath("//article//a/@href")
            assert any(h.rstrip("/").endswith("compare/pay/data-analyst") for h in hrefs), url


def test_the_level_map_names_its_seeds_and_shows_disagreement(pay_build: Build) -> None:
    tree = pay_build.html("/compare/level-map/")
    row = next(
        tr
        for tr in tree.xpath("//h2[@id='kestrel-analytics']/following::table[1]//tbody/tr")
        if tr.xpath("td")[0].text_content() == "L4"
    )
    text = " ".join(row.text_content().split())
    # Halvern's seed says its A2 = Kestrel L4; Quorvex's says Halvern A3 = Kestrel L4: both are shown.
    assert (
        "the seeds disagree: Halvern Works A2 (from Halvern Works · Compensation: Data Analyst) or Halvern Works A3 (from Quorvex"
        in text
    )
    assert "Quorvex DA3 (from Halvern Works · Compensation: Data Analyst, Kestrel Analytics" in text
    assert tree.xpath("//h2[@id='quorvex']/a[not(@class='headerlink')]/@href") == ["../../companies/quorvex/"]


def test_the_level_mapping_of_a_page_links_the_companies_of_the_corpus(pay_build: Build) -> None:
    tree = pay_build.html("/companies/halvern-works/compensation/data-analyst/")
    cells = tree.xpath("//h2[@id='level-mapping']/following::table[1]//tbody/tr/td[1]")
    linked = {c.text_content(): c.xpath("a/@href") for c in cells}
    assert linked == {
        "Halvern Works": ["../../"],
        "Quorvex": ["../../../quorvex/"],
        "Kestrel Analytics": ["../../../kestrel-analytics/"],
    }


def test_every_sentence_of_the_pay_seeds_is_on_their_pages(pay_build: Build) -> None:
    _check_every_sentence(pay_build, pay_build.project / "seeds")
