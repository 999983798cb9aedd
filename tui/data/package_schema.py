"""Check ``datapackage.json`` against the JSON Schema of a foi-explorer dataset (``package_schema.json``).

The schema says the shape: which properties a dataset needs and the JSON type of
each (strings, lists, objects), the Table Schema of each resource, the CSV dialect
and the limits on lengths. ``jsonschema`` checks it (a valid document is known so without
it, see :mod:`tui.data.schema_subset`); the first problem becomes one
:class:`~tui.data.errors.DatasetError` that names the property by its path, e.g.
``resources[0].schema.fields[3].type``.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from tui.data.errors import DatasetError
from tui.data.schema_subset import verdict

SCHEMA_FILE = "package_schema.json"

_EXPECTED = {
    "string": "text",
    "array": "a list",
    "object": "an object",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
    "null": "null",
}


@cache
def package_schema() -> dict[str, Any]:
    """The JSON Schema every ``datapackage.json`` must satisfy."""
    return json.loads(files("tui.data").joinpath(SCHEMA_FILE).read_text(encoding="utf-8"))


def check_package(descriptor: Path, document: Any) -> None:
    """Raise a :class:`DatasetError` for the first way ``document`` breaks the package schema.

    A valid document is known so without ``jsonschema`` (:mod:`tui.data.schema_subset`, ~60 ms less at
    a very first start); any other is checked by ``jsonschema``, whose first error becomes the message.
    """
    if verdict(package_schema(), document) is True:
        return
    from jsonschema import Draft202012Validator  # type: ignore[import-untyped]  # ~60 ms: only for a bad document

    validator = Draft202012Validator(package_schema())
    errors = sorted(validator.iter_errors(document), key=_order)
    if errors:
        error = errors[0]
        raise DatasetError(descriptor, f"{_where(error.absolute_path)}{_what(error)}")


def _order(error: Any) -> tuple[int, list[str]]:
    # Shallowest first (a wrong container before the items in it), then in document order.
    return (len(error.absolute_path), [str(p) for p in error.absolute_path])


def _where(path: Any) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return f"'{text}' " if text else ""


def _what(error: Any) -> str:
    kind, value, instance = error.validator, error.validator_value, error.instance
    if kind == "type":
        wanted = " or ".join(_EXPECTED.get(t, t) for t in ([value] if isinstance(value, str) else value))
        return f"must be {wanted}, not {_json_type(instance)}"
    if kind == "required":
        missing = next((name for name in value if isinstance(instance, dict) and name not in instance), value[0])
        return f"missing property '{missing}'"
    if kind == "enum":
        return f"must be one of {', '.join(json.dumps(v) for v in value)}, not {_short(instance)}"
    if kind in ("minItems", "minLength", "minProperties"):
        return "must not be empty" if value == 1 else f"needs at least {value} items"
    if kind in ("maxItems", "maxProperties"):
        return f"has more than {value} items"
    if kind == "maxLength":
        return f"is longer than {value} characters"
    if kind == "pattern":
        return f"{_short(instance)} may only use a-z, 0-9, '-', '.' and '_'"
    if kind == "anyOf" and error.schema_path and "period" in [str(p) for p in error.absolute_path]:
        return "needs a 'label', or a 'start' and an 'end'"
    if kind == "oneOf":
        return "must be a field name or a list of field names"
    return f"is not valid ({kind})"


def _json_type(value: Any) -> str:
    for python, name in ((bool, "true/false"), (str, "text"), (int, "a number"), (float, "a number")):
        if isinstance(value, python):
            return name
    return {list: "a list", dict: "an object", type(None): "null"}.get(type(value), type(value).__name__)


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if isinstance(value, str | int | float | bool) else _json_type(value)
    return text if len(text) <= 60 else text[:59] + "…"
