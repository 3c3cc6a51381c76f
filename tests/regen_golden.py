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


def expected_output(text: str, options: dict[str, object] | None = None) -> dict[str, object]:
    """What recovery makes of a case's input (with the case's ``options`` for :func:`recover`): title and Markdown.

    A case with notices (things removed from the seed) gives them too.
    """
    recovered = recover(text, **(options or {}))  # type: ignore[arg-type]
    out: dict[str, object] = {"title": recovered.title, "markdown": to_markdown(recovered.blocks)}
    if recovered.notices:
        out["notices"] = [f"{line}: {message}" for line, message in recovered.notices]
    return out


def main() -> None:
    for path in sorted(GOLDEN.glob("*.yaml")):
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        options = {"options": case["options"]} if case.get("options") else {}
        case = {
            "description": case["description"],
            **options,
            "input": case["input"],
            **expected_output(case["input"], case.get("options")),
        }
        path.write_text(yaml.safe_dump(case, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
        print(f"wrote {path.relative_to(GOLDEN.parent.parent)}")


if __name__ == "__main__":
    main()
