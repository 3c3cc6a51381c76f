"""The theme's templates compiled once, not at every build.

MkDocs makes a new Jinja environment for every build, every rebuild of ``mkdocs serve`` included, and that
environment compiles the theme's templates as the first pages need them: about 0.13 s for Material's, in the
build's one process. :class:`CompiledTemplates` is a Jinja bytecode cache that keeps the compiled code in memory
for the process and in the cache folder for the next build. Jinja checks each entry against its template's
source, so an edited template is compiled again.

A first build has nothing to find there. :func:`compile_ahead` compiles the templates a build will need, with
those they extend, include or import, into the cache folder: the hook runs it in a child that uses only a core
left idle (:func:`dossier.forked.when_idle`), such as the one the build's own process leaves while MkDocs converts
and writes pages in turn, so the build finds them compiled. (Compiling them in the build's process while its
children read the seeds was tried: on two cores the three processes slowed one another by more than it saved.)
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

from jinja2 import BytecodeCache, Environment, FileSystemBytecodeCache, TemplateError, meta
from jinja2.bccache import Bucket

from .seed_cache import versions

_COMPILERS = ("Jinja2", "mkdocs", "mkdocs-material")
"""Packages whose version can change the code a template compiles to (the environment's options among them)."""


def _version(also: str) -> str:
    digest = versions(_COMPILERS)
    digest.update(also.encode())
    return digest.hexdigest()[:16]


class CompiledTemplates(BytecodeCache):
    """Compiled templates by name and source file, in memory, and in ``folder`` when one is given (a folder named
    for the compilers' versions inside it, and for ``also``: whatever else the compiled code depends on, such as
    the environment's options; older ones are removed)."""

    def __init__(self, folder: Path | None = None, also: str = "") -> None:
        self._code: dict[str, bytes] = {}
        self._disk: FileSystemBytecodeCache | None = None
        if folder is not None:
            here = folder / _version(also)
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


def compile_ahead(env: Environment, names: Iterable[str]) -> None:
    """Compile the templates ``names``, and those they extend, include or import by name, into ``env``'s bytecode
    cache, as ``env`` would compile them when a page first needs them; a template that does not compile is left for
    then (when it says what is wrong)."""
    cache, loader = env.bytecode_cache, env.loader
    assert cache is not None and loader is not None
    waiting, seen = list(names), set(names)
    while waiting:
        name = waiting.pop(0)
        try:
            source, filename, _ = loader.get_source(env, name)
            bucket = cache.get_bucket(env, name, filename, source)
            if bucket.code is not None:
                continue  # compiled before; what it names was too
            tree = env.parse(source, name, filename)
            bucket.code = env.compile(tree, name, filename)
        except TemplateError:
            continue
        cache.set_bucket(bucket)
        for named in meta.find_referenced_templates(tree):
            if named is not None and named not in seen:  # None: a name computed as the page renders
                seen.add(named)
                waiting.append(named)
