"""The one error a file that cannot be imported raises: a :class:`DatasetError` naming file, row and column."""

from __future__ import annotations

from tui.data.errors import DatasetError


class ImportFileError(DatasetError):
    """A spreadsheet that cannot be imported; the message names the file, and the row and column if known."""
