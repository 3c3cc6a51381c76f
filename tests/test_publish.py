"""Publishing: the Pages workflow, metadata for sharing and search engines, a site that works under a sub-path."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from collections.abc import Iterator

import pytest
import yaml
from helpers import ROOT, SAMPLE_PAGES, SAMPLE_SEEDS, Build, build_project, free_port, search, serve

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
BASE = "https://example.org/dossier/"


def test_workflow_is_valid_against_the_github_schema() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_builds_strictly_and_deploys_the_documented_way() -> None:
    flow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = flow[True] if True in flow else flow["on"]  # YAML 1.1 reads the key `on` as true
    assert triggers["push"]["branches"] == ["main"]
    assert flow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    steps = [s for job in flow["jobs"].values() for s in job["steps"]]
    uses = [s.get("uses", "").split("@")[0] for s in steps]
    for action in ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"):
        assert action in uses
    python = next(s for s in steps if s.get("uses", "").startswith("actions/setup-python"))
    assert python["with"]["cache"] == "pip"
    build = next(s for s in steps if "mkdocs build" in s.get("run", ""))
    assert "--strict" in build["run"] and "SITE_URL" in build["env"]


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Build:
    build = build_project(tmp_path_factory.mktemp("published"), [SAMPLE_SEEDS], extra_env={"SITE_URL": BASE})
    assert build.returncode == 0, build.log
    return build


PAGES = [*SAMPLE_PAGES, "/editors/"]


@pytest.mark.parametrize("url", PAGES)
def test_every_page_has_canonical_url_description_and_open_graph(published: Build, url: str) -> None:
    tree = published.html(url)
    canonical = tree.xpath("//link[@rel='canonical']/@href")
    assert canonical == [BASE.rstrip("/") + url]
    description = tree.xpath("//meta[@name='description']/@content")
    assert len(description) == 1 and len(description[0]) > 20
    og = {m.get("property"): m.get("content") for m in tree.xpath("//meta[starts-with(@property, 'og:')]")}
    assert og["og:title"] and og["og:site_name"] == "Dossier" and og["og:url"] == canonical[0]


def _json_ld(build: Build, url: str) -> list[dict[str, object]]:
    return [json.loads(s) for s in build.html(url).xpath("//script[@type='application/ld+json']/text()")]


def test_hub_has_organization_json_ld(published: Build) -> None:
    (data,) = _json_ld(published, "/companies/twilio/")
    assert data["@type"] == "Organization" and data["name"] == "Twilio"


@pytest.mark.parametrize(
    "url, questions", [("/companies/twilio/interview-process/", 3), ("/companies/twilio/roles/product-manager/", 3)]
)
def test_pages_with_faq_have_faq_json_ld(published: Build, url: str, questions: int) -> None:
    (data,) = _json_ld(published, url)
    assert data["@type"] == "FAQPage"
    entities = data["mainEntity"]
    assert len(entities) == questions
    assert all(e["name"].endswith("?") and len(e["acceptedAnswer"]["text"]) > 20 for e in entities)
    assert not _json_ld(published, "/companies/twilio/history/")


def test_sitemap_lists_every_page_and_a_404_page_exists(published: Build) -> None:
    sitemap = (published.site / "sitemap.xml").read_text(encoding="utf-8")
    for url in PAGES:
        assert f"<loc>{BASE.rstrip('/')}{url}</loc>" in sitemap
    assert gzip.decompress((published.site / "sitemap.xml.gz").read_bytes()).decode() == sitemap
    not_found = (published.site / "404.html").read_text(encoding="utf-8")
    assert "/dossier/assets/stylesheets/" in not_found


# --- In a browser, served under a sub-path like GitHub Pages -------------------------------

PREFIX = "/dossier"


@pytest.fixture(scope="module")
def subpath_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = free_port()
    build = build_project(
        tmp_path_factory.mktemp("subpath"), [SAMPLE_SEEDS], extra_env={"SITE_URL": f"http://127.0.0.1:{port}{PREFIX}/"}
    )
    assert build.returncode == 0, build.log
    with serve(build.site, prefix=PREFIX, port=port) as url:
        yield url


class Recorder:
    """Every request a page makes, and every failed response."""

    def __init__(self, page: object, base: str) -> None:
        self.outside: list[str] = []
        self.failed: list[str] = []
        self.errors: list[str] = []
        origin = base.split(PREFIX)[0]
        page.on("request", lambda r: self.outside.append(r.url) if not r.url.startswith(origin) else None)
        page.on("response", lambda r: self.failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))


@pytest.mark.browser
def test_navigation_and_assets_work_under_a_sub_path(browser: object, subpath_site: str) -> None:
    page = browser.new_page()
    record = Recorder(page, subpath_site)
    page.goto(subpath_site + "/")
    page.locator("article a", has_text="Twilio").first.click()
    page.wait_for_url(f"**{PREFIX}/companies/twilio/")
    page.locator("nav.md-nav--primary a", has_text="History").first.click()
    page.wait_for_url(f"**{PREFIX}/companies/twilio/history/")
    page.locator("article nav.dossier-siblings a", has_text="Values").click()
    page.wait_for_url(f"**{PREFIX}/companies/twilio/values/")
    page.go_back()
    page.wait_for_url(f"**{PREFIX}/companies/twilio/history/")
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor") != "rgba(0, 0, 0, 0)"
    assert record.failed == [] and record.outside == [] and record.errors == []


@pytest.mark.browser
def test_search_works_under_a_sub_path(browser: object, subpath_site: str) -> None:
    page = browser.new_page()
    record = Recorder(page, subpath_site)
    page.goto(subpath_site + "/companies/twilio/values/")
    search(page, "token bucket").click()
    page.wait_for_url(f"**{PREFIX}/companies/twilio/interview-process/**")
    assert record.failed == [] and record.outside == []


@pytest.mark.browser
def test_not_found_page_is_styled_under_a_sub_path(browser: object, subpath_site: str) -> None:
    page = browser.new_page()
    record = Recorder(page, subpath_site)
    page.goto(subpath_site + "/404.html")
    assert page.locator("h1").first.inner_text().strip() == "404 - Not found"
    assert record.failed == [] and record.outside == []


@pytest.mark.browser
@pytest.mark.parametrize("url", PAGES)
def test_no_page_requests_another_host(browser: object, subpath_site: str, url: str) -> None:
    page = browser.new_page()
    record = Recorder(page, subpath_site)
    page.goto(subpath_site + url)
    page.wait_for_load_state("networkidle")
    assert record.outside == [] and record.failed == [] and record.errors == []


# --- Accessibility ----------------------------------------------------------------------------

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.is_file():
        import os

        if os.environ.get("DOSSIER_REQUIRE_BROWSER") == "1":
            pytest.fail("axe-core is required (DOSSIER_REQUIRE_BROWSER=1): run `npm ci`")
        pytest.skip("axe-core not installed: run `npm ci`")
    return AXE.read_text(encoding="utf-8")


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violations(browser: object, subpath_site: str, axe_source: str, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    problems = []
    for url in PAGES:
        page.goto(subpath_site + url)
        page.add_script_tag(content=axe_source)
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        for violation in result["violations"]:
            if violation["impact"] in ("serious", "critical"):
                targets = [n["target"] for n in violation["nodes"][:3]]
                problems.append(f"{url}: {violation['id']} ({violation['impact']}): {violation['help']} {targets}")
    context.close()
    assert problems == []
