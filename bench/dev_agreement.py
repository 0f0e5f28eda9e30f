"""The ceiling and the gap: human agreement against the pipeline, set by set (not a test).

Usage::

    .venv/bin/python bench/dev_agreement.py

For every challenge set that ships a ``second_annotator.jsonl`` (a second, independent
annotation of its Aleppo-area mentions), prints:

* how far the two annotators agree (activity, actor);
* the pipeline's activity and actor accuracy against the set's gold - the rules alone,
  and with a classifier trained on every *other* set (the bundled one has seen this set);
* the same two scores on the mentions both annotators label alike (the *consensus*),
  where a disagreement with the tool cannot be blamed on an unsettled convention.
"""
from __future__ import annotations

import logging
from pathlib import Path

from aleppo_geo.agreement import agreement
from aleppo_geo.pipeline import load_pipeline
from aleppo_geo.train import gold_examples, score, train_classifier

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"


def _line(name, n, human, rules, learned, m, rules_agreed, learned_agreed) -> str:
    pair = "{0[0]:.3f}/{0[1]:.3f}".format
    return (f"{name:<14}{n:>5}  {pair(human):>11}  {pair(rules):>11}  {pair(learned):>11}   {m:>9}  "
            f"{pair(rules_agreed):>11}  {pair(learned_agreed):>11}")


def main() -> int:
    logging.getLogger("aleppo_geo").setLevel(logging.ERROR)
    sets = [(p.name, p / "gold.jsonl", p) for p in sorted(DATA.glob("challenge*")) if (p / "gold.jsonl").is_file()]
    examples = gold_examples(sets, nlp=load_pipeline(classifier=None))
    print(f"{'set':<14}{'n':>5}  {'humans':>11}  {'rules':>11}  {'+classifier':>11}   "
          f"{'consensus':>9}  {'rules':>11}  {'+classifier':>11}")
    rows = []
    for name, gold, folder in sets:
        second = folder / "second_annotator.jsonl"
        if not second.is_file():
            continue
        human = agreement(gold, second)
        held = [e for e in examples if e.set_name == name]
        agreed = {(doc, start) for doc, start, _end in human.consensus}
        held_agreed = [e for e in held if (e.doc.removesuffix(".txt"), e.start) in agreed]
        model = train_classifier([e for e in examples if e.set_name != name])
        row = (name, len(held), (human.activity.value, human.actor.value), score(None, held), score(model, held),
               len(held_agreed), score(None, held_agreed), score(model, held_agreed))
        rows.append(row)
        print(_line(*row), flush=True)
    if rows:
        n, m = sum(r[1] for r in rows), sum(r[5] for r in rows)

        def pool(i: int, weight: int) -> tuple[float, float]:
            return tuple(sum(r[i][k] * r[weight] for r in rows) / sum(r[weight] for r in rows) for k in (0, 1))
        print(_line("pooled", n, pool(2, 1), pool(3, 1), pool(4, 1), m, pool(6, 5), pool(7, 5)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
