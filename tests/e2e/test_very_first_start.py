"""The very first start (nothing cached): the first frame with figures goes out before the answers are cached."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.e2e.conftest import home_env
from tests.e2e.pty_session import PtySession
from tui.data import default_dataset_path
from tui.data.service import DataService

pytestmark = pytest.mark.e2e

NOTING_APP = """
import sys
import tui.cli as cli
import tui.data.answer_cache as cache

events = open(sys.argv[1], "a", encoding="utf-8")
figures = sys.argv[2]


def note(event):
    events.write(event + "\\n")
    events.flush()


write_answers = cache.write_answers


def noting_cache_write(folder, key, screen, answers):
    note("cache " + screen)
    return write_answers(folder, key, screen, answers)


cache.write_answers = noting_cache_write
terminal_app = cli._terminal_app


def noting_terminal_app(*args, **kwargs):
    app = terminal_app(*args, **kwargs)
    from textual.drivers.linux_driver import LinuxDriver  # Textual is imported by now, as the app imports it

    write = LinuxDriver.write

    def noting_write(self, data):
        write(self, data)
        if figures in data:
            note("frame")

    LinuxDriver.write = noting_write
    return app


cli._terminal_app = noting_terminal_app
sys.argv = ["foi-explorer"]
sys.exit(cli.main())
"""


def test_the_first_frame_with_figures_goes_out_before_the_answers_are_cached(tmp_path: Path) -> None:
    """Writing the cache files held the interpreter while the first frame was composed: now it waits for it."""
    service = DataService.from_path(default_dataset_path())
    total = f"{service.total} in all"
    events = tmp_path / "events"
    argv = [sys.executable, "-c", NOTING_APP, str(events), total]
    with PtySession(argv, env=home_env(tmp_path)) as term:
        term.wait_for(total, timeout=30)
        term.wait_until(lambda _: "cache trends" in events.read_text(encoding="utf-8"), what="the answers cached")
        term.send("q")
        assert term.wait_exit() == 0
    noted = events.read_text(encoding="utf-8").splitlines()
    first_cache = next(i for i, event in enumerate(noted) if event.startswith("cache "))
    assert "frame" in noted[:first_cache], f"the answers were cached before the first frame: {noted}"
