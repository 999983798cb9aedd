"""The data service's answers as JSON and back, exactly: frozen dataclasses, tuples, dicts, numbers, text.

Used by the first-screen cache (:mod:`tui.data.answer_cache`). Anything else (a DataFrame,
a set) is refused with :class:`TypeError`, so an answer is cached exactly or not at all.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from tui.data import model

MODEL_TYPES: dict[str, type] = {
    cls.__name__: cls
    for cls in vars(model).values()
    if isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ == model.__name__
}
"""The answer types the codec knows: every dataclass of :mod:`tui.data.model`."""


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
    if isinstance(data, dict) and len(data) == 1 and "d" in data and isinstance(data["d"], dict):
        return {k: decode(v) for k, v in data["d"].items()}
    if isinstance(data, dict) and data.keys() == {"c", "f"} and data["c"] in MODEL_TYPES:
        fields = data["f"]
        if not isinstance(fields, dict):
            raise ValueError("damaged answer")
        try:
            return MODEL_TYPES[data["c"]](**{k: decode(v) for k, v in fields.items()})
        except TypeError as exc:
            raise ValueError(f"damaged answer: {exc}") from None
    raise ValueError("damaged answer")
