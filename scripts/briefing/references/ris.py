"""CSL-JSON items → RIS, the tagged format every reference manager imports.

Each record is ``TY`` first and ``ER`` last, one ``TAG  - value`` per line;
all values pass through :func:`ris_value`, the one sanitising place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from .csl import Item

LINE_BREAKS = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]+")
"""Control characters and line separators: a RIS value must stay on its line."""

_TYPES = {"article-journal": "JOUR", "article-newspaper": "NEWS", "webpage": "ELEC"}


def ris_value(text: str) -> str:
    """Plain text as a RIS value: one line, no control characters, trimmed."""
    return " ".join(LINE_BREAKS.sub(" ", text).split())


def _date(item: Item, field: str) -> str | None:
    parts = item.get(field, {}).get("date-parts", [[]])[0]
    if not parts:
        return None
    year, month, day = ([*parts, None, None])[:3]
    fields = (f"{year:04d}", f"{month:02d}" if month else "", f"{day:02d}" if day else "")
    return "/".join(fields) + "/"


def _record(item: Item) -> Iterator[tuple[str, str | None]]:
    yield "TY", _TYPES.get(item["type"], "GEN")
    yield "ID", item["id"]
    for name in item.get("author", []):
        yield "AU", name.get("literal") or f"{name['family']}, {name['given']}"
    yield "TI", item.get("title")
    yield "T2" if item["type"] != "webpage" else "PB", item.get("container-title")
    yield "VL", item.get("volume")
    yield "IS", item.get("issue")
    date = _date(item, "issued")
    yield "PY", date[:4] if date else None
    yield "DA", date
    yield "Y2", _date(item, "accessed")
    yield "PB", item.get("publisher")
    yield "DB", item.get("archive")
    yield "UR", item.get("URL")
    yield "UR", item.get("archive_location")
    yield "N1", item.get("note")
    yield "ER", ""


def ris(items: Iterable[Item]) -> str:
    """The RIS text of ``items``, records separated by a blank line."""
    records = (
        "".join(
            f"{tag}  - {ris_value(value)}\n" for tag, value in _record(item) if value is not None
        )
        for item in items
    )
    return "\n".join(records)
