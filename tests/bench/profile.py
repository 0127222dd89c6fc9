"""Where the time goes: cProfile both builds of one scale (ours and plain) and compare the time
spent in each package, so that our glue's share stands out from the engine's.

Usage: python -m bench.profile SCALE [--workdir .bench] (after `make bench` prepared that scale,
or it prepares it). Profiled times are inflated; read the shares, not the seconds.
"""

from __future__ import annotations

import argparse
import os
import pstats
import subprocess
import sys
from collections import Counter
from pathlib import Path

from bench.run import prepare
from support import REPO

_GROUPS = (
    ("/src/strategy_as_code/", "strategy_as_code (our core)"),
    ("/macros/", "macros/ (our glue)"),
    ("/mkdocs_macros/", "mkdocs-macros plugin"),
    ("/material/templates/", "theme templates (Jinja)"),
    ("/overrides/", "theme templates (Jinja)"),
    ("/material/", "material plugins"),
)


def _group(filename: str) -> str | None:
    """The package a function belongs to; None for the standard library and built-ins, whose
    time is charged to whoever called them (``re`` for Markdown counts as Markdown's)."""
    for marker, name in _GROUPS:
        if marker in filename:
            return name
    if "site-packages/" in filename:
        return filename.split("site-packages/", 1)[1].split("/", 1)[0].removesuffix(".py")
    return None


def by_package(profile: Path) -> Counter:
    stats = pstats.Stats(str(profile)).stats  # type: ignore[attr-defined]
    shares: dict = {}

    def share(function, seen: frozenset) -> Counter:
        """Fractions of ``function``'s own time per package, following callers through the stdlib."""
        if function in shares:
            return shares[function]
        group = _group(function[0])
        if group is not None:
            result = Counter({group: 1.0})
        else:
            callers = {c: edge for c, edge in stats[function][4].items() if c not in seen and c in stats}
            weights = {c: edge[2] or edge[1] for c, edge in callers.items()}
            total = sum(weights.values())
            result = Counter()
            for caller, weight in weights.items():
                for name, fraction in share(caller, seen | {function}).items():
                    result[name] += fraction * weight / total
            result = result or Counter({"python (top level)": 1.0})
        shares[function] = result
        return result

    totals: Counter = Counter()
    for function, (_, _, tottime, _, _) in stats.items():
        for name, fraction in share(function, frozenset()).items():
            totals[name] += tottime * fraction
    return totals


def profile_build(project: Path, output: Path) -> Counter:
    subprocess.run(
        [sys.executable, "-m", "cProfile", "-o", str(output), "-m", "mkdocs", "build", "--strict", "--quiet",
         "--site-dir", "site"],
        cwd=project, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return by_package(output)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Profile our build against the plain build at one scale.")
    parser.add_argument("scale", type=int)
    parser.add_argument("--workdir", type=Path, default=REPO / ".bench")
    args = parser.parse_args(argv)
    root = args.workdir / f"scale-{args.scale}"
    if not (root / "plain" / "mkdocs.yml").exists():
        prepare(args.workdir, args.scale)
    ours = profile_build(root / "project", root / "ours.prof")
    plain = profile_build(root / "plain", root / "plain.prof")
    total_ours, total_plain = sum(ours.values()), sum(plain.values())
    print(f"{'package':32} {'ours':>8} {'plain':>8} {'extra':>8}   (profiled seconds; profiles in {root})")
    for name in sorted(set(ours) | set(plain), key=lambda n: -(ours[n] - plain[n])):
        if max(ours[name], plain[name]) >= 0.01 * total_ours:
            print(f"{name:32} {ours[name]:8.2f} {plain[name]:8.2f} {ours[name] - plain[name]:+8.2f}")
    print(f"{'total':32} {total_ours:8.2f} {total_plain:8.2f} {total_ours - total_plain:+8.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
