"""What a build did for each seed (read it, linked it), kept on disk so that the next build redoes only that of
the seeds that changed.

An entry is found by the seed's path, the hash of its bytes and what else the work depended on, inside a folder
named for the version of everything that could have done it otherwise: Dossier's own code and templates, the
libraries that read text, and Python. A change to any of them starts a new folder and removes the old ones. An
entry that cannot be read back (cut short, written by another version) is done again, never trusted.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import shutil
import sys
from collections.abc import Callable
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar, cast

LIBRARIES = ("ftfy", "markdown-it-py", "mdit-py-plugins", "wordfreq", "tldextract", "pydantic", "Babel", "PyYAML", "nh3")
"""Libraries whose version can change how a seed is read."""
_PACKAGE = Path(__file__).resolve().parent


def versions(packages: tuple[str, ...]) -> hashlib._Hash:
    """A SHA-256 under way over Python's version and those of ``packages`` (installed or not)."""
    digest = hashlib.sha256(sys.version.encode())
    for name in packages:
        try:
            digest.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=-".encode())
    return digest


@lru_cache(maxsize=1)
def code_version() -> str:
    """A digest of Dossier's code and templates, the reading libraries' versions and Python's."""
    digest = versions(LIBRARIES)
    for file in sorted(_PACKAGE.rglob("*")):
        if file.suffix in (".py", ".j2") and "__pycache__" not in file.parts:
            digest.update(file.relative_to(_PACKAGE).as_posix().encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


class SeedCache:
    """Entries by key (a tuple of strings: a seed's path and content hash, and what else the work depended on) in
    ``folder``/<code version>/. Entries this build neither read, wrote nor kept are removed by :meth:`prune`."""

    def __init__(self, folder: Path) -> None:
        self.root = folder
        self.folder = folder / code_version()
        self.used: set[Path] = set()
        self.changed = False
        self._folders: set[Path] = set()

    def _file(self, key: tuple[str, ...]) -> Path:
        name = hashlib.sha256(repr(key).encode()).hexdigest()
        return self.folder / name[:2] / f"{name}.pickle"

    def get(self, key: tuple[str, ...]) -> Any | None:
        """The entry stored for ``key``, or None."""
        file = self._file(key)
        try:
            with file.open("rb") as stream:
                value = pickle.load(stream)
        except Exception:  # none yet, or one that cannot be read back: it is made again
            return None
        self.used.add(file)
        return value

    def recall(self, key: tuple[str, ...], known: Any | None) -> Any | None:
        """``known`` (the process's own copy, whose entry is then kept, or stored if the folder lost it), or else
        the entry stored for ``key``."""
        if known is None:
            return self.get(key)
        file = self._file(key)
        if file.exists():
            self.used.add(file)
        else:
            self.put(key, known)
        return known

    def put(self, key: tuple[str, ...], value: Any) -> None:
        """Store ``value`` for ``key``; a cache that cannot be written is skipped.

        A forked child may store entries too: the parent then records them with :meth:`mark`.
        """
        target = self.mark(key)
        # Named for the process, so that two processes never write the same file; renamed whole into place.
        partial = target.with_name(f"{target.name}.{os.getpid()}.tmp")
        try:
            if target.parent not in self._folders:
                target.parent.mkdir(parents=True, exist_ok=True)
                self._folders.add(target.parent)
            with partial.open("wb") as file:
                pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(partial, target)
        except OSError:
            partial.unlink(missing_ok=True)

    def mark(self, key: tuple[str, ...]) -> Path:
        """Record that the entry for ``key`` was stored by this build (here or in a child); return its file."""
        target = self._file(key)
        self.used.add(target)
        self.changed = True
        return target

    def prune(self) -> None:
        """After a build that stored something: remove the entries it did not use, and the folders of other code
        versions. Only what this class writes is touched: folders named as a code version, and entry files in them."""
        if not self.changed:
            return
        try:
            for other in self.root.iterdir():
                if other.is_dir() and _VERSION.fullmatch(other.name) and other.name != self.folder.name:
                    shutil.rmtree(other, ignore_errors=True)
            for entry in self.folder.glob("[0-9a-f][0-9a-f]/*"):
                if _ENTRY.fullmatch(entry.name) and entry not in self.used:
                    entry.unlink(missing_ok=True)
        except OSError:
            return


T = TypeVar("T")


def reuse(cache: SeedCache | None, key: tuple[str, ...], known: T | None, make: Callable[[], T], kind: type) -> T:
    """``known`` (this process's own copy), else the entry of type ``kind`` that ``cache`` stored for ``key``, else
    what ``make`` makes, which ``cache`` then stores for the next build."""
    return reuse_many(cache, [(key, known)], lambda missing: [make() for _ in missing], kind)[0]


def reuse_many(
    cache: SeedCache | None,
    items: list[tuple[tuple[str, ...], T | None]],
    make: Callable[[list[int]], list[T]],
    kind: type,
    stores_itself: bool = False,
) -> list[T]:
    """For each (key, known) of ``items``, as :func:`reuse`; ``make`` is given the positions of all the items that
    neither is known nor stored, to make them at once, in order. With ``stores_itself``, ``make`` stores each itself (with
    :meth:`SeedCache.put`, in the process that made it)."""
    found: list[T | None] = []
    for key, known in items:
        stored = cache.recall(key, known) if cache is not None else known
        found.append(cast(T, stored) if isinstance(stored, kind) else None)
    missing = [i for i, value in enumerate(found) if value is None]
    for i, made in zip(missing, make(missing) if missing else [], strict=True):
        found[i] = made
        if cache is not None and stores_itself:
            cache.mark(items[i][0])
        elif cache is not None:
            cache.put(items[i][0], made)
    return cast(list[T], found)


_VERSION = re.compile(r"[0-9a-f]{16}")
_ENTRY = re.compile(r"[0-9a-f]{64}\.pickle|[^/]+\.tmp")
