"""Map builders and export, checked on the HTML they produce (no browser needed).

What the page does in a browser is covered by tests/test_browser.py.
"""
from __future__ import annotations

import json
import re

import folium
import pandas as pd
import pytest

from support.synthetic import PLACES, events_table, mention_row, mention_table

from aleppo_geo.export import AssetError, ExportError, inline_assets, save_map
from aleppo_geo.maps import (
    ACTOR_COLOURS,
    MapError,
    _EventLayer,
    _MentionedLayer,
    activity_map,
    control_map,
)

P = {p["place_id"]: p for p in PLACES}


def _html(m: folium.Map) -> str:
    return m.get_root().render()


def _layers(m: folium.Map, kind=_EventLayer) -> list:
    found = []

    def walk(element):
        for child in element._children.values():
            if isinstance(child, kind):
                found.append(child)
            walk(child)

    walk(m)
    return found


def _rows(layer: _EventLayer) -> list:
    return json.loads(layer.rows_json)


def _overlay_names(m: folium.Map) -> dict[str, bool]:
    return {child.layer_name: child.show for child in m._children.values()
            if isinstance(child, (folium.FeatureGroup, folium.plugins.HeatMap))}


def test_the_map_is_a_folium_map_users_can_keep_adding_to():
    m = activity_map(mention_table([mention_row(P["farafra"])]))
    assert isinstance(m, folium.Map)
    folium.Marker([36.2, 37.15], icon=folium.Icon(color="blue")).add_to(m)
    page = _html(m)
    # a folium Icon needs folium's own icon assets: they come back when one is added
    assert "leaflet.awesome-markers" in page


def test_our_maps_link_only_leaflet_and_the_plugins_they_use():
    page = _html(activity_map(mention_table([mention_row(P["farafra"])]), timeline=False, heatmap=False))
    links = re.findall(r'<(?:script|link)[^>]+(?:src|href)="(https?://[^"]+)"', page)
    assert links == ["https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js",
                     "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css"]


def test_one_layer_per_activity_type_named_with_its_count():
    events = events_table([
        dict(place=P["handarat"], activity="airstrike"), dict(place=P["farafra"], activity="airstrike"),
        dict(place=P["fardous"], activity="shelling", actor="opposition"),
    ])
    m = activity_map(events)
    names = _overlay_names(m)
    assert names["Airstrike (2)"] is True
    assert names["Shelling (1)"] is True
    assert names["Heat map (reports)"] is False  # heat map is there, but off by default
    assert sum(len(_rows(layer)) for layer in _layers(m)) == 3


def test_mentions_of_the_same_place_activity_side_and_day_become_one_marker_with_a_report_count():
    mentions = mention_table([
        mention_row(P["farafra"], doc_id="a", source_name="Reuters", url="https://reuters.com/a"),
        mention_row(P["farafra"], doc_id="b", source_name="AFP", url="https://afp.com/b"),
        mention_row(P["farafra"], doc_id="c", date="2016-10-02"),
    ])
    (layer,) = _layers(activity_map(mentions))
    rows = sorted(_rows(layer), key=lambda r: r[2])
    assert len(rows) == 2
    assert rows[0][10] == 2  # n_reports
    assert rows[0][9][:2] == [["Reuters", "https://reuters.com/a"], ["AFP", "https://afp.com/b"]]


def test_places_named_without_activity_never_get_an_activity_marker():
    mentions = mention_table([
        mention_row(P["handarat"], activity="ground_advance"),
        mention_row(P["bustan_al_basha"], activity="none", sentence="If they seize Bustan al-Basha ..."),
    ])
    m = activity_map(mentions)
    marker_places = {round(r[0], 4) for layer in _layers(m) for r in _rows(layer)}
    assert marker_places == {P["handarat"]["lat"]}
    (mentioned,) = _layers(m, _MentionedLayer)
    assert "Bustan al-Basha" in mentioned.rows_json
    assert _overlay_names(m)["Mentioned, no activity (1)"] is False  # off by default


def test_events_map_takes_the_mentioned_layer_and_unresolved_count_from_their_mentions():
    mentions = mention_table([mention_row(P["bustan_al_basha"], activity="none"), mention_row(None, activity="none"),
                              mention_row(None, activity="shelling")])
    m = activity_map(events_table([dict(place=P["handarat"])]), mentions=mentions)
    assert "Mentioned, no activity (1)" in _overlay_names(m)
    assert "<b>2</b> place mentions could not be located and are not" in _html(m).replace("\\u003c", "<").replace("\\u003e", ">")


def test_report_text_cannot_inject_html_or_script_into_the_page():
    evil = "<script>window.__xss=1</script><img src=x onerror=\"window.__xss=1\">"
    mentions = mention_table([
        mention_row(P["farafra"], sentence=evil, source_name=evil, url="javascript:window.__xss=1",
                    attributed_to=evil, name="<b>Farafra</b>"),
        mention_row(P["fardous"], activity="none", sentence=evil),
    ])
    page = _html(activity_map(mentions, title=evil))
    assert "<script>window.__xss" not in page
    assert "<img src=x" not in page
    assert "</script><img" not in page
    assert "javascript:" not in page
    # the text is still there, escaped, for the reader
    assert "\\u0026lt;script\\u0026gt;window.__xss=1" in page


def test_approximate_places_get_a_precision_circle_and_exact_ones_do_not():
    events = events_table([dict(place=P["kindi_hospital"]), dict(place=P["farafra"])])
    (layer,) = _layers(activity_map(events))
    radius = {r[8]: r[5] for r in _rows(layer)}
    by_place = {r[0]: r[5] for r in _rows(layer)}
    assert by_place[P["kindi_hospital"]["lat"]] == 2000
    assert by_place[P["farafra"]["lat"]] == 0
    assert radius  # quotes present


def test_markers_cluster_only_above_the_threshold():
    events = events_table([dict(place=dict(P["farafra"], place_id=f"p{i}"), event_id=f"e{i}") for i in range(12)])
    assert "leaflet.markercluster" not in _html(activity_map(events, cluster_threshold=12))
    assert "leaflet.markercluster" in _html(activity_map(events, cluster_threshold=11))


def test_contested_events_and_actor_colours_reach_the_markers():
    events = events_table([dict(place=P["kindi_hospital"], actor="opposition", contested=True)])
    (layer,) = _layers(activity_map(events))
    (row,) = _rows(layer)
    assert row[6] == 1
    assert ACTOR_COLOURS["opposition"] in layer.icons_json


def test_time_slider_only_when_events_have_dates():
    dated = events_table([dict(place=P["farafra"], date="2016-10-01")])
    undated = events_table([dict(place=P["farafra"], date=None)])
    assert "timelineSliderControl" in _html(activity_map(dated))
    assert "timelineSliderControl" not in _html(activity_map(undated))
    assert "timelineSliderControl" not in _html(activity_map(dated, timeline=False))


def test_tables_missing_contract_columns_get_a_clear_error():
    with pytest.raises(MapError, match="lacks column.*sentence"):
        activity_map(pd.DataFrame({"lat": [1.0], "lon": [2.0], "activity": ["shelling"], "actor": ["government"],
                                   "event_date": [pd.NaT]}))
    with pytest.raises(MapError, match="DataFrame"):
        activity_map([{"lat": 1}])
    bad = events_table([dict(place=P["farafra"])])
    bad["activity"] = bad["activity"].astype(object)
    bad.loc[0, "activity"] = "looting"
    with pytest.raises(MapError, match="unknown activity.*looting"):
        activity_map(bad)


def test_activity_filter_keeps_only_the_chosen_types():
    events = events_table([dict(place=P["farafra"], activity="airstrike"), dict(place=P["fardous"], activity="siege")])
    m = activity_map(events, activities=["siege"])
    assert [layer.activity_json for layer in _layers(m)] == ['"siege"']


# ------------------------------------------------------------------------------ control map
def _control(rows):
    if not rows:
        return pd.DataFrame(columns=["place_id", "name", "lat", "lon", "date", "holder", "confidence",
                                     "evidence", "event_ids"])
    return pd.DataFrame([dict(dict(lat=0.0, lon=0.0, event_ids=[]), **r) for r in rows])


def test_control_map_colours_each_neighbourhood_by_its_latest_holder_before_the_date():
    control = _control([
        dict(place_id="farafra", name="Farafra", date=pd.Timestamp("2016-09-01"), holder="opposition",
             confidence=0.9, evidence="rebels held it"),
        dict(place_id="farafra", name="Farafra", date=pd.Timestamp("2016-12-10"), holder="government",
             confidence=1.0, evidence="army took it"),
    ])
    early = control_map(None, "2016-11-01", control=control)
    late = control_map(None, "2016-12-20", control=control)

    def farafra(m):
        (gj,) = [c for c in m._children.values() if isinstance(c, folium.GeoJson)]
        (feature,) = [f for f in gj.data["features"] if f["properties"].get("place_id") == "farafra"]
        return feature["properties"]

    assert farafra(early)["ag_holder"] == "opposition"
    assert "rebels held it" in farafra(early)["ag_tooltip"]
    assert farafra(late)["ag_holder"] == "government"
    assert "Columbia CSR" in _html(late)


def test_control_map_shows_held_places_without_a_boundary_as_dots():
    from aleppo_geo.maps import _HolderPoints

    control = _control([dict(place_id="kindi_hospital", name="al-Kindi hospital", lat=36.2555, lon=37.17,
                             date=pd.Timestamp("2016-10-03"), holder="government", confidence=0.9,
                             evidence="the army took the Kindi hospital")])
    m = control_map(None, "2016-10-10", control=control)
    (points,) = _layers(m, _HolderPoints)
    (row,) = json.loads(points.rows_json)
    assert row[:3] == [36.2555, 37.17, ACTOR_COLOURS["government"]]
    assert "the army took the Kindi hospital" in row[4]


def test_control_map_evidence_is_escaped():
    control = _control([dict(place_id="farafra", name="Farafra", date=pd.Timestamp("2016-09-01"),
                             holder="opposition", confidence=0.5, evidence="<img src=x onerror=alert(1)>")])
    page = _html(control_map(None, "2016-10-01", control=control))
    assert "<img src=x" not in page
    assert "\\u0026lt;img src=x" in page


def test_control_map_needs_a_real_date_and_a_readable_polygon_file(tmp_path):
    control = _control([])
    with pytest.raises(MapError, match="needs a date"):
        control_map(None, None, control=control)
    with pytest.raises(MapError, match="not found"):
        control_map(None, "2016-10-01", control=control, neighbourhoods=tmp_path / "nope.geojson")
    broken = tmp_path / "broken.geojson"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(MapError, match="not valid GeoJSON"):
        control_map(None, "2016-10-01", control=control, neighbourhoods=broken)


# ------------------------------------------------------------------------------ export
def test_save_map_writes_the_page_and_leaves_no_temporary_files(tmp_path):
    target = tmp_path / "out" / "map.html"
    path = save_map(activity_map(mention_table([mention_row(P["farafra"])])), target)
    assert path == target
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in target.parent.iterdir()] == ["map.html"]


def test_save_map_refuses_a_directory(tmp_path):
    with pytest.raises(ExportError, match="is a directory"):
        save_map(activity_map(mention_table([mention_row(P["farafra"])])), tmp_path)


def test_self_contained_export_inlines_scripts_styles_and_their_images(tmp_path):
    assets = tmp_path / "assets"
    assets.mkdir()
    (assets / "leaflet.js").write_text("window.L = {}; // </script> inside a library", encoding="utf-8")
    (assets / "leaflet.css").write_text(".x{background:url(images/layers.png)}", encoding="utf-8")
    (assets / "layers.png").write_bytes(b"\x89PNG fake")
    page = ('<html><head><script src="https://cdn.example.org/npm/leaflet@1/dist/leaflet.js"></script>'
            '<link rel="stylesheet" href="https://cdn.example.org/npm/leaflet@1/dist/leaflet.css"/></head></html>')
    out = inline_assets(page, asset_dir=assets, cache_dir=tmp_path / "cache")
    assert "src=" not in out and "<link" not in out
    assert "window.L = {};" in out
    assert "<\\/script> inside a library" in out  # cannot close our <script> early
    assert "url(\"data:image/png;base64," in out


def test_self_contained_export_names_the_asset_it_could_not_get(tmp_path):
    page = '<script src="http://127.0.0.1:9/missing-plugin.js"></script>'
    with pytest.raises(AssetError, match="missing-plugin.js"):
        inline_assets(page, cache_dir=tmp_path, timeout=2)


def test_self_contained_export_uses_the_download_cache(tmp_path):
    cached = tmp_path / "cdn.example.org" / "lib" / "x.js"
    cached.parent.mkdir(parents=True)
    cached.write_text("var cachedLib = 1;", encoding="utf-8")
    out = inline_assets('<script src="https://cdn.example.org/lib/x.js"></script>', cache_dir=tmp_path)
    assert "var cachedLib = 1;" in out


def test_heat_map_script_comes_from_the_installed_folium(tmp_path):
    m = activity_map(events_table([dict(place=P["farafra"])]), timeline=False)
    page = _html(m)
    assert "leaflet_heat.min.js" in page
    fake = tmp_path / "assets"
    fake.mkdir()
    (fake / "leaflet.js").write_text("//L", encoding="utf-8")
    (fake / "leaflet.css").write_text("", encoding="utf-8")
    out = inline_assets(page, asset_dir=fake, cache_dir=tmp_path / "cache")
    assert "simpleheat" in out


# ------------------------------------------------------------------------------ the real seeds
SEED_PLACES = ["Handarat", "Kindi hospital", "Shuqayyif", "Farafra", "Bab al-Antakya", "Sheikh Saeed",
               "Bustan al-Qasr", "Hay al-Heluk", "Fardous", "Karm Homad", "al-Shaar"]


@pytest.fixture(scope="module")
def seed_map(seeds_dir):
    from aleppo_geo import corpus
    from aleppo_geo.mentions import extract

    mentions = extract(corpus.load_articles(seeds_dir))
    return mentions, activity_map(mentions, title="Seed articles")


def test_seed_articles_map_puts_the_reported_places_where_the_gazetteer_has_them(seed_map):
    from aleppo_geo.gazetteer import Gazetteer

    gazetteer = Gazetteer.load()
    _, m = seed_map
    marker_points = {(r[0], r[1]) for layer in _layers(m) for r in _rows(layer)}
    missing = []
    for name in SEED_PLACES:
        place = gazetteer.lookup(name)
        assert place is not None, f"the gazetteer does not know {name}"
        assert place.in_aleppo_area, name
        if (round(place.lat, 6), round(place.lon, 6)) not in marker_points:
            missing.append(name)
    assert missing == []


def test_bustan_al_basha_named_only_in_an_if_sentence_gets_no_activity_marker(seed_map):
    from aleppo_geo.gazetteer import Gazetteer

    place = Gazetteer.load().lookup("Bustan al-Basha")
    mentions, m = seed_map
    assert (mentions["place_id"] == place.id).any()  # it is mentioned...
    marker_points = {(r[0], r[1]) for layer in _layers(m) for r in _rows(layer)}
    assert (round(place.lat, 6), round(place.lon, 6)) not in marker_points  # ...but not as activity
    (mentioned,) = _layers(m, _MentionedLayer)
    assert "Bustan al-Basha" in mentioned.rows_json


# ------------------------------------------------------------------------------ CLI
@pytest.mark.parametrize("argv, message", [
    (["--sample", "--from", "last tuesday"], "--from 'last tuesday': expected a date"),
    (["--sample", "--from", "2016-12-01", "--to", "2016-11-01"], "is after --to"),
    (["--sample", "--asset-dir", "."], "--asset-dir only applies with --self-contained"),
    ([], "no articles"),
])
def test_map_command_explains_bad_arguments_in_one_line(tmp_path, capsys, argv, message):
    from aleppo_geo.cli import main

    assert main(["map", "-o", str(tmp_path / "m.html"), *argv]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err
    assert not (tmp_path / "m.html").exists()


def test_events_listing_each_outlet_once_still_link_every_article():
    events = events_table([dict(place=P["farafra"], n_reports=3, sources=["Middle East Observer"],
                                urls=["https://meo.example/a", "https://meo.example/b", "javascript:bad"])])
    (layer,) = _layers(activity_map(events))
    (row,) = _rows(layer)
    assert row[9][:-1] == [["Middle East Observer", ""], ["meo.example", "https://meo.example/a"],
                           ["meo.example", "https://meo.example/b"]]  # javascript: dropped
