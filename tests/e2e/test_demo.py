"""The installed ``foi-explorer demo`` in a real pseudo-terminal: it tours the app and ends by itself."""

from __future__ import annotations

import time

import pytest

from tests.e2e.pty_session import PtySession, installed_command

pytestmark = pytest.mark.e2e


def test_demo_at_speed_20_runs_to_the_end_and_exits_0(tmp_path) -> None:
    started = time.monotonic()
    with PtySession([installed_command(), "demo", "--speed", "20"], env={"HOME": str(tmp_path)}) as term:
        term.wait_for("184 in all", "peak 2021 (92)")
        assert term.wait_exit(timeout=30) == 0
        shown = term.raw.decode("utf-8", errors="replace")
    assert time.monotonic() - started < 30
    for text in ("police constable", "no finding recorded", "Do the figures add up?", "Keys on", "Focused figure"):
        assert text in shown, f"the tour never showed {text!r}"


def test_demo_captions_and_quitting_early(tmp_path) -> None:
    with PtySession([installed_command(), "demo", "--captions"], env={"HOME": str(tmp_path)}) as term:
        term.wait_for("key 1 1/", "Trends: officers investigated")
        term.send("q")
        assert term.wait_exit(timeout=10) == 0
