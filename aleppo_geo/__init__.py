"""aleppo-geo: find, resolve and map the places named in war reporting on Aleppo.

The data flows one way::

    text -> spaCy Doc -> mentions (DataFrame) -> events (DataFrame) -> folium maps

Heavy modules (spaCy, folium) are imported lazily so that ``aleppo_geo.gazetteer``
stays usable on its own.
"""
from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_LAZY = {
    "Gazetteer": "aleppo_geo.gazetteer",
    "Place": "aleppo_geo.gazetteer",
    "Article": "aleppo_geo.corpus",
    "load_articles": "aleppo_geo.corpus",
    "load_pipeline": "aleppo_geo.pipeline",
    "extract": "aleppo_geo.mentions",
    "events": "aleppo_geo.events",
    "control_timeline": "aleppo_geo.events",
    "activity_map": "aleppo_geo.maps",
    "control_map": "aleppo_geo.maps",
    "save_map": "aleppo_geo.export",
    "GazetteerGeocoder": "aleppo_geo.geocode",
    "GeocoderChain": "aleppo_geo.geocode",
}

__all__ = ["__version__", *_LAZY]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'aleppo_geo' has no attribute {name!r}")
