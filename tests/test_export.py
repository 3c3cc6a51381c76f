"""`dossier export`: the same pages, built by plain MkDocs from a mkdocs.yml without the hook."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from helpers import ROOT, SAMPLE_SEEDS, Build


def test_an_exported_tree_builds_the_same_pages_without_the_hook(sample_build: Build, tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copytree(SAMPLE_SEEDS, project / "seeds")
    target = tmp_path / "exported"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    cli = [sys.executable, "-c", "from dossier.cli import main; main()"]
    result = subprocess.run(
        [*cli, "export", str(target), "--config", str(project / "mkdocs.yml")], env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    config = (target / "mkdocs.yml").read_text(encoding="utf-8")
    assert "hooks:" not in config and "dossier_hook" not in config and "nav:" in config
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], cwd=target, env=env, capture_output=True, text=True
    )
    assert built.returncode == 0, built.stderr
    plain = Build(target, target / "site", built.returncode, built.stderr)
    hook_pages = sorted(
        p.relative_to(sample_build.site).as_posix() for p in sample_build.site.rglob("index.html") if "assets" not in p.parts
    )
    plain_pages = sorted(p.relative_to(plain.site).as_posix() for p in plain.site.rglob("index.html") if "assets" not in p.parts)
    assert plain_pages == hook_pages
    for url in ("/companies/twilio/", "/companies/twilio/compensation/software-engineer/", "/companies/twilio/values/"):
        assert _shown(plain, url) == _shown(sample_build, url), url
        assert plain.html(url).findtext(".//title") == sample_build.html(url).findtext(".//title"), url


def _shown(build: Build, url: str) -> str:
    """The words of a page's article a reader sees (the hook's hidden words for the search index left out)."""
    (article,) = build.html(url).xpath("//article")
    for hidden in article.xpath(".//*[@hidden]"):
        hidden.drop_tree()
    return " ".join(article.text_content().split())
