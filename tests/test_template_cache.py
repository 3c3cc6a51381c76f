"""The theme's compiled templates kept between builds (reused while a template is unchanged, never once edited), and
compiled ahead of a first build by a child while a core is idle."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from dossier import forked
from dossier.template_cache import CompiledTemplates, compile_ahead
from helpers import SAMPLE_SEEDS, add_hook, build_in_process, copy_project, site_files
from jinja2 import DictLoader, Environment, TemplateSyntaxError


def _env(cache: CompiledTemplates, source: str) -> Environment:
    """A new environment, as MkDocs makes one for every build."""
    env = Environment(loader=DictLoader({"main.html": source}))
    env.bytecode_cache = cache
    return env


def _never_compiles(env: Environment, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled again")

    monkeypatch.setattr(env, "compile", fail)


def test_the_next_environment_reuses_the_compiled_template(monkeypatch: pytest.MonkeyPatch) -> None:
    cache = CompiledTemplates()
    assert _env(cache, "Hello {{ name }}").get_template("main.html").render(name="Okapi") == "Hello Okapi"
    again = _env(cache, "Hello {{ name }}")
    _never_compiles(again, monkeypatch)
    assert again.get_template("main.html").render(name="Tern") == "Hello Tern"


def test_the_next_build_reuses_them_from_the_cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _env(CompiledTemplates(tmp_path), "{{ 6 * 7 }}").get_template("main.html").render()
    next_build = _env(CompiledTemplates(tmp_path), "{{ 6 * 7 }}")
    _never_compiles(next_build, monkeypatch)
    assert next_build.get_template("main.html").render() == "42"


@pytest.mark.parametrize("folder", [False, True], ids=["memory", "folder"])
def test_an_edited_template_is_compiled_again(tmp_path: Path, folder: bool) -> None:
    cache = CompiledTemplates(tmp_path if folder else None)
    assert _env(cache, "before {{ x }}").get_template("main.html").render(x=1) == "before 1"
    cache = CompiledTemplates(tmp_path) if folder else cache
    assert _env(cache, "after {{ x }}").get_template("main.html").render(x=2) == "after 2"


def test_a_folder_that_cannot_be_written_leaves_the_templates_compiled_in_memory(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    cache = CompiledTemplates(blocked / "templates")
    assert _env(cache, "{{ 1 + 1 }}").get_template("main.html").render() == "2"
    assert blocked.read_text() == "not a folder"


def test_other_compilers_folders_are_removed(tmp_path: Path) -> None:
    old = tmp_path / "0123456789abcdef"
    old.mkdir()
    (old / "__jinja2_x.cache").write_bytes(b"old code")
    cache = CompiledTemplates(tmp_path)
    _env(cache, "x").get_template("main.html").render()
    assert not old.exists()
    [current] = tmp_path.iterdir()
    assert any(current.iterdir())  # this build's compiled code


def test_compiled_ahead_with_what_they_extend_include_and_import(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Templates compiled ahead, with every template they name, are not compiled again when a page needs them; one
    whose name is computed as the page renders is compiled then, and one that does not compile is left to say so."""
    sources = {
        "main.html": '{% extends "base.html" %}{% block body %}{% include "part.html" %}{% endblock %}',
        "base.html": '{% import "macros.html" as m %}<b>{{ m.hi(name) }}{% block body %}{% endblock %}</b>',
        "part.html": '[{% include "icons/" ~ icon ~ ".svg" %}]',
        "macros.html": "{% macro hi(n) %}hi {{ n }}{% endmacro %}",
        "icons/star.svg": "*",
        "broken.html": "{% if %}",
    }

    def env() -> Environment:
        made = Environment(loader=DictLoader(sources))
        made.bytecode_cache = CompiledTemplates(tmp_path)
        return made

    compile_ahead(env(), ["main.html", "broken.html"])
    page = env()
    compiled: list[str] = []
    real = page.compile
    monkeypatch.setattr(page, "compile", lambda source, name=None, *a, **k: compiled.append(name) or real(source, name, *a, **k))
    assert page.get_template("main.html").render(name="Okapi", icon="star") == "<b>hi Okapi[*]</b>"
    assert compiled == ["icons/star.svg"]
    with pytest.raises(TemplateSyntaxError):
        page.get_template("broken.html")


@pytest.mark.parametrize("other_plugin", [False, True], ids=["alone", "with-another-plugin"])
def test_a_first_build_finds_its_templates_compiled_ahead(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, other_plugin: bool
) -> None:
    """In a first build, a child compiles Dossier's templates and the theme's while a core is idle: the build
    compiles none of them itself (only icons, named as the pages render), and its site is the site of a build that
    compiled them all. With another plugin, which could change the theme's environment, the build compiles the
    theme's templates itself."""
    project = copy_project(tmp_path, [SAMPLE_SEEDS])
    if other_plugin:
        add_hook(project, "other.py", "def on_env(env, config, files):\n    return env\n")
    real_when_idle = forked.when_idle

    def site(name: str, ahead: bool) -> tuple[dict[str, bytes], list[str]]:
        def finished_first(work: Callable[[], None]) -> None:
            pid = real_when_idle(work) if ahead else None
            if pid is not None:
                os.waitpid(pid, 0)  # ahead of everything, so that what the build compiles itself is known

        monkeypatch.setattr(forked, "when_idle", finished_first)
        compiled: list[str] = []
        real = Environment.compile

        def counting(env: Environment, source: Any, name: str | None = None, *args: Any, **kwargs: Any) -> Any:
            compiled.append(str(name))
            return real(env, source, name, *args, **kwargs)

        monkeypatch.setattr(Environment, "compile", counting)
        build_in_process(project, tmp_path / name, monkeypatch)
        monkeypatch.setattr(Environment, "compile", real)
        return site_files(tmp_path / name), compiled

    monkeypatch.setattr(forked, "can_fork", lambda: True)
    monkeypatch.setattr(forked, "cores", lambda: 2)
    alone, compiled_alone = site("alone", ahead=False)
    assert {"page.md.j2", "main.html", "404.html"} <= set(compiled_alone)
    ahead, compiled_ahead = site("ahead", ahead=True)
    assert ahead == alone
    theme = {name for name in compiled_ahead if not name.endswith(".j2") and not name.endswith(".svg")}
    assert not [name for name in compiled_ahead if name.endswith(".j2")]
    if other_plugin:
        assert {"main.html", "404.html"} <= theme
    else:
        assert not theme
