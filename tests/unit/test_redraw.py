"""Sending only changed cells: the terminal ends up as a full repaint would leave it."""

from __future__ import annotations

import pyte
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.strip import Strip

from tui.terminal.redraw import PLAIN, Look, ShadowScreen, cells, transition
from tui.terminal.textual_private import LayoutUpdate

WIDTH, HEIGHT = 20, 3
CONSOLE = Console(color_system="256", force_terminal=True, width=WIDTH)
RED = Style(color="red", bgcolor="#101010")
BOLD = Style(bold=True, color="red", bgcolor="#101010")


def frame(*lines: list[Segment]) -> LayoutUpdate:
    return LayoutUpdate([[Strip(line)] for line in lines], Region(0, 0, WIDTH, len(lines)))


def screen_after(chunks: list[str]) -> list[tuple[object, ...]]:
    screen = pyte.Screen(WIDTH, HEIGHT)
    stream = pyte.ByteStream(screen)
    for chunk in chunks:
        stream.feed(chunk.encode())
    return [(c.data, c.fg, c.bg, c.bold) for y in range(HEIGHT) for c in (screen.buffer[y][x] for x in range(WIDTH))]


def test_unchanged_frames_send_nothing_and_changes_send_little() -> None:
    shadow = ShadowScreen()
    first = frame([Segment("hello world".ljust(WIDTH), RED)], [Segment("second line".ljust(WIDTH))])
    full = shadow.update(first).render_segments(CONSOLE)
    assert "hello world" in full
    assert shadow.update(first).render_segments(CONSOLE) == ""
    second = frame([Segment("hello", RED), Segment(" ", RED), Segment("WORLD".ljust(WIDTH - 6), BOLD)])
    change = shadow.update(second).render_segments(CONSOLE)
    assert "WORLD" in change and "hello" not in change
    assert len(change) < len(second.render_segments(CONSOLE)) * 0.6


def test_the_terminal_matches_a_full_repaint() -> None:
    frames = [
        frame([Segment("a│b ▁▂█ 日本 x".ljust(WIDTH - 2), RED)], [Segment("plain".ljust(WIDTH))]),
        frame([Segment("a│c ▁▂█ 日x ".ljust(WIDTH - 1), BOLD)], [Segment("plain", RED), Segment("!".ljust(15))]),
        frame([Segment("zzz".ljust(WIDTH), Style(link="https://example.org"))], [Segment("p".ljust(WIDTH), BOLD)]),
    ]
    shadow = ShadowScreen()
    diffed = [shadow.update(f).render_segments(CONSOLE) for f in frames]
    full = [f.render_segments(CONSOLE) for f in frames]
    for count in range(1, len(frames) + 1):
        assert screen_after(diffed[:count]) == screen_after(full[:count])


def test_invalidate_repaints_everything() -> None:
    shadow = ShadowScreen()
    update = frame([Segment("abc".ljust(WIDTH))])
    shadow.update(update).render_segments(CONSOLE)
    shadow.invalidate()
    assert "abc" in shadow.update(update).render_segments(CONSOLE)


def test_wide_characters_take_two_cells() -> None:
    assert [char for char, _ in cells([Segment("a日b")])] == ["a", "日", "", "b"]


def test_transitions_send_only_what_differs() -> None:
    red_on_black = Look("", "31", "40")
    assert transition(PLAIN, PLAIN) == ""
    assert transition(PLAIN, red_on_black) == "\x1b[31;40m"
    assert transition(red_on_black, Look("", "32", "40")) == "\x1b[32m"
    assert transition(red_on_black, Look("", "", "40")) == "\x1b[39m"
    assert transition(red_on_black, Look("1", "31", "40")) == "\x1b[0;1;31;40m"
    assert transition(red_on_black, PLAIN) == "\x1b[0m"
    assert transition(PLAIN, Look("1", "31", "")) == "\x1b[1;31m"
