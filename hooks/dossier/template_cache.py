"""The theme's templates compiled once, not at every build.

MkDocs makes a new Jinja environment for every build, every rebuild of ``mkdocs serve`` included, and that
environment compiles the theme's templates as the first pages need them: about 0.13 s for Material's, in the
build's one process. :class:`CompiledTemplates` is a Jinja bytecode cache that keeps the compiled code in memory
for the process and in the cache folder for the next build. Jinja checks each entry against its template's
source, so an edited template is compiled again.

(Compiling them in this process while a first build's children read the seeds was tried: on two cores the
three processes slowed one another by more than the compiling saved.)
"""

from __future__ import annotations

import shutil
from pathlib import Path

from jinja2 import BytecodeCache, FileSystemBytecodeCache
from jinja2.bccache import Bucket

from .seed_cache import versions

_COMPILERS = ("Jinja2", "mkdocs", "mkdocs-material")
"""Packages whose version can change the code a template compiles to (the environment's options among them)."""


def _version() -> str:
    return versions(_COMPILERS).hexdigest()[:16]


class CompiledTemplates(BytecodeCache):
    """Compiled templates by name and source file, in memory, and in ``folder`` when one is given (a folder named
    for the compilers' versions inside it; older ones are removed)."""

    def __init__(self, folder: Path | None = None) -> None:
        self._code: dict[str, bytes] = {}
        self._disk: FileSystemBytecodeCache | None = None
        if folder is not None:
            here = folder / _version()
            try:
                if folder.is_dir():
                    for other in folder.iterdir():
                        if other != here and other.is_dir():
                            shutil.rmtree(other, ignore_errors=True)
                here.mkdir(parents=True, exist_ok=True)
                self._disk = FileSystemBytecodeCache(str(here))
            except OSError:
                self._disk = None  # compiled in memory only

    def load_bytecode(self, bucket: Bucket) -> None:
        """Give ``bucket`` the code kept for it, if any."""
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)
        elif self._disk is not None:
            self._disk.load_bytecode(bucket)

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep ``bucket``'s code for the next environment."""
        self._code[bucket.key] = bucket.bytecode_to_string()
        if self._disk is not None:
            try:
                self._disk.dump_bytecode(bucket)
            except OSError:
                self._disk = None
