"""From mentions to events, and from events to who holds what.

Several reports often retell one agency story, so the mention table counts one
capture many times. :func:`events` groups mentions into events across reports and
:func:`control_timeline` turns captures, repelled attacks and sieges into a
per-place, per-date statement of control. Both are pure pandas.

Grouping rule (``events``): mentions belong to one event when they share the place
(``place_id``; unresolved mentions fall back to their normalised text), the activity,
the side (an ``unknown`` actor joins the group's known side) and compatible dates:
the same day, or no day on one side. Undated mentions join the dated event of the
same place and activity; when several days compete, they join the latest day on or
before their own publication date.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable

import pandas as pd

__all__ = ["EVENT_COLUMNS", "CONTROL_COLUMNS", "MissingColumnError", "events", "control_timeline"]

#: Columns of the events table, in order.
EVENT_COLUMNS = [
    "event_id", "place_id", "name", "arabic", "kind", "lat", "lon", "precision_m", "approximate",
    "in_aleppo_area", "activity", "actor", "event_date", "date_precision", "n_reports", "n_mentions",
    "doc_ids", "sources", "urls", "first_published", "last_published", "quote", "attributed_to",
    "contested", "casualties_killed", "casualties_injured",
]
#: Columns of the control timeline, in order.
CONTROL_COLUMNS = ["place_id", "name", "lat", "lon", "date", "holder", "confidence", "evidence", "event_ids"]

_REQUIRED_MENTION_COLUMNS = ("doc_id", "activity")
_REQUIRED_EVENT_COLUMNS = ("event_id", "place_id", "activity", "actor", "event_date")

_ACTIVITY_CATS = [
    "airstrike", "shelling", "ground_advance", "capture", "repelled", "clashes", "casualties",
    "siege", "humanitarian", "evacuation", "none",
]
_ACTOR_CATS = ["government", "opposition", "other", "unknown"]
_STATE_CHANGES = {"capture"}
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "season": 3, "unknown": 4}


class MissingColumnError(KeyError):
    """The input table lacks a column the function needs."""

    def __str__(self) -> str:  # KeyError quotes its message; keep it readable
        return str(self.args[0])


def _require(df: pd.DataFrame, columns: Iterable[str], what: str) -> None:
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise MissingColumnError(
            f"{what} is missing column(s) {', '.join(repr(c) for c in missing)}; "
            f"it has: {', '.join(map(str, df.columns)) or '(none)'}"
        )


def _empty_events() -> pd.DataFrame:
    df = pd.DataFrame({c: pd.Series(dtype="object") for c in EVENT_COLUMNS})
    return _event_dtypes(df)


def _event_dtypes(df: pd.DataFrame) -> pd.DataFrame:
    df["activity"] = pd.Categorical(df["activity"], categories=_ACTIVITY_CATS)
    df["actor"] = pd.Categorical(df["actor"], categories=_ACTOR_CATS)
    df["date_precision"] = pd.Categorical(df["date_precision"], categories=list(_PRECISION_RANK))
    df["event_date"] = pd.to_datetime(df["event_date"])
    df["first_published"] = pd.to_datetime(df["first_published"])
    df["last_published"] = pd.to_datetime(df["last_published"])
    for col in ("lat", "lon"):
        df[col] = pd.to_numeric(df[col], errors="coerce").astype("Float64")
    for col in ("precision_m", "casualties_killed", "casualties_injured", "n_reports", "n_mentions"):
        df[col] = pd.to_numeric(df[col], errors="coerce").astype("Int64")
    for col in ("approximate", "in_aleppo_area", "contested"):
        df[col] = df[col].astype("boolean")
    return df


def _norm_text(value: object) -> str:
    return " ".join(str(value).lower().split())


def _first_valid(series: pd.Series) -> object:
    valid = series.dropna()
    return valid.iloc[0] if len(valid) else None


def events(mentions: pd.DataFrame, *, include_none: bool = False, capture_window_days: int = 7) -> pd.DataFrame:
    """Group place mentions into events reported across articles.

    ``mentions`` is the mention table (:func:`aleppo_geo.mentions.extract`); it needs
    at least ``doc_id`` and ``activity``; ``place_id`` or ``text``, ``event_date``,
    ``actor``, ``published``, ``source_name``, ``url``, ``sentence`` and the place
    columns are used when present. Mentions with activity ``none`` are left out
    unless ``include_none``. Captures of one place by one side whose reported days lie
    within ``capture_window_days`` of each other are one event dated by the earliest
    day (reports often disagree on when a place fell); other activities need the same
    day.

    Returns one row per event with the columns :data:`EVENT_COLUMNS`: the place
    (``place_id``, ``name``, ``arabic``, ``kind``, ``lat``/``lon`` Float64,
    ``precision_m`` Int64, ``approximate``/``in_aleppo_area`` boolean), ``activity`` and
    ``actor`` (categoricals), ``event_date`` (datetime64, NaT when no report gives the
    day) and ``date_precision``, ``n_reports`` (distinct articles, Int64),
    ``n_mentions``, ``doc_ids``/``sources``/``urls`` (lists), ``first_published`` and
    ``last_published``, ``quote`` (the sentence of the earliest report, preferring one
    that dates the event), ``attributed_to`` ("; "-joined), ``contested`` (any report
    disputes it) and the largest ``casualties_killed``/``casualties_injured`` figures.
    Sorted by event date, place and activity; ``event_id`` is stable for the same
    place, activity, side and day.
    """
    if not isinstance(mentions, pd.DataFrame):
        raise TypeError(f"events() takes the mention DataFrame, got {type(mentions).__name__}")
    _require(mentions, _REQUIRED_MENTION_COLUMNS, "mention table")
    if "place_id" not in mentions.columns and "text" not in mentions.columns:
        raise MissingColumnError("mention table is missing column 'place_id' (or at least 'text')")
    df = mentions.copy()
    if df.empty:
        return _empty_events()
    for col, default in (("place_id", None), ("text", None), ("name", None), ("actor", None),
                         ("event_date", None), ("date_precision", None), ("published", None),
                         ("source_name", None), ("url", None), ("sentence", None), ("attributed_to", None),
                         ("contested", False), ("casualties_killed", None), ("casualties_injured", None),
                         ("arabic", None), ("kind", None), ("lat", None), ("lon", None), ("precision_m", None),
                         ("approximate", None), ("in_aleppo_area", None)):
        if col not in df.columns:
            df[col] = default
    df["activity"] = df["activity"].astype("object")
    if not include_none:
        df = df[df["activity"].notna() & (df["activity"] != "none")]
    if df.empty:
        return _empty_events()
    df["_place"] = [
        str(pid) if pid is not None and pid == pid else "text:" + _norm_text(text if text is not None else name)
        for pid, text, name in zip(df["place_id"], df["text"], df["name"])
    ]
    df["_day"] = pd.to_datetime(df["event_date"], errors="coerce").dt.normalize()
    df["_pub"] = pd.to_datetime(df["published"], errors="coerce").dt.normalize()
    df["actor"] = df["actor"].astype("object").where(df["actor"].notna(), "unknown")

    groups: list[pd.DataFrame] = []
    for (_place, _activity), g in df.groupby(["_place", "activity"], sort=False, dropna=False):
        known = g.loc[g["actor"] != "unknown", "actor"]
        if len(known):
            majority = known.value_counts().index[0]
            sides = {a: g[g["actor"] == a] for a in known.unique()}
            # Unknown-side mentions join the majority side.
            sides[majority] = pd.concat([sides[majority], g[g["actor"] == "unknown"]])
        else:
            sides = {"unknown": g}
        window = capture_window_days if str(_activity) in _STATE_CHANGES else 0
        for side_rows in sides.values():
            groups.extend(_split_by_day(side_rows, window))

    rows = [_event_row(g) for g in groups]
    out = pd.DataFrame(rows, columns=EVENT_COLUMNS)
    out = _event_dtypes(out)
    out = out.sort_values(["event_date", "first_published", "place_id", "activity"], na_position="last",
                          kind="stable").reset_index(drop=True)
    return out


def _split_by_day(rows: pd.DataFrame, window_days: int = 0) -> list[pd.DataFrame]:
    days = sorted(d for d in rows["_day"].dropna().unique())
    if len(days) <= 1:
        return [rows]
    if window_days > 0:
        # A change of hands is one event even when reports disagree on the day
        # ("on Saturday" in one, "last Thursday" in another): days within the window
        # collapse onto the earliest.
        canon: dict[object, object] = {}
        start = days[0]
        for d in days:
            if (pd.Timestamp(d) - pd.Timestamp(start)).days > window_days:
                start = d
            canon[d] = start
        rows = rows.copy()
        rows["_day"] = rows["_day"].map(lambda d: canon.get(d, d) if not pd.isna(d) else d)
        days = sorted(set(canon.values()))
        if len(days) <= 1:
            return [rows]
    undated = rows[rows["_day"].isna()]
    parts = {d: rows[rows["_day"] == d] for d in days}
    extra: dict[object, list[int]] = {d: [] for d in days}
    for idx, pub in zip(undated.index, undated["_pub"]):
        eligible = [d for d in days if pub is None or pd.isna(pub) or d <= pub]
        target = eligible[-1] if eligible else days[0]
        extra[target].append(idx)
    return [pd.concat([parts[d], undated.loc[extra[d]]]) for d in days]


def _event_row(g: pd.DataFrame) -> dict:
    g = g.sort_values(["_pub"], na_position="last", kind="stable")
    day = g["_day"].dropna()
    event_date = day.iloc[0] if len(day) else pd.NaT
    precisions = [p for p in g["date_precision"].dropna().astype(str) if p in _PRECISION_RANK and p != "day"]
    if len(day):
        precision = "day"
    elif precisions:
        precision = min(precisions, key=_PRECISION_RANK.__getitem__)
    else:
        precision = "unknown"
    # The representative quote: the earliest report, preferring one that dates the event.
    dated = g[g["_day"].notna() & g["sentence"].notna()]
    quote_src = dated if len(dated) else g[g["sentence"].notna()]
    quote = str(quote_src["sentence"].iloc[0]).strip() if len(quote_src) else None
    doc_ids = list(dict.fromkeys(str(d) for d in g["doc_id"].dropna()))
    sources = list(dict.fromkeys(str(s) for s in g["source_name"].dropna()))
    urls = list(dict.fromkeys(str(u) for u in g["url"].dropna()))
    attributed = list(dict.fromkeys(str(a) for a in g["attributed_to"].dropna() if str(a)))
    place_key = g["_place"].iloc[0]
    actor = g["actor"].iloc[0] if (g["actor"] != "unknown").sum() == 0 else g.loc[g["actor"] != "unknown", "actor"].iloc[0]
    activity = str(g["activity"].iloc[0])
    day_key = event_date.date().isoformat() if not pd.isna(event_date) else "undated"
    event_id = "ev_" + hashlib.sha1(f"{place_key}|{activity}|{actor}|{day_key}".encode()).hexdigest()[:12]
    killed = pd.to_numeric(g["casualties_killed"], errors="coerce").max()
    injured = pd.to_numeric(g["casualties_injured"], errors="coerce").max()
    pub = g["_pub"].dropna()
    contested = bool(g["contested"].fillna(False).astype(bool).any())
    return {
        "event_id": event_id,
        "place_id": _first_valid(g["place_id"]),
        "name": _first_valid(g["name"]) or _first_valid(g["text"]),
        "arabic": _first_valid(g["arabic"]),
        "kind": _first_valid(g["kind"]),
        "lat": _first_valid(g["lat"]),
        "lon": _first_valid(g["lon"]),
        "precision_m": _first_valid(g["precision_m"]),
        "approximate": _first_valid(g["approximate"]),
        "in_aleppo_area": _first_valid(g["in_aleppo_area"]),
        "activity": activity,
        "actor": actor,
        "event_date": event_date,
        "date_precision": precision,
        "n_reports": len(doc_ids),
        "n_mentions": len(g),
        "doc_ids": doc_ids,
        "sources": sources,
        "urls": urls,
        "first_published": pub.min() if len(pub) else pd.NaT,
        "last_published": pub.max() if len(pub) else pd.NaT,
        "quote": quote,
        "attributed_to": "; ".join(attributed) if attributed else None,
        "contested": contested,
        "casualties_killed": None if pd.isna(killed) else int(killed),
        "casualties_injured": None if pd.isna(injured) else int(injured),
    }


# Base confidence of what each activity says about control.
_CONTROL_EVIDENCE = {
    # activity: (holder is the actor? else the other side, base confidence)
    "capture": (True, 0.9),
    "repelled": (True, 0.6),
    "siege": (False, 0.5),
}
_TOO_BROAD = {"city", "governorate", "country"}
_OTHER_SIDE = {"government": "opposition", "opposition": "government"}


def control_timeline(events_df: pd.DataFrame) -> pd.DataFrame:
    """Per place and date, which side the reports say holds it.

    Reads the events table (:func:`events`). Evidence: a capture by X means X holds
    the place from that date (confidence 0.9); a repelled attack means the defender
    (the actor of ``repelled``) still holds it (0.6); a siege by X means the other
    side holds the besieged place (0.5). Cities, governorates and countries are left out
    (a divided city is not held by one side). A contested event counts at 60 %, an event
    with a single report at 85 %. Undated events are placed on their first
    publication date. When events for the same place and date disagree, the side with
    the most weight wins and its confidence is scaled by its share of the weight.

    Returns :data:`CONTROL_COLUMNS`: ``place_id``, ``name``, ``lat``/``lon`` (Float64),
    ``date`` (datetime64), ``holder`` (government/opposition/other/unknown),
    ``confidence`` (float 0..1), ``evidence`` (one line per supporting event) and
    ``event_ids`` (list), sorted by place and date.
    """
    if not isinstance(events_df, pd.DataFrame):
        raise TypeError(f"control_timeline() takes the events DataFrame, got {type(events_df).__name__}")
    _require(events_df, _REQUIRED_EVENT_COLUMNS, "events table")
    empty = pd.DataFrame({c: pd.Series(dtype="object") for c in CONTROL_COLUMNS})
    empty["date"] = pd.to_datetime(empty["date"])
    empty["confidence"] = empty["confidence"].astype(float)
    if events_df.empty:
        return empty
    ev = events_df.copy()
    for col in ("name", "lat", "lon", "first_published", "contested", "n_reports", "quote", "kind"):
        if col not in ev.columns:
            ev[col] = None
    claims = []
    for row in ev.itertuples(index=False):
        activity = str(row.activity)
        if activity not in _CONTROL_EVIDENCE or row.place_id is None or pd.isna(row.place_id):
            continue
        if row.kind is not None and not pd.isna(row.kind) and str(row.kind) in _TOO_BROAD:
            # A divided city or a country is not "held" by one side.
            continue
        same, base = _CONTROL_EVIDENCE[activity]
        actor = str(row.actor) if row.actor is not None and not pd.isna(row.actor) else "unknown"
        holder = actor if same else _OTHER_SIDE.get(actor, "unknown")
        if holder == "unknown":
            continue
        date = row.event_date if not pd.isna(row.event_date) else row.first_published
        if date is None or pd.isna(date):
            continue
        weight = base
        if bool(row.contested) if row.contested is not None and not pd.isna(row.contested) else False:
            weight *= 0.6
        n = row.n_reports if row.n_reports is not None and not pd.isna(row.n_reports) else 1
        if int(n) <= 1:
            weight *= 0.85
        quote = str(row.quote)[:160] if row.quote is not None and not pd.isna(row.quote) else ""
        evidence = f"{activity} by {actor} ({int(n)} report{'s' if int(n) != 1 else ''}): {quote}"
        claims.append({
            "place_id": row.place_id, "name": row.name, "lat": row.lat, "lon": row.lon,
            "date": pd.Timestamp(date).normalize(), "holder": holder, "weight": weight,
            "evidence": evidence, "event_id": row.event_id,
        })
    if not claims:
        return empty
    cl = pd.DataFrame(claims)
    out = []
    for (place, date), g in cl.groupby(["place_id", "date"], sort=True):
        by_side = g.groupby("holder")["weight"].sum().sort_values(ascending=False)
        holder = by_side.index[0]
        share = by_side.iloc[0] / by_side.sum()
        best = g[g["holder"] == holder]["weight"].max()
        out.append({
            "place_id": place, "name": g["name"].iloc[0], "lat": g["lat"].iloc[0], "lon": g["lon"].iloc[0],
            "date": date, "holder": holder, "confidence": round(float(min(1.0, best * share)), 3),
            "evidence": "\n".join(g["evidence"]), "event_ids": list(g["event_id"]),
        })
    res = pd.DataFrame(out, columns=CONTROL_COLUMNS)
    res["lat"] = pd.to_numeric(res["lat"], errors="coerce").astype("Float64")
    res["lon"] = pd.to_numeric(res["lon"], errors="coerce").astype("Float64")
    res["confidence"] = res["confidence"].astype(float)
    return res.sort_values(["place_id", "date"], kind="stable").reset_index(drop=True)
