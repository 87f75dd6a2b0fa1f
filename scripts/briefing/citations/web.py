"""Web addresses as sources: ``lenta.ru``, ``www.24.kg``, ``https://x.gov/p/1.html``.

Inside a parenthetical any address names a source. In running text only an
unmistakable address counts (one with a scheme, ``www.`` or a path), so that
a sentence naming "Gazeta.ru" as a subject is not taken for a citation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

WEB_ADDRESS = re.compile(
    r"(?P<scheme>https?://)?(?P<www>www\.)?"
    r"(?P<host>(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.){1,8}(?P<tld>[A-Za-z]{2,12}))"
    r"(?::[0-9]{1,5})?(?P<path>[/?#][^\s]{0,2000})?"
)
"""A web address, used with ``fullmatch``: ``Kremlin.ru``, ``www.24.kg``,
``site.ru/news/2012/11/22/777-slug.html``, ``https://example.gov/press/123.html``."""

GENERIC_TLDS = frozenset(
    {"com", "org", "net", "gov", "edu", "mil", "int", "info", "biz", "name", "pro", "news"}
    | {"online", "media", "tv", "asia", "eu", "io", "co"}
)
"""Top-level domains longer than two letters that we accept (two-letter country
domains are always accepted): "St.Petersburg" is not an address."""

CANDIDATE = re.compile(r"[^\s()]{4,2100}")
"""A run of text that might be an address, bounded so long words stay cheap."""

EDGE_PUNCTUATION = "\"“”‘’'«»[]<>,;:.!?…"
"""Punctuation that surrounds an address in prose but is not part of it."""


def is_web_address(text: str) -> bool:
    """Whether ``text`` is exactly a web address."""
    match = WEB_ADDRESS.fullmatch(text.strip())
    if match is None:
        return False
    tld = match["tld"]
    return len(tld) == 2 or tld.casefold() in GENERIC_TLDS


def is_unmistakable(text: str) -> bool:
    """Whether ``text`` is an address even outside parentheses (scheme, www or path)."""
    match = WEB_ADDRESS.fullmatch(text.strip())
    if match is None or not is_web_address(text):
        return False
    return bool(match["scheme"] or match["www"] or (match["path"] and len(match["path"]) > 1))


def find_addresses(text: str) -> Iterator[tuple[int, int]]:
    """Offsets (start, end) of every unmistakable web address in ``text``."""
    for candidate in CANDIDATE.finditer(text):
        word = candidate.group()
        if "." not in word:
            continue
        left = len(word) - len(word.lstrip(EDGE_PUNCTUATION))
        core = word.strip(EDGE_PUNCTUATION)
        if "@" in core or not is_unmistakable(core):
            continue
        start = candidate.start() + left
        yield start, start + len(core)
