"""CSL-JSON items → formatted citations, by pandoc's citeproc and the official styles.

One pandoc process per style formats every item of the build: a document
citing each item in a paragraph of its own (its first, full note) is run through
``pandoc --citeproc -t json`` and the result is split by the identifiers
pandoc gives each bibliography entry (``ref-<id>``) and each cited
paragraph (``cite-<n>``).

Each entry must read as if formatted alone, so when a style is loaded the
options that make one entry depend on its neighbours in a list are dropped:
``subsequent-author-substitute`` (MLA's "———") and the disambiguation
switches (APA's "2011a"), and the branches a style takes only when a cite
is ambiguous with another (``<if disambiguate="true">``: MLA adds the title
to "(Blank, par. 3)" when the same author appears twice in a document)
never match, since an entry is copied into a memo on its own. The files'
indentation is left out (CSL reads none of it, and pandoc reads Chicago's
style in half the time without it). Nothing else in the official files is
changed.

Chicago's short note for a source cited again (:data:`AGAIN`) is formatted
beside the first: the item is cited twice in one paragraph, and the second
note is the one citeproc gives at ``position="subsequent"``.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from ..children import ending_with_this_process
from ..citations.registry import web_host
from ..errors import DataFileError
from ..escape import md, md_within, url_link
from .csl import Item, csl_json

STYLES: dict[str, str] = {
    "chicago": "chicago-notes-bibliography.csl",
    "apa": "apa.csl",
    "mla": "modern-language-association.csl",
}
"""Our name for each style → its official CSL file under data/csl/."""

BARE_ADDRESSES = frozenset({"mla"})
"""Styles whose entries show a web address without ``https://`` (MLA 9, 5.95: the
scheme can usually be left off); the link itself keeps it."""

SCHEME = re.compile(r"^https?://", re.IGNORECASE)
"""The scheme that begins a web address."""

RENDERING = "3"
"""Raised whenever what is made of pandoc's output changes (2: MLA's bare addresses;
3: no line-start escapes within a line), so that entries an earlier version cached
are formatted again."""

AGAIN = "--again"
"""Suffix of the id under which an item's Chicago short note is returned, for a
later note citing the same item (CSL ``position="subsequent"``)."""

_AGAIN_LOCATOR = "\x00again"
"""What stands for "cited again" among the locators (and in cache keys)."""

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

NEVER_TYPE = "software"
"""An item type no brief or source is given: a condition on it never holds, which
stands in for ``disambiguate="true"``."""

Runner = Callable[[Sequence[str], str], str]
"""Runs pandoc with arguments and standard input; returns standard output."""

Adapter = Callable[[str, Item], Item]
"""A style's name and an item → the item as that style is given it."""


def _same(_style: str, item: Item) -> Item:
    return item


@dataclass(frozen=True)
class Text:
    """One formatted string, as plain text and as Markdown."""

    plain: str
    markdown: str


@dataclass(frozen=True)
class Formatted:
    """An item in one style: its note or in-text citation, and its bibliography entry.

    ``subsequent`` is Chicago's short note for a later citation of the item,
    where it was asked for (see :func:`format_items`)."""

    citation: Text
    bibliography: Text
    subsequent: Text | None = None


def pandoc_path() -> str:
    """The pandoc binary shipped by the ``pypandoc-binary`` wheel."""
    import pypandoc

    return str(pypandoc.get_pandoc_path())


def run_pandoc(args: Sequence[str], stdin: str) -> str:
    try:
        done = subprocess.run(
            [pandoc_path(), *args],
            input=stdin,
            capture_output=True,
            text=True,
            check=False,
            preexec_fn=ending_with_this_process(),
        )
    except OSError as exc:
        raise DataFileError("pandoc", f"cannot run pandoc ({exc}); reinstall: make site") from None
    if done.returncode != 0:
        raise DataFileError("pandoc", f"citation formatting failed: {done.stderr.strip()}")
    return done.stdout


@functools.lru_cache(maxsize=len(STYLES))
def standalone_style(name: str) -> str:
    """The official style ``name`` with its list-dependent options removed."""
    source = resources.files("briefing.data").joinpath("csl", STYLES[name]).read_text("utf-8")
    ET.register_namespace("", _CSL_NS)
    root = ET.fromstring(source)
    for element in root.iter():
        for option in _NEIGHBOUR_OPTIONS:
            element.attrib.pop(option, None)
        if element.attrib.pop("disambiguate", None) is not None:
            element.set("type", NEVER_TYPE)
        element.text, element.tail = _unindented(element.text), _unindented(element.tail)
    return ET.tostring(root, encoding="unicode")


def _unindented(text: str | None) -> str | None:
    """``text`` unless it is only the file's indentation: a line break and spaces
    between two elements, which CSL ignores (a style's words are in its
    attributes) and which cost pandoc half its time reading Chicago's style."""
    return None if text is not None and not text.strip() and "\n" in text else text


CHUNK = 2000
"""Most items one pandoc process formats; more are split across processes."""


class FormatCache:
    """Formatted items by content: a style, an item and its locator → the result.

    Entries never depend on their neighbours (see the module docstring), so
    an item formatted once is formatted the same way again: a rebuild only
    runs pandoc for new or changed items. The build loads and saves it.
    """

    def __init__(self, entries: dict[str, list[str]] | None = None) -> None:
        self.entries: dict[str, list[str]] = dict(entries or {})
        self.used: set[str] = set()
        self.note: str | None = None
        """Why some saved entries were not used, if any were not."""

    @staticmethod
    def key(signature: str, item: Item, locator: str) -> str:
        text = json.dumps([signature, item, locator], sort_keys=True, ensure_ascii=True)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def reuse(self, key: str, formatted: Formatted) -> None:
        """Keep ``formatted``, found under ``key`` by an earlier build, for the next one."""
        if key in self.entries:
            self.used.add(key)
        else:
            self.put(key, formatted)

    def get(self, key: str) -> Formatted | None:
        found = self.entries.get(key)
        if found is None:
            return None
        self.used.add(key)
        return Formatted(Text(found[0], found[1]), Text(found[2], found[3]))

    def put(self, key: str, formatted: Formatted) -> None:
        self.used.add(key)
        self.entries[key] = [
            formatted.citation.plain,
            formatted.citation.markdown,
            formatted.bibliography.plain,
            formatted.bibliography.markdown,
        ]

    def kept(self) -> dict[str, list[str]]:
        """The entries this build used, to save: old ones do not pile up."""
        return {k: self.entries[k] for k in sorted(self.used) if k in self.entries}


def format_items(
    items: Sequence[Item],
    pins: Sequence[Item] = (),
    run: Runner = run_pandoc,
    chicago_only: Sequence[Item] = (),
    cache: FormatCache | None = None,
    adapt: Adapter = _same,
    keys: dict[tuple[str, str], str] | None = None,
    again: Sequence[Item] = (),
) -> dict[str, dict[str, Formatted]]:
    """Style name → item id → formatted item; ``pins`` are cited at paragraph :data:`PIN`.

    Each of ``again`` is also formatted as cited a second time, in Chicago
    style alone, under its id with :data:`AGAIN` added: that entry's
    citation is the short note (see :func:`_format_chunk`).

    ``adapt`` gives each style its own version of an item (see
    :func:`briefing.references.csl.style_items`). ``keys``, when given, is filled
    with each formatted item's cache key, by style name and item id.

    ``chicago_only`` items (the cited sources, shown in the bibliography in
    Chicago style) are formatted in that style alone. Items found in
    ``cache`` are not formatted again; the rest go to pandoc in chunks of
    :data:`CHUNK`, as concurrent processes, one core each.
    """
    cache = cache if cache is not None else FormatCache()
    jobs: list[tuple[str, list[tuple[Item, str]]]] = []
    result: dict[str, dict[str, Formatted]] = {name: {} for name in STYLES}
    signatures = {name: _signature(name) for name in STYLES}
    keys = keys if keys is not None else {}
    for name in STYLES:
        wanted = [(i, "") for i in [*items, *(chicago_only if name == "chicago" else ())]]
        wanted += [(p, f", paragraph {PIN}") for p in pins]
        wanted += [(a, _AGAIN_LOCATOR) for a in (again if name == "chicago" else ())]
        wanted = [(adapt(name, item), locator) for item, locator in wanted]
        missing = []
        for item, locator in wanted:
            key = FormatCache.key(signatures[name], _keep_address_case(item), locator)
            keys[name, _result_id(item, locator)] = key
            found = cache.get(key)
            if found is None:
                missing.append((item, locator))
            else:
                result[name][_result_id(item, locator)] = found
        jobs += [(name, missing[i : i + CHUNK]) for i in range(0, len(missing), CHUNK)]
    with (
        tempfile.TemporaryDirectory(prefix="briefing-csl-") as folder,
        ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool,
    ):
        done = pool.map(
            lambda number, job: _format_chunk(Path(folder), number, job[0], job[1], run),
            range(len(jobs)),
            jobs,
        )
        for (name, chunk), formatted in zip(jobs, done, strict=True):
            for item, locator in chunk:
                key = _result_id(item, locator)
                if key in formatted:
                    result[name][key] = formatted[key]
                    cache.put(keys[name, key], formatted[key])
    return result


@functools.lru_cache(maxsize=len(STYLES))
def _signature(name: str) -> str:
    """What a cached entry of style ``name`` depends on besides the item."""
    text = f"{pandoc_version()}\n{RENDERING}\n{standalone_style(name)}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@functools.lru_cache(maxsize=1)
def pandoc_version() -> str:
    """The version of the pandoc binary (``pandoc --version``'s first line)."""
    return run_pandoc(["--version"], "").partition("\n")[0]


def _result_id(item: Item, locator: str) -> str:
    return str(item["id"]) + (AGAIN if locator == _AGAIN_LOCATOR else "")


def _format_chunk(
    folder: Path, number: int, name: str, chunk: Sequence[tuple[Item, str]], run: Runner
) -> dict[str, Formatted]:
    """Each item of ``chunk`` cited in a paragraph of its own, formatted by pandoc.

    An item cited again (:data:`_AGAIN_LOCATOR`) is cited twice in its
    paragraph; the second note is the short one (Chicago 17, 14.29: a
    later note citing a source already cited in full is shortened). One
    that has neither author nor title (a news item cited by outlet and
    date) would be shortened to its outlet alone, which would not tell two
    days of one outlet apart; its short note is its full note without the
    address instead: the outlet and the date, as Chicago 14.29 has a short
    form keep what identifies the source."""
    items: dict[str, Item] = {}
    lines = []
    for n, (item, locator) in enumerate(chunk):
        key = str(item["id"])
        items[key] = item
        if locator != _AGAIN_LOCATOR:
            cited = f"[@{{{key}}}{locator}]"
        elif "title" in item or "author" in item:
            cited = f"[@{{{key}}}] [@{{{key}}}]"
        else:
            bare = {k: v for k, v in item.items() if k not in {"URL", "DOI"}}
            items[key + AGAIN] = {**bare, "id": key + AGAIN}
            cited = f"[@{{{key + AGAIN}}}]"
        lines.append(f"::: {{#cite-{n}}}\n{cited}\n:::")
    document = "\n\n".join(lines)
    bibliography = folder / f"{number}-items.json"
    bibliography.write_text(csl_json([_keep_address_case(i) for i in items.values()]), "utf-8")
    style = folder / f"{number}-{name}.csl"
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
    ids = [str(item["id"]) for item, _ in chunk]
    results = [_result_id(item, locator) for item, locator in chunk]
    return _split(json.loads(run(args, document)), ids, results, name in BARE_ADDRESSES)


def _keep_address_case(item: Item) -> Item:
    """The item with web addresses (a periodical's name, the brief's address
    as archive location) marked to keep their case.

    Styles capitalise the first letter of a sentence, which would print
    ``Www.crisisgroup.org``; CSL's ``nocase`` span prevents it. Only pandoc
    sees the span: downloads keep the plain text.
    """
    kept = dict(item)
    for field in ("container-title", "archive_location"):
        value = item.get(field)
        if isinstance(value, str) and web_host(value) is not None and "<" not in value:
            kept[field] = f'<span class="nocase">{value}</span>'
    return kept


def _split(
    document: dict[str, Any], ids: list[str], results: list[str], bare: bool = False
) -> dict[str, Formatted]:
    """The citation of paragraph ``n`` with the entry of ``ids[n]``, under ``results[n]``;
    with ``bare``, addresses are shown without their scheme."""
    citations: dict[str, Text] = {}
    entries: dict[str, Text] = {}
    for block in document["blocks"]:
        if block["t"] != "Div":
            continue
        identifier, inner = block["c"][0][0], block["c"][1]
        if identifier.startswith("cite-"):
            citations[results[int(identifier[5:])]] = _text(_citation_inlines(inner), bare)
        elif identifier == "refs":
            for entry in inner:
                entries[entry["c"][0][0].removeprefix("ref-")] = _text(_block_inlines(entry), bare)
    return {
        result: Formatted(citations[result], entries[key])
        for key, result in zip(ids, results, strict=True)
        if key in entries
    }


def _citation_inlines(blocks: list[Any]) -> list[Any]:
    """The last citation's inlines: its note's content in a note style, else the cite."""
    found: list[Any] = []
    for block in blocks:
        for inline in block["c"]:
            if inline["t"] != "Cite":
                continue
            content = inline["c"][1]
            notes = [i for i in content if i["t"] == "Note"]
            found = _block_inlines(notes[0]["c"][0]) if notes else content
    return found


def _block_inlines(block: dict[str, Any]) -> list[Any]:
    content = block["c"]
    inlines: list[Any] = content[1][0]["c"] if block["t"] == "Div" else content
    return inlines


def _text(inlines: list[Any], bare: bool = False) -> Text:
    if bare:
        inlines = _bare_addresses(inlines)
    return Text(_render(inlines, False).strip(), _render(inlines, True).strip())


def _bare_addresses(inlines: list[Any]) -> list[Any]:
    """``inlines`` with each link that shows its own address showing it without the scheme."""
    out = []
    for node in inlines:
        kind, content = node["t"], node.get("c")
        if kind == "Link" and _render(content[1], False) == content[2][0]:
            shown = [{"t": "Str", "c": SCHEME.sub("", content[2][0])}]
            node = {"t": kind, "c": [content[0], shown, content[2]]}
        elif kind in {"Span", "Cite"}:
            node = {"t": kind, "c": [content[0], _bare_addresses(content[1]), *content[2:]]}
        out.append(node)
    return out


def _render(inlines: list[Any], markdown: bool, first: bool = True) -> str:
    """Runs of words are escaped together, so escaping sees them as one line of text;
    only what may begin the line (``first``, nothing printed before it) is escaped as
    a line's start."""
    out: list[str] = []
    run: list[str] = []

    def escaped(text: str) -> str:
        if not markdown:
            return text
        return md(text) if first and not "".join(out).strip() else md_within(text)

    for node in inlines:
        if node["t"] == "Str":
            run.append(node["c"])
        elif node["t"] in {"Space", "SoftBreak", "LineBreak"}:
            run.append(" ")
        else:
            out.append(escaped("".join(run)))
            out.append(_inline(node, markdown, first and not "".join(out).strip()))
            run = []
    out.append(escaped("".join(run)))
    return "".join(out)


def _inline(node: Any, markdown: bool, first: bool) -> str:
    kind, content = node["t"], node.get("c", [])
    if kind == "Emph":
        inner = _render(content, markdown, False)
        if markdown and inner.strip() == inner:
            return f"*{inner}*"
        return _render(content, markdown, first)
    if kind == "Link":
        text, (url, _) = _render(content[1], False), content[2]
        if markdown and text in {url, SCHEME.sub("", url)}:
            return url_link(url, text)  # an address shown, bare or whole, stays a link
        return _render(content[1], markdown, first)
    if kind == "Quoted":
        inner = _render(content[1], markdown, False)
        return f"“{inner}”" if content[0]["t"] == "DoubleQuote" else f"‘{inner}’"
    if kind in {"Span", "Cite"}:
        return _render(content[1], markdown, first)
    if kind in {"Strong", "SmallCaps", "Superscript", "Subscript", "Underline", "Strikeout"}:
        return _render(content, markdown, first)
    return ""
