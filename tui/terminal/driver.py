"""The terminal driver: leaves the terminal as it found it, even when the link drops.

Textual's Linux driver restores the terminal on a normal exit. This one also:

- exits cleanly on SIGHUP (the SSH link dropped) and SIGTERM, with status 128 + signal,
  still trying to restore the terminal (a terminal that has gone just drops the writes);
- never blocks or dies writing to a terminal that has gone (the writes are dropped);
- notices a hung-up terminal (reads at end of file) and exits instead of spinning;
- gives up after :data:`EXIT_DEADLINE` seconds if a clean exit is stuck (e.g. a terminal that
  stopped reading), restoring what it can and ending the process.
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
import threading
from types import FrameType
from typing import IO, Any

from textual.drivers.linux_driver import LinuxDriver

from tui.terminal.redraw import TracksScreen
from tui.terminal.textual_private import driver_app, driver_loop, driver_output, set_driver_output

EXIT_DEADLINE = 1.5
"""Seconds a signalled exit may take before the process ends regardless."""

HANGUP_POLL = 0.25
"""Seconds between checks that the terminal is still there."""

RESTORE = "\x1b[?2004l\x1b[?1000l\x1b[?1003l\x1b[?1015l\x1b[?1006l\x1b[?1004l\x1b[<u\x1b[?7h\x1b[?1049l\x1b[?25h"
"""Bracketed paste and mouse reporting off, line wrap on, main screen back, cursor shown."""

EXIT_SIGNALS = (signal.SIGHUP, signal.SIGTERM)


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


class ResilientDriver(LinuxDriver):
    """:class:`LinuxDriver` that survives dropped links and exits on SIGHUP and SIGTERM."""

    tracks_screen = True
    """The terminal shows only what this driver wrote: updates may be sent as differences."""

    def __init__(self, app: Any, **kwargs: Any) -> None:
        super().__init__(app, **kwargs)
        self._out = _DroppingFile(driver_output(self), lambda: self._end(signal.SIGHUP))
        set_driver_output(self, self._out)  # type: ignore[arg-type]
        self._ending = threading.Event()
        self._stopped = threading.Event()
        self._previous_handlers: dict[int, Any] = {}

    def start_application_mode(self) -> None:
        """Take over the terminal (a fresh alternate screen), and watch for signals and hang-ups."""
        app = driver_app(self)
        if isinstance(app, TracksScreen):
            app.shadow.invalidate()
        for signum in EXIT_SIGNALS:
            self._previous_handlers[signum] = signal.signal(signum, self._on_signal)
        super().start_application_mode()
        threading.Thread(target=self._watch_hangup, name="foi-hangup", daemon=True).start()

    def stop_application_mode(self) -> None:
        """Give the terminal back as it was."""
        self._stopped.set()
        super().stop_application_mode()
        for signum, handler in self._previous_handlers.items():
            signal.signal(signum, handler)

    def _on_signal(self, signum: int, frame: FrameType | None) -> None:
        self._end(signum)

    def _end(self, signum: int) -> None:
        """Exit with status 128 + signum, from any thread or a signal handler; once."""
        if self._ending.is_set():
            return
        self._ending.set()
        status = 128 + signum
        app = driver_app(self)
        driver_loop(self).call_soon_threadsafe(lambda: app.exit(return_code=status))
        threading.Thread(target=self._deadline, args=(status,), name="foi-deadline", daemon=True).start()

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
        """Exit as for SIGHUP if the terminal hangs up (a read would return end of file)."""
        poller = select.poll()
        try:
            poller.register(self.fileno, select.POLLHUP | select.POLLERR | select.POLLNVAL)
        except (OSError, ValueError):
            return
        while not self._stopped.wait(HANGUP_POLL):
            try:
                events = poller.poll(0)
            except OSError:
                events = [(self.fileno, select.POLLERR)]
            if any(mask & (select.POLLHUP | select.POLLERR | select.POLLNVAL) for _, mask in events):
                self._end(signal.SIGHUP)
                return
