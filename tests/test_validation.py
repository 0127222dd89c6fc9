"""Bad input from a partner: each mistake gets its own exact Swedish message, with file, line
and column, and every mistake in the tree is reported at once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from strategy_as_code import StrategyInvalid, load_strategy
from strategy_as_code.problems import Problem
from support import EXAMPLE, LIVE


def problems_of(folder: Path) -> list[Problem]:
    with pytest.raises(StrategyInvalid) as raised:
        load_strategy(folder)
    return raised.value.problems


def one_problem(folder: Path) -> Problem:
    problems = problems_of(folder)
    assert len(problems) == 1, "\n".join(p.format() for p in problems)
    return problems[0]


def file_problems(folder: Path, name: str) -> list[Problem]:
    """Problems in one new file, leaving out that no strategy or indicator refers to it yet."""
    return [
        p for p in problems_of(folder)
        if p.path.endswith(name) and not p.message.startswith(("Ingen strategi", "Ingen indikator"))
    ]


def write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


GOAL = """id: testmal
order: 9
name: Ett testmål
summary: En mening.
description: Text.
"""


def test_the_strategy_this_repository_publishes_is_valid():
    """Whatever ``strategy/`` holds: the example on the template, a region's own strategy on a fork."""
    assert load_strategy(LIVE).goals


def test_example_strategy_is_valid():
    strategy = load_strategy(EXAMPLE)
    assert len(strategy.goals) >= 3
    assert len(strategy.strategies) == 8
    assert len(strategy.principles) == 5
    assert len(strategy.actions) >= 4
    assert len(strategy.indicators) >= 10
    assert strategy.settings.example is True


def test_wrong_type_number_for_text(strategy_dir: Path):
    goal = strategy_dir / "goals" / "goda-livsvillkor.yml"
    write(goal, goal.read_text(encoding="utf-8").replace("order: 1", "order: ett"))
    problem = one_problem(strategy_dir)
    assert problem.path == "strategy/goals/goda-livsvillkor.yml"
    assert problem.message == 'Fältet "order" ska vara ett heltal, men YAML läser texten "ett".'


def test_id_read_as_float(strategy_dir: Path):
    write(strategy_dir / "goals" / "nytt.yml", GOAL.replace("id: testmal", "id: 1.1"))
    first = file_problems(strategy_dir, "nytt.yml")[0]
    assert (first.line, first.column) == (1, 5)
    assert first.message == 'Fältet "id" ska vara text, men YAML läser talet 1.1.'
    assert first.hint.startswith('Sätt värdet inom citattecken så läses det som text: id: "1.1".')


def test_unknown_field_suggests_the_right_one(strategy_dir: Path):
    write(strategy_dir / "goals" / "nytt.yml", GOAL.replace("summary:", "sumary:"))
    problems = file_problems(strategy_dir, "nytt.yml")
    messages = [(p.line, p.message, p.hint) for p in problems]
    assert messages == [
        (1, 'Det obligatoriska fältet "summary" saknas i målet.',
         'Lägg till en rad "summary: …". En mening som sammanfattar målet (visas i listor).'),
        (4, 'Okänt fält "sumary" (troligen ett stavfel).',
         'Menade du "summary"? Tillåtna fält här: id, order, name, parent, summary, description, target, horizon, priorities, agenda2030.'),
    ]


def test_id_that_cannot_be_a_url(strategy_dir: Path):
    write(strategy_dir / "goals" / "nytt.yml", GOAL.replace("id: testmal", "id: Mål 1"))
    problems = file_problems(strategy_dir, "nytt.yml")
    assert problems[0].message == 'Fältet "id" har ett ogiltigt värde: texten "Mål 1".'
    assert "Små bokstäver a–z, siffror och bindestreck" in problems[0].hint


def test_unknown_reference_names_the_file_line_and_existing_ids(strategy_dir: Path):
    path = strategy_dir / "strategies" / "attraktivitet.yml"
    text = path.read_text(encoding="utf-8")
    first_goal = text.split("goals:")[1].split("\n")[1].strip().removeprefix("- ")
    write(path, text.replace(f"- {first_goal}", "- goda-livsvilkor", 1))
    problem = one_problem(strategy_dir)
    assert problem.path == "strategy/strategies/attraktivitet.yml"
    assert problem.message == 'Fältet "goals" pekar på mål "goda-livsvilkor", som inte finns.'
    assert problem.hint.startswith('Menade du "goda-livsvillkor"?')
    line = text.splitlines().index(f"  - {first_goal}") + 1
    assert (problem.line, problem.column) == (line, 5)


def test_two_files_with_the_same_id(strategy_dir: Path):
    original = strategy_dir / "goals" / "goda-livsvillkor.yml"
    write(strategy_dir / "goals" / "zz-kopia.yml", original.read_text(encoding="utf-8"))
    problem = one_problem(strategy_dir)
    assert problem.path == "strategy/goals/zz-kopia.yml"
    assert problem.message.startswith('id "goda-livsvillkor" används redan av strategy/goals/goda-livsvillkor.yml (rad ')


def test_empty_file(strategy_dir: Path):
    write(strategy_dir / "goals" / "tom.yml", "")
    problem = one_problem(strategy_dir)
    assert (problem.path, problem.message) == ("strategy/goals/tom.yml", "Filen är tom.")
    assert problem.hint.startswith("Fyll i fälten för målet: id, order, name, summary, description.")


def test_file_that_is_not_utf8(strategy_dir: Path):
    (strategy_dir / "goals" / "latin1.yml").write_bytes(GOAL.replace("Ett testmål", "Ett mål").encode("latin-1"))
    problem = one_problem(strategy_dir)
    assert (problem.path, problem.line, problem.column) == ("strategy/goals/latin1.yml", 3, 12)


def test_script_in_text_is_refused(strategy_dir: Path):
    write(strategy_dir / "goals" / "nytt.yml", GOAL.replace("description: Text.", "description: Hej <script>alert(1)</script>"))
    problems = file_problems(strategy_dir, "nytt.yml")
    assert problems[0].message == 'Fältet "description" innehåller HTML (<script>), som inte är tillåtet i strategifilerna.'


def test_javascript_link_is_refused(strategy_dir: Path):
    write(strategy_dir / "goals" / "nytt.yml", GOAL.replace("description: Text.", "description: '[klicka](javascript:alert(1))'"))
    problems = file_problems(strategy_dir, "nytt.yml")
    assert problems[0].message == 'Fältet "description" innehåller en länk som inte går till en webbadress.'


def test_kommunkod_read_as_octal_number(strategy_dir: Path):
    municipality = next(p for p in (strategy_dir / "partners").glob("*.yml") if "type: kommun" in p.read_text("utf-8"))
    text = municipality.read_text(encoding="utf-8")
    line = next(ln for ln in text.splitlines() if ln.startswith("kommunkod:"))
    write(municipality, text.replace(line, "kommunkod: 0114"))
    problem = one_problem(strategy_dir)
    assert problem.message == 'Fältet "kommunkod" ska vara text, men YAML läser talet 114.'
    assert problem.hint.startswith('Sätt värdet inom citattecken så läses det som text: kommunkod: "114".')


def test_municipality_without_kommunkod_and_company_with_one(strategy_dir: Path):
    partners = list((strategy_dir / "partners").glob("*.yml"))
    municipality = next(p for p in partners if "type: kommun" in p.read_text("utf-8"))
    other = next(p for p in partners if "type: lärosäte" in p.read_text("utf-8"))
    text = municipality.read_text(encoding="utf-8")
    kod = next(ln for ln in text.splitlines() if ln.startswith("kommunkod:"))
    write(municipality, text.replace(kod + "\n", ""))
    write(other, other.read_text(encoding="utf-8") + 'kommunkod: "2799"\n')
    messages = sorted(p.message for p in problems_of(strategy_dir))
    assert messages == ['Bara kommuner har kommunkod.', 'Det obligatoriska fältet "kommunkod" saknas i aktören.']


def test_strategy_without_goal_and_indicator_following_nothing(strategy_dir: Path):
    strategy_file = strategy_dir / "strategies" / "attraktivitet.yml"
    text = strategy_file.read_text(encoding="utf-8")
    start = text.index("goals:")
    end = text.index("\n", text.index("\n", start) + 1)
    rest = text[end:]
    while rest.startswith("\n  - "):
        rest = rest[rest.index("\n", 1):]
    write(strategy_file, text[:start] + "goals: []" + rest)
    indicator = strategy_dir / "indicators" / "forvarvsfrekvens.yml"
    lines = indicator.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("goals:"))
    end = next(i for i in range(at + 1, len(lines)) if not lines[i].startswith("  - "))
    write(indicator, "".join([*lines[:at], "goals: []\n", *lines[end:]]))
    found = {(p.path, p.message) for p in problems_of(strategy_dir)}
    assert ("strategy/strategies/attraktivitet.yml", 'Listan "goals" är tom men ska ha minst 1 värde.') in found
    assert ("strategy/indicators/forvarvsfrekvens.yml", 'Listan "goals" är tom men ska ha minst 1 värde.') in found


def test_every_problem_in_the_tree_at_once(strategy_dir: Path):
    write(strategy_dir / "goals" / "a.yml", "id: a\n\tname: x\n")
    write(strategy_dir / "goals" / "b.yml", "")
    write(strategy_dir / "goals" / "c.yml", GOAL.replace("id: testmal", "id: c\nid: c"))
    write(strategy_dir / "partners" / "d.yml", "id: d\nname: Dals IF\ntype: företag\n")
    problems = problems_of(strategy_dir)
    assert {p.path for p in problems} >= {
        "strategy/goals/a.yml", "strategy/goals/b.yml", "strategy/goals/c.yml", "strategy/partners/d.yml",
    }
    d = next(p for p in problems if p.path.endswith("d.yml"))
    assert d.message == 'Fältet "type" kan inte vara texten "företag".'
    assert d.hint.startswith("Välj ett av: kommun, region, kommunalförbund, länsstyrelse")


def test_file_in_unknown_folder(strategy_dir: Path):
    (strategy_dir / "mål").mkdir()
    write(strategy_dir / "mål" / "x.yml", GOAL)
    problem = one_problem(strategy_dir)
    assert problem.message == "Filen ligger på en plats där strategin inte läser filer."


def test_cli_reports_every_problem_and_exits_non_zero(strategy_dir: Path):
    write(strategy_dir / "goals" / "b.yml", "")
    write(strategy_dir / "goals" / "c.yml", "id: c\nname: x\nname: y\n")
    result = subprocess.run(
        [sys.executable, "-m", "strategy_as_code", "validate", str(strategy_dir)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("Strategin har ")
    assert "strategy/goals/b.yml:1:1: Filen är tom." in result.stderr
    assert 'strategy/goals/c.yml:3:1: Fältet "name" står två gånger' in result.stderr
    assert result.stdout == ""


def test_cli_on_valid_strategy(strategy_dir: Path):
    result = subprocess.run(
        [sys.executable, "-m", "strategy_as_code", "validate", "strategy"],
        capture_output=True, text=True, check=False, cwd=strategy_dir.parent,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Strategin i strategy är giltig: 3 mål, 1 delmål, 8 strategier, 5 vägledande principer")


def test_an_unreadable_file_gives_one_problem_not_one_per_reference(strategy_dir: Path):
    goal = strategy_dir / "goals" / "goda-livsvillkor.yml"
    write(goal, goal.read_text(encoding="utf-8").replace("name: Goda", 'name: "Goda', 1))
    problem = one_problem(strategy_dir)
    assert problem.path == "strategy/goals/goda-livsvillkor.yml"


def test_unknown_reference_in_a_large_strategy_counts_the_ids_instead_of_listing_them(tmp_path: Path):
    from bench.generate import generate

    folder = tmp_path / "strategy"
    generate(folder, 10)
    path = sorted((folder / "strategies").glob("*.yml"))[0]
    text = path.read_text(encoding="utf-8")
    first_goal = text.split("goals:")[1].split("\n")[1].strip().removeprefix("- ")
    write(path, text.replace(f"- {first_goal}", "- finns-inte-alls", 1))
    problem = one_problem(folder)
    goals = len(list((folder / "goals").glob("*.yml")))
    assert goals > 20
    assert problem.hint == (
        f"Skriv id för mål som finns ({goals} mål finns, med id:t i fältet id i varje fil i "
        "strategy/goals/), eller lägg till strategy/goals/finns-inte-alls.yml."
    )
