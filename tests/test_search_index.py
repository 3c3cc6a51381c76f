"""The search index Pagefind builds while the pages are written: what it holds, and what a failure gives."""

from __future__ import annotations

import gzip
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from dossier.search import EXCLUDED
from dossier.search_index import SearchIndex, executable_path
from helpers import ROOT, build_project

CORPUS = ROOT / "tests" / "corpus" / "seeds"

PAGE = """<!doctype html><html lang="en"><head><title>{title}</title></head><body>
<nav>Every company, every page</nav>
<article class="md-content__inner md-typeset" data-pagefind-body><h1 id="top">{title}</h1>
<p>{text}</p><a class="headerlink" href="#top">¶</a></article></body></html>"""


def _fragments(bundle: Path) -> dict[str, str]:
    """The indexed pages in ``bundle``: their address and the words the index holds of them."""
    found = {}
    for fragment in (bundle / "fragment").iterdir():
        data = json.loads(gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd"))
        found[data["url"]] = data["content"]
    return found


def test_the_pages_handed_over_are_indexed_at_their_addresses(tmp_path: Path) -> None:
    index = SearchIndex(EXCLUDED)
    index.add("companies/okapi/values/index.html", PAGE.format(title="Okapi values", text="Candour over comfort."))
    index.add("guide.html", PAGE.format(title="Guide", text="How the dossiers are made."))
    assert index.write(tmp_path / "pagefind") == []
    fragments = _fragments(tmp_path / "pagefind")
    assert set(fragments) == {"/companies/okapi/values/", "/guide.html"}
    assert "Candour over comfort." in fragments["/companies/okapi/values/"]
    assert "Every company" not in fragments["/guide.html"]  # only the article
    assert "¶" not in fragments["/guide.html"]  # an excluded selector


def test_an_earlier_index_is_removed_before_the_new_one_is_written(tmp_path: Path) -> None:
    bundle = tmp_path / "pagefind"
    (bundle / "fragment").mkdir(parents=True)
    (bundle / "fragment" / "en_old.pf_fragment").write_bytes(gzip.compress(b'pagefind_dcd{"url":"/gone/","content":""}'))
    index = SearchIndex(EXCLUDED)
    index.add("kept/index.html", PAGE.format(title="Kept", text="Still here."))
    assert index.write(bundle) == []
    assert set(_fragments(bundle)) == {"/kept/"}


def test_the_binary_is_the_one_pagefind_itself_would_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pagefind.service import get_executable

    found = executable_path()
    assert found is not None and found == get_executable() and os.access(found, os.X_OK)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "my-pagefind"))
    assert executable_path() == get_executable() == tmp_path / "my-pagefind"


def test_a_missing_pagefind_is_a_problem_not_a_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "no-such-pagefind"))
    index = SearchIndex(EXCLUDED)
    index.add("a/index.html", PAGE.format(title="A", text="Words."))
    problems = index.write(tmp_path / "pagefind")
    assert len(problems) == 1 and problems[0].startswith("search index not built:")


def test_a_pagefind_that_stops_half_way_is_a_problem_with_what_it_said(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_pagefind(tmp_path, monkeypatch, "echo 'out of memory' >&2\nexit 3\n")
    index = SearchIndex(EXCLUDED)
    for n in range(3):
        index.add(f"p{n}/index.html", PAGE.format(title=f"P{n}", text="Words."))
    problems = index.write(tmp_path / "bundle")
    assert problems == ["search index not built: Pagefind stopped (exit status 3): out of memory"]
    assert not (tmp_path / "bundle").exists()


def _fake_pagefind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str) -> None:
    fake = tmp_path / "pagefind"
    fake.write_text("#!/bin/sh\n" + script)
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(fake))


def test_a_reply_that_cannot_be_read_is_a_problem_not_a_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_pagefind(tmp_path, monkeypatch, "printf 'not*base64,e30=,'\ncat > /dev/null\n")
    index = SearchIndex(EXCLUDED)
    index.add("a/index.html", PAGE.format(title="A", text="Words."))
    problems = index.write(tmp_path / "bundle")
    assert len(problems) == 1 and problems[0].startswith("search index not built: Pagefind: an unreadable reply"), problems


def test_an_index_with_no_pages_leaves_no_old_bundle(tmp_path: Path) -> None:
    bundle = tmp_path / "pagefind"
    bundle.mkdir()
    (bundle / "pagefind-entry.json").write_text("{}")
    assert SearchIndex(EXCLUDED).write(bundle) == []
    assert not bundle.exists()


def test_a_dirty_build_keeps_the_pages_it_did_not_write_findable(tmp_path: Path) -> None:
    """`mkdocs build --dirty` (and `mkdocs serve --dirty`) writes only pages whose source changed: the unchanged
    pages of docs/ keep their place in the new index, read from the site as the build before wrote them."""
    first = build_project(tmp_path, [CORPUS])
    assert first.returncode == 0, first.log
    before = _fragments(first.site / "pagefind")
    assert "/editors/" in before
    dirty = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--dirty", "-d", str(first.site)],
        cwd=first.project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert dirty.returncode == 0, dirty.stderr
    after = _fragments(first.site / "pagefind")
    assert set(after) == set(before)
    assert after["/editors/"] == before["/editors/"]


FAKE_SERVICE = r"""
import base64, json, sys
buffer = b""
while True:
    chunk = sys.stdin.buffer.read1(65536)
    if not chunk:
        break
    buffer += chunk
    *messages, buffer = buffer.split(b",")
    for message in messages:
        request = json.loads(base64.b64decode(message))
        kind = request["payload"]["type"]
        payload = {"NewIndex": {"type": "NewIndex", "index_id": 0}, "AddFile": {"type": "IndexedFile"}}.get(kind)
        if kind == "GetFiles":
            files = [{"path": "fragment/ok.pf_fragment", "content": "b2s="}, {"path": NAME, "content": "cHduZWQ="}]
            payload = {"type": "GetFiles", "files": files}
        reply = {"message_id": request["message_id"], "payload": payload}
        sys.stdout.buffer.write(base64.b64encode(json.dumps(reply).encode()) + b",")
        sys.stdout.buffer.flush()
"""


@pytest.mark.parametrize("name", ["../pwned", "/tmp/pwned-by-index", "fragment/../../pwned"])
def test_a_bundle_file_named_outside_the_bundle_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    service = tmp_path / "service.py"
    service.write_text(FAKE_SERVICE.replace("NAME", repr(name)))
    _fake_pagefind(tmp_path, monkeypatch, f'exec "{sys.executable}" "{service}"\n')
    index = SearchIndex(EXCLUDED)
    index.add("a/index.html", PAGE.format(title="A", text="Words."))
    problems = index.write(tmp_path / "site" / "pagefind")
    assert problems == [f"search index not written: Pagefind gave a file outside the bundle ({name!r})"]
    assert not (tmp_path / "pwned").exists() and not Path("/tmp/pwned-by-index").exists()
    assert not (tmp_path / "site" / "pagefind").exists()  # not half a bundle either
