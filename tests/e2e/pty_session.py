"""Run a command in a real pseudo-terminal and read its screen through pyte."""

from __future__ import annotations

import os
import pty
import select
import shutil
import signal
import struct
import sys
import termios
import time
from collections.abc import Callable, Sequence
from fcntl import ioctl
from pathlib import Path

import pyte


def installed_command(name: str = "foi-explorer") -> str:
    """The installed console script: beside this interpreter first (the venv), else on PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise FileNotFoundError(f"{name} is not installed")
    return found


class PtySession:
    """A child process on a pty of a given size, its output fed to a pyte screen.

    Every byte the child writes is kept in ``raw`` (what an SSH link would carry).
    """

    def __init__(
        self, argv: Sequence[str], *, cols: int = 80, rows: int = 24, env: dict[str, str] | None = None
    ) -> None:
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.raw = bytearray()
        self.returncode: int | None = None
        base = {k: v for k, v in os.environ.items() if k not in {"COLUMNS", "LINES", "NO_COLOR", "TEXTUAL"}}
        base.setdefault("TERM", "xterm-256color")
        base.update(env or {})
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # child
            try:
                # As a terminal starts its shell: these signals at their defaults, even when this run
                # inherited them ignored (nohup ignores SIGHUP, a background job SIGINT).
                for signum in (signal.SIGHUP, signal.SIGINT, signal.SIGTERM):
                    signal.signal(signum, signal.SIG_DFL)
                os.execvpe(argv[0], list(argv), base)
            finally:
                os._exit(127)
        ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))

    def wait_exec(self, timeout: float = 10.0) -> None:
        """Wait until the child runs the command (until then it is a copy of this process)."""
        own = Path("/proc/self/cmdline").read_bytes()
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            try:
                if Path(f"/proc/{self.pid}/cmdline").read_bytes() != own:
                    return
            except OSError:
                return
            time.sleep(0.001)
        raise AssertionError(f"the command did not start within {timeout}s")

    def read(self, timeout: float = 0.1) -> None:
        """Read whatever the child wrote within ``timeout`` seconds."""
        end = time.monotonic() + timeout
        while True:
            remaining = end - time.monotonic()
            if remaining <= 0:
                return
            ready, _, _ = select.select([self.fd], [], [], remaining)
            if not ready:
                return
            try:
                data = os.read(self.fd, 65536)
            except OSError:
                return
            if not data:
                return
            self.raw.extend(data)
            self.stream.feed(data)

    def text(self) -> str:
        """The screen as lines of text."""
        return "\n".join(self.screen.display)

    def wait_for(self, *needles: str, timeout: float = 15.0) -> str:
        """Wait until every needle is on screen; return the screen."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            self.read(0.1)
            screen = self.text()
            if all(n in screen for n in needles):
                return screen
            if self.poll() is not None:
                break
        raise AssertionError(f"timed out waiting for {needles!r}; screen was:\n{self.text()}")

    def wait_until(self, condition: Callable[[str], bool], *, what: str, timeout: float = 15.0) -> str:
        """Wait until ``condition`` holds for the screen text; return the screen."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            self.read(0.1)
            screen = self.text()
            if condition(screen):
                return screen
            if self.poll() is not None:
                break
        raise AssertionError(f"timed out waiting for {what}; screen was:\n{self.text()}")

    def send(self, keys: str | bytes) -> None:
        """Type keys into the terminal."""
        os.write(self.fd, keys.encode() if isinstance(keys, str) else keys)

    def poll(self) -> int | None:
        """The exit status once the child has ended, else None."""
        if self.returncode is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def wait_exit(self, timeout: float = 10.0) -> int:
        """Wait for the child to end (draining its output); return its exit status."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            self.read(0.05)
            if self.poll() is not None:
                self.read(0.05)
                return self.returncode  # type: ignore[return-value]
        raise AssertionError(f"the process did not exit within {timeout}s")

    def signal(self, sig: int) -> None:
        """Send a signal to the child."""
        os.kill(self.pid, sig)

    def close(self) -> None:
        """Kill the child if it is still running and close the pty."""
        if self.poll() is None:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        os.close(self.fd)

    def __enter__(self) -> PtySession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
