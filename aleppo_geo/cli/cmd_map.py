"""``aleppo-geo map``: reports in, an interactive HTML map of reported activity out.

    aleppo-geo map reports/ -o map.html [--title T] [--from 2016-09-01] [--to 2016-12-22]
                   [--activity airstrike shelling ...] [--self-contained] [--asset-dir DIR]
    aleppo-geo map --sample -o out/demo_map.html      # the bundled sample dispatches

Extraction shows a progress bar over articles on stderr; the output path is printed on
stdout. ``--self-contained`` inlines Leaflet and its plugins so the file opens offline
(tiles still need the network: offline, markers show on a blank background).
"""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import Any

import pandas as pd

from aleppo_geo.cli import UserError

log = logging.getLogger(__name__)

_ACTIVITY_CHOICES = ("airstrike", "shelling", "ground_advance", "capture", "repelled", "clashes",
                     "casualties", "siege", "humanitarian", "evacuation")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``map`` command."""
    p = subparsers.add_parser(
        "map", help="map the places and activity reported in articles (HTML)",
        description="Extract place mentions and reported activity from articles and write "
                    "an interactive Leaflet map (one layer per activity type).")
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="article files or folders (.txt, .md, .html, .jsonl, .csv)")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE", help="HTML file to write")
    p.add_argument("--sample", action="store_true", help="map the sample dispatches bundled with aleppo-geo")
    p.add_argument("--title", help="title shown on the map")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="only events on or after DATE (YYYY-MM-DD)")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="only events on or before DATE (YYYY-MM-DD)")
    p.add_argument("--activity", nargs="+", choices=_ACTIVITY_CHOICES, metavar="A",
                   help="only these activity types: " + ", ".join(_ACTIVITY_CHOICES))
    p.add_argument("--self-contained", action="store_true",
                   help="inline the map's JavaScript/CSS so it opens without network (tiles excepted)")
    p.add_argument("--asset-dir", type=Path, metavar="DIR",
                   help="with --self-contained: take Leaflet/plugin files from DIR instead of downloading")
    p.add_argument("--no-tiles", action="store_true", help="no background map tiles (blank background)")
    p.add_argument("--fast", action="store_true", help="gazetteer-only pipeline (no statistical NER)")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--events", dest="level", action="store_const", const="events",
                       help="one marker per corroborated event (default)")
    group.add_argument("--mentions", dest="level", action="store_const", const="mentions",
                       help="one marker per place, activity, side and day, straight from the mentions")
    p.set_defaults(func=run, level="events")


def _parse_day(value: str | None, flag: str) -> pd.Timestamp | None:
    if value is None:
        return None
    try:
        day = pd.Timestamp(value)
    except (ValueError, TypeError):
        day = pd.NaT
    if pd.isna(day):
        raise UserError(f"{flag} {value!r}: expected a date such as 2016-12-01")
    return day.normalize()


def _articles(args: argparse.Namespace) -> Any:
    from aleppo_geo import corpus

    if args.sample:
        if args.paths:
            raise UserError("give either --sample or article PATHs, not both")
        return corpus.sample_articles()
    if not args.paths:
        raise UserError("no articles: give one or more PATHs, or --sample for the bundled dispatches")
    try:
        return corpus.load_articles(*args.paths)
    except corpus.CorpusError as exc:
        raise UserError(str(exc)) from None


def _in_range(table: pd.DataFrame, start: pd.Timestamp | None, end: pd.Timestamp | None) -> pd.DataFrame:
    if start is None and end is None:
        return table
    day = pd.to_datetime(table["event_date"], errors="coerce").dt.normalize()
    keep = day.notna()
    if start is not None:
        keep &= day >= start
    if end is not None:
        keep &= day <= end
    return table.loc[keep]


def run(args: argparse.Namespace) -> int:
    from aleppo_geo.export import AssetError, ExportError, save_map
    from aleppo_geo.maps import MapError, activity_map
    from aleppo_geo.mentions import extract

    start = _parse_day(args.date_from, "--from")
    end = _parse_day(args.date_to, "--to")
    if start is not None and end is not None and start > end:
        raise UserError(f"--from {start.date()} is after --to {end.date()}")
    if args.asset_dir is not None and not args.self_contained:
        raise UserError("--asset-dir only applies with --self-contained")
    if args.output.is_dir():
        raise UserError(f"{args.output} is a directory; give a file name such as {args.output / 'map.html'}")

    articles = _articles(args)
    mentions = extract(articles, progress=True, fast=args.fast)
    for skipped in mentions.attrs.get("skipped", []):
        log.warning("skipped %s", skipped)
    if mentions.empty:
        raise UserError("no place mentions found in the articles")

    table = mentions
    if args.level == "events":
        try:
            from aleppo_geo.events import events as build_events
        except ImportError:
            log.warning("events are not available in this version; mapping mentions")
        else:
            table = build_events(mentions)
    table = _in_range(table, start, end)
    try:
        m = activity_map(
            table,
            title=args.title,
            tiles=None if args.no_tiles else "OpenStreetMap",
            activities=args.activity,
            mentions=mentions,
        )
        path = save_map(m, args.output, self_contained=args.self_contained, asset_dir=args.asset_dir)
    except AssetError as exc:
        raise UserError(f"{exc} (or drop --self-contained)") from None
    except (MapError, ExportError) as exc:
        raise UserError(str(exc)) from None
    print(path.resolve())
    return 0


if __name__ == "__main__":  # pragma: no cover - for `python -m aleppo_geo.cli.cmd_map`
    from aleppo_geo.cli import main

    sys.exit(main(["map", *sys.argv[1:]]))
