"""The indicator chart: geometry that keeps every figure inside the drawing and labels apart, and
SVG markup with a text alternative, the same figures as a table, and escaped text."""

from __future__ import annotations

from itertools import pairwise

import pytest
from bs4 import BeautifulSoup

from strategy_as_code.render.chart import FONT, LARGEST_FONT, _year_room, chart_of, nice_ticks
from strategy_as_code.render.environment import environment
from test_followup import indicator


@pytest.mark.parametrize(("low", "high"), [(21.1, 34.8), (0.0, 1.0), (448, 510), (-3.2, 4.1), (70.0, 70.0), (0.012, 0.019)])
def test_nice_ticks_cover_the_range_with_round_steps(low, high):
    ticks = nice_ticks(low, high)
    assert ticks[0] <= low and ticks[-1] >= high and 2 <= len(ticks) <= 8
    steps = {round(b - a, 9) for a, b in pairwise(ticks)}
    assert len(steps) == 1
    step = steps.pop()
    mantissa = step / 10 ** int(f"{step:e}".split("e")[1])
    assert round(mantissa, 6) in (1, 2, 5)


def ohalsotal():
    return indicator(
        "decrease", baseline=(2019, 28.4), target=(2030, 22.0),
        values=[(2019, 28.4), (2020, 28.9), (2021, 27.6), (2022, 26.8), (2023, 26.9), (2024, 26.5)],
    )


def test_every_point_lies_inside_the_plot():
    chart = chart_of(ohalsotal())
    points = [p for s in chart.series for p in s.points] + [chart.baseline, chart.target]
    for p in points:
        assert chart.left <= p.x <= chart.right and chart.top <= p.y <= chart.bottom
    assert chart.baseline.x == chart.left and chart.target.x == chart.right
    # Lower values are drawn lower: the target (22,0) sits below the baseline (28,4).
    assert chart.target.y > chart.baseline.y


def test_year_labels_never_collide_and_the_target_year_has_one():
    chart = chart_of(ohalsotal())
    always = [t.position for t in chart.x_ticks if t.label == "always"]
    wide = [t.position for t in chart.x_ticks if t.label in ("always", "wide")]
    assert min(b - a for a, b in pairwise(always)) >= _year_room(LARGEST_FONT)
    assert min(b - a for a, b in pairwise(wide)) >= _year_room(FONT)
    assert chart.x_ticks[-1].value == 2030 and chart.x_ticks[-1].label == "always"
    assert [t.value for t in chart.x_ticks] == list(range(2019, 2031))


def test_women_and_men_get_their_own_lines_only_when_the_data_has_them():
    assert [s.key for s in chart_of(ohalsotal()).series] == ["value"]
    split = ohalsotal()
    object.__setattr__(split, "values", tuple(
        type(m)(m.year, m.value, m.value + 5, m.value - 5) for m in split.values
    ))
    assert [s.key for s in chart_of(split).series] == ["value", "women", "men"]


def render_chart(item) -> BeautifulSoup:
    followup = environment().get_template("_followup.j2").module
    from strategy_as_code.followup import assess

    return BeautifulSoup(str(followup.indicator_chart(item, assess(item))), "html.parser")


def test_svg_is_an_image_named_by_its_title_and_a_description_in_words():
    html = render_chart(ohalsotal())
    svg = html.find("svg", class_="rus-chart__svg")
    assert svg["role"] == "img" and svg["viewbox"] == "0 0 400 300"  # html.parser lower-cases names
    title_id, desc_id = svg["aria-labelledby"].split()
    assert html.find(id=title_id).name == "title" and html.find(id=desc_id).name == "desc"
    description = html.find(id=desc_id).get_text()
    assert "Utgångsläget var 28,4 procent år 2019. Målet är 22,0 procent år 2030." in description
    assert "Det senaste värdet är 26,5 procent år 2024, och värdet har minskat sedan utgångsläget." in description
    assert "Bedömning: går för långsamt." in description
    y_labels = [t.get_text() for t in svg.select("g.rus-chart__grid text")]
    assert y_labels == ["22", "24", "26", "28", "30"]


def test_axis_labels_in_swedish_notation():
    small = indicator(baseline=(2020, 1.2), target=(2030, 2.1), values=[(2021, 1.3), (2022, 1.45)])
    y_labels = [t.get_text() for t in render_chart(small).select("g.rus-chart__grid text")]
    assert y_labels == ["1,0", "1,5", "2,0", "2,5"]


def test_hostile_text_is_escaped_inside_the_svg():
    item = ohalsotal()
    object.__setattr__(item, "name", type(item.name).of('</title><script>alert(1)</script>'))
    html = str(render_chart(item))
    assert "<script>" not in html and "&lt;/title&gt;&lt;script&gt;" in html
