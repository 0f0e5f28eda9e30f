"""How much do our components cost? Extraction speed on ~1 MB of report text.

    python bench/bench_extract.py [--size-mb 1.0] [--skip-processes]

Builds the text by repeating the bundled sample dispatches (and the seed articles when
``../shared`` is beside the repo), swapping quarter names from the gazetteer so the
vocabulary is not one article's. Everything is timed in the same run, on the same texts:

* full extraction (model + aleppo_places + aleppo_linker + the mention table) vs the bare
  English model's ``nlp.pipe`` -- goal: at least 0.90 of bare speed;
* the same with the activity tagger, rules alone and with its classifier (for information);
* ``n_process=2`` vs 1 -- goal: at least 1.7x (needs two idle cores);
* fast mode (tokenizer + our components + table) vs the tokenizer alone -- goal: at least
  0.5x.

Not a test: prints a table, never fails.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def build_texts(size_mb: float, seed: int = 7) -> list[str]:
    from aleppo_geo.corpus import load_articles, sample_articles
    from aleppo_geo.gazetteer import Gazetteer

    base = [a.text for a in sample_articles()]
    seeds = REPO.parent / "shared" / "corpus" / "seeds"
    if seeds.is_dir():
        base += [a.text for a in load_articles(seeds)]
    quarters = [p.name for p in Gazetteer.load() if p.kind == "neighbourhood"]
    rng = random.Random(seed)
    target = int(size_mb * 1_000_000)
    texts, total = [], 0
    while total < target:
        text = rng.choice(base)
        # Perturb: shuffle paragraphs after the headline and swap a few quarter names.
        paras = text.split("\n\n")
        head, body = paras[:1], paras[1:]
        rng.shuffle(body)
        text = "\n\n".join(head + body)
        for _ in range(3):
            text = text.replace(rng.choice(quarters), rng.choice(quarters), 1)
        texts.append(text)
        total += len(text)
    return texts


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=1.0)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--skip-processes", action="store_true",
                        help="do not measure n_process=2 (takes another full run)")
    args, _unknown = parser.parse_known_args(argv)  # run_all.py passes its own args through

    from aleppo_geo.mentions import extract
    from aleppo_geo.model import load_english_model
    from aleppo_geo.pipeline import load_pipeline

    texts = build_texts(args.size_mb)
    n_chars = sum(map(len, texts))
    bs = args.batch_size
    bare = load_english_model()
    ours = load_pipeline(activity=False)
    with_activity = load_pipeline(activity=True)
    rules_only = load_pipeline(activity=True, classifier=None)
    fast = load_pipeline(fast=True)
    warm = texts[:2]
    for nlp in (bare, ours, with_activity, rules_only, fast):
        list(nlp.pipe(warm))
    extract(warm, nlp=ours)

    rows: list[tuple[str, float]] = []
    t_bare = timed(lambda: list(bare.pipe(texts, batch_size=bs)))
    rows.append(("bare model nlp.pipe", t_bare))
    t_ours = timed(lambda: extract(texts, nlp=ours, batch_size=bs))
    rows.append(("extract: model + places + linker", t_ours))
    t_rules = timed(lambda: extract(texts, nlp=rules_only, batch_size=bs))
    rows.append(("extract: + activity tagger, rules alone", t_rules))
    t_act = timed(lambda: extract(texts, nlp=with_activity, batch_size=bs))
    rows.append(("extract: + activity tagger and classifier", t_act))
    t_two = None
    if not args.skip_processes:
        t_two = timed(lambda: extract(texts, nlp=ours, batch_size=bs, n_process=2))
        rows.append(("extract: n_process=2", t_two))
    # The tokenizer caches every string it has split, and the bare model has just
    # tokenized these texts: time the fast pipeline's own tokenizer in the same (warm)
    # state as the fast runs, and take the best of three runs of each (they are short,
    # and the machine is shared).
    [fast.tokenizer(t) for t in texts]
    t_tok = min(timed(lambda: [fast.tokenizer(t) for t in texts]) for _ in range(3))
    rows.append(("tokenizer alone (warm cache, best of 3)", t_tok))
    t_fast_pipe = min(timed(lambda: list(fast.pipe(texts, batch_size=bs))) for _ in range(3))
    rows.append(("fast nlp.pipe (tokenizer + places + linker)", t_fast_pipe))
    t_fast = min(timed(lambda: extract(texts, nlp=fast, batch_size=bs)) for _ in range(3))
    rows.append(("fast extract (with mention table)", t_fast))

    print(f"{len(texts)} texts, {n_chars / 1e6:.2f} MB, batch_size {bs}")
    print(f"{'run':48}{'seconds':>10}{'MB/s':>9}")
    for name, secs in rows:
        print(f"{name:48}{secs:10.2f}{n_chars / 1e6 / secs:9.3f}")
    print()
    print(f"{'ratio':48}{'value':>10}{'goal':>9}")
    print(f"{'extract speed / bare model speed':48}{t_bare / t_ours:10.2f}{'>= 0.90':>9}")
    print(f"{'  (with activity rules alone)':48}{t_bare / t_rules:10.2f}{'':>9}")
    print(f"{'  (with activity rules and classifier)':48}{t_bare / t_act:10.2f}{'':>9}")
    if t_two is not None:
        print(f"{'n_process=2 speed-up over 1':48}{t_ours / t_two:10.2f}{'>= 1.70':>9}")
    print(f"{'fast extract speed / tokenizer speed':48}{t_tok / t_fast:10.2f}{'>= 0.50':>9}")
    print(f"{'  (fast nlp.pipe, without the table)':48}{t_tok / t_fast_pipe:10.2f}{'':>9}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
