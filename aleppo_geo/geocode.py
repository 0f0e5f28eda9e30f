"""The curated gazetteer as a geopy geocoder, and an optional online fallback.

Two classes, both shaped like every other geopy geocoder (``geocode(query)`` and
``reverse(point)`` returning :class:`geopy.location.Location`)::

    from aleppo_geo.geocode import GazetteerGeocoder, GeocoderChain

    gazetteer_geocoder = GazetteerGeocoder()           # bundled gazetteer, no network
    gazetteer_geocoder.geocode("Hay al-Huluk")         # Location(...), raw["match"] == "exact"
    gazetteer_geocoder.reverse((36.199, 37.163))       # the most specific place covering the point

    # Gazetteer first; on a miss, Nominatim limited to a box around Aleppo,
    # one request per second at most, answers cached on disk.
    chain = GeocoderChain.with_nominatim(user_agent="my-newsroom-project/1.0 (me@example.org)")
    location = chain.geocode("Saadallah al-Jabiri Square")
    location.raw["source"]    # "gazetteer" or "online:nominatim"

What the user can rely on:

* ``raw["source"]`` says where an answer came from: ``"gazetteer"`` (curated, sourced) or
  ``"online:<backend>"`` (an unreviewed answer from an online service, marked
  ``raw["approximate"] = True``). Online answers are never written into the curated
  gazetteer; :func:`to_gazetteer_row` turns one into a CSV row for a curator to review.
* Online answers outside :data:`ALEPPO_BBOX` are discarded, even when the service ignores the
  ``viewbox``/``bounded`` request parameters.
* Nothing found -> ``None``, whatever ``exactly_one`` is (geopy's convention).
* Errors: :class:`GazetteerGeocoder` never touches the network. In :class:`GeocoderChain`, a
  failing online service (timeout, connection refused, HTTP 5xx) is by default reported with an
  :class:`OnlineGeocoderWarning` (one line, naming the service and what went wrong; the geopy
  exception is on ``warning.error`` and ``chain.last_error``) and the query gives ``None``.
  ``on_error="raise"`` re-raises geopy's specific exception instead
  (:class:`~geopy.exc.GeocoderTimedOut`, :class:`~geopy.exc.GeocoderUnavailable`,
  :class:`~geopy.exc.GeocoderServiceError`, ...), after geopy's ``RateLimiter`` has used up its
  retries. Failures are never cached.
"""
from __future__ import annotations

import dataclasses
import functools
import json
import logging
import math
import os
import re
import threading
import time
import unicodedata
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geopy.adapters import BaseAsyncAdapter, BaseSyncAdapter
from geopy.exc import GeocoderQueryError, GeocoderServiceError, GeopyError
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim
from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location
from geopy.point import Point

from aleppo_geo import __version__
from aleppo_geo.files import atomic_write_text

if TYPE_CHECKING:  # the gazetteer module is imported lazily: it loads data
    from aleppo_geo.gazetteer import Gazetteer, Place

__all__ = [
    "ALEPPO_BBOX",
    "BoundingBox",
    "ChainGeocoder",
    "DEFAULT_USER_AGENT",
    "GAZETTEER_ROW_FIELDS",
    "GazetteerGeocoder",
    "GeocodeCache",
    "GeocodeCacheWarning",
    "GeocoderChain",
    "OnlineGeocoderWarning",
    "default_cache_path",
    "describe_error",
    "make_nominatim",
    "to_gazetteer_row",
]

logger = logging.getLogger(__name__)

DEFAULT_USER_AGENT = f"aleppo-geo/{__version__} (geocoding war reporting on Aleppo)"

GAZETTEER_ROW_FIELDS = (
    "id", "name", "kind", "lat", "lon", "precision_m", "approximate", "arabic",
    "aliases", "shared_aliases", "parent", "source", "notes",
)


class OnlineGeocoderWarning(UserWarning):
    """An online geocoder failed; the query returned ``None``.

    ``warning.error`` is the geopy exception (e.g. ``GeocoderTimedOut``).
    """

    def __init__(self, message: str, error: BaseException | None = None) -> None:
        super().__init__(message)
        self.error = error


class GeocodeCacheWarning(UserWarning):
    """The on-disk geocode cache could not be read or written; work goes on without it."""


# --------------------------------------------------------------------------- geometry


@dataclass(frozen=True)
class BoundingBox:
    """A latitude/longitude box (degrees), edges included."""

    south: float
    west: float
    north: float
    east: float

    def __post_init__(self) -> None:
        if not (-90 <= self.south < self.north <= 90 and -180 <= self.west < self.east <= 180):
            raise ValueError(
                f"bounding box needs south < north and west < east in degrees, got {self}"
            )

    def contains(self, lat: float, lon: float) -> bool:
        """True when (lat, lon) lies inside the box or on its edge."""
        return self.south <= lat <= self.north and self.west <= lon <= self.east

    def as_viewbox(self) -> list[tuple[float, float]]:
        """The box in the two-corner form geopy's ``viewbox=`` takes."""
        return [(self.south, self.west), (self.north, self.east)]


# Aleppo city, its countryside front lines and Kuweires airbase (~37 km east of the
# citadel); roughly 33 km north-south either side of the citadel. Everything the
# gazetteer calls ``in_aleppo_area`` (20 km) is inside.
ALEPPO_BBOX = BoundingBox(south=35.90, west=36.80, north=36.50, east=37.65)

_EARTH_RADIUS_M = 6_371_008.8


def _distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres (haversine; plenty for city scale)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def _in_ring(lon: float, lat: float, ring: Sequence[Sequence[float]]) -> bool:
    """Even-odd ray casting on a GeoJSON ring of [lon, lat] positions."""
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i][0], ring[i][1]
        xj, yj = ring[j][0], ring[j][1]
        if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


class _Areas:
    """Place outlines (GeoJSON polygons keyed by ``place_id``) for point-in-area tests."""

    def __init__(self, geojson: Mapping[str, Any]) -> None:
        # place id -> list of (bbox, polygon rings); bboxes make misses cheap.
        self._shapes: dict[str, list[tuple[tuple[float, float, float, float], list]]] = {}
        for feature in geojson.get("features", []):
            props = feature.get("properties") or {}
            geometry = feature.get("geometry") or {}
            place_id = props.get("place_id")
            if not place_id:
                continue
            if geometry.get("type") == "Polygon":
                polygons = [geometry["coordinates"]]
            elif geometry.get("type") == "MultiPolygon":
                polygons = geometry["coordinates"]
            else:
                continue
            for rings in polygons:
                if not rings or not rings[0]:
                    continue
                xs = [pt[0] for pt in rings[0]]
                ys = [pt[1] for pt in rings[0]]
                box = (min(xs), min(ys), max(xs), max(ys))
                self._shapes.setdefault(place_id, []).append((box, rings))

    @classmethod
    def from_source(cls, source: Any) -> _Areas:
        if isinstance(source, Mapping):
            return cls(source)
        path = Path(source)
        try:
            return cls(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError) as exc:
            raise ValueError(f"{path}: cannot read place outlines (GeoJSON): {exc}") from None

    def containing(self, lat: float, lon: float) -> set[str]:
        """Ids of the places whose outline contains the point."""
        found = set()
        for place_id, shapes in self._shapes.items():
            for (west, south, east, north), rings in shapes:
                if not (west <= lon <= east and south <= lat <= north):
                    continue
                if _in_ring(lon, lat, rings[0]) and not any(_in_ring(lon, lat, hole) for hole in rings[1:]):
                    found.add(place_id)
                    break
        return found

    def __len__(self) -> int:
        return len(self._shapes)


# Reverse geocoding prefers the finest kind of place that covers a point.
_KIND_TIER = {
    "landmark": 0, "hospital": 0, "camp": 0, "airport": 0, "military_base": 0, "road": 0,
    "neighbourhood": 1, "industrial_area": 1, "district": 1, "village": 1,
    "town": 2, "city": 2, "region": 3, "governorate": 4, "country": 5,
}


def _coerce_point(query: Any) -> Point:
    """A geopy Point from whatever geopy's reverse() accepts, or a clear error."""
    try:
        return query if isinstance(query, Point) else Point(query)
    except (TypeError, ValueError) as exc:
        raise GeocoderQueryError(
            f"reverse() needs a (latitude, longitude) pair, a 'lat, lon' string or a "
            f"geopy Point; got {query!r} ({exc})"
        ) from None


def _clean_query(query: Any) -> str:
    if isinstance(query, Mapping):
        raise GeocoderQueryError(
            "structured (dict) queries are not supported; pass the place name as a string"
        )
    if not isinstance(query, str):
        raise GeocoderQueryError(f"a place name must be a string, got {type(query).__name__}: {query!r}")
    text = " ".join(query.split())
    if not text:
        raise GeocoderQueryError("empty place name")
    return text


class _NoNetworkAdapter(BaseSyncAdapter):
    """geopy wants an HTTP adapter on every geocoder; ours must never use one."""

    def __init__(self, *, proxies: Any = None, ssl_context: Any = None) -> None:
        super().__init__(proxies=proxies, ssl_context=ssl_context)

    def get_json(self, url: str, *, timeout: Any, headers: Any) -> Any:
        raise GeocoderServiceError(f"offline geocoder asked to fetch {url}")

    def get_text(self, url: str, *, timeout: Any, headers: Any) -> str:
        raise GeocoderServiceError(f"offline geocoder asked to fetch {url}")


# --------------------------------------------------------------------------- gazetteer geocoder


class GazetteerGeocoder(Geocoder):
    """The curated gazetteer behind geopy's geocoder interface; never uses the network.

    ``geocode(name)`` returns a :class:`geopy.location.Location` whose ``address`` is the
    place name followed by its parents ("al-Sukkari, Aleppo, Aleppo Governorate, Syria"),
    whose point is the gazetteer coordinate, and whose ``raw`` dict carries the place's
    fields (``id``, ``name``, ``kind``, ``lat``, ``lon``, ``precision_m``, ``approximate``,
    ``arabic``, ``aliases``, ``parent``, ``in_aleppo_area`` ...; the place's coordinate
    source is ``raw["coordinate_source"]``) plus ``source="gazetteer"``,
    ``match`` (``"exact"`` for a normalised-name hit, ``"fuzzy"`` otherwise), ``score``
    (1.0 for exact), ``query``, and ``ambiguous``/``alternatives`` (other place ids
    claiming the same name, e.g. a name declared in ``shared_aliases``).

    :param gazetteer: a loaded :class:`~aleppo_geo.gazetteer.Gazetteer`; the bundled one by
        default (loaded on first use).
    :param fuzzy: fall back to fuzzy search when no normalised name matches.
    :param min_score: the lowest fuzzy score (0..1) accepted as an answer.
    :param areas: place outlines for :meth:`reverse`: a GeoJSON FeatureCollection (path or
        dict) whose features carry ``properties.place_id``; ``True`` for the bundled
        ``gazetteer/neighbourhoods.geojson``; ``False`` for none. Default: the bundled
        outlines with the bundled gazetteer, none with a gazetteer of your own. The default
        0.88 sits above the gazetteer's word-subset score (0.85), so "Hanano Aleppo" does
        not fuzzily become "Aleppo", while one-letter slips ("Sukariya") still resolve.
    """

    def __init__(
        self,
        gazetteer: Gazetteer | None = None,
        *,
        fuzzy: bool = True,
        min_score: float = 0.88,
        areas: str | os.PathLike[str] | Mapping[str, Any] | bool | None = None,
    ) -> None:
        super().__init__(adapter_factory=_NoNetworkAdapter)
        if not 0.0 <= min_score <= 1.0:
            raise ValueError(f"min_score must be between 0 and 1, got {min_score!r}")
        self._gazetteer = gazetteer
        if areas is None:
            areas = gazetteer is None  # the bundled outlines belong to the bundled gazetteer
        self._areas_source = areas
        self._areas: _Areas | None = None
        self.fuzzy = fuzzy
        self.min_score = min_score
        self._addresses: dict[str, str] = {}
        self._lock = threading.Lock()

    @property
    def gazetteer(self) -> Gazetteer:
        """The gazetteer answers come from (the bundled one unless another was given)."""
        with self._lock:
            if self._gazetteer is None:
                from aleppo_geo.gazetteer import Gazetteer

                self._gazetteer = Gazetteer.load()
            return self._gazetteer

    @property
    def areas(self) -> _Areas | None:
        """The place outlines used by :meth:`reverse` (None when there are none)."""
        with self._lock:
            if self._areas is None and self._areas_source is not False:
                source = self._areas_source
                if source is True:
                    from aleppo_geo.gazetteer import bundled_data_dir

                    source = bundled_data_dir() / "neighbourhoods.geojson"
                    if not source.is_file():
                        self._areas_source = False
                        return None
                self._areas = _Areas.from_source(source)
            return self._areas

    def __repr__(self) -> str:
        return f"GazetteerGeocoder(fuzzy={self.fuzzy}, min_score={self.min_score})"

    # ---- geocode

    def geocode(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        timeout: Any = DEFAULT_SENTINEL,
        limit: int | None = None,
        fuzzy: bool | None = None,
        min_score: float | None = None,
    ) -> Location | list[Location] | None:
        """The place(s) named ``query``.

        An exact hit on the normalised name wins; with ``exactly_one=False`` every place
        claiming that name comes back (its default owner first), otherwise the fuzzy matches
        scoring at least ``min_score``, best first. "Name, Aleppo"-style queries also try the
        part before the first comma. ``timeout`` is accepted for geopy compatibility and
        ignored. Returns ``None`` when nothing matches.
        """
        text = _clean_query(query)
        if limit is not None and int(limit) < 1:
            raise ValueError("limit cannot be less than 1")
        wanted = 1 if exactly_one else (int(limit) if limit is not None else 10)
        use_fuzzy = self.fuzzy if fuzzy is None else fuzzy
        threshold = self.min_score if min_score is None else min_score

        forms = [text]
        head = text.split(",")[0].strip()
        if head and head != text:
            forms.append(head)

        matches: list[tuple[Place, str, float]] = []
        alternatives: list[str] = []
        for form in forms:
            # candidates() puts the default owner first; a name every claimant only
            # shares still gives its first claimant, flagged ambiguous in raw.
            places = self.gazetteer.candidates(form)
            if places:
                matches = [(place, "exact", 1.0) for place in places]
                alternatives = [place.id for place in places]
                break
        if not matches and use_fuzzy:
            for form in forms:
                found = self.gazetteer.search(form, limit=max(wanted, 5))
                matches = [(p, "fuzzy", float(s)) for p, s in found if s >= threshold]
                if matches:
                    break
        if not matches:
            return None
        locations = []
        for place, match, score in matches[:wanted]:
            location = self._location(place, match=match, score=score, query=text)
            location.raw["ambiguous"] = len(alternatives) > 1
            location.raw["alternatives"] = [pid for pid in alternatives if pid != place.id]
            locations.append(location)
        return locations[0] if exactly_one else locations

    # ---- reverse

    def reverse(
        self,
        query: Any,
        *,
        exactly_one: bool = True,
        timeout: Any = DEFAULT_SENTINEL,
        max_distance_m: float | None = None,
        limit: int | None = None,
        kinds: Iterable[str] | None = None,
    ) -> Location | list[Location] | None:
        """The gazetteer place for a point.

        A place *covers* the point when the point lies inside its outline (see ``areas``)
        or within ``precision_m`` of its coordinate. Covering places come first: sourced
        before approximate (an approximate place only borrows its parent's point), then
        firm cover (inside the outline or the inner half of the circle) before loose, then the
        finest kind (landmark/hospital/..., then neighbourhood/district/..., then town/city,
        region, governorate, country), then the smallest distance relative to
        ``precision_m`` (inside an outline counts as 0). So a point in Sheikh Maqsoud gives
        Sheikh Maqsoud, not Aleppo or Syria, and a point at the citadel gives the citadel.
        Places that do not cover the point follow, nearest first. ``max_distance_m`` drops
        places farther away; ``kinds`` keeps only those kinds. ``raw["distance_m"]`` is the
        distance to the place's point, ``raw["covers_point"]`` and ``raw["inside_area"]``
        say why it was chosen. Returns ``None`` when no place qualifies.
        """
        point = _coerce_point(query)
        lat, lon = point.latitude, point.longitude
        if limit is not None and int(limit) < 1:
            raise ValueError("limit cannot be less than 1")
        wanted_kinds = set(kinds) if kinds is not None else None
        areas = self.areas
        inside = areas.containing(lat, lon) if areas is not None else set()
        ranked: list[tuple[tuple, Place, float, bool, bool]] = []
        for place in self.gazetteer:
            if wanted_kinds is not None and place.kind not in wanted_kinds:
                continue
            distance = _distance_m(lat, lon, place.lat, place.lon)
            if max_distance_m is not None and distance > max_distance_m and place.id not in inside:
                continue
            in_area = place.id in inside
            covers = in_area or distance <= place.precision_m
            if covers:
                relative = 0.0 if in_area else distance / max(place.precision_m, 1)
                # Only the inner half of an uncertainty circle claims the point firmly;
                # otherwise a landmark with a wide circle would outrank the neighbourhood
                # whose outline actually contains the point.
                firm = relative <= 0.5
                key: tuple = (0, bool(place.approximate), not firm, _KIND_TIER.get(place.kind, 3),
                              relative, distance)
            else:
                key = (1, bool(place.approximate), True, 0, 0.0, distance)
            ranked.append((key, place, distance, covers, in_area))
        if not ranked:
            return None
        ranked.sort(key=lambda item: (item[0], item[1].id))
        wanted = 1 if exactly_one else (int(limit) if limit is not None else 10)
        locations = []
        for _key, place, distance, covers, in_area in ranked[:wanted]:
            location = self._location(place, match="reverse", score=None, query=f"{lat}, {lon}")
            location.raw["distance_m"] = round(distance, 1)
            location.raw["covers_point"] = covers
            location.raw["inside_area"] = in_area
            locations.append(location)
        return locations[0] if exactly_one else locations

    # ---- helpers

    def _address(self, place: Place) -> str:
        cached = self._addresses.get(place.id)
        if cached is not None:
            return cached
        parts, seen, parent = [place.name], {place.id}, place.parent
        # Parent chains are short (neighbourhood -> city -> governorate -> country);
        # the bound and the seen-set keep a bad data file from looping.
        for _ in range(8):
            if not parent or parent in seen:
                break
            try:
                parent_place = self.gazetteer.get(parent)
            except KeyError:
                break
            parts.append(parent_place.name)
            seen.add(parent_place.id)
            parent = parent_place.parent
        address = ", ".join(parts)
        self._addresses[place.id] = address
        return address

    def _location(self, place: Place, *, match: str, score: float | None, query: str) -> Location:
        raw: dict[str, Any] = {}
        for field in dataclasses.fields(place):
            value = getattr(place, field.name)
            if isinstance(value, tuple):
                value = list(value)
            # "source" is ours: where the answer came from. The place's own source
            # (where its coordinate came from) keeps a name of its own.
            raw["coordinate_source" if field.name == "source" else field.name] = value
        raw["in_aleppo_area"] = bool(getattr(place, "in_aleppo_area", False))
        raw.update(source="gazetteer", match=match, score=score, query=query)
        return Location(self._address(place), (place.lat, place.lon), raw)


# --------------------------------------------------------------------------- cache


def default_cache_path() -> Path:
    """``$XDG_CACHE_HOME/aleppo-geo/geocode.json`` (``~/.cache/...`` when unset)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "aleppo-geo" / "geocode.json"


_CACHE_FORMAT = "aleppo-geo geocode cache"
_CACHE_VERSION = 1


class GeocodeCache:
    """Online geocoder answers kept in one JSON file, so a query is asked only once.

    Entries map a key (backend, domain, request, normalised query and parameters) to the
    list of answers the service gave, ``[]`` for "nothing found". Each write re-reads the
    file, merges and replaces it atomically (temporary file + ``os.replace``), so an
    interrupted run never leaves a half-written cache and two processes lose nothing but a
    race. A corrupt file is moved aside to ``<name>.corrupt`` with a
    :class:`GeocodeCacheWarning`.

    :param path: the JSON file; :func:`default_cache_path` by default.
    :param ttl_seconds: entries older than this are treated as absent (default: kept forever).
    """

    def __init__(self, path: str | os.PathLike[str] | None = None, *, ttl_seconds: float | None = None) -> None:
        self.path = Path(path) if path is not None else default_cache_path()
        self.ttl_seconds = ttl_seconds
        self._entries: dict[str, dict[str, Any]] | None = None
        self._lock = threading.RLock()

    def __repr__(self) -> str:
        return f"GeocodeCache({str(self.path)!r})"

    def _read_file(self) -> dict[str, dict[str, Any]]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        except OSError as exc:
            warnings.warn(GeocodeCacheWarning(f"cannot read geocode cache {self.path}: {exc}"), stacklevel=4)
            return {}
        try:
            data = json.loads(text)
            if not (isinstance(data, dict) and data.get("format") == _CACHE_FORMAT
                    and isinstance(data.get("entries"), dict)):
                raise ValueError("not an aleppo-geo geocode cache")
            return data["entries"]
        except ValueError as exc:
            aside = self.path.with_name(self.path.name + ".corrupt")
            try:
                os.replace(self.path, aside)
                where = f"moved it to {aside}"
            except OSError:
                where = "left it in place"
            warnings.warn(
                GeocodeCacheWarning(f"geocode cache {self.path} is unreadable ({exc}); {where} and started afresh"),
                stacklevel=4,
            )
            return {}

    def _loaded(self) -> dict[str, dict[str, Any]]:
        if self._entries is None:
            self._entries = self._read_file()
        return self._entries

    def _fresh(self, entry: Mapping[str, Any]) -> bool:
        if self.ttl_seconds is None:
            return True
        return time.time() - float(entry.get("stored_at", 0)) <= self.ttl_seconds

    def get(self, key: str) -> list[dict[str, Any]] | None:
        """The cached answers for ``key`` (``[]`` = cached "nothing found"), or ``None``."""
        with self._lock:
            entry = self._loaded().get(key)
            if entry is None or not self._fresh(entry):
                return None
            return [dict(item) for item in entry.get("results", [])]

    def put(self, key: str, results: Sequence[Mapping[str, Any]]) -> None:
        """Store the answers for ``key`` and write the file (atomically)."""
        entry = {"stored_at": time.time(), "results": [dict(item) for item in results]}
        with self._lock:
            entries = self._loaded()
            entries[key] = entry
            merged = {**self._read_file(), **entries}
            self._entries = merged
            self._write(merged)

    def clear(self) -> None:
        """Forget every entry and delete the file."""
        with self._lock:
            self._entries = {}
            try:
                self.path.unlink()
            except FileNotFoundError:
                pass

    def __len__(self) -> int:
        with self._lock:
            return len(self._loaded())

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def _write(self, entries: Mapping[str, Any]) -> None:
        payload = {"format": _CACHE_FORMAT, "version": _CACHE_VERSION, "entries": entries}
        try:
            atomic_write_text(
                self.path,
                json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=True),
                fsync=True,
            )
        except OSError as exc:
            # A cache that cannot be written must not stop geocoding.
            warnings.warn(GeocodeCacheWarning(f"cannot write geocode cache {self.path}: {exc}"), stacklevel=4)


# --------------------------------------------------------------------------- online geocoders


def _default_adapter_factory() -> Any:
    """geopy's default HTTP adapter, but without its own hidden retries.

    With requests installed geopy retries each request twice inside urllib3, and a
    timed-out request then surfaces as ``GeocoderUnavailable`` ("max retries exceeded").
    Retrying is the RateLimiter's job (``max_retries``), so the adapter makes one attempt.
    """
    from geopy.adapters import RequestsAdapter

    if RequestsAdapter.is_available:
        return functools.partial(RequestsAdapter, max_retries=0)
    return None  # geopy's fallback, the urllib adapter: no retries of its own


def make_nominatim(
    *,
    user_agent: str | None = None,
    domain: str = "nominatim.openstreetmap.org",
    scheme: str | None = None,
    timeout: float | None = 5,
    proxies: Any = DEFAULT_SENTINEL,
    adapter_factory: Any = None,
) -> Nominatim:
    """A geopy Nominatim geocoder with an identifying User-Agent.

    The public OSM Nominatim asks for a User-Agent that names your application (add a
    contact address) and at most one request per second — :class:`GeocoderChain` enforces
    the rate. ``domain``/``scheme`` point it at another Nominatim (e.g. your own).
    """
    return Nominatim(
        user_agent=user_agent or DEFAULT_USER_AGENT,
        domain=domain,
        scheme=scheme,
        timeout=timeout,
        proxies=proxies,
        adapter_factory=adapter_factory if adapter_factory is not None else _default_adapter_factory(),
    )


def _backend_name(geocoder: Any) -> str:
    return type(geocoder).__name__.lower()


def _precision_from_bbox(raw: Mapping[str, Any]) -> int | None:
    """Half the diagonal of Nominatim's ``boundingbox`` (south, north, west, east), metres."""
    box = raw.get("boundingbox")
    try:
        south, north, west, east = (float(v) for v in box)  # type: ignore[union-attr]
    except (TypeError, ValueError):
        return None
    return max(25, int(round(_distance_m(south, west, north, east) / 2)))


class _OneLineRateLimiter(RateLimiter):
    """geopy's RateLimiter, logging each retry as one line rather than a full traceback.

    geopy logs every retry with ``exc_info=True``; with no logging configured Python
    prints those tracebacks to stderr, which is noise for a user whose only problem is
    that a web service is down. Spacing, retry count and error wait are geopy's.
    """

    def __init__(self, func: Any, *, label: str, **options: Any) -> None:
        super().__init__(func, **options)
        self.label = label

    def _retries_gen(self, args: Any, kwargs: Any):
        # Same protocol as geopy 2.5's BaseRateLimiter._retries_gen: yield the attempt
        # number; on a retryable error thrown in, yield True if it must be re-raised
        # (last attempt) or False to go on.
        for attempt in range(self.max_retries + 1):
            try:
                yield attempt
            except self._retry_exceptions as exc:
                if attempt == self.max_retries:
                    yield True
                else:
                    logger.warning(
                        "%s: %s (%s); retry %d of %d in %.1f s",
                        self.label, describe_error(_classify_error(exc)), _short_reason(exc),
                        attempt + 1, self.max_retries, self.error_wait_seconds,
                    )
                    yield False
                    continue
            else:  # pragma: no cover - __call__ returns before resuming us
                return


@dataclass
class _OnlineMember:
    geocoder: Any
    limiter: RateLimiter
    backend: str
    domain: str


class GeocoderChain(Geocoder):
    """Try the curated gazetteer first, then (optionally) online geocoders.

    ``GeocoderChain()`` is gazetteer-only. ``GeocoderChain([GazetteerGeocoder(), make_nominatim(...)])``
    or :meth:`with_nominatim` add an online fallback. Members are tried in order; the first
    answer wins. :class:`GazetteerGeocoder` members are asked directly; every other member is
    an *online* geocoder (any synchronous geopy geocoder) and is called

    * through geopy's :class:`~geopy.extra.rate_limiter.RateLimiter` (``min_delay_seconds``
      between requests, ``max_retries`` on service errors, exceptions not swallowed so the
      chain can classify them),
    * after a look in the on-disk :class:`GeocodeCache` (``cache=True``: the default file,
      a path, a :class:`GeocodeCache`, or ``None``/``False`` for none); "nothing found" is
      cached too unless ``cache_negative=False``,
    * limited to ``bbox`` (Nominatim gets ``viewbox`` + ``bounded=1`` + ``countrycodes=sy``;
      answers outside the box are discarded whatever the service says).

    Online answers keep the service's ``raw`` fields and add ``source="online:<backend>"``,
    ``match="online"``, ``approximate=True``, ``precision_m`` (from the service's bounding
    box when given), ``backend``, ``domain``, ``query``, ``retrieved`` (UTC date) and
    ``cached``.

    :param on_error: ``"warn"`` (default): an online failure gives an
        :class:`OnlineGeocoderWarning` and ``None``; ``"raise"``: the geopy exception
        propagates.
    :param offline: ignore every online member (gazetteer only), e.g. from a config flag.
    :param gazetteer: the gazetteer for the default ``[GazetteerGeocoder(gazetteer)]`` when
        ``geocoders`` is not given.
    :param online_limit: how many answers to request from Nominatim per query (the box
        filter may drop some).
    """

    def __init__(
        self,
        geocoders: Sequence[Any] | None = None,
        *,
        gazetteer: Gazetteer | None = None,
        offline: bool = False,
        cache: GeocodeCache | str | os.PathLike[str] | bool | None = True,
        cache_negative: bool = True,
        min_delay_seconds: float = 1.0,
        max_retries: int = 2,
        error_wait_seconds: float | None = None,
        bbox: BoundingBox = ALEPPO_BBOX,
        on_error: str = "warn",
        online_limit: int = 5,
    ) -> None:
        super().__init__(adapter_factory=_NoNetworkAdapter)
        if on_error not in ("warn", "raise"):
            raise ValueError(f"on_error must be 'warn' or 'raise', got {on_error!r}")
        if geocoders is None:
            geocoders = [GazetteerGeocoder(gazetteer)]
        elif gazetteer is not None:
            raise ValueError(
                "pass gazetteer= only when not listing geocoders; otherwise give it to "
                "GazetteerGeocoder(gazetteer) in the list"
            )
        if not geocoders:
            raise ValueError("GeocoderChain needs at least one geocoder")
        # geopy's RateLimiter insists the pause after an error is at least the usual gap.
        error_wait_seconds = max(5.0 if error_wait_seconds is None else error_wait_seconds,
                                 min_delay_seconds)
        self.offline = offline
        self.bbox = bbox
        self.on_error = on_error
        self.online_limit = online_limit
        self.cache_negative = cache_negative
        self.last_error: GeopyError | None = None
        if cache is True:
            self.cache: GeocodeCache | None = GeocodeCache()
        elif cache is False or cache is None:
            self.cache = None
        elif isinstance(cache, GeocodeCache):
            self.cache = cache
        else:
            self.cache = GeocodeCache(cache)

        self._members: list[GazetteerGeocoder | _OnlineMember] = []
        for geocoder in geocoders:
            if isinstance(geocoder, GazetteerGeocoder):
                self._members.append(geocoder)
                continue
            if not callable(getattr(geocoder, "geocode", None)):
                raise TypeError(f"{geocoder!r} is not a geocoder (it has no geocode method)")
            if isinstance(getattr(geocoder, "adapter", None), BaseAsyncAdapter):
                raise TypeError(f"{geocoder!r} uses an async adapter; GeocoderChain is synchronous")
            if offline:
                continue
            domain = str(getattr(geocoder, "domain", "") or "")
            limiter = _OneLineRateLimiter(
                self._make_dispatch(geocoder),
                label=f"online geocoder {_backend_name(geocoder)}" + (f" at {domain}" if domain else ""),
                min_delay_seconds=min_delay_seconds,
                max_retries=max_retries,
                error_wait_seconds=error_wait_seconds,
                swallow_exceptions=False,
            )
            self._members.append(_OnlineMember(
                geocoder=geocoder,
                limiter=limiter,
                backend=_backend_name(geocoder),
                domain=domain,
            ))

    @classmethod
    def with_nominatim(
        cls,
        *,
        gazetteer: Gazetteer | None = None,
        user_agent: str | None = None,
        domain: str = "nominatim.openstreetmap.org",
        scheme: str | None = None,
        timeout: float | None = 5,
        proxies: Any = DEFAULT_SENTINEL,
        fuzzy: bool = True,
        min_score: float = 0.88,
        **chain_options: Any,
    ) -> GeocoderChain:
        """Gazetteer first, then Nominatim (:func:`make_nominatim`); options as for the class."""
        return cls(
            [
                GazetteerGeocoder(gazetteer, fuzzy=fuzzy, min_score=min_score),
                make_nominatim(user_agent=user_agent, domain=domain, scheme=scheme,
                               timeout=timeout, proxies=proxies),
            ],
            **chain_options,
        )

    @property
    def geocoders(self) -> list[Any]:
        """The active members, in the order they are tried."""
        return [m.geocoder if isinstance(m, _OnlineMember) else m for m in self._members]

    @property
    def gazetteer_geocoder(self) -> GazetteerGeocoder | None:
        """The first gazetteer member, if any."""
        return next((m for m in self._members if isinstance(m, GazetteerGeocoder)), None)

    def __repr__(self) -> str:
        names = ", ".join(
            f"{m.backend}({m.domain})" if isinstance(m, _OnlineMember) else "gazetteer"
            for m in self._members
        )
        return f"GeocoderChain([{names}])"

    @staticmethod
    def _make_dispatch(geocoder: Any):
        # One RateLimiter per online service spaces geocode *and* reverse requests.
        def dispatch(method: str, *args: Any, **kwargs: Any) -> Any:
            return getattr(geocoder, method)(*args, **kwargs)

        dispatch.__name__ = f"{_backend_name(geocoder)}_request"
        return dispatch

    # ---- public interface

    def geocode(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        timeout: Any = DEFAULT_SENTINEL,
    ) -> Location | list[Location] | None:
        """The first answer along the chain (see the class docstring); ``None`` if none."""
        text = _clean_query(query)
        for member in self._members:
            if isinstance(member, GazetteerGeocoder):
                found = member.geocode(text, exactly_one=exactly_one)
            else:
                found = self._online(member, "geocode", text, exactly_one=exactly_one, timeout=timeout)
            if found:
                return found
        return None

    def reverse(
        self,
        query: Any,
        *,
        exactly_one: bool = True,
        timeout: Any = DEFAULT_SENTINEL,
        max_distance_m: float | None = None,
    ) -> Location | list[Location] | None:
        """The gazetteer place for a point (within ``max_distance_m`` if given), else online.

        Without ``max_distance_m`` the gazetteer always has a nearest place, so online
        services are asked only when a distance limit is set, and only for points inside
        ``bbox``.
        """
        point = _coerce_point(query)
        for member in self._members:
            if isinstance(member, GazetteerGeocoder):
                found = member.reverse(point, exactly_one=exactly_one, max_distance_m=max_distance_m)
            elif self.bbox.contains(point.latitude, point.longitude):
                found = self._online(member, "reverse", point, exactly_one=exactly_one, timeout=timeout)
            else:
                found = None
            if found:
                return found
        return None

    # ---- online calls

    def _request_options(self, member: _OnlineMember, method: str) -> dict[str, Any]:
        if isinstance(member.geocoder, Nominatim):
            if method == "geocode":
                return {
                    "limit": self.online_limit,
                    "viewbox": self.bbox.as_viewbox(),
                    "bounded": True,
                    "country_codes": "sy",
                    "namedetails": True,
                }
            return {"namedetails": True}
        return {}

    def _cache_key(self, member: _OnlineMember, method: str, query: Any, options: Mapping[str, Any]) -> str:
        if method == "reverse":
            subject = f"{query.latitude:.6f},{query.longitude:.6f}"
        else:
            subject = query.casefold()
        parts = {"options": {k: options[k] for k in sorted(options)}, "query": subject}
        return f"{member.backend}|{member.domain}|{method}|" + json.dumps(parts, sort_keys=True, default=str)

    def _online(
        self, member: _OnlineMember, method: str, query: Any, *, exactly_one: bool, timeout: Any
    ) -> Location | list[Location] | None:
        options = self._request_options(member, method)
        key = self._cache_key(member, method, query, options)
        entries = self.cache.get(key) if self.cache is not None else None
        from_cache = entries is not None
        if entries is None:
            kwargs = dict(options, exactly_one=(method == "reverse"))
            if timeout is not DEFAULT_SENTINEL:
                kwargs["timeout"] = timeout
            try:
                answer = member.limiter(method, query, **kwargs)
            except GeopyError as exc:
                self._online_failed(member, method, query, _classify_error(exc))
                return None
            self.last_error = None
            if answer is None:
                answer = []
            elif isinstance(answer, Location):
                answer = [answer]
            retrieved = datetime.now(timezone.utc).date().isoformat()
            entries = [
                {"address": loc.address, "lat": loc.latitude, "lon": loc.longitude,
                 "raw": dict(loc.raw), "retrieved": retrieved}
                for loc in answer
            ]
            if self.cache is not None and (entries or self.cache_negative):
                self.cache.put(key, entries)

        shown = query if isinstance(query, str) else f"{query.latitude}, {query.longitude}"
        locations = []
        for entry in entries:
            lat, lon = float(entry["lat"]), float(entry["lon"])
            if not self.bbox.contains(lat, lon):
                logger.info(
                    "discarded %s answer %r for %r at (%.5f, %.5f): outside the Aleppo box",
                    member.backend, entry.get("address"), shown, lat, lon,
                )
                continue
            raw = dict(entry.get("raw") or {})
            raw.update(
                source=f"online:{member.backend}",
                match="online",
                score=None,
                approximate=True,
                precision_m=_precision_from_bbox(raw),
                backend=member.backend,
                domain=member.domain,
                query=shown,
                retrieved=entry.get("retrieved"),
                cached=from_cache,
            )
            locations.append(Location(entry.get("address") or shown, (lat, lon), raw))
        if not locations:
            return None
        return locations[0] if exactly_one else locations

    def _online_failed(self, member: _OnlineMember, method: str, query: Any, exc: GeopyError) -> None:
        self.last_error = exc
        if self.on_error == "raise":
            raise exc
        where = f"{member.backend} at {member.domain}" if member.domain else member.backend
        shown = query if isinstance(query, str) else f"{query.latitude}, {query.longitude}"
        message = (
            f"online geocoder {where} failed for {method} {shown!r}: "
            f"{describe_error(exc)} ({type(exc).__name__}: {_short_reason(exc)}); "
            "no answer, nothing cached"
        )
        logger.debug("online geocoder failure", exc_info=exc)
        warnings.warn(OnlineGeocoderWarning(message, exc), stacklevel=4)


ChainGeocoder = GeocoderChain


def _error_chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen and len(seen) < 12:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def _classify_error(exc: GeopyError) -> GeopyError:
    """The most specific geopy exception for what actually happened.

    geopy's adapters sometimes report a read timeout as ``GeocoderUnavailable`` (requests
    with retries: "max retries exceeded ... Read timed out") and a refused connection as
    a bare ``GeocoderServiceError`` (urllib). Callers deciding whether to wait or give up
    need the real reason, so those two cases are re-labelled; the original exception is
    kept as ``__cause__``.
    """
    from geopy import exc as geopy_exc

    chain = _error_chain(exc)
    text = " ".join(str(e) for e in chain).lower()
    timed_out = any(isinstance(e, TimeoutError) or "timeout" in type(e).__name__.lower() for e in chain) \
        or "timed out" in text
    if timed_out and not isinstance(exc, geopy_exc.GeocoderTimedOut):
        relabelled: GeopyError = geopy_exc.GeocoderTimedOut(f"Service timed out ({exc})")
    elif (not timed_out and type(exc) is geopy_exc.GeocoderServiceError
          and (any(isinstance(e, ConnectionError) for e in chain) or "connection refused" in text)):
        relabelled = geopy_exc.GeocoderUnavailable(f"Service not available ({exc})")
    else:
        return exc
    relabelled.__cause__ = exc
    return relabelled


def _short_reason(exc: BaseException) -> str:
    """The telling part of an HTTP client's error message, for one-line reports."""
    text = " ".join(str(exc).split())
    for pattern in (r"\[Errno -?\d+\][^\"')(]*", r"Non-successful status code \d+",
                    r"HTTP Error \d+[^,;]*", r"[Rr]ead timed out", r"timed out"):
        found = re.search(pattern, text)
        if found:
            return found.group(0).strip()
    return text if len(text) <= 160 else text[:157] + "..."


def describe_error(exc: BaseException) -> str:
    """A few words saying what kind of geocoder failure ``exc`` is."""
    from geopy import exc as geopy_exc

    kinds = (
        (geopy_exc.GeocoderTimedOut, "the service timed out"),
        (geopy_exc.GeocoderUnavailable, "the service is unreachable"),
        (geopy_exc.GeocoderRateLimited, "the service is rate-limiting us"),
        (geopy_exc.GeocoderQuotaExceeded, "the quota is exhausted"),
        (geopy_exc.GeocoderAuthenticationFailure, "authentication failed"),
        (geopy_exc.GeocoderInsufficientPrivileges, "access was refused"),
        (geopy_exc.GeocoderQueryError, "the service rejected the query"),
        (geopy_exc.GeocoderParseError, "the service's answer could not be parsed"),
        (geopy_exc.GeocoderServiceError, "the service answered with an error"),
    )
    for cls, words in kinds:
        if isinstance(exc, cls):
            return words
    return "unexpected error"


# --------------------------------------------------------------------------- curator rows


# OSM (class, type) -> our kind; (class, None) is that class's default. A guess for the
# curator, who sees the OSM tags in ``notes``.
_OSM_KINDS: dict[tuple[str, str | None], str] = {
    ("place", "suburb"): "neighbourhood",
    ("place", "neighbourhood"): "neighbourhood",
    ("place", "quarter"): "neighbourhood",
    ("place", "city_block"): "neighbourhood",
    ("place", "village"): "village",
    ("place", "hamlet"): "village",
    ("place", "isolated_dwelling"): "village",
    ("place", "town"): "town",
    ("place", "city"): "city",
    ("place", "state"): "governorate",
    ("place", "country"): "country",
    ("boundary", "administrative"): "district",
    ("amenity", "hospital"): "hospital",
    ("amenity", "clinic"): "hospital",
    ("healthcare", None): "hospital",
    ("aeroway", None): "airport",
    ("landuse", "industrial"): "industrial_area",
    ("landuse", "military"): "military_base",
    ("military", None): "military_base",
    ("highway", None): "road",
}

_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]")


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_")


def to_gazetteer_row(location: Location) -> dict[str, str]:
    """A gazetteer CSV row (``GAZETTEER_ROW_FIELDS``) for a curator to review by hand.

    For an online answer the row names the service and the OpenStreetMap object
    (``source``: "OpenStreetMap node/123 via Nominatim (domain), retrieved <date>; ©
    OpenStreetMap contributors, ODbL 1.0"), guesses ``kind`` from the OSM tags, takes the
    Arabic name from ``namedetails`` when the service gave it, and says in ``notes`` that
    it is unreviewed. Nothing is written anywhere: review it, then add it to a file under
    ``gazetteer/``. A gazetteer answer gives back that place's own row.

    :raises ValueError: for a Location not produced by this module.
    """
    raw = location.raw
    source = raw.get("source") if isinstance(raw, Mapping) else None
    if source == "gazetteer":
        return {
            "id": str(raw["id"]),
            "name": str(raw["name"]),
            "kind": str(raw["kind"]),
            "lat": f"{float(raw['lat']):.6f}",
            "lon": f"{float(raw['lon']):.6f}",
            "precision_m": str(int(raw["precision_m"])),
            "approximate": "true" if raw.get("approximate") else "false",
            "arabic": raw.get("arabic") or "",
            "aliases": "|".join(raw.get("aliases") or ()),
            "shared_aliases": "|".join(raw.get("shared_aliases") or ()),
            "parent": raw.get("parent") or "",
            "source": str(raw.get("coordinate_source") or ""),
            "notes": raw.get("notes") or "",
        }
    if not (isinstance(source, str) and source.startswith("online:")):
        raise ValueError(
            "to_gazetteer_row() takes a Location from aleppo_geo.geocode "
            f"(raw['source'] is 'gazetteer' or 'online:...'); got raw source {source!r}"
        )

    namedetails = raw.get("namedetails") if isinstance(raw.get("namedetails"), Mapping) else {}
    display = str(raw.get("display_name") or location.address or "")
    name = (namedetails.get("name:en") or raw.get("name") or display.split(",")[0]).strip()
    if _ARABIC_SCRIPT.search(name) and namedetails.get("name:en"):
        name = namedetails["name:en"]
    arabic = namedetails.get("name:ar") or (name if _ARABIC_SCRIPT.search(name) else "")
    aliases = []
    for tag in ("name:en", "name", "alt_name", "alt_name:en", "old_name", "short_name"):
        value = namedetails.get(tag)
        for part in str(value or "").split(";"):
            part = part.strip()
            if part and part != name and part not in aliases and not _ARABIC_SCRIPT.search(part):
                aliases.append(part)

    osm_class = str(raw.get("class") or raw.get("category") or "")
    osm_type_tag = str(raw.get("type") or "")
    kind = _OSM_KINDS.get((osm_class, osm_type_tag)) or _OSM_KINDS.get((osm_class, None)) or "landmark"

    backend = raw.get("backend") or source.split(":", 1)[1]
    service = "Nominatim" if backend == "nominatim" else backend
    domain = raw.get("domain") or ""
    osm_ref = ""
    if raw.get("osm_type") and raw.get("osm_id") is not None:
        osm_ref = f"OpenStreetMap {raw['osm_type']}/{raw['osm_id']} "
    retrieved = raw.get("retrieved") or datetime.now(timezone.utc).date().isoformat()
    source_text = (
        f"{osm_ref}via {service}{f' ({domain})' if domain else ''}, retrieved {retrieved}"
    )
    if osm_ref or backend == "nominatim":
        source_text += "; data © OpenStreetMap contributors, ODbL 1.0 (https://www.openstreetmap.org/copyright)"
    slug = _slug(name) or (
        f"osm_{str(raw.get('osm_type', 'x'))[:1]}{raw.get('osm_id')}" if raw.get("osm_id") else "unnamed_place"
    )
    precision = raw.get("precision_m") or _precision_from_bbox(raw) or 1000
    notes = (
        f"UNREVIEWED: online answer to the query {raw.get('query')!r}; OSM tags "
        f"{osm_class or '?'}={osm_type_tag or '?'} (kind is a guess); check the coordinate, "
        "name, kind, parent and aliases against a second source before adding. OSM data is "
        "ODbL: keep the attribution and share-alike terms in gazetteer/README.md."
    )
    return {
        "id": slug,
        "name": name,
        "kind": kind,
        "lat": f"{location.latitude:.6f}",
        "lon": f"{location.longitude:.6f}",
        "precision_m": str(int(precision)),
        "approximate": "false",
        "arabic": arabic,
        "aliases": "|".join(aliases),
        "shared_aliases": "",
        "parent": "",
        "source": source_text,
        "notes": notes,
    }
