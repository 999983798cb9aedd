"""The UI-free data layer: loading, validation and the in-memory data service.

Nothing in this package may import Textual or anything from ``tui.screens`` or
``tui.widgets``; ``tests/unit/test_import_hygiene.py`` enforces it.

The names below are imported when first asked for (PEP 562): a cached start reads its answers
without the loader and the service (their modules and what they import), which come later.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.data.errors import DatasetError
    from tui.data.loader import Dataset, load_dataset
    from tui.data.locate import default_dataset_path
    from tui.data.service import DataService

_MODULES = {
    "DataService": "service",
    "Dataset": "loader",
    "DatasetError": "errors",
    "default_dataset_path": "locate",
    "load_dataset": "loader",
}

__all__ = ["DataService", "Dataset", "DatasetError", "default_dataset_path", "load_dataset"]


def __getattr__(name: str) -> object:
    """One of the names above, its module imported now."""
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{module}"), name)
