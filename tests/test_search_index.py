"""What the site's search index holds: brief pages, not the generated index pages."""

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def test_generated_index_pages_are_left_out_of_search(project: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "scripts")}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(project / "site")],
        cwd=project,
        env=env,
        check=True,
    )
    index = json.loads((project / "site" / "search" / "search_index.json").read_text("utf-8"))
    pages = {doc["location"].partition("#")[0] for doc in index["docs"]}
    assert not pages & {"", "bibliography/", "report/"}
    assert any(p.endswith("/text/") for p in pages)
    assert any(p.startswith("briefs/") and not p.endswith("/text/") for p in pages)
    # Pages and blocks that repeat the text stay out; the text and its notes stay in.
    assert not pages & {"timeline/", "archive/", "archive/2011/"}
    locations = {doc["location"] for doc in index["docs"]}
    analysis = {loc.partition("#")[2] for loc in locations if "/analysis/" in loc}
    assert "people-and-quotes" in analysis and not analysis & {"timeline", "claims"}
    texts = {doc["location"]: doc["text"] for doc in index["docs"]}
    leaked = [loc for loc, text in texts.items() if "para. " in text or "@article" in text]
    assert leaked == []
    text_page = next(t for loc, t in texts.items() if loc.endswith("/text/"))
    assert "Bushehr" in text_page and "Interfax-AVN" in text_page
