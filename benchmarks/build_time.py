"""Benchmark: how long Dossier takes to build a synthetic corpus, and how much of that is Dossier.

    .venv/bin/python benchmarks/build_time.py --companies 20 100

For each size it writes N companies x 5 seeds (values, interview, role, history with figures
and a timeline, and a compensation seed with front matter), deterministic from --seed, then
prints: seeds, pages, Dossier's pipeline time (in process), the whole `mkdocs build` wall
time and peak memory (a child process), time per page, the time plain Material takes to build
the same pages exported by `dossier export` (and the ratio), and the sizes of the site and of
its search index.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from dossier.pipeline import build_site  # noqa: E402

WORDS = "platform customers engineers revenue growth market teams product pricing data reliability scale".split()


def _sentence(rng: random.Random, n: int = 14) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def _paragraph(rng: random.Random, n: int = 5) -> str:
    return " ".join(_sentence(rng) for _ in range(n))


def write_corpus(folder: Path, companies: int, seed: int) -> None:
    """Write ``companies`` x 5 synthetic seeds into ``folder``."""
    rng = random.Random(seed)
    for i in range(companies):
        name = f"Company{i:04d} Systems"
        files = {
            "values": f"{name} values\n\nOur four values\n\n{_paragraph(rng, 2)}\n\n"
            + "".join(f"Value {v}\n\n{_paragraph(rng, 1)}\n\n" for v in "ABCD"),
            "interview": f"{name} interview guide\n{_paragraph(rng)}\nProcess\n{_paragraph(rng)}\n"
            f"What they ask\n- {_sentence(rng)}\n- {_sentence(rng)}\nFAQ\nIs it hard?\n{_sentence(rng)}\n",
            "role": f"{name} day in the life of a data analyst 2026\nIn short\n{_paragraph(rng)}\n"
            f"What does a day look like?\n{_paragraph(rng)}\n",
            "history": f"The story of {name}\n{_paragraph(rng, 8)}\nBy the Numbers\n{name} at scale\n$4.2BRevenue\n"
            f"~9,000Customers\nThe early years\n{_paragraph(rng, 20)}\nTimeline\n2001Founded.\n2010Went public.\n"
            f"Later\n{_paragraph(rng, 20)}\n",
            "comp": f"---\ncompany: {name}\nrole: software-engineer\nlast_updated: 2026-01-01\ncompensation:\n"
            f"  - region: London, UK\n    base_low: {rng.randrange(50, 80)}000\n    base_high: {rng.randrange(80, 120)}000\n"
            "    currency: GBP\n---\n"
            f"### Software Engineer | {name} pay guide\n\n{_paragraph(rng)}\n\n**Levers**\n\n1. {_sentence(rng)}\n",
        }
        for kind, text in files.items():
            (folder / f"{i:04d}-{kind}.txt").write_text(text, encoding="utf-8")


def measure(companies: int, seed: int) -> dict[str, float]:
    """Build a corpus of ``companies`` and return the figures."""
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        for item in ("mkdocs.yml", "docs", "hooks"):
            source = ROOT / item
            if source.is_dir():
                shutil.copytree(source, project / item, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                shutil.copy(source, project / item)
        (project / "seeds").mkdir()
        write_corpus(project / "seeds", companies, seed)
        started = time.perf_counter()
        site = build_site(project / "seeds")
        pipeline = time.perf_counter() - started
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-d", "site"],
            cwd=project,
            check=True,
            env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
        )
        wall = time.perf_counter() - started
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        # The same pages built by plain Material from `dossier export` (no hook, no search index).
        exported = project / "exported"
        cli = [sys.executable, "-c", "from dossier.cli import main; main()"]
        env = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT / "hooks")}
        subprocess.run(
            [*cli, "export", str(exported), "--config", str(project / "mkdocs.yml")], check=False, env=env, capture_output=True
        )
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=exported, check=True, env=env)
        plain = time.perf_counter() - started
        return {
            "seeds": len(site.seeds),
            "pages": len(site.pages),
            "pipeline_s": pipeline,
            "build_s": wall,
            "ms_per_page": 1000 * wall / len(site.pages),
            "peak_mb": peak_mb,
            "plain_s": plain,
            "site_mb": _size(project / "site") / 2**20,
            "index_mb": _size(project / "site" / "pagefind") / 2**20,
        }


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--companies", type=int, nargs="+", default=[20, 100])
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print(
        f"{'companies':>9} {'seeds':>6} {'pages':>6} {'pipeline s':>10} {'build s':>8} {'ms/page':>8} {'peak MB':>8}"
        f" {'plain s':>8} {'ratio':>6} {'site MB':>8} {'index MB':>8}"
    )
    for n in args.companies:
        r = measure(n, args.seed)
        print(
            f"{n:>9} {r['seeds']:>6.0f} {r['pages']:>6.0f} {r['pipeline_s']:>10.2f} {r['build_s']:>8.2f} "
            f"{r['ms_per_page']:>8.1f} {r['peak_mb']:>8.0f} {r['plain_s']:>8.2f} {r['build_s'] / r['plain_s']:>6.2f}"
            f" {r['site_mb']:>8.1f} {r['index_mb']:>8.2f}"
        )


if __name__ == "__main__":
    main()
