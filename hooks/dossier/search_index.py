"""The search index, built by Pagefind while MkDocs writes the pages.

Pagefind's binary has a service mode (``pagefind --service``, the one its Python and Node APIs speak to): messages
on its standard input, one at a time, each a JSON object in base64 followed by a comma, and a reply to each on its
standard output. :class:`SearchIndex` starts it before the first page, hands it each page as MkDocs finishes it, and
asks it for the bundle's files after the build, so that Pagefind reads the pages on one core while MkDocs renders
the next ones on another. (Pagefind's Python API would do the same, but its loop reads one reply every 0.1 s.)

The files are written here, not by Pagefind: its service ends the moment its input does, and a file it had
answered as written could still be cut short (seen: ``pagefind-component-ui.js``, one build in a few).
"""

from __future__ import annotations

import base64
import contextlib
import importlib
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path, PurePosixPath
from typing import IO, Any

TIMEOUT = 1800.0
"""Seconds Pagefind may take to answer, at most (the bundle's files, after the last page, take longest)."""


class SearchIndex:
    """One Pagefind index of a build's pages: :meth:`add` each page, then :meth:`write` the bundle once."""

    def __init__(self, exclude_selectors: Sequence[str]) -> None:
        self._config = {"exclude_selectors": list(exclude_selectors)}
        self._service: subprocess.Popen[bytes] | None = None
        self._errors: IO[bytes] | None = None
        self._index: int | None = None
        self._opening: int | None = None
        """The NewIndex message whose reply (the index's number) has not been read yet."""
        self._sent = 0
        self._replies: dict[int, dict[str, Any]] = {}
        self._unread: list[bytes] = []
        """The start of a reply whose end has not come yet."""
        self._pages: dict[int, str] = {}
        """The page each AddFile message was about, to name it in a problem."""
        self.problem: str | None = None
        """What stopped the index, if anything did; it is then not written."""
        self.refused: list[str] = []
        """Pages Pagefind could not read (the others are indexed), with what it said."""

    def begin(self) -> None:
        """Start Pagefind now, so that it is ready by the first page (nothing is indexed or written if no page is
        added); a problem starting it is kept for :meth:`write`."""
        if self._service is None and self.problem is None:
            self._start()

    def add(self, path: str, page: str) -> None:
        """Index ``page``, the HTML written at ``path`` (relative to the site, with ``/``), from which Pagefind
        computes the page's address as it would for a page found in the site folder."""
        if self.problem is not None:
            return
        if self._service is None and not self._start():
            return
        if self._index is None and not self._opened():
            return
        sent = self._send({"type": "AddFile", "index_id": self._index, "file_path": path, "file_contents": page})
        if sent is not None:
            self._pages[sent] = path
        self._read(wait=False)

    def write(self, bundle: Path) -> list[str]:
        """Write the index into ``bundle`` (an earlier bundle there is removed first, or deleted pages would stay
        findable) and stop Pagefind; return what went wrong, if anything did."""
        if bundle.exists():
            shutil.rmtree(bundle)
        try:
            if self.problem is None and self._service is not None and self._index is not None:
                sent = self._send({"type": "GetFiles", "index_id": self._index})
                reply = self._reply(sent, time.monotonic() + TIMEOUT) if sent is not None else None
                if reply is not None:
                    self._write_files(bundle, reply.get("files"))
            return [f"search index: {page}" for page in self.refused] + ([self.problem] if self.problem else [])
        finally:
            self.close()

    def _write_files(self, bundle: Path, files: Any) -> None:
        """Write the bundle's files, as Pagefind gave them (a path in the bundle, and the content in base64); none
        if any of them is named outside the bundle."""
        try:
            named = [(PurePosixPath(file["path"]), file["content"]) for file in files]
            for name, _ in named:
                if name.is_absolute() or ".." in name.parts or not name.parts:
                    raise ValueError(f"a file outside the bundle ({str(name)!r})")
            for name, content in named:
                target = bundle.joinpath(*name.parts)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(base64.b64decode(content, validate=True))
        except (TypeError, KeyError, ValueError) as exc:  # binascii.Error is a ValueError
            self.problem = f"search index not written: Pagefind gave {exc}"
        except OSError as exc:
            self.problem = f"search index not written: {exc}"

    def close(self) -> None:
        """Stop Pagefind, whatever it was doing (a build that failed half way); nothing is written."""
        if self._service is not None:
            if self._service.stdin is not None:
                with contextlib.suppress(OSError):  # Pagefind had stopped
                    self._service.stdin.close()  # its service ends at the end of its input
            self._ended()
            if self._service.stdout is not None:
                self._service.stdout.close()
            self._service = None
        if self._errors is not None:
            self._errors.close()
            self._errors = None

    def _start(self) -> bool:
        executable = executable_path()
        if executable is None:
            self.problem = "search index not built: Pagefind's binary was not found (pip install 'pagefind[bin]')"
            return False
        self._errors = tempfile.TemporaryFile()  # noqa: SIM115 (closed by close())
        try:
            self._service = subprocess.Popen(
                [str(executable), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._errors
            )
        except OSError as exc:
            self.problem = f"search index not built: {exc}"
            return False
        assert self._service.stdout is not None
        os.set_blocking(self._service.stdout.fileno(), False)
        self._opening = self._send({"type": "NewIndex", "config": self._config})
        return self._opening is not None

    def _opened(self) -> bool:
        """Whether the index is open: its number read from Pagefind's reply to NewIndex (waited for)."""
        reply = self._reply(self._opening, time.monotonic() + TIMEOUT) if self._opening is not None else None
        if reply is None:
            return False
        self._index = reply["index_id"]
        return True

    def _send(self, payload: dict[str, Any]) -> int | None:
        """Send one message; its number, or None when Pagefind has stopped."""
        assert self._service is not None and self._service.stdin is not None
        self._sent += 1
        message = json.dumps({"message_id": self._sent, "payload": payload}).encode()
        try:
            self._service.stdin.write(base64.b64encode(message) + b",")
            self._service.stdin.flush()
        except OSError:
            self._stopped()
            return None
        return self._sent

    def _reply(self, message: int, deadline: float) -> dict[str, Any] | None:
        """The reply to ``message``, once every reply before it has come; None when something went wrong."""
        while message not in self._replies and self.problem is None:
            left = deadline - time.monotonic()
            if left <= 0:
                self.problem = f"search index not built: Pagefind did not answer within {TIMEOUT:.0f} seconds"
                return None
            self._read(wait=True, timeout=left)
        return self._replies.get(message) if self.problem is None else None

    def _read(self, wait: bool, timeout: float = 0.0) -> None:
        """Take in the replies Pagefind has written (waiting up to ``timeout`` for one if ``wait``)."""
        assert self._service is not None and self._service.stdout is not None
        stream = self._service.stdout.fileno()
        if wait:
            select.select([stream], [], [], timeout)
        chunks = []
        while True:
            try:
                chunk = os.read(stream, 1 << 16)
            except BlockingIOError:  # nothing more to read for now
                break
            if not chunk:  # the end: Pagefind has stopped
                self._stopped()
                break
            chunks.append(chunk)
        messages = []
        for chunk in chunks:  # a reply can span many chunks (the bundle's files): joined once, when it ends
            *ends, rest = chunk.split(b",")
            if ends:
                messages.append(b"".join([*self._unread, ends[0]]))
                messages += ends[1:]
                self._unread = []
            if rest:
                self._unread.append(rest)
        for message in messages:
            try:
                reply = json.loads(base64.b64decode(message, validate=True))
            except ValueError:  # binascii.Error and JSON's errors both are
                reply = {"payload": {"type": "Error", "message": f"an unreadable reply ({message[:60]!r})"}}
            self._take(reply if isinstance(reply, dict) else {})

    def _take(self, reply: dict[str, Any]) -> None:
        found, number = reply.get("payload"), reply.get("message_id")
        payload: dict[str, Any] = found if isinstance(found, dict) else {}
        if not isinstance(number, int):
            number = None
        page = self._pages.pop(number, None) if number is not None else None
        if payload.get("type") == "Error":
            if page is not None:
                self.refused.append(f"{page}: not indexed: {payload.get('message')}")
            elif self.problem is None:
                self.problem = f"search index not built: Pagefind: {payload.get('message')}"
        if number is not None and page is None:  # replies to pages are not waited for
            self._replies[number] = payload

    def _stopped(self) -> None:
        if self.problem is not None:
            return
        assert self._service is not None and self._errors is not None
        code = self._ended()
        self._errors.seek(0)
        said = self._errors.read().decode(errors="replace").strip()[-500:]
        self.problem = f"search index not built: Pagefind stopped (exit status {code}){': ' + said if said else ''}"

    def _ended(self) -> int:
        """Pagefind's exit status, once it has ended: it is stopped if it goes on for 5 s more."""
        assert self._service is not None
        try:
            return self._service.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._service.kill()
            return self._service.wait()


def executable_path() -> Path | None:
    """Pagefind's binary, looked for in the order of its Python package's ``pagefind.service.get_executable``: the
    variable PAGEFIND_BINARY_PATH, the extended binary's package, the plain one's, then the PATH. That module is not
    imported: it imports asyncio, 14 ms of the build's process before the first page."""
    named = os.environ.get("PAGEFIND_BINARY_PATH")
    if named is not None:
        return Path(named)
    for package in ("pagefind_bin_extended", "pagefind_bin"):
        try:
            return Path(importlib.import_module(package).get_executable())
        except ImportError:
            continue
    found = shutil.which("pagefind_extended") or shutil.which("pagefind")
    return Path(found) if found is not None else None
