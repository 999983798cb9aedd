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
from textual._compositor import ChopsUpdate, CompositorUpdate, LayoutUpdate
from textual.app import App
from textual.driver import Driver
from textual.screen import Screen

if TYPE_CHECKING:
    from textual.geometry import Size

__all__ = [
    "PRIVATE_NAMES",
    "ChopsUpdate",
    "CompositorUpdate",
    "LayoutUpdate",
    "UpdateHookApp",
    "app_driver",
    "app_is_exiting",
    "console_colour_system",
    "driver_app",
    "driver_loop",
    "driver_output",
    "mount_mode_in_background",
    "prerender_screen",
    "screen_is_closing",
    "set_driver_output",
    "style_attribute_codes",
]

PRIVATE_NAMES: tuple[tuple[str, str], ...] = (
    ("textual.app:App", "_exit"),
    ("textual.app:App", "_modes"),
    ("textual.app:App", "_screen_stacks"),
    ("textual.app:App", "_init_mode"),
    ("textual.app:App", "_css_update_count"),
    ("textual.app:App", "_driver"),
    ("textual.app:App", "_display"),
    ("textual.screen:Screen", "_css_update_count"),
    ("textual.screen:Screen", "_refresh_layout"),
    ("textual.screen:Screen", "_compositor"),
    ("textual.dom:DOMNode", "_closing"),
    ("textual.driver:Driver", "_app"),
    ("textual.driver:Driver", "_loop"),
    ("textual.drivers.linux_driver:LinuxDriver", "_file"),
    ("textual._compositor:Compositor", "render_full_update"),
    ("textual._compositor:LayoutUpdate", "strips"),
    ("textual._compositor:LayoutUpdate", "region"),
    ("textual._compositor:ChopsUpdate", "chops"),
    ("textual._compositor:ChopsUpdate", "spans"),
    ("textual._compositor:ChopsUpdate", "chop_ends"),
    ("rich.console:Console", "_color_system"),
    ("rich.style:Style", "_make_ansi_codes"),
)
"""Every (class, private or internal attribute) used here: the fence test checks each on a live object."""


# --- the app ----------------------------------------------------------------------


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
    app._init_mode(mode)
    for screen in app._screen_stacks[mode]:
        screen._css_update_count = app._css_update_count
    return True


class UpdateHookApp(App[None]):
    """An App whose screen updates pass through :meth:`transform_update` before they are written."""

    def transform_update(self, update: object) -> object:
        """Return the update to write instead of ``update`` (a Rich renderable or a Textual update)."""
        return update

    def _display(self, screen: Screen[Any], renderable: RenderableType | None) -> None:
        # Textual hands every screen update to _display (no public hook).
        if renderable is not None:
            renderable = cast("RenderableType", self.transform_update(renderable))
        super()._display(screen, renderable)


# --- screens --------------------------------------------------------------------------


def screen_is_closing(screen: Screen[Any]) -> bool:
    """True while the screen is being removed."""
    return bool(screen._closing)


def prerender_screen(screen: Screen[Any], size: Size) -> None:
    """Lay out and render a screen that is not on show, so its first showing is instant."""
    screen._refresh_layout(size)
    screen._compositor.render_full_update()


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
