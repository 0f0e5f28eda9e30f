"""``aleppo-geo train-activity``: train the activity classifier on annotated reports.

    aleppo-geo train-activity --set seeds_gold.jsonl:corpus/seeds [--set G:DIR ...] -o model.json
    aleppo-geo train-activity --set ... --held-out    # leave-one-set-out table, no model

Each ``--set`` is a gold JSONL file and the folder with its articles (see ``aleppo-geo
evaluate``). The model revises the rules' activity and actor; use it with
``load_pipeline(classifier="model.json")`` or ``--classifier`` on ``extract``/``evaluate``.
``--held-out`` trains once per set on the other sets and prints, for each held-out set,
activity and actor accuracy with the rules alone and with the classifier.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from aleppo_geo.cli import UserError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "train-activity", help="train the activity classifier on gold annotations",
        description="Train the classifier that revises the activity rules, from gold sets.")
    parser.add_argument("--set", dest="sets", action="append", required=True, metavar="GOLD:DIR",
                        help="a gold JSONL file and its corpus folder, joined by ':' (repeatable)")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="where to write the model (JSON)")
    parser.add_argument("--held-out", action="store_true",
                        help="print a leave-one-set-out table instead of writing a model")
    parser.set_defaults(func=run)


def _parse_set(value: str) -> tuple[str, Path, Path]:
    gold, sep, corpus = value.rpartition(":")
    if not sep or not gold or not corpus:
        raise UserError(f"--set {value!r}: expected GOLD.jsonl:CORPUS_DIR")
    gold_path, corpus_dir = Path(gold), Path(corpus)
    if not gold_path.is_file():
        raise UserError(f"--set {value!r}: gold file {gold_path} not found")
    if not corpus_dir.is_dir():
        raise UserError(f"--set {value!r}: corpus folder {corpus_dir} not found")
    name = corpus_dir.name if gold_path.parent == corpus_dir else gold_path.stem
    return name, gold_path, corpus_dir


def run(args: argparse.Namespace) -> int:
    from aleppo_geo.evaluate import GoldError
    from aleppo_geo.pipeline import PipelineError, load_pipeline
    from aleppo_geo.train import gold_examples, leave_one_set_out, train_classifier

    if not args.held_out and args.output is None:
        raise UserError("give -o FILE for the model, or --held-out for a leave-one-set-out table")
    sets = [_parse_set(v) for v in args.sets]
    names = [n for n, _g, _c in sets]
    if len(set(names)) != len(names):
        sets = [(f"{n}#{i}", g, c) for i, (n, g, c) in enumerate(sets, 1)]
    try:
        nlp = load_pipeline(classifier=None)
        examples = gold_examples(sets, nlp=nlp)
    except (GoldError, PipelineError) as exc:
        raise UserError(str(exc)) from None
    if not examples:
        raise UserError("no gold mention matched a mention the pipeline found: nothing to train on")
    if args.held_out:
        if len(sets) < 2:
            raise UserError("--held-out needs at least two --set")
        print(f"{'held-out set':16} {'mentions':>8}   rules: activity  actor   classifier: activity  actor")
        rows = leave_one_set_out(examples)
        for r in rows:
            print(f"{r.set_name:16} {r.mentions:8}          {r.rules_activity:.3f}  {r.rules_actor:.3f}"
                  f"                {r.classifier_activity:.3f}  {r.classifier_actor:.3f}")
        n = sum(r.mentions for r in rows)
        mean = [sum(getattr(r, a) * r.mentions for r in rows) / n for a in (
            "rules_activity", "rules_actor", "classifier_activity", "classifier_actor")]
        print(f"{'all (micro)':16} {n:8}          {mean[0]:.3f}  {mean[1]:.3f}                {mean[2]:.3f}  {mean[3]:.3f}")
        return 0
    model = train_classifier(examples)
    model.save(args.output)
    print(f"trained on {len(examples)} mentions from {len(sets)} set(s); wrote {args.output}")
    return 0
