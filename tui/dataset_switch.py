"""Choosing the dataset inside the app: the picker (``d``), the compare view (``c``), and the swap.

Switching rebuilds every screen from the new data service without restarting: the dataset is
loaded in a worker, a one-line screen is shown while the old screens are removed, and the user
lands on the screen they were on, now over the new figures.
"""

from __future__ import annotations

from contextlib import suppress
from functools import partial
from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import App, InvalidModeError

from tui.data.catalog import Catalog, UnknownDataset
from tui.data.errors import DatasetError
from tui.data.gc_pause import collect_dropped
from tui.screen_registry import SCREENS, available
from tui.terminal.textual_private import forget_dropped_styles

if TYPE_CHECKING:
    from tui.data.service import DataService
    _AppBase = App[Any]
else:
    _AppBase = object


FREE_RETRY = 0.25
"""Seconds between looks for a moment to free the dataset replaced by a switch."""


class DatasetSwitching(_AppBase):
    """App actions that open another dataset (``d``) or compare the one on show (``c``)."""

    service: Any
    catalog: Catalog
    dataset_name: str
    """The catalog name of the dataset on show."""

    swapping: bool = False
    """True while one dataset's screens are being replaced by another's."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """No screen switch, picker or compare while the screens are being replaced."""
        if action in {"pick_dataset", "compare"} and not self.modes_shown:  # still opening the first data
            return False
        if self.swapping and action in {"switch_mode", "pick_dataset", "compare"}:
            return False
        return super().check_action(action, parameters)

    modes_shown: tuple[str, ...] = ()
    """The screens the dataset on show has (the Cases screen only with per-case rows)."""

    def install_screens(self, service: Any) -> None:
        """Register a mode per screen of the registry the dataset has, each built over ``service`` when needed."""
        self.modes_shown = tuple(spec.mode for spec in SCREENS if available(spec, service.has))
        for spec in SCREENS:
            if spec.mode in self.modes_shown:
                self.add_mode(spec.mode, partial(spec.make, service))

    def action_pick_dataset(self) -> None:
        """Open the dataset picker (the catalog is read in a worker first)."""
        self._open_picker()

    def action_compare(self) -> None:
        """Open the compare view: the dataset on show beside its closest relative (``b`` picks another)."""
        from tui.screens.compare import CompareScreen

        self._pop_to_base()
        self.push_screen(CompareScreen(self.catalog, self.dataset_name))

    @work(thread=True, exclusive=True, group="dataset-picker")
    def _open_picker(self) -> None:
        try:
            entries = self.catalog.entries
        except DatasetError as exc:
            self.call_from_thread(self.notify, str(exc), title="Datasets", severity="error")
            return
        self.call_from_thread(self._show_picker, entries)

    def _show_picker(self, entries: Any) -> None:
        from tui.screens.picker import DatasetPicker

        if any(isinstance(screen, DatasetPicker) for screen in self.screen_stack):
            return
        self.push_screen(DatasetPicker(entries, self.dataset_name), self._chosen)

    def _chosen(self, name: str | None) -> None:
        if name and name != self.dataset_name:
            self.switch_dataset(name)

    @work(thread=True, exclusive=True, group="dataset-switch")
    def switch_dataset(self, name: str) -> None:
        """Load the dataset called ``name`` (in a worker), then rebuild every screen over it."""
        try:
            service = self.catalog.service_for(name)
        except (DatasetError, UnknownDataset) as exc:
            self.call_from_thread(self.notify, str(exc), title="Cannot open the dataset", severity="error")
            return
        self.call_from_thread(self._swap_service, service, name)  # type: ignore[arg-type]  # an async callback

    async def _swap_service(self, service: DataService, name: str) -> None:
        """Show the switching line, drop the old screens, add the new ones, and go back where the user was."""
        mode = self.current_mode
        self.swapping = True
        try:
            await self._replace_screens(service, name)
        finally:
            self.swapping = False
        await self.switch_mode(mode if mode in self.modes_shown else self.modes_shown[0])
        self.notify(f"Now showing {name}.", title="Dataset", timeout=3)
        self.screens_replaced()
        self.call_after_refresh(self._free_old_dataset)

    def _free_old_dataset(self) -> None:
        """Free the replaced screens and figures: the collector's pauses froze them in their cycles.

        Once the app is quiet and no worker of a removed screen still runs (it holds its screen): one
        full collection (tens of milliseconds at 100,000 figure rows), never on a key's way.
        """
        is_quiet = getattr(self, "is_quiet", None)
        busy = callable(is_quiet) and not is_quiet()
        if busy or any(worker.is_running and not worker.node.is_attached for worker in self.workers):
            self.set_timer(FREE_RETRY, self._free_old_dataset)  # a one-shot: no timer once done
            return
        forget_dropped_styles()  # Textual's memo would keep the old widgets' style caches alive
        collect_dropped()

    async def _replace_screens(self, service: DataService, name: str) -> None:
        from tui.screens.picker import SWITCHING_MODE, SwitchingScreen

        self._pop_to_base()
        with suppress(InvalidModeError):  # added at the first switch, kept for the next
            self.add_mode(SWITCHING_MODE, SwitchingScreen)
        await self.switch_mode(SWITCHING_MODE)
        self.service = service
        self.dataset_name = name
        for mode in self.modes_shown:
            await self.remove_mode(mode)
        self.install_screens(service)

    def screens_replaced(self) -> None:
        """Called once the screens of a new dataset are in place (the app builds the rest in the background)."""

    def _pop_to_base(self) -> None:
        while len(self.screen_stack) > 1:
            self.pop_screen()

