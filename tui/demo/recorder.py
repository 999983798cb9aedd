"""Record a command in a pseudo-terminal as an asciicast v2 file (what ``asciinema play`` replays).

A small recorder of our own rather than asciinema: the terminal size is fixed, there is no shell,
no timestamp or environment of the recording machine in the header, and times are rounded, so a
re-recording differs from the last one only where the app's output really changed timing.
"""

from __future__ import annotations

import codecs
import json
import os
import select
import signal
import struct
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

CAST_VERSION = 2
CAST_TERM = "xterm-256color"
# Settings of the recording terminal that would change what the app draws: never passed on.
_UNSET = frozenset({"COLUMNS", "LINES", "NO_COLOR", "FORCE_COLOR", "COLORTERM", "LC_ALL", "LC_CTYPE"})
# Output arriving this close together is one event: one frame of the app, not the pty's chunks.
_MERGE_SECONDS = 0.02


@dataclass
class Recording:
    """The output of a command, as (seconds since start, text) events, and how it ended."""

    width: int
    height: int
    title: str
    events: list[tuple[float, str]] = field(default_factory=list)
    returncode: int | None = None

    def to_cast(self) -> str:
        """The recording as asciicast v2: a JSON header line, then one ``[time, "o", text]`` line each."""
        header = {
            "version": CAST_VERSION,
            "width": self.width,
            "height": self.height,
            "title": self.title,
            "env": {"TERM": CAST_TERM},
        }
        lines = [json.dumps(header, ensure_ascii=False)]
        lines += [json.dumps([round(t, 3), "o", text], ensure_ascii=False) for t, text in self.events]
        return "\n".join(lines) + "\n"


def record(
    argv: Sequence[str], *, width: int = 80, height: int = 24, title: str = "", timeout: float = 600.0
) -> Recording:
    """Run ``argv`` on a pty of ``width`` x ``height`` until it exits (or ``timeout``), recording its output."""
    import pty
    import termios
    from fcntl import ioctl

    env = {k: v for k, v in os.environ.items() if k not in _UNSET and not k.startswith("TEXTUAL")}
    env["TERM"] = CAST_TERM
    env["LANG"] = "C.UTF-8"  # the same glyphs whatever the recording machine's locale
    size = struct.pack("HHHH", height, width, 0, 0)
    pid, fd = pty.fork()
    if pid == 0:  # child: its terminal has the right size before the program starts
        try:
            ioctl(0, termios.TIOCSWINSZ, size)
            os.execvpe(argv[0], list(argv), env)
        finally:
            os._exit(127)
    ioctl(fd, termios.TIOCSWINSZ, size)
    recording = Recording(width, height, title)
    decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
    start = time.monotonic()
    deadline = start + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.1)
            if not ready:
                if _exited(pid, recording):
                    break
                continue
            try:
                data = os.read(fd, 65536)
            except OSError:  # the child closed its side of the pty
                break
            if not data:
                break
            _add(recording, time.monotonic() - start, decoder.decode(data))
        else:
            os.kill(pid, signal.SIGKILL)
    finally:
        os.close(fd)
        if recording.returncode is None:
            _, status = os.waitpid(pid, 0)
            recording.returncode = os.waitstatus_to_exitcode(status)
    _add(recording, time.monotonic() - start, decoder.decode(b"", final=True))
    return recording


def _exited(pid: int, recording: Recording) -> bool:
    done, status = os.waitpid(pid, os.WNOHANG)
    if done:
        recording.returncode = os.waitstatus_to_exitcode(status)
    return bool(done)


def _add(recording: Recording, seconds: float, text: str) -> None:
    if not text:
        return
    events = recording.events
    if events and seconds - events[-1][0] < _MERGE_SECONDS:
        events[-1] = (events[-1][0], events[-1][1] + text)
    else:
        events.append((seconds, text))


def write_cast(recording: Recording, path: Path) -> Path:
    """Write the recording to ``path`` as asciicast v2 (folders created if needed)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(recording.to_cast(), encoding="utf-8", newline="\n")
    return path
