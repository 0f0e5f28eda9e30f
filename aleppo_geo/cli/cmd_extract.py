"""``aleppo-geo extract``: find and resolve the places named in reports.

    aleppo-geo extract reports/ more.jsonl [--format jsonl|csv|geojson] [-o FILE]
                       [--published YYYY-MM-DD] [--fast] [--n-process N]

Output, one record per mention with the mention table's columns (see
``aleppo_geo.mentions``): JSONL (default; dates as ``YYYY-MM-DD``, missing values as
``null``), CSV (same columns, empty cells for missing values) or GeoJSON (a
FeatureCollection of points, resolved mentions only). Written to stdout unless ``-o``
names a file; a file is written to a temporary name beside it and renamed when complete,
so an interrupted run never leaves half a file.

Exit codes: 0 all inputs read; 3 some inputs were skipped (binary, empty or undecodable
files -- each is named in a warning on stderr; the rest was processed); 2 usage errors.
"""
from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as _dt
import json
import math
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from aleppo_geo.cli import UserError

#: Exit code when some inputs could not be read and were skipped.
EXIT_SKIPPED = 3

FORMATS = ("jsonl", "csv", "geojson")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``extract`` command."""
    parser = subparsers.add_parser(
        "extract", help="find and resolve the places named in reports",
        description="Find every place mention in the reports and resolve it to the gazetteer. "
                    f"Exit code {EXIT_SKIPPED} means some inputs were skipped (see warnings).")
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="report files (.txt, .jsonl, .csv, .json) or folders of them")
    parser.add_argument("--format", choices=FORMATS, default=None,
                        help="output format (default: from the -o suffix, else jsonl)")
    parser.add_argument("-o", "--output", metavar="FILE", type=Path,
                        help="write here (atomically) instead of stdout")
    parser.add_argument("--published", metavar="YYYY-MM-DD",
                        help="publication date for reports that do not carry one")
    parser.add_argument("--classifier", default="bundled", metavar="FILE",
                        help="activity classifier revising the rules: 'bundled' (default), a file "
                             "from `aleppo-geo train-activity`, or 'none' for the rules alone")
    parser.add_argument("--fast", action="store_true",
                        help="gazetteer only: no parser/NER (several times faster; no activity "
                             "columns, no unresolved mentions)")
    parser.add_argument("--n-process", type=int, default=1, metavar="N",
                        help="worker processes for spaCy (default 1)")
    parser.add_argument("--batch-size", type=int, default=16, metavar="N",
                        help="reports per spaCy batch (default 16)")
    parser.add_argument("--gazetteer", metavar="FILE", type=Path,
                        help="a gazetteer CSV (or folder of CSVs) to use instead of the bundled one")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from aleppo_geo.corpus import CorpusError, load_articles
    from aleppo_geo.mentions import COLUMNS, iter_mentions
    from aleppo_geo.pipeline import PipelineError, load_pipeline

    fmt = args.format or _format_from_suffix(args.output) or "jsonl"
    if args.n_process < 1:
        raise UserError("--n-process must be at least 1")
    if args.batch_size < 1:
        raise UserError("--batch-size must be at least 1")
    if args.output is not None and args.output.is_dir():
        raise UserError(f"-o {args.output}: is a folder; give a file name")
    try:
        reader = load_articles(*[Path(p) for p in args.paths], published=args.published)
    except CorpusError as exc:
        raise UserError(str(exc)) from None
    try:
        nlp = load_pipeline(fast=args.fast, gazetteer=args.gazetteer,
                            classifier=None if args.classifier == "none" else args.classifier)
    except PipelineError as exc:
        raise UserError(str(exc)) from None

    rows = iter_mentions(reader, nlp=nlp, n_process=args.n_process,
                         batch_size=args.batch_size, progress=_show_progress())
    writer = {"jsonl": _write_jsonl, "csv": _write_csv, "geojson": _write_geojson}[fmt]
    with _destination(args.output) as out:
        writer(out, rows, COLUMNS)
    if reader.skipped:
        # Each skipped input was already named in a warning as it was met.
        print(f"aleppo-geo: {len(reader.skipped)} input(s) skipped; the rest was processed "
              f"(exit code {EXIT_SKIPPED})", file=sys.stderr)
        return EXIT_SKIPPED
    return 0


def _format_from_suffix(path: Path | None) -> str | None:
    if path is None:
        return None
    return {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".geojson": "geojson",
            ".json": "geojson"}.get(path.suffix.lower())


def _show_progress() -> bool:
    # A bar only helps a person watching a terminal; never pollute logs or pipes.
    return sys.stderr.isatty()


@contextlib.contextmanager
def _destination(path: Path | None) -> Iterator[IO[str]]:
    """stdout, or a temp file beside ``path`` renamed over it only on success."""
    if path is None:
        try:
            yield sys.stdout
            sys.stdout.flush()
        except BrokenPipeError:
            # The reader went away (`| head`): not an error; silence the flush at exit.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UserError(f"-o {path}: folder {folder} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            yield fh
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _plain(value: Any) -> Any:
    """A JSON/CSV-friendly value: dates as YYYY-MM-DD, NaN/NA as None."""
    if value is None:
        return None
    if isinstance(value, (_dt.datetime, _dt.date)):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        with contextlib.suppress(Exception):
            return _plain(value.item())  # numpy scalars
    try:
        import pandas as pd

        if value is pd.NA or value is pd.NaT:
            return None
    except ImportError:  # pragma: no cover
        pass
    return value


def _write_jsonl(out: IO[str], rows: Any, columns: list[str]) -> None:
    for row in rows:
        record = {c: _plain(row.get(c)) for c in columns}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


def _write_csv(out: IO[str], rows: Any, columns: list[str]) -> None:
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if (v := _plain(row.get(c))) is None else v for c in columns])


def _write_geojson(out: IO[str], rows: Any, columns: list[str]) -> None:
    # Streamed as text so memory stays flat for large corpora.
    out.write('{"type": "FeatureCollection", "features": [\n')
    first = True
    for row in rows:
        lat, lon = _plain(row.get("lat")), _plain(row.get("lon"))
        if lat is None or lon is None:
            continue  # unresolved: no point to draw
        props = {c: _plain(row.get(c)) for c in columns if c not in ("lat", "lon")}
        feature = {"type": "Feature",
                   "geometry": {"type": "Point", "coordinates": [float(lon), float(lat)]},
                   "properties": props}
        out.write(("" if first else ",\n") + json.dumps(feature, ensure_ascii=False))
        first = False
    out.write("\n]}\n")
