"""Parse ``datapackage.json`` safely: bounded nesting, no NaN or Infinity, no duplicate keys."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

from tui.data.errors import DatasetError
from tui.data.limits import MAX_JSON_DEPTH

_SPECIAL = re.compile(r'["\\\[\]{}]')


def parse_json(path: Path, text: str) -> Any:
    """The JSON value in ``text``.

    Nesting is measured before parsing, so a deeply nested file is refused with a
    line number instead of exhausting the parser's recursion.

    Raises:
        DatasetError: not JSON, too deep, a NaN/Infinity constant or a key given twice.
    """
    _check_depth(path, text)
    try:
        return json.loads(
            text,
            parse_constant=_no_constant(path),
            parse_float=_finite(path),
            object_pairs_hook=_unique_keys(path),
        )
    except json.JSONDecodeError as exc:
        raise DatasetError(path, f"invalid JSON at character {exc.colno}: {exc.msg}", row=exc.lineno) from None
    except (ValueError, RecursionError):  # an integer too long to convert
        raise DatasetError(path, "invalid JSON: a number has too many digits") from None


def _check_depth(path: Path, text: str) -> None:
    """Measure nesting in one pass over the characters that matter (linear even for hostile text)."""
    depth = 0
    in_string = False
    skip_to = -1
    for match in _SPECIAL.finditer(text):
        at, char = match.start(), match.group()
        if at < skip_to:
            continue
        if in_string:
            if char == "\\":
                skip_to = at + 2
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > MAX_JSON_DEPTH:
                line = text.count("\n", 0, at) + 1
                raise DatasetError(path, f"JSON nested deeper than {MAX_JSON_DEPTH} levels", row=line)
        elif char in "]}":
            depth -= 1


def _no_constant(path: Path) -> Any:
    def refuse(name: str) -> Any:
        raise DatasetError(path, f"invalid JSON: {name} is not a number JSON allows")

    return refuse


def _finite(path: Path) -> Any:
    def parse(text: str) -> float:
        value = float(text)
        if not math.isfinite(value):
            raise DatasetError(path, f"invalid JSON: the number {text[:20]} is too large")
        return value

    return parse


def _unique_keys(path: Path) -> Any:
    def build(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in pairs:
            if key in result:
                raise DatasetError(path, f"invalid JSON: the key '{key}' is given twice in one object")
            result[key] = value
        return result

    return build
