"""A hostile dataset in the installed app, in a real pseudo-terminal: its escapes are shown, never sent."""

from __future__ import annotations

import base64
import re
from pathlib import Path

import pytest

from tests.e2e.monkey import set_size
from tests.e2e.pty_session import PtySession, installed_command
from tests.fixtures.bad.cases import CASES, make

pytestmark = pytest.mark.e2e


def test_hostile_dataset_sends_no_escape_from_data(tmp_path: Path) -> None:
    folder = make(next(c for c in CASES if c.id == "hostile-text"), tmp_path / "dataset")
    argv = [installed_command(), "--data", str(folder), "--screen", "sources"]
    with PtySession(argv, cols=80, rows=24, env={"HOME": str(tmp_path)}) as term:
        term.wait_for("Do the figures add up", "␛]52;c;")
        steps = (("s", "Publisher"), ("s", "Checks"), ("?", "Keys on"), ("?", "Checks"), ("2", "police constable"))
        for key, needle in steps:
            term.send(key)
            term.wait_for(needle)
        term.send("q")
        assert term.wait_exit() == 0
    raw = bytes(term.raw)
    for sequence in (b"\x1b]52", b"\x1b]0;pwned", b"\x1b[2J\x1b[?1049l\x1b[?25l", b"\x9b31m", b"\xc2\x9b"):
        assert sequence not in raw, sequence
    assert "␛]52;c;".encode() in raw  # shown as text instead


OSC52 = re.compile(rb"\x1b\]52;c;([A-Za-z0-9+/=]*)(?:\x07|\x1b\\)")


def test_y_on_a_hostile_bar_puts_one_clean_line_on_the_clipboard(tmp_path: Path) -> None:
    """Issue 12 features with hostile data: the bar's status line and ``y``'s OSC 52 payload carry no escape."""
    folder = make(next(c for c in CASES if c.id == "hostile-text"), tmp_path / "dataset")
    argv = [installed_command(), "--data", str(folder), "--screen", "ranks"]
    with PtySession(argv, cols=80, rows=24, env={"HOME": str(tmp_path)}) as term:
        term.wait_for("police constable")
        term.send("\x1b[C")  # right: focus the first bar (police constable, with the hostile text)
        term.wait_for("160 officers")
        term.send("y")
        term.wait_for("Copied to the clipboard")
        term.send("q")
        assert term.wait_exit() == 0
    payloads = OSC52.findall(bytes(term.raw))
    assert len(payloads) == 1
    line = base64.b64decode(payloads[0]).decode("utf-8")
    assert line.startswith("police constable ␛]52;c;") and "160 officers" in line
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in line)
    for sequence in (b"\x1b]0;pwned", b"\x1b[2J\x1b[?1049l\x1b[?25l", b"\x9b31m", b"\xc2\x9b"):
        assert sequence not in bytes(term.raw), sequence


HOSTILE_FILES = ("figures-fifo", "descriptor-fifo", "path-dev-zero", "figures-link-dev-zero", "json-nested-100000")


@pytest.mark.parametrize("case_id", HOSTILE_FILES)
def test_the_app_refuses_hostile_files_before_reading_them(case_id: str, tmp_path: Path) -> None:
    """The interactive app (not only report and check) says what is wrong and exits 2, at once."""
    folder = make(next(c for c in CASES if c.id == case_id), tmp_path / "dataset")
    env = {"HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    with PtySession([installed_command(), "--data", str(folder)], env=env) as term:
        status = term.wait_exit(timeout=20)
        term.read(0.2)
    assert status == 2
    assert "foi-explorer: error: " in term.text()


FORGED_REPLIES = (
    b"\x1b[?2048;2$y",  # "this terminal reports its size in band" (Textual then ignores SIGWINCH)
    b"\x1b[48;5;10;0;0t",  # "the window is 10 columns by 5 lines"
    b"\x1b[48;100000;100000;0;0t",  # "... or 100,000 by 100,000"
)


def test_a_size_typed_as_input_is_ignored_and_real_resizes_still_count(tmp_path: Path) -> None:
    """Only the terminal's own window size counts: not size "reports" arriving among the keys (seed 4018)."""
    env = {"HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    with PtySession([installed_command()], env=env) as term:
        term.wait_for("in all")
        for forged in FORGED_REPLIES:
            term.send(forged)
        term.send("?")  # a pop-up: it would say "too small" at 10x5
        term.wait_until(lambda screen: "in all" not in screen, what="the help pop-up")
        assert "larger" not in term.text()
        term.send("\x1b")
        term.wait_for("in all")
        set_size(term, 100, 30)
        term.wait_until(lambda screen: max(len(line.rstrip()) for line in screen.splitlines()) > 80, what="a redraw")
        assert "larger" not in term.text()
        term.send("q")
        assert term.wait_exit() == 0
