"""``aleppo-geo gazetteer``: look up, search, validate, export and map the gazetteer.

    aleppo-geo gazetteer lookup "Hay al Huluk" [--json]
    aleppo-geo gazetteer search Shuqayf [--limit 5] [--json]
    aleppo-geo gazetteer validate [FILE]
    aleppo-geo gazetteer export --format geojson|csv -o FILE
    aleppo-geo gazetteer map -o FILE

Every sub-command reads the bundled gazetteer unless ``--gazetteer FILE`` names
another (a CSV file or a directory of them); add ``--extend`` to read ours and
then the user's file on top.
"""
from __future__ import annotations

import argparse
import html
import json
import sys
from pathlib import Path
from typing import Any

from aleppo_geo.cli import UserError

#: Marker colour of each kind on the gazetteer map (legend order).
KIND_COLOURS: dict[str, str] = {
    "neighbourhood": "#1f77b4",
    "district": "#17becf",
    "camp": "#8c564b",
    "hospital": "#d62728",
    "landmark": "#9467bd",
    "industrial_area": "#7f7f7f",
    "road": "#bcbd22",
    "airport": "#ff7f0e",
    "military_base": "#2ca02c",
    "town": "#e377c2",
    "village": "#f7b6d2",
    "city": "#000000",
    "region": "#aec7e8",
    "governorate": "#98df8a",
    "country": "#c49c94",
}


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``gazetteer`` command and its sub-commands."""
    parser = subparsers.add_parser(
        "gazetteer", help="look up, search, validate, export or map the place gazetteer",
        description="Work with the curated gazetteer of Aleppo's places.")
    parser.set_defaults(func=lambda args: _help(parser))
    sub = parser.add_subparsers(dest="gazetteer_command", metavar="SUBCOMMAND")

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--gazetteer", metavar="FILE", type=Path,
                       help="use this gazetteer CSV (or directory of CSVs) instead of the bundled one")
        p.add_argument("--extend", action="store_true",
                       help="with --gazetteer: load the bundled gazetteer, then FILE on top of it")
        return p

    p = add("lookup", "find the place a name refers to (any spelling reporters use)")
    p.add_argument("name", help='place name, e.g. "Hay al Huluk"')
    p.add_argument("--json", action="store_true", help="print the place as one JSON object")
    p.set_defaults(func=run_lookup)

    p = add("search", "fuzzy search: the places whose names are closest to NAME")
    p.add_argument("name")
    p.add_argument("--limit", type=_positive_int, default=5, help="at most N places (default 5)")
    p.add_argument("--json", action="store_true", help="print a JSON list of places with scores")
    p.set_defaults(func=run_search)

    p = add("validate", "check a gazetteer file; print every problem with its row and field")
    p.add_argument("file", nargs="?", type=Path,
                   help="CSV file or directory to check (default: the bundled gazetteer)")
    p.set_defaults(func=run_validate)

    p = add("export", "write the gazetteer as GeoJSON or CSV")
    p.add_argument("--format", choices=("geojson", "csv"), required=True)
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    p.set_defaults(func=run_export)

    p = add("map", "write an HTML map of every place, coloured by kind")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    p.set_defaults(func=run_map)


def _help(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _load(args: argparse.Namespace):
    from aleppo_geo.gazetteer import Gazetteer, GazetteerError

    path = getattr(args, "gazetteer", None)
    if getattr(args, "extend", False) and path is None:
        raise UserError("--extend needs --gazetteer FILE (the file to add to the bundled gazetteer)")
    try:
        return Gazetteer.load(path, extend=bool(getattr(args, "extend", False)))
    except GazetteerError as exc:
        raise UserError(f"the gazetteer has problems (run 'aleppo-geo gazetteer validate'):\n{exc}") from None


def place_json(place) -> dict[str, Any]:
    """The JSON object ``lookup --json`` prints for a place."""
    return {
        "id": place.id,
        "name": place.name,
        "kind": place.kind,
        "lat": place.lat,
        "lon": place.lon,
        "precision_m": place.precision_m,
        "approximate": place.approximate,
        "arabic": place.arabic,
        "aliases": list(place.aliases),
        "shared_aliases": list(place.shared_aliases),
        "parent": place.parent,
        "source": place.source,
        "notes": place.notes,
    }


def run_lookup(args: argparse.Namespace) -> int:
    gaz = _load(args)
    place = gaz.lookup(args.name)
    if place is None:
        others = gaz.candidates(args.name)
        if others:
            # The key is declared ambiguous with no default owner.
            listed = ", ".join(f"{p.name} ({p.id})" for p in others)
            print(f"'{args.name}' is ambiguous; it may be: {listed}", file=sys.stderr)
            return 1
        closest = gaz.search(args.name, limit=3)
        hint = ", ".join(f"{p.name} ({p.id})" for p, _ in closest)
        print(f"no place named {args.name}" + (f"; closest: {hint}" if hint else ""), file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(place_json(place), ensure_ascii=False))
        return 0
    lines = [
        f"{place.name} ({place.id}), {place.kind.replace('_', ' ')}",
        f"  at {place.lat:.5f}, {place.lon:.5f} (within ~{place.precision_m} m"
        + (", approximate" if place.approximate else "") + ")",
    ]
    if place.arabic:
        lines.append(f"  arabic: {place.arabic}")
    if place.aliases:
        lines.append(f"  aliases: {', '.join(place.aliases)}")
    if place.parent:
        lines.append(f"  parent: {place.parent}")
    lines.append(f"  source: {place.source}")
    others = [p for p in gaz.candidates(args.name) if p.id != place.id]
    if others:
        lines.append("  also called this: " + ", ".join(f"{p.name} ({p.id})" for p in others))
    print("\n".join(lines))
    return 0


def run_search(args: argparse.Namespace) -> int:
    gaz = _load(args)
    results = gaz.search(args.name, limit=args.limit)
    if args.json:
        print(json.dumps([{**place_json(p), "score": s} for p, s in results], ensure_ascii=False))
        return 0 if results else 1
    if not results:
        print(f"no place resembles {args.name}", file=sys.stderr)
        return 1
    width = max(len(p.id) for p, _ in results)
    for place, score in results:
        print(f"{score:.2f}  {place.id:<{width}}  {place.name} ({place.kind})")
    return 0


def run_validate(args: argparse.Namespace) -> int:
    from aleppo_geo.gazetteer import Gazetteer, GazetteerError

    target = args.file if args.file is not None else args.gazetteer
    try:
        gaz = Gazetteer.load(target, extend=args.extend) if target is not None else Gazetteer.load()
    except GazetteerError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"{len(exc.problems)} problem(s) found", file=sys.stderr)
        return 1
    print(f"OK: {len(gaz)} places")
    return 0


def run_export(args: argparse.Namespace) -> int:
    from aleppo_geo.gazetteer import atomic_write_text

    gaz = _load(args)
    if args.format == "geojson":
        text = json.dumps(gaz.to_geojson(), ensure_ascii=False, indent=1) + "\n"
    else:
        text = gaz.to_csv()
    _check_output(args.output)
    atomic_write_text(args.output, text)
    print(f"wrote {len(gaz)} places to {args.output}")
    return 0


def _check_output(path: Path) -> None:
    if path.is_dir():
        raise UserError(f"{path} is a directory; give a file name with -o")


def gazetteer_map(gaz, *, title: str = "aleppo-geo gazetteer"):
    """A :class:`folium.Map` with every place of ``gaz`` as a circle coloured by kind.

    Popups show the (HTML-escaped) name, Arabic name, kind, precision and source;
    approximate places get a dashed circle of their precision radius.
    """
    import folium
    from branca.element import Element

    from aleppo_geo.gazetteer import CITADEL

    fmap = folium.Map(location=list(CITADEL), zoom_start=12, control_scale=True)
    groups: dict[str, Any] = {}
    local = [p for p in gaz if p.in_aleppo_area]
    for place in gaz:
        colour = KIND_COLOURS.get(place.kind, "#333333")
        if place.kind not in groups:
            groups[place.kind] = folium.FeatureGroup(name=html.escape(place.kind.replace("_", " ")))
        group = groups[place.kind]
        rows = [f"<b>{html.escape(place.name)}</b>"]
        if place.arabic:
            rows.append(f'<span dir="rtl" lang="ar">{html.escape(place.arabic)}</span>')
        rows.append(html.escape(f"{place.kind.replace('_', ' ')} · id {place.id}"))
        rows.append(html.escape(f"within ~{place.precision_m} m"
                                + (" (approximate: no coordinate of its own)" if place.approximate else "")))
        if place.aliases:
            rows.append("also: " + html.escape(", ".join(place.aliases[:8])))
        rows.append("source: " + html.escape(place.source))
        popup = folium.Popup("<br>".join(rows), max_width=320)
        folium.CircleMarker(
            location=[place.lat, place.lon], radius=6, color=colour, weight=2,
            fill=True, fill_color=colour, fill_opacity=0.8, popup=popup,
            tooltip=html.escape(place.name),
        ).add_to(group)
        if place.approximate and place.precision_m <= 50_000:
            folium.Circle(
                location=[place.lat, place.lon], radius=place.precision_m, color=colour,
                weight=1, dash_array="4 4", fill=False,
            ).add_to(group)
    for kind in KIND_COLOURS:
        if kind in groups:
            groups[kind].add_to(fmap)
    folium.LayerControl(collapsed=True).add_to(fmap)
    if local:
        lats = [p.lat for p in local]
        lons = [p.lon for p in local]
        fmap.fit_bounds([[min(lats), min(lons)], [max(lats), max(lons)]])
    legend_rows = "".join(
        f'<div><span style="display:inline-block;width:10px;height:10px;border-radius:5px;'
        f'background:{colour};margin-right:6px"></span>{html.escape(kind.replace("_", " "))}</div>'
        for kind, colour in KIND_COLOURS.items() if kind in groups
    )
    legend = (
        '<div class="aleppo-geo-legend" style="position:fixed;bottom:24px;left:12px;z-index:9999;'
        'background:white;padding:8px 10px;border:1px solid #999;border-radius:4px;'
        f'font:12px sans-serif"><b>{html.escape(title)}</b><br>{legend_rows}</div>'
    )
    fmap.get_root().html.add_child(Element(legend))
    return fmap


def run_map(args: argparse.Namespace) -> int:
    from aleppo_geo.gazetteer import atomic_write_text

    gaz = _load(args)
    _check_output(args.output)
    fmap = gazetteer_map(gaz)
    atomic_write_text(args.output, fmap.get_root().render())
    print(f"wrote a map of {len(gaz)} places to {args.output}")
    return 0
