"""The committed gazetteer is exactly what the build script makes from the reference data."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_committed_gazetteer_matches_a_fresh_build_from_the_reference(reference_dir):
    result = subprocess.run(
        [
            sys.executable,
            str(REPO / "gazetteer" / "tools" / "build_from_reference.py"),
            "--check",
            "--reference",
            str(reference_dir),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
