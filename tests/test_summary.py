"""What hubs and the companies index say: overview, contents, freshness."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dossier.pipeline import build_site
from dossier.problems import Problems
from dossier.read import Source, read_seed
from dossier.summary import freshness, latest_date


def _write(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(text, encoding="utf-8")


def test_freshness_from_front_matter_dateline_or_edition() -> None:
    assert freshness(Source("a", "Body", {"last_updated": dt.date(2026, 2, 3)})) == "2026-02-03"
    assert freshness(Source("b", "Guide to Porto\nLast updated by the People team, March 2026\nText.")) == "March 2026"
    assert freshness(Source("c", "Benefits explained (2025 edition)\nText.")) == "2025 edition"
    assert freshness(Source("d", "No date anywhere.\nUpdated lists follow.")) == ""
    assert latest_date(["2026-01-02", "March 2026", "", "2025-12-31"]) == "2026-01-02"


def test_hub_overview_and_company_card(tmp_path: Path) -> None:
    _write(
        tmp_path, "h.txt", "Pellworth history\nIn 1990 a ferry sank off Pellworth. Pellworth Marine was founded a year later.\n"
    )
    _write(
        tmp_path,
        "i.txt",
        "Pellworth Marine builds hybrid ferries for island routes in the North Sea and the Baltic.\n"
        "Process\nA recruiter screen, two interview rounds and an onsite loop at the yard.\n",
    )
    _write(
        tmp_path,
        "d.txt",
        "---\ncompany: Pellworth Marine\nkind: other\n---\nA guide to the Husum yard for new staff\n"
        "Parking is behind hall 3. Lunch is at noon.\n",
    )
    site = build_site(tmp_path)
    hub = next(p for p in site.pages if p.src_uri == "companies/pellworth-marine/index.md")
    # The line that says what the company does, not the history's opening anecdote.
    lead = next(line for line in hub.markdown.split("\n")[1:] if line.strip() and not line.startswith("<"))
    assert lead.startswith("Pellworth Marine builds hybrid ferries")
    cards = next(p for p in site.pages if p.src_uri == "companies/index.md").markdown
    assert "Interview process; history; a document (A guide to the Husum yard for new staff)" in cards


def test_a_quote_that_lost_its_last_byte_is_removed_and_reported() -> None:
    text = "He said “carriers live within 60 days” rather than later.\n"
    broken = text.encode("utf-8").decode("cp1252", errors="ignore").encode("utf-8")
    problems = Problems()
    source = read_seed(broken, "m.txt", problems)
    assert source is not None
    assert "†" not in source.body and "60 days rather than later." in source.body
    assert any(p.line == 1 and "last byte was lost" in p.message for p in problems.items)


def test_markdown_summary_skips_taglines_and_bold_headings(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "c.md",
        "---\ncompany: Pellworth Marine\ncompensation: []\n---\n### Welder | Pellworth Marine pay guide\n\n"
        "**In one line:** union rates | overtime is where the money is\n\n**How Pellworth pays its welders**\n"
        "Welders at Pellworth Marine are paid by the hour under the regional shipyard agreement.\n",
    )
    (page,) = build_site(tmp_path).seeds
    assert page.summary == "Welders at Pellworth Marine are paid by the hour under the regional shipyard agreement."
