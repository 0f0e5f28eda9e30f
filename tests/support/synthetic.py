"""Synthetic mention and events tables that follow the team contract's columns exactly.

The map tests and the benchmark build on these so they do not depend on extraction.
"""
from __future__ import annotations

import random
from typing import Any

import pandas as pd

ACTIVITY_CATS = ["airstrike", "shelling", "ground_advance", "capture", "repelled", "clashes",
                 "casualties", "siege", "humanitarian", "evacuation", "none"]
ACTOR_CATS = ["government", "opposition", "other", "unknown"]
MATCH_CATS = ["exact", "variant", "fuzzy", "unresolved"]
PRECISION_CATS = ["day", "week", "month", "season", "unknown"]
KIND_CATS = ["neighbourhood", "district", "camp", "hospital", "landmark", "industrial_area",
             "road", "airport", "military_base", "town", "village", "city", "region",
             "governorate", "country"]

# A few real places (approximate centroids) to make maps look like Aleppo.
PLACES: list[dict[str, Any]] = [
    dict(place_id="handarat", name="Handarat", arabic="حندرات", kind="village", lat=36.2842, lon=37.1808, precision_m=1000, approximate=False),
    dict(place_id="kindi_hospital", name="al-Kindi hospital", arabic="مشفى الكندي", kind="hospital", lat=36.2620, lon=37.1730, precision_m=2000, approximate=True),
    dict(place_id="shuqayyif", name="Shuqayyif industrial area", arabic="الشقيف", kind="industrial_area", lat=36.2551, lon=37.1657, precision_m=800, approximate=False),
    dict(place_id="farafra", name="Farafra", arabic="الفرافرة", kind="neighbourhood", lat=36.2036, lon=37.1579, precision_m=300, approximate=False),
    dict(place_id="bab_al_antakya", name="Bab al-Antakya", arabic="باب أنطاكية", kind="landmark", lat=36.1990, lon=37.1512, precision_m=100, approximate=False),
    dict(place_id="sheikh_saeed", name="Sheikh Saeed", arabic="الشيخ سعيد", kind="neighbourhood", lat=36.1547, lon=37.1719, precision_m=600, approximate=False),
    dict(place_id="bustan_al_qasr", name="Bustan al-Qasr", arabic="بستان القصر", kind="neighbourhood", lat=36.1941, lon=37.1351, precision_m=300, approximate=False),
    dict(place_id="heluk", name="al-Halak", arabic="الهلك", kind="neighbourhood", lat=36.2248, lon=37.1622, precision_m=400, approximate=False),
    dict(place_id="fardous", name="Fardous", arabic="الفردوس", kind="neighbourhood", lat=36.1890, lon=37.1492, precision_m=300, approximate=False),
    dict(place_id="karm_homad", name="Karm Homad", arabic="كرم حومد", kind="neighbourhood", lat=36.1830, lon=37.1750, precision_m=300, approximate=False),
    dict(place_id="al_shaar", name="al-Shaar", arabic="الشعار", kind="neighbourhood", lat=36.2100, lon=37.1830, precision_m=400, approximate=False),
    dict(place_id="bustan_al_basha", name="Bustan al-Basha", arabic="بستان الباشا", kind="neighbourhood", lat=36.2222, lon=37.1556, precision_m=300, approximate=False),
]

OUTLETS = [("Reuters", "https://www.reuters.com/article/"), ("AFP", "https://www.afp.com/en/news/"),
           ("Al Jazeera", "https://www.aljazeera.com/news/"), ("BBC News", "https://www.bbc.com/news/")]


def mention_row(place: dict[str, Any] | None = None, *, activity: str = "shelling",
                actor: str | None = "government", date: str | None = "2016-10-01",
                sentence: str = "Shells fell on the district overnight.", doc_id: str = "d1",
                source_name: str = "Reuters", url: str | None = "https://www.reuters.com/article/1",
                contested: bool = False, match: str = "exact", **over: Any) -> dict[str, Any]:
    """One mention row with every contract column (unresolved when place is None)."""
    place = place or {}
    unresolved = match == "unresolved" or not place
    row = {
        "doc_id": doc_id, "published": pd.Timestamp(date) if date else pd.NaT,
        "title": f"Report {doc_id}", "source_name": source_name, "url": url,
        "sent_id": 0, "start": 0, "end": 5, "text": place.get("name", "Somewhere"),
        "place_id": None if unresolved else place["place_id"],
        "name": None if unresolved else place["name"],
        "kind": None if unresolved else place["kind"],
        "lat": None if unresolved else place["lat"], "lon": None if unresolved else place["lon"],
        "precision_m": None if unresolved else place["precision_m"],
        "approximate": None if unresolved else place["approximate"],
        "arabic": None if unresolved else place["arabic"],
        "match": "unresolved" if unresolved else match, "score": 0.0 if unresolved else 1.0,
        "in_aleppo_area": None if unresolved else True,
        "activity": activity, "actor": None if activity == "none" else actor,
        "event_date": pd.Timestamp(date) if date else pd.NaT,
        "date_precision": "day" if date else "unknown", "attributed_to": None,
        "contested": contested, "casualties_killed": None, "casualties_injured": None,
        "sentence": sentence,
    }
    row.update(over)
    return row


def mention_table(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """A DataFrame with the contract's dtypes."""
    df = pd.DataFrame(rows)
    df["published"] = pd.to_datetime(df["published"])
    df["event_date"] = pd.to_datetime(df["event_date"])
    for col in ("sent_id", "start", "end"):
        df[col] = df[col].astype(int)
    df["kind"] = pd.Categorical(df["kind"], categories=KIND_CATS)
    df["lat"] = df["lat"].astype("Float64")
    df["lon"] = df["lon"].astype("Float64")
    df["precision_m"] = df["precision_m"].astype("Int64")
    df["approximate"] = df["approximate"].astype("boolean")
    df["in_aleppo_area"] = df["in_aleppo_area"].astype("boolean")
    df["contested"] = df["contested"].astype("boolean")
    df["match"] = pd.Categorical(df["match"], categories=MATCH_CATS)
    df["activity"] = pd.Categorical(df["activity"], categories=ACTIVITY_CATS)
    df["actor"] = pd.Categorical(df["actor"], categories=ACTOR_CATS)
    df["date_precision"] = pd.Categorical(df["date_precision"], categories=PRECISION_CATS)
    df["score"] = df["score"].astype(float)
    for col in ("casualties_killed", "casualties_injured"):
        df[col] = df[col].astype("Int64")
    return df


def events_table(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """An events table (contract columns) from dicts giving at least place + activity."""
    out = []
    for i, r in enumerate(rows):
        place = r.get("place") or PLACES[0]
        date = r.get("date", "2016-10-01")
        out.append({
            "event_id": r.get("event_id", f"e{i}"), "place_id": place["place_id"], "name": place["name"],
            "arabic": place["arabic"], "kind": place["kind"], "lat": place["lat"], "lon": place["lon"],
            "precision_m": place["precision_m"], "approximate": place["approximate"], "in_aleppo_area": True,
            "activity": r.get("activity", "airstrike"), "actor": r.get("actor", "government"),
            "event_date": pd.Timestamp(date) if date else pd.NaT, "date_precision": "day" if date else "unknown",
            "n_reports": r.get("n_reports", 1), "doc_ids": r.get("doc_ids", ["d1"]),
            "sources": r.get("sources", ["Reuters"]), "urls": r.get("urls", ["https://www.reuters.com/a"]),
            "first_published": pd.Timestamp(date) if date else pd.NaT,
            "last_published": pd.Timestamp(date) if date else pd.NaT,
            "quote": r.get("quote", "Warplanes struck the area."), "attributed_to": r.get("attributed_to"),
            "contested": r.get("contested", False), "casualties_killed": r.get("killed"),
            "casualties_injured": r.get("injured"),
        })
    df = pd.DataFrame(out)
    df["lat"] = df["lat"].astype("Float64")
    df["lon"] = df["lon"].astype("Float64")
    df["precision_m"] = df["precision_m"].astype("Int64")
    df["approximate"] = df["approximate"].astype("boolean")
    df["activity"] = pd.Categorical(df["activity"], categories=ACTIVITY_CATS)
    df["actor"] = pd.Categorical(df["actor"], categories=ACTOR_CATS)
    df["n_reports"] = df["n_reports"].astype(int)
    for col in ("casualties_killed", "casualties_injured"):
        df[col] = df[col].astype("Int64")
    return df


def large_mentions(n: int = 100_000, *, seed: int = 7, n_events: int | None = None) -> pd.DataFrame:
    """n mentions of ~n/8 underlying events (reports corroborate each other), 2016 dates."""
    rng = random.Random(seed)
    n_events = n_events or max(1, n // 8)
    acts = ACTIVITY_CATS[:-1]
    base = pd.Timestamp("2016-01-01")
    extra_places = [dict(place_id=f"p{i}", name=f"Place {i}", arabic="مكان", kind="neighbourhood",
                         lat=36.13 + rng.random() * 0.16, lon=37.07 + rng.random() * 0.2,
                         precision_m=500, approximate=rng.random() < 0.2) for i in range(140)]
    places = PLACES + extra_places
    events = [(rng.choice(places), rng.choice(acts), rng.choice(ACTOR_CATS),
               (base + pd.Timedelta(days=rng.randrange(366))).strftime("%Y-%m-%d")) for _ in range(n_events)]
    rows = []
    for i in range(n):
        r = rng.random()
        if r < 0.05:
            rows.append(mention_row(None, activity="none", doc_id=f"d{i // 6}", match="unresolved"))
            continue
        place, act, actor, date = events[rng.randrange(n_events)]
        outlet, base_url = OUTLETS[rng.randrange(len(OUTLETS))]
        if r < 0.15:
            act = "none"
        rows.append(mention_row(place, activity=act, actor=actor, date=date, doc_id=f"d{i // 6}",
                                source_name=outlet, url=f"{base_url}{i // 6}",
                                sentence=f"Report {i}: {act.replace('_', ' ')} in {place['name']} on {date}, "
                                         "residents and monitors said."))
    return mention_table(rows)
