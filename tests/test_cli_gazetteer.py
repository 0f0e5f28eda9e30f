"""`aleppo-geo gazetteer ...`: what a user sees on the command line."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from aleppo_geo.cli import main
from aleppo_geo.gazetteer import COLUMNS, Gazetteer

REPO = Path(__file__).resolve().parents[1]
MINI = Path(__file__).parent / "data" / "gazetteer" / "mini.csv"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["gazetteer", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def with_mini(*argv: str) -> tuple[str, ...]:
    return (*argv, "--gazetteer", str(MINI))


# -- lookup -------------------------------------------------------------------------

@pytest.mark.parametrize("spelling", ["Hay al Huluk", "al-Heluk", "Heluk"])
def test_lookup_json_prints_one_object_with_the_place_fields(capsys, spelling):
    code, out, err = run(capsys, *with_mini("lookup", spelling, "--json"))
    assert code == 0 and err == ""
    data = json.loads(out)
    assert data["id"] == "heluk"
    assert {"id", "name", "kind", "lat", "lon", "precision_m", "approximate", "arabic",
            "aliases", "parent", "source"} <= set(data)
    assert data["lat"] == 36.2283 and data["arabic"] == "الهلك"
    assert data["aliases"][0] == "al-Heluk" and data["parent"] == "aleppo"


@pytest.mark.parametrize("group", [
    ["Hay al Huluk", "al-Heluk", "Heluk"],
    ["Shuqaif", "Shuqayif", "Shuqayyif"],
    ["Fardous", "Firdous"],
    ["Karam Houmid", "Karm Homad"],
    ["Bustan al Qasr", "Bustan al-Qasr"],
    ["Sheikh Saeed", "Shaykh Said"],
    ["Farafra", "al-Farafira"],
    ["Bab al-Antakya", "Bab Antakya"],
])
def test_lookup_gives_one_bundled_id_per_spelling_group(capsys, group):
    ids = set()
    for spelling in group:
        code, out, err = run(capsys, "lookup", spelling, "--json")
        assert code == 0, err
        ids.add(json.loads(out)["id"])
    assert len(ids) == 1, ids


def test_lookup_prints_a_readable_summary(capsys):
    code, out, _ = run(capsys, *with_mini("lookup", "Shaykh Said"))
    assert code == 0
    assert out.startswith("Sheikh Saeed (sheikh_saeed), neighbourhood")
    assert "source: Columbia CSR polygon centroid" in out


def test_lookup_of_an_unknown_name_exits_1_and_suggests_the_closest(capsys):
    code, out, err = run(capsys, *with_mini("lookup", "Shuqayfa"))
    assert code == 1 and out == ""
    assert err.startswith("no place named Shuqayfa; closest: Shuqayyif industrial area (shuqayyif), ")
    assert err.count("(") == 3


def test_lookup_says_when_a_name_is_shared_by_several_places(capsys):
    code, out, _ = run(capsys, *with_mini("lookup", "Bab"))
    assert code == 0
    assert "also called this: Bab al-Nairab (bab_al_nairab)" in out


# -- search ---------------------------------------------------------------------------

def test_search_lists_places_with_scores(capsys):
    code, out, _ = run(capsys, *with_mini("search", "Farafrah", "--limit", "2"))
    lines = out.splitlines()
    assert code == 0 and len(lines) == 2
    assert "farafra" in lines[0]
    assert float(lines[0].split()[0]) >= float(lines[1].split()[0])


def test_search_json_includes_scores(capsys):
    code, out, _ = run(capsys, *with_mini("search", "Karam Hamid", "--json"))
    results = json.loads(out)
    assert code == 0 and results[0]["id"] == "karm_homad"
    assert all(0 <= r["score"] <= 1 for r in results) and len(results) <= 5


def test_search_limit_must_be_positive(capsys):
    with pytest.raises(SystemExit) as info:
        main(["gazetteer", "search", "x", "--limit", "0"])
    assert info.value.code == 2
    assert "at least 1" in capsys.readouterr().err


# -- validate -------------------------------------------------------------------------

def test_validate_a_good_file_prints_ok_and_the_count(capsys):
    code, out, _ = run(capsys, "validate", str(MINI))
    assert (code, out) == (0, "OK: 13 places\n")


def test_validate_a_bad_file_prints_every_problem_and_exits_1(capsys, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(
        ",".join(COLUMNS) + "\n"
        "a,A,castle,36.2,37.1,500,false,,,,,src,\n"
        "b,B,city,91,37.1,500,false,,,,,,\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "validate", str(bad))
    assert code == 1 and out == ""
    lines = err.splitlines()
    assert lines[0] == f"{bad}: row 2: field 'kind': unknown kind 'castle' (expected one of: " + \
        "neighbourhood, district, camp, hospital, landmark, industrial_area, road, airport, " + \
        "military_base, town, village, city, region, governorate, country)"
    assert lines[1].startswith(f"{bad}: row 3: field 'lat': lat 91 is out of range")
    assert lines[2] == f"{bad}: row 3: field 'source': missing source (say where the coordinate comes from)"
    assert lines[-1] == "3 problem(s) found"


def test_validate_without_a_file_checks_the_bundled_gazetteer(capsys):
    code, out, err = run(capsys, "validate")
    assert code == 0, err
    assert out.startswith("OK: ") and int(out.split()[1]) == len(Gazetteer.load())


def test_other_commands_refuse_a_broken_gazetteer_with_a_clear_error(capsys, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(",".join(COLUMNS) + "\na,A,castle,36.2,37.1,500,false,,,,,src,\n")
    code, _, err = run(capsys, "lookup", "A", "--gazetteer", str(bad))
    assert code == 2
    assert "the gazetteer has problems" in err and "field 'kind'" in err
    assert "Traceback" not in err


# -- export ---------------------------------------------------------------------------

def test_export_geojson_writes_a_feature_collection(capsys, tmp_path):
    out_file = tmp_path / "places.geojson"
    code, out, _ = run(capsys, *with_mini("export", "--format", "geojson", "-o", str(out_file)))
    assert code == 0 and "13 places" in out
    data = json.loads(out_file.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection" and len(data["features"]) == 13
    assert not list(tmp_path.glob(".*.tmp"))  # no temporary file left behind


def test_export_csv_is_a_valid_gazetteer(capsys, tmp_path):
    out_file = tmp_path / "nested" / "places.csv"
    code, _, _ = run(capsys, *with_mini("export", "--format", "csv", "-o", str(out_file)))
    assert code == 0
    assert list(Gazetteer.load(out_file)) == list(Gazetteer.load(MINI))
    assert oct(out_file.stat().st_mode & 0o777) != oct(0o600)


def test_export_to_a_directory_is_a_user_error(capsys, tmp_path):
    code, _, err = run(capsys, *with_mini("export", "--format", "csv", "-o", str(tmp_path)))
    assert code == 2 and "is a directory" in err


def test_a_failed_export_leaves_the_previous_file_intact(capsys, tmp_path, monkeypatch):
    out_file = tmp_path / "places.csv"
    out_file.write_text("previous")
    import aleppo_geo.gazetteer as gz

    def boom(self):
        raise RuntimeError("disk full")

    monkeypatch.setattr(gz.Gazetteer, "to_csv", boom)
    with pytest.raises(RuntimeError):
        main(["gazetteer", *with_mini("export", "--format", "csv", "-o", str(out_file))])
    assert out_file.read_text() == "previous"


def test_extend_adds_a_users_file_to_the_bundled_data(capsys, tmp_path):
    user = tmp_path / "mine.csv"
    user.write_text(",".join(COLUMNS) + "\n"
                    "my_clinic,Zerzour Clinic,hospital,36.21,37.16,50,false,,,,,my survey,\n")
    code, out, _ = run(capsys, "lookup", "Zerzour Clinic", "--json",
                       "--gazetteer", str(user), "--extend")
    assert code == 0 and json.loads(out)["id"] == "my_clinic"
    code, out, _ = run(capsys, "validate", "--gazetteer", str(user), "--extend")
    assert code == 0 and int(out.split()[1]) == len(Gazetteer.load()) + 1


def test_extend_without_a_file_is_a_user_error(capsys):
    code, _, err = run(capsys, "lookup", "Heluk", "--extend")
    assert code == 2 and "--extend needs --gazetteer" in err


# -- map ------------------------------------------------------------------------------

def test_map_writes_every_place_coloured_by_kind_with_a_legend(capsys, tmp_path):
    out_file = tmp_path / "gaz.html"
    code, out, _ = run(capsys, *with_mini("map", "-o", str(out_file)))
    assert code == 0 and "13 places" in out
    page = out_file.read_text(encoding="utf-8")
    assert page.count("L.circleMarker(") == 13
    assert "aleppo-geo-legend" in page and "industrial area" in page
    assert "الهلك" in page or "\\u0627\\u0644\\u0647\\u0644\\u0643" in page


def test_map_popups_escape_names_and_sources(capsys, tmp_path):
    evil = tmp_path / "evil.csv"
    evil.write_text(
        ",".join(COLUMNS) + "\n"
        'x,<img src=x onerror=alert(1)>,landmark,36.2,37.1,50,false,<b>ar</b>,,,,'
        '"<script>alert(2)</script>",\n', encoding="utf-8")
    out_file = tmp_path / "evil.html"
    code, _, _ = run(capsys, "map", "-o", str(out_file), "--gazetteer", str(evil))
    page = out_file.read_text(encoding="utf-8")
    assert code == 0
    assert "<img src=x" not in page and "<script>alert(2)" not in page and "<b>ar</b>" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_gazetteer_without_a_subcommand_shows_help(capsys):
    assert main(["gazetteer"]) == 2
    assert "lookup" in capsys.readouterr().err


# -- the installed entry point ------------------------------------------------------

def test_python_dash_m_aleppo_geo_runs_the_lookup():
    env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    proc = subprocess.run(
        [sys.executable, "-m", "aleppo_geo", "gazetteer", "lookup", "Bab Antakya", "--json",
         "--gazetteer", str(MINI)],
        capture_output=True, text=True, env=env, cwd=REPO, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["id"] == "bab_antakya"
    proc = subprocess.run(
        [sys.executable, "-m", "aleppo_geo", "gazetteer", "lookup", "Gotham", "--gazetteer", str(MINI)],
        capture_output=True, text=True, env=env, cwd=REPO, timeout=120,
    )
    assert proc.returncode == 1 and proc.stderr.startswith("no place named Gotham; closest: ")
