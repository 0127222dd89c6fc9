"""`make bench`: for each scale, generate a strategy, then time validation, our build and the
plain build (plain.py) in child processes, several runs each, and weigh the built pages.

Usage: python -m bench.run [--scales 1 10 100] [--runs 3] [--output BENCHMARKS.md] (tests/ on
PYTHONPATH, as scripts/bench sets it). Writes the report (report.py) and the raw figures as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

from bench.generate import Counts, generate
from bench.plain import PLUGIN_CONFIG, TWIN_CONFIG, write_plain_project
from bench.report import machine, write_report
from bench.search import SearchWeight, measure_search
from bench.weight import PageWeight, first_load
from support import REPO, copy_project


class BenchFailed(Exception):
    """A child process of the benchmark failed; its output says why."""


@dataclass(frozen=True)
class Run:
    seconds: float
    """Wall-clock time."""
    cpu_seconds: float
    """User plus system CPU time: less disturbed than wall time when others share the machine."""
    peak_mb: float


@dataclass
class ScaleResult:
    scale: int
    counts: Counts
    yaml_files: int
    yaml_bytes: int
    pages: int = 0
    validate: list[Run] = field(default_factory=list)
    ours: list[Run] = field(default_factory=list)
    plain: list[Run] = field(default_factory=list)
    plugin: list[Run] = field(default_factory=list)
    """The plain build with the macros plugin switched on (and no macros): the plugin's own floor."""
    cold: Run | None = None
    """Our first build with nothing cached: no compiled templates and no bytecode of our modules,
    as on a fresh clone (CI)."""
    instructions: dict[str, int] = field(default_factory=dict)
    """Instructions executed by each build (``ours``, ``plain``, ``plugin``), counted by valgrind:
    repeatable to a thousandth whatever else the machine does, where times vary by a fifth."""
    search: SearchWeight | None = None
    """Bytes the search fetches on page load, on focus and for a first query (bench/search.py)."""
    weights: dict[str, PageWeight] = field(default_factory=dict)

    def median(self, name: str) -> float:
        return statistics.median(run.seconds for run in getattr(self, name))

    def fastest(self, name: str) -> float:
        return min(run.seconds for run in getattr(self, name))

    def median_cpu(self, name: str) -> float:
        return statistics.median(run.cpu_seconds for run in getattr(self, name))

    def peak(self, name: str) -> float:
        return max(run.peak_mb for run in getattr(self, name))


CACHE = "cache"
"""Under the work folder: the children's XDG_CACHE_HOME, where our compiled templates go."""


def child_environment(workdir: Path) -> dict[str, str]:
    """What a user's build has: Python's bytecode cache on (its default; this machine's environment
    turns it off with PYTHONDONTWRITEBYTECODE, and our template cache follows that switch) and the
    template cache in the work folder. A fixed hash seed makes the instruction counts repeatable."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "XDG_CACHE_HOME": str(workdir.resolve() / CACHE),
           "PYTHONHASHSEED": "0"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def clear_caches(workdir: Path, project: Path) -> None:
    """Forget compiled templates and the bytecode of our own modules (not the installed packages',
    which pip compiled at install time): the state of a fresh clone."""
    shutil.rmtree(workdir / CACHE / "strategy-as-code", ignore_errors=True)
    for folder in (REPO / "src", project / "macros"):
        for pycache in folder.rglob("__pycache__"):
            shutil.rmtree(pycache, ignore_errors=True)


def measure(command: list[str], cwd: Path, env: dict[str, str]) -> Run:
    """Wall time and peak resident memory of one child process (its own rusage, via wait4)."""
    with tempfile.TemporaryFile() as output:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode:
            output.seek(0)
            raise BenchFailed(f"{' '.join(command)} failed:\n{output.read().decode(errors='replace')[-4000:]}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)  # ru_maxrss: kilobytes


def _build_command(config: str, site: str = "site") -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", config, "--site-dir", site]


def _mkdocs_build(project: Path, env: dict[str, str], config: str = "mkdocs.yml") -> Run:
    return measure(_build_command(config), project, env)


def valgrind_available() -> bool:
    return shutil.which("valgrind") is not None


def count_instructions(project: Path, env: dict[str, str], config: str = "mkdocs.yml", site: str = "site") -> int:
    """Instructions one build executes, its child processes (git) included, counted by valgrind's
    cachegrind without cache simulation (about 20 times slower than the build)."""
    command = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--trace-children=yes",
               "--cachegrind-out-file=/dev/null", *_build_command(config, site)]
    done = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, check=False)
    if done.returncode:
        raise BenchFailed(f"{' '.join(command)} failed:\n{done.stderr[-4000:]}")
    counts = re.findall(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if not counts:
        raise BenchFailed(f"valgrind printed no instruction count:\n{done.stderr[-2000:]}")
    return sum(int(count.replace(",", "")) for count in counts)


def prepare(workdir: Path, scale: int) -> tuple[Path, Path, Counts]:
    """Our project with a generated strategy at ``scale``, and its plain twin."""
    root = workdir / f"scale-{scale}"
    if root.exists():
        shutil.rmtree(root)
    (root / "project").mkdir(parents=True)
    project = copy_project(root / "project")
    counts = generate(project / "strategy", scale)
    plain = root / "plain"
    write_plain_project(project, plain)
    return project, plain, counts


def bench_scale(workdir: Path, scale: int, runs: int, instructions: bool) -> ScaleResult:
    project, plain, counts = prepare(workdir, scale)
    yaml_files = sorted((project / "strategy").rglob("*.yml"))
    result = ScaleResult(scale, counts, len(yaml_files), sum(p.stat().st_size for p in yaml_files))
    env = child_environment(workdir)
    validate = [sys.executable, "-m", "strategy_as_code", "validate", "strategy"]
    clear_caches(workdir, project)
    result.cold = _mkdocs_build(project, env)
    print(f"  {scale}× first build, nothing cached: {result.cold.seconds:.2f} s", flush=True)
    for number in range(1, runs + 1):
        # Interleaved, so that a burst of load on a shared machine hits both builds alike.
        result.validate.append(measure(validate, project, env))
        result.ours.append(_mkdocs_build(project, env))
        result.plain.append(_mkdocs_build(plain, env, TWIN_CONFIG))
        result.plugin.append(_mkdocs_build(plain, env, PLUGIN_CONFIG))
        print(
            f"  {scale}× run {number}/{runs}: validate {result.validate[-1].seconds:.2f} s, "
            f"ours {result.ours[-1].seconds:.2f} s, plain {result.plain[-1].seconds:.2f} s, "
            f"plain with the macros plugin {result.plugin[-1].seconds:.2f} s",
            flush=True,
        )
    if instructions:
        print(f"  {scale}× counting instructions with valgrind (about 20 times a build)", flush=True)
        # Side by side, each into its own site folder: a count does not depend on what else runs.
        builds = {"ours": (project, "mkdocs.yml"), "plain": (plain, TWIN_CONFIG), "plugin": (plain, PLUGIN_CONFIG)}
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            futures = {name: pool.submit(count_instructions, folder, env, config, f"site-{name}")
                       for name, (folder, config) in builds.items()}
            result.instructions = {name: future.result() for name, future in futures.items()}
    _inspect(result, project / "site", plain / "site")
    return result


def _inspect(result: ScaleResult, site: Path, plain_site: Path) -> None:
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("index.html"))
    plain_pages = sorted(p.relative_to(plain_site).as_posix() for p in plain_site.rglob("index.html"))
    if pages != plain_pages:
        raise BenchFailed("the plain build does not have the same pages as ours; the ratio would mean nothing")
    result.pages = len(pages)
    result.search = measure_search(site)
    goal = min((site / "mal").glob("*/index.html")).parent.name
    indicator = min((site / "indikatorer").glob("*/index.html")).parent.name
    for label, page in (("home", ""), ("goal", f"mal/{goal}/"), ("indicator", f"indikatorer/{indicator}/")):
        result.weights[label] = first_load(site, page)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark validation, build time and page weight.")
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--instructions-up-to", type=int, default=10, metavar="SCALE",
        help="count instructions with valgrind at scales up to this one (0: never); 100× takes about an hour",
    )
    parser.add_argument("--output", type=Path, default=REPO / "BENCHMARKS.md")
    parser.add_argument("--workdir", type=Path, default=REPO / ".bench", help="generated projects and sites")
    parser.add_argument("--report-only", action="store_true", help="rewrite the report from the last results.json")
    args = parser.parse_args(argv)
    raw = args.workdir / "results.json"
    if args.report_only:
        saved = json.loads(raw.read_text(encoding="utf-8"))
        results = [_from_json(item) for item in saved["results"]]
        write_report(args.output, results, saved["runs"], saved["before"], saved["after"])
        print(f"Wrote {args.output} from {raw}")
        return 0

    before = machine()
    results = []
    for scale in args.scales:
        print(f"{scale}×: generating and building {args.runs} times", flush=True)
        count = scale <= args.instructions_up_to and valgrind_available()
        results.append(bench_scale(args.workdir, scale, args.runs, count))
    after = machine()
    write_report(args.output, results, args.runs, before, after)
    saved = {"runs": args.runs, "before": before, "after": after, "results": [asdict(r) for r in results]}
    raw.write_text(json.dumps(saved, indent=1), encoding="utf-8")
    print(f"Wrote {args.output} (raw figures in {raw})")
    return 0


def _from_json(item: dict) -> ScaleResult:
    result = ScaleResult(item["scale"], Counts(**item["counts"]), item["yaml_files"], item["yaml_bytes"], item["pages"])
    for name in ("validate", "ours", "plain", "plugin"):
        setattr(result, name, [Run(**run) for run in item[name]])
    result.cold = Run(**item["cold"]) if item.get("cold") else None
    result.instructions = item.get("instructions", {})
    result.search = SearchWeight(**item["search"]) if item.get("search") else None
    result.weights = {
        label: PageWeight(**{**weight, "external": tuple(weight["external"])}) for label, weight in item["weights"].items()
    }
    return result


if __name__ == "__main__":
    try:
        raise SystemExit(main())
    except BenchFailed as failure:
        print(failure, file=sys.stderr)
        raise SystemExit(1) from None
