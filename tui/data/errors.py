"""The one error type a broken dataset raises."""

from __future__ import annotations

from pathlib import Path

from tui.data.safe_text import safe_text

MAX_MESSAGE = 300


class DatasetError(Exception):
    """A dataset that cannot be loaded, with the place where it is broken.

    Its text is one line made safe to print (:func:`~tui.data.safe_text.safe_text`):
    the path and the message may quote the broken data.

    Args:
        path: the file at fault.
        message: what is wrong, in plain words.
        row: the 1-based line number in the file (the header is line 1), if known.
        column: the column (field) name at fault, if known.
    """

    def __init__(self, path: Path | str, message: str, *, row: int | None = None, column: str | None = None) -> None:
        self.path = Path(path)
        self.message = message
        self.row = row
        self.column = column
        super().__init__(str(self))

    def __str__(self) -> str:
        place = str(self.path)
        if self.row is not None:
            place += f", row {self.row}"
        if self.column is not None:
            place += f", column '{self.column}'"
        return safe_text(f"{place}: {self.message}", limit=MAX_MESSAGE)
