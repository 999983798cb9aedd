"""Rules of a dataset that a JSON Schema cannot say: names that must agree with each other.

After :mod:`tui.data.package_schema` has checked the shape of ``datapackage.json``,
these checks make sure its parts refer to things that exist: resource names are
unique, a primary key names fields of its table, the figures table has the columns
this tool reads, and a dimension's ``base`` and groups name categories present in
the figures. :func:`safe_tree` makes every string of the metadata safe to show.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.data.errors import DatasetError
from tui.data.safe_text import safe_text

if TYPE_CHECKING:
    from tui.data.csv_table import Table

FIGURE_FIELDS = {"dimension": "string", "category": "string", "period": "string", "count": "integer"}
FIGURE_FIELDS |= {"qualifier": "string"}

NO_REFERENCE_BASES = ("total", "none")
"""Bases that name no figure: the dataset's total, or no base at all (shares are not shown)."""


def check_resources(descriptor: Path, resources: list[dict[str, Any]]) -> None:
    """Resource names unique; field names unique; primary keys known; the figures table readable."""
    seen: set[str] = set()
    for number, resource in enumerate(resources):
        where = f"'resources[{number}]"
        if resource["name"] in seen:
            raise DatasetError(descriptor, f"{where}.name' repeats the resource name '{resource['name']}'")
        seen.add(resource["name"])
        fields = resource["schema"]["fields"]
        names = [f["name"] for f in fields]
        for index, name in enumerate(names):
            if name in names[:index]:
                raise DatasetError(descriptor, f"{where}.schema.fields[{index}].name' repeats the field '{name}'")
        keys = resource["schema"].get("primaryKey") or []
        for key in [keys] if isinstance(keys, str) else keys:
            if key not in names:
                raise DatasetError(descriptor, f"{where}.schema.primaryKey' names '{key}', which is not a field")
        if resource["name"] == "figures":
            types = {f["name"]: f.get("type", "string") for f in fields}
            for name, kind in FIGURE_FIELDS.items():
                if types.get(name) != kind:
                    have = "missing" if name not in types else f"of type '{types[name]}'"
                    raise DatasetError(descriptor, f"{where}.schema' needs a field '{name}' of type '{kind}' ({have})")


def check_dimensions(descriptor: Path, metadata: Mapping[str, Any], figures: Table) -> None:
    """Every dimension's base and group members name figures that exist; no dimension wholly suppressed.

    A base may also be ``total`` or ``none`` (no shares). A dimension whose every count is
    withheld (qualifier ``suppressed``) has nothing to show or check, and is refused.
    """
    columns = figures.columns
    pairs = set(zip(columns["dimension"], columns["category"], strict=True))
    shown = {d for d, q in zip(columns["dimension"], columns["qualifier"], strict=True) if q != "suppressed"}
    for dimension in dict.fromkeys(columns["dimension"]):
        if dimension != "total" and dimension not in shown:
            raise DatasetError(
                figures.path, f"every count of dimension '{dimension}' is suppressed: nothing to show", column="count"
            )
    for name, info in metadata.get("dimensions", {}).items():
        where = f"'dimensions.{name}"
        base = info.get("base", "total")
        if base not in NO_REFERENCE_BASES:
            base_dim, sep, base_cat = base.partition(":")
            if not sep:
                raise DatasetError(
                    descriptor, f"{where}.base' must be 'total', 'none' or 'dimension:category', not '{base}'"
                )
            if (base_dim, base_cat) not in pairs:
                raise DatasetError(descriptor, f"{where}.base' names '{base}', which is not a row of the figures")
        for number, group in enumerate(info.get("groups", [])):
            for member in group["members"]:
                if (name, member) not in pairs:
                    raise DatasetError(
                        descriptor,
                        f"{where}.groups[{number}].members' names '{member}', which is not a category of '{name}'",
                    )


def safe_tree(value: Any) -> Any:
    """``value`` (parsed JSON) with every string, key or value, passed through :func:`safe_text`."""
    if isinstance(value, str):
        return safe_text(value)
    if isinstance(value, list):
        return [safe_tree(item) for item in value]
    if isinstance(value, dict):
        return {safe_text(key): safe_tree(item) for key, item in value.items()}
    return value
