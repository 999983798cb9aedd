"""Signals at any moment after launch: the right exit status within 2 s, the terminal restored, no traceback.

Each moment from 0 to 1 s after the command starts, in 25 ms steps, gets one of SIGHUP (129),
SIGTERM (143), SIGINT (130), SIGPIPE (141) or a typed ctrl+c (130) in turn, so every moment and
every signal is covered in one pass; ``FOI_SIGNAL_SWEEP=full`` sends every one at every moment.
A signal that lands while the interpreter itself is still starting (before our handlers exist, as
read from /proc) gets Python's default: SIGHUP and SIGTERM end the process by the signal (a shell
reports the same 129/143), SIGINT too (after at most a KeyboardInterrupt line), and SIGPIPE is
ignored, as by any Python program (a real SIGPIPE comes from a write to a closed pipe, which
cannot happen that early).
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.e2e.conftest import home_env, modes_restored
from tests.e2e.pty_session import PtySession, installed_command

pytestmark = pytest.mark.e2e

CTRL_C = "ctrl+c"
KINDS: list[int | str] = [signal.SIGHUP, signal.SIGTERM, signal.SIGINT, signal.SIGPIPE, CTRL_C]
STEP = 0.025
MOMENTS = [round(i * STEP, 3) for i in range(41)]
DEADLINE = 2.0

if os.environ.get("FOI_SIGNAL_SWEEP") == "full":
    CASES = [(moment, kind) for moment in MOMENTS for kind in KINDS]
else:
    CASES = [(moment, KINDS[i % len(KINDS)]) for i, moment in enumerate(MOMENTS)]


def expected_status(kind: int | str) -> int:
    return 130 if kind == CTRL_C else 128 + int(kind)


def restored(raw: bytes) -> bool:
    """The terminal was never taken, or was given back (main screen, cursor shown) after it last was."""
    taken = raw.rfind(b"\x1b[?1049h")
    if taken == -1:
        return True
    tail = raw[taken:]
    return b"\x1b[?1049l" in tail and tail.rfind(b"\x1b[?25h") > tail.rfind(b"\x1b[?25l")


def name(kind: int | str) -> str:
    return kind if isinstance(kind, str) else signal.Signals(kind).name


def handled(pid: int, signum: int) -> bool:
    """Has the process installed a handler for ``signum`` yet (its SigCgt mask in /proc)?"""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("SigCgt:"):
            return bool(int(line.split()[1], 16) >> (signum - 1) & 1)
    return False


@pytest.mark.parametrize(("moment", "kind"), CASES, ids=[f"{m:.3f}s-{name(k)}" for m, k in CASES])
def test_signal_at_any_moment(tmp_path, moment: float, kind: int | str) -> None:
    signal_at(tmp_path, moment, kind)


@pytest.mark.parametrize(("moment", "kind"), CASES, ids=[f"{m:.3f}s-{name(k)}" for m, k in CASES])
def test_signal_at_any_moment_with_the_first_screen_painted_early(warm_home: Path, moment: float, kind: int | str) -> None:  # noqa: E501
    """The same, when the first screen comes from the cache before Textual loads (the terminal is held earlier)."""
    signal_at(warm_home, moment, kind)


def signal_at(home: Path, moment: float, kind: int | str) -> None:
    """Start the app in ``home``, send ``kind`` ``moment`` seconds later; check status, time and terminal."""
    with PtySession([installed_command()], env=home_env(home)) as term:
        term.wait_exec()
        started = time.monotonic()
        while time.monotonic() - started < moment:
            term.read(0.005)
        signum = signal.SIGINT if kind == CTRL_C else int(kind)
        # Before our handlers exist, Python itself is starting: the signal gets its default action.
        # SIGPIPE is the last one we install (and Python only ignores it, never catches it).
        early = not handled(term.pid, signal.SIGPIPE)
        sent = time.monotonic()
        if kind == CTRL_C:
            term.send(b"\x03")
        else:
            term.signal(signum)
        if early and signum == signal.SIGPIPE:  # ignored by Python until our code runs: end it otherwise
            term.wait_for("184 in all", timeout=30)
            term.signal(signal.SIGTERM)
            kind, sent = signal.SIGTERM, time.monotonic()
        status = term.wait_exit(timeout=DEADLINE + 3)
        took = time.monotonic() - sent
        assert modes_restored(term.fd)
    raw = bytes(term.raw)
    expected = expected_status(kind)
    by_default_action = early and status == -(expected - 128)
    assert status == expected or by_default_action, f"status {status}, output:\n{raw.decode(errors='replace')}"
    assert took < DEADLINE
    assert restored(raw)
    if by_default_action:  # Python's own start-up: at most its KeyboardInterrupt, before any screen
        raw = raw.replace(b"KeyboardInterrupt", b"")
        assert b"\x1b[?1049h" not in raw
    assert b"Traceback" not in raw or by_default_action, raw.decode(errors="replace")
    assert b"Error" not in raw, raw.decode(errors="replace")


def test_a_closed_pipe_ends_report_quietly() -> None:
    """``foi-explorer report | head -1``: no BrokenPipeError traceback, status 141 (SIGPIPE) or 0."""
    process = subprocess.Popen(
        [installed_command(), "report"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(10)
    process.stdout.close()
    try:
        status = process.wait(30)
    finally:
        if process.poll() is None:
            process.kill()
    err = process.stderr.read()
    process.stderr.close()
    assert status in (0, 141)
    assert err == b""


BROKEN_HELP = """
import sys
from tui.app import FoiApp

def broken(self):
    raise RuntimeError("help is broken on purpose\\nsecond line")

FoiApp.action_help = broken
from tui.launch import main
sys.exit(main())
"""


def test_an_unexpected_error_restores_the_terminal_and_prints_one_line(tmp_path) -> None:
    """A bug while running (here a help action made to raise): status 1, one line, no traceback."""
    import sys

    from tests.e2e.monkey import after_exit

    script = tmp_path / "broken_help.py"
    script.write_text(BROKEN_HELP)
    cache = tmp_path / "cache"
    env = {"HOME": str(tmp_path), "LANG": "C.UTF-8", "XDG_CACHE_HOME": str(cache)}
    with PtySession([sys.executable, str(script)], env=env) as term:
        term.wait_for("184 in all", timeout=30)
        term.send("?")
        status = term.wait_exit(timeout=10)
    raw = bytes(term.raw)
    assert status == 1
    assert restored(raw)
    crash = cache / "foi-explorer" / "crash.txt"
    assert after_exit(raw, lines=3).replace("\n", "").split("\n") == [
        "foi-explorer: error: unexpected RuntimeError: help is broken on purpose "
        f"(details in {crash}; a bug: please report it)"
    ]
    assert b"Traceback" not in raw
    assert "RuntimeError: help is broken on purpose" in crash.read_text()  # the traceback, for a bug report
