"""Classification: company, kind and role of the samples, of seeds about other companies, and overrides."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from dossier.model import Kind
from dossier.pipeline import build_site
from dossier.problems import Problems, Severity
from dossier.read import read_seed
from dossier.understand import classify, reconcile_companies
from helpers import CORPUS, CORPUS2, CORPUS3, SAMPLE_SEEDS, SPEC
from hypothesis import given
from hypothesis import strategies as st

SAMPLES = yaml.safe_load(SPEC.read_text(encoding="utf-8"))["seeds"]
CORPUS_SEEDS = [
    {**seed, "corpus": folder}
    for folder in (CORPUS, CORPUS2)
    for seed in yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))["seeds"]
]
CORPUS_IDS = [f"{s['corpus'].name}/{s['file']}" for s in CORPUS_SEEDS]


def _classified(folder: Path) -> dict[str, object]:
    """Every seed of a folder classified as the site build does (corpus-wide reconciliation included)."""
    site = build_site(folder)
    return {page.path: page.classification for page in site.seeds}


@pytest.fixture(scope="module")
def samples() -> dict[str, object]:
    return _classified(SAMPLE_SEEDS)


@pytest.fixture(scope="module")
def corpus() -> dict[Path, dict[str, object]]:
    return {folder: _classified(folder / "seeds") for folder in (CORPUS, CORPUS2, CORPUS3)}


@pytest.mark.parametrize("expected", SAMPLES, ids=[s["file"] for s in SAMPLES])
def test_sample_seeds(samples: dict[str, object], expected: dict[str, object]) -> None:
    got = samples[expected["file"]]
    assert (got.company, got.kind.value, got.role) == (expected["company"], expected["kind"], expected.get("role"))


@pytest.mark.parametrize("expected", CORPUS_SEEDS, ids=CORPUS_IDS)
def test_seeds_about_other_companies(corpus: dict[Path, dict[str, object]], expected: dict[str, object]) -> None:
    got = corpus[expected["corpus"]][expected["file"]]
    assert (got.company, got.kind.value, got.role) == (expected["company"], expected["kind"], expected.get("role"))


REAL = yaml.safe_load((CORPUS3 / "expected.yaml").read_text(encoding="utf-8"))["seeds"]


@pytest.mark.parametrize("expected", REAL, ids=[e["file"] for e in REAL])
def test_real_documents_are_filed_under_their_company(corpus: dict[Path, dict[str, object]], expected: dict[str, object]) -> None:
    assert corpus[CORPUS3][expected["file"]].company == expected["company"]


def test_real_documents_are_of_the_right_kind(corpus: dict[Path, dict[str, object]]) -> None:
    wrong = [
        (e["file"], corpus[CORPUS3][e["file"]].kind.value, e["kind"])
        for e in REAL
        if corpus[CORPUS3][e["file"]].kind.value != e["kind"]
    ]
    assert len(wrong) <= 0.1 * len(REAL), f"wrong kinds (file, got, expected): {wrong}"


def test_real_documents_name_their_role(corpus: dict[Path, dict[str, object]]) -> None:
    wrong = [
        (e["file"], corpus[CORPUS3][e["file"]].role, e.get("role"))
        for e in REAL
        if corpus[CORPUS3][e["file"]].role != e.get("role")
    ]
    assert len(wrong) <= 0.1 * len(REAL), f"wrong roles (file, got, expected): {wrong}"


def test_real_corpus_covers_what_the_issue_asks() -> None:
    assert len(REAL) >= 20
    assert len({e["company"] for e in REAL}) >= 6
    assert {e["language"] for e in REAL} >= {"en", "ja"}
    assert {e["kind"] for e in REAL} >= {"history", "values", "interview", "compensation", "levels"}


def _read(text: str) -> tuple[str, dict[str, object]]:
    source = read_seed(text.encode("utf-8"), "x.txt", Problems())
    assert source is not None
    return source.body, source.front_matter


INTERVIEW = (
    "Harbourline Robotics interview guide\n"
    "Harbourline Robotics hires slowly. The onsite loop has four interview rounds and a recruiter call.\n"
    "Rounds\n- Coding interview\n- System design interview\n"
)


def test_text_alone_gives_company_and_kind() -> None:
    c = classify(*_read(INTERVIEW))
    assert (c.company, c.kind, c.role) == ("Harbourline Robotics", Kind.INTERVIEW, None)
    assert c.evidence and any("interview" in e for e in c.evidence)


def test_front_matter_overrides_the_guess() -> None:
    text = "---\ncompany: Ferrovia Nord\nkind: values\nrole: Site Reliability Engineer\n---\n" + INTERVIEW
    c = classify(*_read(text))
    assert (c.company, c.kind, c.role) == ("Ferrovia Nord", Kind.VALUES, "Site Reliability Engineer")


def test_folder_overrides_the_guess_and_front_matter_overrides_the_folder() -> None:
    assert classify(*_read(INTERVIEW), folder="ferrovia-nord").company == "Ferrovia Nord"
    front = "---\ncompany_display: Ferrovia Nord S.p.A.\n---\n" + INTERVIEW
    assert classify(*_read(front), folder="ferrovia-nord").company == "Ferrovia Nord S.p.A."


def test_unknown_kind_is_other() -> None:
    body, front = _read("Lunch menu\nSoup of the day is tomato. Bread is fresh. Coffee is free.\n")
    assert classify(body, front).kind is Kind.OTHER


def test_short_name_takes_the_full_name_used_elsewhere_in_the_corpus() -> None:
    short = classify(*_read("Kepplar builds rockets. Kepplar ships often. Kepplar hires engineers.\n"))
    full = classify(*_read("---\ncompany: Kepplar Launch Systems\n---\nText.\n"))
    assert short.company == "Kepplar"
    assert [c.company for c in reconcile_companies([short, full])] == ["Kepplar Launch Systems"] * 2


def test_folder_override_in_a_build(tmp_path: Path) -> None:
    (tmp_path / "ferrovia-nord").mkdir()
    (tmp_path / "ferrovia-nord" / "a.txt").write_text(INTERVIEW, encoding="utf-8")
    site = build_site(tmp_path)
    assert [(c.name, c.slug) for c in site.companies] == [("Ferrovia Nord", "ferrovia-nord")]


def test_a_seed_naming_one_known_company_once_is_filed_under_it(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("---\ncompany: Ferrovia Nord\n---\nFerrovia Nord values.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Notes from a visit\nWe toured the depot of Ferrovia Nord in Milan last spring.\n")
    site = build_site(tmp_path)
    assert [p.classification.company for p in site.seeds] == ["Ferrovia Nord", "Ferrovia Nord"]
    assert not [p for p in site.problems.items if p.severity >= Severity.WARNING]


def test_a_terms_literal_starts_cover_every_match() -> None:
    from dossier.understand.starts import starts

    assert starts(re.compile(r"\b(?:junior|senior) engineers?\b", re.IGNORECASE)) == ("junior engineer", "senior engineer")
    assert starts(re.compile(r"\bphone screen\b|\bPTO\b", re.IGNORECASE)) == ("phone screen", "pto")
    assert starts(re.compile(r"面接")) == ("面接",)
    # A branch that may start with any letter, or an optional first letter: no shortcut.
    assert starts(re.compile(r"\bsalary\b|\w+ pay\b")) == ()
    assert starts(re.compile(r"\b(?:L|IC)?\d\b")) == ()


def test_the_kind_shortcut_never_changes_a_guess(monkeypatch: pytest.MonkeyPatch) -> None:
    """Terms are looked for the fast way (dossier.understand.starts.Term); the guesses stay what a full scan gives."""
    import dossier.understand.kind as kind
    from dossier.understand.starts import Term

    texts = []
    for folder in (SAMPLE_SEEDS, CORPUS / "seeds", CORPUS2 / "seeds", CORPUS3 / "seeds"):
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            source = read_seed(path.read_bytes(), path.name, Problems())
            if source is not None:
                texts.append((source.body, str(source.front_matter.get("title", ""))))
    assert any(term._bare for terms in kind._terms().values() for term, _ in terms)
    shortcut = [kind.guess_kind(text, title) for text, title in texts]
    monkeypatch.setattr(Term, "findall", lambda self, text, lowered: [m.lower() for m in self.pattern.findall(text)])
    assert [kind.guess_kind(text, title) for text, title in texts] == shortcut


_PIECES = [
    "salary",
    "Salary",
    "salaries",
    "xsalary",
    "salary_",
    "in 2019",
    "in 19999",
    "IN 2020",
    "négotiating",
    "Negotiate",
    "health plan",
    "life  coverage",
    "life coverage",
    "the day starts",
    "phone screen",
    "Screen",
    "xscreen",
    "pay",
    "xpay",
    "İ",
    "ß",
    "-",
    "'",
    " ",
    "\n",
    ".",
    "4",
    "a",
]


@given(st.lists(st.sampled_from(_PIECES), max_size=30))
def test_a_term_finds_what_its_pattern_finds(pieces: list[str]) -> None:
    from dossier.understand.starts import Term

    text = "".join(pieces)
    patterns = [
        r"\bsalar(?:y|ies)\b",
        r"\bin (?:19|20)\d\d\b",
        r"\bnegotiat\w*",
        r"\b(?:health|life) (?:plan|coverage)\b",
        r"\bthe day (?:begins|starts)\b",
        r"\bphone screen\b|\bscreen\b",
        r"\bscreen\b|pay",  # the second alternative needs no boundary: no shortcut may assume one
    ]
    for pattern in patterns:
        compiled = re.compile(pattern, re.IGNORECASE)
        assert Term(compiled).findall(text, text.lower()) == [m.lower() for m in compiled.findall(text)], pattern


_WORD_PIECES = [
    "Acme",
    "Rail",
    "R&D",
    "O'Neil",
    "e.g.",
    "x-ray",
    "_",
    "4",
    "42N",
    "株式会社",
    "では",
    "İ",
    "ß",
    "&",
    " ",
    ".",
    ",",
    "’s",
]


@given(st.lists(st.sampled_from(_WORD_PIECES), max_size=20).map("".join))
def test_a_word_and_what_follows_it_are_read_as_the_words_of_the_line(line: str) -> None:
    from dossier.understand.company import _WORD, _WORD_AND_GAP

    words = list(_WORD.finditer(line))
    expected = [(m.group(), line[m.end() : words[i + 1].start()] if i + 1 < len(words) else "") for i, m in enumerate(words)]
    pairs = _WORD_AND_GAP.findall(line)
    assert [(w, g if i + 1 < len(pairs) else "") for i, (w, g) in enumerate(pairs)] == expected
