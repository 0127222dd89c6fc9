"""The benchmark's synthetic strategies are valid and build, so `make bench` measures real sites.
No timing here: speed is measured by `make bench`, never asserted in a test."""

from __future__ import annotations

import subprocess
from pathlib import Path

from bench.generate import Counts, generate
from bench.plain import write_plain_project
from strategy_as_code import load_strategy
from support import MKDOCS, build, copy_project


def test_one_times_has_the_shape_of_the_example(tmp_path: Path):
    counts = generate(tmp_path / "strategy", 1)
    strategy = load_strategy(tmp_path / "strategy")
    assert counts == Counts.at(1)
    assert [len(strategy.all(kind)) for kind in ("goals", "strategies", "principles", "success_factors")] == [3, 8, 5, 8]
    assert [len(strategy.all(kind)) for kind in ("actions", "indicators", "partners", "decisions")] == [5, 12, 15, 4]
    assert all(len(indicator.values) == 10 for indicator in strategy.indicators)
    codes = [p.kommunkod for p in strategy.partners if p.type == "kommun"]
    assert len(codes) == 8 and len(set(codes)) == 8


def test_ten_times_validates_with_unique_municipality_codes(tmp_path: Path):
    generate(tmp_path / "strategy", 10)
    strategy = load_strategy(tmp_path / "strategy")
    assert len(strategy.goals) == 30 and len(strategy.partners) == 150
    codes = [p.kommunkod for p in strategy.partners if p.type == "kommun"]
    assert len(codes) == len(set(codes)) < len(strategy.partners) / 2


def test_generator_is_deterministic(tmp_path: Path):
    generate(tmp_path / "a", 1)
    generate(tmp_path / "b", 1)
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*.yml"))
    assert files and all((tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes() for f in files)


def test_one_times_builds_and_so_does_its_plain_twin(tmp_path: Path):
    project = copy_project(tmp_path)
    generate(project / "strategy", 1)
    result = build(project)
    assert result.returncode == 0, result.stderr
    plain = write_plain_project(project, tmp_path / "plain")
    plain_result = subprocess.run(
        [*MKDOCS, "build", "--strict", "--config-file", str(plain), "--site-dir", str(tmp_path / "plain-site")],
        cwd=plain.parent, capture_output=True, text=True, check=False,
    )
    assert plain_result.returncode == 0, plain_result.stderr
    ours = sorted(p.relative_to(project / "site") for p in (project / "site").rglob("index.html"))
    theirs = sorted(p.relative_to(tmp_path / "plain-site") for p in (tmp_path / "plain-site").rglob("index.html"))
    assert ours == theirs and len(ours) > 50


def test_the_lighthouse_section_is_replaced_in_place_and_kept_by_the_benchmark(tmp_path):
    from bench.lighthouse import END, START, kept_section, write

    output = tmp_path / "BENCHMARKS.md"
    output.write_text("# Benchmarks\n\nbefore\n", encoding="utf-8")
    write(output, f"{START}\nfirst\n{END}")
    write(output, f"{START}\nsecond\n{END}")
    assert output.read_text(encoding="utf-8") == f"# Benchmarks\n\nbefore\n\n{START}\nsecond\n{END}\n"
    assert kept_section(output) == f"{START}\nsecond\n{END}"
