"""The installed ``foi-explorer`` command, in a real pseudo-terminal, as a user over SSH runs it."""

from __future__ import annotations

import pytest

from tests.e2e.pty_session import PtySession, installed_command

pytestmark = pytest.mark.e2e


def test_walk_through_every_screen_and_quit(tmp_path) -> None:
    with PtySession([installed_command()], cols=80, rows=24, env={"HOME": str(tmp_path)}) as term:
        screen = term.wait_for("184 in all", "92", "62", "2021", "FoI ref not stated")
        assert "peak 2021 (92)" in screen
        term.send("2")
        screen = term.wait_for("police constable", "160", "sergeant", "12", "not stated")
        assert "inspector and above" in screen
        term.send("3")
        screen = term.wait_for("no case to answer", "57", "no finding recorded", "83", "not explained", "16")
        assert "would have been dismissed" in screen
        term.send("q")
        assert term.wait_exit() == 0


def test_deep_link_opens_the_ranks_screen(tmp_path) -> None:
    with PtySession([installed_command(), "--screen", "ranks"], env={"HOME": str(tmp_path)}) as term:
        term.wait_for("police constable", "160")
        term.send("q")
        assert term.wait_exit() == 0
