"""The very first start (nothing cached): the first frame with figures goes out before the answers are cached."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.e2e.conftest import home_env
from tests.e2e.noting_app import NOTING_APP
from tests.e2e.pty_session import PtySession
from tui.data import default_dataset_path
from tui.data.service import DataService

pytestmark = pytest.mark.e2e


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
    assert any(event.startswith("frame") for event in noted[:first_cache]), f"cached before the first frame: {noted}"
