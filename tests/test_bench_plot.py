"""The benchmark's plot: an SVG with one line per measured series."""

import xml.etree.ElementTree as ET

from briefing.bench.plot import plot

SVG = "{http://www.w3.org/2000/svg}"


def figures(count: int, build: float, site_mb: float) -> dict[str, float]:
    return {
        "articles": count,
        "build_s": build,
        "rebuild_build_s": build / 4,
        "plain_footnotes_build_s": build / 10,
        "mkdocs_bibtex_build_s": build / 3,
        "site_bytes": site_mb * 2**20,
    }


def test_the_plot_draws_every_series_at_every_size() -> None:
    results = {"sizes": {"1": figures(1, 2.0, 3.0), "100": figures(100, 20.0, 33.0)}}
    svg = ET.fromstring(plot(results))
    lines = svg.findall(f".//{SVG}polyline")
    assert len(lines) == 5  # four build series, one site size
    assert all(len(line.get("points", "").split()) == 2 for line in lines)
    labels = {t.text for t in svg.iter(f"{SVG}text")}
    assert {"briefing", "briefing, built again", "mkdocs-bibtex", "plain footnoted site"} <= labels
    assert {"briefs", "100"} <= labels
