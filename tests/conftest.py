"""Shared fixtures.

Tests that need ``../shared`` (the real articles, gold annotations and reference data)
use the ``shared_dir`` fixture: outside CI they skip with a reason when it is absent;
under ``CI=true`` its absence fails the test.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _shared_candidates() -> list[Path]:
    env = os.environ.get("ALEPPO_GEO_SHARED")
    found = [Path(env)] if env else []
    return found + [REPO.parent / "shared"]


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    for path in _shared_candidates():
        if (path / "gold").is_dir() and (path / "corpus").is_dir():
            return path
    message = (
        "../shared (real articles, gold and reference data) is not beside the repo; "
        "set ALEPPO_GEO_SHARED to its path to run these tests"
    )
    if in_ci():
        pytest.fail(message + " -- and under CI=true it must be")
    pytest.skip(message)


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    return shared_dir / "corpus" / "seeds"


@pytest.fixture(scope="session")
def gold_path(shared_dir: Path) -> Path:
    return shared_dir / "gold" / "seeds_gold.jsonl"


@pytest.fixture(scope="session")
def reference_dir(shared_dir: Path) -> Path:
    return shared_dir / "reference"
