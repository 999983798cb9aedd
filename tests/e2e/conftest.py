"""Shared end-to-end fixtures: a home whose cache already holds the first screen."""

from __future__ import annotations

import termios
from pathlib import Path

import pytest

from tests.e2e.pty_session import PtySession, installed_command


def home_env(home: Path) -> dict[str, str]:
    """A home and cache of its own (a fresh ``tmp_path``: nothing cached, the first screen drawn by Textual)."""
    return {"HOME": str(home), "LANG": "C.UTF-8", "XDG_CACHE_HOME": str(home / "cache")}


def modes_restored(fd: int) -> bool:
    """The terminal echoes typed keys and reads lines again (as before the app took it)."""
    lflag = termios.tcgetattr(fd)[3]
    return bool(lflag & termios.ECHO and lflag & termios.ICANON)


@pytest.fixture(scope="module")
def warm_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A home whose cache holds the first screen: the next starts paint it before Textual loads."""
    home = tmp_path_factory.mktemp("warm-home")
    with PtySession([installed_command()], env=home_env(home)) as term:
        term.wait_for("184 in all", timeout=30)
        term.wait_until(lambda _: any((home / "cache").rglob("frame-*.json")), what="the first frame kept")
        term.send("q")
        assert term.wait_exit() == 0
    return home
