"""The data service's answers as JSON and back, exactly: frozen dataclasses, tuples, dicts, numbers, text.

Used by the first-screen cache (:mod:`tui.data.answer_cache`). Anything else (a DataFrame,
a set) is refused with :class:`TypeError`, so an answer is cached exactly or not at all.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from tui.data import model, quantity

MODEL_TYPES: dict[str, type] = {
    cls.__name__: cls
    for module in (model, quantity)
    for cls in vars(module).values()
    if isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ == module.__name__
}
"""The answer types the codec knows: every dataclass of :mod:`tui.data.model` and :mod:`tui.data.quantity`."""

FIELDS: dict[str, tuple[str, ...]] = {
    name: tuple(f.name for f in dataclasses.fields(cls)) for name, cls in MODEL_TYPES.items()
}
assert all(f.init for cls in MODEL_TYPES.values() for f in dataclasses.fields(cls))  # made from their fields


def encode(value: Any) -> Any:
    """A JSON-ready form of an answer that :func:`decode` turns back into an equal one.

    Raises:
        TypeError: the answer holds something the codec cannot give back exactly.
    """
    if value is None or isinstance(value, bool | str):
        return value
    if isinstance(value, int | float) and type(value) in (int, float):
        return value
    if isinstance(value, tuple):
        cls = type(value[0]) if value else None
        if cls is not None and MODEL_TYPES.get(cls.__name__) is cls and all(type(v) is cls for v in value):
            # Many answers of one kind (a trend's periods, a breakdown's figures): one list per field.
            columns = ([getattr(v, n) for v in value] for n in FIELDS[cls.__name__])
            return {"tc": cls.__name__, "c": [_encode_all(column) for column in columns]}
        return {"t": [encode(v) for v in value]}
    if isinstance(value, list):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        if not all(isinstance(k, str) for k in value):
            raise TypeError("only text keys can be cached")
        return {"d": {k: encode(v) for k, v in value.items()}}
    cls = type(value)
    if dataclasses.is_dataclass(value) and MODEL_TYPES.get(cls.__name__) is cls:
        return {"c": cls.__name__, "f": {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(cls)}}
    raise TypeError(f"cannot cache a {cls.__name__}")


_PLAIN = frozenset({type(None), bool, str, int, float})
"""The types :func:`encode` gives back as they are."""


def _encode_all(values: list[Any]) -> list[Any]:
    """:func:`encode` of each value (the list itself when every value is plain)."""
    return values if all(type(v) in _PLAIN for v in values) else [encode(v) for v in values]


def decode(data: Any) -> Any:
    """The answer :func:`encode` was given.

    Raises:
        ValueError: the data is not something :func:`encode` wrote (a damaged cache).
    """
    if data is None or isinstance(data, bool | int | float | str):
        return data
    if isinstance(data, list):
        return [decode(v) for v in data]
    if isinstance(data, dict) and len(data) == 1 and "t" in data and isinstance(data["t"], list):
        return tuple(decode(v) for v in data["t"])
    if isinstance(data, dict) and data.keys() == {"tc", "c"} and data["tc"] in MODEL_TYPES:
        cls, names = MODEL_TYPES[data["tc"]], FIELDS[data["tc"]]
        columns = data["c"]
        if not isinstance(columns, list) or len(columns) != len(names) or not all(isinstance(c, list) for c in columns):
            raise ValueError("damaged answer")
        if len({len(c) for c in columns}) != 1 or not columns[0]:
            raise ValueError("damaged answer")
        columns = [_shared(c) if all(type(v) in _PLAIN for v in c) else [decode(v) for v in c] for c in columns]
        return tuple(map(cls, *columns))
    if isinstance(data, dict) and len(data) == 1 and "d" in data and isinstance(data["d"], dict):
        return {k: decode(v) for k, v in data["d"].items()}
    if isinstance(data, dict) and data.keys() == {"c", "f"} and data["c"] in MODEL_TYPES:
        fields = data["f"]
        if not isinstance(fields, dict):
            raise ValueError("damaged answer")
        if set(fields) != set(FIELDS[data["c"]]):
            raise ValueError("damaged answer")
        return MODEL_TYPES[data["c"]](**{k: decode(v) for k, v in fields.items()})
    raise ValueError("damaged answer")


def _shared(column: list[Any]) -> list[Any]:
    """A column of plain values with each repeated text or float one object (JSON gives every occurrence its own).

    A breakdown's qualifiers, units, periods and shares repeat over tens of thousands of figures: one
    object each instead of one per figure (about 12 MiB at 100,000 figure rows). A float zero keeps its
    own object: 0.0 and -0.0 are equal keys but different answers.
    """
    seen: dict[str | float, str | float] = {}
    return [seen.setdefault(v, v) if type(v) is str or (type(v) is float and v) else v for v in column]
