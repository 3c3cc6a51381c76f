"""Benchmark: how long Dossier takes to build a synthetic corpus, and how much of that is Dossier.

    .venv/bin/python benchmarks/build_time.py --companies 14 140 800 --serve --browser

For each size it writes N invented companies with seeds in the five raw forms (benchmarks/corpus.py,
deterministic from --seed) and measures, each in a child process, each build --repeat times (default 5, the
median given; peak memory the most of them), after one round of each that is not counted (the copied hooks have
no compiled bytecode yet, and every file is new to the disk's cache):

- the whole `mkdocs build` (search index included), nothing cached: wall time, peak memory, time per page,
  and the share of it that is Dossier's pipeline (as the hook logs it);
- the same build again, with the seeds parsed already (kept in .cache/dossier/ by the first);
- plain Material building the same pages exported by `dossier export`, with the same theme settings,
  then the same Pagefind run over its output: the ratio compares Dossier's build with that (the medians), and
  the spread gives the lowest and highest ratio of one round's builds;
- the sizes of the site and of its search index;
- with --serve: `mkdocs serve`, one seed edited at a time (three times), and the pipeline's median share of
  the rebuilds that follow;
- with --browser: in Chromium, under a sub-path, the time from the last keystroke of a query to its
  first result (median of the queries), the bytes fetched from opening the page to that result, and the
  longest task that kept the page busy while the query was typed and searched.
"""

from __future__ import annotations

import argparse
import os
import queue
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus  # noqa: E402

ENV = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"}
"""The children's environment; PYTHONPATH is the copied project's hooks/, so a run measures the code it copied."""
_PIPELINE = re.compile(r"seeds read into \d+ company dossiers in ([\d.]+) seconds")
_BUILT = re.compile(r"Documentation built in ([\d.]+) seconds")
QUERIES = ["salary", "interview stages", "values", "take-home exercise", "history", "negotiating", "mornings", "timeline"]
"""What the browser figures type, each into a freshly opened page."""


def _env(project: Path) -> dict[str, str]:
    return {**ENV, "PYTHONPATH": str(project / "hooks")}


def _run(command: list[str], cwd: Path) -> tuple[float, float, str]:
    """Run a child in ``cwd`` to the end: its wall time (s), peak memory (MB, with its own children) and its log."""
    started = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, env=_env(cwd), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    out = proc.stdout.read() if proc.stdout else ""
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"{' '.join(command)} failed:\n{out[-2000:]}")
    return time.perf_counter() - started, usage.ru_maxrss / 1024, out


def _project(tmp: Path, companies: int, seed: int) -> Path:
    project = tmp / "project"
    project.mkdir()
    for item in ("mkdocs.yml", "docs", "hooks"):
        source = ROOT / item
        if source.is_dir():
            shutil.copytree(source, project / item, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, project / item)
    (project / "seeds").mkdir()
    write_corpus(project / "seeds", companies, seed)
    return project


def measure(companies: int, seed: int, serve: bool, browser: bool, repeat: int = 5) -> dict[str, Any]:
    """Build a corpus of ``companies`` and return the figures: of builds and plain builds, the median of ``repeat``."""
    with tempfile.TemporaryDirectory() as tmp:
        project = _project(Path(tmp), companies, seed)
        mkdocs = [sys.executable, "-m", "mkdocs"]
        index = [sys.executable, "-m", "pagefind", "--quiet"]
        exported = project / "exported"
        _run([sys.executable, "-c", "from dossier.cli import main; main()", "export", str(exported)], project)
        firsts, plains, plain_indexes = [], [], []
        for _ in range(repeat + 1):  # taken in turn, so that the machine's ups and downs fall on both alike
            shutil.rmtree(project / ".cache", ignore_errors=True)  # a first build: nothing parsed yet
            firsts.append(_run([*mkdocs, "build", "-d", "site"], project))
            plains.append(_run([*mkdocs, "build", "-q"], exported)[0])
            plain_indexes.append(_run([*index, "--site", "site"], exported)[0])
        firsts, plains, plain_indexes = firsts[1:], plains[1:], plain_indexes[1:]  # the round not counted
        rounds = [w / (p + i) for (w, _, _), p, i in zip(firsts, plains, plain_indexes, strict=True)]
        # The same build again: the seeds are parsed already (.cache/dossier/), as for an editor's next build.
        again = statistics.median(_run([*mkdocs, "build", "-d", "site"], project)[0] for _ in range(repeat))
        wall = statistics.median(w for w, _, _ in firsts)
        peak = max(p for _, p, _ in firsts)
        pipeline = statistics.median(float(_PIPELINE.search(log).group(1)) for _, _, log in firsts)  # type: ignore[union-attr]
        plain, plain_index = statistics.median(plains), statistics.median(plain_indexes)
        site = project / "site"
        pages = sum(1 for page in site.rglob("*.html") if page.name != "404.html")
        figures: dict[str, Any] = {
            "seeds": sum(1 for _ in (project / "seeds").iterdir()),
            "pages": pages,
            "build_s": wall,
            "pipeline_share": pipeline / wall,
            "ms_per_page": 1000 * wall / pages,
            "peak_mb": peak,
            "plain_s": plain,
            "plain_index_s": plain_index,
            "ratio": wall / (plain + plain_index),
            "ratio_spread": f"{min(rounds):.2f}-{max(rounds):.2f}",
            "rebuild_s": again,
            "rebuild_ratio": again / (plain + plain_index),
            "site_mb": _size(site) / 2**20,
            "index_mb": _size(site / "pagefind") / 2**20,
        }
        if serve:
            figures["serve_share"] = serve_edit(project)
        if browser:
            figures.update(search_in_browser(site))
        return figures


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


EDITS = 3
"""One-seed edits made under `mkdocs serve`, each to another history seed; the figure is their median."""


def serve_edit(project: Path) -> float:
    """Under `mkdocs serve`, edit one seed at a time; the median share of the pipeline in the rebuilds that follow."""
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{_free_port()}"]
    proc = subprocess.Popen(command, cwd=project, env=_env(project), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=_pump, args=(proc.stdout or [], lines), daemon=True).start()
    histories = sorted((project / "seeds").glob("*history*"))
    try:
        _next_build(lines)  # the first build, before any edit
        shares = []
        for seed in histories[:EDITS]:
            # An edit made before the watcher runs goes unseen, and a change the server saw may yet not be built
            # (once, a run waited for ever): edit again until a rebuild follows.
            while True:
                sentence = "\nOne sentence added while serving.\n"
                seed.write_bytes(seed.read_bytes() + sentence.encode(_encoding(seed)))
                if not _wait_for(lines, "Detected file changes", timeout=5):
                    continue
                try:
                    spent, total = _next_build(lines, timeout=300)
                except queue.Empty:
                    continue
                break
            shares.append(spent / total)
        return statistics.median(shares)
    finally:
        proc.terminate()
        proc.wait()


def _pump(stream: Any, lines: queue.Queue[str]) -> None:
    """Pass a child's output on, line by line."""
    for line in stream:
        lines.put(line)


def _wait_for(lines: queue.Queue[str], text: str, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while (left := deadline - time.monotonic()) > 0:
        try:
            if text in lines.get(timeout=left):
                return True
        except queue.Empty:
            break
    return False


def _next_build(lines: queue.Queue[str], timeout: float = 1800) -> tuple[float, float]:
    """The pipeline's seconds and the whole build's, from the server's log of its next build; queue.Empty when the
    server says nothing for ``timeout`` seconds."""
    pipeline = 0.0
    while True:
        line = lines.get(timeout=timeout)
        if found := _PIPELINE.search(line):
            pipeline = float(found.group(1))
        elif found := _BUILT.search(line):
            return pipeline, float(found.group(1))


def _encoding(seed: Path) -> str:
    head = seed.read_bytes()[:3]
    return "utf-16-le" if head[:2] == b"\xff\xfe" else "utf-8"


class _Counting(SimpleHTTPRequestHandler):
    """Serves the site under /sub/ and counts the bytes it sends."""

    sent = 0

    def translate_path(self, path: str) -> str:
        return super().translate_path(path.removeprefix("/sub"))

    def copyfile(self, source: Any, outputfile: Any) -> None:
        data = source.read()
        type(self).sent += len(data)
        outputfile.write(data)

    def log_message(self, *args: Any) -> None:
        pass


_TIMING = """
// The time the key was pressed, not the time a busy page got round to it.
document.addEventListener("keydown", (event) => { window.__lastKey = event.timeStamp; }, true);
// The results of the whole query: the summary counts them ("12 results for salary") and the first is shown.
new MutationObserver(() => {
  const summary = document.querySelector("pagefind-modal .pf-summary");
  if (window.__first === undefined && window.__query && summary && document.querySelector("pagefind-results a")
      && summary.textContent.trim().endsWith(" for " + window.__query)) window.__first = performance.now();
}).observe(document, {childList: true, subtree: true, characterData: true});
// The longest the page was too busy to answer a key while the query was typed and searched (tasks over 50 ms).
window.__longest = 0;
new PerformanceObserver((list) => {
  for (const task of list.getEntries()) if (window.__query) window.__longest = Math.max(window.__longest, task.duration);
}).observe({type: "longtask"});
"""


def search_in_browser(site: Path) -> dict[str, float]:
    """Median ms from the last keystroke to the first result, the most KB fetched before it, and the longest task
    (ms) that kept the page from answering a key while a query was typed and searched (0: none over 50 ms)."""
    from playwright.sync_api import sync_playwright

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Counting, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    hub = sorted(p.parent.name for p in (site / "companies").glob("*/index.html"))[0]
    url = f"http://127.0.0.1:{server.server_port}/sub/companies/{hub}/"
    latencies, fetched, busiest = [], [], []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            for query in QUERIES:
                context = browser.new_context()  # a first visit: nothing cached
                page = context.new_page()
                page.add_init_script(_TIMING)
                before = _Counting.sent
                page.goto(url, wait_until="networkidle")
                page.locator("pagefind-modal-trigger button").click()
                page.evaluate("q => { window.__query = q; }", query)
                page.locator("pagefind-modal pagefind-input input").type(query, delay=40)
                page.wait_for_function("window.__first !== undefined", timeout=30000)
                latencies.append(page.evaluate("window.__first - window.__lastKey"))
                fetched.append((_Counting.sent - before) / 1024)
                page.wait_for_timeout(200)  # a task still running when the result showed is counted whole
                busiest.append(page.evaluate("window.__longest"))
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return {"first_result_ms": statistics.median(latencies), "fetched_kb": max(fetched), "longest_task_ms": max(busiest)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--companies", type=int, nargs="+", default=[14, 140])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--serve", action="store_true", help="also measure a one-seed edit under mkdocs serve")
    parser.add_argument("--browser", action="store_true", help="also measure search in Chromium")
    parser.add_argument("--repeat", type=int, default=5, help="builds of each kind, whose median is given (default 5)")
    args = parser.parse_args()
    columns = [
        ("companies", "d"),
        ("seeds", "d"),
        ("pages", "d"),
        ("build_s", ".2f"),
        ("pipeline_share", ".1%"),
        ("ms_per_page", ".1f"),
        ("peak_mb", ".0f"),
        ("plain_s", ".2f"),
        ("plain_index_s", ".2f"),
        ("ratio", ".2f"),
        ("ratio_spread", "s"),
        ("rebuild_s", ".2f"),
        ("rebuild_ratio", ".2f"),
        ("site_mb", ".1f"),
        ("index_mb", ".2f"),
        ("serve_share", ".1%"),
        ("first_result_ms", ".0f"),
        ("fetched_kb", ".0f"),
        ("longest_task_ms", ".0f"),
    ]
    print(" ".join(name for name, _ in columns))
    for n in args.companies:
        r = {"companies": n, **measure(n, args.seed, args.serve, args.browser, args.repeat)}
        cells = [format(r[name], spec) if name in r else "-" for name, spec in columns]
        print(" ".join(cell.rjust(len(name)) for cell, (name, _) in zip(cells, columns, strict=True)), flush=True)


if __name__ == "__main__":
    main()
