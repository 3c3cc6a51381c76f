"""In a real browser: pages render, navigation works, nothing errors, nothing leaves the machine."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import Build, results, search, serve

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def served(sample_build: Build) -> Iterator[str]:
    with serve(sample_build.site) as url:
        yield url


def test_hub_to_interview_page_and_back(browser: object, served: str) -> None:
    page = browser.new_page()
    errors: list[str] = []
    outside: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(served) else None)
    page.goto(f"{served}/companies/twilio/")
    assert page.locator("article h1").inner_text().removesuffix("¶") == "Twilio"
    page.locator("article .grid.cards a", has_text="Interview process").click()
    page.wait_for_url("**/companies/twilio/interview-process/")
    assert page.title() == "Twilio · Interview process - Dossier"
    assert page.locator("article h2", has_text="What they actually ask").is_visible()
    page.locator("article nav.dossier-siblings a", has_text="Twilio").first.click()
    page.wait_for_url("**/companies/twilio/")
    assert errors == []
    assert outside == []


def test_search_finds_a_topic(browser: object, served: str) -> None:
    page = browser.new_page()
    page.goto(f"{served}/")
    first = search(page, "token bucket")
    assert (first.get_attribute("href") or "").endswith("/companies/twilio/interview-process/")
    sections = [href for href in results(page) if "#" in href]
    assert sections and sections[0].endswith("/companies/twilio/interview-process/#what-they-actually-ask")


def test_screenshot_of_history_page(browser: object, served: str, tmp_path: Path) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{served}/companies/twilio/history/")
    figures = page.locator(".dossier-figure")
    assert figures.count() == 8
    assert figures.first.is_visible()
    box = figures.first.bounding_box()
    assert box is not None and box["width"] > 100
    page.screenshot(path=str(tmp_path / "history.png"), full_page=True)
    assert (tmp_path / "history.png").stat().st_size > 10_000


def test_hub_to_a_section_to_what_mentions_it_and_back(browser: object, served: str) -> None:
    page = browser.new_page()
    page.goto(f"{served}/companies/twilio/")
    page.locator("article .grid.cards a", has_text="Values").click()
    page.wait_for_url("**/companies/twilio/values/")
    section = page.locator("article h2#be-humble, article h3#be-humble")
    section.scroll_into_view_if_needed()
    note = page.locator("#be-humble ~ .dossier-mentioned").first
    assert note.is_visible()
    note.locator("a", has_text="Interview process").click()
    page.wait_for_url("**/companies/twilio/interview-process/#prep-priorities")
    # The mention itself links back to the value it names.
    mention = page.locator("article a", has_text="Be Humble")
    assert mention.is_visible()
    assert (mention.get_attribute("href") or "").endswith("values/#be-humble")
    page.go_back()
    page.wait_for_url("**/companies/twilio/values/")
    assert page.locator("#be-humble").is_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_pay_chart_is_visible_and_labelled(browser: object, served: str, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(f"{served}/companies/twilio/compensation/software-engineer/")
    expected = "slate" if scheme == "dark" else "default"
    assert page.locator("body").get_attribute("data-md-color-scheme") == expected
    chart = page.locator("figure.dossier-pay-chart").first
    chart.scroll_into_view_if_needed()
    assert chart.is_visible()
    assert "Base and total pay by region, in USD" in chart.locator("figcaption").inner_text()
    row = chart.locator(".dossier-pay-chart__row").first
    assert row.locator(".dossier-pay-chart__region").inner_text() == "San Francisco, CA (HQ)"
    assert "base $140,000–$185,000; total $185,000–$265,000" in row.locator(".dossier-pay-chart__value").inner_text()
    for bar in (".dossier-pay-chart__base", ".dossier-pay-chart__total"):
        box = row.locator(bar).bounding_box()
        assert box is not None and box["width"] > 10 and box["height"] > 5, bar
    colours = row.evaluate(
        """row => [
            getComputedStyle(row.querySelector(".dossier-pay-chart__base")).backgroundColor,
            getComputedStyle(row.querySelector(".dossier-pay-chart__track")).backgroundColor,
            getComputedStyle(document.body).backgroundColor,
        ]"""
    )
    base, track, body = colours
    assert base != track and base != body, colours
    context.close()
