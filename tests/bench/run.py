"""`make bench`: for each scale, generate a strategy, then time validation, our build and the
plain build (plain.py) in child processes, several runs each, and weigh the built pages.

Usage: python -m bench.run [--scales 1 10 100] [--runs 3] [--output BENCHMARKS.md] (tests/ on
PYTHONPATH, as scripts/bench sets it). Writes the report (report.py) and the raw figures as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from bench.generate import Counts, generate
from bench.plain import PLUGIN_CONFIG, write_plain_project
from bench.report import machine, write_report
from bench.weight import PageWeight, first_load, search_index_size
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
    search_index: tuple[int, int] = (0, 0)
    weights: dict[str, PageWeight] = field(default_factory=dict)

    def median(self, name: str) -> float:
        return statistics.median(run.seconds for run in getattr(self, name))

    def fastest(self, name: str) -> float:
        return min(run.seconds for run in getattr(self, name))

    def median_cpu(self, name: str) -> float:
        return statistics.median(run.cpu_seconds for run in getattr(self, name))

    def peak(self, name: str) -> float:
        return max(run.peak_mb for run in getattr(self, name))


def measure(command: list[str], cwd: Path) -> Run:
    """Wall time and peak resident memory of one child process (its own rusage, via wait4)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
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


def _mkdocs_build(project: Path, config: str = "mkdocs.yml") -> Run:
    return measure(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", config, "--site-dir", "site"], project
    )


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


def bench_scale(workdir: Path, scale: int, runs: int) -> ScaleResult:
    project, plain, counts = prepare(workdir, scale)
    yaml_files = sorted((project / "strategy").rglob("*.yml"))
    result = ScaleResult(scale, counts, len(yaml_files), sum(p.stat().st_size for p in yaml_files))
    validate = [sys.executable, "-m", "strategy_as_code", "validate", "strategy"]
    for number in range(1, runs + 1):
        # Interleaved, so that a burst of load on a shared machine hits both builds alike.
        result.validate.append(measure(validate, project))
        result.ours.append(_mkdocs_build(project))
        result.plain.append(_mkdocs_build(plain))
        result.plugin.append(_mkdocs_build(plain, PLUGIN_CONFIG))
        print(
            f"  {scale}× run {number}/{runs}: validate {result.validate[-1].seconds:.2f} s, "
            f"ours {result.ours[-1].seconds:.2f} s, plain {result.plain[-1].seconds:.2f} s, "
            f"plain with the macros plugin {result.plugin[-1].seconds:.2f} s",
            flush=True,
        )
    _inspect(result, project / "site", plain / "site")
    return result


def _inspect(result: ScaleResult, site: Path, plain_site: Path) -> None:
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("index.html"))
    plain_pages = sorted(p.relative_to(plain_site).as_posix() for p in plain_site.rglob("index.html"))
    if pages != plain_pages:
        raise BenchFailed("the plain build does not have the same pages as ours; the ratio would mean nothing")
    result.pages = len(pages)
    result.search_index = search_index_size(site)
    goal = min((site / "mal").glob("*/index.html")).parent.name
    indicator = min((site / "indikatorer").glob("*/index.html")).parent.name
    for label, page in (("home", ""), ("goal", f"mal/{goal}/"), ("indicator", f"indikatorer/{indicator}/")):
        result.weights[label] = first_load(site, page)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark validation, build time and page weight.")
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--runs", type=int, default=3)
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
        results.append(bench_scale(args.workdir, scale, args.runs))
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
    result.search_index = tuple(item["search_index"])
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
