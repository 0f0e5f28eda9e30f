"""aleppo_geo.gazetteer: loading, validating and querying the place gazetteer.

Most tests use the small fixture in tests/data/gazetteer/ so they say exactly what
the code does; the tests at the end check the bundled data itself.
"""
from __future__ import annotations

import csv
import json
import math
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aleppo_geo import gazetteer as gz
from aleppo_geo.gazetteer import COLUMNS, KINDS, Gazetteer, GazetteerError, Place, haversine_m
from aleppo_geo.names import normalize, variants

DATA = Path(__file__).parent / "data" / "gazetteer"
MINI = DATA / "mini.csv"

HEADER = ",".join(COLUMNS)
GOOD_ROW = "aleppo,Aleppo,city,36.2021,37.1343,5000,false,حلب,Halab,,,GeoNames 170063,"


@pytest.fixture(scope="module")
def mini() -> Gazetteer:
    return Gazetteer.load(MINI)


def write(tmp_path: Path, *rows: str, name: str = "g.csv", header: str = HEADER) -> Path:
    path = tmp_path / name
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def problems_of(path_or_records) -> list[gz.Problem]:
    with pytest.raises(GazetteerError) as info:
        Gazetteer.load(path_or_records)
    return info.value.problems


# -- lookup -------------------------------------------------------------------------

ACCEPTANCE_GROUPS = [
    ("heluk", ["Hay al Huluk", "al-Heluk", "Heluk"]),
    ("shuqayyif", ["Shuqaif", "Shuqayif", "Shuqayyif"]),
    ("fardous", ["Fardous", "Firdous"]),
    ("karm_homad", ["Karam Houmid", "Karm Homad"]),
    ("bustan_al_qasr", ["Bustan al Qasr", "Bustan al-Qasr"]),
    ("sheikh_saeed", ["Sheikh Saeed", "Shaykh Said"]),
    ("farafra", ["Farafra", "al-Farafira"]),
    ("bab_antakya", ["Bab al-Antakya", "Bab Antakya"]),
]


@pytest.mark.parametrize("place_id,spellings", ACCEPTANCE_GROUPS)
def test_each_spelling_group_resolves_to_one_place(mini, place_id, spellings):
    assert {mini.lookup(s).id for s in spellings} == {place_id}


def test_heluk_and_huluk_resolve_to_the_same_place(mini):
    assert mini.lookup("Heluk") is mini.lookup("Hay al Huluk") is mini.get("heluk")


def test_lookup_accepts_spellings_not_listed_in_the_data(mini):
    # Only "Shaykh Said" is listed; the rest follow from the spelling rules.
    assert mini.lookup("Shaikh Sa'id").id == "sheikh_saeed"
    assert mini.lookup("al-Firdous").id == "fardous"
    assert mini.lookup("BAB ANTAKIA").id == "bab_antakya"


def test_unknown_names_give_none(mini):
    assert mini.lookup("Gotham") is None
    assert mini.lookup("") is None


def test_a_shared_alias_resolves_to_the_place_that_owns_it(mini):
    # bab_al_nairab lists "Bab" under shared_aliases; al-Bab the town owns it.
    assert mini.lookup("Bab").id == "al_bab_town"
    assert [p.id for p in mini.candidates("Bab")] == ["al_bab_town", "bab_al_nairab"]
    assert mini.is_ambiguous("al-Bab")
    assert not mini.is_ambiguous("Heluk")


def test_a_key_only_shared_has_no_default_owner(tmp_path):
    path = write(
        tmp_path,
        "a,Alpha,neighbourhood,36.2,37.1,500,false,,,Twin,,src,",
        "b,Beta,neighbourhood,36.3,37.2,500,false,,,Twin,,src,",
    )
    gaz = Gazetteer.load(path)
    assert gaz.lookup("Twin") is None
    assert {p.id for p in gaz.candidates("Twin")} == {"a", "b"}


def test_an_arabic_name_finds_its_place(mini):
    assert mini.lookup("الهلك").id == "heluk"
    assert mini.lookup("الشيخ سعيد").id == "sheikh_saeed"
    assert mini.lookup("شيخ سعيد").id == "sheikh_saeed"  # with or without the article
    assert mini.lookup("باب أنطاكيه").id == "bab_antakya"  # hamza seat, ta marbuta as ha


def test_an_arabic_name_shared_by_unrelated_places_is_ambiguous(tmp_path):
    path = write(
        tmp_path,
        "jibreen,Jibreen,neighbourhood,36.18,37.25,500,false,جبرين,,,,src,",
        "jibreen_industrial,Jibreen industrial area,industrial_area,36.19,37.24,500,false,جبرين,,,,src,",
        "hamdaniya,al-Hamdaniya,neighbourhood,36.18,37.11,900,false,الحمدانية,,,,src,",
        "hamdaniya_i,al-Hamdaniyeh I,neighbourhood,36.186,37.118,400,false,الحمدانية,,,hamdaniya,src,",
    )
    gaz = Gazetteer.load(path)
    assert gaz.lookup("جبرين") is None
    assert {p.id for p in gaz.candidates("جبرين")} == {"jibreen", "jibreen_industrial"}
    # ... unless one of them is the parent of the others
    assert gaz.lookup("الحمدانيه").id == "hamdaniya"


def test_candidates_of_an_unknown_name_are_empty(mini):
    assert mini.candidates("Gotham") == []


def test_keys_map_every_normalised_spelling_to_its_places(mini):
    keys = mini.keys()
    assert keys[normalize("Hay al Huluk")] == [mini.get("heluk")]
    assert keys[normalize("Bab")][0].id == "al_bab_town"
    keys.clear()  # a copy: the gazetteer is unchanged
    assert mini.lookup("Heluk") is not None


# -- get / containers -----------------------------------------------------------------

def test_get_returns_the_place_by_id(mini):
    place = mini.get("karm_homad")
    assert place.name == "Karm Homad"
    assert place.kind == "neighbourhood"
    assert place.aliases == ("Karam Houmid", "Karam Hummad")
    assert place.arabic == "كرم حومد"
    assert place.parent == "aleppo"


def test_get_of_an_unknown_id_names_close_ids(mini):
    with pytest.raises(KeyError, match="close ids: .*karm_homad"):
        mini.get("karm_hommad")


def test_len_iteration_and_membership(mini):
    assert len(mini) == 13
    assert [p.id for p in mini][:2] == ["aleppo", "heluk"]
    assert "heluk" in mini
    assert mini.get("heluk") in mini
    assert "gotham" not in mini
    assert 42 not in mini


def test_places_are_immutable(mini):
    with pytest.raises(AttributeError):
        mini.get("heluk").lat = 0.0  # type: ignore[misc]


def test_place_knows_whether_it_is_in_the_aleppo_area(mini):
    assert mini.get("heluk").in_aleppo_area
    assert not mini.get("al_bab_town").in_aleppo_area  # ~40 km north-east
    assert not mini.get("syria").in_aleppo_area  # countries never are
    assert mini.get("heluk").point == (36.2283, 37.1627)


def test_approximate_places_say_so(mini):
    kindi = mini.get("kindi_hospital")
    assert kindi.approximate and kindi.precision_m == 2000
    assert not mini.get("heluk").approximate


# -- search ---------------------------------------------------------------------------

def test_search_ranks_an_exact_key_first_with_score_one(mini):
    (place, score), *_ = mini.search("Shaykh Said")
    assert place.id == "sheikh_saeed" and score == 1.0


def test_search_finds_misspellings(mini):
    assert mini.search("Shuqyf")[0][0].id == "shuqayyif"
    assert mini.search("Farafrah")[0][0].id == "farafra"
    assert mini.search("Heluk district")[0][0].id == "heluk"


def test_search_scores_are_between_zero_and_one_and_sorted(mini):
    results = mini.search("Karam Hamid", limit=10)
    scores = [s for _, s in results]
    assert all(0.0 <= s <= 1.0 for s in scores)
    assert scores == sorted(scores, reverse=True)
    assert results[0][0].id == "karm_homad"
    assert len({p.id for p, _ in results}) == len(results)


def test_search_respects_limit_and_min_score(mini):
    assert len(mini.search("a", limit=3)) <= 3
    assert mini.search("Heluk", limit=0) == []
    assert all(s >= 0.9 for _, s in mini.search("Heluk", min_score=0.9))


def test_search_of_nothing_finds_nothing(mini):
    assert mini.search("") == []
    assert mini.search("   ") == []


def test_search_lists_the_default_owner_of_a_shared_key_first(mini):
    assert [p.id for p, _ in mini.search("Bab", limit=2)] == ["al_bab_town", "bab_al_nairab"]


# -- near -----------------------------------------------------------------------------

def test_near_lists_places_within_the_radius_nearest_first(mini):
    found = mini.near(36.1990, 37.1520, 1500)
    ids = [p.id for p, _ in found]
    assert ids[0] == "bab_antakya"
    assert found[0][1] == pytest.approx(0.0, abs=1e-6)
    distances = [d for _, d in found]
    assert distances == sorted(distances)
    assert all(d <= 1500 for d in distances)
    assert "al_bab_town" not in ids


def test_haversine_matches_a_known_distance():
    # One degree of latitude is ~111.2 km.
    assert haversine_m(36.0, 37.0, 37.0, 37.0) == pytest.approx(111_195, rel=1e-3)
    assert haversine_m(36.2, 37.1, 36.2, 37.1) == 0.0


def test_nearest_returns_the_closest_place(mini):
    place, metres = mini.nearest(36.2283, 37.1628)
    assert place.id == "heluk" and metres < 20


# -- export ---------------------------------------------------------------------------

def test_to_dataframe_has_documented_columns_and_dtypes(mini):
    df = mini.to_dataframe()
    assert list(df.columns) == [*COLUMNS, "in_aleppo_area"]
    assert len(df) == len(mini)
    assert str(df["kind"].dtype) == "category"
    assert list(df["kind"].cat.categories) == list(KINDS)
    assert df["lat"].dtype == "float64" and df["lon"].dtype == "float64"
    assert df["precision_m"].dtype == "int64"
    assert df["approximate"].dtype == bool and df["in_aleppo_area"].dtype == bool
    row = df.set_index("id").loc["heluk"]
    assert row["aliases"].split("|")[0] == "al-Heluk"
    assert df.set_index("id").loc["aleppo", "parent"] is None


def test_to_geojson_is_a_feature_collection_of_points_with_every_field(mini):
    fc = mini.to_geojson()
    assert fc["type"] == "FeatureCollection"
    assert len(fc["features"]) == len(mini)
    heluk = next(f for f in fc["features"] if f["id"] == "heluk")
    assert heluk["geometry"] == {"type": "Point", "coordinates": [37.1627, 36.2283]}
    assert set(COLUMNS) <= set(heluk["properties"])
    assert heluk["properties"]["aliases"][0] == "al-Heluk"
    json.dumps(fc)  # serialisable as is


def test_to_csv_round_trips_through_load(mini, tmp_path):
    out = tmp_path / "sub" / "export.csv"
    mini.to_csv(out)
    again = Gazetteer.load(out)
    assert [p for p in again] == [p for p in mini]


def test_dataframe_and_records_load_like_the_csv(mini):
    df = mini.to_dataframe().drop(columns=["in_aleppo_area"])
    from_df = Gazetteer.load(df)
    assert list(from_df) == list(mini)
    from_records = Gazetteer.load([p.to_dict() for p in mini])
    assert list(from_records) == list(mini)
    assert list(Gazetteer(list(mini))) == list(mini)


# -- loading several files, extending -----------------------------------------------

def test_a_directory_loads_every_csv_in_name_order(tmp_path):
    write(tmp_path, "b,Beta,neighbourhood,36.3,37.2,500,false,,,,,src,", name="2_more.csv")
    write(tmp_path, GOOD_ROW, name="1_city.csv")
    (tmp_path / "notes.txt").write_text("not a gazetteer")
    gaz = Gazetteer.load(tmp_path)
    assert [p.id for p in gaz] == ["aleppo", "b"]


def test_a_users_file_extends_the_bundled_data(tmp_path, monkeypatch):
    monkeypatch.setattr(gz, "bundled_data_dir", lambda: DATA)
    user = write(
        tmp_path,
        "my_school,Martyrs School,landmark,36.21,37.16,50,false,,Shuhada School,,heluk,my survey,",
        # same id as a bundled place: the user's row wins
        "heluk,Hay al-Heluk,neighbourhood,36.2290,37.1630,300,false,,al-Heluk|Hay al Huluk,,aleppo,my GPS,",
    )
    gaz = Gazetteer.load(user, extend=True)
    assert len(gaz) == 14
    assert gaz.lookup("Shuhada School").id == "my_school"
    assert gaz.get("heluk").source == "my GPS"
    assert gaz.lookup("Halak") is None  # the override dropped that alias
    assert gaz.lookup("Sheikh Saeed").id == "sheikh_saeed"


def test_a_users_alias_clashing_with_ours_is_reported_with_both_places(tmp_path, monkeypatch):
    monkeypatch.setattr(gz, "bundled_data_dir", lambda: DATA)
    user = write(tmp_path, "dup,Other Heluk,neighbourhood,36.2,37.1,500,false,,Heluk,,,src,")
    problems = problems_of_extend(user)
    assert len(problems) == 1
    text = str(problems[0])
    assert "'dup'" in text and "'heluk'" in text and "mini.csv" in text and "shared_aliases" in text


def problems_of_extend(path) -> list[gz.Problem]:
    with pytest.raises(GazetteerError) as info:
        Gazetteer.load(path, extend=True)
    return info.value.problems


def test_the_default_load_is_memoized_and_refreshed_when_files_change(tmp_path, monkeypatch):
    data = tmp_path / "gazetteer"
    data.mkdir()
    write(data, GOOD_ROW, name="places.csv")
    monkeypatch.setattr(gz, "bundled_data_dir", lambda: data)
    first = Gazetteer.load()
    assert Gazetteer.load() is first
    write(data, GOOD_ROW, "b,Beta,neighbourhood,36.3,37.2,500,false,,,,,src,", name="places.csv")
    os.utime(data / "places.csv", ns=(1, 1))  # make sure the change is visible
    second = Gazetteer.load()
    assert second is not first and len(second) == 2


def test_bundled_data_dir_prefers_the_wheel_copy(tmp_path, monkeypatch):
    path = gz.bundled_data_dir()
    assert path.name == "gazetteer"
    if not (Path(gz.__file__).parent / "_data").exists():
        assert path == Path(gz.__file__).resolve().parents[1] / "gazetteer"


# -- validation: every problem names file, row and field ------------------------------

@pytest.mark.parametrize("row,field,needle", [
    ("x,X,city,,37.1,500,false,,,,,src,", "lat", "missing lat"),
    ("x,X,city,36.2,,500,false,,,,,src,", "lon", "missing lon"),
    ("x,X,city,north,37.1,500,false,,,,,src,", "lat", "not a number"),
    ("x,X,city,36.2,east,500,false,,,,,src,", "lon", "not a number"),
    ("x,X,city,96.2,37.1,500,false,,,,,src,", "lat", "out of range"),
    ("x,X,city,36.2,237.1,500,false,,,,,src,", "lon", "out of range"),
    ("x,X,city,nan,37.1,500,false,,,,,src,", "lat", "out of range"),
    ("x,X,city,36.2,37.1,500,false,,,,,,", "source", "missing source"),
    ("x,X,castle,36.2,37.1,500,false,,,,,src,", "kind", "unknown kind 'castle'"),
    ("x,X,,36.2,37.1,500,false,,,,,src,", "kind", "missing kind"),
    ("x,X,city,36.2,37.1,0,false,,,,,src,", "precision_m", "greater than 0"),
    ("x,X,city,36.2,37.1,-5,false,,,,,src,", "precision_m", "greater than 0"),
    ("x,X,city,36.2,37.1,1.5,false,,,,,src,", "precision_m", "whole number"),
    ("x,X,city,36.2,37.1,,false,,,,,src,", "precision_m", "missing precision_m"),
    ("x,X,city,36.2,37.1,500,maybe,,,,,src,", "approximate", "true or false"),
    ("X Y,X,city,36.2,37.1,500,false,,,,,src,", "id", "slug"),
    (",X,city,36.2,37.1,500,false,,,,,src,", "id", "missing id"),
    ("x,,city,36.2,37.1,500,false,,,,,src,", "name", "missing name"),
    ("x,X,city,36.2,37.1,500,false,,,,atlantis,src,", "parent", "unknown parent id 'atlantis'"),
    ("x,X,city,36.2,37.1,500,false,,,,x,src,", "parent", "its own parent"),
])
def test_each_kind_of_bad_row_is_reported_with_file_row_and_field(tmp_path, row, field, needle):
    path = write(tmp_path, GOOD_ROW, row)
    problems = problems_of(path)
    assert len(problems) == 1, problems
    problem = problems[0]
    assert (problem.file, problem.row, problem.field) == (str(path), 3, field)
    assert needle in problem.message
    assert str(problem).startswith(f"{path}: row 3: field '{field}': ")


def test_a_broken_parent_row_is_reported_once_not_as_an_unknown_parent(tmp_path):
    path = write(
        tmp_path,
        "aleppo,Aleppo,city,36.2021,,5000,false,,,,,GeoNames,",
        "heluk,Heluk,neighbourhood,36.2283,37.1627,600,false,,,,aleppo,src,",
    )
    assert [(p.row, p.field) for p in problems_of(path)] == [(2, "lon")]


def test_an_alias_without_letters_is_reported(tmp_path):
    path = write(tmp_path, "x,X,city,36.2,37.1,500,false,,Ex|’,,,src,")
    [problem] = problems_of(path)
    assert (problem.row, problem.field) == (2, "aliases") and "no letters" in problem.message


def test_duplicate_ids_name_both_rows(tmp_path):
    path = write(tmp_path, GOOD_ROW, "b,Beta,town,36.3,37.2,500,false,,,,,src,", GOOD_ROW)
    [problem] = problems_of(path)
    assert (problem.row, problem.field) == (4, "id")
    assert "duplicate id 'aleppo'" in problem.message and "row 2" in problem.message


def test_an_undeclared_alias_collision_names_both_places(tmp_path):
    path = write(
        tmp_path,
        "heluk,Hay al-Heluk,neighbourhood,36.2283,37.1627,600,false,,al-Heluk,,,src,",
        "halak,al-Halak,neighbourhood,36.23,37.16,600,false,,Hay al Heluk,,,src,",
    )
    [problem] = problems_of(path)
    assert (problem.row, problem.field) == (3, "aliases")
    assert "'halak'" in problem.message and "'heluk'" in problem.message
    assert "row 2" in problem.message and "shared_aliases" in problem.message


def test_declaring_the_alias_shared_resolves_the_collision(tmp_path):
    path = write(
        tmp_path,
        "heluk,Hay al-Heluk,neighbourhood,36.2283,37.1627,600,false,,al-Heluk,,,src,",
        "halak,al-Halak,neighbourhood,36.23,37.16,600,false,,,Hay al Heluk,,src,",
    )
    gaz = Gazetteer.load(path)
    assert gaz.lookup("Heluk").id == "heluk"
    assert [p.id for p in gaz.candidates("Heluk")] == ["heluk", "halak"]


def test_all_problems_are_reported_at_once(tmp_path):
    path = write(
        tmp_path,
        "a,A,city,,,500,false,,,,,,",          # lat, lon, source
        "b,B,castle,36.2,37.1,0,false,,,,,src,",  # kind, precision
    )
    problems = problems_of(path)
    assert [(p.row, p.field) for p in problems] == [
        (2, "lat"), (2, "lon"), (2, "source"), (3, "kind"), (3, "precision_m")]
    with pytest.raises(GazetteerError, match=r"^5 problems in the gazetteer:\n"):
        Gazetteer.load(path)


def test_the_message_lists_the_first_twenty_problems(tmp_path):
    rows = [f"p{i},P{i},city,,37.1,500,false,,,,,src," for i in range(25)]
    with pytest.raises(GazetteerError) as info:
        Gazetteer.load(write(tmp_path, *rows))
    message = str(info.value)
    assert len(info.value.problems) == 25
    assert message.count("field 'lat'") == 20
    assert message.endswith("... and 5 more problem(s)")


def test_problems_in_several_files_name_each_file(tmp_path):
    write(tmp_path, "a,A,city,36.2,37.1,500,false,,,,,,", name="a.csv")
    write(tmp_path, "b,B,castle,36.2,37.1,500,false,,,,,src,", name="b.csv")
    problems = problems_of(tmp_path)
    assert [Path(p.file).name for p in problems] == ["a.csv", "b.csv"]


def test_row_numbers_count_lines_across_quoted_newlines(tmp_path):
    path = write(
        tmp_path,
        'a,A,city,36.2,37.1,500,false,,,,,src,"a note\nover two lines"',
        "b,B,castle,36.2,37.1,500,false,,,,,src,",
    )
    [problem] = problems_of(path)
    assert problem.row == 4  # header 1, row a on lines 2-3


def test_a_row_with_the_wrong_number_of_fields_is_reported(tmp_path):
    path = write(tmp_path, GOOD_ROW, "b,Beta,town,36.3,37.2")
    [problem] = problems_of(path)
    assert problem.row == 3 and "fields" in problem.message


def test_a_header_missing_required_columns_is_reported(tmp_path):
    path = write(tmp_path, "a,A,city,36.2,37.1", header="id,name,kind,lat,lon")
    [problem] = problems_of(path)
    assert problem.row == 1 and "'precision_m'" in problem.message and "'source'" in problem.message


def test_unknown_columns_are_reported(tmp_path):
    path = write(tmp_path, GOOD_ROW + ",x", header=HEADER + ",colour")
    [problem] = problems_of(path)
    assert problem.row == 1 and "'colour'" in problem.message


def test_empty_missing_and_non_utf8_files_are_reported(tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    assert "empty file" in str(problems_of(empty)[0])
    assert "no such file" in str(problems_of(tmp_path / "nope.csv")[0])
    latin = tmp_path / "latin.csv"
    latin.write_bytes((HEADER + "\n" + "a,Caf\xe9,city,36.2,37.1,500,false,,,,,src,\n").encode("latin-1"))
    assert "not UTF-8" in str(problems_of(latin)[0])
    (tmp_path / "empty_dir").mkdir()
    assert "no *.csv" in str(problems_of(tmp_path / "empty_dir")[0])


def test_blank_lines_and_a_bom_are_tolerated(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text("\ufeff" + HEADER + "\n" + GOOD_ROW + "\n\n", encoding="utf-8")
    assert len(Gazetteer.load(path)) == 1


def test_records_report_their_record_number(tmp_path):
    records = [{"id": "a", "name": "A", "kind": "city", "lat": 36.2, "lon": 37.1,
                "precision_m": 500, "source": "src"},
               {"id": "b", "name": "B", "kind": "city", "lat": 99, "lon": 37.1,
                "precision_m": 500, "source": "src"}]
    [problem] = problems_of(records)
    assert (problem.file, problem.row, problem.field) == ("<records>", 2, "lat")


def test_gazetteer_error_is_a_value_error():
    assert issubclass(GazetteerError, ValueError)


# -- the bundled data -----------------------------------------------------------------

@pytest.fixture(scope="module")
def bundled() -> Gazetteer:
    data_dir = gz.bundled_data_dir()
    if not any(data_dir.glob("*.csv")):
        message = f"the bundled gazetteer ({data_dir}) has no CSV files yet"
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(message)
        pytest.skip(message)
    return Gazetteer.load()


def test_the_bundled_gazetteer_validates(bundled):
    assert len(bundled) > 100


@pytest.mark.parametrize("place_id,spellings", ACCEPTANCE_GROUPS)
def test_bundled_acceptance_groups_each_resolve_to_one_place(bundled, place_id, spellings):
    found = {s: getattr(bundled.lookup(s), "id", None) for s in spellings}
    assert len(set(found.values())) == 1 and None not in found.values(), found


def test_no_two_bundled_places_share_a_key_unless_declared(bundled):
    for key, places in bundled.keys().items():
        for other in places[1:]:
            declared = {normalize(a) for a in other.shared_aliases}
            assert key in declared, f"{key!r}: {other.id} claims it without declaring it shared"


def test_every_bundled_place_has_a_source_and_a_known_parent(bundled):
    for place in bundled:
        assert place.source.strip()
        assert place.parent is None or place.parent in bundled
        if place.approximate:
            assert place.precision_m >= 100


def _bundled_places():
    data_dir = gz.bundled_data_dir()
    if not any(data_dir.glob("*.csv")):
        return [None]
    return list(Gazetteer.load())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_listed_and_generated_spellings_of_a_bundled_place_find_it(bundled, data):
    place = data.draw(st.sampled_from(list(bundled)))
    for spelling in place.names:
        assert spelling in place.names
        found = bundled.candidates(spelling)
        assert found and found[0].id == place.id, (spelling, found)
        generated = data.draw(st.sampled_from(sorted(variants(spelling))))
        assert bundled.candidates(generated)[0].id == place.id, (spelling, generated)


def test_every_reference_place_is_found_by_name_and_variants_within_500_m(bundled, reference_dir):
    """Walk the shared reference table: name and every variant resolve to the row's
    place (or, where the data declares the spelling shared with another place, at
    least list it among the candidates), and the point is within 500 m."""
    problems = []
    declared_shared = []
    with open(reference_dir / "aleppo_places_reference.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        if not row["lat"]:
            continue
        ref = (float(row["lat"]), float(row["lon"]))
        for spelling in dict.fromkeys([row["name"], *filter(None, row["variants"].split("|"))]):
            place = bundled.lookup(spelling)
            if place is not None and place.id == row["id"]:
                d = haversine_m(*ref, place.lat, place.lon)
                if d > 500:
                    problems.append(f"{row['id']}: {spelling!r} at {d:.0f} m from the reference point")
                continue
            others = [p.id for p in bundled.candidates(spelling)]
            mine = bundled.get(row["id"]) if row["id"] in bundled else None
            if mine is not None and row["id"] in others and normalize(spelling) in {
                    normalize(a) for a in mine.shared_aliases}:
                # The data declares this spelling ambiguous: accepted, but said.
                declared_shared.append(f"{spelling!r}: {row['id']} shares it with {others[0]}")
                continue
            got = place.id if place else None
            problems.append(f"{row['id']}: {spelling!r} looks up to {got} (candidates {others})")
    if declared_shared:
        print("spellings declared shared in the data:\n  " + "\n  ".join(declared_shared))
    assert not problems, "\n".join(problems)


def test_gold_canonical_names_look_up_to_a_place_of_the_gold_kind(bundled, gold_path):
    problems = []
    with open(gold_path, encoding="utf-8") as fh:
        for line in fh:
            for mention in json.loads(line)["mentions"]:
                canonical = mention["canonical"]
                if "unclear" in canonical:
                    continue
                place = bundled.lookup(canonical)
                if place is None or place.kind != mention["kind"]:
                    problems.append(f"{canonical!r} ({mention['kind']}) -> {place}")
    assert not problems, "\n".join(sorted(set(problems)))


def test_bundled_coordinates_are_plausible(bundled):
    for place in bundled:
        assert math.isfinite(place.lat) and math.isfinite(place.lon)
        if place.kind in {"neighbourhood", "camp", "hospital", "industrial_area"}:
            assert place.in_aleppo_area, place
