"""Readable, safe, stable URL names for briefs."""

from __future__ import annotations

import re

from unidecode import unidecode

MAX_LENGTH = 60
"""Slugs are cut at a word boundary to at most this many characters."""

NON_WORD = re.compile(r"[^a-z0-9]+")
"""Runs of anything but lower-case ASCII letters and digits."""

RESERVED = frozenset(
    {"con", "prn", "aux", "nul", "assets", "search", "index", "tags", "briefs"}
    | {f"com{i}" for i in range(10)}
    | {f"lpt{i}" for i in range(10)}
)
"""Names that are unsafe as folders on some systems or taken by the site itself."""


WINDOWS_DEVICES = frozenset(
    {"con", "prn", "aux", "nul"}
    | {f"com{i}" for i in range(1, 10)}
    | {f"lpt{i}" for i in range(1, 10)}
)
"""Names Windows keeps for devices, in any case and with any extension (``NUL.md``)."""


def windows_reserved(name: str) -> bool:
    """Whether a file or folder called ``name`` cannot exist on Windows."""
    return name.split(".", 1)[0].rstrip(" ").lower() in WINDOWS_DEVICES


def slugify(title: str, fallback: str = "brief") -> str:
    """``A New Rapprochement…`` → ``a-new-rapprochement…``; Cyrillic is transliterated."""
    words = NON_WORD.sub(" ", unidecode(title).lower()).split()
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > MAX_LENGTH:
            break
        slug = candidate
    if not slug and words:
        slug = words[0][:MAX_LENGTH]
    if not slug:
        slug = fallback
    return f"{slug}-brief" if slug in RESERVED or windows_reserved(slug) else slug
