"""Resolving time expressions against the publication date."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aleppo_geo.dates import (
    WEEKDAYS,
    DateParseError,
    find_time_expressions,
    parse_publication_date,
    resolve_month_day,
    resolve_weekday,
)

WEDNESDAY = dt.date(2016, 10, 5)


def only(text: str, published: dt.date | None = WEDNESDAY):
    found = find_time_expressions(text, published)
    assert len(found) == 1, found
    return found[0]


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31)), st.integers(0, 6))
def test_a_weekday_is_within_six_days_before_publication_and_has_that_weekday(published, weekday):
    day = resolve_weekday(weekday, published)
    assert 0 <= (published - day).days <= 6
    assert day.weekday() == weekday


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31)))
def test_the_publication_weekday_is_the_publication_day(published):
    assert resolve_weekday(WEEKDAYS[published.weekday()].title(), published) == published


@given(st.dates(min_value=dt.date(1990, 1, 8), max_value=dt.date(2040, 12, 31)),
       st.integers(1, 12), st.integers(1, 28))
def test_an_explicit_day_without_year_is_never_more_than_a_week_after_publication(published, month, day):
    resolved = resolve_month_day(month, day, published)
    assert resolved is not None
    assert (resolved.month, resolved.day) == (month, day)
    assert resolved <= published + dt.timedelta(days=7)
    assert (published - resolved).days < 366


@pytest.mark.parametrize("text, expected", [
    ("on Sunday", dt.date(2016, 10, 2)),
    ("Sunday morning", dt.date(2016, 10, 2)),
    ("on Monday night", dt.date(2016, 10, 3)),
    ("last Thursday", dt.date(2016, 9, 29)),
    ("on Wednesday", WEDNESDAY),
    ("Tuesday’s assault", dt.date(2016, 10, 4)),
    ("by Friday", dt.date(2016, 9, 30)),
    ("since Monday", dt.date(2016, 10, 3)),
    ("yesterday", dt.date(2016, 10, 4)),
    ("the day before", dt.date(2016, 10, 4)),
    ("today", WEDNESDAY),
    ("two days ago", dt.date(2016, 10, 3)),
    ("on September 22", dt.date(2016, 9, 22)),
    ("on 22 September", dt.date(2016, 9, 22)),
    ("Sept. 24", dt.date(2016, 9, 24)),
    ("Oct 4", dt.date(2016, 10, 4)),
    ("October 4, 2016", dt.date(2016, 10, 4)),
    ("4 October 2015", dt.date(2015, 10, 4)),
])
def test_day_expressions_resolve_to_a_day(text, expected):
    expr = only(text)
    assert expr.date == expected
    assert expr.precision == "day"


@pytest.mark.parametrize("text, precision", [
    ("last week", "week"),
    ("this week", "week"),
    ("in the past week", "week"),
    ("this month", "month"),
    ("in September", "month"),
    ("this summer", "season"),
    ("recently", "unknown"),
    ("since 19 September", "unknown"),
    ("since September 19", "unknown"),
    ("since July", "month"),
    ("until December", "month"),
    ("by the end of August", "month"),
    # A stretch of days up to now is no one day.
    ("over the past days", "unknown"),
    ("during the past three days", "unknown"),
    ("in the past 24 hours", "unknown"),
])
def test_vague_expressions_and_ranges_give_no_day(text, precision):
    expr = only(text)
    assert expr.date is None
    assert expr.precision == precision


def test_without_publication_weekdays_stay_unresolved_but_full_dates_resolve():
    assert only("on Sunday", None).date is None
    assert only("October 4, 2016", None).date == dt.date(2016, 10, 4)
    assert only("October 4", None).date is None


def test_a_january_report_of_a_december_day_is_last_year():
    assert only("on December 28", dt.date(2017, 1, 3)).date == dt.date(2016, 12, 28)


def test_future_and_modal_words_are_not_dates():
    assert [e.kind for e in find_time_expressions("next week", WEDNESDAY)] == ["future"]
    assert find_time_expressions("the strikes may continue", WEDNESDAY) == []
    assert find_time_expressions("a sunday school", WEDNESDAY) == []


def test_offsets_point_into_the_text():
    text = "Rebels said on Sunday that the army attacked on 22 September."
    for expr in find_time_expressions(text, WEDNESDAY):
        assert text[expr.start:expr.end] == expr.text


@pytest.mark.parametrize("value, expected", [
    ("2016-10-05", WEDNESDAY),
    (dt.datetime(2016, 10, 5, 14, 0), WEDNESDAY),
    (WEDNESDAY, WEDNESDAY),
    (None, None),
    ("", None),
    (float("nan"), None),
])
def test_publication_dates_are_read_from_common_types(value, expected):
    assert parse_publication_date(value) == expected


def test_an_unreadable_publication_date_says_what_it_got():
    with pytest.raises(DateParseError, match="not an ISO date"):
        parse_publication_date("5th of Octember")


def test_weekday_names_are_checked():
    with pytest.raises(ValueError, match="weekday"):
        resolve_weekday("Funday", WEDNESDAY)


@pytest.mark.parametrize("text", [
    "So far the army has taken three districts.",
    "Thus far no aid has reached the eastern quarters.",
    "Until now the road had stayed open.",
    "Forty people have died to date.",
])
def test_durations_up_to_now_name_no_day(text):
    expr = only(text)
    assert expr.date is None
    assert expr.precision == "unknown"


@pytest.mark.parametrize("text, expected", [
    ("Fighting went on until Tuesday evening.", None),  # 'until' looks ahead: not an event day
    ("Rebels shelled the district on Monday night.", dt.date(2016, 10, 3)),
    ("Troops moved in earlier on Saturday.", dt.date(2016, 10, 1)),
])
def test_weekdays_with_a_part_of_the_day_resolve_to_that_day(text, expected):
    assert only(text).date == expected


def test_four_days_of_bombardment_is_a_duration_not_a_date():
    assert find_time_expressions("After four days of bombardment the hospital closed.", WEDNESDAY) == []


def test_last_weekday_in_a_report_of_that_weekday_is_a_week_back():
    thursday = dt.date(2016, 12, 8)
    assert only("Troops seized the district last Thursday.", thursday).date == dt.date(2016, 12, 1)
    assert only("Troops seized the district on Thursday.", thursday).date == thursday


def test_a_weekday_written_beside_an_explicit_date_is_not_a_second_day():
    found = find_time_expressions("on Saturday, September 24, troops advanced", WEDNESDAY)
    assert [(e.text, e.date) for e in found] == [("September 24", dt.date(2016, 9, 24))]


@pytest.mark.parametrize("text", ["the following day", "two days later", "the next morning"])
def test_later_days_are_left_to_the_narrative(text):
    expr = only(text)
    assert expr.kind == "later" and expr.date is None


@pytest.mark.parametrize("text", ["in 2012", "since 2013", "during 2014", "within two weeks", "within days"])
def test_a_year_alone_or_a_span_is_found_but_names_no_day(text):
    expr = only(text)
    assert expr.date is None and expr.precision == "unknown"


@pytest.mark.parametrize("text", ["within hours", "within minutes"])
def test_within_hours_or_minutes_is_no_span_of_days(text):
    assert find_time_expressions(text, WEDNESDAY) == []
