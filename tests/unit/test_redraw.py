"""Sending only changed cells: the terminal ends up as a full repaint would leave it."""

from __future__ import annotations

import pyte
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.strip import Strip

from tests.shown import shown
from tui.terminal.cell_writer import PLAIN, Look, transition
from tui.terminal.first_frame import paint
from tui.terminal.redraw import ShadowScreen, cells
from tui.terminal.textual_private import LayoutUpdate

WIDTH, HEIGHT = 20, 3
CONSOLE = Console(color_system="256", force_terminal=True, width=WIDTH)
RED = Style(color="red", bgcolor="#101010")
BOLD = Style(bold=True, color="red", bgcolor="#101010")


def frame(*lines: list[Segment]) -> LayoutUpdate:
    return LayoutUpdate([[Strip(line)] for line in lines], Region(0, 0, WIDTH, len(lines)))


def screen_after(chunks: list[str], width: int = WIDTH, height: int = HEIGHT) -> list[tuple[object, ...]]:
    """What each cell shows after the terminal has been sent ``chunks``."""
    screen = pyte.Screen(width, height)
    stream = pyte.ByteStream(screen)
    for chunk in chunks:
        stream.feed(chunk.encode())
    return [shown(c) for y in range(height) for c in (screen.buffer[y][x] for x in range(width))]


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
    assert transition(red_on_black, Look("1", "31", "40")) == "\x1b[1m"
    assert transition(red_on_black, PLAIN) == "\x1b[0m"
    assert transition(PLAIN, Look("1", "31", "")) == "\x1b[1;31m"


def test_attributes_are_switched_off_one_by_one_where_that_is_shorter() -> None:
    bold_red = Look("1", "38;5;160", "48;5;234")
    assert transition(bold_red, Look("", "38;5;160", "48;5;234")) == "\x1b[22m"
    assert transition(Look("1;2", "31", "40"), Look("2", "31", "40")) == "\x1b[22;2m"  # 22 ends both: dim again
    assert transition(Look("1;7", "31", "40"), Look("4", "31", "40")) == "\x1b[22;27;4m"
    assert transition(Look("4", "31", "40"), Look("1", "31", "40")) == "\x1b[24;1m"
    # an attribute without a well-supported off code (overline) still goes through a reset
    assert transition(Look("53", "31", "40"), Look("", "31", "40")) == "\x1b[0;31;40m"
    # a reset is used when it is the shorter way
    assert transition(Look("1;4;7", "31", "40"), Look("", "", "40")) == "\x1b[0;40m"



def test_long_blanks_are_erased_and_the_terminal_still_matches_a_full_repaint() -> None:
    wide = Console(color_system="256", force_terminal=True, width=40)
    width = 40

    def row(*segments: Segment) -> LayoutUpdate:
        return LayoutUpdate([[Strip(list(segments))]], Region(0, 0, width, 1))

    frames = [
        row(Segment("x" * width, BOLD)),
        row(Segment("a", RED), Segment(" " * 30, RED), Segment("b".ljust(9), BOLD)),
        row(Segment(" " * 20, Style(bgcolor="#202020")), Segment(" " * 20, Style(underline=True))),
    ]
    shadow = ShadowScreen(erase=True)
    diffed = [shadow.update(f).render_segments(wide) for f in frames]
    assert "\x1b[30X\x1b[30C" in diffed[1] and " " * 12 not in diffed[1]
    assert diffed[2].count("\x1b[20X") == 1 and " " * 20 in diffed[2]  # underlined blanks are written, not erased

    full = [f.render_segments(wide) for f in frames]
    for count in range(1, len(frames) + 1):
        assert screen_after(diffed[:count], width, 1) == screen_after(full[:count], width, 1)


def test_only_terminals_that_erase_in_colour_get_erasing() -> None:
    from tui.terminal.redraw import can_erase

    assert can_erase("xterm-256color") and can_erase("tmux-256color") and can_erase("linux")
    assert not can_erase("screen") and not can_erase("dumb") and not can_erase("")


def painted_then_kept() -> tuple[LayoutUpdate, list[list[tuple[str, str, str, str]]]]:
    """A screen as Textual draws it, and the frame a start keeps of it (what the next start paints)."""
    drawn = frame(
        [Segment("total 184 ", RED), Segment("█" * (WIDTH - 10), Style(color="red"))],
        [Segment("日本 plain".ljust(WIDTH - 2))],
        [Segment("p".ljust(WIDTH), BOLD)],
    )
    keeper = ShadowScreen()
    keeper.update(drawn).render_segments(CONSOLE)
    kept = keeper.frame(WIDTH, HEIGHT)
    assert kept is not None
    return drawn, kept


def test_a_frame_painted_before_textual_is_not_sent_again_and_changes_to_it_are() -> None:
    drawn, kept = painted_then_kept()
    shadow = ShadowScreen()
    shadow.seed(kept)
    assert shadow.take_over((WIDTH, HEIGHT))  # the driver leaves the screen as it is
    for _ in range(2):  # Textual's own size event and the driver's
        shadow.resized((WIDTH, HEIGHT), starting=True)
    assert shadow.update(drawn).render_segments(CONSOLE) == ""
    changed = frame([Segment("total 185 ", RED), Segment("█" * (WIDTH - 10), Style(color="red"))])
    diff = shadow.update(changed).render_segments(CONSOLE)
    assert "5" in diff and "total" not in diff
    full = [drawn.render_segments(CONSOLE), changed.render_segments(CONSOLE)]
    assert screen_after([paint(kept), diff]) == screen_after(full)


def test_a_seeded_frame_is_forgotten_at_another_size_and_by_a_size_event_once_started() -> None:
    drawn, kept = painted_then_kept()
    full = ShadowScreen().update(drawn).render_segments(CONSOLE)
    for forget in (
        lambda s: s.take_over((WIDTH + 1, HEIGHT)),  # the terminal was resized since the paint
        lambda s: s.take_over(None),  # its size unknown
        lambda s: s.resized((WIDTH, HEIGHT + 1), starting=True),
        lambda s: s.resized((WIDTH, HEIGHT), starting=False),  # a resize after the first frame may have reflowed it
    ):
        shadow = ShadowScreen()
        shadow.seed(kept)
        assert not forget(shadow)
        assert shadow.update(drawn).render_segments(CONSOLE) == full


def test_a_kept_frame_shown_over_another_screen_sends_what_differs_and_textual_then_sends_nothing() -> None:
    drawn, kept = painted_then_kept()
    shadow = ShadowScreen()
    other = frame([Segment("total 999 ", RED), Segment("x" * (WIDTH - 10))], [Segment("日本 plain".ljust(WIDTH - 2))])
    before = shadow.update(other).render_segments(CONSOLE)
    shown_now = shadow.show(kept)
    assert "999" not in shown_now and "plain" not in shown_now  # the unchanged second row is not sent
    assert screen_after([before, shown_now]) == screen_after([before, drawn.render_segments(CONSOLE)])
    assert shadow.update(drawn).render_segments(CONSOLE) == ""


def test_only_the_first_take_over_keeps_the_painted_frame() -> None:
    """After a suspend the terminal is back on its normal screen: the next take-over must draw everything."""
    drawn, kept = painted_then_kept()
    full = ShadowScreen().update(drawn).render_segments(CONSOLE)
    shadow = ShadowScreen()
    shadow.seed(kept)
    assert shadow.take_over((WIDTH, HEIGHT))
    assert not shadow.take_over((WIDTH, HEIGHT))
    assert shadow.update(drawn).render_segments(CONSOLE) == full
