"""Command line for comparing versions: ``diff BASE HEAD`` (the changes, in Swedish Markdown)
and ``review BASE HEAD`` (the pull-request summary: validation and changes). Both read the
strategy from git and leave the working tree alone."""

from __future__ import annotations

import argparse
import sys

from strategy_as_code.changes.compare import compare
from strategy_as_code.kinds import STRATEGY_FOLDER
from strategy_as_code.problems import StrategyInvalid
from strategy_as_code.publishing.review import review_markdown
from strategy_as_code.reading.revisions import (
    Revision,
    RevisionUnavailable,
    invalid_report,
    load_revision,
    load_revision_or_none,
    resolve,
)
from strategy_as_code.render.changes_markdown import render_changes_markdown


def _revisions(args: argparse.Namespace) -> tuple[Revision, Revision] | None:
    """BASE and HEAD resolved to commits, or None after saying in Swedish why one is missing."""
    try:
        return resolve(args.repo, args.base), resolve(args.repo, args.head)
    except RevisionUnavailable as unavailable:
        print(unavailable, file=sys.stderr)
        return None


def _diff(args: argparse.Namespace) -> int:
    revisions = _revisions(args)
    if revisions is None:
        return 2
    base, head = revisions
    revision = base  # the one being loaded, named if it is invalid
    try:
        old = load_revision_or_none(args.repo, base, args.folder)
        revision = head
        new = load_revision(args.repo, head, args.folder)
    except StrategyInvalid as invalid:
        print(invalid_report(revision, invalid), file=sys.stderr)
        return 1
    print(render_changes_markdown(
        compare(old, new), base=args.base_label or str(base), head=args.head_label or str(head),
    ), end="")
    return 0


def _review(args: argparse.Namespace) -> int:
    revisions = _revisions(args)
    if revisions is None:
        return 2
    base, head = revisions
    print(review_markdown(
        args.repo, base, head, folder=args.folder, base_label=args.base_label, head_label=args.head_label,
    ), end="")
    return 0


def add_commands(commands: argparse._SubParsersAction) -> None:
    for name, run, text in (
        ("diff", _diff, "Visa vad som har ändrats i strategin mellan två git-revisioner."),
        ("review", _review, "Sammanfatta en pull request: är strategin giltig, och vad ändras?"),
    ):
        command = commands.add_parser(name, help=text, description=text)
        command.add_argument("base", metavar="BASE", help="Den äldre revisionen, t.ex. main.")
        command.add_argument("head", metavar="HEAD", help="Den nyare revisionen, t.ex. HEAD.")
        command.add_argument("--repo", default=".", metavar="MAPP", help="Git-förrådet (standard: den här mappen).")
        command.add_argument(
            "--folder", default=STRATEGY_FOLDER, metavar="MAPP",
            help=f"Strategimappen i förrådet (standard: {STRATEGY_FOLDER})."
        )
        command.add_argument("--base-label", default="", metavar="NAMN", help="Namn på den äldre versionen i texten.")
        command.add_argument("--head-label", default="", metavar="NAMN", help="Namn på den nyare versionen i texten.")
        command.set_defaults(run=run)
