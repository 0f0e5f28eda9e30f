"""Fetch the Leaflet web assets our maps link, from the npm registry, into a local mirror.

The test machines have no internet except package registries, so the browser tests
cannot load Leaflet from its CDN. This script `npm pack`s the exact package versions
folium links, unpacks them, and lays them out as a mirror of the CDN URLs:

    .cache/web-assets/mirror/<cdn host>/<url path>

so a Playwright route (tests/support/browser.py) serves ``https://cdn.../x.js`` from
``mirror/cdn.../x.js``, and ``aleppo_geo.export.save_map(..., asset_dir=mirror)`` can
inline them. A few plugin scripts folium links from its own GitHub repository ship in
the installed folium package; those are copied from there.

Run directly (``python tests/support/fetch_assets.py [--dir DIR]``) or let the browser
tests' session fixture call :func:`ensure_assets`. Already-fetched packages are reused.
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[2]
DEFAULT_DIR = REPO / ".cache" / "web-assets"

# cdnjs library name -> (npm package, folder inside the package that cdnjs serves as root)
CDNJS_TO_NPM = {
    "leaflet.markercluster": ("leaflet.markercluster", "dist"),
    "moment.js": ("moment", "min"),
    "jquery": ("jquery", "dist"),
    "Leaflet.awesome-markers": ("drmonty-leaflet-awesome-markers", ""),
}


class AssetFetchError(RuntimeError):
    """An asset could not be fetched (npm missing, registry unreachable, unknown URL)."""


def required_urls() -> list[str]:
    """Every JS/CSS URL the aleppo_geo maps can link, read from folium's own classes."""
    from folium.plugins import HeatMap, MarkerCluster, TimelineSlider

    from aleppo_geo.maps import _LEAN_CSS, _LEAN_JS

    urls: list[str] = []
    for pairs in (_LEAN_JS, _LEAN_CSS, MarkerCluster.default_js, MarkerCluster.default_css,
                  TimelineSlider.default_js, HeatMap.default_js):
        urls += [url for _, url in pairs]
    return list(dict.fromkeys(urls))


def _source_of(url: str) -> tuple[str, str, str] | tuple[str, Path, str]:
    """(kind, spec-or-path, mirror root url) for a CDN URL."""
    parts = urlsplit(url)
    path = parts.path
    if parts.netloc in {"cdn.jsdelivr.net", "unpkg.com"}:
        if "/folium/templates/" in path:
            import folium

            root = url[: url.index("/folium/templates/") + len("/folium/templates/")]
            return ("folium", Path(folium.__file__).parent / "templates", root)
        m = re.match(r"^/(?:npm/)?((?:@[^/]+/)?[^/@]+)@([^/]+)/", path)
        if m:
            spec = f"{m.group(1)}@{m.group(2)}"
            root = f"{parts.scheme}://{parts.netloc}{m.group(0)}"
            return ("npm", spec, root + "|")
    if parts.netloc == "cdnjs.cloudflare.com":
        m = re.match(r"^/ajax/libs/([^/]+)/([^/]+)/", path)
        if m and m.group(1) in CDNJS_TO_NPM:
            name, sub = CDNJS_TO_NPM[m.group(1)]
            root = f"{parts.scheme}://{parts.netloc}{m.group(0)}"
            return ("npm", f"{name}@{m.group(2)}", root + "|" + sub)
    raise AssetFetchError(f"no npm source known for {url}; add it to tests/support/fetch_assets.py")


def _npm_pack(spec: str, tgz_dir: Path) -> Path:
    npm = shutil.which("npm")
    if npm is None:
        raise AssetFetchError("npm is not installed (apt-get install npm); cannot fetch " + spec)
    tgz_dir.mkdir(parents=True, exist_ok=True)
    try:
        out = subprocess.run(
            [npm, "pack", spec, "--pack-destination", str(tgz_dir), "--silent", "--json"],
            check=True, capture_output=True, text=True, timeout=300,
        )
    except subprocess.CalledProcessError as exc:
        raise AssetFetchError(f"npm pack {spec} failed: {exc.stderr.strip()[-400:]}") from None
    except subprocess.TimeoutExpired:
        raise AssetFetchError(f"npm pack {spec} timed out") from None
    name = json.loads(out.stdout)[0]["filename"].replace("/", "-").lstrip("@")
    tgz = tgz_dir / name
    if not tgz.is_file():
        found = sorted(tgz_dir.glob("*.tgz"), key=lambda p: p.stat().st_mtime)
        if not found:
            raise AssetFetchError(f"npm pack {spec} wrote no tarball")
        tgz = found[-1]
    return tgz


def _unpack(tgz: Path, dest: Path) -> None:
    tmp = Path(tempfile.mkdtemp(prefix=".unpack-", dir=dest.parent))
    try:
        with tarfile.open(tgz) as tar:
            tar.extractall(tmp, filter="data")
        inner = tmp / "package"
        if not inner.is_dir():  # some packages use another top-level folder name
            inner = next(p for p in tmp.iterdir() if p.is_dir())
        if dest.exists():
            shutil.rmtree(dest)
        inner.rename(dest)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _mirror_path(mirror: Path, url: str) -> Path:
    parts = urlsplit(url)
    return mirror / parts.netloc / parts.path.lstrip("/")


def _copy_tree(src: Path, dest: Path) -> None:
    for file in src.rglob("*"):
        if file.is_file():
            target = dest / file.relative_to(src)
            target.parent.mkdir(parents=True, exist_ok=True)
            if not target.exists():
                shutil.copyfile(file, target)


def ensure_assets(base: Path = DEFAULT_DIR, urls: list[str] | None = None) -> Path:
    """Make sure every URL has a file in the mirror; return the mirror directory."""
    base = Path(base)
    mirror = base / "mirror"
    packages = base / "packages"
    packages.mkdir(parents=True, exist_ok=True)
    urls = urls or required_urls()
    for url in urls:
        target = _mirror_path(mirror, url)
        if target.is_file():
            continue
        kind, source, root = _source_of(url)
        if kind == "folium":
            _copy_tree(Path(source), _mirror_path(mirror, root + "x").parent)
        else:
            root_url, sub = str(root).split("|")
            unpacked = packages / str(source).replace("/", "__")
            if not unpacked.is_dir():
                _unpack(_npm_pack(str(source), base / "tgz"), unpacked)
            src_root = unpacked / sub if sub else unpacked
            _copy_tree(src_root, _mirror_path(mirror, root_url + "x").parent)
        if not target.is_file():
            # jsDelivr minifies on the fly: x.min.js is served even when the package
            # only contains x.js. Mirror that behaviour with the unminified file.
            plain = Path(re.sub(r"\.min\.(js|css)$", r".\1", str(target)))
            if plain != target and plain.is_file():
                shutil.copyfile(plain, target)
        if not target.is_file():
            raise AssetFetchError(f"{url}: not found in the fetched package ({target})")
    (base / "manifest.json").write_text(json.dumps(sorted(urls), indent=1) + "\n", encoding="utf-8")
    return mirror


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR, help="cache folder (default %(default)s)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO))
    try:
        mirror = ensure_assets(args.dir)
    except AssetFetchError as exc:
        print(f"fetch_assets: error: {exc}", file=sys.stderr)
        return 1
    print(mirror)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
