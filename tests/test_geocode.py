"""aleppo_geo.geocode: the gazetteer as a geopy geocoder, and the online fallback chain.

Online tests talk only to tests/support/fake_nominatim.py on 127.0.0.1 (ephemeral port).
"""
from __future__ import annotations

import json
import socket
import warnings
from functools import partial
from pathlib import Path

import pytest
from geopy.exc import GeocoderQueryError, GeocoderServiceError, GeocoderTimedOut, GeocoderUnavailable
from geopy.adapters import RequestsAdapter, URLLibAdapter
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from aleppo_geo.geocode import (
    ALEPPO_BBOX,
    GAZETTEER_ROW_FIELDS,
    ChainGeocoder,
    GazetteerGeocoder,
    GeocodeCache,
    GeocodeCacheWarning,
    GeocoderChain,
    OnlineGeocoderWarning,
    make_nominatim,
    to_gazetteer_row,
)
from support.fake_nominatim import FakeNominatim, nominatim_place

# A small gazetteer in the shipped CSV format, so these tests do not move when the curated
# data is edited. Coordinates from ../shared/reference/aleppo_places_reference.csv.
MINI_GAZETTEER = """\
id,name,kind,lat,lon,precision_m,approximate,arabic,aliases,shared_aliases,parent,source,notes
syria,Syria,country,35.0,38.5,400000,false,سوريا,Syrian Arab Republic,,,GeoNames 163843,
aleppo_governorate,Aleppo Governorate,governorate,36.25,37.5,80000,false,محافظة حلب,,,syria,GeoNames 170062,
aleppo,Aleppo,city,36.20124,37.16117,9000,false,حلب,Halab,,aleppo_governorate,GeoNames 170063,
citadel,Citadel of Aleppo,landmark,36.19934,37.16293,200,false,قلعة حلب,Aleppo Citadel,,aleppo,GeoNames 8131446,
sheikh_maqsoud,Sheikh Maqsoud,neighbourhood,36.23679,37.15402,900,false,الشيخ مقصود,Sheikh Maqsood|Sheikh Maksud,,aleppo,Columbia CSR polygon centroid,
hanano,Hanano,neighbourhood,36.22772,37.20323,1000,false,هنانو,Hananu,,aleppo,Columbia CSR polygon centroid,
masaken_hanano,Masaken Hanano,neighbourhood,36.22772,37.20323,1500,true,مساكن هنانو,Hanano Housing,,hanano,approximate: placed at hanano; no sourced coordinate,
hanano_barracks,Hanano barracks,military_base,36.2330,37.2160,400,false,ثكنة هنانو,Hanano military barracks,Hanano,hanano,GeoNames 0 (test row),
sukkari,al-Sukkari,neighbourhood,36.17498,37.14245,700,false,السكري,Sukkari,,aleppo,Columbia CSR polygon centroid,
"""

PORT_FREE_QUERY = "Jisr al-Haj"  # not in MINI_GAZETTEER: must go online


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory):
    from aleppo_geo.gazetteer import Gazetteer

    path = tmp_path_factory.mktemp("gaz") / "mini.csv"
    path.write_text(MINI_GAZETTEER, encoding="utf-8")
    return Gazetteer.load(path)


@pytest.fixture()
def geocoder(gazetteer) -> GazetteerGeocoder:
    return GazetteerGeocoder(gazetteer)


ONLINE_PLACES = {
    "Jisr al-Haj": [nominatim_place(
        "Jisr al-Haj", 36.1871, 37.1440, osm_type="way", osm_id=4242,
        osm_class="highway", osm_type_tag="primary",
        namedetails={"name": "جسر الحج", "name:en": "Jisr al-Haj", "name:ar": "جسر الحج",
                     "alt_name:en": "Hajj Bridge"},
    )],
    "Bab al-Hadid": [nominatim_place("Bab al-Hadid", 36.2030, 37.1690, osm_id=77)],
    "Umayyad Square": [nominatim_place("Umayyad Square", 36.2105, 37.1190, osm_id=78)],
    # Same name far away (Damascus): must never be returned by an Aleppo geocoder.
    "Umayyad Mosque": [nominatim_place("Umayyad Mosque", 33.5116, 36.3066, osm_id=79,
                                       display_name="Umayyad Mosque, Damascus, Syria")],
    "Saadallah al-Jabiri Square": [
        nominatim_place("Saadallah al-Jabiri Square", 33.51, 36.29, osm_id=80),  # outside
        nominatim_place("Saadallah al-Jabiri Square", 36.2083, 37.1509, osm_id=81),  # inside
    ],
}


@pytest.fixture()
def server():
    with FakeNominatim(places=ONLINE_PLACES) as fake:
        yield fake


ADAPTERS = {"requests": RequestsAdapter, "urllib": URLLibAdapter}


def online_chain(gazetteer, domain: str, cache_path: Path | None, **options) -> GeocoderChain:
    """Gazetteer + Nominatim pointed at the fake server; quick settings for tests."""
    adapter = options.pop("adapter", None)
    nominatim = make_nominatim(
        user_agent="aleppo-geo-tests/1.0", domain=domain, scheme="http",
        timeout=options.pop("timeout", 2), proxies={},
        adapter_factory=ADAPTERS[adapter] if adapter else None,
    )
    options.setdefault("min_delay_seconds", 0.0)
    options.setdefault("max_retries", 0)
    options.setdefault("error_wait_seconds", 0.0)
    return GeocoderChain(
        [GazetteerGeocoder(gazetteer), nominatim],
        cache=cache_path if cache_path is not None else False,
        **options,
    )


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (bound, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# ----------------------------------------------------------------------------- gazetteer geocoder


def test_gazetteer_geocoder_is_a_geopy_geocoder_returning_locations(geocoder):
    location = geocoder.geocode("Citadel of Aleppo")
    assert isinstance(geocoder, Geocoder)
    assert isinstance(location, Location)
    assert location.point.latitude == pytest.approx(36.19934)
    assert location.point.longitude == pytest.approx(37.16293)
    assert location.raw["id"] == "citadel"
    assert location.raw["source"] == "gazetteer"
    assert location.raw["match"] == "exact"
    assert location.raw["score"] == 1.0
    assert location.raw["kind"] == "landmark"
    assert location.raw["precision_m"] == 200
    assert location.raw["approximate"] is False
    assert location.raw["arabic"] == "قلعة حلب"
    assert location.raw["coordinate_source"] == "GeoNames 8131446"


def test_address_names_the_place_and_its_parents(geocoder):
    assert geocoder.geocode("Sukkari").address == "al-Sukkari, Aleppo, Aleppo Governorate, Syria"


def test_a_listed_spelling_variant_is_an_exact_hit_on_the_same_place(geocoder):
    assert geocoder.geocode("Sheikh Maqsood").raw["id"] == "sheikh_maqsoud"
    assert geocoder.geocode("SHEIKH  maksud").raw["id"] == "sheikh_maqsoud"


def test_a_misspelling_is_found_as_a_fuzzy_match_with_its_score(geocoder):
    location = geocoder.geocode("Sheikh Maqsoudi")
    assert location is not None
    assert location.raw["id"] == "sheikh_maqsoud"
    assert location.raw["match"] == "fuzzy"
    assert geocoder.min_score <= location.raw["score"] < 1.0


def test_a_name_with_an_extra_word_does_not_fuzzily_become_another_place(geocoder):
    assert geocoder.geocode("Hanano Aleppo") is None
    assert geocoder.geocode("Syrai") is None


def test_fuzzy_matching_can_be_switched_off(gazetteer):
    strict = GazetteerGeocoder(gazetteer, fuzzy=False)
    assert strict.geocode("Sheikh Maqsoudi") is None


def test_name_followed_by_city_resolves_to_the_named_place(geocoder):
    assert geocoder.geocode("Hanano, Aleppo, Syria").raw["id"] == "hanano"


def test_unknown_name_gives_none_whatever_exactly_one_is(geocoder):
    assert geocoder.geocode("Qwertyuiop Zzzz") is None
    assert geocoder.geocode("Qwertyuiop Zzzz", exactly_one=False) is None


def test_exactly_one_false_gives_every_place_claiming_the_name_default_first(geocoder):
    locations = geocoder.geocode("Hanano", exactly_one=False)
    assert isinstance(locations, list)
    assert [loc.raw["id"] for loc in locations] == ["hanano", "hanano_barracks"]


def test_a_shared_name_gives_its_default_place_flagged_ambiguous(geocoder):
    location = geocoder.geocode("Hanano")
    assert location.raw["id"] == "hanano"
    assert location.raw["ambiguous"] is True
    assert location.raw["alternatives"] == ["hanano_barracks"]
    assert geocoder.geocode("Sukkari").raw["ambiguous"] is False


@pytest.mark.parametrize("bad", ["", "   ", None, 42, {"city": "Aleppo"}])
def test_bad_queries_raise_geopys_query_error(geocoder, bad):
    with pytest.raises(GeocoderQueryError):
        geocoder.geocode(bad)


def test_reverse_gives_the_neighbourhood_not_the_city_that_also_covers_the_point(geocoder):
    location = geocoder.reverse((36.2370, 37.1545))
    assert location.raw["id"] == "sheikh_maqsoud"
    assert location.raw["covers_point"] is True
    assert location.raw["distance_m"] < 100


def test_reverse_prefers_a_sourced_place_to_an_approximate_one_at_the_same_point(geocoder):
    assert geocoder.reverse("36.2277, 37.2032").raw["id"] == "hanano"


def sukkari_outline(half: float) -> dict:
    """A square GeoJSON outline around al-Sukkari's point, ``half`` degrees each way."""
    lat, lon = 36.17498, 37.14245
    ring = [[lon - half, lat - half], [lon + half, lat - half], [lon + half, lat + half],
            [lon - half, lat + half], [lon - half, lat - half]]
    return {"type": "FeatureCollection", "features": [{
        "type": "Feature", "properties": {"place_id": "sukkari"},
        "geometry": {"type": "MultiPolygon", "coordinates": [[ring]]},
    }]}


def test_reverse_inside_a_place_outline_gives_that_place_beyond_its_precision_circle(gazetteer, tmp_path):
    point = (36.17498 + 0.012, 37.14245)  # ~1.3 km north: outside the 700 m circle
    without = GazetteerGeocoder(gazetteer).reverse(point)
    assert without.raw["id"] != "sukkari"

    path = tmp_path / "outlines.geojson"
    path.write_text(json.dumps(sukkari_outline(0.02)), encoding="utf-8")
    with_outline = GazetteerGeocoder(gazetteer, areas=path).reverse(point)
    assert with_outline.raw["id"] == "sukkari"
    assert with_outline.raw["inside_area"] is True
    assert with_outline.raw["distance_m"] > 700


def test_reverse_prefers_a_landmark_whose_circle_firmly_covers_the_point(gazetteer):
    geocoder = GazetteerGeocoder(gazetteer, areas=sukkari_outline(0.5))  # outline covering the citadel too
    assert geocoder.reverse((36.1994, 37.1630)).raw["id"] == "citadel"


def test_reverse_with_max_distance_gives_none_far_from_every_place(geocoder):
    assert geocoder.reverse((36.40, 37.60), max_distance_m=2000) is None
    assert geocoder.reverse((36.40, 37.60)) is not None


def test_reverse_rejects_something_that_is_not_a_point(geocoder):
    with pytest.raises(GeocoderQueryError, match="latitude, longitude"):
        geocoder.reverse("north of the citadel")


def test_gazetteer_geocoder_works_behind_rate_limiter_and_partial(geocoder):
    geocode = RateLimiter(geocoder.geocode, min_delay_seconds=0)
    assert geocode("Hananu").raw["id"] == "hanano"
    several = partial(geocode, exactly_one=False)
    assert several("Hanano")[0].raw["id"] == "hanano"
    reverse = RateLimiter(geocoder.reverse, min_delay_seconds=0)
    assert reverse((36.1993, 37.1629)).raw["id"] == "citadel"


# ----------------------------------------------------------------------------- chain, online


def test_gazetteer_hit_never_calls_the_online_service(gazetteer, server, tmp_path):
    chain = online_chain(gazetteer, server.domain, tmp_path / "cache.json")
    location = chain.geocode("Sheikh Maqsood")
    assert location.raw["source"] == "gazetteer"
    assert chain.reverse((36.1993, 37.1629)).raw["id"] == "citadel"
    assert server.hits == 0
    assert not (tmp_path / "cache.json").exists()


def test_gazetteer_miss_goes_online_and_the_answer_is_marked_online(gazetteer, server):
    chain = online_chain(gazetteer, server.domain, None)
    location = chain.geocode(PORT_FREE_QUERY)
    assert location is not None
    assert (location.latitude, location.longitude) == pytest.approx((36.1871, 37.1440))
    raw = location.raw
    assert raw["source"] == "online:nominatim"
    assert raw["match"] == "online"
    assert raw["approximate"] is True
    assert raw["domain"] == server.domain
    assert raw["osm_id"] == 4242
    assert raw["precision_m"] > 0
    assert raw["cached"] is False
    # The request was limited to the Aleppo box and identified itself.
    (request,) = server.requests
    assert request.path == "/search"
    assert request.params["bounded"] == "1"
    west, south, east, north = (float(v) for v in request.params["viewbox"].split(","))
    assert (south, west, north, east) == (ALEPPO_BBOX.south, ALEPPO_BBOX.west, ALEPPO_BBOX.north, ALEPPO_BBOX.east)
    assert request.params["countrycodes"] == "sy"
    assert request.user_agent == "aleppo-geo-tests/1.0"


def test_online_answers_are_never_written_into_the_gazetteer(gazetteer, server):
    size = len(gazetteer)
    chain = online_chain(gazetteer, server.domain, None)
    assert chain.geocode(PORT_FREE_QUERY).raw["source"] == "online:nominatim"
    assert gazetteer.lookup(PORT_FREE_QUERY) is None
    assert len(gazetteer) == size


def test_online_answer_outside_the_aleppo_box_is_discarded_even_if_the_service_ignores_bounded(gazetteer):
    with FakeNominatim(places=ONLINE_PLACES, honour_bounded=False) as server:
        chain = online_chain(gazetteer, server.domain, None)
        assert chain.geocode("Umayyad Mosque") is None
        location = chain.geocode("Saadallah al-Jabiri Square", exactly_one=False)
        assert [loc.raw["osm_id"] for loc in location] == [81]
        assert server.hits == 2


def test_second_query_comes_from_the_disk_cache_even_in_a_fresh_chain(gazetteer, server, tmp_path):
    cache_path = tmp_path / "deep" / "geocode.json"
    first = online_chain(gazetteer, server.domain, cache_path).geocode(PORT_FREE_QUERY)
    assert server.hits == 1
    assert cache_path.exists()

    again = online_chain(gazetteer, server.domain, cache_path).geocode("  jisr AL-HAJ ")
    assert server.hits == 1
    assert again.raw["cached"] is True
    assert (again.latitude, again.longitude) == (first.latitude, first.longitude)
    assert again.raw["source"] == "online:nominatim"
    # The cache is plain JSON; the key names the backend and its domain.
    data = json.loads(cache_path.read_text(encoding="utf-8"))
    (key,) = data["entries"]
    assert key.startswith(f"nominatim|{server.domain}|geocode|")
    assert not [p for p in cache_path.parent.iterdir() if p.name.endswith(".tmp")]


def test_nothing_found_is_cached_unless_told_not_to(gazetteer, server, tmp_path):
    chain = online_chain(gazetteer, server.domain, tmp_path / "c.json")
    assert chain.geocode("Nowhere At All") is None
    assert chain.geocode("Nowhere At All") is None
    assert server.hits == 1

    forgetful = online_chain(gazetteer, server.domain, tmp_path / "d.json", cache_negative=False)
    assert forgetful.geocode("Nowhere At All") is None
    assert forgetful.geocode("Nowhere At All") is None
    assert server.hits == 3


def test_offline_chain_is_gazetteer_only(gazetteer, server):
    chain = online_chain(gazetteer, server.domain, None, offline=True)
    assert chain.geocode("Hanano").raw["id"] == "hanano"
    assert chain.geocode(PORT_FREE_QUERY) is None
    assert server.hits == 0
    assert GeocoderChain(gazetteer=gazetteer).geocode(PORT_FREE_QUERY) is None


def test_chain_reverse_asks_online_only_when_no_gazetteer_place_is_near(gazetteer, server):
    chain = online_chain(gazetteer, server.domain, None)
    near_bridge = chain.reverse((36.1872, 37.1441), max_distance_m=300)
    assert near_bridge.raw["source"] == "online:nominatim"
    assert near_bridge.raw["osm_id"] == 4242
    assert server.hits_for("/reverse") == 1
    # Outside the Aleppo box the online service is not asked at all.
    assert chain.reverse((48.85, 2.35), max_distance_m=300) is None
    assert server.hits_for("/reverse") == 1


def test_with_nominatim_builds_the_gazetteer_then_nominatim_chain(gazetteer, server, tmp_path):
    chain = GeocoderChain.with_nominatim(
        gazetteer=gazetteer, user_agent="aleppo-geo-tests/1.0", domain=server.domain,
        scheme="http", proxies={}, cache=tmp_path / "c.json", min_delay_seconds=0,
    )
    assert [type(g).__name__ for g in chain.geocoders] == ["GazetteerGeocoder", "Nominatim"]
    assert chain.geocode("Hananu").raw["source"] == "gazetteer"
    assert chain.geocode(PORT_FREE_QUERY).raw["source"] == "online:nominatim"
    assert server.hits == 1


def test_default_cache_file_lives_in_the_user_cache_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert GeocodeCache().path == tmp_path / "aleppo-geo" / "geocode.json"
    assert GeocoderChain(gazetteer=None).cache.path == tmp_path / "aleppo-geo" / "geocode.json"


def test_chain_works_behind_rate_limiter_and_partial(gazetteer, server):
    chain = ChainGeocoder([GazetteerGeocoder(gazetteer)])
    geocode = partial(RateLimiter(chain.geocode, min_delay_seconds=0), exactly_one=False)
    assert geocode("Hanano")[0].raw["id"] == "hanano"


# ----------------------------------------------------------------------------- failures


@pytest.mark.parametrize("adapter", ["requests", "urllib"])
def test_service_down_gives_none_and_a_clear_warning(gazetteer, tmp_path, adapter):
    domain = f"127.0.0.1:{closed_port()}"
    chain = online_chain(gazetteer, domain, tmp_path / "cache.json", adapter=adapter)
    with pytest.warns(OnlineGeocoderWarning) as caught:
        assert chain.geocode(PORT_FREE_QUERY) is None
    (warning,) = caught
    message = str(warning.message)
    assert domain in message and PORT_FREE_QUERY in message
    assert isinstance(warning.message.error, GeocoderServiceError)
    assert chain.last_error is warning.message.error
    # A failure is not an answer: nothing is cached.
    assert not (tmp_path / "cache.json").exists()
    # Gazetteer names still resolve while the service is down.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert chain.geocode("Hanano").raw["id"] == "hanano"


@pytest.mark.parametrize("adapter", ["requests", "urllib"])
def test_service_down_raises_geopys_unavailable_error_when_asked_to(gazetteer, adapter):
    chain = online_chain(gazetteer, f"127.0.0.1:{closed_port()}", None, on_error="raise", adapter=adapter)
    with pytest.raises(GeocoderUnavailable):
        chain.geocode(PORT_FREE_QUERY)


@pytest.mark.parametrize("adapter", ["requests", "urllib"])
def test_slow_service_is_classified_as_a_timeout_and_not_cached(gazetteer, tmp_path, adapter):
    with FakeNominatim(places=ONLINE_PLACES, mode="slow", delay=3.0) as server:
        chain = online_chain(gazetteer, server.domain, tmp_path / "c.json", timeout=0.3, adapter=adapter)
        with pytest.warns(OnlineGeocoderWarning, match="timed out") as caught:
            assert chain.geocode(PORT_FREE_QUERY) is None
        assert isinstance(caught[0].message.error, GeocoderTimedOut)

        raising = online_chain(gazetteer, server.domain, tmp_path / "c.json", timeout=0.3, on_error="raise",
                               adapter=adapter)
        with pytest.raises(GeocoderTimedOut):
            raising.geocode(PORT_FREE_QUERY)

        server.mode = "ok"
        assert chain.geocode(PORT_FREE_QUERY).raw["cached"] is False


@pytest.mark.parametrize("adapter", ["requests", "urllib"])
def test_http_500_is_classified_as_a_service_error_not_a_timeout(gazetteer, adapter):
    with FakeNominatim(places=ONLINE_PLACES, mode="error500") as server:
        chain = online_chain(gazetteer, server.domain, None, adapter=adapter)
        with pytest.warns(OnlineGeocoderWarning, match="answered with an error") as caught:
            assert chain.geocode(PORT_FREE_QUERY) is None
        error = caught[0].message.error
        assert isinstance(error, GeocoderServiceError)
        assert not isinstance(error, (GeocoderTimedOut, GeocoderUnavailable))
        assert "500" in str(error)


def test_service_errors_are_retried_max_retries_times_each_logged_in_one_line(gazetteer, caplog):
    with FakeNominatim(places=ONLINE_PLACES, mode="error500") as server:
        chain = online_chain(gazetteer, server.domain, None, max_retries=2, on_error="raise")
        with caplog.at_level("WARNING"), pytest.raises(GeocoderServiceError):
            chain.geocode(PORT_FREE_QUERY)
        assert server.hits == 3
        domain = server.domain
    retries = [r for r in caplog.records if "retry" in r.getMessage()]
    assert len(retries) == 2
    for record in retries:
        assert record.exc_info is None  # no traceback for a service that is down
        assert domain in record.getMessage() and "500" in record.getMessage()


def test_rate_limiter_spaces_online_requests(gazetteer, server):
    chain = online_chain(gazetteer, server.domain, None, min_delay_seconds=0.4)
    for query in ("Jisr al-Haj", "Bab al-Hadid", "Umayyad Square"):
        assert chain.geocode(query).raw["source"] == "online:nominatim"
    times = [request.at for request in server.requests]
    assert len(times) == 3
    gaps = [later - earlier for earlier, later in zip(times, times[1:])]
    # The limiter spaces the *calls*; arrival times also carry network jitter (the first
    # request pays for the connection), hence the slack below 0.4 s.
    assert min(gaps) >= 0.3, gaps


# ----------------------------------------------------------------------------- cache, curator rows


def test_corrupt_cache_file_is_moved_aside_with_a_warning(tmp_path):
    path = tmp_path / "geocode.json"
    path.write_text("{not json", encoding="utf-8")
    cache = GeocodeCache(path)
    with pytest.warns(GeocodeCacheWarning, match="unreadable"):
        assert cache.get("anything") is None
    assert (tmp_path / "geocode.json.corrupt").read_text(encoding="utf-8") == "{not json"
    cache.put("k", [])
    assert GeocodeCache(path).get("k") == []


def test_cache_entries_expire_after_their_ttl(tmp_path):
    path = tmp_path / "geocode.json"
    GeocodeCache(path).put("k", [{"address": "x", "lat": 36.2, "lon": 37.1, "raw": {}}])
    assert GeocodeCache(path, ttl_seconds=3600).get("k")[0]["address"] == "x"
    assert GeocodeCache(path, ttl_seconds=-1).get("k") is None


def test_online_answer_becomes_a_gazetteer_row_for_review(gazetteer, server):
    location = online_chain(gazetteer, server.domain, None).geocode(PORT_FREE_QUERY)
    row = to_gazetteer_row(location)
    assert tuple(row) == GAZETTEER_ROW_FIELDS
    assert row["id"] == "jisr_al_haj"
    assert row["name"] == "Jisr al-Haj"
    assert row["kind"] == "road"
    assert row["arabic"] == "جسر الحج"
    assert "Hajj Bridge" in row["aliases"].split("|")
    assert "OpenStreetMap way/4242" in row["source"]
    assert "Nominatim" in row["source"] and "ODbL" in row["source"]
    assert row["notes"].startswith("UNREVIEWED")
    assert float(row["lat"]) == pytest.approx(36.1871)


def test_gazetteer_answer_gives_back_its_own_row(geocoder):
    row = to_gazetteer_row(geocoder.geocode("Masaken Hanano"))
    assert row["id"] == "masaken_hanano"
    assert row["approximate"] == "true"
    assert row["parent"] == "hanano"
    assert row["source"].startswith("approximate: placed at hanano")


def test_to_gazetteer_row_refuses_locations_from_elsewhere():
    with pytest.raises(ValueError, match="aleppo_geo.geocode"):
        to_gazetteer_row(Location("Somewhere", (36.2, 37.1), {"display_name": "Somewhere"}))


# ----------------------------------------------------------------------------- bundled gazetteer


@pytest.fixture(scope="module")
def bundled_geocoder() -> GazetteerGeocoder:
    return GazetteerGeocoder()


@pytest.mark.parametrize("spelling", ["Hay al Huluk", "al-Heluk", "Heluk"])
def test_bundled_gazetteer_resolves_reporters_spellings_of_huluk_to_one_place(bundled_geocoder, spelling):
    location = bundled_geocoder.geocode(spelling)
    assert location is not None and location.raw["match"] == "exact"
    assert location.raw["id"] == bundled_geocoder.geocode("Hay al-Heluk").raw["id"]
    assert location.raw["in_aleppo_area"] is True


def test_bundled_gazetteer_reverse_uses_neighbourhood_outlines(bundled_geocoder):
    location = bundled_geocoder.reverse((36.2370, 37.1545))  # inside the Sheikh Maqsoud polygon
    assert location.raw["id"] == bundled_geocoder.geocode("Sheikh Maqsoud").raw["id"]
    assert location.raw["inside_area"] is True


def test_bundled_gazetteer_reverse_at_the_citadel_gives_the_citadel_or_a_finer_place(bundled_geocoder):
    location = bundled_geocoder.reverse((36.19934, 37.16293))
    assert location.raw["covers_point"] is True
    assert location.raw["distance_m"] <= location.raw["precision_m"]
    assert location.raw["kind"] not in {"city", "governorate", "country", "region"}
