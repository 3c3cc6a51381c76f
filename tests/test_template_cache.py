"""The theme's compiled templates kept between builds: reused while a template is unchanged, never once edited."""

from __future__ import annotations

from pathlib import Path

import pytest
from dossier.template_cache import CompiledTemplates
from jinja2 import DictLoader, Environment


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
