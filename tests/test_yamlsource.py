"""The YAML reader: positions, and refusal of what PyYAML would silently accept."""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
import textwrap
import time
import tracemalloc

import pytest

from strategy_as_code.reading.yaml_messages import _PROBLEMS, UNREADABLE, wording
from strategy_as_code.reading.yamlsource import parse
from support import EXAMPLE


def test_values_keep_line_and_column():
    document, problems = parse("f.yml", b"id: a\nname: Mal\ngoals:\n  - x\n  - y\n")
    assert problems == []
    assert document.data == {"id": "a", "name": "Mal", "goals": ["x", "y"]}
    assert document.values[("goals", 1)] == (5, 5)
    assert document.keys[("name",)] == (2, 1)


def test_yaml_11_surprises_stay_text():
    document, problems = parse("f.yml", b"a: 2021-06-15\nb: no\nc: on\nd: 10:30\ne: true\nf: 0114\ng: 1.1\n")
    assert problems == []
    assert document.data == {"a": "2021-06-15", "b": "no", "c": "on", "d": "10:30", "e": True, "f": 114, "g": 1.1}


def test_duplicate_key_is_refused_with_both_lines():
    _, problems = parse("f.yml", b"id: a\nname: Ett\nname: Tva\n")
    assert [(p.line, p.column, p.message) for p in problems] == [
        (3, 1, 'Fältet "name" står två gånger (första gången på rad 2). YAML skulle tyst behålla bara det sista värdet.')
    ]


def test_tab_indent_is_named():
    _, problems = parse("f.yml", b"goals:\n\t- a\n")
    assert [(p.line, p.column) for p in problems] == [(2, 1)]
    assert problems[0].message == "Raden är indragen med tabbtecken. YAML tillåter bara mellanslag i indrag."


def test_not_utf8_gives_position():
    _, problems = parse("f.yml", "id: a\nname: Gävle\n".encode("latin-1"))
    assert (problems[0].line, problems[0].column) == (2, 8)
    assert problems[0].message == "Filen är inte sparad som UTF-8 (byten 0xE4 kan inte läsas)."


def test_malformed_yaml_is_worded_in_swedish():
    _, problems = parse("f.yml", "id: a\nname: Mal: bättre\n".encode())
    assert problems[0].message == "Ett kolon står där YAML inte väntar sig ett."
    assert problems[0].line == 2


def test_unclosed_quote():
    _, problems = parse("f.yml", b'id: a\nname: "Mal\n')
    assert problems[0].message.startswith("Filen tar slut mitt i ett värde")


def test_billion_laughs_is_refused_quickly_and_cheaply():
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    bomb = "\n".join(lines).encode()
    tracemalloc.start()
    started = time.perf_counter()
    _, problems = parse("bomb.yml", bomb)
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert problems[0].message.startswith("Filen använder YAML-ankare eller alias")
    assert (problems[0].line, problems[0].column) == (1, 5)
    # Not a timing test of speed: a bound that only an expansion of 9**9 items could break.
    assert elapsed < 5 and peak < 50_000_000


def test_python_tags_are_refused():
    _, problems = parse("f.yml", b"id: !!python/object/apply:os.system ['echo hej']\n")
    assert [(p.line, p.column, p.message) for p in problems] == [
        (1, 5, "Taggen tag:yaml.org,2002:python/object/apply:os.system är inte tillåten i strategifilerna.")
    ]


def test_empty_and_comment_only_files_have_no_data():
    document, problems = parse("f.yml", b"# bara en kommentar\n")
    assert problems == [] and document.data is None


def test_oversized_file_is_refused():
    _, problems = parse("f.yml", b"a: " + b"x" * 600_000)
    assert problems[0].message.startswith("Filen är 585 kB")


# Every problem libyaml's scanner and parser can report (the strings in its source), with the
# context it comes with where the problem alone does not say what went wrong. PyYAML's own parser
# words some of them differently; the reader uses libyaml, and the table knows both.
LIBYAML_PROBLEMS = [
    ("block sequence entries are not allowed in this context", ""),
    ("could not find expected ':'", "while scanning a simple key"),
    ("did not find URI escaped octet", "while parsing a tag"),
    ("did not find expected ',' or ']'", "while parsing a flow sequence"),
    ("did not find expected ',' or '}'", "while parsing a flow mapping"),
    ("did not find expected '!'", "while scanning a tag directive"),
    ("did not find expected '-' indicator", "while parsing a block collection"),
    ("did not find expected <document start>", ""),
    ("did not find expected alphabetic or numeric character", "while scanning an anchor"),
    ("did not find expected alphabetic or numeric character", "while scanning an alias"),
    ("did not find expected alphabetic or numeric character", "while scanning a directive"),
    ("did not find expected alphabetic or numeric character", "while parsing a tag"),
    ("did not find expected comment or line break", "while scanning a block scalar"),
    ("did not find expected comment or line break", "while scanning a directive"),
    ("did not find expected digit or '.' character", "while scanning a %YAML directive"),
    ("did not find expected directive name", "while scanning a directive"),
    ("did not find expected hexdecimal number", "while parsing a quoted scalar"),
    ("did not find expected key", "while parsing a block mapping"),
    ("did not find expected node content", "while parsing a flow node"),
    ("did not find expected node content", "while parsing a block node"),
    ("did not find expected tag URI", "while parsing a tag"),
    ("did not find expected version number", "while scanning a %YAML directive"),
    ("did not find expected whitespace", "while scanning a %TAG directive"),
    ("did not find expected whitespace or line break", "while scanning a tag"),
    ("did not find the expected '>'", "while scanning a tag"),
    ("found a tab character that violates indentation", "while scanning a block scalar"),
    ("found a tab character where an indentation space is expected", "while scanning a block scalar"),
    ("found an indentation indicator equal to 0", "while scanning a block scalar"),
    ("found character that cannot start any token", "while scanning for the next token"),
    ("found duplicate %TAG directive", ""),
    ("found duplicate %YAML directive", ""),
    ("found extremely long version number", "while scanning a %YAML directive"),
    ("found incompatible YAML document", ""),
    ("found invalid Unicode character escape code", "while parsing a quoted scalar"),
    ("found undefined tag handle", "while parsing a node"),
    ("found unexpected ':'", "while scanning a plain scalar"),
    ("found unexpected document indicator", "while scanning a quoted scalar"),
    ("found unexpected end of stream", "while scanning a quoted scalar"),
    ("found unexpected non-alphabetical character", "while scanning a directive"),
    ("found unknown directive name", "while scanning a directive"),
    ("found unknown escape character", "while parsing a quoted scalar"),
    ("mapping keys are not allowed in this context", ""),
    ("mapping values are not allowed in this context", ""),
    ("expected a single document in the stream", "but found another document"),
    # PyYAML's own wording of the same problems
    ("expected <block end>, but found '<block mapping start>'", "while parsing a block mapping"),
    ("expected the node content, but found '<stream end>'", "while parsing a flow node"),
    ("expected ',' or ']', but got '}'", "while parsing a flow sequence"),
    ("expected escape sequence of 4 hexadecimal numbers, but found 'Z'", "while scanning a double-quoted scalar"),
    ("found character '@' that cannot start any token", "while scanning for the next token"),
    ("sequence entries are not allowed here", ""),
    ("expected '<document start>', but found '<scalar>'", ""),
    ("found unexpected document separator", "while scanning a quoted scalar"),
    ("expected chomping or indentation indicators, but found 'x'", "while scanning a block scalar"),
    ("expected URI, but found '>'", "while parsing a tag"),
    ("found duplicate anchor 'x'; first occurrence", ""),
    ("found undefined alias 'x'", "while composing a node"),
]


@pytest.mark.parametrize(("problem", "context"), LIBYAML_PROBLEMS)
def test_every_problem_libyaml_reports_has_its_own_swedish_wording(problem, context):
    worded = wording(problem, context)
    assert worded is not UNREADABLE
    assert not ENGLISH.search(worded.message + worded.hint)


ENGLISH = re.compile(r"\b(?:found|expected|while|allowed|character|scanning|parsing|document|stream|token)\b")

# Broken files as partners write them, with the Swedish each must get, at line and column.
BROKEN = [
    ("a: b\n---\nc: d\n", 2, 1, "Filen innehåller mer än ett YAML-dokument (skiljelinjen ---)."),
    ('name: "Region \\ud800"\n', 1, 17, "En teckenkod (\\x, \\u eller \\U) inom dubbla citattecken är ogiltig."),
    ('name: "Region \\uZZZZ"\n', 1, 17, "En teckenkod (\\x, \\u eller \\U) inom dubbla citattecken är ogiltig."),
    ("a: - b\n", 1, 4, "Ett bindestreck (- ) som inleder en listrad står där YAML inte väntar sig en lista."),
    ("a: |0\n  x\n", 1, 5, "En text på flera rader (efter | eller >) är inte korrekt inledd."),
    ("a: |x\n  x\n", 1, 5, "En text på flera rader (efter | eller >) är inte korrekt inledd."),
    ("a: !x!y b\n", 1, 4, "Ett värde börjar med utropstecken (!), som YAML läser som en tagg. Taggar används inte i "
     "strategifilerna."),
    ("%FOO bar\n---\na: b\n", 1, 5, "En rad som börjar med % läses av YAML som ett direktiv, och sådana används inte i "
     "strategifilerna."),
    ("  id: a\nname: b\n", 2, 1, "YAML läser filen som slut före den här raden: raden börjar längre till vänster än "
     "raderna i början av filen, eller står efter en rad med tre punkter (...) eller ett direktiv (%)."),
    ('a: "x\n---\ny"\n', 2, 1, "En rad med --- eller ... står mitt i en text inom citattecken."),
    ("a: &\n", 1, 5, "Filen använder YAML-ankare eller alias (& eller *), som inte är tillåtna i strategifilerna."),
    ("a: b\x01c\n", 1, 5, "Raden innehåller ett osynligt styrtecken (U+0001), som inte får finnas i en YAML-fil."),
    ("a: |\n  b\n  \x7f\n", 3, 3, "Raden innehåller ett osynligt styrtecken (U+007F), som inte får finnas i en YAML-fil."),
]


@pytest.mark.parametrize(("text", "line", "column", "message"), BROKEN, ids=[b[3][:40] for b in BROKEN])
def test_yaml_problems_are_worded_in_swedish_where_they_are(text, line, column, message):
    document, problems = parse("f.yml", text.encode())
    assert document is None
    assert [(p.line, p.column, p.message) for p in problems] == [(line, column, message)]


def test_no_broken_file_gets_english():
    """Random damage to every example file: whatever YAML reports reaches a partner in Swedish."""
    known = {worded.message for _, worded in _PROBLEMS} | {UNREADABLE.message}
    rng = random.Random(10)
    damages = [":", "- ", "\n", "  ", "[", "]", "{", "}", "'", '"', "!", "?", "#", "%", "&", "*", "|", ">", "\\",
               "\t", "...\n", "---\n", '"\\u12"', "@", "`", ",", "\r"]
    worded = 0
    for path in sorted(EXAMPLE.rglob("*.yml")):
        text = path.read_text(encoding="utf-8")
        for _ in range(20):
            broken = text
            for _ in range(rng.randint(1, 3)):
                at = rng.randrange(len(broken) + 1)
                broken = broken[:at] + rng.choice(damages) + broken[at:]
            _, problems = parse(path.name, broken.encode())
            for problem in problems:
                assert not ENGLISH.search(problem.message + problem.hint), problem
                if problem.message in known:
                    worded += 1
                    assert problem.line > 0 and problem.column > 0
    assert worded > 100  # the damage does reach the YAML parser


@pytest.mark.parametrize("depth", [33, 1_000, 25_000])
@pytest.mark.parametrize("style", ["flow", "block", "compact"])
def test_deep_nesting_is_refused_before_it_can_crash(depth, style):
    """In a subprocess, so that a segmentation fault (libyaml's composer recursing 25,000 deep)
    or a RecursionError fails the test instead of ending the run."""
    program = textwrap.dedent(f"""
        import itertools
        import json
        from strategy_as_code.reading.yamlsource import parse
        depth, style = {depth}, {style!r}
        if style == "flow":
            text = "goals: " + "[" * depth + "]" * depth + "\\n"
        elif style == "block":  # as deep as fits in a file of at most 512 kB
            lines = itertools.accumulate(range(depth), lambda total, level: total + 2 * level + 3, initial=0)
            text = "goals:\\n" + "".join("  " * level + "- \\n" for level, size in zip(range(depth), lines)
                                         if size < 400_000)
        else:
            text = "goals:\\n" + "- " * depth + "x\\n"
        document, problems = parse("goals/x.yml", text.encode())
        print(json.dumps([document is None, [[p.line, p.column, p.message, p.hint] for p in problems]]))
    """)
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    refused, problems = json.loads(result.stdout)
    assert refused
    assert [p[2] for p in problems] == ["Listor och fält ligger i mer än 32 nivåer inuti varandra."]
    assert problems[0][3] == (
        "Ingen strategifil behöver så många nivåer. Kontrollera indraget och att varje [ och { stängs med ] och }."
    )
    line, column = problems[0][:2]
    assert (line, column) == {"flow": (1, 39), "block": (33, 63), "compact": (2, 63)}[style]


def test_nesting_up_to_the_limit_is_read():
    text = "goals: " + "[" * 31 + "x" + "]" * 31 + "\n"  # and the file's own table: 32 levels
    document, problems = parse("f.yml", text.encode())
    assert problems == []
    inner = document.data["goals"]
    for _ in range(30):
        inner = inner[0]
    assert inner == ["x"]


@pytest.mark.parametrize(("value", "message"), [
    ("1e309", "Talet 1e309 är för stort eller inget tal alls, så det går inte att räkna med."),
    ("-1e400", "Talet -1e400 är för stort eller inget tal alls, så det går inte att räkna med."),
    ("!!float nan", "Talet nan är för stort eller inget tal alls, så det går inte att räkna med."),
    ("!!float -infinity", "Talet -infinity är för stort eller inget tal alls, så det går inte att räkna med."),
    ("9" * 5000, "Talet har 5000 siffror, fler än något tal i en strategi kan ha."),
])
def test_numbers_that_cannot_be_computed_with_are_refused(value, message):
    _, problems = parse("f.yml", f"baseline:\n  year: 2020\n  value: {value}\n".encode())
    assert [(p.line, p.column, p.message) for p in problems] == [(3, 10, message)]


def test_explicit_tags_never_turn_text_into_something_else():
    document, problems = parse("f.yml", b"a: !!bool yes\nb: !!null viktig text\nc: !!int tolv\n")
    assert problems == []
    assert document.data == {"a": "yes", "b": "viktig text", "c": "tolv"}


def test_a_collection_tag_on_a_scalar_is_refused_not_a_crash():
    _, problems = parse("f.yml", b"a: !!seq x\nb: !!map y\nc: !!str [x]\n")
    assert [(p.line, p.message) for p in problems] == [
        (1, "Taggen tag:yaml.org,2002:seq är inte tillåten i strategifilerna."),
        (2, "Taggen tag:yaml.org,2002:map är inte tillåten i strategifilerna."),
        (3, "Taggen tag:yaml.org,2002:str är inte tillåten i strategifilerna."),
    ]
