"""``scripts/fork-test``: the template as a region's web team takes it. The working tree is copied
to a scratch folder (with git, as a fresh clone); for each of Sweden's 21 regions in turn
``make new-region`` replaces the strategy with that region's start, ``make validate`` and
``make build`` must pass, and no built page may name the example's region nor miss one of the
region's municipalities. The region asked for (Gävleborg unless named) comes last, and the whole
``make test`` runs on it. ``--single`` leaves out the other 20, ``--no-suite`` the test suite.

The copy uses this checkout's virtual environment (its requirements are the same files) with the
copy's own ``src/`` first on the path, so it tests the copy's code without installing anything."""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from strategy_as_code import regions
from strategy_as_code.regions import fold

REPO = Path(__file__).resolve().parents[2]
DEFAULT_REGION = "Region Gävleborg"
SITE_SUFFIXES = {".html", ".json", ".csv", ".xml", ".js", ".txt", ".svg"}


class ForkFailed(Exception):
    """A step failed; the message says which, in Swedish."""


def copy_working_tree(target: Path) -> None:
    """Every file git tracks or would track (not ignored), with its time, so that make sees the
    virtual environment as up to date."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=REPO,
        capture_output=True, check=True,
    ).stdout.decode().split("\0")
    for relative in filter(None, listed):
        source = REPO / relative
        if source.is_file() and not source.is_symlink():
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / relative)
    (target / ".venv").symlink_to(REPO / ".venv")


def environment(fork: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "UPDATE_GOLDEN")}
    return {**env, "CI": "true", "PYTHONPATH": str(fork / "src"), "NO_MKDOCS_2_WARNING": "1"}


def step(fork: Path, name: str, command: list[str], *, quiet: bool = True) -> float:
    """Run ``command`` in the fork; the time it took, or :class:`ForkFailed` with its output."""
    started = time.monotonic()
    done = subprocess.run(command, cwd=fork, env=environment(fork), text=True, check=False,
                          capture_output=quiet, stdin=subprocess.DEVNULL)
    took = time.monotonic() - started
    if done.returncode != 0:
        output = (done.stdout or "") + (done.stderr or "") if quiet else ""
        raise ForkFailed(f"{name} misslyckades (kod {done.returncode}).\n{output[-6000:]}")
    print(f"  {name}: klart på {took:.0f} s", flush=True)
    return took


def example_names() -> set[str]:
    """How a page could name an invented example's region: "Sjöland", and "sjoland" as in
    addresses. The real regions re-entered as examples (example_note) are real names a fork may
    rightly use: Dalarna borders Gävleborg, and Region Dalarna's own site says Dalarna."""
    names = set()
    for settings in sorted((REPO / "examples").glob("*/strategy.yml")):
        data = yaml.safe_load(settings.read_text(encoding="utf-8"))
        if data.get("example_note"):
            continue
        region = str(data["region"])
        short = region.removeprefix("Region ").strip()
        names |= {fold(short), re.sub(r"[^a-z0-9]+", "-", fold(short)).strip("-")}
    return names


def pages_naming_the_example(site: Path, names: set[str]) -> list[str]:
    return sorted(
        str(path.relative_to(site)) for path in site.rglob("*")
        if path.is_file() and path.suffix in SITE_SUFFIXES
        and any(name in fold(path.read_text(encoding="utf-8", errors="replace")) for name in names)
    )


def check_site(fork: Path, county: regions.County, names: set[str]) -> None:
    named = pages_naming_the_example(fork / "site", names)
    if named:
        raise ForkFailed(
            f"Webbplatsen för {county.region} nämner fortfarande exemplet ({', '.join(sorted(names))}) i "
            f"{len(named)} filer: {', '.join(named[:10])}"
        )
    partners = (fork / "site" / "aktorer" / "index.html").read_text(encoding="utf-8")
    missing = [m.code for m in county.municipalities if m.code not in partners or m.organisation not in partners]
    if missing:
        raise ForkFailed(f"Aktörssidan för {county.region} saknar kommunerna med kommunkod {', '.join(missing)}.")
    listed = "kommunen" if len(county.municipalities) == 1 else f"alla {len(county.municipalities)} kommuner"
    print(f"  webbplatsen nämner inte exemplet och listar {listed} med kommunkod")


def new_region(fork: Path, county: regions.County) -> None:
    # As the README says a region does it; --force because the scratch folder's strategy/ may hold a
    # real strategy (this repository's own, or the region of the round before).
    step(fork, f"make new-region REGION=\"{county.region}\"",
         ["make", "--silent", "new-region", f"REGION={county.region}", "ARGS=--yes --force"])


def run(region: str, *, single: bool, suite: bool, keep: bool) -> int:
    sweden = regions.load()
    names = example_names()
    fork = Path(tempfile.mkdtemp(prefix="fork-test-"))
    started = time.monotonic()
    try:
        copy_working_tree(fork)
        for args in (["init", "-q", "-b", "main"], ["add", "-A"],
                     ["-c", "user.name=Fork", "-c", "user.email=fork@example.invalid", "commit", "-q", "-m", "Mallen"]):
            subprocess.run(["git", *args], cwd=fork, check=True, capture_output=True)
        last = sweden.find(region)
        counties = [last] if single else [*(c for c in sweden.counties if c != last), last]
        for county in counties:
            print(f"{county.label}:", flush=True)
            new_region(fork, county)
            step(fork, "make validate", ["make", "--silent", "validate"])
            step(fork, "make build", ["make", "--silent", "build"])
            check_site(fork, county, names)
        if suite:
            print(f"{last.region}: hela testsviten", flush=True)
            step(fork, "make test", ["make", "--silent", "test"], quiet=False)
    except ForkFailed as failed:
        print(f"\nProvet som en annan region misslyckades: {failed}", file=sys.stderr)
        print(f"Kopian finns kvar i {fork}." if keep else "", file=sys.stderr)
        return 1
    finally:
        if not keep:
            shutil.rmtree(fork, ignore_errors=True)
    regions_done = "1 region" if len(counties) == 1 else f"{len(counties)} regioner"
    print(f"Klart: {regions_done} på {time.monotonic() - started:.0f} s.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/fork-test", description=__doc__)
    parser.add_argument("region", nargs="?", default=DEFAULT_REGION, help=f"Regionen (standard: {DEFAULT_REGION}).")
    parser.add_argument("--single", action="store_true", help="Bara den regionen, inte alla 21.")
    parser.add_argument("--no-suite", action="store_true", help="Validera och bygg, men kör inte testerna.")
    parser.add_argument("--keep", action="store_true", help="Behåll kopian (för felsökning).")
    args = parser.parse_args(argv)
    return run(args.region, single=args.single, suite=not args.no_suite, keep=args.keep)


if __name__ == "__main__":
    raise SystemExit(main())
