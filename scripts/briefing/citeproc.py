"""CSL-JSON items → formatted citations, by pandoc's citeproc and the official styles.

One pandoc process per style formats every item of the build: a document
citing each item once (so every note is a first, full note) is run through
``pandoc --citeproc -t json`` and the result is split by the identifiers
pandoc gives each bibliography entry (``ref-<id>``) and each cited
paragraph (``cite-<n>``).

Each entry must read as if formatted alone, so when a style is loaded the
options that make one entry depend on its neighbours in a list are dropped:
``subsequent-author-substitute`` (MLA's "———") and the disambiguation
switches (APA's "2011a"). Nothing else in the official files is changed.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from .csl import Item, csl_json
from .errors import DataFileError
from .render.escape import md, url_link

STYLES: dict[str, str] = {
    "chicago": "chicago-notes-bibliography.csl",
    "apa": "apa.csl",
    "mla": "modern-language-association.csl",
}
"""Our name for each style → its official CSL file under data/csl/."""

PIN = "987654321"
"""Stand-in paragraph number of pinpoint notes; replaced by the real one after formatting."""

_NEIGHBOUR_OPTIONS = (
    "subsequent-author-substitute",
    "subsequent-author-substitute-rule",
    "disambiguate-add-year-suffix",
    "disambiguate-add-names",
    "disambiguate-add-givenname",
    "givenname-disambiguation-rule",
    "collapse",
)
_CSL_NS = "http://purl.org/net/xbiblio/csl"

Runner = Callable[[Sequence[str], str], str]
"""Runs pandoc with arguments and standard input; returns standard output."""


@dataclass(frozen=True)
class Text:
    """One formatted string, as plain text and as Markdown."""

    plain: str
    markdown: str


@dataclass(frozen=True)
class Formatted:
    """An item in one style: its note or in-text citation, and its bibliography entry."""

    citation: Text
    bibliography: Text


def pandoc_path() -> str:
    """The pandoc binary shipped by the ``pypandoc-binary`` wheel."""
    import pypandoc

    return str(pypandoc.get_pandoc_path())


def run_pandoc(args: Sequence[str], stdin: str) -> str:
    done = subprocess.run(
        [pandoc_path(), *args], input=stdin, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise DataFileError("pandoc", f"citation formatting failed: {done.stderr.strip()}")
    return done.stdout


def standalone_style(name: str) -> str:
    """The official style ``name`` with its list-dependent options removed."""
    source = resources.files("briefing.data").joinpath("csl", STYLES[name]).read_text("utf-8")
    ET.register_namespace("", _CSL_NS)
    root = ET.fromstring(source)
    for element in root.iter():
        for option in _NEIGHBOUR_OPTIONS:
            element.attrib.pop(option, None)
    return ET.tostring(root, encoding="unicode")


def format_items(
    items: Sequence[Item], pins: Sequence[Item] = (), run: Runner = run_pandoc
) -> dict[str, dict[str, Formatted]]:
    """Style name → item id → formatted item; ``pins`` are cited at paragraph :data:`PIN`."""
    if not items and not pins:
        return {name: {} for name in STYLES}
    cited = [(str(i["id"]), "") for i in items]
    cited += [(str(p["id"]), f", paragraph {PIN}") for p in pins]
    document = "\n\n".join(
        f"::: {{#cite-{n}}}\n[@{{{key}}}{locator}]\n:::" for n, (key, locator) in enumerate(cited)
    )
    with tempfile.TemporaryDirectory(prefix="briefing-csl-") as folder:
        bibliography = Path(folder, "items.json")
        bibliography.write_text(csl_json([*items, *pins]), "utf-8")
        formatted = {}
        for name in STYLES:
            style = Path(folder, f"{name}.csl")
            style.write_text(standalone_style(name), "utf-8")
            args = [
                "-f",
                "markdown",
                "-t",
                "json",
                "--citeproc",
                f"--csl={style}",
                f"--bibliography={bibliography}",
                "--wrap=none",
            ]
            formatted[name] = _split(json.loads(run(args, document)), [k for k, _ in cited])
    return formatted


def _split(document: dict[str, Any], keys: list[str]) -> dict[str, Formatted]:
    citations: dict[str, Text] = {}
    entries: dict[str, Text] = {}
    for block in document["blocks"]:
        if block["t"] != "Div":
            continue
        identifier, inner = block["c"][0][0], block["c"][1]
        if identifier.startswith("cite-"):
            citations[keys[int(identifier[5:])]] = _text(list(_citation_inlines(inner)))
        elif identifier == "refs":
            for entry in inner:
                entries[entry["c"][0][0].removeprefix("ref-")] = _text(_block_inlines(entry))
    return {key: Formatted(citations[key], entries[key]) for key in keys if key in entries}


def _citation_inlines(blocks: list[Any]) -> Iterator[Any]:
    """The citation's inlines: the note's content in a note style, else the cite itself."""
    for block in blocks:
        for inline in block["c"]:
            if inline["t"] != "Cite":
                continue
            content = inline["c"][1]
            notes = [i for i in content if i["t"] == "Note"]
            yield from (_block_inlines(notes[0]["c"][0]) if notes else content)


def _block_inlines(block: dict[str, Any]) -> list[Any]:
    content = block["c"]
    inlines: list[Any] = content[1][0]["c"] if block["t"] == "Div" else content
    return inlines


def _text(inlines: list[Any]) -> Text:
    return Text(_render(inlines, False).strip(), _render(inlines, True).strip())


def _render(inlines: list[Any], markdown: bool) -> str:
    """Runs of words are escaped together, so escaping sees them as one line of text."""
    out, run = [], []
    for node in inlines:
        if node["t"] == "Str":
            run.append(node["c"])
        elif node["t"] in {"Space", "SoftBreak", "LineBreak"}:
            run.append(" ")
        else:
            out.append(md("".join(run)) if markdown else "".join(run))
            out.append(_inline(node, markdown))
            run = []
    out.append(md("".join(run)) if markdown else "".join(run))
    return "".join(out)


def _inline(node: Any, markdown: bool) -> str:
    kind, content = node["t"], node.get("c", [])
    if kind == "Emph":
        inner = _render(content, markdown)
        return f"*{inner}*" if markdown and inner.strip() == inner else inner
    if kind == "Link":
        text, (url, _) = _render(content[1], False), content[2]
        return url_link(url) if markdown and text == url else _render(content[1], markdown)
    if kind == "Quoted":
        inner = _render(content[1], markdown)
        return f"“{inner}”" if content[0]["t"] == "DoubleQuote" else f"‘{inner}’"
    if kind in {"Span", "Cite"}:
        return _render(content[1], markdown)
    if kind in {"Strong", "SmallCaps", "Superscript", "Subscript", "Underline", "Strikeout"}:
        return _render(content, markdown)
    return ""
