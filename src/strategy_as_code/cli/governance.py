"""``scripts/governance [--check]``: write CODEOWNERS, the issue forms' contact link, the
pull-request template and CONTRIBUTING.md's region lines from ``strategy/strategy.yml``
(publishing/governance.py), or, with ``--check`` (CI), name every file that has drifted."""

from __future__ import annotations

import sys
from pathlib import Path

from strategy_as_code.cli.parser import SwedishArgumentParser
from strategy_as_code.problems import StrategyInvalid
from strategy_as_code.publishing.governance import COMMAND, SETTINGS, GovernanceError, drifted_files, write_files


def _parser() -> SwedishArgumentParser:
    parser = SwedishArgumentParser(
        prog="scripts/governance",
        description=f"Skriv .github/CODEOWNERS, ärendeformulärens kontaktlänk, mallen för pull requests och "
                    f"regionens rader i CONTRIBUTING.md från {SETTINGS}.",
    )
    parser.add_argument("--check", action="store_true",
                        help="Skriv inget; säg vilka filer som inte stämmer med strategy.yml (för CI).")
    parser.add_argument("--root", type=Path, default=None, metavar="MAPP",
                        help="Repots rot (normalt den aktuella mappen).")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    root = (args.root or Path.cwd()).resolve()
    try:
        if args.check:
            drifted = drifted_files(root)
            for relative in drifted:
                print(f"{relative} stämmer inte med {SETTINGS}. Skriv filen på nytt med {COMMAND} "
                      f"(eller scripts/governance) och checka in den.", file=sys.stderr)
            return 1 if drifted else 0
        changed = write_files(root)
    except StrategyInvalid as invalid:
        print(invalid.report(), file=sys.stderr)
        print("Filerna skrevs inte: rätta strategin först.", file=sys.stderr)
        return 1
    except GovernanceError as refused:
        print(refused, file=sys.stderr)
        return 1
    print("Skrev " + ", ".join(changed) + "." if changed else "Filerna stämmer redan med strategy.yml.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
