"""The command-line face of the core: validate the strategy and say so in Swedish."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from strategy_as_code.cli.changes import add_commands
from strategy_as_code.cli.figures import add_command as add_figures
from strategy_as_code.cli.parser import SwedishArgumentParser
from strategy_as_code.cli.site_sources import add_command as add_site_sources
from strategy_as_code.kinds import STRATEGY_FOLDER
from strategy_as_code.problems import StrategyInvalid, warnings_report
from strategy_as_code.reading.loader import read_strategy


def _validate(args: argparse.Namespace) -> int:
    try:
        reading = read_strategy(args.folder)
    except StrategyInvalid as invalid:
        print(invalid.report(), file=sys.stderr)
        return 1
    if reading.warnings:
        print(warnings_report(reading.warnings), file=sys.stderr)
    strategy = reading.strategy
    print(f"Strategin i {args.folder} är giltig: {strategy.counts()}.")
    return 0


def _release(args: argparse.Namespace) -> int:
    from strategy_as_code.publishing.release import ReleaseRefused, Target, publish_draft, release

    target = Target(Path.cwd(), remote=args.remote, branch=args.branch)
    try:
        if args.year == "utkast":
            print(publish_draft(target))
        else:
            print(release(target, args.year, from_tag=args.from_tag))
    except ReleaseRefused as refused:
        print(f"Versionen publicerades inte.\n{refused}", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = SwedishArgumentParser(prog="strategy_as_code", description="Strategin som kod.")
    commands = parser.add_subparsers(dest="kommando", required=True, title="Kommandon")
    validate = commands.add_parser("validate", help="Kontrollera alla strategifiler.")
    validate.add_argument(
        "folder", nargs="?", default=STRATEGY_FOLDER, metavar="MAPP", help="Mappen med strategifilerna.",
    )
    validate.set_defaults(run=_validate)
    publish = commands.add_parser("release", help="Publicera en antagen årsversion, eller utkastet.")
    publish.add_argument("year", metavar="ÅR", help='Årtalet för den antagna versionen, t.ex. 2026, eller "utkast".')
    publish.add_argument("--remote", default="origin", metavar="FJÄRR", help="Git-fjärren att publicera till.")
    publish.add_argument("--branch", default="gh-pages", metavar="GREN", help="Grenen som webbplatsen publiceras på.")
    publish.add_argument(
        "--from-tag", action="store_true",
        help="För CI: publicera från en pushad tagg vÅR som pekar på HEAD (gör inget om den redan är publicerad).",
    )
    publish.set_defaults(run=_release)
    add_commands(commands)
    add_site_sources(commands)
    add_figures(commands)
    args = parser.parse_args(argv)
    return args.run(args)
