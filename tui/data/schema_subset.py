"""A quick verdict on a JSON document against a JSON Schema (draft 2020-12), for the keywords our schema uses.

``jsonschema`` is the authority (:mod:`tui.data.package_schema`), but importing it costs ~60 ms at
every very first start. :func:`verdict` answers without it: ``True`` when the document is valid,
``False`` when it is not, ``None`` when the schema uses a keyword not handled here (a non-local
``$ref``, ``not``, ``if``, ``patternProperties``, an ``enum`` of non-strings, ...). Each keyword handled
follows the draft's rules as ``jsonschema`` applies them (a keyword about one JSON type ignores the
others; ``format`` only annotates); ``tests/unit/test_schema_subset.py`` checks the verdicts agree
with ``jsonschema`` on every dataset, every bad fixture and fuzzed documents.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

Verdict = bool | None
"""True: valid; False: invalid; None: not decided here (ask ``jsonschema``)."""

MAX_DEPTH = 64
"""Schemas nested (or referred to) deeper than this are left undecided."""

ANNOTATIONS = frozenset(
    {"$schema", "$id", "$defs", "$comment", "title", "description", "default", "examples", "format", "deprecated"}
)
"""Keywords that never make a document invalid (``format`` only annotates unless a format checker is given)."""


def verdict(schema: Any, document: Any) -> Verdict:
    """Whether ``document`` is valid against ``schema`` (the root, for its local ``$ref`` s); None if undecided."""
    return _check(schema, document, schema, 0)


def _is_integer(value: Any) -> bool:
    return (isinstance(value, int) and not isinstance(value, bool)) or (
        isinstance(value, float) and value.is_integer()
    )


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


TYPES: dict[str, Callable[[Any], bool]] = {
    "object": lambda value: isinstance(value, dict),
    "array": lambda value: isinstance(value, list),
    "string": lambda value: isinstance(value, str),
    "integer": _is_integer,
    "number": _is_number,
    "boolean": lambda value: isinstance(value, bool),
    "null": lambda value: value is None,
}


def _all(verdicts: list[Verdict]) -> Verdict:
    """Valid when every part is; invalid as soon as one is; else undecided."""
    if False in verdicts:
        return False
    return None if None in verdicts else True


def _check(schema: Any, value: Any, root: Any, depth: int) -> Verdict:
    if isinstance(schema, bool):
        return schema
    if not isinstance(schema, dict) or depth > MAX_DEPTH:
        return None
    results: list[Verdict] = []
    for keyword, argument in schema.items():
        if keyword in ANNOTATIONS:
            continue
        check = KEYWORDS.get(keyword)
        if check is None:
            return None  # a keyword not handled here
        result = check(argument, value, schema, root, depth + 1)
        if result is False:
            return False
        results.append(result)
    return _all(results)


def _ref(argument: Any, value: Any, schema: Any, root: Any, depth: int) -> Verdict:
    """Only ``#/$defs/NAME`` (a plain name: no escapes, no deeper path) in the root schema."""
    name = argument.removeprefix("#/$defs/") if isinstance(argument, str) else ""
    if not name or name == argument or not re.fullmatch(r"[A-Za-z0-9_-]+", name):
        return None
    definitions = root.get("$defs") if isinstance(root, dict) else None
    if not isinstance(definitions, dict) or name not in definitions:
        return None
    return _check(definitions[name], value, root, depth)


def _type(argument: Any, value: Any, schema: Any, root: Any, depth: int) -> Verdict:
    names = [argument] if isinstance(argument, str) else argument
    if not isinstance(names, list) or not all(name in TYPES for name in names):
        return None
    return any(TYPES[name](value) for name in names)


def _enum(argument: Any, value: Any, schema: Any, root: Any, depth: int) -> Verdict:
    if not isinstance(argument, list) or not all(isinstance(item, str) for item in argument):
        return None
    return isinstance(value, str) and value in argument


def _required(argument: Any, value: Any, schema: Any, root: Any, depth: int) -> Verdict:
    if not isinstance(argument, list) or not all(isinstance(name, str) for name in argument):
        return None
    return not isinstance(value, dict) or all(name in value for name in argument)


def _properties(argument: Any, value: Any, schema: Any, root: Any, depth: int) -> Verdict:
    if not isinstance(argument, dict):
        return None
    if not isinstance(value, dict):
        return True
    return _all([_check(argument[name], value[name], root, depth) for name in argument if name in value])


def _additional_properties(argument: Any, value: Any, schema: Any, root: Any, depth: int) -> Verdict:
    if "patternProperties" in schema:
        return None
    if not isinstance(value, dict):
        return True
    known = schema.get("properties", {})
    if not isinstance(known, dict):
        return None
    return _all([_check(argument, value[name], root, depth) for name in value if name not in known])


def _property_names(argument: Any, value: Any, schema: Any, root: Any, depth: int) -> Verdict:
    return True if not isinstance(value, dict) else _all([_check(argument, name, root, depth) for name in value])


def _items(argument: Any, value: Any, schema: Any, root: Any, depth: int) -> Verdict:
    if "prefixItems" in schema:
        return None
    return True if not isinstance(value, list) else _all([_check(argument, item, root, depth) for item in value])


def _any_of(argument: Any, value: Any, schema: Any, root: Any, depth: int) -> Verdict:
    if not isinstance(argument, list) or not argument:
        return None
    verdicts = [_check(part, value, root, depth) for part in argument]
    if True in verdicts:
        return True
    return None if None in verdicts else False


def _one_of(argument: Any, value: Any, schema: Any, root: Any, depth: int) -> Verdict:
    if not isinstance(argument, list) or not argument:
        return None
    verdicts = [_check(part, value, root, depth) for part in argument]
    return None if None in verdicts else verdicts.count(True) == 1


def _pattern(argument: Any, value: Any, schema: Any, root: Any, depth: int) -> Verdict:
    if not isinstance(argument, str):
        return None
    return not isinstance(value, str) or _compiled(argument).search(value) is not None


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _bound(kind: Callable[[Any], bool], size: Callable[[Any], Any], holds: Callable[[Any, Any], bool]) -> Callable:
    """A keyword that bounds ``size(value)`` for values of one ``kind`` (the others pass)."""

    def check(argument: Any, value: Any, schema: Any, root: Any, depth: int) -> Verdict:
        if not _is_number(argument):
            return None
        return not kind(value) or holds(size(value), argument)

    return check


def _identity(value: Any) -> Any:
    return value


def _is_string(value: Any) -> bool:
    return isinstance(value, str)


def _is_array(value: Any) -> bool:
    return isinstance(value, list)


def _is_object(value: Any) -> bool:
    return isinstance(value, dict)


def _at_least(size: Any, bound: Any) -> bool:
    return bool(size >= bound)


def _at_most(size: Any, bound: Any) -> bool:
    return bool(size <= bound)


KEYWORDS: Mapping[str, Callable[[Any, Any, Any, Any, int], Verdict]] = {
    "$ref": _ref,
    "type": _type,
    "enum": _enum,
    "required": _required,
    "properties": _properties,
    "additionalProperties": _additional_properties,
    "propertyNames": _property_names,
    "items": _items,
    "anyOf": _any_of,
    "oneOf": _one_of,
    "pattern": _pattern,
    "minLength": _bound(_is_string, len, _at_least),
    "maxLength": _bound(_is_string, len, _at_most),
    "minItems": _bound(_is_array, len, _at_least),
    "maxItems": _bound(_is_array, len, _at_most),
    "minProperties": _bound(_is_object, len, _at_least),
    "maxProperties": _bound(_is_object, len, _at_most),
    "minimum": _bound(_is_number, _identity, _at_least),
    "maximum": _bound(_is_number, _identity, _at_most),
}
"""Every keyword decided here; any other (not an annotation) leaves the verdict to ``jsonschema``."""
