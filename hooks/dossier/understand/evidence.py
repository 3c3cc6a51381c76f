"""A decision about a seed and the evidence for it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..model import Strength


@dataclass(frozen=True)
class Guess:
    """A value guessed from a seed, the evidence for it as an editor reads it, and how strong it is."""

    value: Any
    evidence: str
    strength: Strength = Strength.MODERATE
