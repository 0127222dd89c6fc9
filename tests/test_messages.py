"""What the validator says, word for word, where a real strategy was entered: an unknown field
named for what it is (only a near miss of a real name is "troligen ett stavfel"), a list position
counted from one in words, a number written with a decimal comma, an empty list of values, a list
item joined to the text above (a warning), and a file that cannot be read beside the references
of the others. The reports of whole cases are in tests/broken/."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from strategy_as_code import StrategyInvalid, load_strategy
from strategy_as_code.problems import Problem
from strategy_as_code.reading import schema
from strategy_as_code.reading.links import coverage_warnings
from strategy_as_code.reading.loader import read_strategy
from strategy_as_code.reading.places import place
from strategy_as_code.reading.unknown_fields import _PARTS, _WORDS, near_miss
from strategy_as_code.reading.yamlsource import Document, parse
from strategy_as_code.swedish import ordinal
from support import EXAMPLE, REPO, build, copy_project

GOAL = "goals/goda-livsvillkor.yml"
INDICATOR = "indicators/medellivslangd.yml"


@pytest.fixture
def strategy(tmp_path: Path) -> Path:
    """A writable copy of the frozen fixture strategy."""
    shutil.copytree(EXAMPLE, tmp_path / "strategy")
    return tmp_path / "strategy"


def add(folder: Path, name: str, lines: str) -> None:
    """Append lines at the end of a file (its last field is a list or a text, never left open)."""
    path = folder / name
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + lines, encoding="utf-8")


def problems_of(folder: Path) -> list[Problem]:
    with pytest.raises(StrategyInvalid) as raised:
        load_strategy(folder)
    return raised.value.problems


def messages(folder: Path) -> list[str]:
    return [problem.message for problem in problems_of(folder)]


# --- Ordinals and list positions ---------------------------------------------------------------

def test_swedish_ordinals():
    numbers = [1, 2, 3, 4, 8, 10, 11, 12, 13, 20, 21, 22, 23, 31, 32, 100, 101, 102, 111, 112, 121]
    assert [ordinal(n) for n in numbers] == [
        "1:a", "2:a", "3:e", "4:e", "8:e", "10:e", "11:e", "12:e", "13:e", "20:e", "21:a", "22:a", "23:e",
        "31:a", "32:a", "100:e", "101:a", "102:a", "111:e", "112:e", "121:a",
    ]


@pytest.mark.parametrize(("path", "words"), [
    ((), "filen"),
    (("unit",), 'fältet "unit"'),
    (("baseline", "year"), 'fältet "baseline.year"'),
    (("values", 7), 'det 8:e värdet under "values"'),
    (("values", 7, "value"), 'fältet "value" i det 8:e värdet under "values"'),
    (("goals", 20), 'det 21:a målet under "goals"'),
    (("partners", 1), 'den 2:a aktören under "partners"'),
    (("series", 0, "values", 2, "year"), 'fältet "year" i det 3:e värdet under "values" i den 1:a serien under "series"'),
    (("out", 0, 1), 'den 2:a punkten i den 1:a punkten under "out"'),
])
def test_a_place_in_a_file_in_words(path, words):
    assert place(path) == words


def test_the_eighth_value_is_called_the_eighth_not_values_7(strategy: Path):
    add(strategy, INDICATOR, "".join(f"  - year: {year}\n    value: 83.0\n" for year in (2025, 2026)))
    path = strategy / INDICATOR
    path.write_text(path.read_text(encoding="utf-8").replace("value: 83.0\n", "value: ungefär 83\n", 2)
                    .replace("value: ungefär 83\n", "value: 83.0\n", 1), encoding="utf-8")
    assert messages(strategy) == [
        'Fältet "value" i det 8:e värdet under "values" ska vara ett tal, men YAML läser texten "ungefär 83".'
    ]


def test_an_empty_text_in_a_list_agrees_with_its_noun(strategy: Path):
    path = strategy / "strategies" / "attraktivitet.yml"
    text = path.read_text(encoding="utf-8")
    first = text.split("priorities:\n")[1].split("\n")[0]
    path.write_text(text.replace(first, '  - ""'), encoding="utf-8")
    assert messages(strategy) == ['Den 1:a prioriteringen under "priorities" är tom eller för kort.']


# --- Unknown fields ----------------------------------------------------------------------------

def _indicator_properties() -> dict:
    return json.loads((REPO / "schemas" / "indicator.schema.json").read_text(encoding="utf-8"))["properties"]


@pytest.mark.parametrize(("file", "line", "message"), [
    (INDICATOR, "målvärde: 83", 'Okänt fält "målvärde": fältet heter "target".'),
    (INDICATOR, "Utgångsläge: 82", 'Okänt fält "Utgångsläge": fältet heter "baseline".'),
    (INDICATOR, "prioriteringar: [a]",
     'Okänt fält "prioriteringar": fältet "priorities" finns för mål och strategier, men inte för indikatorer.'),
    (GOAL, "delmål: [a]", 'Okänt fält "delmål": delmål skrivs i egna filer, inte som ett fält.'),
    (GOAL, "perspektiv: Jämställdhet",
     'Okänt fält "perspektiv": horisontella perspektiv skrivs i egna filer, inte som ett fält.'),
    (GOAL, "utmaningar: [a]", 'Okänt fält "utmaningar": utmaningar skrivs i egna filer, inte som ett fält.'),
    (GOAL, "unit: procent", 'Okänt fält "unit": fältet finns för indikatorer, men inte för mål.'),
    (GOAL, "sumary: x", 'Okänt fält "sumary" (troligen ett stavfel).'),
    (GOAL, "Name: x", 'Okänt fält "Name" (troligen ett stavfel).'),
    (GOAL, "färg: grön", 'Okänt fält "färg".'),
])
def test_an_unknown_field_is_named_for_what_it_is(strategy: Path, file, line, message):
    add(strategy, file, line + "\n")
    assert messages(strategy) == [message]


def test_milestones_are_sent_where_the_schema_keeps_them(strategy: Path):
    """Milstolpar are a list of targets: in the field for them, whichever the schema has."""
    field = "milestones" if "milestones" in _indicator_properties() else "target"
    add(strategy, INDICATOR, "milstolpar: []\n")
    assert messages(strategy) == [f'Okänt fält "milstolpar": fältet heter "{field}".']


def test_a_sub_goal_is_told_its_parent(strategy: Path):
    add(strategy, GOAL, "delmål: [a]\n")
    hint = problems_of(strategy)[0].hint
    assert hint.endswith('Ett delmål till det här målet får raden "parent: goda-livsvillkor".')
    assert hint.startswith("Skriv varje delmål i en egen fil i strategy/goals/ med id, order,")


def test_a_swedish_word_inside_a_group_names_the_group(strategy: Path):
    path = strategy / INDICATOR
    path.write_text(path.read_text(encoding="utf-8").replace("  year: 2030\n", "  år: 2030\n"), encoding="utf-8")
    problem = next(p for p in problems_of(strategy) if "Okänt" in p.message)
    assert (problem.message, problem.hint) == (
        'Okänt fält "år" i fältet "target": fältet heter "year".',
        'Fältnamnen skrivs som i schemat, på engelska: byt "år" mot "year". Året då målet ska vara nått.',
    )


WORDS = sorted({*_WORDS, *(word for part in _PARTS for word in part.words)})


@pytest.mark.parametrize("word", WORDS)
@pytest.mark.parametrize("file", [GOAL, INDICATOR])
def test_a_word_for_a_concept_is_never_called_a_typo(word, file):
    """Every word the validator knows, in a goal and in an indicator: the message never says
    "stavfel" unless the word is one edit or two from a real field of that file."""
    raw = (EXAMPLE / file).read_bytes() + f"{word}: x\n".encode()
    document, problems = parse(f"strategy/{file}", raw)
    assert document is not None and problems == []
    kind = "goal" if file == GOAL else "indicator"
    found = schema.check(document, f"{kind}.schema.json", kind)
    assert [p.message.split(":")[0].split(" (")[0].rstrip(".") for p in found] == [f'Okänt fält "{word}"']
    assert "stavfel" not in found[0].message, found[0].message


def test_a_near_miss_is_one_or_two_edits_from_a_real_name():
    allowed = ["id", "name", "summary", "values", "description"]
    assert near_miss("sumary", allowed) == "summary"
    assert near_miss("valeus", allowed) == "values"  # two letters swapped: one edit
    assert near_miss("NAME", allowed) == "name"
    assert near_miss("namn", allowed) == "name"
    assert near_miss("ide", allowed) == "id"
    assert near_miss("idea", allowed) is None  # a short name may be one edit off, not two
    assert near_miss("färg", allowed) is None
    assert near_miss("perspektiv", allowed) is None


# --- Numbers and empty lists -------------------------------------------------------------------

@pytest.mark.parametrize(("written", "advice"), [
    ("69,4", "Skriv decimaltal med punkt: 69.4."),
    ("-0,5", "Skriv decimaltal med punkt: -0.5."),
    ("1 234", "Skriv talet utan mellanslag: 1234."),
    ("1 234,5", "Skriv talet utan mellanslag och med punkt före decimalerna: 1234.5."),
])
def test_a_number_written_as_in_swedish_prose_gets_how_to_write_it(strategy: Path, written, advice):
    path = strategy / INDICATOR
    path.write_text(path.read_text(encoding="utf-8").replace("value: 83.8", f"value: {written}"), encoding="utf-8")
    problem = problems_of(strategy)[0]
    assert problem.message == f'Fältet "target.value" ska vara ett tal, men YAML läser texten "{written}".'
    assert problem.hint.startswith(advice + " ")


def test_an_empty_values_field_is_told_to_write_an_empty_list(strategy: Path):
    path = strategy / INDICATOR
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("\nvalues:") + 1] + "values:\n", encoding="utf-8")
    problem = problems_of(strategy)[0]
    assert problem.message == 'Fältet "values" ska vara en lista, men YAML läser ett tomt värde.'
    assert problem.hint.startswith('Skriv "values: []" om inget är uppmätt ännu.')


def test_a_list_that_must_not_be_empty_gets_no_such_advice(strategy: Path):
    path = strategy / INDICATOR
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("goals:\n  - goda-livsvillkor\n", "goals:\n"), encoding="utf-8")
    problem = problems_of(strategy)[0]
    assert problem.message == 'Fältet "goals" ska vara en lista, men YAML läser ett tomt värde.'
    assert "[]" not in problem.hint


# --- A list item joined to the text above (a warning) ------------------------------------------

@pytest.mark.parametrize(("text", "line"), [
    ("priorities:\n  - Första punkten\n    - Andra punkten\n", 3),
    ("priorities:\n  - Första punkten\n    * Andra punkten\n", 3),
    ("summary: En mening\n  1. och en punkt\n", 2),
    ("description: >\n  Första raden\n  - en punkt\n", 3),
])
def test_a_line_like_a_list_item_inside_a_text_is_warned_of(text, line):
    document, problems = parse("strategy/strategies/x.yml", text.encode())
    assert problems == [] and document is not None
    assert [(w.line, w.message) for w in document.warnings] == [(line, (
        "Raden ser ut som en punkt i en lista, men YAML läser den som en fortsättning på texten i "
        + ('den 1:a prioriteringen under "priorities".' if text.startswith("priorities") else
           f'fältet "{text.split(":")[0]}".')
    ))]


@pytest.mark.parametrize("text", [
    "priorities:\n  - Första punkten\n  - Andra punkten\n",
    'summary: "En mening\n  - i citattecken"\n',
    "description: |\n  Första raden\n  - en punkt i Markdown\n",
    "description: En mening som fortsätter\n  på nästa rad - med ett tankstreck.\n",
])
def test_a_list_or_a_text_that_means_it_is_not_warned_of(text):
    document, problems = parse("strategy/strategies/x.yml", text.encode())
    assert problems == [] and document is not None and document.warnings == []


def test_warnings_leave_the_strategy_valid_and_the_site_builds(tmp_path: Path):
    project = copy_project(tmp_path)
    (project / "strategy" / "goals" / "nytt-mal.yml").write_text(
        "id: nytt-mal\norder: 4\nname: Ett nytt mål\nsummary: Ett mål utan strategier\n  - och utan indikatorer.\n"
        "description: Målet är nytt.\n", encoding="utf-8",
    )
    reading = read_strategy(project / "strategy")
    assert [(w.path, w.line, w.message) for w in reading.warnings] == [
        ("strategy/goals/nytt-mal.yml", 1, 'Ingen indikator följer upp målet "nytt-mal" ännu.'),
        ("strategy/goals/nytt-mal.yml", 1, 'Ingen strategi bidrar till målet "nytt-mal" ännu.'),
        ("strategy/goals/nytt-mal.yml", 5, "Raden ser ut som en punkt i en lista, men YAML läser den som en "
                                           'fortsättning på texten i fältet "summary".'),
    ]
    result = build(project)
    assert result.returncode == 0, result.stderr
    assert "Ett nytt mål" in (project / "site" / "mal" / "nytt-mal" / "index.html").read_text(encoding="utf-8")


def test_a_sub_goal_followed_up_covers_its_goal():
    """A goal whose sub-goal an indicator follows up is followed up; the sub-goal needs no strategy."""
    def document(name: str, data: dict) -> Document:
        return Document(f"strategy/{name}.yml", data, {("id",): (1, 5)})

    documents = {
        "goals": [document("goals/mal", {"id": "mal"}), document("goals/delmal", {"id": "delmal", "parent": "mal"})],
        "strategies": [document("strategies/s", {"id": "s", "goals": []})],
        "indicators": [document("indicators/i", {"id": "i", "goals": ["delmal"]})],
    }
    warnings = coverage_warnings(documents, {"strategies": {}, "indicators": {}}, lambda name: f"strategy/{name}",
                                 re.compile(r"^[a-z]+$"))
    assert [(w.path, w.message) for w in warnings] == [
        ("strategy/goals/mal.yml", 'Ingen strategi bidrar till målet "mal" ännu.'),
    ]
    # A strategy without free-standing strategies (its priorities sit under each goal) is not asked for them.
    documents["strategies"] = []
    assert coverage_warnings(documents, {"strategies": {}, "indicators": {}}, lambda name: f"strategy/{name}",
                             re.compile(r"^[a-z]+$")) == []


def test_errors_and_warnings_are_reported_together(strategy: Path):
    (strategy / "goals" / "nytt-mal.yml").write_text(
        "id: nytt-mal\norder: 4\nname: Ett nytt mål\nsummary: En mening.\ndescription: Text.\n", encoding="utf-8",
    )
    add(strategy, GOAL, "sumary: x\n")
    with pytest.raises(StrategyInvalid) as raised:
        load_strategy(strategy)
    report = raised.value.report()
    assert "Strategin har 1 problem som måste rättas innan webbplatsen kan byggas:" in report
    assert "\n\nDessutom 2 varningar, som inte stoppar bygget:\n\n" in report
    assert report.index("stavfel") < report.index("Dessutom") < report.index('Ingen indikator följer upp målet "nytt-mal"')


# --- A file that cannot be read, beside the references of the others ---------------------------

def test_a_broken_file_hides_no_reference_error_of_another_file(strategy: Path):
    """The broken goal's file is named mal-1.yml but says id: goda-livsvillkor: references to that
    id are not reported, a wrong reference elsewhere is, and it says what could not be checked."""
    (strategy / GOAL).rename(strategy / "goals" / "mal-1.yml")
    (strategy / "goals" / "mal-1.yml").write_text('id: goda-livsvillkor\norder: 1\nname: "Goda\n', encoding="utf-8")
    path = strategy / "strategies" / "attraktivitet.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("starkt-naringsliv", "starkt-naringslv", 1), encoding="utf-8")
    problems = problems_of(strategy)
    assert [(p.path, p.message) for p in problems] == [
        ("strategy/goals/mal-1.yml", "Filen tar slut mitt i ett värde, troligen för att ett citattecken aldrig stängs."),
        ("strategy/strategies/attraktivitet.yml", 'Fältet "goals" pekar på mål "starkt-naringslv", som inte finns.'),
    ]
    assert problems[1].hint.endswith(" Id:t i strategy/goals/mal-1.yml kunde inte kontrolleras (se felet där).")
