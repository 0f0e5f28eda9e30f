"""Scoring against gold: the numbers and the lists a curator reads."""
from __future__ import annotations

import json

import pytest

from aleppo_geo.evaluate import GoldError, Scores, evaluate, load_gold
from aleppo_geo.gazetteer import Gazetteer
from aleppo_geo.mentions import to_table

TEXT = "Jets hit Fardous in Aleppo. The city's al-Bab district was hit. Damascus denied it."


def gold_record():
    def m(text, canonical, in_area, start=None, activity="none", actor=None):
        start = TEXT.index(text) if start is None else start
        return {"start": start, "end": start + len(text), "text": text, "canonical": canonical,
                "kind": "x", "in_aleppo_area": in_area, "activity": activity, "actor": actor,
                "event_date": None}
    return {"doc": "d1", "mentions": [
        m("Fardous", "al-Fardous", True, activity="airstrike", actor="government"),
        m("Aleppo", "Aleppo", True),
        m("al-Bab", "al-Bab (Aleppo city neighbourhood, unclear)", True),
        m("Damascus", "Damascus", False),
    ]}


def prediction(gazetteer, text, place_name, start=None, end=None, **extra):
    place = gazetteer.lookup(place_name) if place_name else None
    start = TEXT.index(text) if start is None else start
    row = {"doc_id": "d1", "start": start, "end": end or start + len(text), "text": text,
           "place_id": place.id if place else None, "kind": place.kind if place else None,
           "in_aleppo_area": place.in_aleppo_area if place else False,
           "match": "exact" if place else "unresolved", "score": 1.0, "sentence": "s",
           "sent_id": 0}
    row.update(extra)
    return row


@pytest.fixture(scope="module")
def gazetteer():
    return Gazetteer.load()


def test_scores_follow_the_textbook_definitions():
    s = Scores(tp=8, fp=2, fn=0)
    assert s.precision == 0.8 and s.recall == 1.0 and round(s.f1, 4) == round(16 / 18, 4)
    assert Scores(0, 0, 0).f1 == 1.0


def test_a_perfect_table_scores_one_everywhere(gazetteer):
    rows = [prediction(gazetteer, "Fardous", "al-Fardous"),
            prediction(gazetteer, "Aleppo", "Aleppo"),
            prediction(gazetteer, "al-Bab", "Aleppo"),  # the unclear quarter: placed in its city
            prediction(gazetteer, "Damascus", "Damascus")]
    result = evaluate(to_table(rows), [gold_record()], gazetteer=gazetteer, texts={"d1": TEXT})
    assert result.aleppo_exact.f1 == 1.0 and result.all_exact.f1 == 1.0
    assert result.resolution.value == 1.0
    assert result.activity is None  # no activity column filled: reported as n/a
    assert "n/a" in result.report()


def test_misses_false_hits_and_wrong_places_are_listed_with_their_sentences(gazetteer):
    rows = [prediction(gazetteer, "Fardous", "al-Fardous", end=TEXT.index("Fardous") + 10),
            prediction(gazetteer, "al-Bab", "al-Bab"),  # the town: wrong, and not in the area
            prediction(gazetteer, "Damascus", "Damascus")]
    result = evaluate(to_table(rows), [gold_record()], gazetteer=gazetteer, texts={"d1": TEXT})
    assert result.aleppo_exact.tp == 0 and result.aleppo_overlap.tp == 1
    missed = {m["text"] for m in result.misses}
    assert missed == {"Fardous", "Aleppo", "al-Bab"}
    assert [m["sentence"] for m in result.misses if m["text"] == "Aleppo"] == \
        ["Jets hit Fardous in Aleppo."]
    assert [w["text"] for w in result.wrong_places] == ["al-Bab"]
    report = result.report()
    assert "Misses" in report and "Jets hit Fardous in Aleppo." in report


def test_activity_and_actor_accuracy_with_a_confusion_table(gazetteer):
    rows = [prediction(gazetteer, "Fardous", "al-Fardous", activity="shelling", actor="government"),
            prediction(gazetteer, "Aleppo", "Aleppo", activity="none", actor=None),
            prediction(gazetteer, "al-Bab", "Aleppo", activity="none", actor=None)]
    result = evaluate(to_table(rows), [gold_record()], gazetteer=gazetteer)
    assert result.activity.correct == 2 and result.activity.total == 3
    assert result.actor.correct == 3
    assert result.activity_confusion["airstrike"] == {"shelling": 1}


def test_bad_gold_files_are_reported_clearly(tmp_path):
    with pytest.raises(GoldError, match="not found"):
        load_gold(tmp_path / "missing.jsonl")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc": "a", "mentions": []}\nnot json\n', encoding="utf-8")
    with pytest.raises(GoldError, match="line 2"):
        load_gold(bad)


@pytest.mark.shared
def test_the_shared_gold_file_loads(gold_path):
    records = load_gold(gold_path)
    assert records and all(isinstance(r["mentions"], list) for r in records)
    json.dumps(records)


def test_evaluate_corpus_reads_only_the_golds_documents_even_with_the_gold_in_the_folder(tmp_path):
    from aleppo_geo.evaluate import evaluate_corpus

    text = "Jets hit Fardous in Aleppo on Monday."
    (tmp_path / "a1.txt").write_text(text, encoding="utf-8")
    # Files the gold does not name -- another article, notes, the gold file itself -- must
    # neither be scored nor read as articles.
    (tmp_path / "other.txt").write_text("Shells fell on Sukkari.", encoding="utf-8")
    (tmp_path / "notes.jsonl").write_text('{"id": "n1", "text": "Bombs hit Hanano."}\n',
                                          encoding="utf-8")
    (tmp_path / "metadata.json").write_text(
        '[{"doc": "a1.txt", "published": "2016-10-03", "title": "Raid"}]', encoding="utf-8")
    mention = {"start": text.index("Fardous"), "end": text.index("Fardous") + 7,
               "text": "Fardous", "canonical": "al-Fardous", "kind": "neighbourhood",
               "in_aleppo_area": True, "activity": "airstrike", "actor": "government",
               "event_date": "2016-10-03"}
    aleppo = dict(mention, start=text.index("Aleppo"), end=text.index("Aleppo") + 6,
                  text="Aleppo", canonical="Aleppo", kind="city", activity="none",
                  actor=None, event_date=None)
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"doc": "a1.txt", "mentions": [mention, aleppo]}) + "\n",
                    encoding="utf-8")
    result = evaluate_corpus(gold, tmp_path)
    assert result.aleppo_exact.f1 == 1.0, result.report()
    assert result.all_exact.fp == 0, result.report()
