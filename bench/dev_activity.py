"""Dev check of the activity component against gold spans (not a test).

Usage: PYTHONPATH=. .venv/bin/python bench/dev_activity.py [--all] [--verbose]
Builds each seed's Doc with the gold place spans, runs aleppo_activity, and prints
activity / actor / date accuracy over gold Aleppo-area mentions, plus the misses.
"""
from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from spacy.tokens import Doc

from aleppo_geo import activity as act_mod
from aleppo_geo.model import load_english_model

SHARED = Path(__file__).resolve().parents[2] / "shared"


def main() -> int:
    verbose = "--verbose" in sys.argv
    all_mentions = "--all" in sys.argv
    nlp = load_english_model()
    tagger = act_mod.make_activity_tagger(nlp, "aleppo_activity", "places", True)
    gold = [json.loads(l) for l in (SHARED / "gold" / "seeds_gold.jsonl").open()]
    n = a_ok = r_ok = 0
    d_n = d_ok = 0
    for g in gold:
        text = (SHARED / "corpus" / "seeds" / g["doc"]).read_text(encoding="utf-8")
        doc = nlp.make_doc(text)
        for i, t in enumerate(doc):
            if i > 0 and "\n" in doc[i - 1].text_with_ws or (i > 0 and doc[i - 1].is_space and "\n" in doc[i - 1].text):
                t.is_sent_start = True
        for _name, proc in nlp.pipeline:
            doc = proc(doc)
        doc._.published = dt.date.fromisoformat(g["published"])
        spans = [doc.char_span(m["start"], m["end"], alignment_mode="expand") for m in g["mentions"]]
        doc.spans["places"] = spans
        tagger(doc)
        for m, s in zip(g["mentions"], spans):
            if not (m["in_aleppo_area"] or all_mentions):
                continue
            n += 1
            ok_a = s._.activity == m["activity"]
            ok_r = s._.actor == m["actor"]
            a_ok += ok_a
            r_ok += ok_r
            ok_d = True
            if m["event_date"]:
                d_n += 1
                ok_d = str(s._.event_date) == m["event_date"]
                d_ok += ok_d
            if verbose or not (ok_a and ok_r and ok_d):
                print(f"{g['doc'][:3]} {m['start']:5} {m['text']!r:28} gold={m['activity']}/{m['actor']}/{m['event_date']} "
                      f"got={s._.activity}/{s._.actor}/{s._.event_date}/{s._.date_precision} "
                      f"src={s._.attributed_to} cont={s._.contested} k={s._.casualties_killed}")
                f = tagger._find_activity(s)
                print("       why:", f.reason, f.predicate, "| root", s.root.text, s.root.dep_, "->", s.root.head.text)
                print("      ", s.sent.text.strip()[:200].replace("\n", " "))
    print(f"mentions {n}: activity {a_ok/n:.3f}  actor {r_ok/n:.3f}  date {d_ok}/{d_n} = {d_ok/max(d_n,1):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
