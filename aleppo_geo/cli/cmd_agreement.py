"""``aleppo-geo agreement``: how far two annotations of the same reports agree.

    aleppo-geo agreement FIRST.jsonl SECOND.jsonl [--json]

Both files are gold JSONL (the shape ``aleppo-geo evaluate`` reads). Prints, over the
Aleppo-area mentions both annotate with the same span, the share with the same activity
(and Cohen's kappa), actor and event date, and which activities the annotators traded
(see ``aleppo_geo.agreement``). What two careful people agree on is the most a tool can
be expected to reproduce.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from aleppo_geo.cli import UserError


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``agreement`` command."""
    parser = subparsers.add_parser(
        "agreement", help="agreement between two annotations of the same reports",
        description="Compare two gold annotations of the same reports: activity, actor, date.")
    parser.add_argument("first", type=Path, metavar="FIRST", help="gold JSONL of the first annotator")
    parser.add_argument("second", type=Path, metavar="SECOND", help="gold JSONL of the second annotator")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from aleppo_geo.agreement import agreement, as_json
    from aleppo_geo.evaluate import GoldError

    try:
        result = agreement(args.first, args.second)
    except GoldError as exc:
        raise UserError(str(exc)) from None
    if result.matched == 0:
        raise UserError(f"{args.first} and {args.second} share no Aleppo-area mention span: "
                        "are they annotations of the same reports?")
    print(as_json(result) if args.json else result.report())
    return 0
