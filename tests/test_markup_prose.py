"""Plain prose skips Python-Markdown (markup.py): the HTML must be exactly what Python-Markdown
makes of it, for every text of the example and of a generated strategy, for hand-picked edge
cases and for thousands of random strings of Markdown's special characters."""

from __future__ import annotations

import random

import nh3
import pytest

from bench.generate import generate
from strategy_as_code import load_strategy
from strategy_as_code.render.markdown import (
    _MARKDOWN,
    _PROSE,
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    URL_SCHEMES,
    markdown_to_html,
)
from support import EXAMPLE

EDGE_CASES = [
    "", "\n", "  ", "A", "A.", "A\n", "A\n\n", "A\n\n\nB", "A\nB", "A\n\nB\n", "A \nB", "A  \nB", "A  ", "A\t\nB",
    "1. A", "2030 blir det bättre.", "A\n1. B", "A\n- B", "A\n* B", "A\n+ B", "A\n# B", "A\n> B", "A\n=", "A\n---",
    "A\n    B", " A", "A_b_", "A *b*", "A **b**", "A `b`", "A [b](https://x.se)", "A <https://x.se>", "A & B",
    "A &amp; B", "A < B", "A > B", "A | B", "A\n|B|\n|-|", "A! B", "A\\nB", "A\r\nB", "Åsa – 50 % (2021/22) \"x\" 'y'",
    "A\u00a0\nB", "A\u2028B", "A\x02B\x03", "Ä\n\nÖ\n\nÜ", "a: b; c, d? e.", "A — B = C + D", "E-post: rus@x.se",
]
ALPHABET = "aåÖZ19 .,:-*_[]()!<>&#|=+`\\\"'\n\n\t%/–"
PROSE = ["Ord", "och", "Åsa", "2030", " ", " ", " ", ".", ",", ":", "–", "-", "(", ")", "%", "\"", "'", "\n", "\n\n"]


def python_markdown(text: str) -> str:
    _MARKDOWN.reset()
    html = _MARKDOWN.convert(text)
    return nh3.clean(
        html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel="noopener",
    )


def _texts(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _texts(item)
    elif hasattr(value, "__dataclass_fields__"):
        for name in value.__dataclass_fields__:
            yield from _texts(getattr(value, name))
    elif hasattr(value, "translations"):
        yield from value.translations.values()


@pytest.mark.parametrize("text", EDGE_CASES)
def test_edge_cases_render_as_python_markdown_does(text: str):
    assert markdown_to_html(text) == python_markdown(text)


def test_every_text_of_the_example_and_a_generated_strategy(tmp_path):
    generate(tmp_path / "strategy", 1)
    texts = set()
    for folder in (EXAMPLE, tmp_path / "strategy"):
        strategy = load_strategy(folder)
        for kind in ("goals", "strategies", "principles", "success_factors", "actions", "indicators", "partners",
                     "decisions"):
            for entity in strategy.all(kind):
                texts.update(_texts(entity))
        texts.update(_texts(strategy.settings))
    assert len(texts) > 300
    for text in texts:
        assert markdown_to_html(text) == python_markdown(text), text


def test_random_strings_of_special_characters():
    rng = random.Random(6)
    for _ in range(3000):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 30)))
        assert markdown_to_html(text) == python_markdown(text), repr(text)


def test_random_prose():
    rng = random.Random(7)
    shortcut = 0
    for _ in range(3000):
        tokens = [rng.choice(PROSE) for _ in range(rng.randint(1, 40))]
        # Lines mostly start with a word, as prose does; sometimes not.
        text = "".join(t + (rng.choice(["Ord", "Åsa"]) if t.startswith("\n") and rng.random() < 0.8 else "")
                       for t in ["Ord", *tokens])
        shortcut += bool(_PROSE.fullmatch(text))
        assert markdown_to_html(text) == python_markdown(text), repr(text)
    assert shortcut > 300  # the prose path itself was exercised
