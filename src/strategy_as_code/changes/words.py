"""A word-level diff of two texts, and the changed lines of it with some words of context:
what a reader sees of an edited text on the changes page and in the review comment."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

SAME, REMOVED, ADDED = "same", "removed", "added"


@dataclass(frozen=True)
class Segment:
    """A run of words in a word-level diff: kept, removed or added."""

    op: str
    text: str


_TOKEN = re.compile(r"\s+|\S+")


def word_diff(old: str, new: str) -> tuple[Segment, ...]:
    """``old`` -> ``new`` as runs of kept, removed and added words (whitespace kept as written).

    Whitespace between two changed words joins the change, so that a rewritten phrase reads as
    one removed and one added phrase rather than a word-by-word zigzag.
    """
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    opcodes = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    runs: list[tuple[str, str, str]] = []  # (op, removed text, added text); op "same" keeps a == b
    for index, (op, i1, i2, j1, j2) in enumerate(opcodes):
        old_part, new_part = "".join(a[i1:i2]), "".join(b[j1:j2])
        # A paragraph break stays a boundary, so that each paragraph's change reads on its own.
        between_changes = 0 < index < len(opcodes) - 1 and not old_part.strip() and "\n" not in old_part
        if op == "equal" and not between_changes:
            runs.append((SAME, old_part, old_part))
        elif runs and runs[-1][0] != SAME:
            runs[-1] = ("change", runs[-1][1] + old_part, runs[-1][2] + new_part)
        else:
            runs.append(("change", old_part, new_part))
    segments: list[Segment] = []
    for run, removed, added in runs:
        if run == SAME:
            segments.append(Segment(SAME, removed))
            continue
        if removed.strip():
            segments.append(Segment(REMOVED, removed))
        if added.strip():
            segments.append(Segment(ADDED, added))
        if not removed.strip() and not added.strip() and (removed or added):
            segments.append(Segment(SAME, added or removed))
    return tuple(_merge(segments))


def _merge(segments: list[Segment]) -> list[Segment]:
    merged: list[Segment] = []
    for segment in segments:
        if merged and merged[-1].op == segment.op:
            merged[-1] = Segment(segment.op, merged[-1].text + segment.text)
        elif segment.text:
            merged.append(segment)
    return merged


ELLIPSIS = "…"


def changed_lines(segments: Sequence[Segment], context: int = 10) -> tuple[tuple[Segment, ...], ...]:
    """The lines of a word diff that contain a change, for a reader who wants the change only.

    Unchanged lines are left out and a line of its own with "…" stands where they were; within
    a line, unchanged stretches longer than ``context`` words on either side of a change are
    shortened to "…".
    """
    lines: list[list[Segment]] = [[]]
    for segment in segments:
        for number, part in enumerate(segment.text.split("\n")):
            if number:
                lines.append([])
            if part:
                lines[-1].append(Segment(segment.op, part))
    shown: list[tuple[Segment, ...]] = []
    skipped = False
    for line in lines:
        if not any(s.op != SAME and s.text.strip() for s in line):
            skipped = skipped or any(s.text.strip() for s in line)
            continue
        if skipped:
            shown.append((Segment(SAME, ELLIPSIS),))
            skipped = False
        shown.append(_shorten(line, context))
    if skipped and shown:
        shown.append((Segment(SAME, ELLIPSIS),))
    return tuple(shown)


def _shorten(line: list[Segment], context: int) -> tuple[Segment, ...]:
    result = []
    for index, segment in enumerate(line):
        if segment.op != SAME:
            result.append(segment)
            continue
        words = segment.text.split()
        first, last = index == 0, index == len(line) - 1
        text = segment.text
        if first and len(words) > context:
            text = f"{ELLIPSIS} " + " ".join(words[-context:]) + " "
        elif last and len(words) > context:
            text = " " + " ".join(words[:context]) + f" {ELLIPSIS}"
        elif not first and not last and len(words) > 2 * context:
            text = " " + " ".join(words[:context]) + f" {ELLIPSIS} " + " ".join(words[-context:]) + " "
        if first:
            text = text.lstrip()
        result.append(Segment(SAME, text))
    return tuple(result)
