"""The first screen painted from the cache before Textual loads: keys typed meanwhile count, the terminal comes back."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.conftest import home_env, modes_restored
from tests.e2e.pty_session import PtySession, installed_command
from tests.e2e.test_signals import restored
from tui.data import default_dataset_path
from tui.data.service import DataService

pytestmark = pytest.mark.e2e

ENTER_ALTERNATE = b"\x1b[?1049h"


def test_the_cached_first_screen_comes_before_textual_and_a_key_typed_meanwhile_is_answered(warm_home: Path) -> None:
    service = DataService.from_path(default_dataset_path())
    total = f"{service.total} in all"
    constables = next(f for f in service.breakdown("rank").figures if "constable" in f.category.casefold())
    with PtySession([installed_command()], env=home_env(warm_home)) as term:
        term.wait_for(total, timeout=30)
        term.send("2")  # at once: Textual may not be running yet
        term.wait_for(str(constables.count), constables.category, timeout=30)
        term.send("q")
        assert term.wait_exit() == 0
        assert modes_restored(term.fd)
    raw = bytes(term.raw)
    first, second = raw.find(ENTER_ALTERNATE), raw.find(ENTER_ALTERNATE, raw.find(ENTER_ALTERNATE) + 1)
    assert 0 <= first < raw.find(total.encode()) < second, "the figures were not painted before Textual took over"
    assert restored(raw)


def test_no_first_screen_is_kept_when_a_key_came_first(tmp_path: Path) -> None:
    """What shows after a key is the user's doing, not the first screen: nothing is kept."""
    with PtySession([installed_command()], env=home_env(tmp_path)) as term:
        term.wait_exec()
        term.send("2")
        term.wait_for("police constable", timeout=30)
        term.send("q")
        assert term.wait_exit() == 0
    assert list((tmp_path / "cache").rglob("*trends.json")), "the answers were not cached at all"
    assert not list((tmp_path / "cache").rglob("frame-*.json"))
