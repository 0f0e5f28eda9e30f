"""Dev check of the activity component against a gold file (not a test).

Usage::

    .venv/bin/python bench/dev_activity.py [--gold FILE --corpus DIR] [--all] [--verbose]
                                           [--no-line-breaks]

Runs the full pipeline (``load_pipeline``; the ``aleppo_line_breaks`` component is added
before the parser when the pipeline lacks it, unless ``--no-line-breaks``) over the
gold's articles and prints activity / actor / date accuracy over gold Aleppo-area
mentions found by the extractor, plus every disagreement with the component's reason.
Defaults to the seeds (``../shared``).
"""
from __future__ import annotations

import argparse
import logging
from pathlib import Path

from aleppo_geo import activity as act_mod
from aleppo_geo.corpus import load_articles
from aleppo_geo.evaluate import load_gold
from aleppo_geo.pipeline import load_pipeline

SHARED = Path(__file__).resolve().parents[2] / "shared"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", type=Path, default=SHARED / "gold" / "seeds_gold.jsonl")
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "seeds")
    ap.add_argument("--all", action="store_true", help="all mentions, not only Aleppo-area")
    ap.add_argument("--verbose", action="store_true", help="print agreements too")
    ap.add_argument("--no-line-breaks", action="store_true")
    args = ap.parse_args()
    logging.getLogger("aleppo_geo.corpus").setLevel(logging.ERROR)
    nlp = load_pipeline()
    if "aleppo_line_breaks" not in nlp.pipe_names and not args.no_line_breaks:
        nlp.add_pipe("aleppo_line_breaks", before="parser")
    tagger = nlp.get_pipe("aleppo_activity")
    gold = {g["doc"]: g for g in load_gold(args.gold)}
    articles = [a for a in load_articles(args.corpus) if a.id in gold]
    n = a_ok = r_ok = d_n = d_ok = 0
    for art in articles:
        g = gold[art.id]
        doc = nlp.make_doc(art.text)
        doc._.doc_id = art.id
        doc._.published = art.published
        for _name, proc in nlp.pipeline:
            doc = proc(doc)
        spans = {(s.start_char, s.end_char): s for s in doc.spans.get("places", [])}
        for m in g["mentions"]:
            if not (m["in_aleppo_area"] or args.all):
                continue
            s = spans.get((m["start"], m["end"]))
            if s is None:
                continue
            n += 1
            ok_a = s._.activity == (m["activity"] or "none")
            ok_r = s._.actor == m["actor"]
            a_ok += ok_a
            r_ok += ok_r
            ok_d = True
            if m["event_date"]:
                d_n += 1
                ok_d = str(s._.event_date) == m["event_date"]
                d_ok += ok_d
            if args.verbose or not (ok_a and ok_r and ok_d):
                flags = ("A" if not ok_a else "-") + ("R" if not ok_r else "-") + ("D" if not ok_d else "-")
                print(f"{flags} {art.id[:3]} {m['start']:5} {m['text']!r:24} "
                      f"gold={m['activity']}/{m['actor']}/{m['event_date']} "
                      f"got={s._.activity}/{s._.actor}/{s._.event_date} "
                      f"src={s._.attributed_to}")
                f = tagger._find_activity(s)
                print("       why:", f.reason, f.predicate, "| root", s.root.text, s.root.dep_, "->",
                      s.root.head.text, "| note:", (m.get("notes") or "")[:100])
                print("      ", s.sent.text.strip()[:260].replace("\n", " / "))
    print(f"mentions {n}: activity {a_ok/n:.3f}  actor {r_ok/n:.3f}  "
          f"date {d_ok}/{d_n} = {d_ok/max(d_n, 1):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
