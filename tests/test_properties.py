"""Property-based tests: for generated and mutated seeds nothing raises, nothing is lost, output is stable.

CI runs the default profile; run 10,000 examples per property with

    HYPOTHESIS_PROFILE=thorough .venv/bin/python -m pytest tests/test_properties.py
"""

from __future__ import annotations

import html
import re

from dossier.blocks import to_markdown
from dossier.frontmatter import parse_front_matter, split_front_matter
from dossier.problems import Problems
from dossier.read import read_seed
from dossier.structure import recover
from helpers import missing_sentences
from hypothesis import given
from hypothesis import strategies as st

WORDS = st.sampled_from(
    "Acme Harbour values interview loop salary equity founded revenue the a of and to in design system "
    "Q3 2026 $4.2B ~300 10M+ SEV-1 naïve Zürich 株式会社 🚀 — – “quoted” it’s & < > * _ [ ] { } | # ! ? : ;".split()
)
SENTENCE = st.lists(WORDS, min_size=1, max_size=14).map(lambda ws: " ".join(ws).capitalize() + ".")
PHRASE = st.lists(WORDS, min_size=1, max_size=6).map(lambda ws: " ".join(ws).capitalize())
LINE = st.one_of(
    SENTENCE,
    st.lists(SENTENCE, min_size=2, max_size=4).map(" ".join),
    PHRASE,
    PHRASE.map(lambda p: p + "?"),
    SENTENCE.map(lambda s: "- " + s),
    SENTENCE.map(lambda s: "1. " + s),
    SENTENCE.map(lambda s: "> " + s),
    SENTENCE.map(lambda s: "> 📖 Related: " + s),
    PHRASE.map(lambda p: "— " + p + ", Annual Report 2024"),
    st.tuples(st.sampled_from(["$4.4B", "~320,000", "10M+", "12%"]), PHRASE).map("".join),
    st.tuples(st.integers(1990, 2030).map(str), SENTENCE).map("".join),
    st.lists(PHRASE, min_size=1, max_size=5).map(lambda cells: "| " + " | ".join(cells) + " |"),
    st.just("|---|"),
    SENTENCE.map(lambda s: "BAD: " + s),
    SENTENCE.map(lambda s: "GOOD: " + s),
    PHRASE.map(lambda p: "Get the " + p + " →"),
    st.just(""),
    # Any text as the reader hands it on: it has removed NUL and the other control characters already.
    st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=60),
)
BODY = st.lists(LINE, min_size=1, max_size=30).map("\n".join)


def _shown(text: str) -> str:
    recovered = recover(text)
    markdown = (recovered.title or "") + "\n" + to_markdown(recovered.blocks)
    return html.unescape(re.sub(r"</?[a-z][^>\n]*>", "", markdown))


@given(st.binary(max_size=4000))
def test_reading_any_bytes_never_raises(data: bytes) -> None:
    problems = Problems()
    source = read_seed(data, "x.txt", problems)
    assert source is not None or problems.errors


@given(st.text(max_size=400))
def test_front_matter_never_raises(text: str) -> None:
    problems = Problems()
    split = split_front_matter("---\n" + text.replace("\r", "") + "\n---\nbody\n")
    if split.yaml_text is not None:
        result = parse_front_matter(split.yaml_text, "x.txt", problems)
        assert result is not None or problems.errors


@given(BODY)
def test_structure_recovery_loses_no_sentence(text: str) -> None:
    assert not missing_sentences(text, _shown(text))


@given(BODY, st.data())
def test_mutated_seeds_lose_no_sentence(text: str, data: st.DataObject) -> None:
    position = data.draw(st.integers(0, len(text)))
    insert = data.draw(st.sampled_from(["\n", "\n\n", "<", "```", "{{", "| ", "-- ", "    ", "\t", "#"]))
    mutated = text[:position] + insert + text[position:]
    assert not missing_sentences(mutated, _shown(mutated))


@given(BODY)
def test_rendering_is_deterministic(text: str) -> None:
    first = to_markdown(recover(text).blocks)
    assert to_markdown(recover(text).blocks) == first
