"""The quick schema verdict agrees with ``jsonschema`` wherever it gives one (issue 15: no jsonschema at start)."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator  # type: ignore[import-untyped]

from tests.fixtures.bad.cases import CASES, make
from tui.data.locate import datasets_root, default_dataset_path
from tui.data.package_schema import package_schema
from tui.data.schema_subset import verdict

SCHEMA = package_schema()
VALIDATOR = Draft202012Validator(SCHEMA)
DESCRIPTOR = json.loads((default_dataset_path() / "datapackage.json").read_text(encoding="utf-8"))
BUNDLED = sorted(p / "datapackage.json" for p in datasets_root().iterdir() if (p / "datapackage.json").is_file())
FUZZ = settings(
    max_examples=300,
    database=None,
    deadline=timedelta(seconds=5),
    suppress_health_check=[HealthCheck.too_slow],
)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=12,
)


def jsonschema_valid(document: Any, schema: Any = SCHEMA) -> bool:
    validator = VALIDATOR if schema is SCHEMA else Draft202012Validator(schema)
    return not any(validator.iter_errors(document))


def agrees(document: Any, schema: Any = SCHEMA) -> None:
    answer = verdict(schema, document)
    assert answer is None or answer == jsonschema_valid(document, schema), (answer, document)


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON document (keys of objects, indexes of lists)."""
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += paths(item, (*prefix, index))
    return found


PATHS = paths(DESCRIPTOR)[1:]


def replaced(path: tuple[Any, ...], value: Any) -> Any:
    document = copy.deepcopy(DESCRIPTOR)
    parent = document
    for step in path[:-1]:
        parent = parent[step]
    if value is _DELETE:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return document


_DELETE = object()


@pytest.mark.parametrize("descriptor", BUNDLED, ids=[p.parent.name for p in BUNDLED])
def test_every_bundled_dataset_is_valid_without_jsonschema(descriptor: Path) -> None:
    """The gate is of use: no bundled dataset needs jsonschema to be found valid."""
    document = json.loads(descriptor.read_text(encoding="utf-8"))
    assert verdict(SCHEMA, document) is True
    assert jsonschema_valid(document)


@pytest.mark.parametrize("case", [c for c in CASES if not c.may_block], ids=lambda c: c.id)
def test_every_bad_case_gets_the_verdict_of_jsonschema(case: Any, tmp_path: Path) -> None:
    folder = make(case, tmp_path / case.id)
    try:
        document = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return  # not JSON, nested too deep, or not a file: refused before the schema
    agrees(document)


@FUZZ
@given(st.sampled_from(PATHS), json_values | st.just(_DELETE))
def test_any_part_of_a_descriptor_replaced_or_removed(path: tuple[Any, ...], value: Any) -> None:
    agrees(replaced(path, value))


@FUZZ
@given(st.sampled_from(PATHS), st.sampled_from([True, False, 0, 1, 1.0, 2.5, -1, "", "x" * 201, "A B", [], {}, None]))
def test_edge_values_anywhere(path: tuple[Any, ...], value: Any) -> None:
    """Booleans are not numbers, 1.0 is an integer, lengths and patterns at their bounds."""
    agrees(replaced(path, value))


@pytest.mark.parametrize(
    ("schema", "document"),
    [
        ({"type": "integer"}, True),
        ({"type": "integer"}, 1.0),
        ({"type": "number"}, False),
        ({"minimum": 1}, True),
        ({"maxLength": 2}, "ab"),
        ({"maxLength": 2}, "abc"),
        ({"maxLength": 2}, 123),
        ({"enum": ["a", "b"]}, "a"),
        ({"enum": ["1"]}, 1),
        ({"oneOf": [{"type": "string"}, {"type": "array"}]}, "x"),
        ({"oneOf": [{"type": "string"}, {"maxLength": 3}]}, "x"),
        ({"anyOf": [{"required": ["a"]}, {"required": ["b", "c"]}]}, {"b": 1}),
        ({"additionalProperties": False, "properties": {"a": {}}}, {"a": 1, "b": 2}),
        ({"propertyNames": {"pattern": "^[a-z]+$"}}, {"A": 1}),
        ({"format": "uri", "type": "string"}, "not a uri"),
    ],
)
def test_keywords_as_jsonschema_reads_them(schema: dict[str, Any], document: Any) -> None:
    assert verdict(schema, document) == jsonschema_valid(document, schema)


@pytest.mark.parametrize(
    "schema", [{"not": {}}, {"const": 1}, {"$ref": "https://example.invalid/s"}, {"patternProperties": {}}]
)
def test_keywords_not_handled_leave_the_verdict_to_jsonschema(schema: dict[str, Any]) -> None:
    assert verdict(schema, {}) is None


def test_loading_a_valid_dataset_does_not_import_jsonschema() -> None:
    code = (
        "import sys\nfrom tui.data import DataService, default_dataset_path\n"
        "DataService.from_path(default_dataset_path())\nprint('jsonschema' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert result.stdout.strip() == "False"
