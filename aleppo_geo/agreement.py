"""How far two annotators of the same reports agree on what happened at each place.

A gold set says what one person read in each report. Before asking a tool to match it,
ask how well a second careful reader, following the same guidelines, matches it: the
share of mentions both give the same activity, actor and event date is the ceiling a
tool can be expected to reach, and the mentions they disagree on are where the
guidelines leave room.

    result = agreement("gold.jsonl", "second_annotator.jsonl")
    print(result.report())
    result.consensus            # {(doc, start, end): (activity, actor)} both agree on

Both files have the shape of ``../shared/gold/seeds_gold.jsonl`` (see
:mod:`aleppo_geo.evaluate`). Mentions are matched by document and exact span, over
Aleppo-area mentions (``in_aleppo_area`` true in the first file; the second may omit the
field). Activity agreement comes with Cohen's kappa (agreement corrected for chance).
Event dates are compared where either annotator gives one, and (the measure ``aleppo-geo
evaluate`` applies to the pipeline) where the first one does.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aleppo_geo.evaluate import Accuracy, GoldError, _day, as_json, load_gold

__all__ = ["Agreement", "agreement", "as_json", "cohen_kappa"]

Key = tuple[str, int, int]


@dataclass
class Agreement:
    """What :func:`agreement` measured; ``report()`` renders it for people."""

    matched: int
    only_first: int
    only_second: int
    activity: Accuracy
    actor: Accuracy
    event_date: Accuracy
    event_date_first: Accuracy
    activity_kappa: float | None
    disagreements: Counter = field(default_factory=Counter)
    consensus: dict[Key, tuple[str, str | None]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "matched": self.matched, "only_first": self.only_first, "only_second": self.only_second,
            "activity": self.activity.to_dict(), "actor": self.actor.to_dict(),
            "event_date": self.event_date.to_dict(), "event_date_first": self.event_date_first.to_dict(),
            "activity_kappa": None if self.activity_kappa is None else round(self.activity_kappa, 4),
            "activity_disagreements": [{"first": a, "second": b, "mentions": n}
                                       for (a, b), n in self.disagreements.most_common()],
        }

    def report(self) -> str:
        def line(label: str, acc: Accuracy) -> str:
            value = "n/a" if acc.value is None else f"{acc.value:.3f}"
            return f"{label:<44} {value}  ({acc.correct}/{acc.total})"

        kappa = "n/a" if self.activity_kappa is None else f"{self.activity_kappa:.3f}"
        lines = [f"Aleppo-area mentions matched by span: {self.matched} "
                 f"(only in the first file: {self.only_first}, only in the second: {self.only_second})",
                 line("Activity agreement", self.activity),
                 f"{'Activity kappa (chance-corrected)':<44} {kappa}",
                 line("Actor agreement", self.actor),
                 line("Event date agreement (either gives a date)", self.event_date),
                 line("Event date agreement (the first gives one)", self.event_date_first)]
        if self.disagreements:
            lines.append("Activity disagreements (first -> second):")
            lines += [f"  {a} -> {b}: {n}" for (a, b), n in self.disagreements.most_common()]
        return "\n".join(lines)


def cohen_kappa(pairs: list[tuple[str, str]]) -> float | None:
    """Cohen's kappa of two raters' labels given as ``(first, second)`` pairs."""
    if not pairs:
        return None
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(first[label] * second[label] for label in first) / (n * n)
    if expected >= 1.0:
        return 1.0 if observed == 1.0 else None
    return (observed - expected) / (1 - expected)


def _mentions(records: list[dict[str, Any]], where: str, need_area: bool) -> dict[Key, dict[str, Any]]:
    out: dict[Key, dict[str, Any]] = {}
    for record in records:
        doc = str(record["doc"]).removesuffix(".txt")
        for m in record["mentions"]:
            if need_area and not m.get("in_aleppo_area"):
                continue
            if "activity" not in m:
                raise GoldError(f"{where}: {doc}: the mention {m.get('text')!r} at {m.get('start')} has no "
                                "'activity': both files need activity labels")
            out[(doc, int(m["start"]), int(m["end"]))] = m
    return out


def _records(source: list[dict[str, Any]] | str | Path) -> tuple[list[dict[str, Any]], str]:
    if isinstance(source, (str, Path)):
        return load_gold(source), str(source)
    return source, "records"


def agreement(first: list[dict[str, Any]] | str | Path,
              second: list[dict[str, Any]] | str | Path) -> Agreement:
    """Compare two annotations of the same reports (gold records or JSONL paths)."""
    first_records, first_where = _records(first)
    second_records, second_where = _records(second)
    a = _mentions(first_records, first_where, need_area=True)
    b_all = _mentions(second_records, second_where, need_area=False)
    keys = [k for k in a if k in b_all]
    b = {k: b_all[k] for k in keys}
    activity_pairs = [(a[k].get("activity") or "none", b[k].get("activity") or "none") for k in keys]
    actor_ok = sum((a[k].get("actor") or None) == (b[k].get("actor") or None) for k in keys)
    dated = [k for k in keys if a[k].get("event_date") or b[k].get("event_date")]
    def same_day(k: Key) -> bool:
        return _day(a[k].get("event_date")) == _day(b[k].get("event_date"))

    first_dated = [k for k in dated if a[k].get("event_date")]
    consensus = {k: (x, a[k].get("actor") or None) for k, (x, y) in zip(keys, activity_pairs)
                 if x == y and (a[k].get("actor") or None) == (b[k].get("actor") or None)}
    return Agreement(
        matched=len(keys), only_first=len(a) - len(keys),
        only_second=sum(1 for k, m in b_all.items() if k not in a and m.get("in_aleppo_area", True)),
        activity=Accuracy(sum(x == y for x, y in activity_pairs), len(keys)),
        actor=Accuracy(actor_ok, len(keys)), event_date=Accuracy(sum(map(same_day, dated)), len(dated)),
        event_date_first=Accuracy(sum(map(same_day, first_dated)), len(first_dated)),
        activity_kappa=cohen_kappa(activity_pairs),
        disagreements=Counter((x, y) for x, y in activity_pairs if x != y), consensus=consensus)
