"""Write folium maps to HTML files, optionally self-contained for offline use.

``save_map(m, "map.html")`` writes the page atomically (a temporary file in the same
folder, then ``os.replace``), so a reader never sees half a map.

``save_map(m, "map.html", self_contained=True)`` also inlines every script and
stylesheet the page links (and the images/fonts those stylesheets reference, as
``data:`` URIs), so the file opens with no network at all. Each asset is taken from
``asset_dir`` when you point at a folder that holds it (looked up as
``<dir>/<host>/<path>``, ``<dir>/<path>``, ``<dir>/<package path>``, then
``<dir>/<file name>``), else from the download cache (``cache_dir``, default
``~/.cache/aleppo-geo/assets``, laid out as ``<host>/<path>``), else downloaded once
into that cache. Assets that ship inside the installed folium package are taken from it.

Map tiles cannot be inlined (there are millions): offline, a self-contained map shows
its markers, layers and legend on a blank background. Build the map with ``tiles=None``
for a deliberately tile-less map.
"""
from __future__ import annotations

import base64
import mimetypes
import os
import re
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from aleppo_geo.files import atomic_write_bytes, atomic_write_text

__all__ = ["AssetError", "ExportError", "save_map", "inline_assets", "default_cache_dir"]


class ExportError(OSError):
    """The map could not be written."""


class AssetError(ExportError):
    """A script, stylesheet or image the map needs could not be found or downloaded."""


def default_cache_dir() -> Path:
    """Where downloaded web assets are kept between runs."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "aleppo-geo" / "assets"


def _render(m: Any) -> str:
    if isinstance(m, str):
        return m
    root = m.get_root() if hasattr(m, "get_root") else m
    return root.render()


def save_map(
    m: Any,
    path: str | os.PathLike[str],
    *,
    self_contained: bool = False,
    asset_dir: str | os.PathLike[str] | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
    timeout: float = 30.0,
) -> Path:
    """Write ``m`` (a folium Map/Figure, or rendered HTML) to ``path``; return the path.

    With ``self_contained=True`` every linked JS/CSS file is inlined (see the module
    docs for where assets come from); :class:`AssetError` names any asset that could
    not be found or downloaded. Tiles are never inlined.
    """
    target = Path(path)
    if target.is_dir():
        raise ExportError(f"{target}: is a directory; give a file name such as {target / 'map.html'}")
    page = _render(m)
    if self_contained:
        page = inline_assets(page, asset_dir=asset_dir, cache_dir=cache_dir, timeout=timeout)
    try:
        atomic_write_text(target, page)
    except OSError as exc:
        raise ExportError(f"{target}: cannot write the map ({exc.strerror or exc})") from exc
    return target


# --------------------------------------------------------------------------------------
# Inlining
# --------------------------------------------------------------------------------------
_SCRIPT_SRC = re.compile(r"<script\b[^>]*\bsrc\s*=\s*[\"']([^\"']+)[\"'][^>]*>\s*</script>", re.I)
_LINK_CSS = re.compile(r"<link\b[^>]*>", re.I)
_HREF = re.compile(r"\bhref\s*=\s*[\"']([^\"']+)[\"']", re.I)
_CSS_URL = re.compile(r"url\(\s*(['\"]?)([^'\")]+)\1\s*\)")
_CSS_IMPORT = re.compile(r"@import\s+(?:url\()?\s*['\"]?([^'\")\s;]+)['\"]?\s*\)?[^;]*;")


class _Assets:
    def __init__(self, asset_dir, cache_dir, timeout: float) -> None:
        self.asset_dir = Path(asset_dir) if asset_dir is not None else None
        if self.asset_dir is not None and not self.asset_dir.is_dir():
            raise AssetError(f"asset folder {self.asset_dir} does not exist")
        self.cache_dir = Path(cache_dir) if cache_dir is not None else default_cache_dir()
        self.timeout = timeout
        self._memo: dict[str, bytes] = {}

    def _candidates(self, url: str) -> list[Path]:
        parts = urlsplit(url)
        rel = parts.path.lstrip("/")
        out = []
        if self.asset_dir is not None:
            d = self.asset_dir
            out += [d / parts.netloc / rel, d / rel]
            for marker in ("npm/", "ajax/libs/", "gh/"):
                if marker in rel:
                    out.append(d / rel.split(marker, 1)[1])
            out.append(d / Path(rel).name)
        out.append(self.cache_dir / parts.netloc / rel)
        return out

    def get(self, url: str) -> bytes:
        if url in self._memo:
            return self._memo[url]
        parts = urlsplit(url)
        if parts.scheme not in {"http", "https"}:
            raise AssetError(f"cannot inline {url}: only http(s) assets are supported")
        for candidate in self._candidates(url):
            if candidate.is_file():
                data = candidate.read_bytes()
                break
        else:
            data = self._from_folium(url) or self._download(url)
        self._memo[url] = data
        return data

    @staticmethod
    def _from_folium(url: str) -> bytes | None:
        # folium ships some plugin scripts it links from GitHub (e.g. leaflet_heat.min.js).
        if "/folium/templates/" not in url:
            return None
        import folium

        local = Path(folium.__file__).parent / "templates" / Path(urlsplit(url).path).name
        return local.read_bytes() if local.is_file() else None

    def _download(self, url: str) -> bytes:
        parts = urlsplit(url)
        dest = self.cache_dir / parts.netloc / parts.path.lstrip("/")
        request = urllib.request.Request(url, headers={"User-Agent": "aleppo-geo (map export)"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as resp:
                data = resp.read()
        except (urllib.error.URLError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            raise AssetError(
                f"cannot get {url} ({reason}); download it into {dest.parent} "
                "or point asset_dir= (CLI: --asset-dir) at a folder holding it"
            ) from None
        try:
            atomic_write_bytes(dest, data)
        except OSError:
            pass  # an unwritable cache only costs a download next time
        return data


def _absolute(url: str) -> str:
    return "https:" + url if url.startswith("//") else url


def _data_uri(url: str, data: bytes) -> str:
    mime = mimetypes.guess_type(urlsplit(url).path)[0] or "application/octet-stream"
    if urlsplit(url).path.endswith(".woff2"):
        mime = "font/woff2"
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def _inline_css(css: str, base_url: str, assets: _Assets, depth: int = 0) -> str:
    def imported(match: re.Match) -> str:
        url = urljoin(base_url, _absolute(match.group(1)))
        return _inline_css(assets.get(url).decode("utf-8", "replace"), url, assets, depth + 1)

    def replace(match: re.Match) -> str:
        ref = match.group(2).strip()
        if ref.startswith(("data:", "#")) or ref.startswith("about:"):
            return match.group(0)
        url = urljoin(base_url, _absolute(ref))
        return f'url("{_data_uri(url, assets.get(url))}")'

    if depth < 4:
        css = _CSS_IMPORT.sub(imported, css)
    return _CSS_URL.sub(replace, css)


def _safe_inline_script(js: str) -> str:
    # A literal "</script" inside the library would end our <script> element early.
    return re.sub(r"</(script)", r"<\\/\1", js, flags=re.I)


def _safe_inline_style(css: str) -> str:
    return re.sub(r"</(style)", r"<\\/\1", css, flags=re.I)


def inline_assets(
    page: str,
    *,
    asset_dir: str | os.PathLike[str] | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
    timeout: float = 30.0,
) -> str:
    """Return ``page`` with every ``<script src>`` and stylesheet ``<link>`` inlined."""
    assets = _Assets(asset_dir, cache_dir, timeout)

    def script(match: re.Match) -> str:
        url = _absolute(match.group(1))
        js = assets.get(url).decode("utf-8", "replace")
        return f"<script>/* {_comment_safe(url)} */\n{_safe_inline_script(js)}\n</script>"

    def link(match: re.Match) -> str:
        tag = match.group(0)
        if not re.search(r"rel\s*=\s*[\"']?stylesheet", tag, re.I):
            return tag
        href = _HREF.search(tag)
        if not href:
            return tag
        url = _absolute(href.group(1))
        css = _inline_css(assets.get(url).decode("utf-8", "replace"), url, assets)
        return f"<style>/* {_comment_safe(url)} */\n{_safe_inline_style(css)}\n</style>"

    page = _SCRIPT_SRC.sub(script, page)
    return _LINK_CSS.sub(link, page)


def _comment_safe(url: str) -> str:
    return url.replace("*/", "*\\/")
