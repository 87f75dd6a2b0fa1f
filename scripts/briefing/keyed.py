"""Texts made once and reused while everything they were made from stays the same.

A :class:`TextCache` keys each text by a digest of its *inputs*: the
values a page (or a BibTeX entry, a download) is rendered from, as JSON
(:func:`_encoded`).
Whoever asks for a text passes every input explicitly, and the function
that makes it must read nothing else; then the same key always stands for
the same text. ``salt`` adds what the inputs do not carry: the package's
code, templates and data files.

One cache serves one build and hands the next build only the texts this
one used (:meth:`TextCache.next`), so it never grows across rebuilds.

The functions that make texts take no cache: they call :func:`kept` (and
:func:`digest` for a large input) with what the text is made from, and the
build makes its cache the active one while its outputs are made
(:meth:`TextCache.active`). Outside a build, or with none active, every
text is made afresh: the same text, only slower.
"""

from __future__ import annotations

import contextlib
import contextvars
import dataclasses
import datetime as dt
import enum
import hashlib
import json
from collections.abc import Callable, Iterator
from pathlib import PurePath
from typing import TypeVar

T = TypeVar("T")


class TextCache:
    """Texts by the digest of their kind, inputs and the salt."""

    def __init__(
        self,
        salt: str = "",
        entries: dict[bytes, str] | None = None,
        digests: dict[tuple[int, object], tuple[object, bytes]] | None = None,
        keep: bool = True,
    ) -> None:
        self.salt = salt
        self.keep = keep
        """False: every text is made, nothing is keyed or kept (a one-off build
        has no next build to serve, and computing the keys costs time)."""
        self.previous = entries or {}
        self.current: dict[bytes, str] = {}
        self.made = 0
        """Texts this build had to make: their inputs were not seen before."""
        self._digests: dict[tuple[int, object], tuple[object, bytes]] = {}
        self._previous_digests = digests or {}

    def key(self, kind: str, inputs: object) -> bytes:
        digest = hashlib.blake2b(self.salt.encode() + b"\0" + kind.encode() + b"\0")
        digest.update(_encoded(inputs))
        return digest.digest()

    def digest(self, value: T, view: Callable[[T], object] | None = None) -> bytes:
        """A digest standing for ``value`` (or for ``view(value)``: the part of it
        that matters) among inputs, computed once per object.

        Several texts made from one large value (a brief) key on its digest
        instead of encoding it again each time. A dataclass is digested from
        its fields, each dataclass among them by its own digest. Digests are
        remembered by object, also from the last build: an article kept by
        the seed cache is the same object, and is not encoded again. Values
        must therefore not change once digested; the model is frozen.
        """
        if not self.keep:
            return b""
        memo = (id(value), view)
        kept = self._digests.get(memo) or self._previous_digests.get(memo)
        if kept is None or kept[0] is not value:
            kept = (value, self._digest_of(view(value) if view else value))
        self._digests[memo] = kept  # holds the value, so its id is not reused
        return kept[1]

    def _digest_of(self, value: object) -> bytes:
        if _is_value(value):
            return self.key("fields", self._reduced(value, top=True))
        return self.key("value", self._reduced(value))

    def _reduced(self, value: object, top: bool = False) -> object:
        """``value`` with every dataclass in it (through tuples and lists) replaced
        by its digest: what is encoded for the key."""
        kind = type(value)
        if kind in _SCALARS:
            return value
        if kind is tuple or kind is list:
            return (kind.__name__, *[self._reduced(v) for v in value])  # type: ignore[attr-defined]
        if not _is_value(value):
            return value
        if not top:
            return ("digest", self.digest(value))
        fields = dataclasses.fields(value)  # type: ignore[arg-type]
        name = (kind.__module__, kind.__qualname__)
        return (name, *[self._reduced(getattr(value, f.name)) for f in fields])

    def text(self, kind: str, inputs: object, make: Callable[[], str]) -> str:
        """The text of kind ``kind`` made from ``inputs``: kept, or made now by ``make()``.

        ``make`` must depend on ``inputs`` alone (and on the package)."""
        if not self.keep:
            self.made += 1
            return make()
        key = self.key(kind, inputs)
        text = self.current.get(key)
        if text is None:
            text = self.previous.get(key)
        if text is None:
            text = make()
            self.made += 1
        self.current[key] = text
        return text

    def next(self, salt: str) -> TextCache:
        """The cache for the next build: the texts of this one, if ``salt`` is unchanged."""
        if not self.keep:
            return TextCache(salt, keep=False)
        if salt != self.salt:
            return TextCache(salt)
        return TextCache(salt, self.current, self._digests)

    @property
    def reused(self) -> int:
        return len(self.current) - self.made

    @contextlib.contextmanager
    def active(self) -> Iterator[TextCache]:
        """Make this the cache :func:`kept` and :func:`digest` use, until the block ends.

        Generators consumed inside the block (a build's outputs) see it too:
        they run in the context of whoever resumes them."""
        token = _ACTIVE.set(self)
        try:
            yield self
        finally:
            _ACTIVE.reset(token)


_ACTIVE: contextvars.ContextVar[TextCache | None] = contextvars.ContextVar(
    "briefing_texts", default=None
)
"""The cache of the build in progress in this context (None: none, make every text)."""


def kept(kind: str, inputs: object, make: Callable[[], str]) -> str:
    """The text of kind ``kind`` made by ``make()`` from ``inputs`` alone: the one
    the active cache holds for them, or made now (and kept, if one is active)."""
    texts = _ACTIVE.get()
    return make() if texts is None else texts.text(kind, inputs, make)


def digest(value: T, view: Callable[[T], object] | None = None) -> bytes:
    """A digest standing for ``value`` among a text's inputs (see :meth:`TextCache.digest`);
    empty with no active cache, where no text is keyed."""
    texts = _ACTIVE.get()
    return b"" if texts is None else texts.digest(value, view)


def salt() -> str:
    """The active cache's salt: what the texts are made with besides their inputs."""
    texts = _ACTIVE.get()
    return "" if texts is None else texts.salt


def _is_value(value: object) -> bool:
    """Whether ``value`` is a dataclass instance (not a dataclass itself)."""
    return hasattr(type(value), "__dataclass_fields__")


_SCALARS = frozenset({str, int, float, bool, bytes, type(None)})
"""Types encoded as they are, without a look inside."""


def _encoded(inputs: object) -> bytes:
    """``inputs`` as JSON: what a text's key is a digest of.

    JSON writes tuples and lists alike, and a dictionary's number keys as
    text: values that differ only so are rendered alike too. Other types are
    written with their type's name (:func:`_plain`).
    """
    text = json.dumps(
        inputs, default=_plain, ensure_ascii=False, separators=(",", ":"), check_circular=False
    )
    return text.encode("utf-8", "surrogatepass")


def _plain(value: object) -> object:
    """A value JSON cannot write, as one it can, tagged with its type."""
    kind = type(value)
    name = f"\0{kind.__module__}.{kind.__qualname__}"
    if isinstance(value, bytes):
        return [name, value.hex()]
    if _is_value(value):
        return [name, *[getattr(value, f.name) for f in dataclasses.fields(value)]]  # type: ignore[arg-type]
    if isinstance(value, enum.Enum):
        return [name, value.value]
    if isinstance(value, (dt.date, dt.datetime, PurePath)):
        return [name, str(value)]
    if isinstance(value, (set, frozenset)):
        return [name, *sorted(_encoded(v).decode("utf-8", "surrogatepass") for v in value)]
    raise TypeError(f"a text's inputs cannot hold a {kind.__qualname__}")
