"""Records as JSON-safe documents and back, driven by each dataclass's fields.

One rule for every record type (the store keeps these documents in TinyDB; ``export``
shows them to a person):

- A document holds every field, in field order. Plain JSON values are stored as they
  are; ``datetime``, ``date`` and ``time`` as ISO 8601 strings, ``Decimal`` as a string,
  tuples as lists, a nested dataclass as its own document.
- Reading one turns each field back by its annotation: ``fromisoformat`` for times,
  ``Decimal``, ``tuple``, ``bool`` and ``int`` coerced, ``X | None`` None when stored as
  null or "". A field missing from an older document reads as its default, or as the
  value its metadata names with :func:`absent_as`; a missing field with neither is an
  error (``KeyError``).
"""

from __future__ import annotations

import dataclasses
import types
from collections.abc import Callable, Mapping
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any, Literal, TypeVar, Union, get_args, get_origin, get_type_hints

__all__ = ["absent_as", "from_document", "to_document"]

T = TypeVar("T")

_ABSENT = "mailflow.absent"
_PLAIN = (str, int, float, bool, type(None))
_REQUIRED = object()

#: turns a stored value back into a field's value; None: the stored value is kept as is
Decode = Callable[[Any], Any] | None


def absent_as(value: Any) -> dict[str, Any]:
    """Field metadata: a document without this field (written by an older mailflow)
    reads as ``value``, though the record itself requires the field."""
    return {_ABSENT: value}


def to_document(record: Any) -> dict[str, Any]:
    """The JSON-safe document of a dataclass record, its fields in order."""
    doc = {}
    for name in _field_names(type(record)):
        value = getattr(record, name)
        doc[name] = value if type(value) in _PLAIN else _encode(value)
    return doc


def from_document(cls: type[T], doc: Mapping[str, Any]) -> T:
    """The record of type ``cls`` that :func:`to_document` wrote as ``doc``."""
    values = {}
    for name, decode, absent in _plan(cls):
        if name in doc:
            value = doc[name]
            values[name] = value if decode is None else decode(value)
        elif absent is _REQUIRED:
            raise KeyError(name)
        else:
            values[name] = absent
    return cls(**values)


def _encode(value: Any) -> Any:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return value


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}
_PLANS: dict[type, tuple[tuple[str, Decode, Any], ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


def _plan(cls: type) -> tuple[tuple[str, Decode, Any], ...]:
    """Each field's (name, decoder, value when absent), worked out once per type."""
    plan = _PLANS.get(cls)
    if plan is None:
        hints = get_type_hints(cls)
        plan = _PLANS[cls] = tuple(
            (f.name, _decoder(hints[f.name]), _absent_value(f))
            for f in dataclasses.fields(cls)
        )
    return plan


def _absent_value(field: dataclasses.Field[Any]) -> Any:
    if _ABSENT in field.metadata:
        return field.metadata[_ABSENT]
    if field.default is not dataclasses.MISSING:
        return field.default
    if field.default_factory is not dataclasses.MISSING:
        return field.default_factory()
    return _REQUIRED


_SCALARS: dict[Any, Decode] = {
    str: None, float: None, Any: None, bool: bool, int: int, Decimal: Decimal,
    datetime: datetime.fromisoformat, date: date.fromisoformat, time: time.fromisoformat,
}


def _decoder(hint: Any) -> Decode:
    """How a stored value becomes a value of type ``hint``."""
    if hint in _SCALARS:
        return _SCALARS[hint]
    origin, args = get_origin(hint), get_args(hint)
    if origin is Literal:
        return None
    if origin in (Union, types.UnionType) and len(args) == 2 and type(None) in args:
        return _optional(_decoder(next(a for a in args if a is not type(None))))
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return _tuple_of(_decoder(args[0]))
    if origin is dict:
        return dict
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        record_type: type = hint
        return lambda doc: from_document(record_type, doc)
    raise TypeError(f"no stored form for a field of type {hint!r}")


def _optional(decode: Decode) -> Callable[[Any], Any]:
    if decode is None:
        return lambda value: None if value == "" else value
    return lambda value: None if value is None or value == "" else decode(value)


def _tuple_of(decode: Decode) -> Callable[[Any], tuple[Any, ...]]:
    if decode is None:
        return tuple
    return lambda values: tuple(map(decode, values))
