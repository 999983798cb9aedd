"""The dataset picker (``d``): type to filter, Enter to open, Esc to stay."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.data.catalog import DatasetEntry, search
from tui.screens.dismiss_once import DismissOnce
from tui.terminal.textual_private import screen_is_closing


def entry_prompt(entry: DatasetEntry, current: str) -> Text:
    """One dataset as a picker line: name, then period, unit and force (plain text, never markup)."""
    mark = "● " if entry.name == current else "  "
    text = Text(mark)
    text.append(entry.name, style="bold")
    if entry.in_memory:
        text.append("  your spreadsheet, opened in memory", style="italic")
    text.append(f"\n    {entry.period} · {entry.unit} · {entry.force}", style="dim")
    return text


class DatasetPicker(DismissOnce, ModalScreen[str | None]):
    """Choose a dataset from the catalog; dismisses with its name, or None when cancelled."""

    CSS_PATH = "picker.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", tooltip="Close the picker and keep the dataset on show"),
        Binding("down", "move(1)", "Next", show=False),
        Binding("up", "move(-1)", "Previous", show=False),
    ]

    def __init__(self, entries: tuple[DatasetEntry, ...], current: str, *, title: str = "Open a dataset") -> None:
        super().__init__()
        self.entries = entries
        self.current = current
        self.title_text = title

    def compose(self) -> ComposeResult:
        """A filter box above the list of datasets."""
        with Vertical(id="picker"):
            yield Static(f"{self.title_text}: type to filter, ↑↓ to choose, Enter to open, Esc to cancel", markup=False)
            yield Input(placeholder="filter: name, force, publisher, year…", id="picker-filter")
            yield OptionList(id="picker-list")
            yield Static("", id="picker-count", markup=False)

    def on_mount(self) -> None:
        """Fill the list with every dataset, the current one highlighted (nothing if already closed)."""
        if screen_is_closing(self) or self._options() is None:
            return
        self._fill("")
        self.query_one(Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        """Narrow the list as the user types."""
        self._fill(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the filter box opens the highlighted dataset."""
        options = self._options()
        if options is not None and options.highlighted is not None:
            self.dismiss(options.get_option_at_index(options.highlighted).id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """A click or Enter on a dataset opens it."""
        self.dismiss(event.option.id)

    def action_move(self, step: int) -> None:
        """Move the highlight while the filter box keeps focus."""
        options = self._options()
        if options is not None and options.option_count:
            start = options.highlighted if options.highlighted is not None else -step
            options.highlighted = (start + step) % options.option_count

    def action_cancel(self) -> None:
        """Close without changing the dataset."""
        self.dismiss(None)

    def _options(self) -> OptionList | None:
        """The list, or None once the picker is being taken down (a key may still reach it then)."""
        return next(iter(self.query(OptionList).results(OptionList)), None)

    def _fill(self, text: str) -> None:
        found = search(self.entries, text)
        options = self._options()
        if options is None:
            return
        options.clear_options()
        options.add_options(Option(entry_prompt(e, self.current), id=e.name) for e in found)
        names = [e.name for e in found]
        if names:
            options.highlighted = names.index(self.current) if self.current in names else 0
        count = f"{len(found)} of {len(self.entries)} datasets"
        for line in self.query("#picker-count").results(Static):
            line.update(count if found else f"{count}: nothing matches {text!r}")


SWITCHING_MODE = "switching-dataset"
"""The mode shown for the moment the app swaps one dataset's screens for another's."""


class SwitchingScreen(Screen[None]):
    """A one-line screen shown while the screens of the newly chosen dataset are built."""

    def compose(self) -> ComposeResult:
        """A single line saying what is happening."""
        yield Static("Opening the dataset…", id="switching", markup=False)
