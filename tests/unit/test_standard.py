"""Every bundled dataset is a valid Frictionless Data Package (checked with the reference library)."""

from __future__ import annotations

import pytest

from tui.data.locate import bundled_datasets, datasets_root

frictionless = pytest.importorskip("frictionless")


@pytest.mark.parametrize("name", bundled_datasets())
def test_bundled_dataset_is_a_valid_data_package(name: str) -> None:
    report = frictionless.validate(str(datasets_root() / name / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
