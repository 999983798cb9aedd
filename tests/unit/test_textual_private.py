"""The fence around Textual/Rich internals: every private name it uses still exists in the installed versions.

A failure names the attribute, so a Textual or Rich upgrade that renames one is caught here, not by a
feature that quietly stops working.
"""

from __future__ import annotations

import asyncio
import gc
import inspect
import re
import weakref
from importlib import import_module
from pathlib import Path

import pytest
from rich.color import ColorSystem
from rich.console import Console
from rich.style import Style
from textual.app import App, ComposeResult
from textual.geometry import Size
from textual.screen import Screen
from textual.widgets import Static

from tui.terminal import textual_private as fence

TUI = Path(fence.__file__).resolve().parent.parent
PRIVATE_ACCESS = re.compile(r"(?<!self)(?<!cls)\._[a-z]\w*|textual\._\w+|self\._(?:app|loop|file|driver|exit|modes)\b")


def _owner(path: str) -> type:
    module, _, name = path.partition(":")
    owner: type = getattr(import_module(module), name)
    return owner


def _instance_names(owner: type) -> set[str]:
    """Attributes an instance sets in its ``__init__`` chain (read from the source), plus class attributes."""
    names = set(dir(owner))
    for klass in owner.__mro__:
        init = klass.__dict__.get("__init__")
        if init is None:
            continue
        try:
            source = inspect.getsource(init)
        except (OSError, TypeError):
            continue
        names.update(re.findall(r"self\.(\w+)\s*(?::[^=\n]+)?=", source))
    return names


@pytest.mark.parametrize(("owner", "attribute"), fence.PRIVATE_NAMES, ids=[f"{o}.{a}" for o, a in fence.PRIVATE_NAMES])
def test_private_name_still_exists(owner: str, attribute: str) -> None:
    assert attribute in _instance_names(_owner(owner)), (
        f"{owner} has no attribute {attribute!r} any more: update tui/terminal/textual_private.py"
    )


def test_every_private_access_is_in_the_fence() -> None:
    """Outside the fence, tui/ touches no Textual/Rich private name (its own ``self._x`` are its business)."""
    found = []
    for path in sorted(TUI.rglob("*.py")):
        if path.name == "textual_private.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            hits = [m for m in PRIVATE_ACCESS.findall(code) if m not in ("._exit",) or "os._exit" not in code]
            if hits:
                found.append(f"{path.relative_to(TUI.parent)}:{number}: {code.strip()}")
    assert not found, "private Textual/Rich access outside the fence:\n" + "\n".join(found)


def test_console_colour_system_and_style_codes() -> None:
    console = Console(color_system="256", force_terminal=True)
    assert fence.console_colour_system(console) is ColorSystem.EIGHT_BIT
    assert fence.style_attribute_codes(Style(bold=True, underline=True), ColorSystem.TRUECOLOR) == "1;4"


class _Two(App[None]):
    MODES = {"one": Screen, "two": Screen}
    DEFAULT_MODE = "one"


async def test_app_helpers_on_a_running_app() -> None:
    app = _Two()
    async with app.run_test(size=(40, 10)) as pilot:
        assert not fence.app_is_exiting(app)
        assert fence.app_driver(app) is not None
        assert not fence.screen_is_closing(app.screen)
        assert fence.mount_mode_in_background(app, "two")
        assert not fence.mount_mode_in_background(app, "two")  # built already
        assert not fence.mount_mode_in_background(app, "three")  # no such mode
        fence.prerender_screen(app.screen, Size(40, 10))
        driver = fence.app_driver(app)
        assert driver is not None
        assert fence.driver_app(driver) is app
        assert isinstance(fence.driver_loop(driver), asyncio.AbstractEventLoop)
        app.exit()
        await pilot.pause()
        assert fence.app_is_exiting(app)


async def test_prerender_ticks_the_screen_update_timer_in_the_background() -> None:
    """Textual's screen update timer ticks one period after its first resume: prerender spends that
    period while the screen is hidden, so its first showing is painted at once."""
    app = _Two()
    async with app.run_test(size=(40, 10)) as pilot:
        assert fence.mount_mode_in_background(app, "two")
        await pilot.pause()
        hidden = app._screen_stacks["two"][0]
        fence.prerender_screen(hidden, Size(40, 10))
        timer = hidden._update_timer
        assert timer._active.is_set()  # resumed
        for _ in range(500):  # until it has ticked (the tick pauses it again); 5 s at most
            if not timer._active.is_set():
                break
            await asyncio.sleep(0.01)
        assert not timer._active.is_set(), "the hidden screen's update timer never ticked"
        assert not hidden.is_current


async def test_note_styled_marks_a_screen_styled_under_the_current_stylesheet() -> None:
    app = _Two()
    async with app.run_test(size=(40, 10)):
        screen = app.screen
        screen._css_update_count = -1  # as Textual leaves an app's first screen
        fence.note_styled(screen)
        assert screen._css_update_count == app._css_update_count
        app._invalidate_css()  # a theme change: the screen is behind again
        assert screen._css_update_count != app._css_update_count


class _Words(Screen[None]):
    def compose(self) -> ComposeResult:
        yield Static("words in the app's colours")


class _Styled(App[None]):
    """An app whose first screen, a mode's, is noted as styled when Textual builds it (as tui.app does)."""

    DEFAULT_MODE = "one"

    def __init__(self, theme: str | None = None, *, note: bool = True) -> None:
        super().__init__()
        self.noted: list[bool] = []
        self.add_mode("one", self._first if note else _Words)
        if theme:
            self.theme = theme

    def _first(self) -> Screen[None]:
        screen = _Words()
        self.noted.append(fence.note_first_screen_styled(screen, self))
        return screen


async def _shot(app: _Styled) -> str:
    async with app.run_test(size=(40, 4)) as pilot:
        await pilot.pause()
        return re.sub(r"terminal-\d+", "", app.export_screenshot())


@pytest.mark.parametrize("theme", [None, "textual-light"])
async def test_the_first_screen_noted_styled_is_styled_as_textual_styles_it(theme: str | None) -> None:
    """Noted (at least with no theme set before start), the first screen looks as after Textual's refresh."""
    noted = _Styled(theme)
    shot = await _shot(noted)
    assert len(noted.noted) == 1
    assert noted.noted[0] or theme is not None  # noted unless a theme changed the variables meanwhile
    assert shot == await _shot(_Styled(theme, note=False))


async def test_prerender_lays_out_a_hidden_screen_and_hides_its_empty_toast_rack() -> None:
    """After prerendering, a layout asked for meanwhile is pending; the empty toast rack is hidden as
    Textual hides it when the screen is shown (else that showing needs a layout more)."""
    from textual.widgets._toast import ToastRack

    app = _Two()
    async with app.run_test(size=(40, 10)) as pilot:
        assert fence.mount_mode_in_background(app, "two")
        await pilot.pause()
        hidden = app._screen_stacks["two"][0]
        assert not app._notifications
        fence.prerender_screen(hidden, Size(40, 10))
        assert not fence.layout_pending(hidden)
        assert all(not rack.display for rack in hidden.query(ToastRack))
        hidden.refresh(layout=True)
        for _ in range(500):  # the widget's layout request reaches the screen; 5 s at most
            if fence.layout_pending(hidden):
                break
            await asyncio.sleep(0.01)
        assert fence.layout_pending(hidden) and not hidden.is_current


def test_forget_dropped_styles_lets_a_removed_widgets_style_cache_go() -> None:
    from textual._styles_cache import StylesCache
    from textual.color import Color

    cache = StylesCache()
    cache.get_inner_outer(Color(1, 2, 3), Color(4, 5, 6))
    gone = weakref.ref(cache)
    del cache
    gc.collect()
    assert gone() is not None, "Textual's memo holds the cache (if this fails, the workaround may go)"
    fence.forget_dropped_styles()
    gc.collect()
    assert gone() is None
