"""The curated gazetteer of Aleppo's places: load, validate, look up, search, export.

A :class:`Gazetteer` is a read-only collection of :class:`Place` records loaded
from CSV files (the bundled ``gazetteer/*.csv`` by default, or a user's own).
Names are matched through :func:`aleppo_geo.names.normalize`, so any spelling
that shares a key with a place's name or aliases finds it::

    >>> from aleppo_geo.gazetteer import Gazetteer
    >>> gaz = Gazetteer.load()
    >>> gaz.lookup("Hay al Huluk").id
    'heluk'

Usable without spaCy or folium (pandas and rapidfuzz are imported only by
``to_dataframe`` and ``search``).
"""
from __future__ import annotations

import csv
import io
import math
import os
import re
import threading
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aleppo_geo import names
from aleppo_geo.files import atomic_write_text  # noqa: F401  (re-exported: gazetteer.atomic_write_text)

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "COLUMNS",
    "KINDS",
    "CITADEL",
    "Gazetteer",
    "GazetteerError",
    "Place",
    "Problem",
    "bundled_data_dir",
    "haversine_m",
]

#: Column order of a gazetteer CSV file.
COLUMNS: tuple[str, ...] = (
    "id", "name", "kind", "lat", "lon", "precision_m", "approximate", "arabic",
    "aliases", "shared_aliases", "parent", "source", "notes",
)
_REQUIRED_COLUMNS = ("id", "name", "kind", "lat", "lon", "precision_m", "source")

#: The kinds of place a gazetteer row may have.
KINDS: tuple[str, ...] = (
    "neighbourhood", "district", "camp", "hospital", "landmark", "industrial_area",
    "road", "airport", "military_base", "town", "village", "city", "region",
    "governorate", "country",
)

#: The citadel of Aleppo (lat, lon): the centre of the "Aleppo area".
CITADEL: tuple[float, float] = (36.1993, 37.1630)
#: Places within this distance of the citadel count as the Aleppo area.
ALEPPO_AREA_RADIUS_M = 20_000.0

_ID_RE = re.compile(r"^[a-z0-9_]+$")
_TRUE = frozenset({"true", "yes", "1"})
_FALSE = frozenset({"false", "no", "0", ""})
_EARTH_RADIUS_M = 6_371_008.8  # mean Earth radius (IUGG)
_MAX_LISTED_ERRORS = 20


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres between two (lat, lon) points in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp = p2 - p1
    dl = math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True)
class Place:
    """One place of the gazetteer.

    ``lat``/``lon`` are WGS84 degrees; ``precision_m`` says how far the real place
    may be from that point. ``approximate`` is true when the place has no sourced
    coordinate of its own and sits at its parent's (or the nearest sourced) point.
    ``aliases`` are the other spellings that identify it; ``shared_aliases`` are
    spellings it shares with another place (declared ambiguous: the other place is
    the default for :meth:`Gazetteer.lookup`).
    """

    id: str
    name: str
    kind: str
    lat: float
    lon: float
    precision_m: int
    approximate: bool = False
    arabic: str | None = None
    aliases: tuple[str, ...] = ()
    shared_aliases: tuple[str, ...] = ()
    parent: str | None = None
    source: str = ""
    notes: str | None = None

    @property
    def point(self) -> tuple[float, float]:
        """``(lat, lon)``."""
        return (self.lat, self.lon)

    @property
    def in_aleppo_area(self) -> bool:
        """True for places within 20 km of the citadel, except whole governorates/countries."""
        if self.kind in ("governorate", "country"):
            return False
        return haversine_m(self.lat, self.lon, *CITADEL) <= ALEPPO_AREA_RADIUS_M

    @property
    def names(self) -> tuple[str, ...]:
        """The name followed by its aliases (not the shared ones), without repeats."""
        return tuple(dict.fromkeys((self.name, *self.aliases)))

    def to_dict(self) -> dict[str, Any]:
        """All fields as a plain dict (tuples become lists, for JSON)."""
        d = asdict(self)
        d["aliases"] = list(self.aliases)
        d["shared_aliases"] = list(self.shared_aliases)
        return d

    def __repr__(self) -> str:  # short, since places show up in lists and spans
        return f"Place({self.id!r}, {self.name!r}, {self.kind}, {self.lat:.5f}, {self.lon:.5f})"


@dataclass(frozen=True)
class Problem:
    """One validation problem: where it is and what is wrong."""

    file: str
    row: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.field is not None:
            where.append(f"field '{self.field}'")
        return ": ".join(where + [self.message])


class GazetteerError(ValueError):
    """A gazetteer file (or record set) is malformed.

    ``problems`` lists every :class:`Problem` found; the message shows the first
    20, one per line, as ``<file>: row <n>: field '<f>': <problem>``. Row numbers
    are line numbers in the file with the header as line 1, so the first data
    row is row 2 (for DataFrames/records: the 1-based record number).
    """

    def __init__(self, problems: list[Problem] | str):
        if isinstance(problems, str):
            problems = [Problem("gazetteer", None, None, problems)]
        self.problems: list[Problem] = list(problems)
        lines = [str(p) for p in self.problems[:_MAX_LISTED_ERRORS]]
        extra = len(self.problems) - len(lines)
        if extra > 0:
            lines.append(f"... and {extra} more problem(s)")
        if len(self.problems) == 1:
            message = lines[0]
        else:
            message = f"{len(self.problems)} problems in the gazetteer:\n" + "\n".join(lines)
        super().__init__(message)


def bundled_data_dir() -> Path:
    """Directory of the gazetteer shipped with aleppo-geo.

    Inside an installed wheel it is ``aleppo_geo/_data/gazetteer``; in a source
    checkout, ``gazetteer/`` at the repository root.
    """
    package_dir = Path(__file__).resolve().parent
    wheel_dir = package_dir / "_data" / "gazetteer"
    if wheel_dir.is_dir():
        return wheel_dir
    return package_dir.parent / "gazetteer"


# ---------------------------------------------------------------------------
# Parsing rows into places (collecting problems instead of stopping at the first)

@dataclass
class _Origin:
    file: str
    row: int | None


def _clean(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    return str(value).strip()


def _split_list(value: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(p.strip() for p in value.split("|") if p.strip()))


def _parse_row(
    raw: Mapping[str, Any], origin: _Origin, problems: list[Problem]
) -> Place | None:
    """Turn one CSV row into a Place, appending a Problem for every bad field."""
    def bad(field_name: str, message: str) -> None:
        problems.append(Problem(origin.file, origin.row, field_name, message))

    get = {k: _clean(raw.get(k)) for k in COLUMNS}
    start = len(problems)

    pid = get["id"]
    if not pid:
        bad("id", "missing id")
    elif not _ID_RE.match(pid):
        bad("id", f"id {pid!r} must be a slug of a-z, 0-9 and _")
    name = get["name"]
    if not name:
        bad("name", "missing name")
    elif not names.normalize(name):
        bad("name", f"name {name!r} has no letters or digits")
    kind = get["kind"]
    if not kind:
        bad("kind", "missing kind")
    elif kind not in KINDS:
        bad("kind", f"unknown kind {kind!r} (expected one of: {', '.join(KINDS)})")

    coords: dict[str, float] = {}
    for axis, limit in (("lat", 90.0), ("lon", 180.0)):
        text = get[axis]
        if not text:
            bad(axis, f"missing {axis} (every place needs a sourced coordinate; "
                      "mark it approximate and place it at its parent if it has none)")
            continue
        try:
            value = float(text)
        except ValueError:
            bad(axis, f"{axis} {text!r} is not a number")
            continue
        if not math.isfinite(value) or not -limit <= value <= limit:
            bad(axis, f"{axis} {text} is out of range -{limit:g}..{limit:g}")
            continue
        coords[axis] = value

    precision: int | None = None
    text = get["precision_m"]
    if not text:
        bad("precision_m", "missing precision_m (metres the place may be from the point)")
    else:
        try:
            as_float = float(text)
            if not math.isfinite(as_float) or as_float != int(as_float):
                raise ValueError
            precision = int(as_float)
        except (ValueError, OverflowError):
            bad("precision_m", f"precision_m {text!r} is not a whole number of metres")
        else:
            if precision <= 0:
                bad("precision_m", f"precision_m {text} must be greater than 0")

    approx_text = get["approximate"].lower()
    if approx_text in _TRUE:
        approximate = True
    elif approx_text in _FALSE:
        approximate = False
    else:
        approximate = False
        bad("approximate", f"approximate {get['approximate']!r} must be true or false")

    source = get["source"]
    if not source:
        bad("source", "missing source (say where the coordinate comes from)")

    for list_field in ("aliases", "shared_aliases"):
        for alias in _split_list(get[list_field]):
            if not names.normalize(alias):
                bad(list_field, f"alias {alias!r} has no letters or digits")

    parent = get["parent"] or None
    if parent is not None and parent == pid:
        bad("parent", f"place {pid!r} is its own parent")

    if len(problems) > start:
        return None
    return Place(
        id=pid,
        name=name,
        kind=kind,
        lat=coords["lat"],
        lon=coords["lon"],
        precision_m=precision,  # type: ignore[arg-type]
        approximate=approximate,
        arabic=get["arabic"] or None,
        aliases=tuple(a for a in _split_list(get["aliases"]) if a != name),
        shared_aliases=_split_list(get["shared_aliases"]),
        parent=parent,
        source=source,
        notes=get["notes"] or None,
    )


def _read_csv(path: Path, problems: list[Problem]) -> list[tuple[dict[str, str], _Origin]]:
    """Rows of one CSV file with their line numbers (header = line 1)."""
    label = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        problems.append(Problem(label, None, None, f"not UTF-8 text ({exc.reason} at byte {exc.start})"))
        return []
    except OSError as exc:
        problems.append(Problem(label, None, None, f"cannot read file: {exc.strerror or exc}"))
        return []
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        problems.append(Problem(label, None, None, "empty file (expected a header row: "
                                + ",".join(COLUMNS) + ")"))
        return []
    except csv.Error as exc:
        problems.append(Problem(label, 1, None, f"unreadable CSV: {exc}"))
        return []
    header = [h.strip() for h in header]
    missing = [c for c in _REQUIRED_COLUMNS if c not in header]
    if missing:
        problems.append(Problem(label, 1, None, "header lacks column(s) " + ", ".join(
            repr(c) for c in missing) + " (expected: " + ",".join(COLUMNS) + ")"))
        return []
    unknown = [h for h in header if h not in COLUMNS]
    if unknown:
        problems.append(Problem(label, 1, None, "unknown column(s) " + ", ".join(
            repr(c) for c in unknown) + " (expected: " + ",".join(COLUMNS) + ")"))
    rows: list[tuple[dict[str, str], _Origin]] = []
    line_before = reader.line_num
    while True:
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(Problem(label, line_before + 1, None, f"unreadable CSV: {exc}"))
            break
        first_line = line_before + 1
        line_before = reader.line_num
        if not any(v.strip() for v in values):
            continue  # blank lines are allowed as visual separators
        if len(values) != len(header):
            problems.append(Problem(
                label, first_line, None,
                f"has {len(values)} fields, the header has {len(header)} "
                "(a comma inside a value needs double quotes)"))
            continue
        rows.append((dict(zip(header, values)), _Origin(label, first_line)))
    return rows


def _csv_files(path: Path, problems: list[Problem]) -> list[Path]:
    if path.is_dir():
        files = sorted(p for p in path.glob("*.csv") if p.is_file())
        if not files:
            problems.append(Problem(str(path), None, None, "directory has no *.csv gazetteer files"))
        return files
    if path.is_file():
        return [path]
    problems.append(Problem(str(path), None, None, "no such file or directory"))
    return []


def _records_from(source: Any, problems: list[Problem]) -> list[tuple[dict[str, Any], _Origin]]:
    """Raw rows from a path (file or dir), a DataFrame or an iterable of dicts."""
    if isinstance(source, (str, os.PathLike)):
        rows: list[tuple[dict[str, Any], _Origin]] = []
        for f in _csv_files(Path(source), problems):
            rows.extend(_read_csv(f, problems))
        return rows
    if hasattr(source, "to_dict") and hasattr(source, "columns"):  # a pandas DataFrame
        records = source.to_dict(orient="records")
        label = "<DataFrame>"
    else:
        records = list(source)
        label = "<records>"
    out = []
    for i, rec in enumerate(records, start=1):
        if isinstance(rec, Place):
            rec = rec.to_dict()
            rec["aliases"] = "|".join(rec["aliases"])
            rec["shared_aliases"] = "|".join(rec["shared_aliases"])
            rec["approximate"] = "true" if rec["approximate"] else "false"
        elif not isinstance(rec, Mapping):
            problems.append(Problem(label, i, None, f"expected a mapping, got {type(rec).__name__}"))
            continue
        else:
            rec = dict(rec)
            for list_field in ("aliases", "shared_aliases"):
                if isinstance(rec.get(list_field), (list, tuple, set)):
                    rec[list_field] = "|".join(rec[list_field])
            if isinstance(rec.get("approximate"), bool):
                rec["approximate"] = "true" if rec["approximate"] else "false"
        out.append((rec, _Origin(label, i)))
    return out


def _parse_all(
    rows: list[tuple[dict[str, Any], _Origin]], problems: list[Problem], *, override: bool = False
) -> tuple[dict[str, Place], dict[str, _Origin]]:
    """Parse rows into places by id. Duplicate ids are problems unless ``override``."""
    places: dict[str, Place] = {}
    origins: dict[str, _Origin] = {}
    for raw, origin in rows:
        place = _parse_row(raw, origin, problems)
        if place is None:
            continue
        if place.id in places and not override:
            first = origins[place.id]
            problems.append(Problem(origin.file, origin.row, "id", (
                f"duplicate id {place.id!r} (first defined at {first.file}: row {first.row})")))
            continue
        places[place.id] = place
        origins[place.id] = origin
    return places, origins


# ---------------------------------------------------------------------------

_CACHE_LOCK = threading.Lock()
_DEFAULT_CACHE: dict[tuple, "Gazetteer"] = {}


def _dir_signature(path: Path) -> tuple:
    """Identify the state of a data dir so the memoized default load notices edits."""
    try:
        return tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size)
                     for p in sorted(path.glob("*.csv")))
    except OSError:
        return ()


class Gazetteer:
    """A read-only set of places with name lookup, fuzzy search and proximity queries.

    Build one with :meth:`load`. Names are matched on
    :func:`aleppo_geo.names.normalize` keys: every place claims the keys of its
    name and aliases (it *owns* them) and of its ``shared_aliases`` (declared
    ambiguous). A key may be owned by at most one place; that owner is what
    :meth:`lookup` returns, while :meth:`candidates` lists every claimant.
    """

    def __init__(self, places: Iterable[Place] = (), *, _origins: Mapping[str, Any] | None = None,
                 _row_ids: set[str] | None = None):
        """Index ``places``; raise :class:`GazetteerError` on duplicate ids,
        unknown parents or undeclared alias collisions."""
        problems: list[Problem] = []
        self._places: dict[str, Place] = {}
        origins: dict[str, _Origin] = dict(_origins or {})
        for i, place in enumerate(places, start=1):
            if place.id in self._places:
                problems.append(Problem(origins.get(place.id, _Origin("<places>", i)).file, i,
                                        "id", f"duplicate id {place.id!r}"))
                continue
            self._places[place.id] = place
            origins.setdefault(place.id, _Origin("<places>", i))
        self._origins = origins
        self._build_index(problems, _row_ids or set())
        if problems:
            raise GazetteerError(problems)

    # -- construction -----------------------------------------------------

    def _build_index(self, problems: list[Problem], row_ids: set[str]) -> None:
        owners: dict[str, list[tuple[Place, str]]] = {}
        shared: dict[str, list[Place]] = {}
        for place in self._places.values():
            origin = self._origins[place.id]
            # A parent whose own row is broken is not "unknown": that row's
            # problem is reported already.
            if (place.parent is not None and place.parent not in self._places
                    and place.parent not in row_ids):
                problems.append(Problem(origin.file, origin.row, "parent",
                                        f"unknown parent id {place.parent!r}"
                                        + _suggest(place.parent, self._places)))
            own_keys: set[str] = set()
            for spelling in place.names:
                key = names.normalize(spelling)
                if not key or key in own_keys:
                    continue
                own_keys.add(key)
                owners.setdefault(key, []).append((place, spelling))
            for spelling in place.shared_aliases:
                key = names.normalize(spelling)
                if not key or key in own_keys:
                    continue
                if place not in shared.setdefault(key, []):
                    shared[key].append(place)
        for key, claimants in owners.items():
            if len(claimants) > 1:
                (first, first_spelling), *rest = claimants
                for other, spelling in rest:
                    o = self._origins[other.id]
                    fo = self._origins[first.id]
                    problems.append(Problem(o.file, o.row, "aliases", (
                        f"{spelling!r} of {other.id!r} and {first_spelling!r} of {first.id!r} "
                        f"({fo.file}: row {fo.row}) both normalise to {key!r}; keep it on one "
                        f"place and list it under shared_aliases on the other")))
        index: dict[str, list[Place]] = {}
        for key in set(owners) | set(shared):
            claim = [p for p, _ in owners.get(key, [])[:1]]
            claim += [p for p in shared.get(key, []) if p not in claim]
            index[key] = claim
        self._index = index
        self._key_list = list(index)  # rapidfuzz's choices, built once
        self._owned = frozenset(owners)
        # Arabic names are indexed apart: they are not aliases (several
        # industrial districts share one Arabic name), only a fallback for lookup.
        arabic: dict[str, list[Place]] = {}
        for place in self._places.values():
            if place.arabic:
                key = names.normalize(place.arabic)
                if key and place not in arabic.setdefault(key, []):
                    arabic[key].append(place)
        self._arabic = arabic
        self._skeletons: dict[str, list[str]] | None = None

    @classmethod
    def load(cls, path: Any = None, *, extend: bool = False) -> "Gazetteer":
        """Load a gazetteer.

        ``path`` may be a CSV file, a directory of ``*.csv`` files (read in file
        name order), a pandas DataFrame or an iterable of dicts/Places with the
        gazetteer columns. ``None`` loads the bundled data
        (:func:`bundled_data_dir`). With ``extend=True`` the bundled data is
        loaded first and ``path`` adds to it; a user's row with an existing id
        replaces the bundled place.

        Every problem in the data is collected and raised together as one
        :class:`GazetteerError`.

        The default load (``path=None``, no ``extend``) is memoized per process
        and refreshed when the bundled files change: places are immutable, so
        callers can share one instance.
        """
        if path is None and not extend:
            data_dir = bundled_data_dir()
            signature = (str(data_dir), _dir_signature(data_dir))
            with _CACHE_LOCK:
                cached = _DEFAULT_CACHE.get(signature)
                if cached is not None:
                    return cached
            gaz = cls._load_sources([data_dir])
            with _CACHE_LOCK:
                _DEFAULT_CACHE.clear()
                _DEFAULT_CACHE[signature] = gaz
            return gaz
        if path is None:  # extend=True with nothing to extend with
            return cls.load()
        if extend:
            return cls._load_sources([bundled_data_dir(), path])
        return cls._load_sources([path])

    @classmethod
    def _load_sources(cls, sources: list[Any]) -> "Gazetteer":
        problems: list[Problem] = []
        places: dict[str, Place] = {}
        origins: dict[str, _Origin] = {}
        row_ids: set[str] = set()  # every id written in a row, even a broken one
        for source in sources:
            rows = _records_from(source, problems)
            row_ids.update(_clean(raw.get("id")) for raw, _ in rows)
            parsed, parsed_origins = _parse_all(rows, problems)
            # Later sources (the user's) override same ids of earlier (bundled) ones.
            places.update(parsed)
            origins.update(parsed_origins)
        if problems:
            # Index the rows that parsed so collisions and parent errors are
            # reported too -- but a parent whose own row is broken is not
            # "unknown": that row's problem is already listed.
            try:
                cls(places.values(), _origins=origins, _row_ids=row_ids)
            except GazetteerError as exc:
                problems.extend(exc.problems)
            raise GazetteerError(problems)
        return cls(places.values(), _origins=origins)

    # -- container protocol ---------------------------------------------

    def __len__(self) -> int:
        return len(self._places)

    def __iter__(self) -> Iterator[Place]:
        return iter(self._places.values())

    def __contains__(self, item: object) -> bool:
        if isinstance(item, Place):
            return self._places.get(item.id) == item
        if isinstance(item, str):
            return item in self._places
        return False

    def __repr__(self) -> str:
        return f"<Gazetteer: {len(self)} places>"

    # -- queries -----------------------------------------------------------

    def get(self, place_id: str) -> Place:
        """The place with this id; ``KeyError`` naming close ids when there is none."""
        try:
            return self._places[place_id]
        except KeyError:
            raise KeyError(f"no place with id {place_id!r}"
                           + _suggest(place_id, self._places)) from None

    def lookup(self, name: str) -> Place | None:
        """The place a name refers to (exact match on the normalised key), or None.

        For a key declared ambiguous (``shared_aliases``) this is the place that
        lists it as its name or alias; None if every claimant only shares it.
        A name in Arabic script that no alias matches is looked up among the
        places' Arabic names (found if exactly one place has it, or one of them
        is the parent of the others).
        """
        key = names.normalize(name)
        claim = self._index.get(key)
        if claim:
            return claim[0] if key in self._owned else None
        # An Arabic name finds its place when exactly one place has it, or when
        # one of the places holding it is the parent of all the others
        # (الحمدانية: al-Hamdaniya, not one of its numbered parts).
        by_arabic = self._arabic.get(key, ())
        if len(by_arabic) == 1:
            return by_arabic[0]
        for place in by_arabic:
            if all(other is place or other.parent == place.id for other in by_arabic):
                return place
        return None

    def candidates(self, name: str) -> list[Place]:
        """Every place claiming the name's key, the default owner first
        (for a name in Arabic script not found otherwise: the places with that Arabic name)."""
        key = names.normalize(name)
        return list(self._index.get(key) or self._arabic.get(key, ()))

    def keys(self) -> dict[str, list[Place]]:
        """Normalised key -> places claiming it (owner first). A fresh copy."""
        return {k: list(v) for k, v in self._index.items()}

    def is_ambiguous(self, name: str) -> bool:
        """True when more than one place claims the name's key."""
        return len(self._index.get(names.normalize(name), ())) > 1

    def search(self, name: str, limit: int = 5, *, min_score: float = 0.0) -> list[tuple[Place, float]]:
        """Places whose names resemble ``name``, best first, as ``(place, score)``.

        ``score`` is in 0..1: 1.0 for an exact key match, otherwise a blend of
        edit similarity of the keys and of their consonant skeletons (so
        "Farafira" finds "Farafra"). At most ``limit`` places (each once).
        """
        from rapidfuzz import fuzz, process

        limit = max(0, int(limit))
        if limit == 0 or not self._index:
            return []
        key = names.normalize(name)
        if not key:
            return []
        best: dict[str, float] = {}

        def offer(found_key: str, score: float) -> None:
            for place in self._index[found_key]:
                if score > best.get(place.id, -1.0):
                    best[place.id] = score

        if key in self._index:
            offer(key, 1.0)
        keys = self._key_list
        # Take a generous pool from each scorer, then keep the best score per place.
        # Only an exact key match scores 1.0; the weights below keep every fuzzy
        # score under it, and rank a whole-key edit match above a word-set match.
        pool = max(limit * 4, 20)
        scorers = ((fuzz.ratio, 1.0), (fuzz.token_sort_ratio, 0.95), (fuzz.token_set_ratio, 0.85))
        for scorer, weight in scorers:
            for found, score, _ in process.extract(key, keys, scorer=scorer, limit=pool):
                if found != key:
                    offer(found, min(weight * score / 100.0, 0.99))
        sk = names.skeleton(name)
        if sk:
            skeletons = self._skeleton_index()
            # A short skeleton ("b" for Bab) says little: weigh it by its length.
            weight = 0.9 * min(1.0, len(sk.replace(" ", "")) / 4)
            for found, score, _ in process.extract(sk, list(skeletons), scorer=fuzz.ratio, limit=pool):
                for k in skeletons[found]:
                    if k != key:
                        offer(k, min(weight * score / 100.0, 0.99))
        # Ties: claimants of the exact key in claim order (default owner first), then by name.
        exact_rank = {p.id: i for i, p in enumerate(self._index.get(key, ()))}
        ranked = sorted(best.items(), key=lambda kv: (
            -kv[1], exact_rank.get(kv[0], len(exact_rank)), self._places[kv[0]].name))
        return [(self._places[pid], round(score, 4)) for pid, score in ranked
                if score >= min_score][:limit]

    def _skeleton_index(self) -> dict[str, list[str]]:
        if self._skeletons is None:
            sk: dict[str, list[str]] = {}
            for key in self._index:
                sk.setdefault(names.skeleton(key), []).append(key)
            self._skeletons = sk
        return self._skeletons

    def near(self, lat: float, lon: float, radius_m: float) -> list[tuple[Place, float]]:
        """Places within ``radius_m`` metres of (lat, lon), nearest first, as ``(place, metres)``."""
        out = []
        for place in self._places.values():
            d = haversine_m(lat, lon, place.lat, place.lon)
            if d <= radius_m:
                out.append((place, d))
        out.sort(key=lambda pd_: (pd_[1], pd_[0].id))
        return out

    def nearest(self, lat: float, lon: float) -> tuple[Place, float] | None:
        """The single nearest place and its distance in metres (None if empty)."""
        best = None
        for place in self._places.values():
            d = haversine_m(lat, lon, place.lat, place.lon)
            if best is None or d < best[1]:
                best = (place, d)
        return best

    def children(self, place_id: str) -> list[Place]:
        """Places whose parent is ``place_id``."""
        return [p for p in self._places.values() if p.parent == place_id]

    # -- export ------------------------------------------------------------

    def to_dataframe(self) -> "pd.DataFrame":
        """One row per place, columns in gazetteer file order.

        dtypes: id, name, source: str (object); kind: category (all :data:`KINDS`);
        lat, lon: float64; precision_m: int64; approximate: bool; arabic, parent,
        notes: object (None when empty); aliases, shared_aliases: str joined with
        ``|`` (as in the CSV files); plus in_aleppo_area: bool.
        """
        import pandas as pd

        rows = []
        for p in self._places.values():
            d = p.to_dict()
            d["aliases"] = "|".join(p.aliases)
            d["shared_aliases"] = "|".join(p.shared_aliases)
            d["in_aleppo_area"] = p.in_aleppo_area
            rows.append(d)
        df = pd.DataFrame(rows, columns=[*COLUMNS, "in_aleppo_area"])
        df["kind"] = pd.Categorical(df["kind"], categories=list(KINDS))
        df["lat"] = df["lat"].astype("float64")
        df["lon"] = df["lon"].astype("float64")
        df["precision_m"] = df["precision_m"].astype("int64")
        df["approximate"] = df["approximate"].astype(bool)
        df["in_aleppo_area"] = df["in_aleppo_area"].astype(bool)
        for col in ("arabic", "parent", "notes"):
            df[col] = df[col].astype(object).where(df[col].notna(), None)
        return df

    def to_geojson(self) -> dict[str, Any]:
        """A GeoJSON FeatureCollection: one Point feature per place, every field a property."""
        features = []
        for p in self._places.values():
            props = p.to_dict()
            props["in_aleppo_area"] = p.in_aleppo_area
            features.append({
                "type": "Feature",
                "id": p.id,
                "geometry": {"type": "Point", "coordinates": [p.lon, p.lat]},
                "properties": props,
            })
        return {"type": "FeatureCollection", "features": features}

    def to_csv(self, dest: str | os.PathLike | None = None) -> str:
        """The places in the gazetteer CSV format (the format :meth:`load` reads).

        Returns the text; with ``dest`` also writes it there atomically.
        """
        buf = io.StringIO(newline="")
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(COLUMNS)
        for p in self._places.values():
            writer.writerow([
                p.id, p.name, p.kind, repr(p.lat), repr(p.lon), p.precision_m,
                "true" if p.approximate else "false", p.arabic or "",
                "|".join(p.aliases), "|".join(p.shared_aliases), p.parent or "",
                p.source, p.notes or "",
            ])
        text = buf.getvalue()
        if dest is not None:
            atomic_write_text(dest, text)
        return text

    def origin(self, place_id: str) -> tuple[str, int | None]:
        """(file, row) where a place was defined, for messages to curators."""
        o = self._origins[self.get(place_id).id]
        return (o.file, o.row)


def _suggest(wanted: str, ids: Iterable[str]) -> str:
    import difflib

    close = difflib.get_close_matches(wanted, list(ids), n=3, cutoff=0.6)
    return f"; close ids: {', '.join(close)}" if close else ""
