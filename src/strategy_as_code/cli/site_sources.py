"""``site-sources OUT``: the site as plain files for any engine (publishing/site_sources.py), and
``site-sources --reveal OUT``: the strategy's HTML put into the site built from them."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from strategy_as_code.problems import StrategyInvalid
from strategy_as_code.publishing.site_sources import SHIELD_FILE, reveal_site, write_site_sources


def _site_sources(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if args.reveal:
        if not (out / SHIELD_FILE).is_file():
            print(f"{out / SHIELD_FILE} finns inte. Skriv källorna först med site-sources {out}.", file=sys.stderr)
            return 1
        site = Path(args.site) if args.site else out / "site"
        if not site.is_dir():
            print(f"{site} finns inte. Bygg webbplatsen först: mkdocs build -f {out / 'mkdocs.yml'}", file=sys.stderr)
            return 1
        changed = reveal_site(out, site)
        print(f"Strategins text är insatt i {changed} filer i {site}.")
        return 0
    project = Path(args.project)
    if not (project / "mkdocs.yml").is_file():
        print(f"{project / 'mkdocs.yml'} finns inte. Ange projektets mapp med --project.", file=sys.stderr)
        return 1
    if out.resolve() == project.resolve() or project.resolve().is_relative_to(out.resolve()):
        print(f"{out} är projektets egen mapp. Ange en annan mapp, t.ex. build/sources.", file=sys.stderr)
        return 1
    if out.exists() and any(out.iterdir()) and not (out / SHIELD_FILE).is_file():
        # The folder is emptied before writing: only one that holds earlier sources may be.
        print(f"{out} finns redan och innehåller annat än webbplatsens källor. Ange en ny eller tom mapp.",
              file=sys.stderr)
        return 1
    try:
        # The same variables as mkdocs.yml reads (scripts/release sets them for mike).
        written = write_site_sources(
            project, out, version=os.environ.get("RUS_VERSION", ""), status=os.environ.get("RUS_VERSION_STATUS", ""),
        )
    except StrategyInvalid as invalid:
        print(invalid.report(), file=sys.stderr)
        print(f"Inget skrevs till {out}.", file=sys.stderr)
        return 1
    print(
        f"Webbplatsens källor finns i {out}: {written.generated} genererade sidor, {written.overviews} "
        f"översiktssidor och {written.data_files} filer med öppna data.\n"
        f"Bygg med: mkdocs build -f {written.config_file}\n"
        f"Sätt sedan in strategins text: scripts/site-sources --reveal {out}"
    )
    return 0


def add_command(commands: argparse._SubParsersAction) -> None:
    text = "Skriv webbplatsens källor som vanliga filer för valfri sajtmotor, eller sätt in texten i bygget."
    command = commands.add_parser("site-sources", help=text, description=text)
    command.add_argument("out", metavar="MAPP", help="Mappen som källorna skrivs till (töms först).")
    command.add_argument("--project", default=".", metavar="PROJEKT", help="Mappen med mkdocs.yml (standard: den här).")
    command.add_argument(
        "--reveal", action="store_true",
        help="Efter bygget: sätt in strategins text i de byggda sidorna (MAPP/site, eller --site).",
    )
    command.add_argument("--site", metavar="WEBBPLATS", help="Den byggda webbplatsen (standard: MAPP/site).")
    command.set_defaults(run=_site_sources)
