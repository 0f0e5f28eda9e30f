"""Atomic writes: the old file survives a failed write, and no temporary file is left behind."""
from __future__ import annotations

import os

import pytest

from aleppo_geo.files import atomic_open, atomic_write_bytes, atomic_write_text


def test_a_failed_write_leaves_the_previous_file_intact_and_no_temporary(tmp_path):
    target = tmp_path / "map.html"
    target.write_text("the map you had", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with atomic_open(target) as fh:
            fh.write("half a ma")
            raise RuntimeError("disk went away")
    assert target.read_text(encoding="utf-8") == "the map you had"
    assert os.listdir(tmp_path) == ["map.html"]


def test_written_files_get_ordinary_permissions_and_exact_content(tmp_path):
    target = atomic_write_text(tmp_path / "sub" / "out.csv", "a,b\r\nالباب,2\n")
    assert target.read_bytes() == "a,b\r\nالباب,2\n".encode("utf-8")
    assert target.stat().st_mode & 0o044, "readable by others, like a plain open() would make it"
    assert atomic_write_bytes(tmp_path / "x.bin", b"\x00\x01").read_bytes() == b"\x00\x01"


def test_only_write_modes_are_accepted(tmp_path):
    with pytest.raises(ValueError, match="writes only"):
        with atomic_open(tmp_path / "f", "a"):
            pass
