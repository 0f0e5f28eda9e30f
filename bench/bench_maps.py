"""Benchmark: 100k synthetic mentions -> activity map -> HTML -> first render in chromium.

Goals (issue 5): build < 10 s, HTML < 15 MB, load < 3 s to first render.

    python bench/bench_maps.py [--mentions 100000] [--no-browser]

The mentions follow the team contract's columns (tests/support/synthetic.py): ~1 in 8
mentions is a separate event (reports corroborate each other), 10% mention a place
without activity, 5% are unresolved. The browser part needs /usr/bin/chromium and the
npm assets (tests/support/fetch_assets.py); every request is served locally.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests")]

GOALS = {"build_s": 10.0, "html_mb": 15.0, "load_s": 3.0}


def _browser_load(path: Path, expected: int) -> tuple[float, int] | str:
    from support.browser import CHROMIUM, CHROMIUM_ARGS, COUNT_MARKERS_JS, Router
    from support.fetch_assets import AssetFetchError, ensure_assets

    if not CHROMIUM.exists():
        return f"skipped: {CHROMIUM} missing"
    try:
        mirror = ensure_assets()
    except AssetFetchError as exc:
        return f"skipped: {exc}"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 860})
        page.route("**/*", Router(mirror))
        start = time.perf_counter()
        page.goto(path.as_uri(), wait_until="load")
        # first render: the map and its first markers (or clusters) are drawn
        page.wait_for_function(
            "() => document.querySelector('.leaflet-marker-icon') !== null", timeout=60_000)
        elapsed = time.perf_counter() - start
        counted = page.evaluate(COUNT_MARKERS_JS, None)
        browser.close()
    return elapsed, counted


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentions", type=int, default=100_000)
    parser.add_argument("--no-browser", action="store_true")
    args, _ = parser.parse_known_args(argv)

    from support.synthetic import large_mentions

    from aleppo_geo.export import save_map
    from aleppo_geo.maps import _EventLayer, activity_map

    t0 = time.perf_counter()
    mentions = large_mentions(args.mentions)
    gen_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    m = activity_map(mentions, title=f"{args.mentions:,} synthetic mentions")
    with tempfile.TemporaryDirectory() as tmp:
        path = save_map(m, Path(tmp) / "bench_map.html")
        build_s = time.perf_counter() - t0
        html_mb = path.stat().st_size / 1e6
        n_markers = 0

        def walk(el):
            nonlocal n_markers
            for child in el._children.values():
                if isinstance(child, _EventLayer):
                    n_markers += child.n_markers
                walk(child)

        walk(m)
        load = None if args.no_browser else _browser_load(path, n_markers)

    print(f"mentions: {args.mentions:,} (generated in {gen_s:.1f} s) -> markers: {n_markers:,}")
    print(f"{'measure':<28}{'value':>12}{'goal':>10}  ok")
    print(f"{'build map + write HTML (s)':<28}{build_s:>12.2f}{GOALS['build_s']:>10.1f}  {build_s < GOALS['build_s']}")
    print(f"{'HTML size (MB)':<28}{html_mb:>12.2f}{GOALS['html_mb']:>10.1f}  {html_mb < GOALS['html_mb']}")
    if isinstance(load, tuple):
        load_s, counted = load
        print(f"{'browser first render (s)':<28}{load_s:>12.2f}{GOALS['load_s']:>10.1f}  {load_s < GOALS['load_s']}")
        print(f"markers counted in the browser through Leaflet: {counted:,}")
    elif load:
        print(f"browser: {load}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
