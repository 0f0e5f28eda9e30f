"""The maps as a user sees them: real chromium, every network request served locally.

Leaflet and its plugins come from the npm registry (tests/support/fetch_assets.py);
tiles are blank PNGs; any other request fails the test. Screenshots go to
test-artifacts/.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import in_ci
from support.browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    COUNT_MARKERS_JS,
    COUNT_MENTIONED_JS,
    MARK_MARKER_JS,
    PageLog,
    Router,
    is_tile,
)
from support.synthetic import PLACES, events_table, mention_row, mention_table

from aleppo_geo.export import save_map
from aleppo_geo.maps import activity_map, control_map

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "test-artifacts"
P = {p["place_id"]: p for p in PLACES}


def _unavailable(reason: str):
    if in_ci():
        pytest.fail(reason + " -- and under CI=true the browser tests must run")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def asset_mirror() -> Path:
    from support.fetch_assets import AssetFetchError, ensure_assets

    try:
        return ensure_assets()
    except AssetFetchError as exc:
        _unavailable(f"web assets unavailable: {exc}")


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is missing (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright Python package is not installed")
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


class Opened:
    def __init__(self, page, router: Router, log: PageLog) -> None:
        self.page, self.router, self.log = page, router, log

    def markers(self, activity: str | None = None) -> int:
        return self.page.evaluate(COUNT_MARKERS_JS, activity)

    def open_popup(self, event_id: str) -> str:
        assert self.page.evaluate(MARK_MARKER_JS, event_id), f"no marker for {event_id}"
        self.page.wait_for_function("() => document.querySelectorAll('.leaflet-popup').length === 0")
        self.page.click("#ag-target-marker")
        popup = self.page.locator(".leaflet-popup-content")
        popup.wait_for(state="visible", timeout=5000)
        return popup.inner_text()


@pytest.fixture
def open_map(browser, asset_mirror, tmp_path):
    contexts = []

    def _open(m, name: str = "map.html", *, block_all: bool = False, self_contained: bool = False) -> Opened:
        path = tmp_path / name
        if self_contained:
            save_map(m, path, self_contained=True, asset_dir=asset_mirror)
        else:
            save_map(m, path)
        context = browser.new_context(viewport={"width": 1280, "height": 860})
        contexts.append(context)
        page = context.new_page()
        log = PageLog().attach(page)
        router = Router(None if block_all else asset_mirror, block_all=block_all)
        page.route("**/*", router)
        page.goto(path.as_uri(), wait_until="load")
        page.wait_for_function("() => window.L && document.querySelector('.leaflet-container')")
        page.wait_for_timeout(300)  # let chunked cluster loading and the slider settle
        return Opened(page, router, log)

    yield _open
    for context in contexts:
        context.close()


def _screenshot(opened: Opened, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    opened.page.wait_for_timeout(500)  # let popup fade-in and zoom animations finish
    opened.page.screenshot(path=str(path))
    return path


def _sample_events():
    return events_table([
        dict(event_id="ev-handarat", place=P["handarat"], activity="airstrike", actor="government",
             date="2016-09-24", n_reports=3, sources=["Reuters", "AFP", "BBC News"],
             urls=["https://www.reuters.com/a1", "https://www.afp.com/a2", "https://www.bbc.com/a3"],
             quote="Government forces backed by Russian jets seized the Handarat camp."),
        dict(event_id="ev-kindi", place=P["kindi_hospital"], activity="capture", actor="government",
             date="2016-10-01", quote="The army took the Kindi hospital, a rebel-held ruin.",
             contested=True, attributed_to="state media"),
        dict(event_id="ev-shuqayyif", place=P["shuqayyif"], activity="clashes", actor="opposition",
             date="2016-10-01", quote="Fierce clashes raged in the Shuqayyif industrial area."),
        dict(event_id="ev-farafra", place=P["farafra"], activity="shelling", actor="opposition",
             date="2016-11-20", quote="Rebel shells hit Farafra, killing two.", killed=2),
        dict(event_id="ev-sheikh", place=P["sheikh_saeed"], activity="repelled", actor="opposition",
             date="2016-10-15", quote="Rebels said they repelled an assault on Sheikh Saeed."),
        dict(event_id="ev-karm", place=P["karm_homad"], activity="airstrike", actor="government",
             date="2016-11-02", quote="Air strikes pounded Karm Homad."),
        dict(event_id="ev-shaar", place=P["al_shaar"], activity="humanitarian", actor="unknown",
             date=None, quote="Aid workers reached al-Shaar."),
    ])


def test_every_mapped_event_gets_one_marker_and_the_page_is_clean(open_map):
    events = _sample_events()
    opened = open_map(activity_map(events, title="Aleppo, autumn 2016"))
    assert opened.markers() == len(events)
    assert opened.page.locator(".ag-legend").is_visible()
    assert "Government" in opened.page.locator(".ag-legend").inner_text()
    assert opened.page.locator(".ag-title").inner_text() == "Aleppo, autumn 2016"
    assert opened.log.errors == []
    assert opened.router.unrouted == []
    assert opened.router.tiles, "the base map asked for tiles"
    _screenshot(opened, "activity_map_events.png")


def test_clicking_a_marker_shows_the_quote_source_and_contested_mark(open_map):
    opened = open_map(activity_map(_sample_events()))
    text = opened.open_popup("ev-kindi")
    assert "The army took the Kindi hospital" in text
    assert "contested" in text.lower()
    assert "state media" in text
    assert "مشفى الكندي" in text
    text = opened.open_popup("ev-handarat")
    assert "3 reports" in text
    link = opened.page.locator(".leaflet-popup-content a", has_text="AFP")
    assert link.get_attribute("href") == "https://www.afp.com/a2"
    assert opened.log.errors == []


def test_unchecking_a_layer_hides_its_markers_and_checking_brings_them_back(open_map):
    opened = open_map(activity_map(_sample_events()))
    assert opened.markers("airstrike") == 2
    box = opened.page.locator(".leaflet-control-layers-overlays label", has_text="Airstrike").locator("input")
    box.uncheck()
    assert opened.markers("airstrike") == 0
    assert opened.markers("shelling") == 1  # other layers untouched
    box.check()
    assert opened.markers("airstrike") == 2


def test_moving_the_time_slider_back_hides_later_events(open_map):
    opened = open_map(activity_map(_sample_events()))
    assert opened.markers() == 7  # the slider opens on the latest date: everything shows
    opened.page.evaluate("""() => {
        const s = document.querySelector('.leaflet-timeline-control input[type=range]');
        s.value = s.min; s.dispatchEvent(new Event('input', {bubbles: true}));
    }""")
    # on 2016-09-24 only Handarat had happened; the undated al-Shaar report always shows
    assert opened.markers() == 2
    assert "2016-09-24" in opened.page.locator(".leaflet-timeline-control output").inner_text()


def test_reports_carrying_html_show_as_text_and_run_nothing(open_map):
    evil_script = "<script>window.__xss=1</script> shelling reported"
    evil_img = 'Clashes <img src=x onerror="window.__xss=1"> near the gate'
    events = events_table([
        dict(event_id="x1", place=P["farafra"], activity="shelling", quote=evil_script,
             sources=['"><img src=x onerror=window.__xss=1>'], urls=["javascript:window.__xss=1"]),
        dict(event_id="x2", place=P["bab_al_antakya"], activity="clashes", quote=evil_img,
             attributed_to="<b onmouseover=window.__xss=1>them</b>"),
    ])
    opened = open_map(activity_map(events, title="</script><script>window.__xss=1</script>"))
    assert opened.markers() == 2
    assert evil_script in opened.open_popup("x1")
    assert opened.page.locator(".leaflet-popup-content a").count() == 0  # javascript: URL not linked
    text = opened.open_popup("x2")
    assert evil_img in text
    assert "<b onmouseover=window.__xss=1>them</b>" in text
    opened.page.hover(".leaflet-popup-content")
    assert opened.page.evaluate("() => window.__xss") is None
    assert opened.page.locator(".leaflet-popup-content img").count() == 0
    assert opened.log.page_errors == []
    assert opened.router.unrouted == []


def test_many_events_are_clustered_and_still_all_counted(open_map):
    rows = []
    for i in range(60):
        place = dict(PLACES[i % len(PLACES)], place_id=f"p{i}", lat=36.15 + (i % 10) * 0.002,
                     lon=37.10 + (i // 10) * 0.002)
        rows.append(dict(event_id=f"c{i}", place=place, activity=["airstrike", "shelling", "clashes"][i % 3],
                         actor=["government", "opposition", "other", "unknown"][i % 4],
                         date=f"2016-{7 + i % 5:02d}-{1 + i % 27:02d}"))
    events = events_table(rows)
    opened = open_map(activity_map(events, cluster_threshold=20))
    assert opened.page.evaluate("() => !!L.MarkerClusterGroup")
    assert opened.markers() == 60
    assert opened.page.locator(".marker-cluster").count() > 0
    assert "Reuters" in opened.open_popup("c7")
    assert opened.log.errors == []
    assert opened.router.unrouted == []
    _screenshot(opened, "activity_map_clustered.png")


def test_places_named_without_activity_sit_in_a_hidden_layer_never_as_activity_markers(open_map):
    mentions = mention_table([
        mention_row(P["handarat"], activity="ground_advance", date="2016-09-26",
                    sentence="Troops advanced into Handarat."),
        mention_row(P["bustan_al_basha"], activity="none",
                    sentence="If they seize Bustan al-Basha, the old city is exposed."),
        mention_row(None, activity="none", sentence="Somewhere unnamed."),
    ])
    opened = open_map(activity_map(mentions))
    assert opened.markers() == 1
    assert opened.page.evaluate(COUNT_MENTIONED_JS) == 0
    assert "1 place mention could not be located and is not on the map" in opened.page.locator(".ag-info").inner_text()
    opened.page.locator(".leaflet-control-layers-overlays label", has_text="Mentioned").locator("input").check()
    assert opened.page.evaluate(COUNT_MENTIONED_JS) == 1
    assert opened.markers() == 1
    assert opened.log.errors == []


def test_self_contained_export_renders_with_all_network_blocked(open_map):
    events = _sample_events()
    m = activity_map(events, cluster_threshold=3)  # pulls in the cluster plugin too
    opened = open_map(m, "offline.html", block_all=True, self_contained=True)
    assert opened.page.evaluate("() => typeof L.MarkerClusterGroup === 'function'")
    assert opened.markers() == len(events)
    assert opened.page.locator(".ag-legend").is_visible()
    assert [u for u in opened.router.blocked if not is_tile(u)] == []
    assert opened.log.page_errors == []
    _screenshot(opened, "activity_map_offline.png")


def test_control_map_shades_neighbourhoods_and_explains_each(open_map):
    import pandas as pd

    control = pd.DataFrame([
        dict(place_id="sheikh_saeed", name="Sheikh Saeed", lat=36.15, lon=37.17, date=pd.Timestamp("2016-10-20"),
             holder="opposition", confidence=0.8, evidence="Rebels said they <b>held</b> Sheikh Saeed.",
             event_ids=["e1"]),
        dict(place_id="bustan_al_qasr", name="Bustan al-Qasr", lat=36.19, lon=37.13,
             date=pd.Timestamp("2016-11-01"), holder="government", confidence=0.4,
             evidence="<script>window.__xss=1</script>", event_ids=["e2"]),
    ])
    m = control_map(None, "2016-11-15", control=control)  # the bundled CSR neighbourhoods
    opened = open_map(m, "control.html")
    n_polygons = opened.page.evaluate("""() => document.querySelectorAll('path.leaflet-interactive').length""")
    assert n_polygons > 100
    legend = opened.page.locator(".ag-legend").inner_text()
    assert "Control as of 2016-11-15" in legend
    assert "Columbia CSR" in opened.page.locator(".leaflet-control-attribution").inner_text()
    tips = opened.page.evaluate("""() => {
        const out = [];
        for (const key of Object.keys(window)) {
            if (key.startsWith('geo_json_') && window[key].eachLayer) {
                window[key].eachLayer((l) => { const t = l.getTooltip(); if (t) out.push(t.getContent()); });
            }
        }
        return out;
    }""")
    assert any("&lt;script&gt;window.__xss=1&lt;/script&gt;" in t for t in tips)
    assert opened.page.evaluate("() => window.__xss") is None
    assert opened.log.errors == []
    assert opened.router.unrouted == []
    _screenshot(opened, "control_map.png")


def test_demo_map_of_the_bundled_sample_shows_markers_legend_layers_and_popups(open_map, tmp_path, capsys):
    from aleppo_geo.cli import main

    out = tmp_path / "demo_map.html"
    assert main(["map", "--sample", "-o", str(out), "--title", "Aleppo frontline reports (bundled sample)"]) == 0
    assert str(out.resolve()) in capsys.readouterr().out
    page_html = out.read_text(encoding="utf-8")
    opened = open_map(page_html, "demo.html")
    n = opened.markers()
    assert n >= 10
    assert opened.page.locator(".ag-legend").is_visible()
    assert opened.page.locator(".leaflet-control-layers-overlays label").count() >= 4
    first = opened.page.evaluate("""() => {
        for (const key of Object.keys(window)) {
            if (key.startsWith('map_') && window[key] instanceof L.Map) {
                let id = null;
                window[key].eachLayer((l) => { if (!id && l.options && l.options.agEventId) id = l.options.agEventId; });
                return id;
            }
        }
    }""")
    assert "report" in opened.open_popup(first)
    assert opened.log.errors == []
    assert opened.router.unrouted == []
    _screenshot(opened, "demo_map.png")
