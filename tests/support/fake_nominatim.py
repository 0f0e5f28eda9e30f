"""A Nominatim-compatible HTTP server on 127.0.0.1 for tests.

It answers ``/search`` and ``/reverse`` with JSON shaped like Nominatim's ``format=json`` /
``jsonv2`` output, from a small dict of canned places, and records every request (path,
parameters, User-Agent, arrival time) so tests can count hits and check spacing.
``mode`` switches it into failure behaviours: ``"slow"`` (sleeps ``delay`` seconds before
answering), ``"error500"`` (HTTP 500), ``"error503"``.

Used as a context manager; the server thread is stopped and the socket closed on exit.
"""
from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

LICENCE = "Data © OpenStreetMap contributors, ODbL 1.0. http://osm.org/copyright"


@dataclass
class Recorded:
    """One request the server received."""

    path: str
    params: dict[str, str]
    user_agent: str
    at: float  # time.monotonic() on arrival


def nominatim_place(
    name: str,
    lat: float,
    lon: float,
    *,
    osm_type: str = "node",
    osm_id: int = 1,
    osm_class: str = "place",
    osm_type_tag: str = "suburb",
    display_name: str | None = None,
    half_size_deg: float = 0.005,
    namedetails: dict[str, str] | None = None,
) -> dict[str, Any]:
    """One place as Nominatim returns it (coordinates as strings, like the real service)."""
    return {
        "place_id": 100000 + osm_id,
        "licence": LICENCE,
        "osm_type": osm_type,
        "osm_id": osm_id,
        "lat": f"{lat:.7f}",
        "lon": f"{lon:.7f}",
        "class": osm_class,
        "type": osm_type_tag,
        "place_rank": 20,
        "importance": 0.3,
        "addresstype": osm_type_tag,
        "name": name,
        "display_name": display_name or f"{name}, Aleppo, Aleppo Governorate, Syria",
        "boundingbox": [
            f"{lat - half_size_deg:.7f}", f"{lat + half_size_deg:.7f}",
            f"{lon - half_size_deg:.7f}", f"{lon + half_size_deg:.7f}",
        ],
        "namedetails": dict(namedetails or {"name": name}),
    }


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


@dataclass
class FakeNominatim:
    """A threaded HTTP server speaking enough of Nominatim's API for geopy.

    :param places: query (matched case- and space-insensitively) -> list of places
        (see :func:`nominatim_place`).
    :param honour_bounded: apply ``viewbox`` when ``bounded=1`` is sent, like the real
        service; ``False`` to test that the client filters by itself.
    """

    places: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    honour_bounded: bool = True
    mode: str = "ok"
    delay: float = 2.0
    requests: list[Recorded] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._by_key = {_key(q): v for q, v in self.places.items()}
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # ---- lifecycle

    def start(self) -> FakeNominatim:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server API)
                fake._handle(self)

            def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        server.block_on_close = False
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05},
            name="fake-nominatim", daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()  # wakes handlers sleeping in "slow" mode
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = self._thread = None

    def __enter__(self) -> FakeNominatim:
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._server is not None, "server not started"
        return self._server.server_address[1]

    @property
    def domain(self) -> str:
        """What to pass as geopy's ``Nominatim(domain=...)`` (with ``scheme="http"``)."""
        return f"127.0.0.1:{self.port}"

    # ---- observations

    @property
    def hits(self) -> int:
        with self._lock:
            return len(self.requests)

    def hits_for(self, path: str) -> int:
        with self._lock:
            return sum(1 for r in self.requests if r.path == path)

    # ---- request handling

    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        url = urlsplit(handler.path)
        params = {k: v[-1] for k, v in parse_qs(url.query).items()}
        with self._lock:
            self.requests.append(Recorded(
                url.path, params, handler.headers.get("User-Agent", ""), time.monotonic()
            ))
        if self.mode == "slow":
            # Bounded wait; stop() cuts it short so teardown never hangs.
            self._stop.wait(self.delay)
        if self.mode == "error500":
            return self._send(handler, 500, {"error": "Internal Server Error"})
        if self.mode == "error503":
            return self._send(handler, 503, {"error": "Service Unavailable"})
        if url.path == "/search":
            return self._send(handler, 200, self._search(params))
        if url.path == "/reverse":
            return self._send(handler, 200, self._reverse(params))
        return self._send(handler, 404, {"error": f"no endpoint {url.path}"})

    def _send(self, handler: BaseHTTPRequestHandler, status: int, body: Any) -> None:
        payload = json.dumps(body).encode("utf-8")
        try:
            handler.send_response(status)
            handler.send_header("Content-Type", "application/json; charset=utf-8")
            handler.send_header("Content-Length", str(len(payload)))
            handler.end_headers()
            handler.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout test)

    def _search(self, params: dict[str, str]) -> list[dict[str, Any]]:
        found = list(self._by_key.get(_key(params.get("q", "")), []))
        if self.honour_bounded and params.get("bounded") == "1" and "viewbox" in params:
            west, south, east, north = (float(v) for v in params["viewbox"].split(","))
            found = [p for p in found
                     if south <= float(p["lat"]) <= north and west <= float(p["lon"]) <= east]
        if params.get("namedetails") != "1":
            found = [{k: v for k, v in p.items() if k != "namedetails"} for p in found]
        limit = int(params.get("limit", "10"))
        return found[:limit]

    def _reverse(self, params: dict[str, str]) -> dict[str, Any]:
        lat, lon = float(params["lat"]), float(params["lon"])
        every = [p for group in self._by_key.values() for p in group]
        if not every:
            return {"error": "Unable to geocode"}
        nearest = min(every, key=lambda p: (float(p["lat"]) - lat) ** 2 + (float(p["lon"]) - lon) ** 2)
        if abs(float(nearest["lat"]) - lat) > 0.05 or abs(float(nearest["lon"]) - lon) > 0.05:
            return {"error": "Unable to geocode"}
        return nearest
