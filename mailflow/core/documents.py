"""Records as JSON-safe documents and back, driven by each dataclass's fields.

One rule for every record type (the store keeps these documents in TinyDB; ``export``
shows them to a person):

- A document holds every field, in field order. Plain JSON values are stored as they
  are; ``datetime``, ``date`` and ``time`` as ISO 8601 strings, ``Decimal`` as a string,
  tuples as lists, a nested dataclass as its own document (or, when it defines
  ``to_doc``/``from_doc``, as the stored form it defines: a ``Reason``).
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
    for name in _plan(type(record)).names:
        value = getattr(record, name)
        doc[name] = value if type(value) in _PLAIN else _encode(value)
    return doc


def from_document(cls: type[T], doc: Mapping[str, Any]) -> T:
    """The record of type ``cls`` that :func:`to_document` wrote as ``doc``."""
    plan = _plan(cls)
    try:  # a document of this version holds every field
        values = map(doc.__getitem__, plan.names)
        return cls(*[v if d is None else d(v) for v, d in zip(values, plan.decoders, strict=True)])
    except KeyError:
        pass
    return cls(**{name: _field_value(doc, name, decode, absent)
                  for name, decode, absent in zip(plan.names, plan.decoders, plan.absent,
                                                  strict=True)})


def _field_value(doc: Mapping[str, Any], name: str, decode: Decode, absent: Any) -> Any:
    if name not in doc:
        if absent is _REQUIRED:
            raise KeyError(name)
        return absent
    return doc[name] if decode is None else decode(doc[name])


def _encode(value: Any) -> Any:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    if hasattr(value, "to_doc"):  # a value with a stored form of its own (Reason)
        return value.to_doc()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return value


@dataclasses.dataclass(frozen=True)
class _Plan:
    """How to read one record type: per field, in order, its name, its decoder and its
    value when a document lacks it."""

    names: tuple[str, ...]
    decoders: tuple[Decode, ...]
    absent: tuple[Any, ...]


_PLANS: dict[type, _Plan] = {}


def _plan(cls: type) -> _Plan:
    plan = _PLANS.get(cls)
    if plan is None:
        hints = get_type_hints(cls)
        fields = dataclasses.fields(cls)
        if any(not f.init or f.kw_only for f in fields):
            raise TypeError(f"{cls.__name__}: every field must be an __init__ argument in order")
        plan = _PLANS[cls] = _Plan(
            names=tuple(f.name for f in fields),
            decoders=tuple(_decoder(hints[f.name]) for f in fields),
            absent=tuple(_absent_value(f) for f in fields),
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
    if isinstance(hint, type) and hasattr(hint, "from_doc"):
        return hint.from_doc  # type: ignore[no-any-return]
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
