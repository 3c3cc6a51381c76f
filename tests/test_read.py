"""Reading seeds: encodings, newlines, mojibake, front matter."""

from __future__ import annotations

import codecs

import pytest
from dossier.problems import Problems, Severity
from dossier.read import read_seed
from hypothesis import example, given
from hypothesis import strategies as st

TEXT = "Zürich – “quotes” café £85K €3 ✓\nSecond line\n"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with a BOM, native order
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        TEXT.encode("utf-16-le"),  # no BOM
    ],
    ids=["utf-8", "utf-8-bom", "utf-16", "utf-16-be-bom", "utf-16-le-bom", "utf-16-le-no-bom"],
)
def test_unicode_encodings_read_to_the_same_text(data: bytes) -> None:
    source = read_seed(data, "s.txt", Problems())
    assert source is not None
    assert source.body == TEXT


def test_cp1252_fallback() -> None:
    text = "Zürich – “quotes” café £85K €3\n"
    source = read_seed(text.encode("cp1252"), "s.txt", Problems())
    assert source is not None and source.body == text
    assert source.encoding == "cp1252"


def test_cp1252_unassigned_bytes_do_not_raise() -> None:
    source = read_seed(b"Caf\xe9 \x81\x8d\x8f\x90\x9d end\n", "s.txt", Problems())
    assert source is not None and source.body.startswith("Café") and source.body.endswith("end\n")


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_lone_cr_become_lf(newline: str) -> None:
    source = read_seed(newline.join(["one", "two", "three"]).encode(), "s.txt", Problems())
    assert source is not None and source.body == "one\ntwo\nthree"


def test_mojibake_is_repaired() -> None:
    broken = "Base $140K–$185K, London £85K — “it’s quoted".encode("utf-8").decode("cp1252", errors="ignore")
    assert "â€" in broken
    problems = Problems()
    source = read_seed(broken.encode("utf-8"), "s.txt", problems)
    assert source is not None
    assert source.body == "Base $140K–$185K, London £85K — “it’s quoted"
    assert any("mojibake repaired" in p.message for p in problems.items)


def test_unrepairable_residue_is_removed_and_reported_with_its_line() -> None:
    # The UTF-8 bytes of an emoji read as cp1252, with the unassigned bytes lost.
    residue = "🏗️".encode("utf-8").decode("cp1252", errors="ignore")
    data = f"First line\nSecond line\n### {residue} Harbour Lever\nAfter\n".encode("utf-8")
    problems = Problems()
    source = read_seed(data, "s.txt", problems)
    assert source is not None
    assert "### Harbour Lever" in source.body.split("\n")
    notes = [p for p in problems.items if "unrepairable" in p.message]
    assert [(p.line, p.severity) for p in notes] == [(3, Severity.NOTICE)]
    assert str(notes[0]).startswith("s.txt:3: ")


def test_accented_text_is_not_mistaken_for_mojibake() -> None:
    text = "Zürich Versicherung, naïve café—résumé, São Paulo, Ærø.\n"
    problems = Problems()
    source = read_seed(text.encode("utf-8"), "s.txt", problems)
    assert source is not None and source.body == text
    assert problems.items == []


FRONT = "---\ncompany: Acme Rockets\nrole: data-engineer\n---\n# Title\n\nBody text.\n"


@pytest.mark.parametrize(
    "data",
    [
        FRONT.encode("utf-8"),
        codecs.BOM_UTF8 + FRONT.encode("utf-8"),
        FRONT.replace("\n", "\r\n").encode("utf-8"),
        codecs.BOM_UTF8 + FRONT.replace("\n", "\r").encode("utf-8"),
        FRONT.encode("utf-16"),
    ],
    ids=["plain", "bom", "crlf", "bom-cr", "utf-16"],
)
def test_front_matter_never_leaks_into_the_body(data: bytes) -> None:
    source = read_seed(data, "s.txt", Problems())
    assert source is not None
    assert source.front_matter == {"company": "Acme Rockets", "role": "data-engineer"}
    assert source.body == "# Title\n\nBody text.\n"
    assert source.body_line == 5


def test_unterminated_front_matter_is_body() -> None:
    source = read_seed(b"---\ncompany: x\nno closing line\n", "s.txt", Problems())
    assert source is not None and source.front_matter == {} and "company: x" in source.body


def test_invalid_front_matter_is_reported_with_its_line_and_shown_as_text() -> None:
    problems = Problems()
    data = b"---\ncompany: Acme\nrole: [unclosed\n---\nBody.\n"
    source = read_seed(data, "bad.txt", problems)
    assert source is not None
    assert "role: [unclosed" in source.body  # nothing lost
    errors = [str(p) for p in problems.errors]
    assert len(errors) == 1 and errors[0].startswith("bad.txt:4: front matter is not valid YAML")


def test_front_matter_that_is_not_a_mapping_is_an_error() -> None:
    problems = Problems()
    source = read_seed(b"---\n- a\n- b\n---\nBody.\n", "list.txt", problems)
    assert source is not None and source.front_matter == {}
    assert "must be a mapping" in str(problems.errors[0])


def test_unsafe_yaml_tags_are_rejected() -> None:
    problems = Problems()
    source = read_seed(b"---\nx: !!python/object/apply:os.system ['true']\n---\nBody.\n", "evil.txt", problems)
    assert source is not None and source.front_matter == {}
    assert problems.errors and problems.errors[0].line == 2


@pytest.mark.parametrize("data, message", [(b"", "empty"), (b"  \n\t\n", "empty"), (b"\x00\x01\x02binary\x00", "binary")])
def test_unusable_files_are_errors(data: bytes, message: str) -> None:
    problems = Problems()
    assert read_seed(data, "x.txt", problems) is None
    assert message in problems.errors[0].message


_ASCII = st.one_of(st.characters(max_codepoint=127), st.sampled_from(["&amp;", "&lt;b&gt;", "&#58;", "\x1b[31m", "<b>", "\x7f"]))


@given(st.lists(_ASCII, max_size=60).map("".join))
def test_ascii_text_is_repaired_as_ftfy_would(text: str) -> None:
    """ASCII text without entities or control characters skips ftfy: what it gives is what ftfy gives."""
    from dossier.read import _ftfy, repair_mojibake

    problems = Problems()
    assert repair_mojibake(text, "seed.txt", 1, problems) == _ftfy(text, "auto")
    assert not [p for p in problems.items if "repaired" in p.message] or _ftfy(text, "auto") != text


def test_ascii_text_with_an_entity_or_a_control_character_still_goes_through_ftfy() -> None:
    from dossier.read import repair_mojibake

    assert repair_mojibake("Pay &amp; equity", "seed.txt", 1, Problems()) == "Pay & equity"
    assert repair_mojibake("Pay\x07 and equity", "seed.txt", 1, Problems()) == "Pay and equity"


_MIXED = st.sampled_from(
    ["Pay", " ", "\n", "\r", "\u2028", "&amp;", "<b>", "caf\u00c3\u00a9", "Ã¢â‚¬â€œ", "–", "é", "\x07", "ﬁ", "\x1b[31m"]
)


@given(st.lists(_MIXED, max_size=40).map("".join))
@example("<b>Pay</b>\ncafé &amp; tea\n")  # after a line with markup, ftfy leaves entities alone
def test_only_the_lines_ftfy_could_change_go_through_it(text: str) -> None:
    from dossier.read import _fix_text, _ftfy

    assert _fix_text(text) == _ftfy(text, "auto")
