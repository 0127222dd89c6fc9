"""``figures [MAPP] [--summary FIL]``: fetch the indicators' figures from Kolada and SCB into the
strategy files (figures/run.py) and say what changed; ``--summary`` also writes the description
of the pull request "Nya siffror från Kolada och SCB". KOLADA_API_URL and SCB_API_URL point the
command at a mirror or a stand-in."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from strategy_as_code.figures import Endpoints, FiguresFailed, markdown, plain, update_figures
from strategy_as_code.figures.client import Policy
from strategy_as_code.kinds import STRATEGY_FOLDER
from strategy_as_code.problems import StrategyInvalid

NOTHING_WRITTEN = "Inga siffror skrevs; strategins filer är som de var."


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} är inget antal sekunder") from None
    if not 0 <= value <= 600:
        raise argparse.ArgumentTypeError(f"{text!r} ska vara mellan 0 och 600 sekunder")
    return value


def _figures(args: argparse.Namespace) -> int:
    policy = Policy(timeout=args.timeout, first_wait=args.retry_wait)
    try:
        outcome = update_figures(Path(args.folder), endpoints=Endpoints.from_environment(os.environ), policy=policy)
    except StrategyInvalid as invalid:
        print(invalid.report(closing=f"Rätta filerna ovan och försök igen. {NOTHING_WRITTEN}"), file=sys.stderr)
        return 1
    except FiguresFailed as failed:
        print(f"Siffrorna kunde inte hämtas.\n{failed}\n{NOTHING_WRITTEN}", file=sys.stderr)
        return 1
    print(plain(outcome), end="")
    if args.summary:
        Path(args.summary).write_text(markdown(outcome), encoding="utf-8")
    return 0


def add_command(commands: Any) -> None:
    figures = commands.add_parser(
        "figures", help="Hämta indikatorernas siffror från Kolada och SCB till strategins filer.",
    )
    figures.add_argument(
        "folder", nargs="?", default=STRATEGY_FOLDER, metavar="MAPP", help="Mappen med strategifilerna.",
    )
    figures.add_argument(
        "--summary", metavar="FIL", help="Skriv också vad som ändrades, som beskrivning av en pull request (Markdown).",
    )
    figures.add_argument(
        "--timeout", type=_seconds, default=Policy.timeout, metavar="SEKUNDER",
        help=f"Hur länge ett svar får dröja innan ett nytt försök görs (normalt {Policy.timeout:g}).",
    )
    figures.add_argument(
        "--retry-wait", type=_seconds, default=Policy.first_wait, metavar="SEKUNDER",
        help=f"Väntan före andra försöket; den fördubblas för varje försök (normalt {Policy.first_wait:g}).",
    )
    figures.set_defaults(run=_figures)
