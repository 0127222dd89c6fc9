"""The summary of a pull request: is the proposed strategy valid, and what does it change
compared with the base branch? One Markdown text, written by CI into the job summary and
posted as the bot's comment (``python -m strategy_as_code review BASE HEAD``)."""

from __future__ import annotations

from pathlib import Path

from strategy_as_code.changes.compare import compare
from strategy_as_code.kinds import STRATEGY_FOLDER
from strategy_as_code.problems import StrategyInvalid
from strategy_as_code.reading.loader import load_files
from strategy_as_code.reading.revisions import Revision, load_revision_or_none, read_files
from strategy_as_code.render.changes_markdown import escape, render_changes_markdown


def review_markdown(
    repo: Path | str, base: Revision, head: Revision, *, folder: str = STRATEGY_FOLDER,
    base_label: str | None = None, head_label: str | None = None,
) -> str:
    """The validation result of ``head`` and, when it is valid, its changes since ``base``."""
    lines = ["## Kontroll av strategin", ""]
    try:
        # Named as in the pull request (strategy/goals/x.yml), since that is where the partner edits.
        new = load_files(read_files(repo, head, folder), prefix=folder.strip("/"))
    except StrategyInvalid as invalid:
        count = len(invalid.problems)
        lines.extend([
            f"❌ **Strategin har {count} problem som måste rättas innan förslaget kan godkännas.**", "",
            "Öppna filen, gå till raden och gör som det står. Sparar du rättelsen i samma gren "
            "kontrolleras förslaget igen och den här kommentaren uppdateras.", "",
        ])
        for problem in invalid.problems:
            where = escape(problem.path) + (f", rad {problem.line}, kolumn {problem.column}" if problem.line else "")
            lines.append(f"- {where}: {escape(problem.message)}")
            if problem.hint:
                lines.append(f"  - Så här rättar du: {escape(problem.hint)}")
        return "\n".join(lines) + "\n"
    lines.extend([f"✅ **Strategin är giltig:** {new.counts()}.", ""])
    try:
        old = load_revision_or_none(repo, base, folder)
    except StrategyInvalid:
        lines.append(
            f"Den äldre versionen ({escape(base_label or str(base))}) har själv fel i strategifilerna, så ändringarna "
            "kan inte visas. Det är inte förslagets fel; hör av dig till den som förvaltar strategin."
        )
        return "\n".join(lines) + "\n"
    return "\n".join(lines) + "\n" + render_changes_markdown(
        compare(old, new), base=base_label or str(base), head=head_label or str(head),
    )
