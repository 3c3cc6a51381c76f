"""Untrusted seeds: clear errors, nothing lost, nothing executed, nothing written outside the site."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from dossier.pipeline import build_site
from helpers import SAMPLE_SEEDS, Build, build_project
from hostile import Hostile, marker, write_hostile

ACTIVE_URL = re.compile(r"^\s*(?:javascript|vbscript|data):", re.IGNORECASE)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Hostile]]:
    folder = tmp_path_factory.mktemp("hostile") / "seeds"
    return folder, write_hostile(folder)


@pytest.fixture(scope="module")
def lenient(tmp_path_factory: pytest.TempPathFactory, hostile: tuple[Path, list[Hostile]]) -> Build:
    """A build (not strict) of the sample seeds and the hostile corpus together."""
    return build_project(tmp_path_factory.mktemp("lenient"), [SAMPLE_SEEDS, hostile[0]], strict=False)


@pytest.fixture(scope="module")
def pages(hostile: tuple[Path, list[Hostile]]) -> dict[str, str]:
    """Seed file name to the URL of its page."""
    site = build_site(hostile[0])
    return {p.path: "/" + p.src_uri.removesuffix(".md").removesuffix("index") for p in site.seeds}


def _url(src: str) -> str:
    return src if src.endswith("/") else src + "/"


def test_build_succeeds_without_strict_and_fails_with_it(
    tmp_path: Path, hostile: tuple[Path, list[Hostile]], lenient: Build
) -> None:
    assert lenient.returncode == 0, lenient.log[-3000:]
    strict = build_project(tmp_path, [SAMPLE_SEEDS, hostile[0]], strict=True)
    assert strict.returncode != 0
    for log in (lenient.log, strict.log):
        assert "Traceback" not in log


def test_every_good_sample_page_still_builds(lenient: Build) -> None:
    for url in ("/companies/twilio/", "/companies/twilio/history/", "/companies/twilio/values/"):
        assert lenient.page(url).is_file()
    assert "Token-bucket" in lenient.article_text("/companies/twilio/interview-process/").replace("token-bucket", "Token-bucket")


def test_every_marker_of_a_usable_seed_is_visible_as_text(
    lenient: Build, hostile: tuple[Path, list[Hostile]], pages: dict[str, str]
) -> None:
    for seed in hostile[1]:
        if not seed.usable:
            continue
        url = _url(pages[f"{seed.name}.txt"])
        assert marker(seed.name) in " ".join(lenient.article_text(url).split()), f"{seed.name}: marker missing on {url}"


def _problem_lines(log: str) -> list[str]:
    return [line for line in log.splitlines() if line.startswith(("WARNING", "ERROR"))]


def test_every_problem_is_named_with_path_and_line(lenient: Build, hostile: tuple[Path, list[Hostile]]) -> None:
    lines = _problem_lines(lenient.log)
    for seed in hostile[1]:
        if seed.problem is None:
            continue
        where = f"{seed.name}.txt:{seed.line}:" if seed.line else f"{seed.name}.txt"
        named = [line for line in lines if where in line and seed.problem in line]
        assert named, f"no warning names {where} with {seed.problem!r}"
    assert any("link-out.txt" in line and "link leaving the seeds folder" in line for line in lines)


def test_rejected_seeds_make_no_page(hostile: tuple[Path, list[Hostile]], pages: dict[str, str]) -> None:
    for seed in hostile[1]:
        if not seed.usable:
            assert f"{seed.name}.txt" not in pages
    assert "link-out.txt" not in pages


def test_nothing_runs_in_any_page(lenient: Build) -> None:
    for html_file in sorted(lenient.site.rglob("*.html")):
        tree = lenient.html("/" + str(html_file.parent.relative_to(lenient.site)) + "/")
        handlers = tree.xpath("//@*[starts-with(name(), 'on')]")
        assert not handlers, f"{html_file}: event handlers {handlers[:3]}"
        for tag in ("iframe", "object", "embed", "base", "textarea", "style"):
            assert not tree.xpath(f"//body//{tag}"), f"{html_file}: <{tag}> in the page"
        assert not tree.xpath("//meta[@http-equiv]"), f"{html_file}: meta refresh"
        for script in tree.xpath("//script"):
            text = script.text or ""
            if script.get("type") == "application/ld+json":
                assert "<" not in text and json.loads(text)["@context"] == "https://schema.org"
            else:
                assert "alert" not in text, f"{html_file}: seed script"
        for url in tree.xpath("//@href | //@src | //@action"):
            assert not ACTIVE_URL.match(url), f"{html_file}: active URL {url}"


def test_template_syntax_in_a_seed_shows_literally(lenient: Build, pages: dict[str, str]) -> None:
    text = " ".join(lenient.article_text(_url(pages["jinja.txt"])).split())
    assert "Seven times seven is {{ 7*7 }} here." in text
    assert "{% include '/etc/passwd' %}" in text
    assert "root:" not in text


def test_company_names_get_safe_unique_slugs_and_keep_their_written_names(lenient: Build, pages: dict[str, str]) -> None:
    hubs = {}
    for name, url in pages.items():
        if name.startswith("co-"):
            company_slug = url.split("/")[2]
            assert re.fullmatch(r"[a-z0-9-]{1,70}", company_slug), company_slug
            hubs[name] = company_slug
    assert hubs["co-zurich-nfc.txt"] == hubs["co-zurich-nfd.txt"]  # the same name in two normal forms
    assert hubs["co-empty.txt"] == hubs["co-blank.txt"] == "unsorted"  # no name: filed, with a warning
    distinct = {hubs[n] for n in hubs if n not in ("co-zurich-nfd.txt", "co-blank.txt")}
    assert len(distinct) == len(hubs) - 2, hubs
    for name, written in [
        ("co-japanese.txt", "株式会社メルカリ"),
        ("co-accent-b.txt", "Résumé Co"),
        ("co-case-b.txt", "ACME CASE"),
        ("co-html.txt", "<img src=x onerror=alert('company')>"),
        ("co-dotdot.txt", "../../etc"),
    ]:
        h1 = lenient.html(f"/companies/{hubs[name]}/").xpath("string(//article//h1)").removesuffix("¶")
        assert h1 == written, (name, h1)
        title = lenient.html(f"/companies/{hubs[name]}/").findtext(".//title")
        assert title.startswith(written), (name, title)


def test_nothing_is_written_outside_the_site(lenient: Build) -> None:
    cache = lenient.project / ".cache" / "dossier"
    outside = [p for p in lenient.project.rglob("*") if not p.is_relative_to(lenient.site) and not p.is_relative_to(cache)]
    names = {p.relative_to(lenient.project).parts[0] for p in outside}
    assert names == {"mkdocs.yml", "docs", "hooks", "seeds", ".cache"}, names
    # The cache names its files by hashes alone (parsed seeds, the theme's and Dossier's compiled templates): no seed's name
    # or text chooses where anything goes.
    cached = [p.relative_to(cache).as_posix() for p in cache.rglob("*") if p.is_file()]
    seeds = r"[0-9a-f]{16}/[0-9a-f]{2}/[0-9a-f]{64}\.pickle"
    templates = r"(?:page-)?templates/[0-9a-f]{16}/__jinja2_[0-9a-f]{40}\.cache"
    assert cached and all(re.fullmatch(f"{seeds}|{templates}", c) for c in cached), cached
    assert any(re.fullmatch(seeds, c) for c in cached) and any(re.fullmatch(templates, c) for c in cached)
    assert not list(lenient.project.parent.rglob("pwned"))


@pytest.mark.browser
def test_no_script_runs_in_a_browser(browser: object, lenient: Build, pages: dict[str, str]) -> None:
    from helpers import search, serve

    with serve(lenient.site) as base:
        page = browser.new_page()
        events: list[str] = []
        page.on("dialog", lambda d: (events.append(f"dialog: {d.message}"), d.dismiss()))
        page.on("pageerror", lambda e: events.append(f"error: {e}"))
        page.on("console", lambda m: events.append(f"console: {m.text}") if m.type == "error" else None)
        hubs = sorted({"/".join(url.split("/")[:3]) + "/" for url in pages.values()})
        for url in sorted({_url(u) for u in pages.values()}) + hubs:
            page.goto(base + url)
            page.wait_for_load_state("load")
        # Search results show seed titles and text: type the hostile company's name.
        page.goto(base + "/")
        search(page, "onerror alert")
        assert events == []
