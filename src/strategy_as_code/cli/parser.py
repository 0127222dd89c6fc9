"""argparse in Swedish: a partner who mistypes `scripts/validate` or `make diff` reads the usage
line and the error in the same language as the validator's report.

argparse words its own messages in English (through gettext, with no Swedish catalogue in
Python). This parser gives its help text and its errors in Swedish: the headings and the
help option by replacement, the errors argparse can raise on our commands by pattern. An error
without a pattern is shown as argparse wrote it rather than not at all.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable
from typing import Any, NoReturn

_ERRORS = (
    (re.compile(r"the following arguments are required: (?P<names>.+)"), "det här saknas: {names}"),
    (re.compile(r"unrecognized arguments: (?P<names>.+)"), "okända argument: {names}"),
    (
        re.compile(r"argument (?P<name>\S+): invalid choice: (?P<value>.+?) \(choose from (?P<choices>.+)\)"),
        "{name} kan inte vara {value}; välj bland {choices}",
    ),
    (re.compile(r"argument (?P<name>\S+): expected one argument"), "{name} behöver ett värde"),
    (
        re.compile(r"argument (?P<name>\S+): ignored explicit argument (?P<value>.+)"),
        "{name} tar inget värde ({value})",
    ),
    # An option's own check, worded in Swedish where the option is defined (figures --timeout).
    (re.compile(r"argument (?P<name>\S+): (?P<why>'.*' (?:är|ska) .+)"), "{name}: {why}"),
)

_HEADINGS = (
    ("\npositional arguments:\n", "\nArgument:\n"),
    ("\noptions:\n", "\nFlaggor:\n"),
)


def swedish_error(message: str) -> str:
    for pattern, wording in _ERRORS:
        match = pattern.fullmatch(message)
        if match:
            return wording.format(**match.groupdict())
    return message


class _SwedishFormatter(argparse.HelpFormatter):
    def add_usage(
        self, usage: str | None, actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup], prefix: str | None = None,
    ) -> None:
        # Given here, not replaced afterwards, so that wrapped usage lines stay aligned under it.
        super().add_usage(usage, actions, groups, "Användning: " if prefix is None else prefix)


class SwedishArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose help and errors are in Swedish; its subcommands are the same kind
    (argparse makes subparsers of the parent's class). Options must be written out in full:
    `release 2026 --re x` is refused, not taken as --remote."""

    def __init__(self, *, add_help: bool = True, **kwargs: Any) -> None:
        # Keywords only, as argparse makes subparsers: help is added here, in Swedish.
        kwargs.setdefault("formatter_class", _SwedishFormatter)
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(add_help=False, **kwargs)
        if add_help:
            self.add_argument("-h", "--help", action="help", help="Visa den här hjälpen och avsluta.")

    def format_usage(self) -> str:
        return _swedish_headings(super().format_usage())

    def format_help(self) -> str:
        return _swedish_headings(super().format_help())

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fel: {swedish_error(message)}.\nSkriv {self.prog} -h för hjälp.\n")


def _swedish_headings(text: str) -> str:
    for english, swedish in _HEADINGS:
        text = text.replace(english, swedish, 1)
    return text
