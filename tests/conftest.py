"""Fixtures shared by the tests."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import pytest
from helpers import CORPUS, CORPUS2, CORPUS3, SAMPLE_SEEDS, Build, build_project


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """A strict build of the project with the sample seeds, as checked in."""
    return build_project(tmp_path_factory.mktemp("samples"), [SAMPLE_SEEDS])


@pytest.fixture(scope="session")
def corpus_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """A strict build with the sample seeds and the three test corpora of other companies together."""
    folders = [SAMPLE_SEEDS, CORPUS / "seeds", CORPUS2 / "seeds", CORPUS3 / "seeds"]
    return build_project(tmp_path_factory.mktemp("corpus"), folders)


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium driven by Playwright; skipped when absent, unless DOSSIER_REQUIRE_BROWSER=1."""
    if not CHROMIUM:
        if os.environ.get("DOSSIER_REQUIRE_BROWSER") == "1":
            pytest.fail("Chromium is required (DOSSIER_REQUIRE_BROWSER=1) but not installed")
        pytest.skip("Chromium not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        yield chromium
        chromium.close()


from hypothesis import HealthCheck, settings  # noqa: E402

# CI runs a few hundred examples per property; `HYPOTHESIS_PROFILE=thorough` runs 10,000.
settings.register_profile("ci", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "thorough", max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
