"""Reading reports: what a user feeding files, folders, JSONL, CSV or DataFrames gets."""
from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aleppo_geo.corpus import (
    SAMPLE_DIR,
    Article,
    ArticleReader,
    CorpusError,
    CorpusInputError,
    CorpusNotFoundError,
    SkippedInput,
    load_articles,
    parse_date,
    sample_articles,
    split_long_text,
)

GOOD = {
    "a_handarat.txt": "Handarat camp falls\n\nGovernment forces took Handarat camp on Saturday.\n",
    "c_kindi.txt": "Clashes near Kindi hospital continued on Sunday, a rebel commander said.",
    "e_huluk.txt": "Shelling hit Hay al Huluk and Bustan el-Kasr.\n",
}


def _write(folder: Path, name: str, data: str | bytes) -> Path:
    path = folder / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8", newline="")
    else:
        path.write_bytes(data)
    return path


@pytest.fixture
def mixed_folder(tmp_path: Path) -> Path:
    """Three good reports among a binary file, an empty file and a Latin-1 file."""
    for name, text in GOOD.items():
        _write(tmp_path, name, text)
    _write(tmp_path, "b_photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    _write(tmp_path, "d_empty.txt", b"")
    _write(tmp_path, "f_latin1.txt", "Caf\u00e9 near Bustan al-Qasr was hit.".encode("latin-1"))
    return tmp_path


# ----------------------------------------------------------------- bad files among good ones


def test_every_good_report_in_a_folder_with_bad_files_is_loaded(mixed_folder: Path) -> None:
    reader = load_articles(mixed_folder)
    articles = list(reader)
    assert [a.id for a in articles] == sorted(GOOD)
    assert {a.id: a.text for a in articles} == GOOD
    assert reader.count == 3


def test_each_bad_file_is_named_in_a_warning_and_in_the_skipped_list(
    mixed_folder: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="aleppo_geo.corpus")
    reader = load_articles(mixed_folder)
    list(reader)
    skipped = {Path(s.path).name: s.reason for s in reader.skipped}
    assert set(skipped) == {"b_photo.txt", "d_empty.txt", "f_latin1.txt"}
    assert "binary" in skipped["b_photo.txt"]
    assert "empty" in skipped["d_empty.txt"]
    assert "not valid UTF-8 (byte 0xe9 at offset 3)" in skipped["f_latin1.txt"]
    assert "re-save as UTF-8" in skipped["f_latin1.txt"]
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    for name in skipped:
        assert any(m.startswith("skipped ") and name in m for m in warnings), name


def test_a_latin1_file_loads_when_the_user_names_its_encoding(tmp_path: Path) -> None:
    path = _write(tmp_path, "latin.txt", "Caf\u00e9 near Bustan al-Qasr was hit.".encode("latin-1"))
    (article,) = load_articles(path, encoding="latin-1")
    assert article.text == "Caf\u00e9 near Bustan al-Qasr was hit."


def test_whitespace_only_and_random_binary_files_are_skipped(tmp_path: Path) -> None:
    _write(tmp_path, "blank.txt", "  \n\n\t \n")
    _write(tmp_path, "noise.dat", bytes((i * 97 + 13) % 256 for i in range(4000)).replace(b"\x00", b"\x01"))
    reader = load_articles(tmp_path)
    assert list(reader) == []
    reasons = {Path(s.path).name: s.reason for s in reader.skipped}
    assert "whitespace" in reasons["blank.txt"]
    assert "binary" in reasons["noise.dat"]


def test_a_pdf_or_word_file_is_named_as_such_so_the_user_knows_to_convert_it(tmp_path: Path) -> None:
    _write(tmp_path, "report.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\nstream\n\xe2\x28\xa1 endstream")
    _write(tmp_path, "report.docx", b"PK\x03\x04\x14\x00\x06\x00word/document.xml")
    reader = load_articles(tmp_path)
    assert list(reader) == []
    reasons = {Path(s.path).name: s.reason for s in reader.skipped}
    assert "PDF" in reasons["report.pdf"] and "plain text" in reasons["report.pdf"]
    assert "Word" in reasons["report.docx"]


def test_on_error_raise_stops_at_the_first_bad_file(mixed_folder: Path) -> None:
    with pytest.raises(CorpusInputError, match="b_photo.txt"):
        list(load_articles(mixed_folder, on_error="raise"))


def test_a_path_that_does_not_exist_is_an_error_before_any_reading(tmp_path: Path) -> None:
    with pytest.raises(CorpusNotFoundError, match="nope"):
        load_articles(tmp_path / "nope")
    with pytest.raises(FileNotFoundError):
        load_articles(str(tmp_path / "missing.txt"))


# ----------------------------------------------------------------- text files and folders


def test_a_text_file_keeps_its_exact_text_and_is_named_by_its_file_name(tmp_path: Path) -> None:
    text = "Aleppo dispatch\r\n\r\nShelling hit al-Sakhour on Monday.\r\n"
    path = _write(tmp_path, "crlf.txt", text)
    (article,) = load_articles(path)
    assert article.id == "crlf.txt"
    assert article.text == text  # CRLF kept: offsets index the text the user gave
    assert article.title == "Aleppo dispatch"


def test_a_utf8_byte_order_mark_is_not_part_of_the_text(tmp_path: Path) -> None:
    path = _write(tmp_path, "bom.txt", b"\xef\xbb\xbfKarm Homad was shelled.")
    (article,) = load_articles(path)
    assert article.text == "Karm Homad was shelled."


def test_a_first_line_that_ends_like_a_sentence_is_not_taken_as_a_title(tmp_path: Path) -> None:
    path = _write(tmp_path, "body.txt", "Shelling hit Farafra.\nMore later.")
    (article,) = load_articles(path)
    assert article.title is None


def test_metadata_json_gives_titles_outlets_urls_and_dates(tmp_path: Path) -> None:
    _write(tmp_path, "one.txt", "Air strikes hit Sheikh Saeed.")
    _write(tmp_path, "two.txt", "Rebels repelled an attack on Shaykh Said.")
    _write(tmp_path, "three.txt", "No metadata for this one.")
    meta = [
        {"doc": "one.txt", "title": "Strikes", "outlet": "Example Wire",
         "url": "https://example.org/1", "published": "2016-10-03"},
        {"id": "two", "title": "Repelled", "source_name": "Other Wire", "published": "2016-10-04T09:30:00Z"},
    ]
    _write(tmp_path, "metadata.json", json.dumps(meta))
    articles = {a.id: a for a in load_articles(tmp_path, published="2016-12-01")}
    assert set(articles) == {"one.txt", "two.txt", "three.txt"}
    one, two, three = articles["one.txt"], articles["two.txt"], articles["three.txt"]
    assert (one.title, one.source_name, one.url, one.published) == (
        "Strikes", "Example Wire", "https://example.org/1", dt.date(2016, 10, 3))
    assert (two.title, two.source_name, two.published) == ("Repelled", "Other Wire", dt.date(2016, 10, 4))
    assert three.published == dt.date(2016, 12, 1)  # the caller's default fills the gap


def test_a_bad_date_in_metadata_is_a_warning_naming_the_file_not_a_crash(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    _write(tmp_path, "one.txt", "Air strikes hit Sheikh Saeed.")
    _write(tmp_path, "metadata.json", json.dumps([{"doc": "one.txt", "published": "03/10/2016"}]))
    caplog.set_level(logging.WARNING, logger="aleppo_geo.corpus")
    (article,) = load_articles(tmp_path)
    assert article.published is None
    assert any("one.txt" in r.getMessage() and "03/10/2016" in r.getMessage() for r in caplog.records)


def test_readme_and_hidden_files_in_a_folder_are_not_articles(tmp_path: Path) -> None:
    _write(tmp_path, "report.txt", "Clashes in Bab al-Antakya.")
    _write(tmp_path, "README.md", "# about these files")
    _write(tmp_path, ".DS_Store", b"\x00\x00\x00\x01Bud1")
    reader = load_articles(tmp_path)
    assert [a.id for a in reader] == ["report.txt"]
    assert reader.skipped == []


def test_the_seed_articles_load_with_their_metadata(seeds_dir: Path) -> None:
    reader = load_articles(seeds_dir)
    articles = list(reader)
    assert len(articles) == 5 and reader.skipped == []
    meta = {m["doc"]: m for m in json.loads((seeds_dir / "metadata.json").read_text("utf-8"))}
    for article in articles:
        assert article.published == dt.date.fromisoformat(meta[article.id]["published"])
        assert article.source_name == meta[article.id]["outlet"]
        assert article.title == meta[article.id]["title"]
        assert article.text == (seeds_dir / article.id).read_text("utf-8")


# ----------------------------------------------------------------- JSONL, CSV, DataFrame, objects


def test_jsonl_reports_a_bad_line_by_number_and_keeps_the_rest(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    lines = [
        json.dumps({"id": "r1", "text": "Shelling hit Masaken Hanano.", "published": "2016-11-26",
                    "outlet": "Example Wire"}),
        '{"id": "r2", "text": "unterminated',
        "",
        json.dumps({"text": "Clashes in Shuqaif industrial area.", "title": "Clashes"}),
        json.dumps({"id": "r4", "text": "   "}),
        json.dumps(["not", "an", "object"]),
    ]
    path = _write(tmp_path, "reports.jsonl", "\n".join(lines) + "\n")
    caplog.set_level(logging.WARNING, logger="aleppo_geo.corpus")
    reader = load_articles(path, published=dt.date(2016, 12, 1))
    articles = list(reader)
    assert [a.id for a in articles] == ["r1", "reports.jsonl:4"]
    assert articles[0].published == dt.date(2016, 11, 26)
    assert articles[0].source_name == "Example Wire"
    assert articles[1].published == dt.date(2016, 12, 1)
    assert [(s.line, s.reason.split(" (")[0]) for s in reader.skipped] == [
        (2, "not valid JSON"), (5, "empty text"), (6, "expected a JSON object, got list")]
    assert any("reports.jsonl line 2" in r.getMessage() for r in caplog.records)


def test_csv_with_quoted_multiline_text_and_all_columns(tmp_path: Path) -> None:
    frame = pd.DataFrame({
        "id": ["c1", "c2"],
        "text": ["Air strikes hit al-Sakhour.\nFive were killed.", "Rebels shelled Farafra, \"state media\" said."],
        "published": ["2016-11-27", ""],
        "title": ["Strikes", None],
        "source_name": ["Example Wire", "Example Wire"],
        "url": ["https://example.org/c1", None],
    })
    path = tmp_path / "reports.csv"
    frame.to_csv(path, index=False)
    articles = list(load_articles(path))
    assert [a.id for a in articles] == ["c1", "c2"]
    assert articles[0].text == "Air strikes hit al-Sakhour.\nFive were killed."
    assert articles[0].published == dt.date(2016, 11, 27) and articles[1].published is None
    assert articles[0].title == "Strikes" and articles[1].title is None and articles[1].url is None


def test_a_csv_without_a_text_column_is_skipped_with_the_columns_it_has(tmp_path: Path) -> None:
    path = _write(tmp_path, "wrong.csv", "id,body\n1,Shelling\n")
    reader = load_articles(path)
    assert list(reader) == []
    assert reader.skipped == [SkippedInput(str(path), "no 'text' column (columns: id, body)")]


def test_a_dataframe_becomes_articles_with_dates(tmp_path: Path) -> None:
    frame = pd.DataFrame({
        "id": ["d1", "d2", "d3"],
        "text": ["Handarat camp was captured.", None, "Clashes in Heluk."],
        "published": pd.to_datetime(["2016-09-24", "2016-09-25", None]),
        "outlet": ["Example Wire", "Example Wire", None],
    })
    reader = load_articles(frame, published="2016-10-01")
    articles = list(reader)
    assert [a.id for a in articles] == ["d1", "d3"]
    assert articles[0].published == dt.date(2016, 9, 24)
    assert articles[0].source_name == "Example Wire"
    assert articles[1].published == dt.date(2016, 10, 1)
    assert [s.path for s in reader.skipped] == ["DataFrame row 1"]


def test_a_dataframe_without_text_is_a_clear_error() -> None:
    with pytest.raises(CorpusError, match="no 'text' column"):
        list(load_articles(pd.DataFrame({"body": ["x"]})))


def test_plain_strings_and_articles_mix(tmp_path: Path) -> None:
    given_article = Article(id="mine", text="Bustan al-Qasr crossing closed.")
    articles = list(load_articles("Shelling hit Fardous.", given_article, ["Firdous was hit."],
                                  published="2016-12-12"))
    assert [a.id for a in articles] == ["text-1", "mine", "text-2"]
    assert all(a.published == dt.date(2016, 12, 12) for a in articles)
    assert articles[1].text == given_article.text


def test_dicts_are_read_like_jsonl_objects() -> None:
    articles = list(load_articles([{"id": "x1", "text": "Clashes in Heluk.", "published": "2016-11-27"},
                                   {"text": "Shelling hit Sakhour."}], "A plain string."))
    assert [a.id for a in articles] == ["x1", "record-2", "text-1"]
    assert articles[0].published == dt.date(2016, 11, 27)


def test_a_binary_file_named_jsonl_is_one_skip_not_a_warning_per_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "data.jsonl", b"\x00\x01\n" * 50)
    reader = load_articles(path)
    assert list(reader) == []
    assert len(reader.skipped) == 1 and "binary" in reader.skipped[0].reason


def test_reading_is_lazy_one_input_at_a_time(tmp_path: Path) -> None:
    def endless():
        n = 0
        while True:
            n += 1
            yield f"Report {n} from Aleppo."

    reader = load_articles(endless())
    assert isinstance(reader, ArticleReader)
    first = [next(reader) for _ in range(3)]
    assert [a.id for a in first] == ["text-1", "text-2", "text-3"]


def test_article_is_immutable_and_keeps_the_day_of_a_datetime() -> None:
    article = Article(id="x", text="t", published=dt.datetime(2016, 10, 3, 8, 30))
    assert article.published == dt.date(2016, 10, 3) and type(article.published) is dt.date
    with pytest.raises(AttributeError):
        article.text = "changed"  # type: ignore[misc]


@pytest.mark.parametrize("value, expected", [
    ("2016-10-03", dt.date(2016, 10, 3)),
    ("2016-10-03T08:30:00Z", dt.date(2016, 10, 3)),
    ("2016-10-03 08:30:00+03:00", dt.date(2016, 10, 3)),
    ("", None),
    (None, None),
    (float("nan"), None),
])
def test_dates_are_read_in_iso_form(value, expected) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["03/10/2016", "October 3, 2016", "2016-13-01", "2016-10", 20161003])
def test_ambiguous_or_invalid_dates_are_refused(value) -> None:
    with pytest.raises(ValueError):
        parse_date(value)


def test_a_bad_default_published_is_a_clear_error() -> None:
    with pytest.raises(CorpusError, match="published"):
        load_articles("text", published="yesterday")


# ----------------------------------------------------------------- bundled sample


def test_the_bundled_sample_has_dated_invented_dispatches() -> None:
    articles = sample_articles()
    assert 6 <= len(articles) <= 8
    for article in articles:
        assert article.title and article.url and article.url.startswith("https://example.org/")
        assert article.source_name and "sample" in article.source_name
        assert dt.date(2016, 9, 20) <= article.published <= dt.date(2016, 12, 15)
        assert 80 <= len(article.text.split()) <= 200
    assert (SAMPLE_DIR / "README.md").is_file()


def test_the_bundled_sample_spells_places_in_more_than_one_way() -> None:
    text = "\n".join(a.text for a in sample_articles())
    for pair in [("Heluk", "Huluk"), ("Shuqaif", "Shuqayif"), ("Fardous", "Firdous"),
                 ("Bustan al-Qasr", "Bustan el-Kasr"), ("Sheikh Saeed", "Shaykh Said"),
                 ("Karm Homad", "Karam Houmid")]:
        for spelling in pair:
            assert spelling in text, spelling
    for name in ["Farafra", "Bab al-Antakya", "Handarat camp", "Kindi hospital", "Masaken Hanano",
                 "Castello Road", "al-Sakhour", "East Aleppo", "Moscow", "Gaziantep"]:
        assert name in text, name
    assert "If government forces take" in text


# ----------------------------------------------------------------- long texts


def test_a_short_text_is_one_piece_and_an_empty_text_none() -> None:
    assert split_long_text("Shelling hit Heluk.", 100) == [(0, "Shelling hit Heluk.")]
    assert split_long_text("", 10) == []
    with pytest.raises(ValueError):
        split_long_text("x", 0)


def test_long_text_is_cut_at_paragraphs_before_sentences() -> None:
    para = "Shelling hit Heluk. Clashes went on in Sakhour.\n\n"
    text = para * 20
    pieces = split_long_text(text, 200)
    assert "".join(p for _, p in pieces) == text
    assert all(p.endswith("\n\n") for _, p in pieces)
    assert all(len(p) <= 200 for _, p in pieces)


def test_a_paragraph_longer_than_the_limit_is_cut_after_a_sentence() -> None:
    text = "Air strikes hit Karm Homad on Monday. " * 30
    pieces = split_long_text(text, 100)
    assert all(p.endswith(". ") for _, p in pieces[:-1])


_text_alphabet = st.sampled_from(list("abc Aleppo.!?\n\n\t é’\"") + ["\r\n", "Heluk. ", "\n\n"])


@settings(max_examples=200, deadline=None)
@given(text=st.lists(_text_alphabet, max_size=300).map("".join), max_chars=st.integers(1, 80))
def test_pieces_of_a_long_text_rejoin_exactly_and_fit_the_limit(text: str, max_chars: int) -> None:
    pieces = split_long_text(text, max_chars)
    assert "".join(p for _, p in pieces) == text
    for offset, piece in pieces:
        assert piece and text[offset:offset + len(piece)] == piece
        assert len(piece) <= max_chars
    offsets = [o for o, _ in pieces]
    assert offsets == sorted(offsets) and (not pieces or offsets[0] == 0)
