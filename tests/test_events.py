"""Grouping mentions into events across reports, and the control timeline."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from aleppo_geo.events import (
    CONTROL_COLUMNS,
    EVENT_COLUMNS,
    MissingColumnError,
    control_timeline,
    events,
)


def mention(doc_id: str, place_id: str, activity: str, actor: str | None = "government", *,
            event_date: str | None = None, published: str = "2016-09-25", contested: bool = False,
            killed: int | None = None, sentence: str = "", source: str = "Outlet", **extra) -> dict:
    row = {
        "doc_id": doc_id, "published": pd.Timestamp(published), "source_name": source,
        "url": f"https://example.org/{doc_id}", "place_id": place_id, "name": place_id.title() if place_id else None,
        "text": place_id, "lat": 36.2, "lon": 37.15, "activity": activity,
        "actor": actor if activity != "none" else None,
        "event_date": pd.Timestamp(event_date) if event_date else pd.NaT,
        "date_precision": "day" if event_date else "unknown", "attributed_to": None,
        "contested": contested, "casualties_killed": killed, "casualties_injured": None,
        "sentence": sentence or f"{activity} at {place_id} ({doc_id})",
    }
    row.update(extra)
    return row


def table(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame(list(rows))


def test_one_capture_retold_by_several_reports_is_one_event():
    df = table(
        mention("a", "handarat", "capture", event_date="2016-09-24", published="2016-09-24", source="Reuters"),
        mention("b", "handarat", "capture", published="2016-09-27", source="AFP"),
        mention("c", "handarat", "capture", event_date="2016-09-29", published="2016-10-05", source="AP"),
        mention("c", "handarat", "capture", published="2016-10-05", source="AP"),
    )
    ev = events(df)
    assert len(ev) == 1
    row = ev.iloc[0]
    assert row["n_reports"] == 3
    assert row["n_mentions"] == 4
    assert row["doc_ids"] == ["a", "b", "c"]
    assert row["sources"] == ["Reuters", "AFP", "AP"]
    assert row["event_date"] == pd.Timestamp("2016-09-24")
    assert row["first_published"] == pd.Timestamp("2016-09-24")
    assert row["last_published"] == pd.Timestamp("2016-10-05")


def test_air_strikes_on_different_days_are_different_events():
    df = table(
        mention("a", "sukkari", "airstrike", event_date="2016-09-24"),
        mention("b", "sukkari", "airstrike", event_date="2016-09-25"),
        mention("c", "sukkari", "airstrike", published="2016-09-25"),
    )
    ev = events(df)
    assert list(ev["event_date"]) == [pd.Timestamp("2016-09-24"), pd.Timestamp("2016-09-25")]
    # The undated report joins the latest day on or before its publication.
    assert list(ev["n_reports"]) == [1, 2]


def test_sides_and_activities_stay_apart_and_unknown_sides_join_the_known_one():
    df = table(
        mention("a", "handarat", "capture", "government", event_date="2016-09-24"),
        mention("b", "handarat", "capture", "opposition", event_date="2016-09-24", contested=True),
        mention("c", "handarat", "capture", "unknown"),
        mention("d", "handarat", "ground_advance", "government"),
    )
    ev = events(df)
    got = sorted(zip(ev["activity"].astype(str), ev["actor"].astype(str), ev["n_reports"]))
    assert got == [("capture", "government", 2), ("capture", "opposition", 1), ("ground_advance", "government", 1)]
    assert bool(ev.loc[ev["actor"] == "opposition", "contested"].item()) is True


def test_none_mentions_are_left_out_unless_asked_for():
    df = table(mention("a", "aleppo", "none"), mention("b", "sukkari", "airstrike"))
    assert list(events(df)["place_id"]) == ["sukkari"]
    assert set(events(df, include_none=True)["place_id"]) == {"aleppo", "sukkari"}


def test_the_quote_prefers_the_earliest_report_that_dates_the_event():
    df = table(
        mention("a", "farafra", "capture", published="2016-09-25", sentence="Troops took Farafra."),
        mention("b", "farafra", "capture", event_date="2016-09-26", published="2016-09-27",
                sentence="On Monday troops took Farafra."),
    )
    assert events(df).iloc[0]["quote"] == "On Monday troops took Farafra."


def test_casualty_figures_take_the_largest_report_and_columns_have_documented_dtypes():
    df = table(mention("a", "shaar", "airstrike", killed=20), mention("b", "shaar", "airstrike", killed=24))
    ev = events(df)
    assert list(ev.columns) == EVENT_COLUMNS
    assert ev.iloc[0]["casualties_killed"] == 24
    assert str(ev["casualties_killed"].dtype) == "Int64"
    assert str(ev["activity"].dtype) == "category"
    assert str(ev["event_date"].dtype).startswith("datetime64")
    assert str(ev["lat"].dtype) == "Float64"


def test_event_ids_are_stable_across_runs_and_row_order():
    rows = [mention("a", "sukkari", "airstrike", event_date="2016-09-24"),
            mention("b", "hanano", "capture", event_date="2016-09-25")]
    first = set(events(table(*rows))["event_id"])
    second = set(events(table(*reversed(rows)))["event_id"])
    assert first == second and len(first) == 2


def test_unresolved_mentions_group_by_their_text():
    df = table(mention("a", None, "airstrike", text="Jabal Badro"),
               mention("b", None, "airstrike", text="jabal  badro"))
    ev = events(df)
    assert len(ev) == 1 and ev.iloc[0]["n_reports"] == 2


def test_empty_input_gives_an_empty_table_with_the_columns():
    ev = events(pd.DataFrame(columns=["doc_id", "place_id", "activity"]))
    assert ev.empty and list(ev.columns) == EVENT_COLUMNS
    ct = control_timeline(ev)
    assert ct.empty and list(ct.columns) == CONTROL_COLUMNS


def test_a_missing_column_is_named():
    with pytest.raises(MissingColumnError, match="'activity'"):
        events(pd.DataFrame({"doc_id": ["a"], "place_id": ["x"]}))
    with pytest.raises(MissingColumnError, match="'event_id'"):
        control_timeline(pd.DataFrame({"place_id": ["x"]}))
    with pytest.raises(TypeError, match="DataFrame"):
        events([{"doc_id": "a"}])


def test_a_capture_makes_the_captor_the_holder_from_that_date():
    df = table(
        mention("a", "handarat", "capture", "government", event_date="2016-09-24"),
        mention("b", "handarat", "capture", "government", event_date="2016-09-24"),
        mention("c", "sheikh_saeed", "repelled", "opposition", event_date="2016-10-04"),
    )
    ct = control_timeline(events(df))
    assert list(ct.columns) == CONTROL_COLUMNS
    handarat = ct[ct["place_id"] == "handarat"].iloc[0]
    assert handarat["holder"] == "government"
    assert handarat["date"] == pd.Timestamp("2016-09-24")
    saeed = ct[ct["place_id"] == "sheikh_saeed"].iloc[0]
    assert saeed["holder"] == "opposition"
    assert saeed["confidence"] < handarat["confidence"]
    assert "repelled" in saeed["evidence"]


def test_a_contested_claim_lowers_confidence():
    plain = control_timeline(events(table(
        mention("a", "handarat", "capture", "government", event_date="2016-09-24"))))
    disputed = control_timeline(events(table(
        mention("a", "handarat", "capture", "government", event_date="2016-09-24", contested=True))))
    assert disputed.iloc[0]["confidence"] < plain.iloc[0]["confidence"]


def test_competing_claims_on_one_day_pick_the_better_supported_side():
    df = table(
        mention("a", "handarat", "capture", "government", event_date="2016-09-24"),
        mention("b", "handarat", "capture", "government", event_date="2016-09-24"),
        mention("c", "handarat", "capture", "opposition", event_date="2016-09-24", contested=True),
    )
    ct = control_timeline(events(df))
    assert len(ct) == 1
    row = ct.iloc[0]
    assert row["holder"] == "government"
    assert 0 < row["confidence"] < 0.9
    assert len(row["event_ids"]) == 2


def test_seed_reports_show_the_handarat_capture_once(seeds_dir, gold_path):
    """Through the real pipeline: the five seeds give one government capture of Handarat."""
    mentions_mod = pytest.importorskip("aleppo_geo.mentions")
    df = mentions_mod.extract(seeds_dir)
    ev = events(df)
    handarat = ev[(ev["place_id"].astype(str).str.contains("handarat")) & (ev["activity"] == "capture")
                  & (ev["actor"] == "government")]
    assert len(handarat) == 1
    assert handarat.iloc[0]["n_reports"] >= 2
    assert json.dumps(list(handarat.iloc[0]["doc_ids"]))  # plain strings


def test_a_divided_city_gets_no_holder():
    df = table(mention("a", "aleppo", "siege", "government", kind="city"),
               mention("b", "east_aleppo", "siege", "government", kind="region"))
    ct = control_timeline(events(df))
    assert list(ct["place_id"]) == ["east_aleppo"]
    assert ct.iloc[0]["holder"] == "opposition"
