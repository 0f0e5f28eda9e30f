"""Scoring the pipeline against hand-annotated gold mentions.

``evaluate_corpus(gold_path, corpus_dir)`` runs extraction on the corpus and compares it
with the gold file (the JSONL shape of ``../shared/gold/seeds_gold.jsonl``: one line per
article, ``doc`` naming the file, ``mentions`` with ``start``, ``end``, ``text``,
``canonical``, ``kind``, ``in_aleppo_area``, ``activity``, ``actor``, ``event_date``).
``evaluate(mentions, gold)`` compares a mention table you already have.

What is measured
----------------
* **Aleppo-area mentions** -- gold mentions with ``in_aleppo_area`` true against predicted
  mentions with ``in_aleppo_area`` true: precision, recall, F1 at *exact* span (same start
  and end) and *overlapping* span (one-to-one, any character overlap).
* **All mentions** -- the same over every mention, wherever the place is.
* **Resolution accuracy** -- over gold mentions found by an overlapping prediction: the
  predicted ``place_id`` is the gazetteer's ``lookup(canonical)``. A gold canonical that
  says "unclear" (the text names a quarter of the city without saying which) counts as
  correct when the prediction is some city quarter (kind neighbourhood or district, in the
  Aleppo area) or the city itself (its container); a canonical the gazetteer cannot look
  up counts as wrong.
* **Activity, actor, event date** -- over the Aleppo-area gold mentions found: the share
  with the same activity, the same actor (both null counts as agreeing), and, where gold
  has an event date, the same date; plus an activity confusion table. Reported as n/a
  when the mention table has no activity columns filled (no activity component).
"""
from __future__ import annotations

import json
import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

logger = logging.getLogger("aleppo_geo.evaluate")

__all__ = ["GoldError", "Scores", "Evaluation", "load_gold", "evaluate", "evaluate_corpus"]


class GoldError(ValueError):
    """The gold file is missing, unreadable or not in the expected shape."""


@dataclass
class Scores:
    """Counts and precision / recall / F1 of one comparison."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Accuracy:
    correct: int
    total: int

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    def to_dict(self) -> dict[str, Any]:
        v = self.value
        return {"correct": self.correct, "total": self.total,
                "accuracy": None if v is None else round(v, 4)}


@dataclass
class Evaluation:
    """Everything :func:`evaluate` measured; ``report()`` renders it for people."""

    aleppo_exact: Scores
    aleppo_overlap: Scores
    all_exact: Scores
    all_overlap: Scores
    resolution: Accuracy
    resolution_all: Accuracy
    activity: Accuracy | None
    actor: Accuracy | None
    event_date: Accuracy | None
    activity_confusion: dict[str, dict[str, int]] = field(default_factory=dict)
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_hits: list[dict[str, Any]] = field(default_factory=list)
    wrong_places: list[dict[str, Any]] = field(default_factory=list)
    n_docs: int = 0

    def to_dict(self) -> dict[str, Any]:
        def acc(a: Accuracy | None) -> Any:
            return None if a is None else a.to_dict()

        return {
            "n_docs": self.n_docs,
            "aleppo_area": {"exact": self.aleppo_exact.to_dict(),
                            "overlap": self.aleppo_overlap.to_dict()},
            "all_mentions": {"exact": self.all_exact.to_dict(),
                             "overlap": self.all_overlap.to_dict()},
            "resolution_accuracy": self.resolution.to_dict(),
            "resolution_accuracy_all": self.resolution_all.to_dict(),
            "activity_accuracy": acc(self.activity),
            "actor_accuracy": acc(self.actor),
            "event_date_accuracy": acc(self.event_date),
            "activity_confusion": self.activity_confusion,
            "misses": self.misses,
            "false_hits": self.false_hits,
            "wrong_places": self.wrong_places,
        }

    def report(self) -> str:
        """A plain-text report: scores, then every miss, false hit and wrong place."""
        lines = [f"Documents: {self.n_docs}", ""]
        lines.append(f"{'':28}{'P':>8}{'R':>8}{'F1':>8}{'tp':>6}{'fp':>6}{'fn':>6}")
        for label, s in (("Aleppo-area, exact span", self.aleppo_exact),
                         ("Aleppo-area, overlap", self.aleppo_overlap),
                         ("All mentions, exact span", self.all_exact),
                         ("All mentions, overlap", self.all_overlap)):
            lines.append(f"{label:28}{s.precision:8.3f}{s.recall:8.3f}{s.f1:8.3f}"
                         f"{s.tp:6d}{s.fp:6d}{s.fn:6d}")
        lines.append("")

        def fmt(label: str, a: Accuracy | None) -> str:
            if a is None or a.value is None:
                return f"{label:40} n/a"
            return f"{label:40} {a.value:.3f}  ({a.correct}/{a.total})"

        lines.append(fmt("Resolution accuracy (Aleppo-area found)", self.resolution))
        lines.append(fmt("Resolution accuracy (all found)", self.resolution_all))
        lines.append(fmt("Activity accuracy (Aleppo-area found)", self.activity))
        lines.append(fmt("Actor accuracy (Aleppo-area found)", self.actor))
        lines.append(fmt("Event date exact (gold has a date)", self.event_date))
        if self.activity_confusion:
            labels = sorted({g for g in self.activity_confusion}
                            | {p for row in self.activity_confusion.values() for p in row})
            lines += ["", "Activity confusion (rows gold, columns predicted):"]
            width = max(len(x) for x in labels) + 1
            lines.append(" " * width + "".join(f"{x[:8]:>9}" for x in labels))
            for g in labels:
                row = self.activity_confusion.get(g, {})
                lines.append(f"{g:<{width}}" + "".join(f"{row.get(p, 0):9d}" for p in labels))
        for title, items in (("Misses (gold Aleppo-area mention, no exact prediction)", self.misses),
                             ("False hits (predicted Aleppo-area, not in gold exactly)",
                              self.false_hits),
                             ("Wrong places (found, resolved to another place)", self.wrong_places)):
            lines += ["", f"{title}: {len(items)}"]
            for item in items:
                detail = item.get("detail", "")
                lines.append(f"  {item['doc']} [{item['start']}:{item['end']}] "
                             f"{item['text']!r} {detail}".rstrip())
                lines.append(f"      \u201c{item['sentence']}\u201d")
        return "\n".join(lines)


# --------------------------------------------------------------------------- gold

def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """Read a gold JSONL file: a list of article records with their ``mentions``."""
    path = Path(path)
    if not path.is_file():
        raise GoldError(f"gold file not found: {path}")
    records = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldError(f"{path}: line {n}: not JSON ({exc.msg})") from None
            if not isinstance(record, dict) or "doc" not in record or \
                    not isinstance(record.get("mentions"), list):
                raise GoldError(f"{path}: line {n}: expected an object with 'doc' and 'mentions'")
            for m in record["mentions"]:
                for key in ("start", "end", "text"):
                    if key not in m:
                        raise GoldError(f"{path}: line {n}: a mention lacks {key!r}")
            records.append(record)
    return records


# --------------------------------------------------------------------------- matching

def _overlap_pairs(gold: list[tuple[int, int]], pred: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index) of overlapping spans, largest overlap first."""
    candidates = []
    for gi, (gs, ge) in enumerate(gold):
        for pi, (ps, pe) in enumerate(pred):
            ov = min(ge, pe) - max(gs, ps)
            if ov > 0:
                candidates.append((-ov, gi, pi))
    candidates.sort()
    used_g, used_p, pairs = set(), set(), []
    for _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


_SENT = re.compile(r"(?:[.!?…][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n+)")


def _sentence_at(text: str, start: int, end: int) -> str:
    s = 0
    for m in _SENT.finditer(text):
        if m.end() <= start:
            s = m.end()
        elif m.start() >= end:
            return " ".join(text[s:m.start() + 1].split())
    return " ".join(text[s:].split())


def _blank(value: Any) -> bool:
    if value is None:
        return True
    try:
        import pandas as pd

        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _day(value: Any) -> str | None:
    if _blank(value):
        return None
    return str(value)[:10]


def evaluate(mentions: Any, gold: list[dict[str, Any]] | str | Path, *, gazetteer: Any = None,
             texts: dict[str, str] | None = None) -> Evaluation:
    """Compare a mention table (from :func:`aleppo_geo.mentions.extract`) with gold records.

    ``texts`` (doc id -> article text) lets the report quote the sentence of a miss; by
    default sentences of predictions come from the table and misses quote gold text only.
    """
    from aleppo_geo.gazetteer import Gazetteer

    if not isinstance(gold, list):
        gold = load_gold(gold)
    gazetteer = gazetteer or Gazetteer.load()
    texts = texts or {}
    has_activity = "activity" in mentions.columns and mentions["activity"].notna().any()

    counts = {name: Counter() for name in ("ae", "ao", "xe", "xo")}
    res_area, res_all = Accuracy(0, 0), Accuracy(0, 0)
    act, actor, date = Accuracy(0, 0), Accuracy(0, 0), Accuracy(0, 0)
    confusion: dict[str, dict[str, int]] = {}
    misses, false_hits, wrong = [], [], []
    by_doc = {doc_id: frame for doc_id, frame in mentions.groupby("doc_id", sort=False)} \
        if len(mentions) else {}
    for record in gold:
        doc = record["doc"]
        text = texts.get(doc, "")
        frame = by_doc.get(doc)
        preds = [] if frame is None else frame.to_dict("records")
        golds = record["mentions"]

        def sentence(item: dict[str, Any]) -> str:
            if item.get("sentence"):
                return item["sentence"]
            return _sentence_at(text, item["start"], item["end"]) if text else ""

        for scope, g_sel, p_sel in (
            ("a", [m for m in golds if m.get("in_aleppo_area")],
             [p for p in preds if p.get("in_aleppo_area") is True]),
            ("x", golds, preds),
        ):
            g_spans = [(m["start"], m["end"]) for m in g_sel]
            p_spans = [(int(p["start"]), int(p["end"])) for p in p_sel]
            exact = set(g_spans) & set(p_spans)
            counts[scope + "e"].update(tp=len(exact), fp=len(set(p_spans) - exact),
                                       fn=len(set(g_spans) - exact))
            pairs = _overlap_pairs(g_spans, p_spans)
            counts[scope + "o"].update(tp=len(pairs), fp=len(p_spans) - len(pairs),
                                       fn=len(g_spans) - len(pairs))
            if scope == "a":
                for m in g_sel:
                    if (m["start"], m["end"]) not in exact:
                        misses.append({"doc": doc, "start": m["start"], "end": m["end"],
                                       "text": m["text"], "sentence": sentence(m),
                                       "detail": f"(gold: {m.get('canonical')})"})
                for p in p_sel:
                    if (int(p["start"]), int(p["end"])) not in exact:
                        false_hits.append({"doc": doc, "start": int(p["start"]),
                                           "end": int(p["end"]), "text": p["text"],
                                           "sentence": p.get("sentence") or "",
                                           "detail": f"(-> {p.get('place_id')})"})
        # Resolution, activity: gold mentions paired with any overlapping prediction.
        all_pairs = _overlap_pairs([(m["start"], m["end"]) for m in golds],
                                   [(int(p["start"]), int(p["end"])) for p in preds])
        for gi, pi in all_pairs:
            m, p = golds[gi], preds[pi]
            ok = _resolved_right(m.get("canonical"), p, gazetteer)
            res_all.total += 1
            res_all.correct += ok
            if m.get("in_aleppo_area"):
                res_area.total += 1
                res_area.correct += ok
                if not ok:
                    wrong.append({"doc": doc, "start": m["start"], "end": m["end"],
                                  "text": m["text"], "sentence": p.get("sentence") or "",
                                  "detail": f"(gold: {m.get('canonical')}, "
                                            f"got: {p.get('place_id')})"})
                if has_activity:
                    g_act = m.get("activity") or "none"
                    p_act = None if _blank(p.get("activity")) else str(p.get("activity"))
                    act.total += 1
                    act.correct += g_act == p_act
                    confusion.setdefault(g_act, {}).setdefault(p_act or "null", 0)
                    confusion[g_act][p_act or "null"] += 1
                    g_actor = m.get("actor")
                    p_actor = None if _blank(p.get("actor")) else str(p.get("actor"))
                    actor.total += 1
                    actor.correct += g_actor == p_actor
                    if m.get("event_date"):
                        date.total += 1
                        date.correct += _day(m["event_date"]) == _day(p.get("event_date"))

    def scores(c: Counter) -> Scores:
        return Scores(c["tp"], c["fp"], c["fn"])

    return Evaluation(
        aleppo_exact=scores(counts["ae"]), aleppo_overlap=scores(counts["ao"]),
        all_exact=scores(counts["xe"]), all_overlap=scores(counts["xo"]),
        resolution=res_area, resolution_all=res_all,
        activity=act if has_activity else None, actor=actor if has_activity else None,
        event_date=date if has_activity else None,
        activity_confusion=confusion, misses=misses, false_hits=false_hits,
        wrong_places=wrong, n_docs=len(gold),
    )


def _resolved_right(canonical: Any, pred: dict[str, Any], gazetteer: Any) -> bool:
    place_id = pred.get("place_id")
    if not canonical or _blank(place_id):
        return False
    if "unclear" in str(canonical).lower():
        # The text names a quarter of the city without saying which: any place in the
        # city -- a quarter, or the city itself as the container -- is as right as the
        # text allows.
        kind = None if _blank(pred.get("kind")) else str(pred.get("kind"))
        return kind in ("neighbourhood", "district", "city") and pred.get("in_aleppo_area") is True
    place = gazetteer.lookup(str(canonical))
    return place is not None and place.id == place_id


def gold_articles(gold: list[dict[str, Any]], corpus_dir: Path) -> list[Any]:
    """The articles the gold annotates, read from ``corpus_dir`` -- and nothing else.

    The corpus folder may hold the gold file itself (``tests/data/challenge/gold.jsonl``),
    notes or other JSONL files; reading the whole folder would take those for articles.
    Each gold document is read as its own file; title, date, outlet and URL come from the
    folder's ``metadata.json`` when it lists the file, else from the gold record.
    """
    import dataclasses

    from aleppo_geo.corpus import CorpusError, load_articles, parse_date

    if not corpus_dir.is_dir():
        raise GoldError(f"corpus folder not found: {corpus_dir}")
    metadata: dict[str, dict[str, Any]] = {}
    meta_path = corpus_dir / "metadata.json"
    if meta_path.is_file():
        try:
            entries = json.loads(meta_path.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            logger.warning("%s not used: %s", meta_path, exc)
            entries = []
        if isinstance(entries, dict):
            entries = [dict(v, doc=k) for k, v in entries.items() if isinstance(v, dict)]
        for entry in entries if isinstance(entries, list) else ():
            if isinstance(entry, dict) and (entry.get("doc") or entry.get("id")):
                metadata[str(entry.get("doc") or entry.get("id"))] = entry
    articles = []
    missing = []
    for record in gold:
        doc = str(record["doc"])
        path = corpus_dir / doc
        if not path.is_file():
            missing.append(doc)
            continue
        try:
            reader = load_articles(path)
            found = list(reader)
        except CorpusError as exc:
            logger.warning("skipped %s: %s", path, exc)
            continue
        for skipped in reader.skipped:
            logger.warning("skipped %s", skipped)
        if len(found) != 1:
            continue
        meta = {**{k: record.get(k) for k in ("title", "published", "url", "outlet")},
                **metadata.get(doc, metadata.get(path.stem, {}))}
        article = found[0]
        published = article.published
        try:
            published = parse_date(meta.get("published")) or published
        except (ValueError, TypeError):
            pass
        articles.append(dataclasses.replace(
            article, id=doc, published=published,
            title=meta.get("title") or article.title,
            source_name=meta.get("source_name") or meta.get("outlet") or article.source_name,
            url=meta.get("url") or article.url))
    if missing:
        logger.warning("gold documents not found in %s: %s", corpus_dir, ", ".join(sorted(missing)))
    return articles


def evaluate_corpus(gold_path: str | Path, corpus_dir: str | Path, *, nlp: Any = None,
                    fast: bool = False, n_process: int = 1) -> Evaluation:
    """Extract mentions from ``corpus_dir`` and score them against ``gold_path``."""
    from aleppo_geo.gazetteer import Gazetteer
    from aleppo_geo.mentions import extract

    gold = load_gold(gold_path)
    articles = gold_articles(gold, Path(corpus_dir))
    texts = {a.id: a.text for a in articles}
    gazetteer = None
    if nlp is not None and "aleppo_linker" in nlp.pipe_names:
        gazetteer = nlp.get_pipe("aleppo_linker").index.gazetteer
    table = extract(articles, nlp=nlp, fast=fast, n_process=n_process)
    return evaluate(table, gold, gazetteer=gazetteer or Gazetteer.load(), texts=texts)


def as_json(evaluation: Any) -> str:
    """An :class:`Evaluation` (or anything with ``to_dict()``, such as an agreement) as JSON."""
    return json.dumps(evaluation.to_dict(), indent=2, ensure_ascii=False, default=str)
