"""A learned second opinion on the activity rules.

The rules in :mod:`aleppo_geo.activity` read the dependency parse; where the small
English model misparses, or a reporter's phrasing is one the rules never saw, they fall
back to ``none`` or to a neighbouring label. :class:`ActivityClassifier` holds two
multinomial logistic regressions (:class:`SparseLogisticRegression`), one for the
activity and one for the actor, over sparse string features of a mention: what the
rules decided and why, the words that govern the mention, and the content words of its
sentence. Trained on the hand-annotated sets, it learns when the rules' answer should be
revised ("hospitals out of service" with a bombing two words away is still an air
strike). The rules stay the first reader: the classifier sees their label as a feature
and only replaces it when it is confident (``threshold``).

The model is plain numpy: weights, a bias and a feature index, saved as JSON. Training
needs nothing beyond numpy either (full-batch Adam on an L2-regularised log loss), so a
user can retrain on their own annotated reports with ``aleppo-geo train-activity``.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from aleppo_geo.files import atomic_write_text

#: Bumped whenever the features :meth:`aleppo_geo.activity.ActivityTagger.mention_features`
#: extracts change; a saved model with another version is refused rather than misread.
FEATURE_VERSION = 4

#: How sure the classifier must be before it replaces the rules' label.
DEFAULT_THRESHOLD = 0.4

#: Where the bundled model lives inside the package.
BUNDLED_PATH = Path(__file__).resolve().parent / "weights" / "activity_classifier.json"


class ClassifierFileError(ValueError):
    """A classifier file that cannot be read as a model for this version."""


@dataclass
class SparseLogisticRegression:
    """Multinomial logistic regression over sparse string features (one model)."""

    labels: list[str]
    index: dict[str, int]
    weights: np.ndarray  # (n_features, n_labels)
    bias: np.ndarray  # (n_labels,)
    meta: dict = field(default_factory=dict)

    # -- prediction -----------------------------------------------------------
    def predict_proba(self, features: Sequence[str]) -> dict[str, float]:
        """Label -> probability for one mention's features (unknown features are ignored)."""
        rows = [self.index[f] for f in set(features) if f in self.index]
        logits = self.bias + (self.weights[rows].sum(axis=0) if rows else 0.0)
        logits = logits - logits.max()
        p = np.exp(logits)
        p /= p.sum()
        return {label: float(v) for label, v in zip(self.labels, p)}

    def predict(self, features: Sequence[str]) -> tuple[str, float]:
        """The most probable label and its probability."""
        proba = self.predict_proba(features)
        label = max(proba, key=proba.__getitem__)
        return label, proba[label]

    # -- training -------------------------------------------------------------
    @classmethod
    def train(cls, examples: Iterable[tuple[Sequence[str], str]], *, l2: float = 1 / 3,
              epochs: int = 300, learning_rate: float = 0.1, min_count: int = 1,
              meta: dict | None = None) -> "SparseLogisticRegression":
        """Fit on ``(features, label)`` pairs.

        ``l2`` weighs the squared weights against the summed log loss (scikit-learn's
        ``1 / C``); ``min_count`` drops features seen in fewer examples.
        """
        examples = [(sorted(set(f)), label) for f, label in examples]
        if not examples:
            raise ValueError("no training examples")
        labels = sorted({label for _f, label in examples})
        counts: dict[str, int] = {}
        for feats, _label in examples:
            for f in feats:
                counts[f] = counts.get(f, 0) + 1
        names = sorted(f for f, c in counts.items() if c >= min_count)
        index = {f: i for i, f in enumerate(names)}
        rows, cols = [], []
        for r, (feats, _label) in enumerate(examples):
            for f in feats:
                if f in index:
                    rows.append(r)
                    cols.append(index[f])
        rows_a, cols_a = np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64)
        n, k, d = len(examples), len(labels), len(names)
        y = np.zeros((n, k))
        y[np.arange(n), [labels.index(label) for _f, label in examples]] = 1.0
        w, b = np.zeros((d, k)), np.zeros(k)
        # Adam, full batch: the data are a few thousand mentions.
        mw, vw, mb, vb = np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b)
        beta1, beta2, eps = 0.9, 0.999, 1e-8
        for step in range(1, epochs + 1):
            logits = np.zeros((n, k)) + b
            np.add.at(logits, rows_a, w[cols_a])
            logits -= logits.max(axis=1, keepdims=True)
            p = np.exp(logits)
            p /= p.sum(axis=1, keepdims=True)
            g = p - y  # d(summed log loss)/d(logits)
            gw = np.zeros_like(w)
            np.add.at(gw, cols_a, g[rows_a])
            gw += l2 * w
            gb = g.sum(axis=0)
            for param, grad, m, v in ((w, gw, mw, vw), (b, gb, mb, vb)):
                m *= beta1
                m += (1 - beta1) * grad
                v *= beta2
                v += (1 - beta2) * grad * grad
                mhat = m / (1 - beta1 ** step)
                vhat = v / (1 - beta2 ** step)
                param -= learning_rate * mhat / (np.sqrt(vhat) + eps)
        info = {"examples": n, "features": d, "l2": l2, "epochs": epochs}
        info.update(meta or {})
        return cls(labels=labels, index=index, weights=w, bias=b, meta=info)

    # -- serialisation ----------------------------------------------------------
    def to_dict(self) -> dict:
        names = sorted(self.index, key=self.index.__getitem__)
        keep = [i for i in range(len(names)) if np.abs(self.weights[i]).max() >= 1e-3]
        return {
            "labels": self.labels,
            "bias": [round(float(x), 4) for x in self.bias],
            "features": {names[i]: [round(float(x), 4) for x in self.weights[i]] for i in keep},
            "meta": self.meta,
        }

    @classmethod
    def from_dict(cls, data: dict, where: str) -> "SparseLogisticRegression":
        try:
            labels = [str(x) for x in data["labels"]]
            feats = data["features"]
            names = sorted(feats)
            weights = np.array([feats[f] for f in names], dtype=float).reshape(len(names), len(labels))
            bias = np.array(data["bias"], dtype=float)
        except (KeyError, TypeError, ValueError) as exc:
            raise ClassifierFileError(f"{where}: malformed model ({exc})") from None
        if bias.shape != (len(labels),) or not np.isfinite(bias).all() or not np.isfinite(weights).all():
            raise ClassifierFileError(f"{where}: weights do not match the labels")
        return cls(labels=labels, index={f: i for i, f in enumerate(names)}, weights=weights, bias=bias,
                   meta=dict(data.get("meta") or {}))


@dataclass
class ActivityClassifier:
    """Two models over the same mention features: the activity, then (given it) the actor.

    ``revise`` returns the labels to keep for a mention. The activity model sees the
    rules' label among its features; it replaces the rules' activity when it is at least
    ``threshold`` sure of another. The actor model then gives the side, again replacing
    the rules' side only when at least ``threshold`` sure (or when the activity changed).
    """

    activity: SparseLogisticRegression
    actor: SparseLogisticRegression
    meta: dict = field(default_factory=dict)

    @classmethod
    def train(cls, examples: Iterable[tuple[Sequence[str], str, str | None]], *, l2: float = 1 / 3,
              epochs: int = 200, meta: dict | None = None) -> "ActivityClassifier":
        """Fit on ``(features, activity, actor)`` triples (actor None when activity is none)."""
        examples = list(examples)
        activity = SparseLogisticRegression.train(((f, a) for f, a, _ in examples), l2=l2, epochs=epochs)
        events = [(list(f) + [f"activity={a}"], actor) for f, a, actor in examples if a != "none" and actor]
        actor = SparseLogisticRegression.train(events, l2=l2, epochs=epochs)
        info = {"mentions": len(examples), "events": len(events)}
        info.update(meta or {})
        return cls(activity=activity, actor=actor, meta=info)

    def revise(self, features: Sequence[str], activity: str, actor: str | None, *,
               threshold: float = DEFAULT_THRESHOLD) -> tuple[str, str | None]:
        """The (activity, actor) to report for a mention the rules labelled ``activity``/``actor``."""
        rules_activity = activity
        label, p = self.activity.predict(features)
        if label != activity and p >= threshold:
            activity = label
        if activity == "none":
            return "none", None
        side, p = self.actor.predict(list(features) + [f"activity={activity}"])
        if activity == rules_activity and actor and p < threshold:
            return activity, actor  # the rules' side stands against an unsure model
        return activity, side

    # -- files ----------------------------------------------------------------
    def save(self, path: str | Path) -> None:
        """Write both models as one JSON file (atomically: a crash leaves the old file)."""
        data = {
            "format": "aleppo-geo activity classifier",
            "feature_version": FEATURE_VERSION,
            "activity": self.activity.to_dict(),
            "actor": self.actor.to_dict(),
            "meta": self.meta,
        }
        atomic_write_text(Path(path), json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n")

    @classmethod
    def load(cls, path: str | Path) -> "ActivityClassifier":
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ClassifierFileError(f"{path}: no such classifier file") from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ClassifierFileError(f"{path}: not a readable classifier file ({exc})") from None
        if not isinstance(data, dict) or data.get("format") != "aleppo-geo activity classifier":
            raise ClassifierFileError(f"{path}: not an aleppo-geo activity classifier file")
        if data.get("feature_version") != FEATURE_VERSION:
            raise ClassifierFileError(
                f"{path}: trained on feature version {data.get('feature_version')}, this aleppo-geo "
                f"extracts version {FEATURE_VERSION}; retrain it with `aleppo-geo train-activity`")
        for part in ("activity", "actor"):
            if not isinstance(data.get(part), dict):
                raise ClassifierFileError(f"{path}: no {part} model")
        return cls(activity=SparseLogisticRegression.from_dict(data["activity"], f"{path} (activity)"),
                   actor=SparseLogisticRegression.from_dict(data["actor"], f"{path} (actor)"),
                   meta=dict(data.get("meta") or {}))
