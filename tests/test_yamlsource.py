"""The YAML reader: positions, and refusal of what PyYAML would silently accept."""

from __future__ import annotations

import time
import tracemalloc

from strategy_as_code.yamlsource import parse


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
