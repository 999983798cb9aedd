"""The Textual application: modes for the screens, app-wide keys, and the factory that builds it."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from contextlib import AbstractContextManager
from functools import partial
from importlib import import_module
from time import monotonic
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.screen import Screen

from tui.data.catalog import Catalog
from tui.dataset_switch import DatasetSwitching
from tui.errors import EXIT_DATA_ERROR
from tui.palette import SYSTEM_COMMANDS_KEPT, BindingCommands
from tui.screen_registry import POPUP_CSS, SCREEN_MODES, SCREENS, ScreenSpec, available, spec_for
from tui.screens.base import FoiScreen, screen_dimensions
from tui.startup import resume_collector
from tui.terminal import Terminal
from tui.terminal.restricted_app import RestrictedApp
from tui.terminal.textual_private import (
    app_is_exiting,
    mode_is_built,
    mount_mode_in_background,
    note_first_screen_styled,
    start_in_mode,
)
from tui.widgets import ChartStyle

if TYPE_CHECKING:
    from tui.data.service import DataService
    from tui.screens.opening import Opening, OpeningScreen

LATER_MODULES = (
    "tui.screens.help",
    "tui.screens.provenance",
    "tui.screens.choice",
    "tui.export.table_file",
    "tui.export.clipboard",
    "tui.serial_palette",
    "tui.screens.picker",
    "tui.screens.compare",
)
"""Modules no first screen needs (pop-ups, the palette, the picker): imported one at a time after the first
frame, with the other screens' modules, so neither the start nor a key pressed soon after waits for them."""

PREPARE_DELAY = 0.15
"""Seconds after start-up before the other screens are built in the background."""

LATER_IMPORT_STEP = 0.005
"""Seconds between importing one of the modules the first frame did without and the next."""

PREPARE_STEP = 0.05
"""Seconds between building one background screen and the next."""

QUIET_AFTER = 0.15
"""Seconds after a key before tables out of view fill in the background (see :meth:`FoiApp.is_quiet`)."""

SWITCH_DELAY = 0.01
"""Seconds screen updates are held during a screen switch, so it is drawn in one frame."""


SCREEN_KEYS = frozenset(spec.key for spec in SCREENS)
"""The keys that switch screens."""

SCREEN_BY_KEY = {spec.key: spec.mode for spec in SCREENS}
"""The screen each screen key switches to."""


def _screen_bindings() -> list[BindingType]:
    """``1``, ``2``, ... : one key per registered screen."""
    return [
        Binding(spec.key, f"switch_mode('{spec.mode}')", spec.label, show=False, tooltip=spec.tooltip)
        for spec in SCREENS
    ]


class FoiApp(DatasetSwitching, RestrictedApp):
    """foi-explorer: one data service, a mode per screen, every action on a key."""

    TITLE = "foi-explorer"
    AUTO_FOCUS = None
    # Every screen's .tcss (beside its module, rules nested under the screen class) is loaded once
    # here: a Screen.CSS_PATH would make Textual re-parse all CSS on the first switch to each screen.
    CSS_PATH = ["app.tcss", *(spec.css_path for spec in SCREENS), *POPUP_CSS]
    COMMANDS = App.COMMANDS | {BindingCommands}
    ENABLE_COMMAND_PALETTE = True
    BINDINGS: ClassVar[list[BindingType]] = [
        *_screen_bindings(),
        Binding("d", "pick_dataset", "Dataset", tooltip="Open another dataset (type to filter the list)"),
        Binding("c", "compare", "Compare", tooltip="The dataset on show beside another: agreements and differences"),
        Binding("question_mark", "help", "Help", key_display="?", tooltip="Every key of this screen, and definitions"),
        Binding(
            "ctrl+p",
            "command_palette",
            "Commands",
            show=False,
            priority=True,
            tooltip="Find any screen or action by name",
        ),
        Binding("q", "quit", "Quit", tooltip="Leave foi-explorer (in a pop-up, q closes the pop-up)"),
        Binding(
            "ctrl+c",
            "interrupt",
            "Interrupt",
            show=False,
            priority=True,
            tooltip="Leave at once (exit status 130, as for an interrupted command)",
        ),
    ]

    service: DataService
    """The dataset's figures (set once the data is open)."""

    def __init__(
        self,
        service: DataService | None,
        *,
        screen: str = "trends",
        theme: str | None = None,
        terminal: Terminal | None = None,
        restricted: bool = False,
        opening: Opening | None = None,
        catalog: Catalog | None = None,
        dataset_name: str | None = None,
    ) -> None:
        # The first screen is the default mode, so no blank frame is drawn before it.
        if opening is None:
            self.DEFAULT_MODE = screen  # type: ignore[misc]
        else:
            from tui.screens.opening import OPENING_MODE  # the opening screen's module only when it is needed

            self.DEFAULT_MODE = OPENING_MODE  # type: ignore[misc]
        super().__init__(terminal=terminal, restricted=restricted)
        self.first_screen = screen
        self.catalog = catalog or Catalog()
        self.dataset_name = dataset_name or (service.provenance.name if service is not None else "")
        self.open_error: str | None = None
        """Why the data given as an :class:`Opening` could not be opened (the app then exits with status 2)."""
        self._last_switch = 0.0
        self._modes_visited = {screen}
        self._only_screen_keys = True
        """Every input so far was a screen key: a screen first reached now looks as it would at start."""
        self._keep_when_shown: str | None = None
        self._update_holds: list[AbstractContextManager[None]] = []
        self._all_prepared = False
        self.loading_screens: set[Screen[None]] = set()
        """Screens gathering their figures in a worker: the next background screen waits for them."""
        self.chart_style = ChartStyle.for_terminal(ascii_only=self.terminal.ascii_only, mono=self.terminal.mono)
        self.modes_shown: tuple[str, ...] = ()
        """The screens this dataset has (the Cases screen only with per-case rows); none while it opens."""
        if service is not None:
            self._add_screens(service)
        elif opening is not None:
            from tui.screens.opening import OpeningScreen

            self.add_mode(OPENING_MODE, partial(OpeningScreen, opening))
        else:
            raise ValueError("the app needs data: a service or an opening")
        if theme:
            if theme not in self.available_themes:
                known = ", ".join(sorted(self.available_themes))
                raise ValueError(f"unknown theme '{theme}' (known: {known})")
            self.theme = theme
        elif self.terminal.ansi_theme:
            self.theme = "ansi-dark"
        if self.terminal.low_bandwidth:
            self.animation_level = "none"

    def _add_screens(self, service: DataService) -> None:
        """A mode for each screen the dataset has.

        Raises:
            ValueError: the dataset has no screen ``first_screen``.
        """
        modes_shown = tuple(spec.mode for spec in SCREENS if available(spec, service.has))
        if self.first_screen not in modes_shown:
            raise ValueError(f"this dataset has no {self.first_screen} screen (it has: {', '.join(modes_shown)})")
        self.service = service
        self.modes_shown = modes_shown
        self.dataset_name = self.dataset_name or service.provenance.name  # data opened after start
        for spec in SCREENS:
            if spec.mode in modes_shown:
                # Asked now, as each screen asks when built: a first start caches them, however soon it ends,
                # so a screen built at a key at the next start never loads the data on the UI thread.
                screen_dimensions(service, spec)
                self.add_mode(spec.mode, partial(self._make_screen, spec, service))

    def _make_screen(self, spec: ScreenSpec, service: DataService) -> FoiScreen:
        """A screen of the dataset; the one Textual builds as it starts is noted as styled by the stylesheet as
        parsed (else Textual parses every stylesheet twice more before the first frame)."""
        screen = spec.make(service)
        if not self.first_frame_shown:
            note_first_screen_styled(screen, self)
        return screen

    @property
    def opening(self) -> bool:
        """True while the data is still being opened (no data screen yet)."""
        return not self.modes_shown

    def on_mount(self) -> None:
        """Once the first screen is drawn, build the others so the first switch to each is instant."""
        if not self.opening:
            self._first_screen_drawn()

    def first_screen_complete(self) -> bool:
        """True once the screen on show has its figures (at start they may come from a worker)."""
        if not self.screen_stack:  # quitting: Textual has taken the screens down (self.screen would raise)
            return False
        screen = self.screen
        return isinstance(screen, FoiScreen) and screen.figures_shown

    def start_on(self, screen: str) -> bool:
        """Open on ``screen`` instead (before :meth:`run`: a key typed before Textual ran chose it); False if
        this dataset has no such screen."""
        if screen not in self.modes_shown or self.is_running:
            return False
        self.DEFAULT_MODE = self.first_screen = screen  # type: ignore[misc]
        start_in_mode(self, screen)
        self._modes_visited = {screen}
        return True

    def on_foi_screen_figures_shown(self, message: FoiScreen.FiguresShown) -> None:
        """A screen's figures have come: if it is the first screen, or one reached by its key that waited
        for them, keep it for a later start."""
        if self.first_screen_complete():
            self.keep_first_frame_soon()
            if self._keep_when_shown is not None and self._keep_when_shown == self.current_mode:
                self._keep_reached_screen(self._keep_when_shown)

    def _keep_reached_screen(self, mode: str) -> None:
        """Keep the screen ``mode`` just reached by its key, as if it were the start screen (``--screen``), once
        its figures show and it stays so :data:`~tui.terminal.terminal_app.FRAME_KEEP_DELAY` with no other input.

        Only on its first visit and while every input was a screen key: then it shows exactly what it
        would show as the start screen (its first view, no pop-up, no notice, the same theme and dataset).
        """
        self._keep_when_shown = None
        if self.frame_cache is None or not self._still_as_reached(mode):
            return
        if not self.first_screen_complete():
            self._keep_when_shown = mode
            return
        self.keep_frame_soon(self.frame_cache.for_screen(mode), partial(self._still_as_reached, mode))

    def _still_as_reached(self, mode: str) -> bool:
        return self._only_screen_keys and self.current_mode == mode and len(self.screen_stack) == 1

    def _first_screen_drawn(self) -> None:
        if self.frame_cache is not None:  # kept at an earlier start: shown at once on a first visit by key
            others = [mode for mode in self.modes_shown if mode != self.current_mode]
            self.read_kept_frames({mode: self.frame_cache.for_screen(mode) for mode in others})
        self.set_timer(PREPARE_DELAY, self._prepare_screens)
        self.call_after_refresh(resume_collector)
        self.call_after_refresh(self._import_later_modules, self._later_modules())

    def _later_modules(self) -> list[str]:
        """What the first frame did without: the other screens' modules, pop-ups, palette and picker."""
        screens = [spec.class_path.partition(":")[0] for spec in SCREENS if spec.mode in self.modes_shown]
        return [*screens, *LATER_MODULES]

    def _import_later_modules(self, modules: list[str]) -> None:
        """Import the first of ``modules`` not imported yet, then come back for the next (keys go in between)."""
        if app_is_exiting(self) or not self.is_running:
            return
        waited = self.since_key()
        if waited < PREPARE_STEP:  # a key is being answered: its frame goes out first
            self.set_timer(PREPARE_STEP - waited, partial(self._import_later_modules, modules))
            return
        waiting = [module for module in modules if module not in sys.modules]
        if waiting:
            import_module(waiting[0])
            self.set_timer(LATER_IMPORT_STEP, partial(self._import_later_modules, waiting[1:]))

    async def on_opening_screen_opened(self, message: OpeningScreen.Opened) -> None:
        """The data is loaded: build its screens and show the first one (unless the app is closing)."""
        if app_is_exiting(self) or not self.is_running:
            return
        # The spreadsheet joins the catalog, so d can come back to it and c can compare it.
        self.dataset_name = self.catalog.add_opened(message.service)
        try:
            self._add_screens(message.service)
        except ValueError as exc:
            self.fail_to_open(str(exc))
            return
        from tui.screens.opening import OPENING_MODE

        await self.switch_mode(self.first_screen)
        await self.remove_mode(OPENING_MODE)
        self._first_screen_drawn()

    def on_opening_screen_failed(self, message: OpeningScreen.Failed) -> None:
        """The data cannot be opened: leave, so the command prints why (one line, status 2)."""
        self.fail_to_open(message.reason)

    def on_opening_screen_crashed(self, message: OpeningScreen.Crashed) -> None:
        """A bug while opening: raised here, on the UI thread, like any other."""
        raise message.error

    def fail_to_open(self, reason: str) -> None:
        """Exit with status 2, keeping ``reason`` for the command to print once the terminal is restored."""
        self.open_error = reason
        self.exit(return_code=EXIT_DATA_ERROR)

    @property
    def prepared_modes(self) -> tuple[str, ...]:
        """The modes whose screen is built (shown or built in the background)."""
        return tuple(mode for mode in SCREEN_MODES if mode_is_built(self, mode))

    def _prepare_screens(self) -> None:
        """Build the next screen not built yet, then come back for the one after it.

        One screen at a time, each once the one before has gathered its figures (workers gathering
        side by side slowed the one the user switched to), with a pause between: a key pressed meanwhile
        waits for one screen's building at most, never for all of them.
        """
        if app_is_exiting(self) or not self.is_running:  # quitting (Textual clears its modes while it closes)
            return
        waited = self.since_key()
        if waited < PREPARE_STEP:  # the user is switching screens: let that frame go out first
            self.set_timer(PREPARE_STEP - waited, self._prepare_screens)
            return
        self.loading_screens = {screen for screen in self.loading_screens if screen.is_attached}  # none replaced
        if self.loading_screens:  # a screen still gathers its figures: one worker at a time, the one on show first
            self.set_timer(PREPARE_STEP, self._prepare_screens)
            return
        for mode in SCREEN_MODES:
            if mount_mode_in_background(self, mode):
                self.set_timer(PREPARE_STEP, self._prepare_screens)
                return
        self._all_prepared = True

    def screens_replaced(self) -> None:
        """A new dataset's screens are in place: build the ones not on show in the background."""
        self._all_prepared = False
        self.set_timer(PREPARE_DELAY, self._prepare_screens)

    def note_key(self) -> None:
        """A key just came (it may change what is on show): background work waits a moment."""
        self._last_switch = monotonic()

    def since_key(self) -> float:
        """Seconds since the last key (or screen switch)."""
        return monotonic() - self._last_switch

    async def on_event(self, event: events.Event) -> None:
        """Note every key as it arrives, before it waits in any queue: background work holds back for it."""
        if isinstance(event, events.Key):
            self.note_key()
        if isinstance(event, events.InputEvent | events.Paste) and not (
            isinstance(event, events.Key) and event.key in SCREEN_KEYS
        ):
            self._only_screen_keys = False
        if isinstance(event, events.Key) and event.key in SCREEN_KEYS:
            self._show_first_visit_at_once(SCREEN_BY_KEY[event.key])
        await super().on_event(event)

    def _show_first_visit_at_once(self, mode: str) -> None:
        """Show ``mode``'s kept frame now, on a first visit by its key while every input was a screen key: it is
        what the screen shows then (it was kept in that state), and it goes out before the screen is built
        (60-90 ms, longer while others are built in the background). Textual then sends what differs: nothing."""
        if (
            self._only_screen_keys
            and mode in self.modes_shown
            and mode not in self._modes_visited
            and len(self.screen_stack) == 1
        ):
            self.show_kept_frame(mode)

    def is_quiet(self) -> bool:
        """True when work for what is not on show may run: every screen built, no key for ``QUIET_AFTER``."""
        return self._all_prepared and self.since_key() >= QUIET_AFTER

    def delay_update(self, delay: float = SWITCH_DELAY) -> None:
        """Hold screen updates while a switch settles, so it is drawn in one frame.

        Textual holds them for 50 ms on every mode switch to hide the transition; our screens are
        built in advance, so the hold ends once the new screen has taken in its showing (see
        :meth:`action_switch_mode`), ``SWITCH_DELAY`` at most.
        """
        hold = self.batch_update()
        hold.__enter__()
        self._update_holds.append(hold)
        self.set_timer(min(delay, SWITCH_DELAY), partial(self._release_updates, hold))

    def _release_updates(self, *holds: AbstractContextManager[None]) -> None:
        """End the given holds on screen updates (all of them if none given), then draw the screen."""
        released = False
        for hold in holds or tuple(self._update_holds):
            if hold in self._update_holds:
                self._update_holds.remove(hold)
                hold.__exit__(None, None, None)
                released = True
        if released and not self._update_holds and self.is_running and not app_is_exiting(self):
            self.screen.refresh()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide the key of the screen already on show from the footer; refuse what restricted mode forbids."""
        if action == "switch_mode" and parameters and parameters[0] == self.current_mode:
            return None
        if action == "switch_mode" and parameters and parameters[0] not in self.modes_shown:
            return False
        if action == "help" and self.opening:
            return False
        return super().check_action(action, parameters)

    def action_help(self) -> None:
        """Open help for the screen on show (keys from its bindings, then definitions)."""
        from tui.screens.help import HelpScreen

        screen = self.screen
        if isinstance(screen, HelpScreen):
            return
        spec = spec_for(screen.id or "")
        title = f"the {spec.label} screen" if spec else "this screen"
        self.push_screen(HelpScreen(title, screen.active_bindings, self.service.definitions))

    def action_command_palette(self) -> None:
        """Open the command palette (one that closes once, however fast keys arrive; ASCII icon and
        placeholder when the terminal needs them)."""
        from tui.serial_palette import SerialCommandPalette

        # Not only the top screen: never a second palette under another screen. No fixed id (Textual
        # gives it one): a palette just closed is still registered until removed, and a new one with
        # the same id raised DuplicateIds (ctrl+p at once after esc, found by the monkey).
        if self.use_command_palette and not any(isinstance(s, CommandPalette) for s in self.screen_stack):
            ascii_only = self.terminal.ascii_only
            self.push_screen(
                SerialCommandPalette(placeholder=self._ellipsis("Search for commands"), ascii_only=ascii_only)
            )

    def search_themes(self) -> None:
        """The palette of themes (Textual's "Theme" command), closed once like the command palette."""
        from textual.theme import ThemeProvider

        from tui.serial_palette import SerialCommandPalette

        self.push_screen(
            SerialCommandPalette(
                providers=[ThemeProvider],
                placeholder=self._ellipsis("Search for themes"),
                ascii_only=self.terminal.ascii_only,
            )
        )

    def _ellipsis(self, text: str) -> str:
        """``text`` followed by an ellipsis the terminal can draw."""
        return f"{text}{'...' if self.terminal.ascii_only else '…'}"

    async def action_switch_mode(self, mode: str) -> None:
        """Switch screens; from a pop-up, close it first."""
        self.note_key()
        while len(self.screen_stack) > 1:
            self.pop_screen()
        if mode in self.modes_shown:  # not built yet: built as in the background (no CSS re-parse, 20-35 ms)
            mount_mode_in_background(self, mode)
        first_visit = mode not in self._modes_visited
        await self.switch_mode(mode)
        self._modes_visited.add(mode)
        # Once the new screen has handled its showing (queued before this), draw it: no fixed wait.
        self.screen.call_after_refresh(self._release_updates)
        if first_visit and mode in self.modes_shown:
            self._keep_reached_screen(mode)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's own palette commands that do not repeat one of ours (theme, screenshot)."""
        for command in super().get_system_commands(screen):
            if command.title in SYSTEM_COMMANDS_KEPT:
                yield command


def build_app(
    service: DataService | None,
    *,
    screen: str = "trends",
    theme: str | None = None,
    terminal: Terminal | None = None,
    restricted: bool = False,
    opening: Opening | None = None,
    catalog: Catalog | None = None,
    dataset_name: str | None = None,
) -> FoiApp:
    """Build the app around a loaded data service, or one that ``opening`` loads once the app is on screen.

    The one factory the CLI and tests use. ``catalog`` lists the datasets the picker offers (default:
    the bundled ones); ``dataset_name`` is the catalog name of the one on show (default: its package's).
    """
    return FoiApp(
        service,
        screen=screen,
        theme=theme,
        terminal=terminal,
        restricted=restricted,
        opening=opening,
        catalog=catalog,
        dataset_name=dataset_name,
    )
