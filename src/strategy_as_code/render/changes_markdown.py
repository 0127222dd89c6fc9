"""The changes between two versions (``diff.Changes``) as GitHub Markdown, for the pull-request
comment and the job summary, worded for a politician rather than a developer.

Strategy text comes from the pull request, so it is made literal here: a GitHub comment renders
Markdown and some HTML, and a proposal must not be able to put a link, an image, a mention or
markup into the bot's comment. Everything else in the output is fixed Swedish text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from strategy_as_code.changes.compare import (
    Changes,
    EntityChange,
    FieldChange,
    ListChange,
    TextChange,
    ValueChange,
    headline,
)
from strategy_as_code.changes.words import ADDED, REMOVED, SAME, Segment

HOW_TO_READ = (
    "Så läser du ändringarna: ~~överstruken text~~ har tagits bort och **fet text** har lagts till. "
    "Stycken som inte har ändrats visas inte, och … står för oförändrad text."
)

_MARKUP = re.compile(r"[\\`*_\[\]<>!|~#&${}@]")
"""Characters that can start Markdown or HTML anywhere in a line (``$`` is GitHub's math)."""
_INVISIBLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
_WORD_JOINER = "\u2060"


def escape(text: str) -> str:
    """Strategy text as literal Markdown on one line.

    Backslash escapes stop links, images, HTML, emphasis, tables, headings and lists (CommonMark
    allows one before any ASCII punctuation). Line breaks become spaces, so a text never starts a
    line of its own (no fake verdict, heading or list). GitHub links ``@name``, ``@org/team``,
    ``#123``, ``GH-123``, e-mail and web addresses and shows ``:emoji:`` after rendering, where
    escapes no longer count, so an invisible word joiner breaks those up: nobody is notified and
    nothing becomes a link.
    """
    text = " ".join(_INVISIBLE.sub("", text).split())
    text = _MARKUP.sub(lambda match: "\\" + match.group(0), text)
    # What starts a list, a rule or a heading underline when it opens a line (or a quote).
    text = re.sub(r"^([-+=])", r"\\\1", text)
    text = re.sub(r"^([0-9]+)([.)])", r"\1\\\2", text)
    text = re.sub(r"\\([@#])(?=\w)", lambda match: f"\\{match.group(1)}{_WORD_JOINER}", text)
    text = re.sub(r"(?i)\b(gh)-(?=[0-9])", lambda match: f"{match.group(1)}-{_WORD_JOINER}", text)
    text = re.sub(r":(?=[\w+-]+:)", f":{_WORD_JOINER}", text)
    text = text.replace("://", f":{_WORD_JOINER}//")
    return re.sub(r"(?i)\b(www)\.", lambda match: f"{match.group(1)}{_WORD_JOINER}.", text)


def words(line: Iterable[Segment]) -> str:
    """A line of a word diff: ~~removed~~ and **added**, markers hugging the words (CommonMark
    only reads ``**`` as emphasis when no space sits inside it)."""
    parts: list[str] = []
    previous = SAME
    for segment in line:
        if segment.op == SAME:
            parts.append(escape_keeping_edges(segment.text))
        else:
            core = segment.text.strip()
            if not core:
                continue
            lead = " " if segment.text[0].isspace() or (previous == REMOVED and segment.op == ADDED) else ""
            trail = " " if segment.text[-1].isspace() else ""
            marker = "~~" if segment.op == REMOVED else "**"
            parts.append(f"{lead}{marker}{escape(core)}{marker}{trail}")
        previous = segment.op
    return re.sub(r" {2,}", " ", "".join(parts)).strip()


def escape_keeping_edges(text: str) -> str:
    """:func:`escape`, keeping one space where the text began or ended with whitespace."""
    if not text.strip():
        return " " if text else ""
    lead = " " if text[0].isspace() else ""
    trail = " " if text[-1].isspace() else ""
    return f"{lead}{escape(text)}{trail}"


def _field(change: FieldChange) -> list[str]:
    label = escape(change.label)
    if isinstance(change, ValueChange):
        return [f"**{label}:** {escape(change.old.text)} → {escape(change.new.text)}", ""]
    if isinstance(change, TextChange):
        lines = [f"**{label}**", ""]
        for number, line in enumerate(change.lines):
            lines.extend([">"] if number else [])
            lines.append(f"> {words(line)}")
        return [*lines, ""]
    assert isinstance(change, ListChange)
    lines = [f"**{label}**", ""]
    lines.extend(f"- Har lagts till: {escape(item.text)}" for item in change.added)
    lines.extend(f"- Har tagits bort: {escape(item.text)}" for item in change.removed)
    lines.extend(f"- Har ändrats: {words(edit)}" for edit in change.edited)
    if change.reordered:
        lines.append("- Ordningen har ändrats. Så här är ordningen nu:")
        lines.extend(f"   {number}. {escape(item.text)}" for number, item in enumerate(change.after, 1))
    return [*lines, ""]


_STATUS = {"added": "Har lagts till", "removed": "Har tagits bort", "changed": "Har ändrats"}


def _entity(change: EntityChange, level: str) -> list[str]:
    lines = [f"{level} {_STATUS[change.status]}: {escape(change.name)}", ""]
    if change.summary and change.status != "changed":
        lines.extend([f"> {escape(change.summary)}", ""])
    for field in change.fields:
        lines.extend(_field(field))
    return lines


def render_changes_markdown(
    changes: Changes, *, base: str | None = None, head: str | None = None, level: int = 2
) -> str:
    """The whole summary; ``base`` and ``head`` name the compared versions (escaped here too,
    since a branch name comes from the pull request)."""
    h = "#" * level
    lines = [f"{h} Ändringar i strategin", ""]
    if base and head:
        lines.extend([f"Jämfört: {escape(base)} → {escape(head)}", ""])
    if changes.empty:
        lines.append(headline(changes))
        return "\n".join(lines) + "\n"
    if changes.initial:
        lines.extend(["Det fanns ingen strategi i den äldre versionen, så allt nedan är nytt.", ""])
    lines.extend([f"**I korthet:** {escape(headline(changes))}", "", HOW_TO_READ, ""])
    if changes.settings:
        lines.extend([f"{h}# Strategins inställningar (strategy.yml)", ""])
        for field in changes.settings:
            lines.extend(_field(field))
    for group in changes.kinds:
        lines.extend([f"{h}# {escape(group.kind.title)}", ""])
        for entity in group.entities:
            lines.extend(_entity(entity, f"{h}##"))
    return "\n".join(lines).rstrip("\n") + "\n"
