"""Drive Debian's chromium with Playwright, serving every request from local files.

- CDN requests (Leaflet and plugins) are answered from the mirror built by
  ``fetch_assets.py``;
- tile requests get a blank 256x256 PNG;
- anything else is aborted and recorded in ``Router.unrouted`` -- tests assert it stays
  empty, so a map that quietly depends on a new URL fails loudly.

Never ``playwright install``: we use /usr/bin/chromium.
"""
from __future__ import annotations

import mimetypes
import re
import struct
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
TILE_HOST = re.compile(r"(^|\.)(tile\.openstreetmap\.org|basemaps\.cartocdn\.com|tile\.opentopomap\.org"
                       r"|server\.arcgisonline\.com|tiles\.stadiamaps\.com)$")
TILE_PATH = re.compile(r"/\d+/\d+/\d+(@2x)?\.(png|jpg|jpeg|webp)$")


def blank_png(size: int = 256, rgb: tuple[int, int, int] = (242, 239, 233)) -> bytes:
    """A plain PNG tile in OpenStreetMap's land colour (no imaging library needed)."""
    row = b"\x00" + bytes(rgb) * size
    raw = zlib.compress(row * size, 9)

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


BLANK_TILE = blank_png()


def is_tile(url: str) -> bool:
    parts = urlsplit(url)
    return bool(TILE_HOST.search(parts.netloc)) or bool(TILE_PATH.search(parts.path))


@dataclass
class Router:
    """Playwright route handler: mirror for CDNs, blank PNG for tiles, abort the rest."""

    mirror: Path | None
    block_all: bool = False
    served: list[str] = field(default_factory=list)
    tiles: list[str] = field(default_factory=list)
    unrouted: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)

    def __call__(self, route) -> None:
        url = route.request.url
        scheme = urlsplit(url).scheme
        if scheme in {"file", "data", "blob", "about"}:
            route.continue_()
            return
        if self.block_all:
            self.blocked.append(url)
            route.abort()
            return
        if is_tile(url):
            self.tiles.append(url)
            route.fulfill(status=200, body=BLANK_TILE, content_type="image/png")
            return
        local = self._local(url)
        if local is not None:
            self.served.append(url)
            ctype = mimetypes.guess_type(local.name)[0] or "application/octet-stream"
            if local.suffix == ".js":
                ctype = "application/javascript"
            route.fulfill(status=200, body=local.read_bytes(), content_type=ctype,
                          headers={"Access-Control-Allow-Origin": "*"})
            return
        self.unrouted.append(url)
        route.abort()

    def _local(self, url: str) -> Path | None:
        if self.mirror is None:
            return None
        parts = urlsplit(url)
        path = self.mirror / parts.netloc / parts.path.lstrip("/")
        try:
            path.resolve().relative_to(self.mirror.resolve())
        except ValueError:
            return None
        return path if path.is_file() else None


@dataclass
class PageLog:
    """Console errors and uncaught exceptions seen on a page."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def attach(self, page) -> "PageLog":
        page.on("console", lambda msg: self.console_errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: self.page_errors.append(str(exc)))
        return self

    @property
    def errors(self) -> list[str]:
        return self.console_errors + self.page_errors


# JavaScript evaluated in the page: find the folium map and count our markers through
# Leaflet's API (clusters hold markers that are not on the map as DOM nodes).
FIND_MAP_JS = """
() => {
    for (const key of Object.keys(window)) {
        if (key.startsWith('map_') && window[key] instanceof L.Map) return key;
    }
    return null;
}
"""

COUNT_MARKERS_JS = """
(activity) => {
    let map = null;
    for (const key of Object.keys(window)) {
        if (key.startsWith('map_') && window[key] instanceof L.Map) { map = window[key]; }
    }
    const seen = new Set();
    const take = (m) => {
        if (m instanceof L.Marker && m.options.agEventId !== undefined
            && (!activity || m.options.agActivity === activity)) { seen.add(m); }
    };
    map.eachLayer((layer) => {
        if (L.MarkerClusterGroup && layer instanceof L.MarkerClusterGroup) {
            layer.getLayers().forEach(take);
        } else {
            take(layer);
        }
    });
    return seen.size;
}
"""

COUNT_MENTIONED_JS = """
() => {
    let map = null, n = 0;
    for (const key of Object.keys(window)) {
        if (key.startsWith('map_') && window[key] instanceof L.Map) { map = window[key]; }
    }
    map.eachLayer((layer) => { if (layer.options && layer.options.agMentionOnly) n++; });
    return n;
}
"""

# Open the popup of the marker with a given event id by clicking it the way a user does:
# zoom so the marker is not inside a cluster, then click its icon element.
MARK_MARKER_JS = """
(eventId) => {
    let map = null, found = null, cluster = null;
    for (const key of Object.keys(window)) {
        if (key.startsWith('map_') && window[key] instanceof L.Map) { map = window[key]; }
    }
    map.eachLayer((layer) => {
        const pool = (L.MarkerClusterGroup && layer instanceof L.MarkerClusterGroup) ? layer.getLayers() : [layer];
        pool.forEach((m) => { if (m.options && m.options.agEventId === eventId) { found = m; cluster = layer; } });
    });
    if (!found) return false;
    map.closePopup();
    const old = document.getElementById('ag-target-marker');
    if (old) old.removeAttribute('id');
    return new Promise((resolve) => {
        const mark = () => {
            const el = found.getElement();
            if (el) { el.id = 'ag-target-marker'; resolve(true); } else { resolve(false); }
        };
        if (cluster !== found && cluster.zoomToShowLayer) { cluster.zoomToShowLayer(found, mark); }
        else { map.setView(found.getLatLng(), Math.max(map.getZoom(), 14), {animate: false}); mark(); }
    });
}
"""
