"""Renderers escape and sanitise on their own, even for text the validator never saw
(defence in depth: a fork may loosen the schema, a future field may forget the check)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from strategy_as_code import load_strategy
from strategy_as_code.model import Goal, Source, Text
from strategy_as_code.render.fragments import render_fragment
from strategy_as_code.render.markdown import markdown_to_html
from strategy_as_code.render.pages import entity_pages
from strategy_as_code.render.shield import Shield
from strategy_as_code.swedish import swedish_date, swedish_number
from support import EXAMPLE


def test_raw_html_in_markdown_is_escaped_not_run():
    html = markdown_to_html('Hej <script>alert(1)</script> <img src=x onerror="alert(2)"> **fet**')
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<strong>fet</strong>" in html


def test_script_links_lose_their_target():
    html = markdown_to_html("[klicka](javascript:alert(1)) och [SCB](https://www.scb.se/)")
    assert "javascript" not in html
    assert '<a href="https://www.scb.se/" rel="noopener">SCB</a>' in html


def test_headings_in_yaml_text_sit_below_the_page_heading():
    assert markdown_to_html("# Rubrik\n\n## Under").startswith("<h3>Rubrik</h3>\n<h4>Under</h4>")


def test_hostile_names_are_escaped_in_pages_and_front_matter():
    strategy = load_strategy(EXAMPLE)
    goal = strategy.goals[0]
    hostile = Goal(
        goal.id, Source("x.yml"), goal.order, Text.of('</title><script>alert("x")</script>'),
        Text.of("<b>sammanfattning</b>"), Text.of("<iframe src=//evil>"), (),
    )
    object.__setattr__(strategy, "goals", (hostile, *strategy.goals[1:]))
    strategy._index["goals"][goal.id] = hostile
    shield = Shield()
    page = next(p for p in entity_pages(strategy, shield) if p.entity_id == goal.id and p.kind == "goals")
    front_matter, _, body = shield.reveal(page.content).partition("\n---\n")
    assert 'title: "&lt;/title&gt;&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;"' in front_matter
    assert "<script" not in body and "<iframe" not in body and "<b>" not in body
    assert "&lt;b&gt;sammanfattning&lt;/b&gt;" in body
    overview = render_fragment(strategy, "goal_overview", "mal/")
    assert "<script" not in overview and "&lt;/title&gt;&lt;script&gt;" in overview


def test_generated_pages_never_run_macros():
    strategy = load_strategy(EXAMPLE)
    for page in entity_pages(strategy, Shield()):
        assert "\nrender_macros: false" in page.content.split("\n---\n")[0]


def test_swedish_notation():
    assert [swedish_number(v) for v in (1234.5, 71.2, -3.25, 5.0, None)] == ["1\u00a0234,5", "71,2", "−3,25", "5", "–"]
    assert swedish_date("2021-06-15") == "15 juni 2021"


def test_counts_in_prose_follow_the_strategy():
    from strategy_as_code.swedish import number_word

    assert [number_word(1, neuter=True), number_word(1), number_word(8), number_word(13)] == ["ett", "en", "åtta", "13"]
    strategy = load_strategy(EXAMPLE)
    summary = BeautifulSoup(render_fragment(strategy, "structure_summary", ""), "html.parser")
    assert [li.get_text() for li in summary.select("li")][:3] == [
        "3 mål med 1 delmål: mål.", "2 utmaningar som strategin svarar på: utmaningar.",
        "8 strategier som bidrar till mål: strategier.",
    ]
    assert summary.find("a", href="principer/").get_text() == "vägledande principer"


@pytest.mark.parametrize("text", [
    "Goda livsvillkor \ufffe", "\uffff", "\U0010ffff", "😀 Åsa", 'citat " och \\ bakstreck', "tab\tradbrytning\n",
    "\x85\u2028\u2029", "{{ 7*7 }} {: onfocus=x }", "---\nrender_macros: true",
])
def test_a_page_header_reads_back_as_the_text_it_was_given(text):
    """The header is printable ASCII whatever the text: YAML reads every value back, so MkDocs can
    never fall back to reading a broken header as the page's Markdown (and run it as Jinja)."""
    import yaml
    from markupsafe import escape

    from strategy_as_code.render.environment import front_matter_string

    header = f"title: {front_matter_string(text)}\nrender_macros: false\n"
    assert header.isascii() and all(line.isprintable() for line in header.splitlines())
    assert yaml.safe_load(header) == {"title": str(escape(text)), "render_macros": False}


def test_a_page_whose_header_does_not_read_back_is_never_handed_on():
    with pytest.raises(ValueError, match="front matter does not read back"):
        Shield().page('---\ntitle: "a\ufffe"\nrender_macros: false\n---\n<p>x</p>\n')
    with pytest.raises(ValueError, match="lost render_macros: false"):
        Shield().page('---\ntitle: "a"\n---\n<p>x</p>\n')


def test_an_address_may_wrap_where_its_parts_meet_and_stays_escaped():
    from strategy_as_code.render.environment import breakable_address

    assert breakable_address("info@region.example/a") == "info@<wbr>region.<wbr>example/<wbr>a"
    assert breakable_address('<b onclick="x">.se') == "&lt;b onclick=&#34;x&#34;&gt;.<wbr>se"


def test_the_problem_report_page_is_swedish_and_escapes_the_report():
    from strategy_as_code.publishing.site_content import problems_page

    page = problems_page('strategy/goals/x.yml:1:1: <script>alert("x")</script>')
    assert '<html lang="sv">' in page
    assert "<h1>Strategin har problem som måste rättas</h1>" in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page and "<script>" not in page
