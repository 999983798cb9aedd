"""``foi-explorer --restricted`` in a real pseudo-terminal: as the forced command of an SSH service runs it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.e2e.pty_session import PtySession, installed_command

pytestmark = pytest.mark.e2e

# Settings a hostile environment could carry; restricted mode must act on none of them.
HOSTILE_ENV = {
    "TEXTUAL_ALLOW_SIGNALS": "1",  # would turn ctrl+z into SIGTSTP
    "TEXTUAL_SCREENSHOT": "0",  # would write a screenshot file
    "SSH_ORIGINAL_COMMAND": "cat /etc/passwd",
}


def take_screenshot_from_palette(term: PtySession, *, offered: bool) -> None:
    """Ask the palette for Textual's screenshot command and press enter (once offered, if it should be)."""
    term.send(b"\x10")  # ctrl+p
    term.wait_for("Search for commands")
    term.send("Screenshot")
    if offered:
        term.wait_for("Save an SVG")
    else:
        term.read(0.5)  # nothing to wait for: the command must never appear (a slow app can only pass late)
    term.send("\r")
    term.read(0.5)


def test_unrestricted_palette_screenshot_writes_a_file(tmp_path: Path) -> None:
    """The control for the test below: without --restricted the palette command writes a file."""
    (tmp_path / "Downloads").mkdir()  # where Textual saves screenshots
    with PtySession([installed_command()], env={"HOME": str(tmp_path)}) as term:
        term.wait_for("184 in all")
        take_screenshot_from_palette(term, offered=True)
        term.wait_for("Saved screenshot", timeout=5)
        term.send("q")
        assert term.wait_exit() == 0
    assert list(tmp_path.rglob("*.svg"))


def test_restricted_writes_nothing_and_ignores_ctrl_z(tmp_path: Path) -> None:
    (tmp_path / "Downloads").mkdir()
    env = {"HOME": str(tmp_path), "TEXTUAL_LOG": str(tmp_path / "textual.log"), **HOSTILE_ENV}
    with PtySession([installed_command(), "--restricted"], env=env) as term:
        term.wait_for("184 in all", "FoI ref not stated")
        take_screenshot_from_palette(term, offered=False)
        term.send(b"\x1b")  # close the palette if it is still open
        term.read(0.3)
        term.send(b"\x1a")  # ctrl+z: must not suspend (a stopped app would not answer "2")
        term.read(0.3)
        assert term.poll() is None
        term.send("2")
        term.wait_for("police constable", "160")
        term.send("q")
        assert term.wait_exit() == 0
    assert [p for p in tmp_path.rglob("*") if not p.is_dir()] == []
    assert b"Save an SVG" not in term.raw, "the palette offered Textual's screenshot command"
    assert b"passwd" not in term.raw


def test_restricted_refuses_to_run_without_a_terminal(tmp_path: Path) -> None:
    result = subprocess.run(
        [installed_command(), "--restricted"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=30,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert result.returncode != 0
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        "foi-explorer: error: restricted mode needs a terminal: connect with ssh -t"
    ]


def test_restricted_console_script_re_executes_isolated(tmp_path: Path) -> None:
    """Started as ``foi-explorer --restricted`` (not ``python -I``): PYTHONINSPECT still gives no prompt."""
    startup = tmp_path / "startup.py"
    startup.write_text(f"open({str(tmp_path / 'ran')!r}, 'w').write('ran')\n")
    env = {"PYTHONINSPECT": "1", "PYTHONSTARTUP": str(startup), "COLUMNS": "100000", "LINES": "100000"}
    with PtySession([installed_command(), "--restricted"], env=env) as term:
        term.wait_for("184 in all", timeout=30)
        term.send("q")
        assert term.wait_exit(timeout=15) == 0
    assert b">>>" not in term.raw
    assert not (tmp_path / "ran").exists()
