"""Data opened in a background thread: news kept until someone listens, then told in order."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from tui.data import DatasetError
from tui.data.opening import Crashed, Opened, Opening, Refused, Step

WAIT = 30.0
"""Longest a test waits for the loading thread (it ends at once)."""


def finished(opening: Opening) -> None:
    done = threading.Event()
    opening.listen(lambda news: done.set() if not isinstance(news, Step) else None)
    assert done.wait(WAIT)


def test_news_before_listening_is_kept_and_told_in_order(service) -> None:
    def load(on_step):
        on_step("reading the file")
        on_step("counting 6 rows")
        return service

    opening = Opening("cases.csv", load).start()
    while opening.outcome() is None:
        threading.Event().wait(0.01)
    told = []
    opening.listen(told.append)
    assert told == [Step("reading the file"), Step("counting 6 rows"), Opened(service)]
    assert opening.outcome() == Opened(service)


def test_start_is_once_only(service) -> None:
    calls = []

    def load(on_step):
        calls.append(1)
        return service

    opening = Opening("cases.csv", load)
    assert opening.outcome() is None  # not started
    opening.start().start()
    finished(opening)
    assert calls == [1]


def test_a_bad_file_is_refused_with_its_line() -> None:
    def load(on_step):
        raise DatasetError(Path("bad.csv"), "only a header row", row=2)

    opening = Opening("bad.csv", load).start()
    finished(opening)
    assert opening.outcome() == Refused("bad.csv, row 2: only a header row")


@pytest.mark.parametrize("error", [KeyError("x"), ValueError("y")])
def test_a_bug_is_handed_over(error: Exception) -> None:
    def load(on_step):
        raise error

    opening = Opening("x.csv", load).start()
    finished(opening)
    assert opening.outcome() == Crashed(error)
