"""Regenerate the expected output of every golden case from the current code.

    .venv/bin/python tests/regen_golden.py

Then read ``git diff tests/golden`` line by line: every change is a change in what
readers see, and only the ones you meant may be committed.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from dossier.blocks import to_markdown  # noqa: E402
from dossier.structure import recover  # noqa: E402

GOLDEN = Path(__file__).resolve().parent / "golden"


def expected_output(text: str) -> dict[str, object]:
    """What recovery makes of a case's input: the title and the Markdown."""
    recovered = recover(text)
    return {"title": recovered.title, "markdown": to_markdown(recovered.blocks)}


def main() -> None:
    for path in sorted(GOLDEN.glob("*.yaml")):
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        case = {"description": case["description"], "input": case["input"], **expected_output(case["input"])}
        path.write_text(yaml.safe_dump(case, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
        print(f"wrote {path.relative_to(GOLDEN.parent.parent)}")


if __name__ == "__main__":
    main()
