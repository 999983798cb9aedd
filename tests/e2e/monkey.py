"""A monkey for the installed app in a real pty: seeded random keys, bytes, mouse, pastes and resizes.

A run fails when the app exits, prints a traceback, or shows no screen update within
:data:`RESPONSE_TIMEOUT` seconds of a probe (a resize, which always repaints). The same seed
gives the same events, so every failure can be replayed: ``python bench/monkey.py --seed N``.
Used by ``tests/e2e/test_monkey.py`` (a short burst) and ``bench/monkey.py`` (the long run).
"""

from __future__ import annotations

import contextlib
import json
import random
import re
import shutil
import signal
import struct
import tempfile
import termios
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from fcntl import ioctl
from pathlib import Path

from tests.e2e.pty_session import PtySession, installed_command

RESPONSE_TIMEOUT = 5.0
"""Seconds the app may take to repaint after a probe."""

PROBE_EVERY = 100
"""Events between two probes."""

EVENT_GAP = 0.002
"""Seconds between two events (about 400 a second: far faster than hands, slower than a flood)."""

MIN_SIZE = (20, 6)
MAX_SIZE = (200, 60)

SETTINGS: dict[str, dict[str, str]] = {
    "xterm-256color": {"TERM": "xterm-256color", "LANG": "C.UTF-8"},
    "xterm+NO_COLOR": {"TERM": "xterm", "LANG": "C.UTF-8", "NO_COLOR": "1"},
    "vt100+LANG=C": {"TERM": "vt100", "LANG": "C", "LC_ALL": ""},
    "dumb+NO_COLOR+LANG=C": {"TERM": "dumb", "LANG": "C", "LC_ALL": "", "NO_COLOR": "1"},
}
"""The four terminal settings: colour depths, NO_COLOR and a non-UTF-8 locale."""

SIZES = [(80, 24), (40, 10), (200, 60), (20, 6), (120, 40), (60, 20), (100, 30), (30, 8), (160, 50), (80, 3)]
"""Ten starting sizes (resizes during a run cover 20x6...200x60 too)."""

BOUND_KEYS = ["1", "2", "3", "4", "t", "s", "?", "j", "k", "h", "l", "\t", "\r", " ", "\x1b[Z"]
"""Keys the app binds (quit keys left out: a quit ends the run)."""

CTRL_KEYS = [bytes([code]).decode() for code in range(1, 27) if code not in (3, 17, 19, 26)]
"""ctrl+a ... ctrl+z except ctrl+c and ctrl+q (quit), ctrl+z (suspend outside restricted mode) and
ctrl+s: while the app starts or exits the terminal is in its normal mode, where ctrl+s stops all
output until ctrl+q (XOFF/XON flow control, the terminal's doing, not the app's)."""

ESCAPES = [
    "\x1b",
    "\x1b[A",
    "\x1b[B",
    "\x1b[C",
    "\x1b[D",
    "\x1b[H",
    "\x1b[F",
    "\x1b[5~",
    "\x1b[6~",
    "\x1b[2~",
    "\x1b[3~",
    "\x1bOP",
    "\x1bOQ",
    "\x1b[15~",
    "\x1b[24~",
    "\x1b[1;5A",
    "\x1b[1;2B",
    "\x1b[I",
    "\x1b[O",
    "\x1b[?2026;2$y",
    "\x1b[200~",
    "\x1b[201~",
    "\x1bx",
    "\x1b\x1b",
]
"""Cursor, function and modifier keys, focus reports, mode reports, alt-keys, stray paste markers."""

INVALID_BYTES = [b"\xff", b"\xfe", b"\x80", b"\xc3", b"\xe9", b"\xe9a", b"\xf0\x9f", b"\xed\xa0\x80", b"\x00"]
"""Bytes that are not UTF-8 (a Latin-1 é, truncated and surrogate sequences) and NUL."""

PASTE_TEXT = "abcxyz 0123456789 é→£ q\x1bq\x1b[A\t\r\n?s1234"


@dataclass(frozen=True)
class Event:
    """One thing the monkey does: bytes typed, or a resize to (columns, rows)."""

    kind: str
    data: bytes = b""
    size: tuple[int, int] = (0, 0)

    def __repr__(self) -> str:
        return f"resize{self.size}" if self.kind == "resize" else f"{self.kind}:{self.data!r}"


def random_size(rng: random.Random) -> tuple[int, int]:
    return rng.randint(MIN_SIZE[0], MAX_SIZE[0]), rng.randint(MIN_SIZE[1], MAX_SIZE[1])


def random_event(rng: random.Random) -> Event:
    """One random event, weighted towards keys."""
    roll = rng.random()
    if roll < 0.35:
        return Event("key", rng.choice(BOUND_KEYS).encode())
    if roll < 0.45:
        return Event("ctrl", rng.choice(CTRL_KEYS).encode())
    if roll < 0.60:
        if rng.random() < 0.3:
            params = ";".join(str(rng.randint(0, 99999)) for _ in range(rng.randint(0, 4)))
            final = rng.choice("ABCDHFmMRtu~qcnx")
            return Event("escape", f"\x1b[{params}{final}".encode())
        return Event("escape", rng.choice(ESCAPES).encode())
    if roll < 0.68:
        return Event("invalid", rng.choice(INVALID_BYTES))
    if roll < 0.83:
        if rng.random() < 0.5:
            button = rng.choice([0, 1, 2, 3, 32, 35, 64, 65, 66, 67])
            x, y = rng.randint(-5, 260), rng.randint(-5, 80)
            return Event("mouse", f"\x1b[<{button};{x};{y}{rng.choice('Mm')}".encode())
        return Event("mouse", b"\x1b[M" + bytes(rng.randint(32, 255) for _ in range(3)))  # X10, any column
    if roll < 0.95:
        length = rng.randint(0, 40)
        text = "".join(rng.choice(PASTE_TEXT) for _ in range(length))
        return Event("paste", b"\x1b[200~" + text.encode() + b"\x1b[201~")
    return Event("resize", size=random_size(rng))


def generate(seed: int, count: int) -> list[Event]:
    """The events of a run: the same seed always gives the same list."""
    rng = random.Random(seed)
    return [random_event(rng) for _ in range(count)]


@dataclass
class MonkeyResult:
    """What a run did and, if it failed, why and where."""

    seed: int
    setting: str
    size: tuple[int, int]
    events_sent: int = 0
    failure: str | None = None
    failed_at: int | None = None
    events: list[Event] = field(default_factory=list)
    seconds: float = 0.0
    slowest_response: float = 0.0
    sessions: int = 0
    clean_exits: int = 0
    """Times the monkey itself quit the app (a click on Quit, a kitty-protocol q...)."""
    dataset: str | None = None
    """The bundled dataset the app was started on (None: the default)."""
    crash_file: Path | None = None
    """Where the app keeps the traceback of an unexpected error (its cache folder, private to the run)."""

    def replay_hint(self) -> str:
        """Seed, setting, size and the events up to the failure, to replay it."""
        upto = self.events[: (self.failed_at or 0) + 1]
        return (
            f"monkey failure: {self.failure}\n"
            f"  replay: python bench/monkey.py --seed {self.seed} --setting '{self.setting}' "
            f"--size {self.size[0]}x{self.size[1]} --events {len(self.events)}"
            + (f" --dataset {self.dataset}" if self.dataset else "")
            + "\n"
            f"  events up to the failure ({len(upto)}): {json.dumps([repr(e) for e in upto[-40:]])}"
        )


def set_size(term: PtySession, columns: int, rows: int) -> None:
    """Resize the pty (the kernel sends SIGWINCH to the app)."""
    ioctl(term.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    term.screen.resize(rows, columns)


def run(
    seed: int,
    count: int,
    *,
    setting: str = "xterm-256color",
    size: tuple[int, int] = (80, 24),
    restricted: bool = False,
    argv: Sequence[str] | None = None,
    dataset: str | None = None,
) -> MonkeyResult:
    """Start the app in a pty, play ``count`` seeded events at it, and report the first failure.

    A clean exit (status 0 or 130: a click on "Quit", a kitty-protocol ``q`` or ctrl+c among the
    random sequences) is no failure: the app is started again, at the run's size (its first screen then
    painted from the cache before Textual loads, and events arriving in that early stage), and the events go on.
    """
    events = generate(seed, count)
    result = MonkeyResult(seed, setting, size, events=events, dataset=dataset)
    command = list(argv or [installed_command(), *(["--restricted"] if restricted else [])])
    if dataset is not None:
        command += ["--dataset", dataset]
    started = time.monotonic()
    index = 0
    current = size
    cache = Path(tempfile.mkdtemp(prefix="foi-monkey-"))
    result.crash_file = cache / "foi-explorer" / "crash.txt"
    env = {**SETTINGS[setting], "XDG_CACHE_HOME": str(cache)}
    while index < len(events):
        current = size  # every start at the run's size: from the second on, its first screen comes from the cache
        with PtySession(command, cols=current[0], rows=current[1], env=env) as term:
            result.sessions += 1
            if not _responds(term, result, started_app=True):
                result.failed_at = index
                return _finish(result, started)
            if result.sessions == 1:
                _let_the_first_screen_be_kept(term, cache)
            index, current = _play(term, events, index, current, result)
            if result.failure:
                return _finish(result, started)
            if term.poll() is not None:
                continue  # quit cleanly: start again
            _leave(term, result, len(events) - 1)
    return _finish(result, started)


def _let_the_first_screen_be_kept(term: PtySession, cache: Path) -> None:
    """Wait (at most :data:`RESPONSE_TIMEOUT`) for the app to keep its first screen, untouched by events.

    Restarts then paint it before Textual loads, and the events that follow land in that early stage
    too. Restricted mode keeps nothing: the wait ends at the timeout.
    """
    end = time.monotonic() + RESPONSE_TIMEOUT
    while time.monotonic() < end and term.poll() is None and not any(cache.rglob("frame-*.json")):
        term.read(0.05)


def _play(
    term: PtySession, events: list[Event], index: int, current: tuple[int, int], result: MonkeyResult
) -> tuple[int, tuple[int, int]]:
    """Play events from ``index`` until the end or a clean exit; the next index and the size."""
    while index < len(events):
        event = events[index]
        result.events_sent = index + 1
        if event.kind == "resize":
            current = event.size
            set_size(term, *current)
        else:
            with contextlib.suppress(OSError):  # the app has just left: its status says how
                term.send(event.data)
        term.read(EVENT_GAP)
        index += 1
        if term.poll() is not None:
            term.read(0.05)
            if _quit_cleanly(term):
                result.clean_exits += 1
            else:
                _fail(result, index - 1, f"the app exited with status {term.returncode}", term)
            return index, current
        if index % PROBE_EVERY == 0:
            probe = (current[0] + 1 if current[0] < MAX_SIZE[0] else current[0] - 1, current[1])
            set_size(term, *probe)
            current = probe
            if not _responds(term, result):
                if _quit_cleanly(term):
                    result.failure = None
                    result.clean_exits += 1
                    return index, current
                result.failed_at = index - 1
                result.failure = f"{result.failure}; the screen was:\n{term.text()}"
                return index, current
    return index, current


def _quit_cleanly(term: PtySession) -> bool:
    return term.poll() in (0, 130) and b"Traceback" not in term.raw


def _leave(term: PtySession, result: MonkeyResult, last: int) -> None:
    """At the end: still responsive, and ctrl+c still leaves with 130 and no traceback."""
    set_size(term, *result.size)
    if not _responds(term, result):
        if _quit_cleanly(term):  # the last events quit it (a click on Quit...)
            result.failure = None
            result.clean_exits += 1
            return
        result.failed_at = last
        return
    term.send("\x1b[201~")  # end a paste left open by a stray start marker: ctrl+c in a paste is text
    term.send("\x03")
    try:
        status = term.wait_exit(timeout=RESPONSE_TIMEOUT)
    except AssertionError:
        _fail(result, last, f"ctrl+c did not end the app; the screen was:\n{term.text()}", term)
        return
    # 0: a quit already under way. -SIGINT: that quit had given the terminal back (cooked mode), so
    # the terminal turned ctrl+c into SIGINT while the interpreter was shutting down, and the process
    # ended by the signal, which a shell reports as 130 too.
    if status not in (0, 130, -signal.SIGINT) or b"Traceback" in term.raw:
        _fail(result, last, f"ctrl+c ended the app with status {status}", term)


STALL_LIMIT = 30.0
"""Seconds after which a slow response counts as a hang (between 5 and 30: a stall, counted apart)."""


def _responds(term: PtySession, result: MonkeyResult, *, started_app: bool = False) -> bool:
    """Did output arrive within the timeout (after a probe, or after start-up)?

    A response later than :data:`RESPONSE_TIMEOUT` fails the run; how late it came (or that it
    never came within :data:`STALL_LIMIT`) is recorded, to tell a slow app from a hung one.
    """
    before = len(term.raw)
    sent = time.monotonic()
    limit = STALL_LIMIT
    while time.monotonic() - sent < limit:
        term.read(0.05)
        if term.poll() is not None:
            result.failure = f"the app exited with status {term.returncode}"
            if result.crash_file is not None and result.crash_file.is_file():
                result.failure += "\nthe app's crash report:\n" + result.crash_file.read_text(errors="replace")
            return False
        if len(term.raw) > before and (not started_app or b"\x1b[?1049h" in term.raw):
            took = time.monotonic() - sent
            result.slowest_response = max(result.slowest_response, took)
            if started_app or took <= RESPONSE_TIMEOUT:
                return True
            result.failure = f"no screen update within {RESPONSE_TIMEOUT:.0f} s (it came after {took:.1f} s)"
            return False
    result.failure = f"no screen update within {RESPONSE_TIMEOUT:.0f} s (none after {limit:.0f} s: hung)"
    return False


def _fail(result: MonkeyResult, index: int, why: str, term: PtySession | None = None) -> None:
    result.failed_at = index
    result.failure = why
    if term is not None:
        result.failure += "\n" + after_exit(bytes(term.raw))
    if result.crash_file is not None and result.crash_file.is_file():
        result.failure += "\nthe app's crash report:\n" + result.crash_file.read_text(errors="replace")


ANSI = re.compile(rb"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-_])")


def after_exit(raw: bytes, lines: int = 80) -> str:
    """What the app printed after giving the screen back (a traceback, an error line), as plain text."""
    tail = raw[raw.rfind(b"\x1b[?1049l") :]
    text = ANSI.sub(b"", tail).decode(errors="replace")
    kept = [line.rstrip() for line in text.replace("\r", "\n").split("\n") if line.strip()]
    return "\n".join(kept[-lines:])


def _finish(result: MonkeyResult, started: float) -> MonkeyResult:
    result.seconds = time.monotonic() - started
    if result.crash_file is not None:  # the run's private cache folder: its report is in the failure already
        shutil.rmtree(result.crash_file.parent.parent, ignore_errors=True)
    return result
