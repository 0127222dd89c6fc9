"""One broken file per message: each case in ``tests/broken/`` is a strategy file with one defect,
and beside it (``.txt``) the exact Swedish report ``validate`` gives for the frozen fixture
strategy with that file in place. A guard reads every message the core can word (the calls that
make a problem, the YAML wordings, the file refusals) and requires each to appear in some report.

A case's first lines say where it goes, then its content follows:

    #! fil: goals/goda-livsvillkor.yml      the rest of this file replaces that file
    #! ta-bort: principles/vi-testar.yml    that file is removed first
    #! ändra: goals/x.yml: gammal => ny     a text in another file is replaced (once)
    #! länk: goals/x.yml -> ../strategy.yml a symbolic link is made
    #! fifo: goals/ror.yml                  a named pipe is made
    #! validera: lank                       validate that folder instead of strategy/
    #! giltig                               the strategy is still valid: a warning, exit 0

A later line ``#! fil: other.yml`` inside the content starts a second file (a case whose defect
lies between two files).

``make golden`` writes the reports anew; review them with ``git diff tests/broken``.
"""

from __future__ import annotations

import ast
import difflib
import os
import re
import shutil
from pathlib import Path

import pytest

from strategy_as_code import cli
from support import EXAMPLE, REPO

BROKEN = Path(__file__).parent / "broken"
CASES = sorted(BROKEN.glob("*.case"))
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
CORE = REPO / "src" / "strategy_as_code"


def place(case: Path, strategy: Path) -> tuple[str, bool]:
    """Put the case in place; returns the folder to validate and whether it should stay valid."""
    raw = case.read_bytes()
    target, folder, valid = None, "strategy", False
    while raw.startswith(b"#! "):
        line, _, raw = raw.partition(b"\n")
        directive, _, value = line[3:].decode("utf-8").partition(": ")
        if directive == "giltig":
            valid = True
        elif directive == "ändra":
            name, _, change = value.partition(": ")
            old, _, new = change.partition(" => ")
            text = (strategy / name).read_text(encoding="utf-8")
            assert old in text, f"{case.name}: {old!r} is not in {name}"
            (strategy / name).write_text(text.replace(old, new, 1), encoding="utf-8")
        elif directive == "fil":
            target = strategy / value
        elif directive == "ta-bort":
            (strategy / value).unlink()
        elif directive == "länk":
            link, _, pointed = value.partition(" -> ")
            (strategy / link).symlink_to(pointed)
        elif directive == "fifo":
            os.mkfifo(strategy / value)
        elif directive == "validera":
            folder = value
        else:
            raise AssertionError(f"{case.name}: unknown directive {directive!r}")
    if target is not None:
        first, *more = re.split(rb"^#! fil: (.+)\n", raw, flags=re.MULTILINE)
        for path, content in [(target, first), *((strategy / m.decode("utf-8"), c) for m, c in zip(
                more[::2], more[1::2], strict=True))]:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
    return folder, valid


def report_of(case: Path, tmp_path: Path, capsys, monkeypatch) -> str:
    shutil.copytree(EXAMPLE, tmp_path / "strategy")
    folder, valid = place(case, tmp_path / "strategy")
    monkeypatch.chdir(tmp_path)
    code = cli.main(["validate", folder])
    captured = capsys.readouterr()
    if valid:
        assert code == 0, f"{case.name} is invalid: a case marked giltig has only warnings"
        assert "varning" in captured.err, f"{case.name} warns of nothing: a case must show something"
    else:
        assert code == 1, f"{case.name} is valid: a broken case must break something"
    return captured.out + captured.err


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.stem)
def test_broken_file_gets_its_report(case, tmp_path, capsys, monkeypatch):
    report = report_of(case, tmp_path, capsys, monkeypatch)
    expected_file = case.with_suffix(".txt")
    if UPDATE:
        expected_file.write_text(report, encoding="utf-8")
        return
    assert expected_file.exists(), f"{expected_file.name} is missing: run make golden and review it"
    expected = expected_file.read_text(encoding="utf-8")
    if report != expected:
        diff = difflib.unified_diff(expected.splitlines(), report.splitlines(), expected_file.name, "now", lineterm="")
        pytest.fail("The report differs (make golden writes it anew):\n" + "\n".join(diff))
    assert "Traceback" not in report


# --- The guard: every message the core can word appears in some report ---------------------

def _template(node: ast.AST) -> str | None:
    """A regular expression for the text a message expression makes, or None if it is not text."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        # str.format placeholders ({} and {0}) stand for any text too.
        return re.sub(r"\\\{\d*\\\}", "(.+?)", re.escape(node.value))
    if isinstance(node, ast.JoinedStr):
        return "".join(
            re.escape(part.value) if isinstance(part, ast.Constant) else "(.+?)" for part in node.values
        )
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _template(node.left), _template(node.right)
        return None if left is None or right is None else left + right
    return None


_MESSAGE_ARGUMENT = {"problem": 1, "_problem": 1, "Problem": 3, "Wording": 0}
"""Where the message stands in the calls that make a problem: ``document.problem(path, message,
hint)``, ``Problem(file, line, column, message, hint)`` and a YAML problem's ``Wording(message,
hint)``."""


def _looks_like_a_message(template: str) -> bool:
    plain = template.replace("\\", "")
    # A message may begin with where it stands: "{Fältet "value" i det 8:e värdet} ska vara ett tal".
    begins = plain[:1].isupper() or (template.startswith("(.+?) ") and plain[6:7].islower())
    return begins and " " in plain and plain.rstrip(")?").endswith((".", "?", ":"))


def message_templates() -> dict[str, str]:
    """Every message the core can word: template -> where it is written."""
    found: dict[str, str] = {}
    for path in sorted(CORE.rglob("*.py")):
        where = path.relative_to(CORE).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            candidates: list[ast.AST] = []
            if isinstance(node, ast.Call):
                name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
                index = _MESSAGE_ARGUMENT.get(name)
                if index is not None and len(node.args) > index:
                    candidates.append(node.args[index])
            elif isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "message" for t in node.targets):
                candidates.append(node.value)
            elif (
                isinstance(node, ast.Tuple) and len(node.elts) >= 2 and where.startswith("reading/")
                and _template(node.elts[-1]) is not None
            ):
                # (message, hint) pairs kept in tables: a file refusal, a year that must come later.
                candidates.append(node.elts[-2])
            for candidate in candidates:
                template = _template(candidate)
                if template is not None and _looks_like_a_message(template):
                    found.setdefault(template, f"{where}:{node.lineno}")
    return found


ELSEWHERE = {
    "Här ligger en undermodul": "only in a git revision: tests/test_strategy_files.py::"
                                "test_a_submodule_in_a_git_revision_is_named",
    "Tillgänglighetsredogörelsen saknas": "a build's requirement, not validate's: "
                                          "tests/test_accessibility_statement.py",
    "har ett värde som schemat inte tillåter": "a rule no schema uses today; each rule they use is "
                                                "worded on its own (reading/schema.py)",
    "Indraget stämmer inte med raderna ovanför": "PyYAML's own parser only ('expected <block end>'); "
                                                 "libyaml, which we pin, says it otherwise",
    "En text inom citattecken är inte korrekt skriven": "a quoted text's problems each have their own "
                                                        "wording; this one is for one libyaml does not report",
    "YAML kan inte läsa filen här": "for a problem the table does not know; tests/test_yamlsource.py::"
                                    "test_every_problem_libyaml_reports_has_its_own_swedish_wording",
    **{words: "a build's requirement (identity in strategy.yml), not validate's: tests/test_brand.py" for words in (
        "Färgparet", "finns inte i repot", "ligger utanför repot", "är ingen PNG-bild", "hämtas av varje sida",
        "En SVG-fil som webbplatsen publicerar",
    )},
    "men felet gick inte att peka ut": "only when the two schema validators disagree: "
                                       "tests/test_schema_guards.py::"
                                       "test_a_disagreement_between_the_validators_makes_the_file_invalid",
}
"""Messages that no file in a working tree can bring out, with the test that shows each."""


def test_the_guard_finds_the_messages():
    templates = message_templates()
    assert len(templates) > 60
    plain = [template.replace("\\", "") for template in templates]
    assert any("obligatoriska" in template for template in plain)
    assert any("symbolisk länk" in template for template in plain)


def test_every_message_appears_in_a_broken_case():
    reports = "\n".join(case.with_suffix(".txt").read_text(encoding="utf-8") for case in CASES
                        if case.with_suffix(".txt").exists())
    missing = {
        template: where for template, where in message_templates().items()
        if re.search(template, reports) is None
        and not any(words in template.replace("\\", "") for words in ELSEWHERE)
    }
    assert not missing, "messages no case in tests/broken/ shows:\n" + "\n".join(
        f"  {where}: {template}" for template, where in sorted(missing.items(), key=lambda item: item[1])
    )
