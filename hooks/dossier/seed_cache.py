"""Parsed seeds kept on disk between builds, so that a rebuild reads again only the seeds that changed.

A seed's entry is found by its path and the hash of its bytes, inside a folder named for the version
of everything that could parse it otherwise: Dossier's own code and templates, the libraries that read
text, and Python. A change to any of them starts a new folder and removes the old ones. An entry that
cannot be read (cut short, written by another version) is parsed again, never trusted.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import shutil
import sys
import tempfile
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

LIBRARIES = ("ftfy", "markdown-it-py", "mdit-py-plugins", "wordfreq", "tldextract", "pydantic", "Babel", "PyYAML", "nh3")
"""Libraries whose version can change how a seed is read."""
_PACKAGE = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def code_version() -> str:
    """A digest of Dossier's code and templates, the reading libraries' versions and Python's."""
    digest = hashlib.sha256(sys.version.encode())
    for name in LIBRARIES:
        try:
            digest.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=-".encode())
    for file in sorted(_PACKAGE.rglob("*")):
        if file.suffix in (".py", ".j2") and "__pycache__" not in file.parts:
            digest.update(file.relative_to(_PACKAGE).as_posix().encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


class SeedCache:
    """Entries by (path, content hash) in ``folder``/<code version>/."""

    def __init__(self, folder: Path) -> None:
        self.root = folder
        self.folder = folder / code_version()

    def _file(self, key: tuple[str, str]) -> Path:
        name = hashlib.sha256("\0".join(key).encode()).hexdigest()
        return self.folder / name[:2] / f"{name}.pickle"

    def get(self, key: tuple[str, str]) -> Any | None:
        """The entry stored for ``key``, or None."""
        try:
            with self._file(key).open("rb") as file:
                return pickle.load(file)
        except FileNotFoundError:
            return None
        except Exception:  # any entry that cannot be read back is parsed again
            return None

    def put(self, key: tuple[str, str], value: Any) -> None:
        """Store ``value`` for ``key``; a cache that cannot be written is skipped."""
        target = self._file(key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=target.parent, delete=False, suffix=".tmp") as file:
                pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(file.name, target)
        except OSError:
            return

    def keep_only(self, keys: set[tuple[str, str]]) -> None:
        """Remove every entry but those of ``keys``, and the folders of other code versions.

        Only what this class writes is touched: folders named as a code version, and entry files in them.
        """
        wanted = {self._file(key) for key in keys}
        try:
            for other in self.root.iterdir():
                if other.is_dir() and _VERSION.fullmatch(other.name) and other.name != self.folder.name:
                    shutil.rmtree(other, ignore_errors=True)
            if self.folder.is_dir():
                for entry in self.folder.glob("[0-9a-f][0-9a-f]/*"):
                    if _ENTRY.fullmatch(entry.name) and entry not in wanted:
                        entry.unlink(missing_ok=True)
        except OSError:
            return


_VERSION = re.compile(r"[0-9a-f]{16}")
_ENTRY = re.compile(r"[0-9a-f]{64}\.pickle|[^/]+\.tmp")
