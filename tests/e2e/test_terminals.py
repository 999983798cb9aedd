"""The installed command in a pseudo-terminal of every kind: colour depths, NO_COLOR, ASCII, signals."""

from __future__ import annotations

import os
import signal
import sys
import time

import pytest

from tests.e2e.pty_session import PtySession, installed_command
from tests.e2e.sgr import colour_codes, extended_colour_codes
from tests.shown import shown

pytestmark = pytest.mark.e2e

FIGURES = "184 in all"
UTF8 = {"LANG": "C.UTF-8", "LC_ALL": "", "LC_CTYPE": ""}


def session(tmp_path, *args: str, **env: str) -> PtySession:
    return PtySession([installed_command(), *args], env={"HOME": str(tmp_path), **UTF8, **env})


def visit_and_quit(term: PtySession) -> None:
    """Show the figures, switch screens, open the table, quit with status 0."""
    term.wait_for(FIGURES, "92")
    term.send("2")
    term.wait_for("police constable", "160")
    term.send("tj")
    term.read(0.3)
    term.send("q")
    assert term.wait_exit() == 0


@pytest.mark.parametrize("term_name", ["xterm-256color", "xterm", "screen", "vt100", "dumb"])
def test_starts_shows_the_figures_and_quits(tmp_path, term_name: str) -> None:
    with session(tmp_path, TERM=term_name) as term:
        visit_and_quit(term)


@pytest.mark.parametrize("how", [{"NO_COLOR": "1"}, {"NO_COLOR": "yes", "COLORTERM": "truecolor"}, {"flag": "1"}])
def test_no_color_writes_no_colour_codes(tmp_path, how: dict[str, str]) -> None:
    args = ("--no-color",) if how.pop("flag", None) else ()
    with session(tmp_path, *args, TERM="xterm-256color", **how) as term:
        visit_and_quit(term)
    assert colour_codes(bytes(term.raw)) == []


def test_empty_no_color_is_not_set(tmp_path) -> None:
    with session(tmp_path, TERM="xterm", NO_COLOR="") as term:
        visit_and_quit(term)
    assert colour_codes(bytes(term.raw))


@pytest.mark.parametrize("term_name", ["xterm", "screen", "tmux"])
def test_sixteen_colours_without_truecolor(tmp_path, term_name: str) -> None:
    with session(tmp_path, TERM=term_name, COLORTERM="") as term:
        visit_and_quit(term)
    raw = bytes(term.raw)
    assert colour_codes(raw), "16 colours are still colours"
    assert extended_colour_codes(raw) == []


def test_truecolor_when_advertised(tmp_path) -> None:
    with session(tmp_path, TERM="xterm-256color", COLORTERM="truecolor") as term:
        visit_and_quit(term)
    assert any(code.startswith(("38;2", "48;2")) for code in extended_colour_codes(bytes(term.raw)))


def non_ascii(term: PtySession) -> set[str]:
    return {char for line in term.screen.display for char in line if ord(char) > 0x7F}


@pytest.mark.parametrize(("args", "env"), [(("--ascii",), {}), ((), {"LANG": "C"}), ((), {"LC_ALL": "POSIX"})])
def test_ascii_mode_draws_no_character_above_7f(tmp_path, args: tuple[str, ...], env: dict[str, str]) -> None:
    with session(tmp_path, *args, **env) as term:
        term.wait_for(FIGURES, "#")
        term.read(0.3)
        seen = non_ascii(term)
        for key, needle in (
            ("2", "police constable"),
            ("3", "no case to answer"),
            ("4", "Do the figures add up?"),
            ("?", "Close"),
        ):
            term.send(key)
            term.wait_for(needle)
            term.read(0.3)
            seen |= non_ascii(term)
        term.send("\x1b")
        term.wait_until(lambda text: "Close" not in text, what="help to close")  # else ESC+q reads as alt+q
        term.send("q")
        assert term.wait_exit() == 0
    assert seen == set()
    assert b"\xe2\x94" not in bytes(term.raw)  # no box drawing in the byte stream either


def test_utf8_locale_keeps_the_glyphs(tmp_path) -> None:
    with session(tmp_path) as term:
        screen = term.wait_for(FIGURES, "·")
        term.send("q")
        assert term.wait_exit() == 0
    assert "┌" in screen or "│" in screen


def restored(raw: bytes) -> bool:
    """After the last time the app took the screen, it gave it back and showed the cursor."""
    tail = raw[raw.rfind(b"\x1b[?1049h") :]
    return b"\x1b[?1049l" in tail and tail.rfind(b"\x1b[?25h") > tail.rfind(b"\x1b[?25l")


@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM])
def test_signal_exits_promptly_and_restores_the_terminal(tmp_path, signum: int) -> None:
    with session(tmp_path) as term:
        term.wait_for(FIGURES)
        term.read(0.2)
        start = time.monotonic()
        term.signal(signum)
        status = term.wait_exit(timeout=2.0)
        assert time.monotonic() - start < 2.0
    assert status == 128 + signum
    assert restored(bytes(term.raw))


def test_ctrl_c_exits_as_interrupted_and_restores(tmp_path) -> None:
    with session(tmp_path) as term:
        term.wait_for(FIGURES)
        term.send("\x03")
        assert term.wait_exit(timeout=2.0) == 130
    assert restored(bytes(term.raw))


def test_quit_restores_mouse_and_paste(tmp_path) -> None:
    with session(tmp_path) as term:
        term.wait_for(FIGURES)
        term.send("q")
        assert term.wait_exit() == 0
    raw = bytes(term.raw)
    assert restored(raw)
    tail = raw[raw.rfind(b"\x1b[?1049h") :]
    for off in (b"\x1b[?1000l", b"\x1b[?1003l", b"\x1b[?1006l", b"\x1b[?2004l"):
        assert off in tail


def test_closed_terminal_ends_the_app_without_spinning(tmp_path) -> None:
    """The link drops: the pty master closes under the app. It must end, not hang or spin."""
    term = session(tmp_path)
    try:
        term.wait_for(FIGURES)
        os.close(term.fd)
        term.fd = os.open(os.devnull, os.O_RDONLY)  # so close() has something to close
        deadline = time.monotonic() + 2.0
        while term.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert term.poll() is not None, "the app outlived its terminal"
        assert term.returncode != 0
    finally:
        term.close()


FULL_REDRAW = """
import sys
from tui.terminal.driver import ResilientDriver
ResilientDriver.tracks_screen = False
from tui.cli import main
sys.exit(main())
"""


def cells(term: PtySession) -> list[list[tuple[object, ...]]]:
    """What each cell shows (a blank only its background, a full block only its colour: tests.shown)."""
    buffer, width = term.screen.buffer, term.screen.columns
    return [[shown(buffer[y][x]) for x in range(width)] for y in range(term.screen.lines)]


def same_when_quiet(one: PtySession, other: PtySession, timeout: float = 20.0) -> bool:
    """Wait until both terminals show the same cells and neither app is still writing; False on timeout."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        before = (len(one.raw), len(other.raw))
        one.read(0.05)
        other.read(0.05)
        if (len(one.raw), len(other.raw)) == before and cells(one) == cells(other):
            return True
    return False


@pytest.mark.parametrize("env", [{"TERM": "xterm-256color"}, {"TERM": "xterm", "NO_COLOR": "1", "LANG": "C"}])
def test_changed_cells_only_shows_the_same_screens_as_full_redraws(tmp_path, env: dict[str, str]) -> None:
    """Sending only what changed must leave the terminal exactly as full repaints would (run side by side)."""
    script = tmp_path / "full_redraw.py"
    script.write_text(FULL_REDRAW)
    # (key, text on screen after it, text gone after it): each step waits on what it changes, so an
    # escape is never read together with the next key as alt+key, however loaded the machine is.
    steps: list[tuple[str, str | None, str | None]] = [
        ("", FIGURES, None),
        ("2", "police constable", None),
        ("t", "sergeant or above", None),
        ("j", None, None),
        ("3", None, None),
        ("4", "Do the figures add up?", None),
        ("j", None, None),
        ("?", "esc Close", None),
        ("\x1b", None, "esc Close"),
        ("1", FIGURES, None),
        ("s", "esc Close", None),
        ("\x1b", None, "esc Close"),
    ]
    full_env = {"HOME": str(tmp_path), **UTF8, **env}
    with (
        PtySession([installed_command()], env=full_env) as diffed,
        PtySession([sys.executable, str(script)], env=full_env) as full,
    ):
        for index, (key, needle, gone) in enumerate(steps):
            for term in (diffed, full):
                if key:
                    term.send(key)
            for term in (diffed, full):
                if needle:
                    term.wait_for(needle)
                if gone:
                    term.wait_until(lambda text, gone=gone: gone not in text, what=f"{gone!r} to go")
            assert same_when_quiet(diffed, full), f"screens differ after step {index} ({key!r})"
        for term in (diffed, full):
            term.send("q")
            assert term.wait_exit() == 0
        assert len(diffed.raw) < len(full.raw)


def test_a_character_split_across_reads_is_no_end_of_input(tmp_path) -> None:
    """The first byte of a UTF-8 character alone decodes to nothing yet: that must not end the input."""
    with session(tmp_path, TERM="xterm-256color") as term:
        term.wait_for(FIGURES, "92")
        term.send(b"\xc3")  # half of 'é': the decoder waits for the rest
        term.read(0.3)
        term.send(b"\xa9")
        term.read(0.3)
        term.send("2")
        term.wait_for("police constable", "160")
        term.send("q")
        assert term.wait_exit() == 0
    assert b"Traceback" not in bytes(term.raw)
