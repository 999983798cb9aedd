"""Where the bundled datasets live, installed or in a source checkout."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

DEFAULT_DATASET = "met-2018-2021"


def datasets_root() -> Path:
    """Return the folder that holds the bundled datasets (one sub-folder each).

    In a wheel the repository's ``data/`` folder is shipped as ``tui/_data``; in a
    source checkout (editable install or plain ``python -m tui``) it is ``data/``
    beside the package.
    """
    packaged = Path(str(resources.files("tui"))) / "_data"
    if packaged.is_dir():
        return packaged
    return Path(str(resources.files("tui"))).parent / "data"


def bundled_datasets() -> list[str]:
    """Return the names of the bundled datasets, sorted."""
    root = datasets_root()
    return sorted(p.name for p in root.iterdir() if (p / "datapackage.json").is_file())


def default_dataset_path() -> Path:
    """Return the folder of the default dataset."""
    return datasets_root() / DEFAULT_DATASET
