"""The one place where text becomes Markdown or HTML attribute values.

Seed text is data: every character the author typed must appear as typed,
never as markup. Python-Markdown's ``pymdownx.escapeall`` extension lets a
backslash escape any character, so escaping is uniform.
"""

from __future__ import annotations

import functools
import html
import re
from urllib.parse import quote

MARKDOWN_SPECIAL = re.compile(r"[\\`*_{}\[\]<>#|~^&]")
"""Characters that start inline Markdown, HTML, entity or extension syntax anywhere."""

BLOCK_START = re.compile(r"^(\s*)([-+=!:/]|\d+(?=[.)]))")
"""What would open a list, rule or heading if a text were to start a line."""

WHITESPACE = re.compile(r"\s+")
"""Runs of white space, line ends included: Markdown text stays on one line."""

_SAFE_URL = re.compile(r"^(?:https?://|mailto:)", re.IGNORECASE)
"""Schemes a link to the outside may use; anything else is not linked."""


# Pure, and called on the same outlet names and dates again and again across
# a large archive's pages: a bounded cache makes rendering several times faster.
@functools.lru_cache(maxsize=1 << 16)
def md(text: str) -> str:
    """Plain text as Markdown that renders to exactly that text, on one line.

    Runs of white space become one space; leading and trailing spaces stay.
    """
    escaped = MARKDOWN_SPECIAL.sub(lambda m: "\\" + m.group(), WHITESPACE.sub(" ", str(text)))
    return BLOCK_START.sub(lambda m: m.group(1) + "".join("\\" + c for c in m.group(2)), escaped)


def attr(text: str) -> str:
    """Plain text as a double-quoted HTML or attr_list attribute value."""
    return (
        html.escape(" ".join(str(text).split()), quote=True)
        .replace("{", "&#123;")
        .replace("}", "&#125;")
    )


def safe_url(url: str) -> str | None:
    """An outside address fit for a link target, or None if its scheme is not safe."""
    url = url.strip()
    if not _SAFE_URL.match(url):
        return None
    return quote(url, safe="/:?#[]@!$&'*+,;=%~-._")


def url_link(url: str) -> str:
    """A Markdown link to an outside address showing the address; plain text if unsafe."""
    target = safe_url(url)
    return f"[{md(url)}](<{target}>)" if target else md(url)
