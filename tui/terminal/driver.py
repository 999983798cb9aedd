"""The terminal driver: leaves the terminal as it found it, even when the link drops.

Textual's Linux driver restores the terminal on a normal exit. This one also:

- exits cleanly on SIGHUP (the SSH link dropped), SIGTERM, SIGINT and SIGPIPE, with status 128 + signal,
  still trying to restore the terminal (a terminal that has gone just drops the writes);
- never blocks or dies writing to a terminal that has gone (the writes are dropped);
- notices a hung-up terminal (reads at end of file) and exits instead of spinning;
- gives up after :data:`EXIT_DEADLINE` seconds if a clean exit is stuck (e.g. a terminal that
  stopped reading), restoring what it can and ending the process;
- sleeps while nothing happens: its threads wait for input, a hang-up or the end, never on a
  timer (Textual's input thread wakes ten times a second; here only while an escape key is
  being told apart from an escape sequence).
"""

from __future__ import annotations

import contextlib
import os
import select
import selectors
import signal
import threading
from types import FrameType
from typing import IO, Any

from textual import events
from textual.drivers.linux_driver import LinuxDriver
from textual.message import Message
from textual.messages import InBandWindowResize

from tui.terminal.input_decoder import safe_incremental_decoder
from tui.terminal.redraw import TracksScreen
from tui.terminal.textual_private import (
    driver_app,
    driver_loop,
    driver_output,
    input_parser,
    parser_wait,
    set_driver_output,
)

EXIT_DEADLINE = 1.5
"""Seconds a signalled exit may take before the process ends regardless."""

RESIZE_COALESCE = 0.25
"""Seconds over which a burst of window-size changes is folded into one (the last size wins)."""

RESTORE = "\x1b[?2004l\x1b[?1000l\x1b[?1003l\x1b[?1015l\x1b[?1006l\x1b[?1004l\x1b[<u\x1b[?7h\x1b[?1049l\x1b[?25h"
"""Bracketed paste and mouse reporting off, line wrap on, main screen back, cursor shown."""

ENTER_ALTERNATE_SCREEN = "\x1b[?1049h"
"""What Textual writes at its start to switch to the alternate screen (which clears it, in xterm)."""

EXIT_SIGNALS = (signal.SIGHUP, signal.SIGTERM, signal.SIGINT, signal.SIGPIPE)


class _DroppingFile:
    """A text file whose writes are dropped (not raised) once the terminal has gone."""

    def __init__(self, file: IO[str], on_lost: Any) -> None:
        self._target = file
        self._on_lost = on_lost
        self.lost = False

    def write(self, text: str) -> int:
        if self.lost:
            return len(text)
        try:
            return self._target.write(text)
        except (OSError, ValueError):
            self._lose()
            return len(text)

    def flush(self) -> None:
        if self.lost:
            return
        try:
            self._target.flush()
        except (OSError, ValueError):
            self._lose()

    def fileno(self) -> int:
        return self._target.fileno()

    def isatty(self) -> bool:
        return True

    def _lose(self) -> None:
        self.lost = True
        self._on_lost()


class _Wakeup:
    """A pipe that wakes a thread waiting in ``select``/``poll`` (a set event alone cannot)."""

    def __init__(self) -> None:
        self.read_fd, self._write_fd = os.pipe()
        os.set_blocking(self.read_fd, False)
        os.set_blocking(self._write_fd, False)

    def wake(self) -> None:
        with contextlib.suppress(OSError):  # full (already awake) or closed
            os.write(self._write_fd, b"!")

    def drain(self) -> None:
        with contextlib.suppress(OSError):
            while os.read(self.read_fd, 512):
                pass


class _WakingEvent(threading.Event):
    """An event that also wakes whoever waits on its pipe when it is set."""

    def __init__(self, wakeup: _Wakeup) -> None:
        super().__init__()
        self._wakeup = wakeup

    def set(self) -> None:
        super().set()
        self._wakeup.wake()


class ResilientDriver(LinuxDriver):
    """:class:`LinuxDriver` that survives dropped links and exits on SIGHUP and SIGTERM."""

    tracks_screen = True
    """The terminal shows only what this driver wrote: updates may be sent as differences."""

    def __init__(self, app: Any, **kwargs: Any) -> None:
        super().__init__(app, **kwargs)
        self._out = _DroppingFile(driver_output(self), lambda: self._end(signal.SIGHUP))
        set_driver_output(self, self._out)  # type: ignore[arg-type]
        self._ending = threading.Event()
        self._input_wakeup = _Wakeup()
        self.exit_event = _WakingEvent(self._input_wakeup)
        self._hangup_wakeup = _Wakeup()
        self._stopped = _WakingEvent(self._hangup_wakeup)
        self._previous_handlers: dict[int, Any] = {}
        self._keep_alternate_screen = False

    def start_application_mode(self) -> None:
        """Take over the terminal (a fresh alternate screen), and watch for signals and hang-ups.

        If the terminal shows a frame painted before Textual ran, on the alternate screen already, and
        the app's shadow holds it (:meth:`ShadowScreen.seed`), the screen is left as it is: entering the
        alternate screen again would clear it (xterm does), and the first update sends only what differs.
        """
        app = driver_app(self)
        if isinstance(app, TracksScreen):
            self._keep_alternate_screen = app.shadow.take_over(self._terminal_size())
        for signum in EXIT_SIGNALS:
            self._previous_handlers[signum] = signal.signal(signum, self._on_signal)
        self._stopped.clear()
        self._hangup_wakeup.drain()
        super().start_application_mode()
        self._coalesce_resizes()
        threading.Thread(target=self._watch_hangup, name="foi-hangup", daemon=True).start()

    def _coalesce_resizes(self) -> None:
        """Fold bursts of SIGWINCH into one size event every :data:`RESIZE_COALESCE` seconds.

        Textual lays out every screen for every SIGWINCH; a window dragged by its corner (or a
        client sending hundreds of size changes) queued so much work that nothing was drawn for
        seconds. Textual's own handler still reads the size: it is just called once per burst.
        """
        textual_handler = signal.getsignal(signal.SIGWINCH)
        if not callable(textual_handler):
            return
        pending = threading.Event()
        loop = driver_loop(self)

        def fire() -> None:
            pending.clear()
            textual_handler(signal.SIGWINCH, None)

        def on_resize(signum: int, frame: FrameType | None) -> None:
            if not pending.is_set():
                pending.set()
                loop.call_soon_threadsafe(loop.call_later, RESIZE_COALESCE, fire)

        signal.signal(signal.SIGWINCH, on_resize)

    def write(self, data: str) -> None:
        """Write ``data`` to the terminal (the start's switch to the alternate screen left out when the
        terminal is on it already, showing what the app's shadow holds)."""
        if data == ENTER_ALTERNATE_SCREEN and self._keep_alternate_screen:
            self._keep_alternate_screen = False
            return
        super().write(data)

    def _terminal_size(self) -> tuple[int, int] | None:
        try:
            size = os.get_terminal_size(self._out.fileno())
        except (OSError, ValueError):
            return None
        return size.columns, size.lines

    def stop_application_mode(self) -> None:
        """Give the terminal back as it was."""
        self._stopped.set()
        super().stop_application_mode()
        for signum, handler in self._previous_handlers.items():
            signal.signal(signum, handler)

    def process_message(self, message: Message) -> None:
        """Pass input on to the app, less terminal "replies" that would take the window size from input.

        A terminal that supports in-band resize (mode 2048) can report its size inside the input
        instead of by SIGWINCH. Textual turns that on when a mode report for 2048 arrives, and from
        then on it ignores SIGWINCH, and it takes any ``CSI 48 ; rows ; cols ; ... t`` read as input
        as the new size. Typed or pasted bytes (or a stray reply) could then shrink the app to a
        pop-up's too-small message in a large window, grow it to 100,000 columns, or leave it deaf
        to real resizes (found by the monkey, seed 4018: no update for 30 s). The size here comes
        from the terminal itself (SIGWINCH and the kernel's window size) only.
        """
        if isinstance(message, InBandWindowResize | events.Resize):
            return
        super().process_message(message)

    def _on_signal(self, signum: int, frame: FrameType | None) -> None:
        self._end(signum)

    def _end(self, signum: int) -> None:
        """Exit with status 128 + signum, from any thread or a signal handler; once."""
        if self._ending.is_set():
            return
        self._ending.set()
        status = 128 + signum
        driver_loop(self).call_soon_threadsafe(self._exit_app, status)
        threading.Thread(target=self._deadline, args=(status,), name="foi-deadline", daemon=True).start()

    def _exit_app(self, status: int) -> None:
        app = driver_app(self)
        exit_with_status = getattr(app, "exit_with_status", None)
        if exit_with_status is not None:
            exit_with_status(status)
        else:
            app.exit(return_code=status)

    def _deadline(self, status: int) -> None:
        """End the process if the clean exit has not finished in time."""
        if self._stopped.wait(EXIT_DEADLINE):
            return
        if not self._out.lost:
            with contextlib.suppress(OSError, ValueError):
                fd = self._out.fileno()
                os.set_blocking(fd, False)
                os.write(fd, RESTORE.encode())
        os._exit(status)

    def _watch_hangup(self) -> None:
        """Exit as for SIGHUP if the terminal hangs up (a read would return end of file).

        Waits in ``poll`` until the terminal hangs up or the driver stops (its pipe), never on a timer.
        """
        poller = select.poll()
        try:
            poller.register(self.fileno, select.POLLHUP | select.POLLERR | select.POLLNVAL)
            poller.register(self._hangup_wakeup.read_fd, select.POLLIN)
        except (OSError, ValueError):
            return
        while not self._stopped.is_set():
            try:
                events = poller.poll()
            except InterruptedError:
                continue
            except OSError:
                events = [(self.fileno, select.POLLERR)]
            if self._stopped.is_set():
                return
            gone = select.POLLHUP | select.POLLERR | select.POLLNVAL
            if any(fd == self.fileno and mask & gone for fd, mask in events):
                self._end(signal.SIGHUP)
                return

    def run_input_thread(self) -> None:
        """Read keys and mouse events as Textual does, sleeping until input (or the end) arrives.

        The app's ``early_input`` (bytes read before Textual ran and not answered then) is taken first.
        """
        self._input_wakeup.drain()
        selector = selectors.DefaultSelector()
        selector.register(self.fileno, selectors.EVENT_READ)
        selector.register(self._input_wakeup.read_fd, selectors.EVENT_READ)
        parser = input_parser(self)
        decode = safe_incremental_decoder()().decode  # a byte that is not UTF-8 must not end the app
        # Bytes typed before Textual ran and read already (tui.terminal.early_keys): they come first.
        held = getattr(driver_app(self), "early_input", b"")
        try:
            if held and (text := decode(held)):
                for event in parser.feed(text):
                    self.process_message(event)
            while not self.exit_event.is_set():
                timeout = parser_wait(parser)
                for key, _mask in selector.select(timeout):
                    if key.fd != self.fileno:
                        continue  # woken to look at exit_event
                    try:
                        data = os.read(self.fileno, 4096)
                    except OSError:
                        data = b""
                    if not data:  # the terminal hung up: stop reading, exit as for SIGHUP
                        self._end(signal.SIGHUP)
                        return
                    text = decode(data)
                    if not text:  # only part of a character so far: feeding "" would tell the parser the input ended
                        continue
                    for event in parser.feed(text):
                        self.process_message(event)
                for event in parser.tick():
                    self.process_message(event)
        finally:
            selector.close()
