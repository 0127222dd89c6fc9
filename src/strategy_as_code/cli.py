"""The command-line face of the core: validate the strategy and say so in Swedish."""

from __future__ import annotations

import argparse
import sys

from strategy_as_code.cli_changes import add_commands
from strategy_as_code.kinds import KINDS
from strategy_as_code.loader import load_strategy
from strategy_as_code.problems import StrategyInvalid


def _validate(args: argparse.Namespace) -> int:
    try:
        strategy = load_strategy(args.folder)
    except StrategyInvalid as invalid:
        print(invalid.report(), file=sys.stderr)
        return 1
    counts = ", ".join(f"{len(strategy.all(kind.key))} {kind.plural}" for kind in KINDS)
    print(f"Strategin i {args.folder} är giltig: {counts}.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="strategy_as_code", description="Strategin som kod.")
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="Kontrollera alla strategifiler.")
    validate.add_argument("folder", nargs="?", default="strategy", help="Mappen med strategifilerna.")
    validate.set_defaults(run=_validate)
    add_commands(commands)
    args = parser.parse_args(argv)
    return args.run(args)
