"""Reading built HTML as a browser would: its text, and anything that could run."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from mkdocs.utils.yaml import yaml_load

ACTIVE_URL = re.compile(r"^\s*(?:javascript|vbscript|data):", re.IGNORECASE)
"""Link targets that run code or embed content instead of going somewhere."""

EMBEDDING = frozenset({"iframe", "frame", "object", "embed", "applet", "base"})
"""Elements no generated page has any business containing."""


class PageReader(HTMLParser):
    """Collects a page's visible text, its element ids, links and dangerous markup."""

    def __init__(self, theme_scripts: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.theme_scripts = theme_scripts
        self.parts: list[str] = []
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.unsafe: list[str] = []
        self._script = False
        self._data = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.unsafe.append(f"<{tag} {name}={value!r}>")
            if name in {"href", "src", "action", "formaction"} and ACTIVE_URL.match(value or ""):
                self.unsafe.append(f"<{tag} {name}={value!r}>")
            if name == "id" and value:
                self.ids.add(value)
            if name == "href" and tag == "a" and value is not None:
                self.links.append(value)
        if tag in EMBEDDING or (tag in {"script", "style", "img"} and not self.theme_scripts):
            self.unsafe.append(f"<{tag}>")
        self._script = tag in {"script", "style"}
        self._data = tag == "script" and ("type", "application/ld+json") in attrs

    def handle_endtag(self, tag: str) -> None:
        self._script = self._data = False

    def handle_data(self, data: str) -> None:
        if self._data:  # structured data: JSON the browser never runs, with no way out
            try:
                json.loads(data)
            except ValueError:
                self.unsafe.append(f"structured data that is not JSON {data[:60]!r}")
            if "</" in data or "<!--" in data:
                self.unsafe.append(f"structured data that could end its script {data[:60]!r}")
        elif self._script and "alert" in data:
            self.unsafe.append(f"script text {data[:60]!r}")
        elif not self._script:
            self.parts.append(data)

    @property
    def text(self) -> str:
        """The visible text with white space runs made single spaces."""
        return " ".join("".join(self.parts).split())


def read_page(html: str, theme_scripts: bool = False) -> PageReader:
    reader = PageReader(theme_scripts)
    reader.feed(html)
    reader.close()
    return reader


ROOT = Path(__file__).resolve().parent.parent


def markdown_settings(left_out: frozenset[str] = frozenset()) -> tuple[list[str], dict[str, Any]]:
    """The Markdown extensions of the project's mkdocs.yml and their options, as MkDocs
    renders with them (but those ``left_out``)."""
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as handle:
        config = yaml_load(handle)
    names, options = [], {}
    for item in config["markdown_extensions"]:
        name = next(iter(item)) if isinstance(item, dict) else item
        if name not in left_out:
            names.append(name)
            if isinstance(item, dict):
                options[name] = item[name]
    return names, options
