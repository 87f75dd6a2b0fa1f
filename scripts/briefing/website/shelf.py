"""Rendered pages kept small between MkDocs' two passes over the site.

MkDocs 1.x renders every page's Markdown before it writes any (each page may
link to any other), and holds every page's Markdown and HTML until the build
ends: about 250 KB of heap per brief, gigabytes for a whole archive. The hook
puts each page's HTML on a :class:`Shelf` as soon as it is rendered (and
drops its Markdown, which nothing reads after that), takes it back just
before the theme lays the page out, and drops it once the page is written.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field

LEVEL = 1
"""zlib's fastest level: pages of a brief shrink about fourfold, at a few
milliseconds per hundred pages."""


PACKING = f"zlib {LEVEL}, UTF-8"
"""How :func:`pack` packs: kept renderings that were packed otherwise are not used."""


def pack(html: str) -> bytes:
    """HTML as the shelf holds it."""
    return zlib.compress(html.encode("utf-8"), LEVEL)


def unpack(packed: bytes) -> str:
    """The HTML :func:`pack` packed."""
    return zlib.decompress(packed).decode("utf-8")


class NotShelved(KeyError):
    """A page was to be laid out whose rendered HTML was never put on the shelf."""


@dataclass
class Shelf:
    """Each page's rendered HTML, compressed, by the page's source path."""

    _pages: dict[str, bytes] = field(default_factory=dict)

    def put(self, page: str, html: str) -> None:
        self._pages[page] = pack(html)

    def put_packed(self, page: str, packed: bytes) -> None:
        """Shelve HTML already packed by :func:`pack` (a kept rendering's)."""
        self._pages[page] = packed

    def take(self, page: str) -> str:
        """The page's HTML, which leaves the shelf; :class:`NotShelved` if it is not there."""
        try:
            packed = self._pages.pop(page)
        except KeyError:
            raise NotShelved(page) from None
        return unpack(packed)

    def clear(self) -> None:
        self._pages.clear()

    def __len__(self) -> int:
        return len(self._pages)

    def __contains__(self, page: object) -> bool:
        return page in self._pages

    def stored_bytes(self) -> int:
        """Bytes of HTML held, compressed."""
        return sum(len(packed) for packed in self._pages.values())
