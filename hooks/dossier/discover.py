"""Find the seed files under the seeds folder, in a stable order."""

from __future__ import annotations

import os
from pathlib import Path

from .problems import Problems, Severity


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True


def discover(root: Path, problems: Problems) -> list[Path]:
    """Return every regular file below ``root``, sorted by relative path.

    Hidden files and folders (a name starting with ``.``) and anything reached
    through a link that leaves ``root`` are skipped with a warning, so that the
    order of files on disk never changes the site.
    """
    found: list[Path] = []
    if not root.is_dir():
        problems.add(str(root), None, "seeds folder not found; create it and add seed files", Severity.ERROR)
        return found
    for folder, dirs, files in os.walk(root, followlinks=False):
        here = Path(folder)
        kept_dirs = []
        for name in sorted(dirs):
            rel = (here / name).relative_to(root).as_posix()
            if name.startswith("."):
                problems.add(rel, None, "hidden folder skipped", Severity.WARNING)
            elif (here / name).is_symlink() and not _inside(here / name, root):
                problems.add(rel, None, "link leaving the seeds folder skipped", Severity.WARNING)
            elif (here / name).is_symlink():
                problems.add(rel, None, "linked folder skipped; its target is read where it lies", Severity.NOTICE)
            else:
                kept_dirs.append(name)
        dirs[:] = kept_dirs
        for name in sorted(files):
            path = here / name
            rel = path.relative_to(root).as_posix()
            if name.startswith("."):
                problems.add(rel, None, "hidden file skipped", Severity.WARNING)
            elif path.is_symlink() and not _inside(path, root):
                problems.add(rel, None, "link leaving the seeds folder skipped", Severity.WARNING)
            elif path.is_symlink():
                problems.add(rel, None, "link skipped; its target is read where it lies", Severity.NOTICE)
            elif not path.is_file():
                problems.add(rel, None, "not a regular file; skipped", Severity.WARNING)
            else:
                found.append(path)
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())
