"""Problems found in the strategy files, worded in Swedish for the partner who has to fix them.

Every check appends :class:`Problem` objects instead of raising, so that a partner sees every
mistake at once; the loader raises :class:`StrategyInvalid` once, at the end. A warning is a
:class:`Problem` too, kept in a list of its own: content that is merely incomplete (a goal no
indicator follows up yet) or looks like a slip, which is said but never stops a build.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one file, with where it is and what to write instead."""

    path: str
    """The file, relative to the repository root (``strategy/goals/x.yml``)."""
    line: int
    """1-based line; 0 when the problem concerns the whole file or a missing file."""
    column: int
    """1-based column; 0 when unknown."""
    message: str
    """What is wrong, in Swedish."""
    hint: str = ""
    """What to write instead, in Swedish."""

    def location(self) -> str:
        if self.line:
            return f"{self.path}:{self.line}:{self.column}"
        return self.path

    def format(self) -> str:
        text = f"{self.location()}: {self.message}"
        if self.hint:
            text += f"\n    Så här rättar du: {self.hint}"
        return text


def visible(text: str) -> str:
    """Text from a file or a file name as it can be shown in a message: characters that would not
    show, or would turn the line around (a newline, a direction mark, a byte git could not
    decode), written as escapes, so that no message can be made to say something else."""
    if text.isprintable():
        return text
    return "".join(
        char if char.isprintable() else f"\\u{ord(char):04x}" if ord(char) <= 0xFFFF else f"\\U{ord(char):08x}"
        for char in text
    )


class StrategyInvalid(Exception):
    """The strategy files have one or more problems; nothing may be built or published."""

    def __init__(self, problems: list[Problem], warnings: Iterable[Problem] = ()) -> None:
        self.problems = sorted(set(problems))
        self.warnings = sorted(set(warnings))
        """What would only have been warned about, had there been no problem: said after them."""
        super().__init__(self.report())

    def report(self, *, heading: str = "", closing: str = "") -> str:
        """Every problem, one after another, between a heading and what to do next: the one
        report of the build, the command line and the comparison of versions."""
        count = len(self.problems)
        lines = [heading or f"Strategin har {count} problem som måste rättas innan webbplatsen kan byggas:", ""]
        lines.extend(problem.format() for problem in self.problems)
        if self.warnings:
            lines.extend(["", f"Dessutom {_warnings(len(self.warnings))}, som inte stoppar bygget:", ""])
            lines.extend(warning.format() for warning in self.warnings)
        lines.append("")
        lines.append(closing or "Inget har publicerats. Rätta filerna ovan och försök igen.")
        return "\n".join(lines)


def warnings_report(warnings: Iterable[Problem]) -> str:
    """The warnings of a valid strategy, for the command line (empty when there are none)."""
    listed = sorted(set(warnings))
    if not listed:
        return ""
    lines = [f"Strategin har {_warnings(len(listed))} om innehåll som saknas eller kan ha blivit fel:", ""]
    lines.extend(warning.format() for warning in listed)
    lines.extend(["", "Varningarna stoppar inte bygget, men rätta det som inte är avsiktligt."])
    return "\n".join(lines)


def _warnings(count: int) -> str:
    return "1 varning" if count == 1 else f"{count} varningar"
