"""Problems found in seeds, reported as ``path:line: message``."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Severity(enum.IntEnum):
    """How bad a problem is; the order matters (higher is worse)."""

    NOTICE = 1
    """Something was repaired; shown by ``dossier check`` only."""
    WARNING = 2
    """The seed builds, but an editor should look; fails ``mkdocs build --strict``."""
    ERROR = 3
    """The seed, or part of it, could not be used."""


@dataclass(frozen=True, order=True)
class Problem:
    """One problem: where it is (a seed path relative to the seeds folder, and a line) and what."""

    path: str
    line: int | None
    message: str
    severity: Severity = Severity.WARNING

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


@dataclass
class Problems:
    """An ordered collection of problems; every stage adds to it instead of raising."""

    items: list[Problem] = field(default_factory=list)

    def add(self, path: str, line: int | None, message: str, severity: Severity = Severity.WARNING) -> None:
        """Record a problem."""
        self.items.append(Problem(path, line, message, severity))

    @property
    def errors(self) -> list[Problem]:
        """The problems of severity ERROR."""
        return [p for p in self.items if p.severity is Severity.ERROR]

    def sorted(self) -> list[Problem]:
        """Every problem, by path and line, so that reports are stable."""
        return sorted(self.items, key=lambda p: (p.path, p.line or 0, p.message))
