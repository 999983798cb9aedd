"""The app's side facing the terminal: driver, line filters, changed-cells output, ctrl+c."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from functools import partial

from textual import constants, events
from textual.driver import Driver
from textual.filter import LineFilter, Monochrome, NoColor
from textual.widgets import Input

from tui.data.answer_cache import write_atomically
from tui.errors import debug_requested, record_crash, unexpected_error_line
from tui.terminal.environment import Terminal
from tui.terminal.first_frame import Frame, FrameCache
from tui.terminal.output_filters import AsciiFilter, NoColourFilter
from tui.terminal.redraw import ShadowScreen, can_erase
from tui.terminal.textual_private import (
    CompositorUpdate,
    UpdateHookApp,
    app_driver,
    use_safe_input_decoder,
    use_safe_option_clicks,
)

FRAME_KEEP_DELAY = 0.3
"""Seconds a screen must stay as drawn (no key, mouse event or paste) before it is kept for a later start."""


def keep_frame(cache: FrameCache, frame: Frame, width: int, height: int) -> bool:
    """Write ``frame`` to the cache unless it is kept already; False if it could not be written.

    Only the :data:`~tui.terminal.first_frame.FRAMES_KEPT` most recent frames stay (one per size,
    dataset and setting: a user who starts at many sizes would otherwise fill the cache).
    """
    text = cache.file_text(frame, width, height)
    if text is None:
        return True
    written = write_atomically(cache.folder, cache.path(width, height).name, text)
    cache.prune()
    return written


EXIT_INTERRUPTED = 130
"""Exit status after ctrl+c, as a shell reports an interrupted command."""


class TerminalApp(UpdateHookApp):
    """An App that writes only what the terminal can show, and only what changed.

    Args:
        terminal: what the terminal can do (colours, UTF-8, bandwidth); detected from the
            environment when not given.
    """

    ALLOW_SELECT = False
    """No in-app text selection with the mouse: the terminal's own selection (shift+drag) copies text,
    ``y`` copies a figure with its source, and Textual's selection start raised AttributeError on a
    mouse press over a widget being removed (its parent already None; found by the monkey, textual 8.2.8)."""

    def __init__(self, *, terminal: Terminal | None = None) -> None:
        super().__init__()
        use_safe_option_clicks()
        self.terminal = terminal or Terminal()
        self.writes_files = True
        """False when the app may write no file (restricted mode): not even a crash report."""
        # Textual's own NO_COLOR handling greys colours out (still colour codes): replace it.
        self.no_color = self.terminal.mono
        self._own_filters: list[LineFilter] = [NoColourFilter()] if self.terminal.mono else []
        if self.terminal.ascii_only:
            self._own_filters.append(AsciiFilter())
        self.shadow = ShadowScreen(erase=can_erase(os.environ.get("TERM", "")))
        """What the terminal shows now, for changed-cells output (reset when the driver starts)."""
        if self.terminal.low_bandwidth:
            self.animation_level = "none"
        self.first_frame_shown = False
        """The first screen is mounted and drawn (Textual's Ready event has arrived)."""
        self._status_when_ready: int | None = None
        self.frame_cache: FrameCache | None = None
        """Where to keep the first screen for the next start (set by the CLI; None: not kept)."""
        self.inputs = 0
        """Keys, mouse events and pastes so far: after one, what is on screen may be the user's doing."""
        self.early_input = b""
        """Bytes typed before Textual ran, read then and not answered: the driver takes them first."""
        self._frame_keep_asked = False
        self._frame_caches: dict[str, FrameCache] = {}
        self._kept_frames: tuple[tuple[int, int], dict[str, Frame]] = ((0, 0), {})
        self._after_update: list[Callable[[], object]] = []

    def call_after_update_sent(self, callback: Callable[[], object]) -> None:
        """Call ``callback`` (on the UI thread) once the next screen update has gone to the terminal."""
        self._after_update.append(callback)

    def update_sent(self) -> None:
        """A screen update has gone out: call what waited for it."""
        waiting, self._after_update = self._after_update, []
        for callback in waiting:
            callback()

    def exit_with_status(self, status: int) -> None:
        """Leave with ``status`` (a signal's 128 + n, or 130 for ctrl+c) as soon as it is safe.

        Exiting while the first screen is still being mounted makes Textual raise MountError
        (exit 1 and a traceback); before its first frame the exit waits for that frame.
        """
        if self.first_frame_shown:
            self.exit(return_code=status)
        elif self._status_when_ready is None:
            self._status_when_ready = status

    def on_ready(self) -> None:
        """The first frame is on screen: an exit asked for earlier happens now."""
        self.first_frame_shown = True
        if self._status_when_ready is not None:
            self.exit(return_code=self._status_when_ready)
        elif self.first_screen_complete():
            self.keep_first_frame_soon()

    def first_screen_complete(self) -> bool:
        """True once the first screen shows all it will show (by default at once; an app whose first
        screen fills in later says so here, and calls :meth:`keep_first_frame_soon` when it has)."""
        return True

    def keep_first_frame_soon(self) -> None:
        """Keep the first screen for the next start once its last updates are out (at most once per run).

        Only a complete first screen is kept: one kept before its figures arrived would be painted at
        the next start and then replaced by the figures (the screen would change after all). Not after
        any input: what shows then may be the user's doing.
        """
        if self.first_frame_shown and not self._frame_keep_asked and self.frame_cache is not None and not self.inputs:
            self._frame_keep_asked = True
            self.keep_frame_soon(self.frame_cache)

    def keep_frame_soon(self, cache: FrameCache, still: Callable[[], bool] | None = None) -> None:
        """Keep what the screen shows under ``cache`` in :data:`FRAME_KEEP_DELAY` seconds, if no key, mouse
        event or paste came meanwhile and ``still()`` (when given) holds then. Never in restricted mode."""
        if self.writes_files:
            keep = partial(self._keep_frame, cache, self.inputs, still)
            self.set_timer(FRAME_KEEP_DELAY, keep, name="keep the frame")

    async def on_event(self, event: events.Event) -> None:
        """Count keys, mouse events and pastes (a screen is kept only if none came since it was drawn)."""
        if isinstance(event, events.InputEvent | events.Paste):
            self.inputs += 1
        await super().on_event(event)

    def _keep_frame(self, cache: FrameCache, inputs: int, still: Callable[[], bool] | None) -> None:
        """Keep the screen as drawn for a later start to paint at once (in a thread: file I/O)."""
        if self.inputs == inputs and (still is None or still()):
            self.write_kept_frame(cache)

    def write_kept_frame(self, cache: FrameCache) -> None:
        """Write what the terminal shows to ``cache`` (in a thread), when this app knows it cell by cell."""
        if not self.writes_files or not getattr(app_driver(self), "tracks_screen", False):
            return
        width, height = self.size
        frame = self.shadow.frame(width, height)
        if frame is not None:
            self.run_worker(partial(keep_frame, cache, frame, width, height), thread=True, name="keep the frame")

    def read_kept_frames(self, caches: dict[str, FrameCache]) -> None:
        """Get the frames kept under ``caches`` ready for :meth:`show_kept_frame` (read in a thread, at this size)."""
        if not getattr(app_driver(self), "tracks_screen", False):
            return
        self._frame_caches = dict(caches)
        size = (self.size.width, self.size.height)

        def read() -> None:
            frames = {name: frame for name, cache in caches.items() if (frame := cache.read(*size))}
            self._kept_frames = (size, frames)

        self.run_worker(read, thread=True, name="read the kept frames")

    def show_kept_frame(self, name: str) -> bool:
        """Show the frame kept as ``name`` now, once, sending only the cells that differ; False if there is none
        for this size. What Textual draws next is then sent as it differs from that frame.

        The frame was read in advance, or is read now if that has not finished (a few milliseconds).
        """
        cache = self._frame_caches.pop(name, None)
        driver = app_driver(self)
        if cache is None or driver is None:
            return False
        size = (self.size.width, self.size.height)
        read_size, frames = self._kept_frames
        frame = frames.get(name) if read_size == size else cache.read(*size)
        if frame is None:
            return False
        driver.write(self.shadow.show(frame))
        driver.flush()
        return True

    def get_driver_class(self) -> type[Driver]:
        """The resilient driver in a terminal (Textual's choice for a browser or Windows); input decoded safely."""
        use_safe_input_decoder()
        if constants.DRIVER or sys.platform == "win32":
            return super().get_driver_class()
        from tui.terminal.driver import ResilientDriver

        return ResilientDriver

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's filters (less its grey NO_COLOR one), then no colour and ASCII as asked."""
        textual = [f for f in super().get_line_filters() if not isinstance(f, Monochrome | NoColor)]
        return [*textual, *self._own_filters] if self._own_filters else textual

    def transform_update(self, update: object) -> object:
        """On a driver that tracks the screen, send only the cells that changed."""
        if getattr(app_driver(self), "tracks_screen", False) and isinstance(update, CompositorUpdate):
            return self.shadow.update(update)
        return update

    def on_resize(self, event: events.Resize) -> None:
        """The terminal may have changed under us: repaint everything (not for the size event of the
        driver's start, at the size of a frame painted before Textual ran: see :meth:`ShadowScreen.seed`)."""
        self.shadow.resized((event.size.width, event.size.height), starting=not self.first_frame_shown)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """No blinking cursor (every blink is a redraw sent down the link)."""
        if isinstance(event.widget, Input):
            event.widget.cursor_blink = False

    def report_unexpected_error(self, error: BaseException | None) -> bool:
        """One line instead of Textual's full-screen traceback (the exit status stays 1).

        ``FOI_EXPLORER_DEBUG=1`` keeps the traceback.
        """
        if debug_requested():
            return False
        details = None if error is None else record_crash(error, writable=self.writes_files)
        print(unexpected_error_line(error, details), file=sys.stderr)
        return True

    def action_interrupt(self) -> None:
        """ctrl+c: leave at once, with the status of an interrupted command."""
        self.exit_with_status(EXIT_INTERRUPTED)
