"""The UI-free data layer: loading, validation and the in-memory data service.

Nothing in this package may import Textual or anything from ``tui.screens`` or
``tui.widgets``; ``tests/unit/test_import_hygiene.py`` enforces it.
"""

from tui.data.errors import DatasetError
from tui.data.loader import Dataset, load_dataset
from tui.data.locate import default_dataset_path
from tui.data.service import DataService

__all__ = ["DataService", "Dataset", "DatasetError", "default_dataset_path", "load_dataset"]
