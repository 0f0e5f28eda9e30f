"""``aleppo-geo evaluate``: score the pipeline against gold annotations.

    aleppo-geo evaluate --gold seeds_gold.jsonl --corpus seeds/ [--json] [--min-f1 0.97]

Prints precision, recall and F1 for Aleppo-area mentions (exact and overlapping spans)
and for all mentions, resolution accuracy, activity/actor/date accuracy when the pipeline
tags activity, and every miss, false hit and wrong place with its sentence (see
``aleppo_geo.evaluate`` for the definitions). Exit 0; with ``--min-f1 X``, exit 1 when
the Aleppo-area exact-span F1 is below X (for CI).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from aleppo_geo.cli import UserError


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``evaluate`` command."""
    parser = subparsers.add_parser(
        "evaluate", help="score extraction against gold annotations",
        description="Run extraction on a corpus and compare it with gold mentions.")
    parser.add_argument("--gold", required=True, type=Path, metavar="FILE",
                        help="gold JSONL (one article per line with its mentions)")
    parser.add_argument("--corpus", required=True, type=Path, metavar="DIR",
                        help="folder with the gold's article files")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--min-f1", type=float, default=None, metavar="X",
                        help="exit 1 if the Aleppo-area exact-span F1 is below X")
    parser.add_argument("--classifier", default="bundled", metavar="FILE",
                        help="activity classifier revising the rules: 'bundled' (default), a file "
                             "from `aleppo-geo train-activity`, or 'none' for the rules alone")
    parser.add_argument("--fast", action="store_true", help="evaluate the gazetteer-only pipeline")
    parser.add_argument("--gazetteer", metavar="FILE", type=Path,
                        help="a gazetteer CSV (or folder) instead of the bundled one")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from aleppo_geo.corpus import CorpusError
    from aleppo_geo.evaluate import GoldError, as_json, evaluate_corpus
    from aleppo_geo.pipeline import PipelineError, load_pipeline

    if not args.corpus.is_dir():
        raise UserError(f"--corpus {args.corpus}: not a folder")
    if args.min_f1 is not None and not 0 <= args.min_f1 <= 1:
        raise UserError("--min-f1 must be between 0 and 1")
    try:
        nlp = load_pipeline(fast=args.fast, gazetteer=args.gazetteer,
                            classifier=None if args.classifier == "none" else args.classifier)
        result = evaluate_corpus(args.gold, args.corpus, nlp=nlp)
    except (GoldError, CorpusError, PipelineError) as exc:
        raise UserError(str(exc)) from None
    print(as_json(result) if args.json else result.report())
    f1 = result.aleppo_exact.f1
    if args.min_f1 is not None and f1 < args.min_f1:
        print(f"aleppo-geo: Aleppo-area exact-span F1 {f1:.3f} is below --min-f1 {args.min_f1}",
              file=sys.stderr)
        return 1
    return 0
