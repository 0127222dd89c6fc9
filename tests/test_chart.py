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
    assert svg["role"] == "img" and svg["viewbox"] == "0 0 400 320"  # html.parser lower-cases names
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


def irregular_years():
    """Measured in 2005 and then not again until 2017, as real series often are."""
    return indicator(
        baseline=(2005, 69.4), target=(2030, 75.0),
        values=[(2005, 69.4), (2017, 70.1), (2018, 70.8), (2019, 71.2)],
    )


def _year_labels(svg) -> dict[str, list[tuple[int, float]]]:
    """The year labels the SVG shows on a phone and on a wide screen: (year, x) each."""
    texts = svg.select("g.rus-chart__years text.rus-chart__label")
    always = [(int(t.get_text()), float(t["x"])) for t in texts if "rus-chart__label--always" in t["class"]]
    wide = [(int(t.get_text()), float(t["x"])) for t in texts if "rus-chart__label--wide" in t["class"]]
    return {"phone": sorted(always), "wide": sorted(always + wide)}


@pytest.mark.parametrize("values", [
    [(2005, 69.4), (2017, 70.1), (2018, 70.8), (2019, 71.2)],
    [(1998, 60.0), (2016, 70.1), (2017, 70.8), (2019, 71.2), (2020, 71.0), (2021, 71.4)],
    [(2005, 69.4), (2006, 69.0), (2007, 69.8), (2008, 70.1), (2028, 74.0), (2029, 74.5)],
])
def test_year_labels_never_overlap_however_irregular_the_years(values):
    """Each label is as wide as four digits at the size the screen draws it (18 units on a phone,
    12.5 on a wide screen): on neither may two labels touch."""
    item = indicator(baseline=values[0], target=(2030, 75.0), values=values)
    labels = _year_labels(render_chart(item).find("svg"))
    for screen, font in (("phone", LARGEST_FONT), ("wide", FONT)):
        width = 4 * 0.6 * font
        gaps = [b[1] - a[1] for a, b in pairwise(labels[screen])]
        assert min(gaps) > width, (screen, labels[screen])
    years = [year for year, _ in labels["phone"]]
    assert values[0][0] in years and 2030 in years  # the first year and the target year


def test_years_stand_where_they_fall_in_time_and_the_measured_years_are_labelled():
    svg = render_chart(irregular_years()).find("svg")
    x = [float(c["cx"]) for c in svg.select("circle.rus-chart__marker--value")]
    # 2005 -> 2017 is twelve years, 2017 -> 2018 one: twelve times as far apart (to a tenth of a unit).
    per_year = (x[3] - x[0]) / 14
    assert x[1] - x[0] == pytest.approx(12 * per_year, abs=0.2)
    assert x[2] - x[1] == pytest.approx(per_year, abs=0.2)
    labels = _year_labels(svg)
    assert [year for year, _ in labels["phone"]] == [2005, 2010, 2015, 2019, 2025, 2030]
    assert [year for year, _ in labels["wide"]] == [2005, 2010, 2015, 2019, 2022, 2025, 2030]
    for year, position in labels["wide"]:
        assert position == pytest.approx(x[0] + (year - 2005) * per_year, abs=0.2)


def test_the_x_axis_says_its_unit_below_the_years():
    svg = render_chart(irregular_years()).find("svg")
    unit = svg.select_one("g.rus-chart__years text.rus-chart__unit")
    assert unit.get_text() == "År"
    year_y = {float(t["y"]) for t in svg.select("g.rus-chart__years text.rus-chart__label--always")}
    assert len(year_y) == 1
    # Below the year labels at their largest (18 units, on a phone), and inside the drawing.
    assert float(unit["y"]) >= year_y.pop() + LARGEST_FONT
    assert float(unit["y"]) + LARGEST_FONT <= float(svg["viewbox"].split()[3])
