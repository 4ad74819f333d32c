"""Geometry for the inline SVG figures; the templates turn these numbers into markup.

* :func:`map_figure` — an equirectangular map of China's province-level points (grey) with the
  page's places on top (no tiles, no outlines, nothing loaded from the network);
* :func:`bar_chart` — horizontal grouped bars (entrants and winners per industry or province).

Coordinates are rounded to 0.1 px so the output is stable.
"""

from __future__ import annotations

import math
from typing import Any

__all__ = ["BAR_COLOURS", "bar_chart", "map_figure", "project"]

#: longitude/latitude window of the map (mainland China with Hainan)
LON_MIN, LON_MAX, LAT_MIN, LAT_MAX = 73.0, 135.5, 17.5, 54.0
MAP_WIDTH = 360.0
_PAD = 12.0
_SQUEEZE = math.cos(math.radians(35.0))
MAP_HEIGHT = round(
    (MAP_WIDTH - 2 * _PAD) * (LAT_MAX - LAT_MIN) / ((LON_MAX - LON_MIN) * _SQUEEZE) + 2 * _PAD, 1
)
#: entrants, winners: dark enough for 3:1 against white (WCAG non-text contrast)
BAR_COLOURS = ("#1f5f99", "#b3470f")


def project(lon: float, lat: float) -> tuple[float, float]:
    """Map ``(lon, lat)`` to SVG ``(x, y)`` in the map's viewBox."""
    width = MAP_WIDTH - 2 * _PAD
    height = MAP_HEIGHT - 2 * _PAD
    x = _PAD + (lon - LON_MIN) / (LON_MAX - LON_MIN) * width
    y = _PAD + (LAT_MAX - lat) / (LAT_MAX - LAT_MIN) * height
    return round(x, 1), round(y, 1)


def map_figure(background: list[dict[str, Any]], places: list[dict[str, Any]]) -> dict[str, Any]:
    """Points for the map template: grey ``background`` points and labelled ``places``.

    :param background: ``{"label", "lon", "lat"}`` of the province-level divisions.
    :param places: ``{"label", "href", "lon", "lat"}`` of the places to show.
    """
    dots = []
    for item in sorted(background, key=lambda p: (p["label"], p["lon"], p["lat"])):
        x, y = project(item["lon"], item["lat"])
        dots.append({"x": x, "y": y, "label": item["label"]})
    marks = []
    ordered = sorted(places, key=lambda p: (p["lon"], p["lat"], p["label"]))
    for number, item in enumerate(ordered):
        x, y = project(item["lon"], item["lat"])
        right = x < MAP_WIDTH * 0.72
        marks.append(
            {
                "x": x,
                "y": y,
                "label": item["label"],
                "href": item.get("href"),
                "lon": round(item["lon"], 4),
                "lat": round(item["lat"], 4),
                "tx": round(x + 6 if right else x - 6, 1),
                "ty": round(y + (-5 if number % 2 == 0 else 12), 1),
                "anchor": "start" if right else "end",
            }
        )
    return {"width": MAP_WIDTH, "height": MAP_HEIGHT, "dots": dots, "marks": marks}


def bar_chart(
    rows: list[dict[str, Any]], series: list[dict[str, str]], *, label_width: float = 170.0
) -> dict[str, Any]:
    """Horizontal grouped bars.

    :param rows: ``{"label", "href", "values": {series key: int | None}}`` in display order.
    :param series: ``{"key", "zh", "en"}`` per bar of a group (colours from :data:`BAR_COLOURS`).
    """
    bar, gap, top = 12.0, 10.0, 8.0
    width = 640.0
    plot = width - label_width - 40.0
    peak = max([v for r in rows for v in r["values"].values() if v is not None] + [1])
    step = _tick_step(peak)
    group = bar * len(series) + gap
    items = []
    for number, row in enumerate(rows):
        y0 = top + number * group
        bars = []
        for k, serie in enumerate(series):
            value = row["values"].get(serie["key"])
            length = 0.0 if value is None else round(plot * value / (step * _ticks(peak, step)), 1)
            bars.append(
                {
                    "key": serie["key"],
                    "x": label_width,
                    "y": round(y0 + k * bar, 1),
                    "w": max(length, 0.0),
                    "h": bar - 1,
                    "value": "" if value is None else value,
                    "tx": round(label_width + length + 4, 1),
                    "ty": round(y0 + k * bar + bar - 3, 1),
                    "colour": BAR_COLOURS[k % len(BAR_COLOURS)],
                }
            )
        items.append(
            {
                "label": row["label"],
                "href": row.get("href"),
                "ly": round(y0 + (group - gap) / 2 + 4, 1),
                "bars": bars,
            }
        )
    height = top + len(rows) * group + 22.0
    ticks = []
    for n in range(_ticks(peak, step) + 1):
        value = n * step
        ticks.append({"value": value, "x": round(label_width + plot * n / _ticks(peak, step), 1)})
    return {
        "width": width,
        "height": round(height, 1),
        "label_width": label_width,
        "axis_y": round(height - 18.0, 1),
        "groups": items,
        "ticks": ticks,
        "series": [dict(s, colour=BAR_COLOURS[k % len(BAR_COLOURS)]) for k, s in enumerate(series)],
    }


def _tick_step(peak: int) -> int:
    for step in (1, 2, 5, 10, 20, 50, 100, 200, 500):
        if peak / step <= 8:
            return step
    return 1000


def _ticks(peak: int, step: int) -> int:
    return max(1, math.ceil(peak / step))
