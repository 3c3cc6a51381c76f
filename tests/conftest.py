"""Fixtures shared by the tests."""

from __future__ import annotations

import pytest

from helpers import CORPUS, SAMPLE_SEEDS, Build, build_project


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """A strict build of the project with the sample seeds, as checked in."""
    return build_project(tmp_path_factory.mktemp("samples"), [SAMPLE_SEEDS])


@pytest.fixture(scope="session")
def corpus_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """A strict build with the sample seeds and the test corpus of other companies together."""
    return build_project(tmp_path_factory.mktemp("corpus"), [SAMPLE_SEEDS, CORPUS / "seeds"])
