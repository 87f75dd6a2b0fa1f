"""``briefing bench plot``: the benchmark's figures as an SVG for the README.

Two panels against the number of briefs, both on log scales: seconds to
build the site (ours, the plain hand-footnoted site, mkdocs-bibtex) and
megabytes of built site (ours). Built as an element tree, written once.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

WIDTH, HEIGHT = 790, 300
PANEL = (300, 220)
"""Width and height of each panel's plotting area, in pixels."""
MARGIN = (70, 40)
"""Left and top margin of the first panel."""
GAP = 80
"""Pixels between the two panels."""

SERIES: tuple[tuple[str, str, str], ...] = (
    ("build_s", "briefing", "#3f51b5"),
    ("rebuild_build_s", "briefing, built again", "#6a1b9a"),
    ("plain_footnotes_build_s", "plain footnoted site", "#2e7d32"),
    ("mkdocs_bibtex_build_s", "mkdocs-bibtex", "#c62828"),
)
"""Build-time series: key in results.json, label, colour."""


@dataclass(frozen=True)
class Panel:
    """One chart: its title, where it sits, and (label, colour, points) per series."""

    title: str
    left: float
    series: Sequence[tuple[str, str, list[tuple[float, float]]]]


def plot(results: dict[str, Any]) -> str:
    """The SVG document for ``bench/results.json``'s figures."""
    sizes = sorted(results["sizes"].values(), key=lambda f: f["articles"])
    build = [
        (label, colour, [(f["articles"], f[key]) for f in sizes if f.get(key)])
        for key, label, colour in SERIES
    ]
    site = [("briefing", SERIES[0][2], [(f["articles"], f["site_bytes"] / 2**20) for f in sizes])]
    svg = ET.Element(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "width": str(WIDTH),
            "height": str(HEIGHT),
            "viewBox": f"0 0 {WIDTH} {HEIGHT}",
            "role": "img",
            "font-family": "sans-serif",
            "font-size": "12",
        },
    )
    ET.SubElement(svg, "title").text = "Build seconds and site megabytes against briefs"
    ET.SubElement(svg, "rect", width="100%", height="100%", fill="white")
    for panel in (
        Panel("mkdocs build, seconds", MARGIN[0], build),
        Panel("built site, MB", MARGIN[0] + PANEL[0] + GAP, site),
    ):
        _draw(svg, panel)
    ET.indent(svg)
    return ET.tostring(svg, encoding="unicode") + "\n"


def _draw(svg: ET.Element, panel: Panel) -> None:
    points = [p for _, _, series in panel.series for p in series]
    xs, ys = _range([x for x, _ in points]), _range([y for _, y in points])
    top, (width, height) = MARGIN[1], PANEL
    group = ET.SubElement(svg, "g")
    ET.SubElement(group, "text", x=str(panel.left), y=str(top - 14)).text = panel.title
    frame = {"x": str(panel.left), "y": str(top), "width": str(width), "height": str(height)}
    ET.SubElement(group, "rect", {**frame, "fill": "none", "stroke": "#999"})

    def at(x: float, y: float) -> tuple[float, float]:
        return (
            panel.left + width * (math.log10(x) - xs[0]) / (xs[1] - xs[0]),
            top + height * (1 - (math.log10(y) - ys[0]) / (ys[1] - ys[0])),
        )

    for power in range(math.ceil(xs[0]), math.floor(xs[1]) + 1):
        x, _ = at(10**power, 10 ** ys[0])
        label = ET.SubElement(group, "text", x=f"{x:.1f}", y=str(top + height + 16))
        label.set("text-anchor", "middle")
        label.text = f"{10**power:,}"
    for power in range(math.ceil(ys[0]), math.floor(ys[1]) + 1):
        _, y = at(10 ** xs[0], 10**power)
        label = ET.SubElement(group, "text", x=str(panel.left - 6), y=f"{y + 4:.1f}")
        label.set("text-anchor", "end")
        label.text = f"{10**power:g}"
    axis = ET.SubElement(group, "text", x=str(panel.left + width / 2), y=str(top + height + 34))
    axis.set("text-anchor", "middle")
    axis.text = "briefs"
    for row, (name, colour, series) in enumerate(panel.series):
        coordinates = [at(x, y) for x, y in series]
        line = " ".join(f"{x:.1f},{y:.1f}" for x, y in coordinates)
        ET.SubElement(group, "polyline", points=line, fill="none", stroke=colour)
        for x, y in coordinates:
            ET.SubElement(group, "circle", cx=f"{x:.1f}", cy=f"{y:.1f}", r="3", fill=colour)
        key = ET.SubElement(group, "text", x=str(panel.left + 8), y=str(top + 16 + 15 * row))
        key.set("fill", colour)
        key.text = name


def _range(values: list[float]) -> tuple[float, float]:
    """The log10 span of ``values``, widened to whole powers of ten."""
    low, high = math.log10(min(values)), math.log10(max(values))
    low, high = math.floor(low), math.ceil(high)
    return (low, high) if high > low else (low, low + 1)
