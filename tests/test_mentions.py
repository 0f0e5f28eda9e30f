"""The mention table: columns, dtypes, inputs, streaming, long texts, processes."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from aleppo_geo.corpus import Article
from aleppo_geo.mentions import COLUMNS, extract, iter_mentions
from aleppo_geo.pipeline import load_pipeline

REPORT = (
    "Government forces captured the Handarat camp north of Aleppo on Thursday.\n\n"
    "Warplanes hit Bustan al Qasr, Hay al Huluk and Fardous, killing 12, and a pro-Damascus "
    "militia commander spoke from Gaziantep near the Syria-Turkey border.\n"
)


@pytest.fixture(scope="module")
def fast_nlp():
    return load_pipeline(fast=True)


@pytest.fixture(scope="module")
def full_nlp():
    return load_pipeline()


def test_table_has_the_contract_columns_and_dtypes(full_nlp):
    table = extract([Article("a1", REPORT, published=dt.date(2016, 9, 30))], nlp=full_nlp)
    assert list(table.columns) == COLUMNS
    assert table["published"].dtype == "datetime64[ns]"
    assert table["event_date"].dtype == "datetime64[ns]"
    for column in ("kind", "match", "activity", "actor", "date_precision"):
        assert isinstance(table[column].dtype, pd.CategoricalDtype), column
    assert str(table["lat"].dtype) == "Float64" and str(table["precision_m"].dtype) == "Int64"
    assert str(table["in_aleppo_area"].dtype) == "boolean"
    assert table["start"].dtype == "int64" and table["sent_id"].dtype == "int64"
    row = table[table.text == "Handarat camp"].iloc[0]
    assert REPORT[row.start:row.end] == "Handarat camp"
    assert row.published == pd.Timestamp("2016-09-30")
    assert row.sentence.startswith("Government forces captured") and row.sent_id == 0


def test_offsets_point_into_the_article_text(fast_nlp):
    table = extract([REPORT], nlp=fast_nlp)
    assert len(table) >= 8
    for row in table.itertuples():
        assert REPORT[row.start:row.end] == row.text


def test_places_outside_aleppo_are_rows_with_in_aleppo_area_false(fast_nlp):
    table = extract([REPORT], nlp=fast_nlp)
    outside = table[table.text.isin(["Damascus", "Gaziantep", "Syria", "Turkey"])]
    assert len(outside) == 4 and not outside.in_aleppo_area.any()
    assert table[table.text == "Aleppo"].in_aleppo_area.all()


def test_activity_columns_are_null_without_the_activity_component(fast_nlp):
    table = extract([REPORT], nlp=fast_nlp)
    assert table["activity"].isna().all() and table["event_date"].isna().all()


def test_accepts_strings_articles_dataframes_and_paths(fast_nlp, tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(REPORT, encoding="utf-8")
    frame = pd.DataFrame([{"id": "x", "text": REPORT, "published": "2016-10-01"}])
    by_string = extract(REPORT, nlp=fast_nlp)
    by_article = extract(Article("x", REPORT), nlp=fast_nlp)
    by_frame = extract(frame, nlp=fast_nlp)
    by_path = extract(path, nlp=fast_nlp)
    spans = lambda t: list(zip(t.start, t.end, t.place_id))  # noqa: E731
    assert spans(by_string) == spans(by_article) == spans(by_frame) == spans(by_path)
    assert set(by_path.doc_id) == {"r.txt"}
    assert by_frame.published.iloc[0] == pd.Timestamp("2016-10-01")


def test_published_default_applies_to_undated_articles(fast_nlp):
    table = extract([REPORT], nlp=fast_nlp, published="2016-10-02")
    assert (table.published == pd.Timestamp("2016-10-02")).all()


def test_empty_input_gives_an_empty_table_with_all_columns(fast_nlp):
    table = extract([], nlp=fast_nlp)
    assert list(table.columns) == COLUMNS and len(table) == 0


def test_iter_mentions_streams_dicts(fast_nlp):
    rows = iter_mentions((REPORT for _ in range(3)), nlp=fast_nlp)
    first = next(rows)
    assert set(first) == set(COLUMNS) and first["text"] == "Handarat camp"
    assert len(list(rows)) == 3 * len(extract([REPORT], nlp=fast_nlp)) - 1


def test_long_text_is_processed_in_pieces_with_exact_offsets(fast_nlp):
    long_text = (REPORT * 40)
    whole = extract([long_text], nlp=fast_nlp)
    pieces = extract([long_text], nlp=fast_nlp, max_chars=500)
    assert list(zip(pieces.start, pieces.end, pieces.place_id)) == \
        list(zip(whole.start, whole.end, whole.place_id))
    for row in pieces.itertuples():
        assert long_text[row.start:row.end] == row.text
    assert pieces.sent_id.is_monotonic_increasing


def test_two_processes_give_the_same_table_as_one(full_nlp):
    articles = [Article(f"a{i}", REPORT, published=dt.date(2016, 10, 1)) for i in range(4)]
    one = extract(articles, nlp=full_nlp, n_process=1, batch_size=2)
    two = extract(articles, nlp=full_nlp, n_process=2, batch_size=2)
    pd.testing.assert_frame_equal(one, two)
