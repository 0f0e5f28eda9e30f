"""Agreement between two annotations of the same reports (``aleppo_geo.agreement``) and
the second annotations shipped with some challenge sets."""
from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path

import pytest

from aleppo_geo.agreement import agreement, cohen_kappa
from aleppo_geo.evaluate import GoldError, load_gold

DATA = Path(__file__).resolve().parent / "data"
SECONDS = sorted(DATA.glob("challenge*/second_annotator.jsonl"))
GOLD = DATA / "challenge_aj" / "gold.jsonl"


def _write(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _aleppo_mentions(records):
    return [m for r in records for m in r["mentions"] if m["in_aleppo_area"]]


def test_an_annotation_agrees_fully_with_itself():
    result = agreement(GOLD, GOLD)
    n = len(_aleppo_mentions(load_gold(GOLD)))
    assert result.matched == n and result.only_first == result.only_second == 0
    assert result.activity.value == result.actor.value == result.event_date.value == 1.0
    assert result.activity_kappa == pytest.approx(1.0)
    assert len(result.consensus) == n and not result.disagreements


def test_a_changed_label_lowers_agreement_and_shows_which_activities_were_traded(tmp_path):
    gold = load_gold(GOLD)
    second = copy.deepcopy(gold)
    changed = next(m for m in _aleppo_mentions(second) if m["activity"] == "capture")
    changed["activity"], changed["actor"], changed["event_date"] = "none", None, None
    result = agreement(gold, second)
    n = result.matched
    assert result.activity.correct == n - 1 and result.actor.correct == n - 1
    assert result.disagreements == {("capture", "none"): 1}
    assert result.activity_kappa < 1.0
    assert len(result.consensus) == n - 1
    assert "capture -> none: 1" in result.report()


def test_mentions_with_different_spans_are_counted_apart_not_compared(tmp_path):
    gold = load_gold(GOLD)
    second = copy.deepcopy(gold)
    moved = _aleppo_mentions(second)[0]
    moved["start"] += 1
    result = agreement(gold, second)
    assert result.only_first == 1 and result.only_second == 1
    assert result.matched == len(_aleppo_mentions(gold)) - 1


def test_cohen_kappa_corrects_agreement_for_chance():
    # Observed 3/4; by chance (first: a 2, b 2; second: a 1, b 3) (2*1 + 2*3)/16 = 1/2.
    assert cohen_kappa([("a", "a"), ("a", "b"), ("b", "b"), ("b", "b")]) == pytest.approx(0.5)
    assert cohen_kappa([]) is None


def test_a_file_without_activity_labels_is_refused_by_name(tmp_path):
    gold = load_gold(GOLD)
    bare = copy.deepcopy(gold)
    for m in _aleppo_mentions(bare):
        del m["activity"]
    with pytest.raises(GoldError, match="no 'activity'"):
        agreement(gold, _write(tmp_path / "bare.jsonl", bare))


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "aleppo_geo", "agreement", *args], capture_output=True, text=True)


def test_the_agreement_command_prints_the_table_and_json():
    second = DATA / "challenge_aj" / "second_annotator.jsonl"
    run = _cli(str(GOLD), str(second))
    assert run.returncode == 0, run.stderr
    assert "Activity agreement" in run.stdout and "kappa" in run.stdout
    data = json.loads(_cli(str(GOLD), str(second), "--json").stdout)
    assert data["matched"] == len(_aleppo_mentions(load_gold(GOLD)))
    assert 0 < data["activity"]["accuracy"] <= 1


@pytest.mark.parametrize("other, message", [
    ("missing.jsonl", "not found"),
    ("challenge_b/gold.jsonl", "share no Aleppo-area mention"),
])
def test_the_agreement_command_explains_bad_input_in_one_line(other, message):
    run = _cli(str(GOLD), str(DATA / other))
    assert run.returncode == 2
    assert message in run.stderr and "Traceback" not in run.stderr


@pytest.mark.parametrize("second", SECONDS, ids=lambda p: p.parent.name)
def test_each_shipped_second_annotation_labels_exactly_the_sets_aleppo_area_mentions(second):
    first = load_gold(second.parent / "gold.jsonl")
    spans = {(r["doc"], m["start"], m["end"]) for r in first for m in r["mentions"] if m["in_aleppo_area"]}
    labelled = {(r["doc"], m["start"], m["end"]) for r in load_gold(second) for m in r["mentions"]}
    assert labelled == spans
    result = agreement(first, load_gold(second))
    assert result.matched == len(spans)
