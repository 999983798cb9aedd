"""The first screen from a cache, drawn before Textual loads: the figures show in ~0.1 s, not ~0.4 s.

Importing Textual and building the app take most of the start-up. The first screen of a dataset,
at a given size and terminal setting, is the same on every start, so the app keeps a copy of it
(cell by cell, taken from the screen it wrote: :class:`FrameCache`), and the next start paints that
copy at once (:func:`take_terminal`) while Textual loads. Textual then takes over the terminal on
the same alternate screen, and knows what it shows (the changed-cells output starts from the painted
frame: :meth:`~tui.terminal.redraw.ShadowScreen.seed`): it sends only what differs, usually nothing,
so the screen neither flickers nor costs its bytes twice. Every screen reached by its key is kept
the same way (under the setting it has as a start screen), so a screen key typed meanwhile is
answered from its copy (:mod:`tui.terminal.early_keys`), and so is ``q``; other keys are answered
once Textual runs.

The copy is keyed by everything the screen depends on (the dataset's content key, which includes
the code, the screen, the size, the terminal setting, the theme, restricted mode) and is never
trusted blindly: read back, every cell must be printable text and every style plain SGR numbers,
or the copy is ignored. The escape sequences are made here, never read from the file.

Until Textual takes the terminal, :class:`EarlyTerminal` owns it: no echo of typed keys, and on
any exit signal the terminal is restored before the process ends with 128 + signal.

Never imports Textual or Rich (it runs before them).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import signal
import termios
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any

FORMAT = 1
"""Version of the frame files; a file of another version is ignored."""

Cell = tuple[str, str, str, str]
"""A character (empty for the right half of a wide one), its SGR attributes, foreground and background codes."""

Frame = list[list[Cell]]
"""One row of cells per terminal line."""

SGR_CODES = re.compile(r"[0-9;]{0,64}")
"""What a cell's attribute, foreground or background may hold: SGR parameters only."""

EXIT_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGPIPE)
"""Signals that end the process with 128 + signal (as :mod:`tui.launch`)."""

FRAMES_KEPT = 48
"""Frame files kept in the cache folder (the most recently written): every screen of a dataset, at a
few sizes or settings (a frame is kept for each screen shown, the start screen and those reached by key)."""

LOCK_WAIT = 0.5
"""Seconds a restore waits for a paint in progress (from :mod:`tui.terminal.early_keys`) to finish."""

ENTER = "\x1b[?1049h\x1b[?25l\x1b[?7l"
"""Alternate screen, cursor hidden, no line wrap (as Textual sets them)."""

LEAVE = "\x1b[0m\x1b[?7h\x1b[?25h\x1b[?1049l"
"""Back to the normal screen, cursor shown, line wrap on."""


@dataclass(frozen=True)
class FrameCache:
    """Where the first screen of one start-up setting is kept (the size picks the file).

    A screen reached by its key is kept under the setting it would have as a start screen
    (:meth:`for_screen`): the key and ``--screen`` share it.
    """

    folder: Path
    dataset_key: str
    screen: str
    """The screen's mode name (``trends``, ``ranks``...)."""
    setting: str
    """Everything else but the size the screen depends on: terminal setting, theme, restricted..."""

    def for_screen(self, screen: str) -> FrameCache:
        """The cache of another screen of the same dataset and setting."""
        return FrameCache(self.folder, self.dataset_key, screen, self.setting)

    def path(self, width: int, height: int) -> Path:
        """The file for a terminal of this size."""
        text = f"{FORMAT}\0{self.dataset_key}\0{self.screen}\0{self.setting}\0{width}x{height}"
        return self.folder / f"frame-{hashlib.sha256(text.encode()).hexdigest()[:32]}.json"

    def read(self, width: int, height: int) -> Frame | None:
        """The kept screen for this size, or None when absent, stale or not plainly a screen."""
        try:
            data = json.loads(self.path(width, height).read_text(encoding="utf-8"))
            if data.get("format") != FORMAT or data.get("size") != [width, height]:
                return None
            return checked_frame(data["rows"], width, height)
        except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
            return None

    def file_text(self, frame: Frame, width: int, height: int) -> str | None:
        """What to write to :meth:`path` to keep ``frame``; None when it is no whole screen or is kept already.

        The caller writes it (atomically, in a thread: the app is running by then).
        """
        if checked_frame(frame, width, height) is None or self.read(width, height) == frame:
            return None
        return json.dumps({"format": FORMAT, "size": [width, height], "rows": frame}, ensure_ascii=False)


    def prune(self) -> None:
        """Remove all but the :data:`FRAMES_KEPT` most recently written frame files of the folder."""
        try:
            files = sorted(self.folder.glob("frame-*.json"), key=lambda f: f.stat().st_mtime_ns, reverse=True)
            for old in files[FRAMES_KEPT:]:
                old.unlink(missing_ok=True)
        except OSError:
            pass


def checked_frame(rows: object, width: int, height: int) -> Frame | None:
    """``rows`` as a frame if it is exactly ``height`` rows of ``width`` plain cells, else None."""
    if not isinstance(rows, list) or len(rows) != height:
        return None
    frame: Frame = []
    for row in rows:
        if not isinstance(row, list) or len(row) != width:
            return None
        cells: list[Cell] = []
        for cell in row:
            if not isinstance(cell, list | tuple) or len(cell) != 4 or not all(isinstance(p, str) for p in cell):
                return None
            char, attrs, fg, bg = cell
            if len(char) > 4 or not (char == "" or char.isprintable()):
                return None
            if not all(SGR_CODES.fullmatch(codes) for codes in (attrs, fg, bg)):
                return None
            cells.append((char, attrs, fg, bg))
        frame.append(cells)
    return frame


def paint(frame: Frame, *, enter: bool = True) -> str:
    """The terminal sequence that shows ``frame`` on the alternate screen (``enter``: switching to it first)."""
    out = [ENTER] if enter else []
    look = ("", "", "")
    for y, row in enumerate(frame, 1):
        out.append(f"\x1b[{y};1H")
        for char, *codes in row:
            if not char:
                continue  # the right half of a wide character
            wanted = (codes[0], codes[1], codes[2])
            if wanted != look:
                out.append(f"\x1b[{';'.join(['0', *(c for c in wanted if c)])}m")
                look = wanted
            out.append(char)
    out.append("\x1b[0m\x1b[H")
    return "".join(out)


class EarlyTerminal:
    """The terminal held from the early paint until Textual takes it, and given back in the state it was in."""

    def __init__(self, out_fd: int, in_fd: int, attributes: list[Any]) -> None:
        self.out_fd = out_fd
        self.in_fd = in_fd
        self.attributes = attributes
        """The terminal's modes before the paint (Textual restores those it finds: the quiet ones)."""
        self.handlers = {signum: signal.getsignal(signum) for signum in EXIT_SIGNALS}
        """The exit-signal handlers before the terminal was held (put back by :meth:`restore`)."""
        self.shown: Frame | None = None
        """The frame on the terminal now, as painted here (None until one was painted whole)."""
        self._writing = threading.RLock()  # re-entrant: a signal handler may restore during a restore
        self._given_back = False

    def show(self, frame: Frame, encoding: str = "utf-8", *, enter: bool = False) -> bool:
        """Paint ``frame`` (from any thread) and remember it as :attr:`shown`; False if the terminal was
        given back (nothing painted). ``enter``: switch to the alternate screen first."""
        with self._writing:
            if self._given_back:
                return False
            self.shown = None  # unknown until the paint is out whole
            with contextlib.suppress(OSError):
                _write(self.out_fd, paint(frame, enter=enter), encoding)
                self.shown = frame
            return True

    def restore(self, *, leave_screen: bool) -> None:
        """Give the terminal its modes back, and the signals their handlers before the paint.

        ``leave_screen``: also leave the alternate screen (Textual never took the terminal). A paint
        in progress from another thread ends first; none starts after.
        """
        locked = self._writing.acquire(timeout=LOCK_WAIT)
        try:
            self._given_back = True
            with contextlib.suppress(OSError, termios.error):
                if leave_screen:
                    _write(self.out_fd, LEAVE)
                termios.tcsetattr(self.in_fd, termios.TCSANOW, self.attributes)
        finally:
            if locked:
                self._writing.release()
        for signum, handler in self.handlers.items():
            with contextlib.suppress(TypeError, ValueError):
                signal.signal(signum, handler)

    def quit(self) -> None:
        """End the process with status 0, the terminal given back (``q`` typed before the app ran)."""
        self.restore(leave_screen=True)
        os._exit(0)

    def on_signal(self, signum: int, frame: FrameType | None) -> None:
        """A signal handler: restore the terminal, then end with 128 + ``signum``."""
        self.restore(leave_screen=True)
        os._exit(128 + signum)


def take_terminal(frame: Frame, out_fd: int, in_fd: int, encoding: str) -> EarlyTerminal | None:
    """Paint ``frame`` now, typed keys not echoed and waiting for the app; None if ``in_fd`` is no terminal.

    The caller gives the terminal back with :meth:`EarlyTerminal.restore` however the app ends.
    """
    try:
        attributes = termios.tcgetattr(in_fd)
    except (OSError, termios.error):
        return None
    quiet = list(attributes)
    quiet[3] = int(quiet[3]) & ~(termios.ECHO | termios.ICANON)  # lflag: keys wait unseen; ctrl+c still signals
    early = EarlyTerminal(out_fd, in_fd, attributes)
    for signum in EXIT_SIGNALS:
        signal.signal(signum, early.on_signal)
    with contextlib.suppress(OSError, termios.error):  # a terminal gone meanwhile: the app finds out and ends
        termios.tcsetattr(in_fd, termios.TCSANOW, quiet)
    early.show(frame, encoding, enter=True)
    return early


def terminal_size(fd: int) -> tuple[int, int] | None:
    """Columns and lines of the terminal on ``fd``, or None if it is not a terminal."""
    try:
        size = os.get_terminal_size(fd)
    except OSError:
        return None
    return size.columns, size.lines


def frame_setting(parts: Sequence[object]) -> str:
    """One string of what a first screen depends on besides the dataset and the size."""
    return "\0".join(map(str, parts))


def _write(fd: int, text: str, encoding: str = "utf-8") -> None:
    data = text.encode(encoding, errors="replace")
    while data:
        written = os.write(fd, data)
        data = data[written:]
