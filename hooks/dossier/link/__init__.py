"""The link stage: a term index of the corpus, mentions linked to where they are explained, and what mentions each page."""

from .linker import Mention, PageLinker
from .terms import Outline, Target, TermIndex, build_index

__all__ = ["Mention", "Outline", "PageLinker", "Target", "TermIndex", "build_index"]
