"""Values a schema alone cannot judge: numbers no strategy can mean (which crashed the chart),
invisible characters in any text, years out of order and two values for one year. Each gets
its exact Swedish message with file and line, and nothing reaches a page."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from strategy_as_code import StrategyInvalid, load_strategy
from strategy_as_code.problems import Problem
from strategy_as_code.reading.text_checks import check_text
from strategy_as_code.reading.yamlsource import Document
from strategy_as_code.render.pages import entity_pages
from strategy_as_code.render.shield import Shield

INDICATOR = "indicators/ohalsotal.yml"


def problems_of(folder: Path) -> list[Problem]:
    with pytest.raises(StrategyInvalid) as raised:
        load_strategy(folder)
    return raised.value.problems


def edit(folder: Path, relative: str, old: str, new: str) -> None:
    path = folder / relative
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def where(problems: list[Problem]) -> list[tuple[str, int, str]]:
    return [(p.path, p.line, p.message) for p in problems]


@pytest.mark.parametrize(("value", "message"), [
    ("1e308", 'Fältet "value" i det 6:e värdet under "values" är 1e+308, men får vara högst 1 000 000 000 000 000.'),
    ("-1e16", 'Fältet "value" i det 6:e värdet under "values" är -1e+16, men får vara minst -1 000 000 000 000 000.'),
    ("9" * 400, 'Fältet "value" i det 6:e värdet under "values" är 999999999999… (400 siffror), men får vara högst 1 000 000 000 000 000.'),
    ("1e309", "Talet 1e309 är för stort eller inget tal alls, så det går inte att räkna med."),
])
def test_a_number_no_indicator_can_have_is_refused(strategy_dir: Path, value, message):
    """1e308 and a 400-digit integer once validated and then crashed the build in the chart."""
    edit(strategy_dir, INDICATOR, "    value: 26.5\n", f"    value: {value}\n")
    assert where(problems_of(strategy_dir)) == [(f"strategy/{INDICATOR}", 45, message)]


def test_the_largest_and_closest_figures_allowed_are_drawn(strategy_dir: Path):
    """At the bounds, and a hair apart at the bounds (a step lost in float rounding once looped
    forever), and below a millionth apart: every page still renders."""
    edit(strategy_dir, INDICATOR, "  value: 28.4\ntarget", "  value: 1000000000000000\ntarget")
    edit(strategy_dir, INDICATOR, "  value: 22.0\nvalues", "  value: 999999999999999.9\nvalues")
    edit(strategy_dir, INDICATOR, "    value: 26.5\n", "    value: -1000000000000000\n")
    edit(strategy_dir, "indicators/medellivslangd.yml", "  value: 83.8\nvalues", "  value: 82.4000001\nvalues")
    shield = Shield()
    pages = {
        page.entity_id: shield.reveal(page.content)
        for page in entity_pages(load_strategy(strategy_dir), shield) if page.kind == "indicators"
    }
    assert "1\u00a0000\u00a0000\u00a0000\u00a0000\u00a0000" in pages["ohalsotal"]
    assert "<svg" in pages["ohalsotal"] and "<svg" in pages["medellivslangd"]


@pytest.mark.parametrize(("low", "high"), [(1e12, 1e12 + 1e-4), (1e15, 1e15 + 0.125), (0.0, 5e-324), (-1e-300, 0.0)])
def test_chart_axis_of_figures_too_close_to_tell_apart(low, high):
    """In a subprocess with a time limit: the axis once never stopped adding ticks (a step lost
    in float rounding) or failed on the logarithm of a step below the smallest float."""
    program = f"from strategy_as_code.render.chart import nice_ticks; t = nice_ticks({low!r}, {high!r}); print(len(t))"
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=30, check=False)
    assert result.returncode == 0, result.stderr
    assert 2 <= int(result.stdout) <= 8


INVISIBLE = [
    ("\\u200e", 0x200E, "en osynlig riktningsmarkering"),
    ("\\u200f", 0x200F, "en osynlig riktningsmarkering"),
    ("\\u202e", 0x202E, "ett tecken som ändrar textens riktning"),
    ("\\u2066", 0x2066, "ett tecken som ändrar textens riktning"),
    ("\\u200b", 0x200B, "ett nollbreddsmellanslag"),
    ("\\u200d", 0x200D, "ett osynligt sammanfogningstecken"),
    ("\\u2060", 0x2060, "ett osynligt ordsammanfogningstecken"),
    ("\\ufeff", 0xFEFF, "ett osynligt byte order mark (BOM)"),
    ("\\u00ad", 0x00AD, "ett mjukt bindestreck"),
    ("\\U000e0041", 0xE0041, "ett osynligt styrtecken"),
    ("\\x01", 0x01, "ett osynligt styrtecken"),
    ("\\x9b", 0x9B, "ett osynligt styrtecken"),
]


@pytest.mark.parametrize(("escape", "code", "name"), INVISIBLE, ids=[i[0] for i in INVISIBLE])
def test_an_invisible_character_in_a_name_is_refused(strategy_dir: Path, escape, code, name):
    edit(strategy_dir, "goals/goda-livsvillkor.yml", "name: Goda livsvillkor för regionens invånare",
         f'name: "Goda{escape} livsvillkor"')
    problems = problems_of(strategy_dir)
    assert [(p.path, p.line, p.column, p.message, p.hint) for p in problems] == [(
        "strategy/goals/goda-livsvillkor.yml", 4, 7,
        f'Fältet "name" innehåller {name} (U+{code:04X}), tecken nummer 5 i texten.',
        "Ta bort tecknet: skriv om texten för hand eller klistra in den som oformaterad text. Osynliga tecken kan "
        "vända på texten eller dölja ord för läsaren och för sökningen.",
    )]


def test_an_invisible_character_in_markdown_is_refused_and_a_newline_is_not(strategy_dir: Path):
    edit(strategy_dir, "goals/goda-livsvillkor.yml", "description: |\n", "description: |\n  Första raden.\n\n")
    load_strategy(strategy_dir)  # ordinary newlines in Markdown are fine
    edit(strategy_dir, "goals/goda-livsvillkor.yml", "  Första raden.\n", "  Första\u200f raden.\n")
    assert [p.message for p in problems_of(strategy_dir)] == [
        'Fältet "description" innehåller en osynlig riktningsmarkering (U+200F), tecken nummer 7 i texten.'
    ]


def test_a_tab_inside_a_text_is_refused(strategy_dir: Path):
    edit(strategy_dir, "goals/goda-livsvillkor.yml", "name: Goda livsvillkor för regionens invånare",
         'name: "Goda\\tlivsvillkor"')
    assert [(p.message, p.hint) for p in problems_of(strategy_dir)] == [
        ('Fältet "name" innehåller ett tabbtecken (U+0009), tecken nummer 5 i texten.',
         "Ersätt tabbtecknet med mellanslag."),
    ]


def test_every_control_and_format_character_is_refused():
    """All of Unicode's categories Cc and Cf, as this Python knows them. The line breaks among
    them (CR, NEL) are the schemas' to refuse, in one-line fields and Markdown alike."""
    line_breaks = {"\n", "\r", "\x85"}
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if unicodedata.category(char) in ("Cc", "Cf") and char not in line_breaks:
            assert check_text(Document("f.yml", {"name": f"a{char}b"})), f"U+{code:04X}"
    assert check_text(Document("f.yml", {"name": "Åsa Öberg – ”citat” é ñ ü 😀 € ½", "text": "a\nb"})) == []


def test_a_baseline_year_after_the_target_year_is_refused(strategy_dir: Path):
    edit(strategy_dir, INDICATOR, "  year: 2030\n", "  year: 2018\n")
    problems = problems_of(strategy_dir)
    assert [(p.path, p.line, p.column, p.message) for p in problems] == [
        (f"strategy/{INDICATOR}", 21, 9, "Målåret 2018 ligger inte efter utgångsåret 2019."),
    ]
    assert problems[0].hint == (
        "Rätta årtalen: baseline.year är året för utgångsläget (oftast när strategin antogs) och target.year året då "
        "målvärdet ska vara nått, som måste vara senare. Har årtalen bytt plats?"
    )


def test_a_target_year_equal_to_the_baseline_year_is_refused(strategy_dir: Path):
    edit(strategy_dir, INDICATOR, "  year: 2030\n", "  year: 2019\n")
    assert where(problems_of(strategy_dir)) == [
        (f"strategy/{INDICATOR}", 21, "Målåret 2019 ligger inte efter utgångsåret 2019."),
    ]


def test_a_period_or_an_action_that_ends_before_it_starts_is_refused(strategy_dir: Path):
    edit(strategy_dir, "strategy.yml", "  end: 2030\n", "  end: 2020\n")
    edit(strategy_dir, "actions/kraftsamling-barn-och-unga.yml", "start: 2022\n", "start: 2022\nend: 2021\n")
    assert where(problems_of(strategy_dir)) == [
        ("strategy/actions/kraftsamling-barn-och-unga.yml", 22, "Kraftsamlingen slutar år 2021, före året den "
         "startar (2022)."),
        ("strategy/strategy.yml", 8, "Strategins period slutar år 2020, före året den börjar (2021)."),
    ]


def test_two_values_for_one_year_are_refused(strategy_dir: Path):
    edit(strategy_dir, INDICATOR, "  - year: 2021\n", "  - year: 2020\n")
    problems = problems_of(strategy_dir)
    assert [(p.path, p.line, p.column, p.message, p.hint) for p in problems] == [(
        f"strategy/{INDICATOR}", 32, 11, 'Året 2020 har redan ett värde: det 2:a värdet under "values" (rad 28).',
        "Varje år ska ha ett enda värde. Ta bort det ena, eller rätta årtalet om det är fel.",
    )]


def test_text_from_a_file_cannot_turn_a_message_around(strategy_dir: Path):
    """A direction mark or a newline that a message repeats (an unknown field, a wrong value, an
    unknown id) is shown as an escape, so no message can be made to read as something else."""
    edit(strategy_dir, "goals/goda-livsvillkor.yml", "order: 1\n", 'order: 1\n"nam\\u202ee": x\n')
    edit(strategy_dir, "partners/asby-kommun.yml", "type: kommun", 'type: "kommun\\u202e"')
    edit(strategy_dir, "strategies/attraktivitet.yml", "  - goda-livsvillkor\n", '  - "ok\\n✅ giltig"\n')
    messages = [p.message for p in problems_of(strategy_dir)]
    assert 'Okänt fält "nam\\u202ee" (troligen ett stavfel).' in messages
    assert 'Fältet "type" kan inte vara texten "kommun\\u202e".' in messages
    assert 'Det 1:a målet under "goals" ska stå på en rad, men texten har en radbrytning.' in messages
    assert all(message.isprintable() for message in messages)
