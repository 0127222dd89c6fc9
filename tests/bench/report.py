"""BENCHMARKS.md: the benchmark's figures as Markdown tables, with the machine they came from
and each target of issues 6 and 15 checked against them."""

from __future__ import annotations

import datetime
import itertools
import math
import os
import platform
import subprocess
from importlib.metadata import version
from pathlib import Path

from bench.lighthouse import kept_section
from bench.search import QUERIES as SEARCH_QUERIES
from support import REPO

RATIO_TARGET = 1.15
VALIDATE_TARGET = 2.0
GOAL_PAGE_TARGET = 150 * 1024
FIRST_QUERY_TARGET = 100 * 1024
LINEAR_TOLERANCE = 0.05
"""Growth exponent allowed above 1.0 before "grows no faster than linearly" counts as missed."""


def machine() -> dict[str, str]:
    cpu = next(
        (line.split(":", 1)[1].strip() for line in _read("/proc/cpuinfo").splitlines() if line.startswith("model name")),
        platform.processor() or "unknown CPU",
    )
    memory = next((line.split()[1] for line in _read("/proc/meminfo").splitlines() if line.startswith("MemTotal")), "0")
    load = os.getloadavg()
    return {
        "cpu": f"{cpu}, {os.cpu_count()} logical cores",
        "memory": f"{int(memory) / 1024 / 1024:.1f} GB",
        "system": platform.platform(),
        "python": platform.python_version(),
        "packages": ", ".join(
            f"{name} {version(name)}" for name in ("mkdocs", "mkdocs-material", "mkdocs-macros-plugin", "Markdown")
        ),
        "load": f"{load[0]:.2f}",
        "cores": str(os.cpu_count()),
        "commit": _commit(),
    }


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError:
        return ""


def _commit() -> str:
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, check=False).stdout.strip()

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    return commit + (" with uncommitted changes" if git("status", "--porcelain", "--untracked-files=no") else "")


def _kb(size: float) -> str:
    return f"{size / 1024:,.1f}".replace(",", " ")


def _giga(count: int) -> str:
    return f"{count / 1e9:.2f} × 10⁹"


def _growth(results, cost) -> list[tuple[int, int, float]]:
    """(scale a, scale b, exponent k) with cost_b / cost_a = (pages_b / pages_a) ** k; k = 1 is linear.
    ``cost`` gives a result's figure, or None where it has none (that step is left out)."""
    steps = []
    for a, b in itertools.pairwise(results):
        if cost(a) and cost(b):
            steps.append((a.scale, b.scale, math.log(cost(b) / cost(a)) / math.log(b.pages / a.pages)))
    return steps


def write_report(output: Path, results, runs: int, before: dict[str, str], after: dict[str, str]) -> None:
    lines = [
        "# Benchmarks",
        "",
        f"Written by `make bench` (`tests/bench/run.py`) on {datetime.date.today().isoformat()} from commit "
        f"{before.get('commit') or _commit()}: {runs} run(s) per scale, median time, highest peak memory. Regenerate with "
        "`make bench` (`SCALES=\"1 10\" RUNS=1 INSTRUCTIONS=0` for a quick look). How it measures, what the profiles "
        "showed and what was changed: `tests/bench/README.md`.",
        "",
        f"- **Machine:** {before['cpu']}, {before['memory']} RAM; {before['system']}; Python {before['python']}.",
        f"- **Engine:** {before['packages']}.",
        f"- **Load average** (1 min) at start {before['load']}, at end {after['load']}, on {before['cores']} cores. "
        "Above about half the core count, other work shared the machine and the times are noisy.",
    ]
    if max(float(before["load"]), float(after["load"])) >= int(before["cores"]) / 2:
        lines += [
            "",
            "**Measured on a busy machine**: other jobs were running, so absolute times are inflated and the "
            "time ratios vary by a fifth or more from run to run; the instruction counts below do not.",
        ]
    lines += [
        "",
        "## What was built",
        "",
        "| scale | entities | YAML files | YAML size | HTML pages |",
        "| ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        lines.append(f"| {r.scale}× | {r.counts.entities} | {r.yaml_files} | {_kb(r.yaml_bytes)} KB | {r.pages} |")
    lines += [
        "",
        "## Time and memory",
        "",
        "*validate* is `python -m strategy_as_code validate` (what `make validate` runs, interpreter start "
        "included); *ours* is `mkdocs build --strict` of the project; *plain* builds the same pages as "
        "static Markdown with the same `mkdocs.yml` minus the macros plugin and hooks (`scripts/site-sources`, via `tests/bench/plain.py`). "
        "Times are medians of wall-clock time; the CPU-time ratio and the ratio of each build's fastest run "
        "are less disturbed by other work on a shared machine. *plain + macros plugin* is the plain build "
        "with mkdocs-macros switched on but given no macros: the floor for any build that keeps the plugin.",
        "",
        "Python's bytecode cache and our template cache are on, as in a user's build (`run.py` says why); "
        "*first build* is ours with both empty, as on a fresh clone in CI.",
        "",
        "| scale | validate | build, ours | first build, ours | build, plain | ours / plain | same, CPU time "
        "| same, fastest runs | plain + macros plugin / plain | ms per page, ours | peak memory, ours / plain |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        ours, plain = r.median("ours"), r.median("plain")
        cold = f"{r.cold.seconds:.2f} s" if r.cold else "–"
        lines.append(
            f"| {r.scale}× | {r.median('validate'):.2f} s | {ours:.2f} s | {cold} | {plain:.2f} s | {ours / plain:.2f} | "
            f"{r.median_cpu('ours') / r.median_cpu('plain'):.2f} | {r.fastest('ours') / r.fastest('plain'):.2f} | "
            f"{r.median('plugin') / plain:.2f} | {ours / r.pages * 1000:.0f} | "
            f"{r.peak('ours'):.0f} MB / {r.peak('plain'):.0f} MB |"
        )
    counted = [r for r in results if r.instructions]
    if counted:
        lines += [
            "",
            "### Instructions",
            "",
            "Times on this shared virtual machine vary by a fifth or more from one run to the next, even in CPU "
            "time (the host's other guests change how fast a core runs), which is more than the 15 % being "
            "measured. valgrind counts the instructions each build executes, git included; the count is the "
            "same to a thousandth on every run, busy machine or not. One run each, after the timed runs "
            "(caches warm).",
            "",
            "| scale | ours | plain | plain + macros plugin | ours / plain | plain + macros plugin / plain |",
            "| ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for r in counted:
            n = r.instructions
            lines.append(
                f"| {r.scale}× | {_giga(n['ours'])} | {_giga(n['plain'])} | {_giga(n['plugin'])} | "
                f"{n['ours'] / n['plain']:.3f} | {n['plugin'] / n['plain']:.3f} |"
            )
    growth = _growth(results, lambda r: r.median("ours"))
    if growth:
        steps = "; ".join(f"{a}× → {b}×: k = {k:.2f}" for a, b, k in growth)
        lines += ["", f"Growth of our build time with the number of pages (time ∝ pages^k, k = 1 is linear): {steps}."]
        counted_steps = _growth(results, lambda r: r.instructions.get("ours"))
        if counted_steps:
            steps = "; ".join(f"{a}× → {b}×: k = {k:.2f}" for a, b, k in counted_steps)
            lines[-1] += f" In instructions: {steps}."
    lines += [
        "",
        "## Page weight on first load",
        "",
        "Gzip (level 6) bytes a browser with an empty cache fetches: the page's HTML, then every stylesheet, "
        "script, icon and image it references. Nothing of the search index is among them (see below).",
        "",
        "| scale | page | HTML | first load |",
        "| ---: | --- | ---: | ---: |",
    ]
    names = {"home": "start page", "goal": "a goal", "indicator": "an indicator"}
    for r in results:
        for number, (label, weight) in enumerate(r.weights.items()):
            first = f"{r.scale}×" if number == 0 else ""
            lines.append(f"| {first} | {names[label]} | {_kb(weight.html)} KB | {_kb(weight.total)} KB |")
    searched = [r for r in results if r.search]
    if searched:
        lines += [
            "",
            "## Search",
            "",
            "Measured in Chromium on the built site (`tests/bench/search.py`), each query in a fresh browser with "
            "an empty cache, from the start page: what the search fetches when the page loads, when the search "
            "field gets focus, and from focus until a first query's results are shown, for the costliest of "
            f"{', '.join(f'“{q}”' for q in SEARCH_QUERIES)}. Each file as a host that compresses text sends it "
            "(gzip level 6, or as is where Pagefind has compressed it already). *Code* is Pagefind's script and "
            "WebAssembly, the same at every scale and cached after a visit; *index data* is the index's "
            "metadata, the chunks of the index the query needs, the results' fragments and the vocabulary "
            "for “Menade du …?”, which is what grows with the site.",
            "",
            "| scale | search folder on disk | on page load | on focus: code + index data | first query: code + "
            "index data | first query, total | costliest query |",
            "| ---: | ---: | ---: | ---: | ---: | ---: | --- |",
        ]
        for r in searched:
            s = r.search
            lines.append(
                f"| {r.scale}× | {s.bundle_files} files, {_kb(s.bundle_bytes)} KB | {_kb(s.on_load)} KB | "
                f"{_kb(s.focus_code)} + {_kb(s.focus_data)} KB | {_kb(s.query_code)} + {_kb(s.query_data)} KB | "
                f"{_kb(s.first_query)} KB | “{s.query}” |"
            )
    lines += ["", "## Targets (issues 6 and 15)", "", *_targets(results, growth)]
    external = sorted({url for r in results for w in r.weights.values() for url in w.external})
    if external:
        lines += ["", f"**Requests to other hosts found:** {', '.join(external)}"]
    # The Lighthouse section is written by `make lighthouse` (bench/lighthouse.py) and kept here.
    if kept := kept_section(output):
        lines += ["", kept]
    output.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _targets(results, growth) -> list[str]:
    def mark(ok: bool) -> str:
        return "met" if ok else "**missed**"

    def ratio(r) -> tuple[float, str]:
        """Instructions where counted (repeatable), else median wall time."""
        by_time = r.median("ours") / r.median("plain")
        if r.instructions:
            by_count = r.instructions["ours"] / r.instructions["plain"]
            return by_count, f"{r.scale}×: {by_count:.3f} by instructions ({by_time:.2f} by median time)"
        return by_time, f"{r.scale}×: {by_time:.2f} by median time"

    ratios = [ratio(r) for r in results]
    lines = [
        f"- ours / plain ≤ {RATIO_TARGET} at every scale: {mark(all(v <= RATIO_TARGET for v, _ in ratios))} "
        f"({'; '.join(text for _, text in ratios)}).",
    ]
    if growth:
        worst = max(k for _, _, k in growth)
        lines.append(
            f"- build time grows no faster than linearly: {mark(worst <= 1 + LINEAR_TOLERANCE)} "
            f"(largest exponent {worst:.2f}; up to {1 + LINEAR_TOLERANCE:.2f} counts as linear within noise)."
        )
    largest = results[-1]
    lines.append(
        f"- validating the {largest.scale}× strategy under {VALIDATE_TARGET:.0f} s: "
        f"{mark(largest.median('validate') < VALIDATE_TARGET)} ({largest.median('validate'):.2f} s)."
    )
    goal = [(r.scale, r.weights["goal"].total) for r in results]
    lines.append(
        f"- a goal page's first load under {GOAL_PAGE_TARGET // 1024} KB gzip: "
        f"{mark(all(v < GOAL_PAGE_TARGET for _, v in goal))} ({', '.join(f'{s}×: {_kb(v)} KB' for s, v in goal)})."
    )
    searched = [r for r in results if r.search]
    if searched:
        loads = ", ".join(f"{r.scale}×: {_kb(r.search.on_load)} KB" for r in searched)
        lines.append(
            f"- nothing of the search fetched when a page loads: {mark(all(r.search.on_load == 0 for r in searched))} "
            f"({loads})."
        )
        data = ", ".join(f"{r.scale}×: {_kb(r.search.query_data)} KB" for r in searched)
        lines.append(
            f"- a first query's index data under {FIRST_QUERY_TARGET // 1024} KB gzip at every scale: "
            f"{mark(all(r.search.query_data < FIRST_QUERY_TARGET for r in searched))} ({data}); with Pagefind's "
            f"code, {_kb(searched[0].search.query_code)} KB at every scale, the first query fetches "
            + ", ".join(f"{r.scale}×: {_kb(r.search.first_query)} KB" for r in searched) + " in all."
        )
    return lines
