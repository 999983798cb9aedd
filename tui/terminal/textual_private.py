"""The fence: the only module that touches Textual's and Rich's private names (textual pinned in pyproject).

Each use is a small named function (or the one hook class), and ``tests/unit/test_textual_private.py``
checks every private name still exists, so a Textual or Rich upgrade that renames one fails that test
naming the attribute, instead of a feature switching itself off silently.
"""

from __future__ import annotations

import asyncio
from typing import IO, TYPE_CHECKING, Any, cast

from rich.color import ColorSystem
from rich.console import Console, RenderableType
from rich.style import Style
from textual import events, work
from textual._compositor import ChopsUpdate, CompositorUpdate, LayoutUpdate
from textual._styles_cache import StylesCache
from textual._time import get_time
from textual._xterm_parser import XTermParser
from textual.app import App
from textual.command import CommandPalette
from textual.css.query import NoMatches
from textual.driver import Driver
from textual.errors import NoWidget
from textual.screen import Screen
from textual.widgets import OptionList
from textual.widgets._toast import ToastRack

if TYPE_CHECKING:
    from textual.geometry import Size

__all__ = [
    "GATHER_COMMANDS_GROUP",
    "PRIVATE_NAMES",
    "ChopsUpdate",
    "CompositorUpdate",
    "LayoutUpdate",
    "SearchGuardPalette",
    "UpdateHookApp",
    "app_driver",
    "app_is_exiting",
    "console_colour_system",
    "driver_app",
    "driver_loop",
    "driver_output",
    "forget_dropped_styles",
    "input_parser",
    "layout_pending",
    "mode_is_built",
    "mount_mode_in_background",
    "note_first_screen_styled",
    "note_styled",
    "parser_wait",
    "prerender_screen",
    "screen_is_closing",
    "set_driver_output",
    "start_in_mode",
    "style_attribute_codes",
    "use_safe_input_decoder",
    "use_safe_option_clicks",
]

PRIVATE_NAMES: tuple[tuple[str, str], ...] = (
    ("textual.app:App", "_exit"),
    ("textual.app:App", "_modes"),
    ("textual.app:App", "_screen_stacks"),
    ("textual.app:App", "_init_mode"),
    ("textual.app:App", "_current_mode"),
    ("textual.app:App", "_css_update_count"),
    ("textual.app:App", "_driver"),
    ("textual.app:App", "_display"),
    ("textual.screen:Screen", "_css_update_count"),
    ("textual.screen:Screen", "_refresh_layout"),
    ("textual.screen:Screen", "_compositor"),
    ("textual.screen:Screen", "_update_timer"),
    ("textual.screen:Screen", "_layout_required"),
    ("textual.app:App", "_notifications"),
    ("textual.dom:DOMNode", "_closing"),
    ("textual.driver:Driver", "_app"),
    ("textual.driver:Driver", "_loop"),
    ("textual.driver:Driver", "_debug"),
    ("textual._xterm_parser:XTermParser", "_timeout_time"),
    ("textual.drivers.linux_driver:LinuxDriver", "_file"),
    ("textual._compositor:Compositor", "render_full_update"),
    ("textual._compositor:LayoutUpdate", "strips"),
    ("textual._compositor:LayoutUpdate", "region"),
    ("textual._compositor:ChopsUpdate", "chops"),
    ("textual._compositor:ChopsUpdate", "spans"),
    ("textual._compositor:ChopsUpdate", "chop_ends"),
    ("textual.app:App", "_exit_renderables"),
    ("textual.app:App", "_exception"),
    ("textual.app:App", "_print_error_renderables"),
    ("textual.command:CommandPalette", "_gather_commands"),
    ("textual.command:CommandPalette", "_on_click"),
    ("textual.widgets:OptionList", "_on_click"),
    ("rich.console:Console", "_color_system"),
    ("rich.style:Style", "_make_ansi_codes"),
    ("textual.css.stylesheet:Stylesheet", "_variables"),
    ("textual.app:App", "_batch_count"),
    ("textual._styles_cache:StylesCache", "get_inner_outer"),
)
"""Every (class, private or internal attribute) used here: the fence test checks each on a live object."""


# --- the app ----------------------------------------------------------------------


def forget_dropped_styles() -> None:
    """Let the style caches of removed widgets go (call after removing many: a dataset's screens).

    Textual memoises ``StylesCache.get_inner_outer`` per instance (``lru_cache`` on a method): up to
    1,024 caches of widgets long removed stay alive with every line they rendered (about 3 MiB per
    dataset switch at 80x24, more on a big terminal). Clearing it only costs a recomputation.
    """
    StylesCache.get_inner_outer.cache_clear()


def app_is_exiting(app: App[Any]) -> bool:
    """True once the app has started to exit (Textual clears its modes while it closes)."""
    return bool(app._exit)


def app_driver(app: App[Any]) -> Driver | None:
    """The driver the app runs on, or None before it starts."""
    return app._driver


def mount_mode_in_background(app: App[Any], mode: str) -> bool:
    """Build a mode's screen without showing it, styled as if shown; False if it exists or is unknown.

    Textual has no public "mount this mode in the background"; ``_init_mode`` does just that. The
    new screen is styled from the stylesheet as it mounts; without marking it so, Textual re-parses
    and re-applies all CSS (~75 ms) on the first switch to it.
    """
    if mode not in app._modes or app._screen_stacks.get(mode):
        return False
    make = app._modes[mode]

    if not callable(make):
        app._init_mode(mode)
        return True

    def make_styled() -> Screen[Any]:
        # Marked before _init_mode looks: unmarked, it re-parses and re-applies all CSS (20-35 ms) as well.
        screen = make()
        note_styled(screen, app)
        return screen

    app._modes[mode] = make_styled
    try:
        app._init_mode(mode)
    finally:
        app._modes[mode] = make
    return True


def note_styled(screen: Screen[Any], app: App[Any] | None = None) -> None:
    """Note that a screen's widgets are styled from the app's stylesheet as it is now.

    Textual re-parses and re-applies all CSS (15-25 ms) when it shows a screen not so noted; it
    notes a screen only when it is restyled, never the first screen of an app (not yet mounted
    when Textual looks), so the first return to that screen paid it. A theme change still counts:
    it moves the app's count past the screen's.
    """
    app = screen.app if app is None else app
    screen._css_update_count = app._css_update_count


def note_first_screen_styled(screen: Screen[Any], app: App[Any]) -> bool:
    """Note the app's first screen as styled, if the stylesheet already has the app's variables; True if noted.

    Textual refreshes all CSS when it builds a mode's screen not so noted: for the first screen that
    is a second full parse of every stylesheet before the first frame, and a third as its widgets
    add their default CSS (the refresh emptied the parse cache): ~15-25 ms, for rules that come out
    the same. With a theme set before start (the stylesheet's variables are behind the app's) the
    screen is left to Textual, which refreshes as before.
    """
    if app.stylesheet._variables != app.get_css_variables():
        return False
    app.stylesheet.apply(app)  # as that refresh would: the app styled before the screen, whose widgets inherit from it
    note_styled(screen, app)
    return True


def start_in_mode(app: App[Any], mode: str) -> None:
    """Make ``mode`` the one an app not yet running opens in, as if it were its ``DEFAULT_MODE``.

    Textual reads ``DEFAULT_MODE`` once, in ``App.__init__`` (its empty stack and its current mode).
    """
    if app._screen_stacks.get(app._current_mode) == []:
        del app._screen_stacks[app._current_mode]
    app._screen_stacks.setdefault(mode, [])
    app._current_mode = mode


def mode_is_built(app: App[Any], mode: str) -> bool:
    """Whether the screen of a mode exists (shown, or built in the background)."""
    return bool(app._screen_stacks.get(mode))


class UpdateHookApp(App[None]):
    """An App whose screen updates pass through :meth:`transform_update` before they are written."""

    def transform_update(self, update: object) -> object:
        """Return the update to write instead of ``update`` (a Rich renderable or a Textual update)."""
        return update

    def update_sent(self) -> None:
        """Called once a screen update has gone out (not held back by a batch); headless ones count too."""

    def _display(self, screen: Screen[Any], renderable: RenderableType | None) -> None:
        # Textual hands every screen update to _display (no public hook); held back while batched.
        if renderable is not None:
            renderable = cast("RenderableType", self.transform_update(renderable))
        super()._display(screen, renderable)
        if renderable is not None and not self._batch_count:
            self.update_sent()

    def report_unexpected_error(self, error: BaseException | None) -> bool:
        """Report the unexpected error that ended the app, after the terminal is restored; True if done.

        False (the default) leaves Textual's own report: a full-screen traceback.
        """
        return False

    def _print_error_renderables(self) -> None:
        # Textual prints its tracebacks here, once the terminal is restored (no public hook).
        if self._exit_renderables and self.report_unexpected_error(self._exception):
            self._exit_renderables.clear()
            return
        super()._print_error_renderables()


# --- the command palette ---------------------------------------------------------------

GATHER_COMMANDS_GROUP = "--textual-command-palette-gather-commands"
"""The worker group of the palette's search (exclusive: a new search cancels the old)."""


class SearchGuardPalette(CommandPalette):
    """A CommandPalette whose search starts only when :meth:`may_search` says so."""

    def may_search(self) -> bool:
        """Whether a search may run now (the palette is open and has its list)."""
        return True

    @work(exclusive=True, group=GATHER_COMMANDS_GROUP)
    async def _gather_commands(self, search_value: str) -> None:
        # Textual's search (a worker started on mount and on every keystroke) looks up the list
        # first thing; a search queued behind a close finds none (NoMatches).
        if not self.may_search():
            return
        try:
            await CommandPalette._gather_commands.__wrapped__(self, search_value)  # type: ignore[attr-defined]
        except NoMatches:
            if self.may_search():
                raise

    def _on_click(self, event: events.Click) -> None:  # type: ignore[override]  # as CommandPalette's (sync)
        # Textual's handler (next in the MRO) asks which widget is under the click, to close the
        # palette on a click on its background; a click where no widget is (the window had just
        # shrunk) raised NoWidget and ended the app (textual 8.2.8). Such a click does nothing.
        try:
            self.get_widget_at(event.screen_x, event.screen_y)
        except NoWidget:
            event.prevent_default()  # Textual's handler is not called


# --- terminal input ------------------------------------------------------------------------


def use_safe_input_decoder() -> None:
    """Make Textual's drivers decode input with :class:`~tui.terminal.input_decoder.SafeInputDecoder`.

    Textual 8.2.8 builds its input decoder inside ``run_input_thread`` from the module global
    ``getincrementaldecoder`` of ``textual.drivers.linux_driver`` (and ``web_driver``), in strict
    mode: one byte that is not UTF-8 raised UnicodeDecodeError in the input thread and ended the
    app. Replacing that one global is the smallest change; ``tests/unit/test_textual_input_guard.py``
    fails if Textual stops reading it.
    """
    from textual.drivers import linux_driver, web_driver

    from tui.terminal.input_decoder import safe_incremental_decoder

    for module in (linux_driver, web_driver):
        module.getincrementaldecoder = safe_incremental_decoder  # type: ignore[attr-defined]


# --- option lists -------------------------------------------------------------------------


def use_safe_option_clicks() -> None:
    """Make a click on an option list ignore a line whose option has just gone (idempotent).

    Textual 8.2.8's ``OptionList._on_click`` indexes its options with the number the clicked line
    carried when it was drawn. A click landing just after the options changed (the palette's or the
    dataset picker's list filtered by a key in the same read) carried a number past the end:
    IndexError ended the app (found by the monkey, seed 5016). Such a click now does nothing; a click
    on an option that exists is Textual's own. Patched on the class, so the palette's CommandList
    (built inside Textual's compose) is covered too.
    """
    textual_on_click = OptionList.__dict__["_on_click"]
    if getattr(textual_on_click, "guarded", False):
        return

    async def _on_click(self: OptionList, event: events.Click) -> None:
        option = event.style.meta.get("option")
        if option is not None and not (isinstance(option, int) and 0 <= option < self.option_count):
            return
        await textual_on_click(self, event)

    _on_click.guarded = True  # type: ignore[attr-defined]
    OptionList._on_click = _on_click  # type: ignore[method-assign]


# --- screens --------------------------------------------------------------------------


def screen_is_closing(screen: Screen[Any]) -> bool:
    """True while the screen is being removed."""
    return bool(screen._closing)


def layout_pending(screen: Screen[Any]) -> bool:
    """Whether a widget of the screen asked for a layout not done yet (a hidden screen's waits for its showing)."""
    return bool(screen._layout_required)


def prerender_screen(screen: Screen[Any], size: Size) -> None:
    """Lay out and render a screen that is not on show, so its first showing is instant.

    Also starts the screen's update timer: Textual's first tick of it comes one whole period (1/60 s)
    after its first resume, and only on later resumes at once; one tick now, in the background (a
    no-op off screen), saves that period on the first showing.
    """
    if not screen.app._notifications:  # as Textual hides it on showing the screen (a layout more, then)
        for rack in screen.query(ToastRack):
            rack.display = False
    screen._refresh_layout(size)
    screen._refresh_layout(size)  # again: scroll bars shown by the first, as Textual's next update would
    screen._layout_required = False  # done (as Textual's update does after its layout)
    screen._compositor.render_full_update()
    screen._update_timer.resume()


# --- the driver ------------------------------------------------------------------------


def driver_app(driver: Driver) -> App[Any]:
    """The app a driver serves."""
    app: App[Any] = driver._app
    return app


def driver_loop(driver: Driver) -> asyncio.AbstractEventLoop:
    """The event loop the driver was started on (to call into the app from other threads)."""
    return driver._loop


def driver_output(driver: Driver) -> IO[str]:
    """The file the Linux driver writes the terminal output to."""
    output: IO[str] = driver._file  # type: ignore[attr-defined]
    return output


def set_driver_output(driver: Driver, file: IO[str]) -> None:
    """Make the Linux driver write its terminal output to ``file``."""
    driver._file = file  # type: ignore[attr-defined]


# --- Rich ---------------------------------------------------------------------------------


def console_colour_system(console: Console) -> ColorSystem | None:
    """The colour system the console renders for (None: no colour)."""
    return console._color_system


def style_attribute_codes(style: Style, system: ColorSystem) -> str:
    """The SGR parameters of a style for a colour system, e.g. ``1;4`` (no escape, no ``m``)."""
    return style._make_ansi_codes(system)


# --- the input thread -----------------------------------------------------------


def input_parser(driver: Driver) -> XTermParser:
    """The parser Textual's Linux driver turns terminal input into key and mouse events with."""
    return XTermParser(driver._debug)


def parser_wait(parser: XTermParser) -> float | None:
    """Seconds until the parser must be ticked to tell a lone escape key from a sequence; None: no need."""
    deadline = parser._timeout_time
    return None if deadline is None else max(0.0, deadline - get_time())
