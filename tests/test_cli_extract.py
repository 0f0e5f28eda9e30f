"""`aleppo-geo extract` and `aleppo-geo evaluate` as a user runs them."""
from __future__ import annotations

import csv
import io
import json

import pytest

from aleppo_geo.cli import main
from aleppo_geo.cli.cmd_extract import EXIT_SKIPPED

REPORT = ("Government forces captured the Handarat camp north of Aleppo.\n"
          "Zeina Khodr reported from Gaziantep.\n")


@pytest.fixture()
def reports(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text(REPORT, encoding="utf-8")
    (folder / "b.txt").write_text("Jets hit al-Shaar in east Aleppo.", encoding="utf-8")
    return folder


def test_jsonl_to_stdout_one_object_per_mention(reports, capsys):
    assert main(["extract", str(reports), "--fast", "--published", "2016-09-29"]) == 0
    lines = capsys.readouterr().out.splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["text"] for r in records] == ["Handarat camp", "Aleppo", "Gaziantep",
                                            "al-Shaar", "east Aleppo"]
    first = records[0]
    assert first["published"] == "2016-09-29" and first["doc_id"] == "a.txt"
    assert first["activity"] is None and first["in_aleppo_area"] is True


def test_csv_file_written_atomically(reports, tmp_path, capsys):
    out = tmp_path / "out" / "mentions.csv"
    out.parent.mkdir()
    assert main(["extract", str(reports / "a.txt"), "--fast", "-o", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [r["text"] for r in rows] == ["Handarat camp", "Aleppo", "Gaziantep"]
    assert rows[2]["in_aleppo_area"] == "False"
    assert [p.name for p in out.parent.iterdir()] == ["mentions.csv"]  # no temp file left


def test_geojson_has_a_point_per_resolved_mention(reports, tmp_path):
    out = tmp_path / "m.geojson"
    assert main(["extract", str(reports), "--fast", "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection" and len(data["features"]) == 5
    lon, lat = data["features"][0]["geometry"]["coordinates"]
    assert 36 < lat < 37 and 37 < lon < 38
    assert data["features"][0]["properties"]["name"] == "Handarat camp"


def test_skipped_inputs_are_named_and_give_exit_code_3(reports, capsys, caplog):
    (reports / "c.txt").write_bytes(b"\x00\x01binary\x00")
    (reports / "d.txt").write_bytes(b"")
    (reports / "e.txt").write_bytes("Caf\u00e9 in Aleppo".encode("latin-1"))
    code = main(["extract", str(reports), "--fast"])
    assert code == EXIT_SKIPPED == 3
    captured = capsys.readouterr()
    assert {json.loads(line)["doc_id"] for line in captured.out.splitlines()} == {"a.txt", "b.txt"}
    warned = caplog.text + captured.err
    for name in ("c.txt", "d.txt", "e.txt"):
        assert name in warned


def test_a_missing_path_is_a_user_error(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "nope"), "--fast"]) == 2
    assert "nope" in capsys.readouterr().err


@pytest.mark.shared
def test_evaluate_prints_scores_and_honours_min_f1(gold_path, seeds_dir, capsys):
    assert main(["evaluate", "--gold", str(gold_path), "--corpus", str(seeds_dir),
                 "--json", "--min-f1", "0.97"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["aleppo_area"]["exact"]["f1"] >= 0.97
    assert main(["evaluate", "--gold", str(gold_path), "--corpus", str(seeds_dir),
                 "--fast", "--min-f1", "1.01"]) == 2


def test_a_missing_gazetteer_file_is_a_user_error(reports, tmp_path, capsys):
    code = main(["extract", str(reports), "--fast", "--gazetteer", str(tmp_path / "none.csv")])
    assert code == 2
    assert "none.csv" in capsys.readouterr().err
