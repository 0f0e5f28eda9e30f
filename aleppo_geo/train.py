"""Training and measuring the activity classifier on hand-annotated reports.

A gold set is a JSONL file in the shape of ``../shared/gold/seeds_gold.jsonl`` and the
folder holding its articles (see :mod:`aleppo_geo.evaluate`). Each Aleppo-area gold
mention that the pipeline finds with the same span becomes one training example: the
features the rules' tagger extracts for it (:meth:`ActivityTagger.mention_features`)
and the gold activity and actor.

    examples = gold_examples([("seeds", "seeds_gold.jsonl", "corpus/seeds")])
    model = train_classifier(examples)
    model.save("my_classifier.json")

``leave_one_set_out`` measures what the classifier adds on reports it was not trained
on: each set in turn is held out, a model is trained on the others, and the held-out
set is scored with the rules alone and with the classifier.
"""
from __future__ import annotations

import datetime as _dt
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Sequence

from aleppo_geo.classifier import DEFAULT_THRESHOLD, ActivityClassifier

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Example:
    """One gold mention as the classifier sees it."""

    set_name: str
    doc: str
    start: int
    features: tuple[str, ...]
    gold_activity: str
    gold_actor: str | None
    rule_activity: str
    rule_actor: str | None


def gold_examples(sets: Iterable[tuple[str, str | Path, str | Path]], nlp: Any = None) -> list[Example]:
    """Examples from ``(name, gold_jsonl, corpus_dir)`` triples (rules-only features)."""
    from aleppo_geo.evaluate import gold_articles, load_gold
    from aleppo_geo.pipeline import load_pipeline

    if nlp is None:
        # The features are the rules' alone: a stale bundled model must not block retraining.
        nlp = load_pipeline(classifier=None)
    if "aleppo_activity" not in nlp.pipe_names:
        raise ValueError("the pipeline has no aleppo_activity component to train for")
    tagger = nlp.get_pipe("aleppo_activity")
    examples: list[Example] = []
    for name, gold_path, corpus_dir in sets:
        gold = load_gold(gold_path)
        by_doc = {str(g["doc"]): g for g in gold}
        for article in gold_articles(gold, Path(corpus_dir)):
            record = by_doc[article.id]
            doc = nlp.make_doc(article.text)
            doc._.published = article.published if isinstance(article.published, _dt.date) else None
            for _pipe_name, proc in nlp.pipeline:
                if proc is not tagger:
                    doc = proc(doc)
            found = {(s.start_char, s.end_char): (s, f) for s, f in tagger.mention_features(doc)}
            for m in record["mentions"]:
                if not m.get("in_aleppo_area"):
                    continue
                hit = found.get((m["start"], m["end"]))
                if hit is None:
                    continue  # a missed or mis-spanned place: nothing to label
                span, feats = hit
                examples.append(Example(name, article.id, m["start"], tuple(feats), m["activity"] or "none",
                                        m.get("actor") or None, span._.activity, span._.actor))
    return examples


def train_classifier(examples: Sequence[Example], **kwargs: Any) -> ActivityClassifier:
    """An :class:`ActivityClassifier` fitted on ``examples``."""
    if not examples:
        raise ValueError("no gold mentions matched the pipeline's mentions: nothing to train on")
    sets = sorted({e.set_name for e in examples})
    return ActivityClassifier.train(
        ((e.features, e.gold_activity, e.gold_actor if e.gold_activity != "none" else None) for e in examples),
        meta={"sets": sets}, **kwargs)


@dataclass(frozen=True)
class HeldOutScore:
    """Activity and actor accuracy on one held-out set: rules alone, and with the classifier."""

    set_name: str
    mentions: int
    rules_activity: float
    rules_actor: float
    classifier_activity: float
    classifier_actor: float


def score(model: ActivityClassifier | None, examples: Sequence[Example],
          threshold: float = DEFAULT_THRESHOLD) -> tuple[float, float]:
    """Activity and actor accuracy of the rules (``model`` None) or the classifier on ``examples``.

    The actor is compared as the evaluator does: null when the activity is none.
    """
    if not examples:
        return 0.0, 0.0
    act_ok = actor_ok = 0
    for e in examples:
        activity, actor = e.rule_activity, e.rule_actor if e.rule_activity != "none" else None
        if model is not None:
            activity, actor = model.revise(e.features, activity, actor, threshold=threshold)
        gold_actor = e.gold_actor if e.gold_activity != "none" else None
        act_ok += activity == e.gold_activity
        actor_ok += (actor or None) == gold_actor
    return act_ok / len(examples), actor_ok / len(examples)


def leave_one_set_out(examples: Sequence[Example], **kwargs: Any) -> list[HeldOutScore]:
    """Hold out each set in turn, train on the rest, score the held-out set."""
    results = []
    for name in sorted({e.set_name for e in examples}):
        held = [e for e in examples if e.set_name == name]
        model = train_classifier([e for e in examples if e.set_name != name], **kwargs)
        rules = score(None, held)
        learned = score(model, held)
        results.append(HeldOutScore(name, len(held), *rules, *learned))
        logger.info("%s: rules %.3f/%.3f, classifier %.3f/%.3f", name, *rules, *learned)
    return results
