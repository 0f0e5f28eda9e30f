"""Folium maps of reported frontline activity in Aleppo.

Two builders, both returning a :class:`folium.Map` so you can keep adding layers:

- :func:`activity_map` -- one toggleable layer per activity type (airstrike, shelling,
  ...), a marker per event coloured by the side said to act, popups quoting the report,
  a dashed precision circle for places we can only place approximately, a legend, an
  optional heat map, clustering for large corpora, a time slider over event dates and a
  count of the mentions we could not place.
- :func:`control_map` -- neighbourhood polygons shaded by who the reports say holds
  them as of a date, with the evidence in each tooltip.

Article text is untrusted input: every string that comes from a report is HTML-escaped
in Python before it reaches the page, and everything embedded in ``<script>`` blocks is
JSON with ``<``, ``>``, ``&`` and ``'`` escaped, so a report containing ``</script>`` or
``<img onerror=...>`` shows up as text.

The builders never fetch anything. The HTML references Leaflet and its plugins on public
CDNs; :func:`aleppo_geo.export.save_map` can inline them for offline use.

Scale: markers are not one folium object each. Every activity layer is a single script
holding one compact JSON array; Leaflet markers are created in the browser (clustered
with Leaflet.markercluster above ``cluster_threshold``), and popups are built only when
opened. A mention table is first grouped by place, activity, actor and day.
"""
from __future__ import annotations

import datetime as _dt
import html
import json
import math
import re
from pathlib import Path
from typing import Any, Iterable, Mapping
from urllib.parse import urlsplit

import folium
import pandas as pd
from branca.element import Element, MacroElement
from folium.elements import JSCSSMixin
from folium.plugins import HeatMap, MarkerCluster, TimelineSlider
from folium.template import Template

__all__ = [
    "ACTIVITIES",
    "ACTORS",
    "ACTOR_COLOURS",
    "HOLDER_COLOURS",
    "AleppoMap",
    "MapError",
    "activity_map",
    "control_map",
]

ALEPPO_CENTRE = (36.2021, 37.1343)

#: Activity types in legend order, with their display labels.
ACTIVITIES: dict[str, str] = {
    "airstrike": "Airstrike",
    "shelling": "Shelling",
    "ground_advance": "Ground advance",
    "capture": "Capture",
    "repelled": "Attack repelled",
    "clashes": "Clashes",
    "casualties": "Casualties",
    "siege": "Siege",
    "humanitarian": "Humanitarian",
    "evacuation": "Evacuation",
}

#: Sides, with their display labels.
ACTORS: dict[str, str] = {
    "government": "Government & allies",
    "opposition": "Opposition",
    "other": "Other (e.g. SDF, ISIS)",
    "unknown": "Side not stated",
}

#: Marker colour per actor (colour-blind-distinguishable enough on a light basemap).
ACTOR_COLOURS: dict[str, str] = {
    "government": "#d62728",
    "opposition": "#2ca02c",
    "other": "#8e44ad",
    "unknown": "#7f7f7f",
}

#: Fill colour per holder on the control map.
HOLDER_COLOURS: dict[str, str] = dict(ACTOR_COLOURS)

# White glyphs drawn inside the coloured marker disc (24x24 viewBox). Plain SVG so the
# map needs no icon font or image from a CDN.
_GLYPHS: dict[str, str] = {
    # a bomb falling: body plus fins
    "airstrike": '<path d="M12 4v9M8 9l4 6 4-6" stroke="#fff" stroke-width="2.4" fill="none"'
    ' stroke-linecap="round" stroke-linejoin="round"/><circle cx="12" cy="18" r="2" fill="#fff"/>',
    # a burst
    "shelling": '<path d="M12 3l2 6 6-2-4 5 5 3-6 1 1 6-4-5-4 5 1-6-6-1 5-3-4-5 6 2z" fill="#fff"/>',
    # an arrow pushing forward
    "ground_advance": '<path d="M5 12h11M12 7l5 5-5 5" stroke="#fff" stroke-width="2.6" fill="none"'
    ' stroke-linecap="round" stroke-linejoin="round"/>',
    # a flag
    "capture": '<path d="M7 20V4M7 5h10l-3 4 3 4H7" stroke="#fff" stroke-width="2" fill="#fff"'
    ' stroke-linejoin="round"/>',
    # a shield
    "repelled": '<path d="M12 4l7 3v5c0 4-3 7-7 8-4-1-7-4-7-8V7z" fill="#fff"/>',
    # crossed blades
    "clashes": '<path d="M6 6l12 12M18 6L6 18" stroke="#fff" stroke-width="2.8"'
    ' stroke-linecap="round"/>',
    # a cross
    "casualties": '<path d="M12 5v14M5 12h14" stroke="#fff" stroke-width="3.4" stroke-linecap="round"/>',
    # a closed ring
    "siege": '<circle cx="12" cy="12" r="6" stroke="#fff" stroke-width="3" fill="none"/>',
    # a crate
    "humanitarian": '<rect x="6" y="7" width="12" height="10" fill="#fff"/><path d="M6 10h12"'
    ' stroke-width="1.5" stroke="currentColor"/>',
    # two arrows leaving
    "evacuation": '<path d="M4 9h9M10 6l3 3-3 3M11 15h9M17 12l3 3-3 3" stroke="#fff"'
    ' stroke-width="2.2" fill="none" stroke-linecap="round" stroke-linejoin="round"/>',
}

_TILES_DEFAULT = "OpenStreetMap"

_LEAN_JS = [("leaflet", "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js")]
_LEAN_CSS = [("leaflet_css", "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css")]


class MapError(ValueError):
    """The table handed to a map builder cannot be mapped (missing columns, no rows...)."""


# --------------------------------------------------------------------------------------
# The map object
# --------------------------------------------------------------------------------------
class AleppoMap(folium.Map):
    """A :class:`folium.Map` that only links the web assets its layers use.

    folium's Map always links jQuery, Bootstrap, Font Awesome, glyphicons and
    Awesome-Markers (some from GitHub, not from any package registry). Our layers need
    none of them, so the page stays small and can be served fully offline. If you add a
    folium element that needs them (``folium.Icon``), the full set comes back.
    """

    def render(self, **kwargs: Any) -> None:
        if _tree_uses_folium_icons(self):
            self.default_js = list(folium.Map.default_js)
            self.default_css = list(folium.Map.default_css)
        else:
            self.default_js = list(_LEAN_JS)
            self.default_css = list(_LEAN_CSS)
        super().render(**kwargs)


def _tree_uses_folium_icons(element: Element) -> bool:
    for child in element._children.values():
        if isinstance(child, (folium.Icon, folium.plugins.BeautifyIcon)):
            return True
        if _tree_uses_folium_icons(child):
            return True
    return False


def _new_map(title: str | None, tiles: str | None, location, zoom_start: int) -> AleppoMap:
    m = AleppoMap(
        location=list(location),
        zoom_start=zoom_start,
        tiles=tiles,
        control_scale=True,
        prefer_canvas=False,
    )
    if title:
        m.get_root().title = html.escape(title)
        _Title(title).add_to(m)
    return m


# --------------------------------------------------------------------------------------
# Safe embedding helpers
# --------------------------------------------------------------------------------------
def _js_json(value: Any) -> str:
    """JSON that is safe inside a <script> block (no </script>, no HTML comments)."""
    return (
        json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("'", "\\u0027")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _esc(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return ""
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return html.escape(str(value), quote=True)


def _safe_href(url: Any) -> str | None:
    """The URL escaped for an href, or None unless it is plain http(s)."""
    if not isinstance(url, str) or not url.strip():
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
        return None
    if any(ch in url for ch in "\x00\r\n\t"):
        return None
    return html.escape(url, quote=True)


def _present(value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, (list, tuple, set)):
        return len(value) > 0
    try:
        return not bool(pd.isna(value))
    except (TypeError, ValueError):
        return True


def _as_list(value: Any) -> list:
    if value is None:
        return []
    if isinstance(value, (list, tuple, set)):
        return [v for v in value if _present(v)]
    if hasattr(value, "tolist"):
        return [v for v in value.tolist() if _present(v)]
    return [value] if _present(value) else []


def _day(value: Any) -> _dt.date | None:
    if not _present(value):
        return None
    ts = pd.Timestamp(value)
    return ts.date()


def _epoch_ms(day: _dt.date | None) -> int | None:
    if day is None:
        return None
    return int(_dt.datetime(day.year, day.month, day.day, tzinfo=_dt.timezone.utc).timestamp() * 1000)


# --------------------------------------------------------------------------------------
# From mention/event tables to marker rows
# --------------------------------------------------------------------------------------
_MENTION_NEEDS = {"lat", "lon", "activity", "actor", "event_date", "sentence"}
_EVENT_NEEDS = {"lat", "lon", "activity", "actor", "event_date", "n_reports", "quote"}


def _is_events(table: pd.DataFrame) -> bool:
    return "n_reports" in table.columns


def _check_columns(table: pd.DataFrame, needed: set[str], what: str) -> None:
    missing = sorted(needed - set(table.columns))
    if missing:
        raise MapError(
            f"the {what} table lacks column(s) {', '.join(missing)}; "
            "see the mention/events table contract in the README"
        )


def _activity_str(series: pd.Series) -> pd.Series:
    return series.astype("object").where(series.notna(), None)


def _located(table: pd.DataFrame) -> pd.Series:
    lat = pd.to_numeric(table["lat"], errors="coerce")
    lon = pd.to_numeric(table["lon"], errors="coerce")
    return lat.notna() & lon.notna()


def _first(series: pd.Series) -> Any:
    values = series.dropna()
    return values.iloc[0] if len(values) else None


def _events_from_mentions(mentions: pd.DataFrame) -> pd.DataFrame:
    """Group located mentions with an activity by place, activity, actor and day."""
    act = _activity_str(mentions["activity"])
    keep = act.notna() & (act != "none") & _located(mentions)
    df = mentions.loc[keep].copy()
    if df.empty:
        return pd.DataFrame(columns=sorted(_EVENT_NEEDS))
    df["activity"] = _activity_str(df["activity"])
    df["actor"] = _activity_str(df["actor"]).fillna("unknown")
    df["_day"] = pd.to_datetime(df["event_date"], errors="coerce").dt.normalize()
    place_key = df["place_id"] if "place_id" in df.columns else None
    if place_key is None or place_key.isna().all():
        place_key = df["lat"].astype(str) + "," + df["lon"].astype(str)
    df["_place"] = place_key.astype("object").fillna(df["lat"].astype(str) + "," + df["lon"].astype(str))
    # NaT cannot be a group key reliably; a string key keeps undated reports together.
    df["_daykey"] = df["_day"].astype("string").fillna("")
    keys = ["_place", "activity", "actor", "_daykey"]
    doc = df["doc_id"] if "doc_id" in df.columns else pd.Series(range(len(df)), index=df.index)
    df["_doc"] = doc.astype("object")
    grouped = df.groupby(keys, sort=False, observed=True, dropna=False)
    firsts = grouped.first()
    out = pd.DataFrame(
        {
            "place_id": firsts.index.get_level_values("_place"),
            "activity": firsts.index.get_level_values("activity"),
            "actor": firsts.index.get_level_values("actor"),
        }
    )
    def col(name: str, default: Any = None) -> list:
        if name in firsts.columns:
            return list(firsts[name])
        return [default] * len(firsts)

    for name in ("name", "arabic", "lat", "lon", "precision_m", "approximate", "kind", "attributed_to"):
        out[name] = col(name)
    out["event_date"] = list(firsts["_day"])
    out["quote"] = col("sentence")
    out["n_reports"] = list(grouped["_doc"].nunique())
    if "contested" in df.columns:
        out["contested"] = list(grouped["contested"].agg(lambda s: bool(s.fillna(False).any())))
    else:
        out["contested"] = False
    # Outlet and link stay paired: one (outlet, url) per distinct report.
    src = df["source_name"].astype("object") if "source_name" in df.columns else pd.Series(None, index=df.index, dtype="object")
    url = df["url"].astype("object") if "url" in df.columns else pd.Series(None, index=df.index, dtype="object")
    df["_pair"] = list(zip(src.where(src.notna(), None), url.where(url.notna(), None)))
    pairs = grouped["_pair"].agg(lambda s: list(dict.fromkeys(p for p in s if p[0] or p[1])))
    out["_pairs"] = [[(o or (urlsplit(u).netloc if u else ""), u) for o, u in ps] for ps in pairs]
    out["sources"] = [[o for o, _ in ps] for ps in out["_pairs"]]
    out["urls"] = [[u for _, u in ps if u] for ps in out["_pairs"]]
    for name in ("casualties_killed", "casualties_injured"):
        out[name] = list(grouped[name].max()) if name in df.columns else None
    out["event_id"] = [f"m{i}" for i in range(len(out))]
    return out


def _marker_table(table: pd.DataFrame, *, activities: Iterable[str] | None) -> pd.DataFrame:
    if _is_events(table):
        _check_columns(table, _EVENT_NEEDS, "events")
        act = _activity_str(table["activity"])
        ev = table.loc[act.notna() & (act != "none") & _located(table)].copy()
        ev["activity"] = _activity_str(ev["activity"])
        ev["actor"] = _activity_str(ev["actor"]).fillna("unknown")
    else:
        _check_columns(table, _MENTION_NEEDS, "mention")
        ev = _events_from_mentions(table)
    if activities is not None:
        wanted = set(activities)
        ev = ev.loc[ev["activity"].isin(wanted)]
    unknown = sorted(set(ev["activity"]) - set(ACTIVITIES))
    if unknown:
        raise MapError(f"unknown activity type(s) {unknown}; expected one of {list(ACTIVITIES)}")
    ev = ev.copy()
    ev.loc[~ev["actor"].isin(list(ACTORS)), "actor"] = "unknown"
    return ev.reset_index(drop=True)


def _source_links(row: Mapping[str, Any], limit: int = 4) -> list:
    """[[outlet_html, href_html_or_empty], ..., n_more] -- outlets paired with their URLs."""
    sources = [str(s) for s in _as_list(row.get("sources"))]
    urls = [str(u) for u in _as_list(row.get("urls"))]
    pairs = row.get("_pairs")
    if pairs is None:
        if sources and len(sources) == len(urls):
            pairs = list(zip(sources, urls))
        else:
            # Outlets and links do not line up one to one (the events table lists each
            # outlet once, each article's URL once): name the outlets, link by site.
            pairs = [(s, None) for s in sources] + [(urlsplit(u).netloc, u) for u in urls if _safe_href(u)]
            limit = max(limit, len(sources) + 3)
    out: list = [[_esc(outlet), _safe_href(url) or ""] for outlet, url in pairs[:limit]]
    out.append(max(0, len(pairs) - limit))
    return out


def _popup_fields(row: Mapping[str, Any]) -> tuple[str, list, str]:
    """(quote, links, extra): the per-event popup pieces, each already HTML-escaped."""
    quote = row.get("quote")
    text = str(quote).strip() if _present(quote) else ""
    if len(text) > 400:
        text = text[:397].rstrip() + "..."
    extra = []
    if _present(row.get("attributed_to")):
        extra.append(f'<div class="ag-attr">According to {_esc(row.get("attributed_to"))}</div>')
    killed, injured = row.get("casualties_killed"), row.get("casualties_injured")
    figures = []
    if _present(killed):
        figures.append(f"{int(killed)} killed")
    if _present(injured):
        figures.append(f"{int(injured)} injured")
    if figures:
        extra.append(f'<div class="ag-cas">Reported: {", ".join(figures)}</div>')
    if _present(row.get("approximate")) and bool(row.get("approximate")):
        prec = row.get("precision_m")
        within = f" (within about {int(prec):,} m)" if _present(prec) else ""
        extra.append(f'<div class="ag-approx">Approximate location{within}</div>')
    return _esc(text), _source_links(row), "".join(extra)


def _marker_icon_html(activity: str, actor: str) -> str:
    colour = ACTOR_COLOURS.get(actor, ACTOR_COLOURS["unknown"])
    return (
        f'<svg class="ag-icon" viewBox="0 0 24 24" width="26" height="26" style="color:{colour}">'
        f'<circle cx="12" cy="12" r="11" fill="{colour}" stroke="#fff" stroke-width="1.5"/>'
        f'{_GLYPHS[activity]}</svg>'
    )


# --------------------------------------------------------------------------------------
# Page elements (our own MacroElements; no external assets)
# --------------------------------------------------------------------------------------
_CSS = """
<style>
.ag-marker { background: none; border: none; }
.ag-marker svg { display: block; filter: drop-shadow(0 1px 1px rgba(0,0,0,.45)); }
.ag-marker.ag-contested-marker svg circle { stroke: #111; stroke-dasharray: 3 2; }
.ag-popup { font: 13px/1.35 "DejaVu Sans", Arial, sans-serif; max-width: 340px; }
.ag-popup .ag-place { font-size: 14px; margin-bottom: 2px; }
.ag-popup .ag-ar { color: #444; margin-left: 4px; }
.ag-popup .ag-meta { color: #333; margin-bottom: 4px; }
.ag-popup .ag-act { font-weight: bold; }
.ag-popup .ag-contested { background: #fbe3b0; border: 1px solid #c98a00; border-radius: 3px;
  padding: 0 3px; font-size: 11px; text-transform: uppercase; }
.ag-popup .ag-quote { margin: 4px 0; padding: 2px 0 2px 8px; border-left: 3px solid #bbb;
  color: #222; font-style: italic; white-space: pre-wrap; overflow-wrap: anywhere; }
.ag-popup .ag-src, .ag-popup .ag-attr, .ag-popup .ag-cas { color: #444; font-size: 12px; }
.ag-popup .ag-approx { color: #8a5a00; font-size: 12px; }
.ag-legend { background: rgba(255,255,255,.94); padding: 8px 10px; border-radius: 5px;
  box-shadow: 0 1px 5px rgba(0,0,0,.35); font: 12px/1.3 "DejaVu Sans", Arial, sans-serif;
  color: #222; max-height: 60vh; overflow-y: auto; }
/* leave room for the legend beside folium's full-width time slider */
.leaflet-container .leaflet-bottom.leaflet-left { width: calc(100% - 300px); }
.ag-legend { max-width: 260px; }
.ag-legend h4 { margin: 0 0 4px; font-size: 13px; }
.ag-legend .ag-row { display: flex; align-items: center; gap: 6px; margin: 2px 0; }
.ag-legend .ag-swatch { width: 14px; height: 14px; border-radius: 50%; display: inline-block;
  border: 1px solid #fff; box-shadow: 0 0 0 1px #999; }
.ag-legend .ag-square { border-radius: 2px; }
.ag-legend .ag-ring { width: 14px; height: 14px; border-radius: 50%; display: inline-block;
  border: 2px dashed #555; box-sizing: border-box; }
.ag-legend .ag-note { color: #555; font-size: 11px; margin-top: 4px; max-width: 220px; }
.ag-legend svg { flex: none; }
.ag-info { background: rgba(255,255,255,.94); padding: 4px 8px; border-radius: 4px;
  box-shadow: 0 1px 4px rgba(0,0,0,.3); font: 12px "DejaVu Sans", Arial, sans-serif; color: #333; }
.ag-title { position: absolute; top: 10px; left: 50%; transform: translateX(-50%); z-index: 1000;
  background: rgba(255,255,255,.94); padding: 5px 12px; border-radius: 5px;
  box-shadow: 0 1px 5px rgba(0,0,0,.35); font: bold 15px "DejaVu Sans", Arial, sans-serif;
  color: #222; pointer-events: none; max-width: 60%; text-align: center; }
</style>
"""


class _Styles(MacroElement):
    """Our CSS, plus the shared popup builder used by every activity layer.

    The popup builder only concatenates fixed markup with fields that were HTML-escaped
    in Python; it never escapes or unescapes anything itself.
    """

    _template = Template(
        """
        {% macro header(this, kwargs) %}""" + _CSS + """{% endmacro %}
        {% macro script(this, kwargs) %}
        var agGeo = window.agGeo = {
            places: {{ this.places_json }},
            actorLabels: {{ this.actor_labels_json }},
            actorColours: {{ this.actor_colours_json }},
            popup: function (r, activityLabel) {
                var p = agGeo.places[r[7]];
                var h = '<div class="ag-popup"><div class="ag-place"><b>' + p[0] + '</b>';
                if (p[1]) { h += ' <span class="ag-ar" dir="rtl" lang="ar">' + p[1] + '</span>'; }
                h += '</div><div class="ag-meta"><span class="ag-act">' + activityLabel + '</span> &middot; '
                    + '<span style="color:' + agGeo.actorColours[r[3]] + '">' + agGeo.actorLabels[r[3]] + '</span> &middot; '
                    + (r[2] === null ? 'date not stated' : new Date(r[2]).toISOString().slice(0, 10));
                if (r[6]) { h += ' <span class="ag-contested" title="the report says this is disputed">contested</span>'; }
                h += '</div>';
                if (r[8]) { h += '<blockquote class="ag-quote">&ldquo;' + r[8] + '&rdquo;</blockquote>'; }
                h += r[11];
                var links = r[9], more = links[links.length - 1], parts = [];
                for (var i = 0; i < links.length - 1; i++) {
                    parts.push(links[i][1] ? '<a href="' + links[i][1] + '" target="_blank" rel="noopener noreferrer">'
                        + links[i][0] + '</a>' : links[i][0]);
                }
                h += '<div class="ag-src">' + r[10] + (r[10] === 1 ? ' report' : ' reports')
                    + (parts.length ? ': ' + parts.join(', ') : '') + (more > 0 ? ' and ' + more + ' more' : '')
                    + '</div></div>';
                return h;
            }
        };
        {% endmacro %}
        """
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "AleppoGeoStyles"
        self.places_json = "[]"
        self.actor_labels_json = _js_json([_esc(v) for v in ACTORS.values()])
        self.actor_colours_json = _js_json(list(ACTOR_COLOURS.values()))


class _Title(MacroElement):
    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            var box = L.DomUtil.create("div", "ag-title", {{ this._parent.get_name() }}.getContainer());
            box.textContent = {{ this.text_json }};
        })();
        {% endmacro %}
        """
    )

    def __init__(self, text: str) -> None:
        super().__init__()
        self._name = "AleppoGeoTitle"
        # textContent, so no HTML escaping needed; JSON escaping keeps </script> harmless.
        self.text_json = _js_json(str(text))


class _HtmlControl(MacroElement):
    """A Leaflet control showing a fixed piece of HTML that we composed (already escaped)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.control({position: {{ this.position_json }}});
        {{ this.get_name() }}.onAdd = function () {
            var div = L.DomUtil.create("div", {{ this.css_json }});
            div.innerHTML = {{ this.html_json }};
            L.DomEvent.disableClickPropagation(div);
            L.DomEvent.disableScrollPropagation(div);
            return div;
        };
        {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% if this.attribution_json %}
        {{ this._parent.get_name() }}.attributionControl.addAttribution({{ this.attribution_json }});
        {% endif %}
        {% endmacro %}
        """
    )

    def __init__(self, inner_html: str, *, css_class: str, position: str, name: str,
                 attribution: str | None = None) -> None:
        super().__init__()
        self._name = name
        self.html_json = _js_json(inner_html)
        self.css_json = _js_json(css_class)
        self.position_json = _js_json(position)
        self.attribution_json = _js_json(attribution) if attribution else None


class _EventLayer(JSCSSMixin, MacroElement):
    """One activity type's markers, created in the browser from a compact array.

    Each row: [lat, lon, day_ms|null, actor_index, event_id, radius_m, contested, place_index,
    quote_html, [[outlet_html, href], ..., n_more], n_reports, extra_html, [dx, dy]|0]
    (all text escaped; dx/dy fan out markers that share a position).
    Behaves as a "timeline" for TimelineSlider: it has ``times``, ``start``, ``end`` and
    ``setTime(t)`` (an event stays visible from its date on; undated events always show).
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = (function (parent) {
            var rows = {{ this.rows_json }};
            var iconHtml = {{ this.icons_json }};
            var actors = {{ this.actors_json }};
            var icons = iconHtml.map(function (h, i) {
                return [L.divIcon({html: h, className: "ag-marker", iconSize: [26, 26],
                                   iconAnchor: [13, 13], popupAnchor: [0, -12]}),
                        L.divIcon({html: h, className: "ag-marker ag-contested-marker",
                                   iconSize: [26, 26], iconAnchor: [13, 13], popupAnchor: [0, -12]})];
            });
            // Events at the same place are fanned out around it (the anchor moves, the
            // position stays exact) so every one of them can be seen and clicked.
            var shiftedIcons = {};
            function shifted(actor, contested, d) {
                var key = actor + "/" + contested + "/" + d[0] + "/" + d[1];
                if (!shiftedIcons[key]) {
                    shiftedIcons[key] = L.divIcon({html: iconHtml[actor],
                        className: contested ? "ag-marker ag-contested-marker" : "ag-marker",
                        iconSize: [26, 26], iconAnchor: [13 - d[0], 13 - d[1]], popupAnchor: [d[0], d[1] - 12]});
                }
                return shiftedIcons[key];
            }
            var group = {{ "L.markerClusterGroup({chunkedLoading: true, showCoverageOnHover: false, maxClusterRadius: 45})" if this.cluster else "L.featureGroup()" }};
            var circles = L.featureGroup();
            var circleByPlace = {};
            var items = [];
            var popupOptions = {maxWidth: 360, minWidth: 220};
            var label = {{ this.label_json }};
            function popupFor(layer) { return agGeo.popup(layer.options.agRow, label); }
            for (var i = 0; i < rows.length; i++) {
                var r = rows[i];
                var marker = L.marker([r[0], r[1]], {
                    icon: r[12] ? shifted(r[3], r[6], r[12]) : icons[r[3]][r[6] ? 1 : 0], agEventId: r[4], agRow: r,
                    agActivity: {{ this.activity_json }}, agActor: actors[r[3]], riseOnHover: true
                });
                marker.bindPopup(popupFor, popupOptions);
                var circle = null;
                if (r[5] > 0) {
                    var ckey = r[0] + "," + r[1] + "," + r[5];
                    circle = circleByPlace[ckey];
                    if (!circle) {
                        circle = circleByPlace[ckey] = L.circle([r[0], r[1]], {radius: r[5], color: "#555",
                            weight: 1.2, dashArray: "4 4", fill: true, fillColor: "#888", fillOpacity: 0.07,
                            interactive: false});
                        circle.agUsers = 0;
                    }
                }
                items.push({t: r[2], marker: marker, circle: circle, shown: false});
            }
            var layer = {
                group: group, circles: circles, items: items,
                times: [], start: Infinity, end: -Infinity,
                setTime: function (time) {
                    var add = [], remove = [];
                    for (var j = 0; j < items.length; j++) {
                        var it = items[j];
                        var show = it.t === null || it.t <= time;
                        if (show && !it.shown) { add.push(it); }
                        else if (!show && it.shown) { remove.push(it); }
                        it.shown = show;
                    }
                    group.removeLayers ? group.removeLayers(remove.map(function (x) { return x.marker; }))
                                       : remove.forEach(function (x) { group.removeLayer(x.marker); });
                    group.addLayers ? group.addLayers(add.map(function (x) { return x.marker; }))
                                    : add.forEach(function (x) { group.addLayer(x.marker); });
                    // one circle per place however many events it has (stacked fills would darken)
                    remove.forEach(function (x) {
                        if (x.circle && --x.circle.agUsers === 0) { circles.removeLayer(x.circle); }
                    });
                    add.forEach(function (x) {
                        if (x.circle && x.circle.agUsers++ === 0) { circles.addLayer(x.circle); }
                    });
                    this.time = time;
                }
            };
            var seen = {};
            items.forEach(function (it) { if (it.t !== null && !seen[it.t]) { seen[it.t] = 1; layer.times.push(it.t); } });
            layer.times.sort(function (a, b) { return a - b; });
            if (layer.times.length) { layer.start = layer.times[0]; layer.end = layer.times[layer.times.length - 1]; }
            layer.setTime(Infinity);
            circles.addTo(parent);
            group.addTo(parent);
            return layer;
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, activity: str, rows: list[list], *, cluster: bool) -> None:
        super().__init__()
        self._name = "AleppoEvents"
        self.cluster = cluster
        if cluster:
            self.default_js = list(MarkerCluster.default_js)
            self.default_css = list(MarkerCluster.default_css)
        actor_keys = list(ACTORS)
        self.rows_json = _js_json(rows)
        self.icons_json = _js_json([_marker_icon_html(activity, a) for a in actor_keys])
        self.actors_json = _js_json(actor_keys)
        self.activity_json = _js_json(activity)
        self.label_json = _js_json(_esc(ACTIVITIES[activity]))
        self.n_markers = len(rows)
        self.has_dates = any(r[2] is not None for r in rows)


class _MentionedLayer(MacroElement):
    """Places named without any reported activity: small grey dots, never activity icons."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (parent) {
            var rows = {{ this.rows_json }};
            rows.forEach(function (r) {
                var dot = L.circleMarker([r[0], r[1]], {radius: 5, color: "#555", weight: 1,
                    fillColor: "#bbbbbb", fillOpacity: 0.85, agMentionOnly: true, agPopup: r[2]});
                dot.bindPopup(function (l) { return l.options.agPopup; }, {maxWidth: 340});
                dot.addTo(parent);
            });
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, rows: list[list]) -> None:
        super().__init__()
        self._name = "AleppoMentioned"
        self.rows_json = _js_json(rows)


class _StartSliderAtEnd(MacroElement):
    """Open the time slider on the latest date, so the map first shows every event."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        if (isFinite({{ this.slider.get_name() }}.end)) {
            {{ this.slider.get_name() }}.setTime({{ this.slider.get_name() }}.end);
        }
        {% endmacro %}
        """
    )

    def __init__(self, slider: TimelineSlider) -> None:
        super().__init__()
        self._name = "AleppoSliderStart"
        self.slider = slider


def _legend_html(activities: list[str], *, title: str, extra_notes: list[str]) -> str:
    rows = [f"<h4>{_esc(title)}</h4>"]
    rows.append('<div class="ag-section">')
    for actor, label in ACTORS.items():
        rows.append(
            f'<div class="ag-row"><span class="ag-swatch" style="background:{ACTOR_COLOURS[actor]}">'
            f"</span>{_esc(label)}</div>"
        )
    rows.append("</div>")
    if activities:
        rows.append('<div class="ag-section" style="margin-top:6px">')
        for act in activities:
            svg = _marker_icon_html(act, "unknown").replace('width="26" height="26"', 'width="18" height="18"')
            rows.append(f'<div class="ag-row">{svg}{_esc(ACTIVITIES[act])}</div>')
        rows.append("</div>")
    rows.append(
        '<div class="ag-row" style="margin-top:6px"><span class="ag-ring"></span>approximate location</div>'
    )
    rows.append('<div class="ag-row"><span class="ag-swatch" style="background:#bbb"></span>'
                "mentioned, no activity (layer off by default)</div>")
    for note in extra_notes:
        rows.append(f'<div class="ag-note">{note}</div>')
    return "".join(rows)


# --------------------------------------------------------------------------------------
# activity_map
# --------------------------------------------------------------------------------------
def activity_map(
    mentions_or_events: pd.DataFrame,
    *,
    title: str | None = None,
    tiles: str | None = _TILES_DEFAULT,
    cluster_threshold: int = 300,
    include_mentioned: bool = True,
    heatmap: bool = True,
    timeline: bool = True,
    activities: Iterable[str] | None = None,
    unresolved: int | None = None,
    mentions: pd.DataFrame | None = None,
    max_precision_m: float | None = 30_000,
    max_distance_km: float | None = 150,
    location: tuple[float, float] = ALEPPO_CENTRE,
    zoom_start: int = 12,
) -> folium.Map:
    """An interactive map of reported activity, one toggleable layer per activity type.

    ``mentions_or_events`` is either the mention table from
    :func:`aleppo_geo.mentions.extract` (rows whose ``activity`` is not ``none`` become
    markers, grouped by place, activity, actor and day) or the events table from
    :func:`aleppo_geo.events.events` (one marker per event; it has ``n_reports``).

    You get: a marker per event (icon = activity, colour = side) with a popup quoting the
    report, its outlet(s) and link(s), date, number of reports and a "contested" mark; a
    dashed circle for approximate places; a legend; a heat-map layer (off by default);
    marker clustering when there are more than ``cluster_threshold`` markers; a time
    slider (the map shows events up to the chosen date, starting at the latest); a
    "mentioned" layer (off by default) with the places named without any activity; and
    a count of mentions that could not be placed (or pass ``unresolved``).

    When you map events, pass the mention table behind them as ``mentions`` to get
    the "mentioned" layer and the unresolved count too.

    Events whose place is coarser than ``max_precision_m`` (a country, a province) or
    further than ``max_distance_km`` from Aleppo (Moscow, Washington) get no marker;
    the map says how many were left out (``None`` disables either rule).

    ``tiles=None`` gives a blank background (useful for offline, self-contained maps;
    tiles are never inlined). ``activities`` keeps only those activity types.
    """
    if not isinstance(mentions_or_events, pd.DataFrame):
        raise MapError(f"activity_map needs a pandas DataFrame, got {type(mentions_or_events).__name__}")
    table = mentions_or_events
    is_events = _is_events(table)
    events = _marker_table(table, activities=activities)
    n_coarse = 0
    if len(events):
        # A marker at the centroid of Syria, or in Moscow, says nothing about Aleppo's
        # frontlines; the map says how many such events it leaves out.
        drop = pd.Series(False, index=events.index)
        if max_precision_m is not None and "precision_m" in events.columns:
            drop |= pd.to_numeric(events["precision_m"], errors="coerce") > max_precision_m
        if max_distance_km is not None:
            drop |= _distance_km(events, ALEPPO_CENTRE) > max_distance_km
        n_coarse = int(drop.sum())
        events = events.loc[~drop].reset_index(drop=True)
    m = _new_map(title, tiles, location, zoom_start)
    styles = _Styles()
    styles.add_to(m)

    present = [a for a in ACTIVITIES if (events["activity"] == a).any()]
    cluster = len(events) > cluster_threshold
    layers: list[_EventLayer] = []
    place_table: list[list[str]] = []  # shared by all layers: escaped (name, arabic)
    place_index: dict[tuple[str, str], int] = {}
    offsets = _fan_out(events)
    for act in present:
        sub = events.loc[events["activity"] == act]
        rows = []
        for idx, rec in zip(sub.index, sub.to_dict("records")):
            day = _day(rec.get("event_date"))
            radius = 0
            if bool(rec.get("approximate")) and _present(rec.get("approximate")) and _present(rec.get("precision_m")):
                radius = int(rec["precision_m"])
            key = (_esc(rec.get("name")) or _esc(rec.get("place_id")) or "Unnamed place", _esc(rec.get("arabic")))
            if key not in place_index:
                place_index[key] = len(place_table)
                place_table.append(list(key))
            quote, links, extra = _popup_fields(rec)
            n = rec.get("n_reports")
            rows.append([
                round(float(rec["lat"]), 6), round(float(rec["lon"]), 6), _epoch_ms(day),
                list(ACTORS).index(rec["actor"]), str(rec.get("event_id") or ""), radius,
                1 if (_present(rec.get("contested")) and bool(rec.get("contested"))) else 0,
                place_index[key], quote, links, int(n) if _present(n) else 1, extra,
                offsets[idx],
            ])
        group = folium.FeatureGroup(name=f"{ACTIVITIES[act]} ({len(rows)})", show=True)
        group.add_to(m)
        layer = _EventLayer(act, rows, cluster=cluster)
        layer.add_to(group)
        layers.append(layer)
    if layers:
        # Defined before the layers' scripts run: the Styles element renders first.
        styles.places_json = _js_json(place_table)

    source_mentions = table if not is_events else mentions
    if source_mentions is not None:
        _check_columns(source_mentions, {"lat", "lon", "activity"}, "mention")
    if include_mentioned and source_mentions is not None:
        mentioned = _mentioned_rows(source_mentions)
        if mentioned:
            group = folium.FeatureGroup(name=f"Mentioned, no activity ({len(mentioned)})", show=False)
            group.add_to(m)
            _MentionedLayer(mentioned).add_to(group)

    if heatmap and len(events):
        weights = events.groupby(["lat", "lon"], sort=False)["n_reports"].sum().reset_index()
        points = [[float(a), float(b), float(w)] for a, b, w in weights.itertuples(index=False)]
        top = max(p[2] for p in points)
        points = [[a, b, w / top] for a, b, w in points]
        HeatMap(points, name="Heat map (reports)", show=False, radius=22, blur=18,
                min_opacity=0.3).add_to(m)

    if unresolved is None and source_mentions is not None:
        unresolved = _count_unresolved(source_mentions)
    info = []
    if unresolved is not None:
        one = int(unresolved) == 1
        info.append(
            f'<div class="ag-unresolved"><b>{int(unresolved):,}</b> place mention{"" if one else "s"} '
            f'could not be located and {"is" if one else "are"} not on the map</div>'
        )
    if n_coarse:
        one = n_coarse == 1
        info.append(
            f'<div class="ag-coarse"><b>{n_coarse:,}</b> event{"" if one else "s"} placed only at country or '
            f'province level, or far from Aleppo, {"is" if one else "are"} not drawn</div>'
        )
    if info:
        _HtmlControl("".join(info), css_class="ag-info", position="topleft", name="AleppoUnresolved").add_to(m)

    notes = [f"{len(events):,} mapped event{'s' if len(events) != 1 else ''}"]
    if cluster:
        notes.append("Numbered circles group nearby events; zoom in to separate them.")
    _HtmlControl(_legend_html(present, title="Reported activity", extra_notes=[_esc(n) for n in notes]),
                 css_class="ag-legend", position="bottomright", name="AleppoLegend").add_to(m)

    folium.LayerControl(collapsed=False).add_to(m)

    if timeline and any(layer.has_dates for layer in layers):
        slider = TimelineSlider(auto_play=False, date_options="YYYY-MM-DD", show_ticks=True,
                                enable_keyboard_controls=False, steps=365, playback_duration=20000)
        slider.add_timelines(*layers)
        slider.add_to(m)
        _StartSliderAtEnd(slider).add_to(m)
    return m


def _distance_km(events: pd.DataFrame, centre: tuple[float, float]) -> pd.Series:
    lat = pd.to_numeric(events["lat"], errors="coerce").astype(float).map(math.radians)
    lon = pd.to_numeric(events["lon"], errors="coerce").astype(float).map(math.radians)
    lat0, lon0 = math.radians(centre[0]), math.radians(centre[1])
    a = ((lat - lat0) / 2).map(math.sin) ** 2 + math.cos(lat0) * lat.map(math.cos) * ((lon - lon0) / 2).map(math.sin) ** 2
    return 2 * 6371.0 * a.map(lambda v: math.asin(math.sqrt(min(1.0, v))))


def _fan_out(events: pd.DataFrame) -> dict[Any, Any]:
    """Pixel offsets [dx, dy] (or 0) per row, spreading markers that share a position."""
    if events.empty:
        return {}
    key = events["lat"].astype(float).round(6).astype(str) + "," + events["lon"].astype(float).round(6).astype(str)
    k = events.groupby(key, sort=False).cumcount()
    n = key.map(key.value_counts())
    out: dict[Any, Any] = {}
    for idx, ki, ni in zip(events.index, k, n):
        if ni <= 1:
            out[idx] = 0
            continue
        radius = min(12 + 3 * ni, 40)
        angle = 2 * math.pi * ki / ni - math.pi / 2
        out[idx] = [round(radius * math.cos(angle)), round(radius * math.sin(angle))]
    return out


def _count_unresolved(mentions: pd.DataFrame) -> int:
    unplaced = ~_located(mentions)
    if "match" in mentions.columns:
        unplaced = unplaced | (mentions["match"].astype("object") == "unresolved")
    return int(unplaced.sum())


def _mentioned_rows(mentions: pd.DataFrame) -> list[list]:
    act = _activity_str(mentions["activity"])
    df = mentions.loc[(act.isna() | (act == "none")) & _located(mentions)]
    if df.empty:
        return []
    key = df["place_id"].astype("object") if "place_id" in df.columns else df["lat"].astype(str) + df["lon"].astype(str)
    key = key.fillna(df["lat"].astype(str) + "," + df["lon"].astype(str))
    rows = []
    for _, grp in df.groupby(key, sort=True):
        first = grp.iloc[0]
        name = _esc(first.get("name")) or "Unnamed place"
        arabic = _esc(first.get("arabic"))
        sentence = _first(grp["sentence"]) if "sentence" in grp.columns else None
        n = len(grp)
        popup = [f'<div class="ag-popup"><div class="ag-place"><b>{name}</b>']
        if arabic:
            popup.append(f' <span class="ag-ar" dir="rtl" lang="ar">{arabic}</span>')
        popup.append(f'</div><div class="ag-meta">Named {n} time{"s" if n != 1 else ""}; '
                     "no activity reported here</div>")
        if _present(sentence):
            popup.append(f'<blockquote class="ag-quote">&ldquo;{_esc(str(sentence)[:400])}&rdquo;</blockquote>')
        popup.append("</div>")
        rows.append([round(float(first["lat"]), 6), round(float(first["lon"]), 6), "".join(popup)])
    return rows


# --------------------------------------------------------------------------------------
# control_map
# --------------------------------------------------------------------------------------
CSR_ATTRIBUTION = (
    "Neighbourhoods: approximate boundaries; Columbia CSR "
    "&ldquo;Conflict Urbanism: Aleppo&rdquo; (MIT)"
)


def _norm_name(name: Any) -> str:
    if not _present(name):
        return ""
    try:
        from aleppo_geo.names import normalize  # the team's transliteration-aware key
        return normalize(str(name))
    except Exception:  # names module not available yet / other failure: crude key
        return re.sub(r"[^a-z0-9]", "", str(name).lower())


def _load_neighbourhoods(neighbourhoods: str | Path | Mapping | None) -> dict:
    if isinstance(neighbourhoods, Mapping):
        return json.loads(json.dumps(neighbourhoods))  # a copy we may annotate
    if neighbourhoods is None:
        candidates = []
        try:
            from aleppo_geo.gazetteer import bundled_data_dir
            candidates.append(Path(bundled_data_dir()) / "neighbourhoods.geojson")
        except Exception:
            pass
        candidates.append(Path(__file__).resolve().parents[1] / "gazetteer" / "neighbourhoods.geojson")
        found = next((p for p in candidates if p.is_file()), None)
        if found is None:
            raise MapError(
                "no neighbourhood polygons found (gazetteer/neighbourhoods.geojson); "
                "pass neighbourhoods=<path to a GeoJSON file>"
            )
        neighbourhoods = found
    path = Path(neighbourhoods)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise MapError(f"{path}: neighbourhood file not found") from None
    except json.JSONDecodeError as exc:
        raise MapError(f"{path}: not valid GeoJSON ({exc.msg} at line {exc.lineno})") from None
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise MapError(f"{path}: expected a GeoJSON FeatureCollection")
    return data


_AREA_KINDS = {"city", "region", "governorate", "country"}


def _holder_tip(name: Any, arabic: Any, rec: Mapping | None, holder: str, confidence: float,
                as_of: pd.Timestamp, *, shape: str) -> str:
    tip = [f"<b>{_esc(name)}</b>"]
    if arabic:
        tip.append(f' <span dir="rtl" lang="ar">{_esc(arabic)}</span>')
    if rec is None:
        tip.append(f"<br>No report on who holds it by {as_of.date().isoformat()}")
    else:
        tip.append(
            f"<br>Held by: <b>{_esc(ACTORS.get(holder, holder))}</b> "
            f"(confidence {confidence:.0%}, as of {rec['date'].date().isoformat()})"
        )
        evidence = str(rec.get("evidence") or "")
        if len(evidence) > 300:
            evidence = evidence[:297].rstrip() + "..."
        if evidence:
            tip.append(f'<br><span class="ag-evidence">{_esc(evidence)}</span>')
    tip.append(f"<br><i>{_esc(shape)}</i>")
    return '<div class="ag-popup" style="white-space:normal">' + "".join(tip) + "</div>"


class _HolderPoints(MacroElement):
    """Dots for controlled places that have no polygon; rows [lat, lon, colour, opacity, tip_html]."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (parent) {
            {{ this.rows_json }}.forEach(function (r) {
                L.circleMarker([r[0], r[1]], {radius: 8, color: "#333", weight: 1.2, fillColor: r[2],
                    fillOpacity: r[3], agHolderPoint: true})
                    .bindTooltip(r[4], {sticky: true, maxWidth: 320}).addTo(parent);
            });
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, rows: list[list]) -> None:
        super().__init__()
        self._name = "AleppoHolderPoints"
        self.rows_json = _js_json(rows)


def control_map(
    events: pd.DataFrame,
    date: Any,
    *,
    control: pd.DataFrame | None = None,
    neighbourhoods: str | Path | Mapping | None = None,
    title: str | None = None,
    tiles: str | None = _TILES_DEFAULT,
    location: tuple[float, float] = ALEPPO_CENTRE,
    zoom_start: int = 12,
) -> folium.Map:
    """Neighbourhoods shaded by who the reports say holds them as of ``date``.

    Holders come from :func:`aleppo_geo.events.control_timeline` (or pass its result as
    ``control``): for each neighbourhood the latest row on or before ``date`` decides the
    colour (government red, opposition green, other purple, unknown grey) and its
    confidence the opacity. Each polygon's tooltip shows the holder, the date of that
    evidence and the evidence itself (escaped). Polygons come from
    ``gazetteer/neighbourhoods.geojson`` (properties ``place_id``, ``name``, ``name_ar``)
    or from ``neighbourhoods`` (a path or a GeoJSON dict; features without ``place_id``
    are matched on their ``name``/``NAME``). Boundaries are approximate. Places in the
    control timeline without a polygon (a camp, a hospital) show as dots in the holder's
    colour, with the same tooltip.
    """
    as_of = pd.Timestamp(date)
    if pd.isna(as_of):
        raise MapError(f"control_map needs a date, got {date!r}")
    if control is None:
        try:
            from aleppo_geo.events import control_timeline
        except ImportError as exc:
            raise MapError("aleppo_geo.events.control_timeline is not available; pass control=") from exc
        control = control_timeline(events)
    _check_columns(control, {"date", "holder", "confidence", "evidence"}, "control timeline")
    ctl = control.copy()
    ctl["date"] = pd.to_datetime(ctl["date"], errors="coerce")
    ctl = ctl.loc[ctl["date"].notna() & (ctl["date"] <= as_of)].sort_values("date", kind="stable")
    by_id: dict[str, dict] = {}
    by_name: dict[str, dict] = {}
    for rec in ctl.to_dict("records"):
        if _present(rec.get("place_id")):
            by_id[str(rec["place_id"])] = rec  # later rows win: the latest evidence
        if _present(rec.get("name")):
            by_name[_norm_name(rec["name"])] = rec

    data = _load_neighbourhoods(neighbourhoods)
    counts = {h: 0 for h in HOLDER_COLOURS}
    used: set[int] = set()
    for feature in data.get("features", []):
        props = feature.setdefault("properties", {}) or {}
        feature["properties"] = props
        name = props.get("name") or props.get("NAME") or props.get("place_id") or "unnamed"
        arabic = props.get("name_ar") or props.get("NAME_A")
        rec = by_id.get(str(props.get("place_id"))) if props.get("place_id") else None
        if rec is None:
            rec = by_name.get(_norm_name(name))
        holder = str(rec["holder"]) if rec is not None and rec.get("holder") in HOLDER_COLOURS else "unknown"
        confidence = float(rec["confidence"]) if rec is not None and _present(rec.get("confidence")) else 0.0
        confidence = min(max(confidence, 0.0), 1.0)
        counts[holder] += 1
        if rec is not None:
            used.add(id(rec))
        tip = _holder_tip(name, arabic, rec, holder, confidence, as_of, shape="approximate boundary")
        props["ag_holder"] = holder
        props["ag_confidence"] = confidence
        props["ag_tooltip"] = tip

    m = _new_map(title, tiles, location, zoom_start)
    _Styles().add_to(m)

    def style(feature: dict) -> dict:
        p = feature["properties"]
        known = p["ag_holder"] != "unknown"
        return {
            "fillColor": HOLDER_COLOURS[p["ag_holder"]],
            "color": "#444",
            "weight": 0.8,
            "fillOpacity": 0.15 + 0.55 * p["ag_confidence"] if known else 0.08,
        }

    folium.GeoJson(
        data,
        name=f"Who holds what, as of {as_of.date().isoformat()}",
        style_function=style,
        highlight_function=lambda f: {"weight": 2.5, "color": "#000"},
        on_each_feature=folium.JsCode(
            "function (feature, layer) {"
            " layer.bindTooltip(feature.properties.ag_tooltip, {sticky: true, maxWidth: 320}); }"
        ),
    ).add_to(m)

    # Places the reports speak about that have no polygon (a camp, a hospital, an
    # industrial area): a dot in the holder's colour, with the same evidence.
    points = []
    kinds: dict[str, str] = {}
    if isinstance(events, pd.DataFrame) and {"place_id", "kind"} <= set(events.columns):
        kinds = dict(zip(events["place_id"].astype(str), events["kind"].astype(str)))
    for rec in by_id.values():
        if id(rec) in used or not (_present(rec.get("lat")) and _present(rec.get("lon"))):
            continue
        if kinds.get(str(rec.get("place_id"))) in _AREA_KINDS:
            continue  # "Aleppo" or "East Aleppo" as a dot would claim a whole area for one side
        holder = str(rec["holder"]) if rec.get("holder") in HOLDER_COLOURS else "unknown"
        confidence = min(max(float(rec["confidence"]) if _present(rec.get("confidence")) else 0.0, 0.0), 1.0)
        tip = _holder_tip(rec.get("name") or rec.get("place_id"), None, rec, holder, confidence, as_of,
                          shape="place without a mapped boundary")
        points.append([round(float(rec["lat"]), 6), round(float(rec["lon"]), 6), HOLDER_COLOURS[holder],
                       round(0.35 + 0.6 * confidence, 3), tip])
    if points:
        group = folium.FeatureGroup(name=f"Places without a boundary ({len(points)})", show=True)
        group.add_to(m)
        _HolderPoints(points).add_to(group)

    legend = [f"<h4>Control as of {as_of.date().isoformat()}</h4>"]
    for holder, colour in HOLDER_COLOURS.items():
        label = "No report / unknown" if holder == "unknown" else ACTORS[holder]
        legend.append(
            f'<div class="ag-row"><span class="ag-swatch ag-square" style="background:{colour}"></span>'
            f"{_esc(label)} ({counts[holder]})</div>"
        )
    legend.append('<div class="ag-note">Darker = stronger evidence. Boundaries are approximate; '
                  "Columbia CSR (MIT).</div>")
    _HtmlControl("".join(legend), css_class="ag-legend", position="bottomright",
                 name="AleppoControlLegend", attribution=CSR_ATTRIBUTION).add_to(m)
    folium.LayerControl(collapsed=False).add_to(m)
    return m
