"""Screen keys typed before Textual runs, answered from kept frames; every other byte held for the app.

Between the early paint (:mod:`tui.terminal.first_frame`) and Textual's driver, the app still reads
its figures, imports Textual and builds its screens: a key typed at once would wait for all that.
:class:`EarlyKeys` watches the terminal meanwhile, in a thread. A screen key (``2``...) whose screen
has a frame kept for this size and setting is answered at once: that frame is painted and the
screen chosen, and the app then starts on it. At the first byte it does not answer (another key, an
escape sequence, a mouse report, UTF-8...) it stops reading: that byte, and any read with it, are
held in order for the driver to take before it reads the terminal itself (bytes read cannot be put
back). ``q`` typed before any byte held quits at once, as it would in the app. After an escape it
drains what follows within :data:`SEQUENCE_DRAIN` so a sequence is held whole, never split between
the two readers.

Never imports Textual or Rich (it runs before them).
"""

from __future__ import annotations

import contextlib
import os
import select
import threading
from collections.abc import Callable, Mapping

from tui.terminal.first_frame import EarlyTerminal, Frame

ESCAPE = 0x1B

QUIT = ord("q")
"""The app's quit key: typed before any byte held, the app ends at once (:attr:`EarlyKeys.on_quit`)."""

SEQUENCE_DRAIN = 0.01
"""Seconds to wait for more bytes after an escape (the rest of its sequence) before giving them to the app."""

DRAIN_LIMIT = 65536
"""Bytes drained after an escape at most (a paste can be long: the rest stays unread for the driver)."""

STOP_WAIT = 1.0
"""Seconds :meth:`EarlyKeys.stop` waits for the thread (it never blocks: its reads follow a ready select)."""

READ_SIZE = 1024


class EarlyKeys:
    """A thread answering screen keys from kept frames until :meth:`stop`.

    Args:
        terminal: the held terminal (its input is read, its output painted).
        keys: each screen key byte (``ord("2")``) and the screen it shows.
        frame_for: the kept frame of a screen at the terminal's size now, or None.
        screen: the screen on show (the start screen).
        encoding: the terminal's output encoding.
        on_quit: called (in the thread) for ``q`` typed before any byte held: it gives the terminal back
            and ends the process. None: ``q`` is held for the app like any other key.
    """

    def __init__(
        self,
        terminal: EarlyTerminal,
        keys: Mapping[int, str],
        frame_for: Callable[[str], Frame | None],
        screen: str,
        encoding: str = "utf-8",
        on_quit: Callable[[], object] | None = None,
    ) -> None:
        self.terminal = terminal
        self.keys = dict(keys)
        self.frame_for = frame_for
        self.screen = screen
        """The screen on show: the start screen, or the last one answered."""
        self.held = b""
        """Bytes read but not answered, in the order typed: the app's to read first."""
        self.encoding = encoding
        self.on_quit = on_quit
        self._wake_read, self._wake_write = os.pipe()
        self._stopping = False
        self._thread = threading.Thread(target=self._watch, name="foi-early-keys", daemon=True)

    def start(self) -> EarlyKeys:
        """Start watching; returns self."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop watching (at once; idempotent). :attr:`screen` and :attr:`held` are final afterwards."""
        if not self._stopping:
            self._stopping = True
            with contextlib.suppress(OSError):
                os.write(self._wake_write, b"!")
        if self._thread.is_alive():
            self._thread.join(STOP_WAIT)
        if not self._thread.is_alive():
            for fd in (self._wake_read, self._wake_write):
                with contextlib.suppress(OSError):
                    os.close(fd)
            self._wake_read = self._wake_write = -1

    def _watch(self) -> None:
        in_fd = self.terminal.in_fd
        while not self._stopping:
            try:
                ready, _, _ = select.select([in_fd, self._wake_read], [], [])
            except InterruptedError:
                continue
            except (OSError, ValueError):
                return
            if self._wake_read in ready or self._stopping:
                return  # input waiting now is the driver's to read
            try:
                data = os.read(in_fd, READ_SIZE)
            except OSError:
                return
            if not data:  # the terminal hung up: the driver finds out itself
                return
            for index, byte in enumerate(data):
                if byte == QUIT and self.on_quit is not None and not self._stopping:
                    self.on_quit()
                    return
                screen = self.keys.get(byte)
                if screen is None or not self._show(screen):
                    rest = data[index:]
                    self.held = rest + (self._drain() if ESCAPE in rest else b"")
                    return

    def _show(self, screen: str) -> bool:
        """Paint ``screen``'s kept frame; False if there is none (or the terminal was given back)."""
        if screen == self.screen:
            return True  # already on show: the key does nothing in the app either
        frame = self.frame_for(screen)
        if frame is None or self._stopping or not self.terminal.show(frame, self.encoding):
            return False
        self.screen = screen
        return True

    def _drain(self) -> bytes:
        """What follows on the input within :data:`SEQUENCE_DRAIN` of the last byte (a sequence's rest)."""
        drained = b""
        in_fd = self.terminal.in_fd
        while len(drained) < DRAIN_LIMIT and not self._stopping:
            try:
                ready, _, _ = select.select([in_fd, self._wake_read], [], [], SEQUENCE_DRAIN)
                if in_fd not in ready:
                    break
                data = os.read(in_fd, min(READ_SIZE, DRAIN_LIMIT - len(drained)))
            except (OSError, ValueError):
                break
            if not data:
                break
            drained += data
        return drained
