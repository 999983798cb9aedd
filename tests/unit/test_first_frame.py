"""The first screen kept from what the app wrote, painted back exactly, and never trusted blindly."""

from __future__ import annotations

import json
import os
import signal
import termios
from pathlib import Path

import pytest
from rich.segment import Segment
from rich.style import Style

from tests.unit.test_redraw import BOLD, CONSOLE, HEIGHT, RED, WIDTH, frame, screen_after
from tui.terminal.first_frame import FRAMES_KEPT, LEAVE, FrameCache, checked_frame, paint, take_terminal
from tui.terminal.redraw import ShadowScreen
from tui.terminal.terminal_app import keep_frame

LINES = (
    [Segment("a│b ▁▂█ 日本 x".ljust(WIDTH - 2), RED)],
    [Segment("plain", RED), Segment("!".ljust(15), BOLD)],
    [Segment("zzz".ljust(WIDTH), Style(link="https://example.org", underline=True))],
)


def shown() -> ShadowScreen:
    shadow = ShadowScreen()
    shadow.update(frame(*LINES)).render_segments(CONSOLE)
    return shadow


def test_the_kept_frame_paints_exactly_what_the_app_wrote() -> None:
    kept = shown().frame(WIDTH, HEIGHT)
    assert kept is not None
    assert screen_after([paint(kept)]) == screen_after([frame(*LINES).render_segments(CONSOLE)])


def test_no_frame_while_any_cell_is_unknown() -> None:
    shadow = ShadowScreen()
    shadow.update(frame(*LINES[:2])).render_segments(CONSOLE)
    assert shadow.frame(WIDTH, HEIGHT) is None  # the last line was never written
    full = shown()
    full.invalidate()
    assert full.frame(WIDTH, HEIGHT) is None
    assert shown().frame(WIDTH + 1, HEIGHT) is None  # a wider screen than was drawn


def test_the_cache_gives_back_the_frame_of_its_own_dataset_setting_and_size(tmp_path: Path) -> None:
    kept = shown().frame(WIDTH, HEIGHT)
    assert kept is not None
    cache = FrameCache(tmp_path, "dataset-key", "trends", "256")
    assert cache.read(WIDTH, HEIGHT) is None
    assert keep_frame(cache, kept, WIDTH, HEIGHT)
    assert cache.read(WIDTH, HEIGHT) == kept
    assert cache.read(WIDTH, HEIGHT + 1) is None
    assert FrameCache(tmp_path, "other-data", "trends", "256").read(WIDTH, HEIGHT) is None
    assert FrameCache(tmp_path, "dataset-key", "ranks", "256").read(WIDTH, HEIGHT) is None
    assert not cache.file_text(kept[:-1], WIDTH, HEIGHT)  # not a whole screen: not kept


@pytest.mark.parametrize(
    "tamper",
    [
        lambda rows: rows[0].__setitem__(0, ["\x1b", "", "", ""]),  # an escape in a character
        lambda rows: rows[0].__setitem__(0, ["a", "1m\x1b]0;owned\x07", "", ""]),  # a sequence in a style
        lambda rows: rows[1].__setitem__(0, ["\n", "", "", ""]),
        lambda rows: rows[2].pop(),  # a short row
        lambda rows: rows.pop(),  # a missing row
        lambda rows: rows[0].__setitem__(0, ["a", "", ""]),  # a cell of three parts
        lambda rows: rows[0].__setitem__(0, ["a", 1, "", ""]),
    ],
)
def test_a_tampered_frame_file_is_ignored(tmp_path: Path, tamper: object) -> None:
    kept = shown().frame(WIDTH, HEIGHT)
    assert kept is not None
    cache = FrameCache(tmp_path, "dataset-key", "trends", "")
    keep_frame(cache, kept, WIDTH, HEIGHT)
    path = cache.path(WIDTH, HEIGHT)
    data = json.loads(path.read_text(encoding="utf-8"))
    tamper(data["rows"])  # type: ignore[operator]
    path.write_text(json.dumps(data), encoding="utf-8")
    assert cache.read(WIDTH, HEIGHT) is None
    path.write_text("{not json", encoding="utf-8")
    assert cache.read(WIDTH, HEIGHT) is None


def test_checked_frame_takes_only_plain_cells() -> None:
    assert checked_frame([[["日", "1", "38;5;1", "48;5;2"], ["", "1", "38;5;1", "48;5;2"]]], 2, 1) is not None
    assert checked_frame([[["a", "", "", ""]]], 2, 1) is None
    assert checked_frame("rows", 1, 1) is None


def test_the_terminal_is_held_quietly_and_given_back() -> None:
    kept = shown().frame(WIDTH, HEIGHT)
    assert kept is not None
    master, slave = os.openpty()
    kinds = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGPIPE)
    handlers = {signum: signal.getsignal(signum) for signum in kinds}
    try:
        before = termios.tcgetattr(slave)
        early = take_terminal(kept, slave, slave, "utf-8")
        assert early is not None
        lflag = termios.tcgetattr(slave)[3]
        assert not lflag & termios.ECHO and not lflag & termios.ICANON and lflag & termios.ISIG
        assert signal.getsignal(signal.SIGTERM) == early.on_signal
        painted = os.read(master, 65536).decode()
        assert painted.startswith("\x1b[?1049h") and "plain" in painted
        early.restore(leave_screen=True)
        assert termios.tcgetattr(slave) == before
        assert {signum: signal.getsignal(signum) for signum in kinds} == handlers
        assert os.read(master, 65536).decode().endswith(LEAVE)
    finally:
        for signum, handler in handlers.items():
            signal.signal(signum, handler)
        os.close(master)
        os.close(slave)


def test_no_terminal_is_held_on_a_file(tmp_path: Path) -> None:
    with open(tmp_path / "out", "wb") as out:
        assert take_terminal([], out.fileno(), out.fileno(), "utf-8") is None


def test_only_the_most_recent_frames_are_kept(tmp_path: Path) -> None:
    kept = shown().frame(WIDTH, HEIGHT)
    assert kept is not None
    caches = [FrameCache(tmp_path, f"dataset-{n}", "trends", "") for n in range(FRAMES_KEPT + 3)]
    for number, cache in enumerate(caches):
        assert keep_frame(cache, kept, WIDTH, HEIGHT)
        os.utime(cache.path(WIDTH, HEIGHT), ns=(number * 10**9, number * 10**9))
    caches[-1].prune()
    assert len(list(tmp_path.glob("frame-*.json"))) == FRAMES_KEPT
    assert caches[-1].read(WIDTH, HEIGHT) == kept
    assert caches[0].read(WIDTH, HEIGHT) is None


def test_a_screen_reached_by_key_is_kept_where_it_is_as_the_start_screen(tmp_path: Path) -> None:
    trends = FrameCache(tmp_path, "dataset-key", "trends", "256")
    assert trends.for_screen("ranks") == FrameCache(tmp_path, "dataset-key", "ranks", "256")
    assert trends.for_screen("ranks").path(WIDTH, HEIGHT) != trends.path(WIDTH, HEIGHT)


def test_every_screen_of_two_datasets_at_two_sizes_stays_kept(tmp_path: Path) -> None:
    from tui.screen_registry import SCREENS

    kept = shown().frame(WIDTH, HEIGHT)
    assert kept is not None
    caches = [FrameCache(tmp_path, dataset, spec.mode, "256") for dataset in ("a", "b") for spec in SCREENS]
    for cache in caches:
        for height in (HEIGHT, HEIGHT + 1):
            assert keep_frame(cache, kept if height == HEIGHT else [*kept, kept[0]], WIDTH, height)
    assert all(cache.read(WIDTH, HEIGHT) and cache.read(WIDTH, HEIGHT + 1) for cache in caches)
