"""A hostile dataset in the installed app, in a real pseudo-terminal: its escapes are shown, never sent."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.pty_session import PtySession, installed_command
from tests.fixtures.bad.cases import CASES, make

pytestmark = pytest.mark.e2e


def test_hostile_dataset_sends_no_escape_from_data(tmp_path: Path) -> None:
    folder = make(next(c for c in CASES if c.id == "hostile-text"), tmp_path / "dataset")
    argv = [installed_command(), "--data", str(folder), "--screen", "sources"]
    with PtySession(argv, cols=80, rows=24, env={"HOME": str(tmp_path)}) as term:
        term.wait_for("Do the figures add up", "␛]52;c;")
        steps = (("s", "Force:"), ("s", "Checks"), ("?", "Keys on"), ("?", "Checks"), ("2", "police constable"))
        for key, needle in steps:
            term.send(key)
            term.wait_for(needle)
        term.send("q")
        assert term.wait_exit() == 0
    raw = bytes(term.raw)
    for sequence in (b"\x1b]52", b"\x1b]0;pwned", b"\x1b[2J\x1b[?1049l\x1b[?25l", b"\x9b31m", b"\xc2\x9b"):
        assert sequence not in raw, sequence
    assert "␛]52;c;".encode() in raw  # shown as text instead
