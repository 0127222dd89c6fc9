"""The follow-up status of an indicator: a pure function of baseline, target, direction and values,
checked on the edge cases a region's figures really have."""

from __future__ import annotations

import pytest

from strategy_as_code.followup import Status, assess, decimals_of, kolada_url, status_counts
from strategy_as_code.model import Indicator, Source


def indicator(direction="increase", baseline=(2020, 50.0), target=(2030, 60.0), values=(), **extra) -> Indicator:
    return Indicator.from_data({
        "id": extra.get("id", "test"), "name": "Test", "description": "Text.", "unit": "procent",
        "direction": direction, "goals": ["mal"], "source": {"name": "SCB"},
        "baseline": {"year": baseline[0], "value": baseline[1]},
        "target": {"year": target[0], "value": target[1]},
        "values": [{"year": year, "value": value} for year, value in values],
    }, Source("test.yml"))


@pytest.mark.parametrize(("latest", "status"), [
    (56.0, Status.ON_TRACK),    # 60 % of the way after 50 % of the time
    (55.0, Status.ON_TRACK),    # exactly on pace
    (52.0, Status.TOO_SLOW),    # 20 % of the way after 50 % of the time
    (50.0, Status.TOO_SLOW),    # not moved at all: slow, but not the wrong way
    (49.5, Status.WRONG_WAY),   # below the baseline when higher is better
])
def test_increase(latest, status):
    assert assess(indicator(values=[(2020, 50.0), (2025, latest)])).status is status


@pytest.mark.parametrize(("latest", "status"), [
    (7.0, Status.ON_TRACK),     # lower is better: 60 % of the way from 10 to 5
    (9.0, Status.TOO_SLOW),
    (10.5, Status.WRONG_WAY),   # higher than the baseline is the wrong way here
    (4.0, Status.ON_TRACK),     # beyond the target
])
def test_decrease(latest, status):
    item = indicator("decrease", baseline=(2020, 10.0), target=(2030, 5.0), values=[(2025, latest)])
    assert assess(item).status is status


def test_figures_behind_the_status():
    result = assess(indicator(values=[(2020, 50.0), (2022, 51.0), (2025, 56.0)]))
    assert result.latest.year == 2025 and result.latest.value == 56.0
    assert result.progress_percent == 60 and result.elapsed_percent == 50
    assert not result.reached


def test_target_reached_early_is_on_track_and_says_so():
    result = assess(indicator(values=[(2022, 61.0)]))
    assert result.status is Status.ON_TRACK and result.reached and result.progress_percent == 110


def test_target_reached_then_lost_is_judged_on_the_latest_value():
    result = assess(indicator(values=[(2022, 61.0), (2023, 50.5)]))
    assert result.status is Status.TOO_SLOW and not result.reached


@pytest.mark.parametrize(("latest", "status"), [(70.0, Status.ON_TRACK), (71.0, Status.ON_TRACK), (69.0, Status.WRONG_WAY)])
def test_equal_baseline_and_target_means_hold_the_level(latest, status):
    result = assess(indicator(baseline=(2020, 70.0), target=(2030, 70.0), values=[(2024, latest)]))
    assert result.status is status and result.progress is None


def test_a_target_below_the_baseline_when_higher_is_better_is_a_floor():
    # "Do not fall below 45": a fall to 47 is allowed, a fall to 44 is not.
    floor = {"baseline": (2020, 50.0), "target": (2030, 45.0)}
    assert assess(indicator(values=[(2024, 47.0)], **floor)).status is Status.ON_TRACK
    assert assess(indicator(values=[(2024, 44.0)], **floor)).status is Status.WRONG_WAY


def test_no_values_at_all():
    result = assess(indicator(values=[]))
    assert result.status is Status.NO_DATA and result.latest is None and result.progress is None


def test_a_single_value_in_the_baseline_year_is_nothing_to_judge_yet():
    result = assess(indicator(values=[(2020, 50.0)]))
    assert result.status is Status.NO_DATA and result.latest.value == 50.0


def test_values_only_from_before_the_baseline_are_nothing_to_judge():
    assert assess(indicator(values=[(2017, 40.0), (2018, 45.0)])).status is Status.NO_DATA


def test_a_single_value_after_the_baseline_is_judged():
    assert assess(indicator(values=[(2021, 51.5)])).status is Status.ON_TRACK


def test_past_the_target_year_without_reaching_it_is_too_slow():
    result = assess(indicator(values=[(2032, 59.0)]))
    assert result.status is Status.TOO_SLOW and result.elapsed == 1.0


def test_target_year_equal_to_baseline_year_does_not_divide_by_zero():
    result = assess(indicator(baseline=(2020, 50.0), target=(2020, 60.0), values=[(2021, 55.0)]))
    assert result.status is Status.TOO_SLOW and result.elapsed == 1.0


def test_shares_are_compared_in_the_whole_percent_the_page_shows():
    # 45.2 % of the way (63.5 of 54 -> 75) after 45.5 % of the time: both read "45 procent".
    item = indicator(baseline=(2019, 54.0), target=(2030, 75.0), values=[(2024, 63.5)])
    result = assess(item)
    assert result.progress_percent == result.elapsed_percent == 45
    assert result.status is Status.ON_TRACK
    behind = assess(indicator(baseline=(2019, 54.0), target=(2030, 75.0), values=[(2024, 63.3)]))
    assert behind.progress_percent == 44 and behind.status is Status.TOO_SLOW


def test_exactly_on_pace_despite_binary_rounding():
    # A third of the way after a third of the time, but (1.7 - 0.1) / (4.9 - 0.1) is
    # 0.33333333333333326 in floating point, a hair under 1/3.
    item = indicator(baseline=(2020, 0.1), target=(2023, 4.9), values=[(2021, 1.7)])
    assert assess(item).status is Status.ON_TRACK


def test_status_counts_in_display_order_without_zeros():
    items = [
        indicator(values=[(2025, 49.0)], id="a"), indicator(values=[(2025, 56.0)], id="b"),
        indicator(values=[(2025, 57.0)], id="c"), indicator(values=[], id="d"),
    ]
    assert status_counts(items) == [(Status.ON_TRACK, 2), (Status.WRONG_WAY, 1), (Status.NO_DATA, 1)]


def test_decimals_follow_how_the_figures_are_written():
    assert decimals_of(indicator(baseline=(2020, 28.4), target=(2030, 22.0), values=[(2021, 32.0)])) == 1
    assert decimals_of(indicator(baseline=(2020, 448), target=(2030, 510), values=[(2021, 452)])) == 0
    assert decimals_of(indicator(baseline=(2020, 1.25), target=(2030, 2.0), values=[])) == 2


def test_kolada_link_names_the_key_figure():
    assert kolada_url("N00914") == "https://www.kolada.se/verktyg/fri-sokning/?kpis=N00914"
