"""Frozen dataclasses as JSON values and back, for the seed cache's file.

A cache file is data, never code: decoding builds only the classes the
declared type of the root names (through its fields' type hints), and
checks every value against its field's type on the way. A value of another
shape is a :class:`DecodeError`, never an object of another kind.

What the hints may say: ``str``, ``int``, ``bool``, ``X | None``,
``tuple[X, ...]``, ``tuple[X, Y]``, :class:`datetime.date` (ISO text), a
string enum (by value) and a frozen dataclass (its fields in order, as a
JSON array: the cache's key covers the package's code, the model included,
so a file is never read by code with other fields). Anything else is a
``TypeError`` when the codec is made, not when a file is read.

Objects of the *interned* classes are written once per value: each encoded
document carries a table of them, in an order where every one comes after
those it holds, and each place that holds one gives its position in the
table. An article's outlets, the citations its quotes and claims repeat and
the article its analysis holds are so written and read once, and shared.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import itertools
import operator
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")

Encoder = Callable[[Any, "_Table"], Any]
Decoder = Callable[[Any, list[Any]], Any]


class DecodeError(ValueError):
    """A JSON value that is not what the declared type says."""


class _Table:
    """The interned objects of one document being encoded, by value."""

    def __init__(self) -> None:
        self.positions: dict[Any, int] = {}
        self.rows: list[list[Any]] = []


class Codec(Generic[T]):
    """Values of the dataclass ``root`` as ``[table, value]`` JSON values, and back."""

    def __init__(self, root: type[T], interned: tuple[type, ...] = ()) -> None:
        self.root = root
        self.interned = interned
        self._tags = {cls.__name__: cls for cls in interned}
        self._encoders: dict[Any, Encoder] = {}
        self._decoders: dict[Any, Decoder] = {}
        self._fields: dict[type, tuple[list[Encoder], list[Decoder], list[str]]] = {}
        self._layouts: dict[type, _Layout] = {}
        self._encode_root = self._encoder(root)
        self._decode_root = self._decoder(root)

    def encode(self, value: T) -> list[Any]:
        table = _Table()
        encoded = self._encode_root(value, table)
        return [table.rows, encoded]

    def decode(self, document: Any) -> T:
        """``document`` as a ``root``; :class:`DecodeError` if it is not one."""
        try:
            rows, value = document
            if type(rows) is not list:
                raise DecodeError("no table")
            objects: list[Any] = []
            for tag, row in rows:
                cls = self._tags[tag]
                objects.append(self._decode_fields(cls, row, objects))
            result = self._decode_root(value, objects)
        except DecodeError:
            raise
        except (TypeError, ValueError, KeyError, IndexError) as exc:
            raise DecodeError(str(exc)) from exc
        if not isinstance(result, self.root):
            raise DecodeError(f"not a {self.root.__name__}")
        return result

    def _encoder(self, hint: Any) -> Encoder:
        if hint not in self._encoders:
            self._encoders[hint] = lambda value, table: self._encoders[hint](value, table)
            self._encoders[hint] = self._make_encoder(hint)
        return self._encoders[hint]

    def _decoder(self, hint: Any) -> Decoder:
        if hint not in self._decoders:
            self._decoders[hint] = lambda value, objects: self._decoders[hint](value, objects)
            self._decoders[hint] = self._make_decoder(hint)
        return self._decoders[hint]

    def _make_encoder(self, hint: Any) -> Encoder:
        if hint in (str, int, bool):
            return _same
        if hint is dt.date:
            return lambda value, table: value.isoformat()
        if isinstance(hint, type) and issubclass(hint, enum.Enum):
            return lambda value, table: value.value
        inner = _optional(hint)
        if inner is not None:
            part = self._encoder(inner)
            return lambda value, table: None if value is None else part(value, table)
        items = _tuple_items(hint)
        if items is not None:
            parts = [self._encoder(item) for item in items]
            if len(parts) == 1 and items[0] in (str, int, bool):
                return lambda value, table: list(value)
            if len(parts) == 1:
                each = parts[0]
                return lambda value, table: [each(v, table) for v in value]
            return lambda value, table: [p(v, table) for p, v in zip(parts, value, strict=True)]
        if dataclasses.is_dataclass(hint) and isinstance(hint, type):
            encoders, _, names = self._fields_of(hint)
            pairs = list(zip(encoders, names, strict=True))

            def fields(value: Any, table: _Table) -> list[Any]:
                return [encode(getattr(value, name), table) for encode, name in pairs]

            if hint not in self.interned:
                return fields
            tag = hint.__name__
            # A field left out of equality (an article's warnings) must not merge two
            # objects that differ in it: such objects are the same only when identical.
            by_value = all(f.compare for f in dataclasses.fields(hint))

            def interned(value: Any, table: _Table) -> int:
                key = value if by_value else (tag, id(value))
                position = table.positions.get(key)
                if position is None:
                    row = fields(value, table)  # first what it holds: they come before it
                    position = table.positions[key] = len(table.rows)
                    table.rows.append([tag, row])
                return position

            return interned
        raise TypeError(f"cannot encode {hint!r}")

    def _make_decoder(self, hint: Any) -> Decoder:
        if hint in (str, int, bool):
            kind = hint

            def scalar(value: Any, objects: list[Any]) -> Any:
                if type(value) is not kind:
                    raise DecodeError(f"expected {kind.__name__}, got {type(value).__name__}")
                return value

            return scalar
        if hint is dt.date:
            return lambda value, objects: dt.date.fromisoformat(_text(value))
        if isinstance(hint, type) and issubclass(hint, enum.Enum):
            enum_type = hint
            return lambda value, objects: enum_type(_text(value))
        inner = _optional(hint)
        if inner is not None:
            part = self._decoder(inner)
            return lambda value, objects: None if value is None else part(value, objects)
        items = _tuple_items(hint)
        if items is not None:
            return self._tuple_decoder(items)
        if dataclasses.is_dataclass(hint) and isinstance(hint, type):
            cls = hint
            if hint not in self.interned:
                return lambda value, objects: self._decode_fields(cls, value, objects)

            def reference(value: Any, objects: list[Any]) -> Any:
                if type(value) is not int or not isinstance(objects[value], cls):
                    raise DecodeError(f"not a {cls.__name__} of the table")
                return objects[value]

            return reference
        raise TypeError(f"cannot decode {hint!r}")

    def _tuple_decoder(self, items: tuple[Any, ...]) -> Decoder:
        if len(items) == 1 and items[0] in SCALARS:
            kinds = {items[0]}

            def scalars(value: Any, objects: list[Any]) -> tuple[Any, ...]:
                if type(value) is not list or not set(map(type, value)) <= kinds:
                    raise DecodeError(f"expected an array of {items[0].__name__}")
                return tuple(value)

            return scalars
        parts = [self._decoder(item) for item in items]
        if len(parts) == 1:
            each = parts[0]

            def repeated(value: Any, objects: list[Any]) -> tuple[Any, ...]:
                if type(value) is not list:
                    raise DecodeError("expected an array")
                return tuple([each(v, objects) for v in value])

            return repeated

        def fixed(value: Any, objects: list[Any]) -> tuple[Any, ...]:
            if type(value) is not list or len(value) != len(parts):
                raise DecodeError(f"expected an array of {len(parts)}")
            return tuple([p(v, objects) for p, v in zip(parts, value, strict=True)])

        return fixed

    def _decode_fields(self, cls: type, value: Any, objects: list[Any]) -> Any:
        layout = self._layout(cls)
        if type(value) is not list or len(value) != layout.size:
            raise DecodeError(f"expected the {layout.size} fields of a {cls.__name__}")
        if tuple(map(type, layout.scalars(value))) not in layout.signatures:
            raise DecodeError(f"a field of a {cls.__name__} is not of its type")
        if layout.others:
            value = list(value)
            for position, decode in layout.others:
                value[position] = decode(value[position], objects)
        # As pickle makes them: the fields set without calling __init__ (none has a
        # __post_init__, checked when the layout is made), which is twice as fast.
        made: Any = _new(cls)
        made.__dict__.update(zip(layout.names, value, strict=True))
        return made

    def _layout(self, cls: type) -> _Layout:
        layout = self._layouts.get(cls)
        if layout is None:
            _, decoders, names = self._fields_of(cls)
            hints = typing.get_type_hints(cls)
            kinds = [_scalar_kinds(hints[name]) for name in names]
            at = [i for i, k in enumerate(kinds) if k is not None]
            others = tuple((i, decoders[i]) for i, k in enumerate(kinds) if k is None)
            signatures = frozenset(itertools.product(*[kinds[i] or () for i in at]))
            layout = _Layout(len(names), tuple(names), _getter(at), signatures, others)
            self._layouts[cls] = layout
        return layout

    def _fields_of(self, cls: type) -> tuple[list[Encoder], list[Decoder], list[str]]:
        if cls not in self._fields:
            fields = dataclasses.fields(cls)
            if any(not f.init or f.kw_only for f in fields) or hasattr(cls, "__post_init__"):
                raise TypeError(f"{cls.__name__}: every field must be positional, and set as is")
            hints = typing.get_type_hints(cls)
            names = [f.name for f in fields]
            self._fields[cls] = ([], [], names)  # a class may hold itself
            encoders = [self._encoder(hints[name]) for name in names]
            decoders = [self._decoder(hints[name]) for name in names]
            self._fields[cls] = (encoders, decoders, names)
        return self._fields[cls]


SCALARS = (str, int, bool)
"""Types JSON gives as they are: checked by their exact type (``True`` is no ``int``)."""

_new = object.__new__


@dataclass(frozen=True)
class _Layout:
    """A dataclass's fields as a decoder sees them."""

    size: int
    names: tuple[str, ...]
    scalars: Callable[[list[Any]], tuple[Any, ...]]
    """The values of the fields that are scalars (or None), in a tuple."""
    signatures: frozenset[tuple[type, ...]]
    """The types those values may have, together."""
    others: tuple[tuple[int, Decoder], ...]
    """The other fields' positions and decoders."""


def _scalar_kinds(hint: Any) -> tuple[type, ...] | None:
    """The types a JSON value of a scalar field may have; None for other fields."""
    if hint in SCALARS:
        return (hint,)
    inner = _optional(hint)
    if inner in SCALARS:
        return (inner, type(None))
    return None


def _getter(positions: list[int]) -> Callable[[list[Any]], tuple[Any, ...]]:
    if len(positions) == 1:
        (position,) = positions
        return lambda value: (value[position],)
    if not positions:
        return lambda value: ()
    return operator.itemgetter(*positions)


def _same(value: Any, table: _Table) -> Any:
    return value


def _text(value: Any) -> str:
    if type(value) is not str:
        raise DecodeError(f"expected str, got {type(value).__name__}")
    return value


def _optional(hint: Any) -> Any | None:
    """``X`` of ``X | None``; None for other hints."""
    if typing.get_origin(hint) not in (typing.Union, types.UnionType):
        return None
    others = [arg for arg in typing.get_args(hint) if arg is not type(None)]
    if len(others) != 1 or len(typing.get_args(hint)) != 2:
        raise TypeError(f"only X | None is supported, not {hint!r}")
    return others[0]


def _tuple_items(hint: Any) -> tuple[Any, ...] | None:
    """The item types of ``tuple[X, ...]`` (one) or ``tuple[X, Y]``; None for other hints."""
    if typing.get_origin(hint) is not tuple:
        return None
    args = typing.get_args(hint)
    return args[:1] if len(args) == 2 and args[1] is Ellipsis else args
