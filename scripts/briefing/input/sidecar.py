"""Sidecar metadata: ``seeds/<name>.yml`` supplies what the text lacks.

Every key is declared in :data:`FIELDS` with its meaning; an unknown key or
a value of the wrong shape is a SidecarError naming the file, key and line.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..errors import SidecarError
from ..model import Diagnostic, Section
from ..yamlfile import LineDict, load_yaml
from .guard import sidecar_bytes
from .reading import refuse_wide, strip_bidi
from .slug import windows_reserved

FIELDS: dict[str, str] = {
    "author": "the author's name, or a list of co-authors' names, as they should be cited",
    "date": "the publication date, YYYY-MM-DD",
    "url": "the original article's web address (http or https)",
    "summary": "the bottom line shown on the overview",
    "sections": "headings: a list of {heading: text, paragraph: number it comes before}",
    "tags": "topics added to the brief: a list of words",
    "slug": "the brief's URL name (lower-case letters, digits and hyphens)",
}

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
"""A slug as a sidecar may give it: ``moscow-tehran-2011``."""

URL = re.compile(r"^https?://[^\s<>\"']+$")
"""An absolute http(s) address without spaces or quotes."""


@dataclass(frozen=True)
class Sidecar:
    """Validated sidecar values; None or empty where the sidecar is silent."""

    author: str | None = None
    date: dt.date | None = None
    url: str | None = None
    summary: str | None = None
    sections: tuple[Section, ...] = ()
    tags: tuple[str, ...] = ()
    slug: str | None = None
    warnings: tuple[Diagnostic, ...] = ()
    """Problems found and mended while reading the sidecar (bidirectional controls)."""


def sidecar_path(seed: Path) -> Path:
    return seed.with_suffix(".yml")


def load_sidecar(path: Path, display: str, root: Path | None = None) -> Sidecar:
    """The sidecar at ``path`` (an empty Sidecar if there is none).

    ``path`` must be a regular file inside ``root`` (by default, its folder).
    """
    return read_sidecar(sidecar_bytes(path, root or path.parent, display), display)


def read_sidecar(data: bytes | None, display: str) -> Sidecar:
    """The sidecar whose bytes are ``data`` (None: there is no sidecar)."""
    if data is None:
        return Sidecar()
    refuse_wide(data, display, SidecarError)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SidecarError(display, "not UTF-8; save the file as UTF-8", 1) from None
    text, spoofing = strip_bidi(text, display)
    loaded = load_yaml(text, display, SidecarError)
    if loaded is None:
        return Sidecar(warnings=spoofing)
    if not isinstance(loaded, LineDict):
        raise SidecarError(display, "expected a mapping of keys such as 'author:' and 'date:'", 1)
    return replace(_validate(loaded, display), warnings=spoofing)


def _validate(data: LineDict, file: str) -> Sidecar:
    for key in data:
        if key not in FIELDS:
            known = ", ".join(FIELDS)
            raise SidecarError(
                file, f"unknown key '{key}' (known keys: {known})", data.line_of(key)
            )

    def fail(key: str, message: str) -> SidecarError:
        return SidecarError(file, f"'{key}': {message}", data.line_of(key))

    def text(key: str) -> str | None:
        value = data.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            raise fail(key, f"expected text, got {_shown(value)}")
        return " ".join(value.split())

    url, slug = text("url"), text("slug")
    if url is not None and not URL.match(url):
        raise fail("url", f"expected an http(s) address, got {url!r}")
    if slug is not None and not SLUG.match(slug):
        raise fail("slug", f"expected lower-case letters, digits and hyphens, got {slug!r}")
    if slug is not None and windows_reserved(slug):
        raise fail(
            "slug", f"{slug!r} names a device on Windows, where the site could not be unpacked"
        )
    return Sidecar(
        author=_authors(data, fail),
        date=_date(data, fail),
        url=url,
        summary=text("summary"),
        sections=_sections(data, fail),
        tags=_tags(data, fail),
        slug=slug,
    )


def _authors(data: LineDict, fail: Any) -> str | None:
    """One name, or a list joined with " and " (as BibTeX and CSL read it)."""
    value = data.get("author")
    if value is None:
        return None
    names = value if isinstance(value, list) else [value]
    if not names or not all(isinstance(n, str) and n.strip() for n in names):
        raise fail("author", f"expected a name or a list of names, got {_shown(value)}")
    return " and ".join(" ".join(n.split()) for n in names)


def _date(data: LineDict, fail: Any) -> dt.date | None:
    value = data.get("date")
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise fail("date", f"expected a date as YYYY-MM-DD, got {_shown(value)}")


def _sections(data: LineDict, fail: Any) -> tuple[Section, ...]:
    value = data.get("sections")
    if value is None:
        return ()
    if not isinstance(value, list):
        raise fail("sections", "expected a list of {heading: ..., paragraph: ...}")
    sections = []
    for item in value:
        if (
            not isinstance(item, dict)
            or set(item) != {"heading", "paragraph"}
            or not isinstance(item["heading"], str)
            or not item["heading"].strip()
            or not isinstance(item["paragraph"], int)
            or isinstance(item["paragraph"], bool)
            or item["paragraph"] < 1
        ):
            raise fail(
                "sections", f"each item needs a heading and a paragraph number, got {_shown(item)}"
            )
        sections.append(Section(" ".join(item["heading"].split()), item["paragraph"]))
    return tuple(sorted(sections, key=lambda s: s.paragraph))


def _tags(data: LineDict, fail: Any) -> tuple[str, ...]:
    value = data.get("tags")
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(t, str) and t.strip() for t in value):
        raise fail("tags", "expected a list of words")
    return tuple(dict.fromkeys(" ".join(t.split()) for t in value))


def _shown(value: object) -> str:
    shown = repr(value if not isinstance(value, dict) else dict(value))
    return shown if len(shown) <= 60 else shown[:57] + "..."
