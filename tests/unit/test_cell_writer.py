"""The shortest sequences for changed cells: fewer bytes, and the terminal still shows what a full repaint would."""

from __future__ import annotations

import pyte
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.strip import Strip

from tests.shown import shown
from tui.terminal.cell_writer import PLAIN, CellWriter, Look, cursor_to, transition
from tui.terminal.redraw import ShadowScreen
from tui.terminal.textual_private import LayoutUpdate

WIDTH, HEIGHT = 24, 5
SYSTEMS = ["256", "truecolor", "standard"]
STYLES = [  # made anew for each example: Textual keeps a style's codes for the first colour system it met
    lambda: None,
    lambda: Style(),  # what NO_COLOR leaves: no colour at all
    lambda: Style(color="red", bgcolor="#101010"),
    lambda: Style(bold=True, color="red", bgcolor="#101010"),
    lambda: Style(color="#5fd7d7", bgcolor="#1c1c1c"),
    lambda: Style(color="bright_cyan", bgcolor="#1c1c1c"),
    lambda: Style(bgcolor="#1c1c1c"),
    lambda: Style(color="default", bgcolor="blue"),
    lambda: Style(reverse=True, color="#d0d0d0", bgcolor="#1c1c1c"),
    lambda: Style(bold=True, reverse=True),
    lambda: Style(underline=True, color="green"),
    lambda: Style(italic=True, dim=True, bgcolor="#1c1c1c"),
    lambda: Style(link="https://example.org"),
]
CHARS = [" ", " ", "█", "█", "█", "a", "─", "é", "日"]


def console(system: str, width: int = WIDTH) -> Console:
    return Console(color_system=system, force_terminal=True, width=width)  # type: ignore[arg-type]


def screen_after(chunks: list[str], width: int = WIDTH, height: int = HEIGHT) -> list[list[tuple[object, ...]]]:
    screen = pyte.Screen(width, height)
    stream = pyte.ByteStream(screen)
    for chunk in chunks:
        stream.feed(chunk.encode())
    return [[shown(screen.buffer[y][x]) for x in range(width)] for y in range(height)]


@st.composite
def line(draw: st.DrawFn, width: int) -> list[Segment]:
    """Segments filling exactly ``width`` cells (runs of one character and style, as charts draw)."""
    segments: list[Segment] = []
    left = width
    while left:
        char = draw(st.sampled_from(CHARS))
        if char == "日" and left < 2:
            char = "a"
        size = 2 if char == "日" else 1
        count = draw(st.integers(1, left // size))
        segments.append(Segment(char * count, draw(st.sampled_from(STYLES))()))
        left -= count * size
    return segments


@st.composite
def update(draw: st.DrawFn) -> LayoutUpdate:
    """A Textual update of a random region (whole screen, a few rows, or a patch)."""
    x = draw(st.integers(0, WIDTH - 1))
    y = draw(st.integers(0, HEIGHT - 1))
    width = draw(st.integers(1, WIDTH - x))
    height = draw(st.integers(1, HEIGHT - y))
    if draw(st.booleans()):
        x, y, width, height = 0, 0, WIDTH, HEIGHT
    lines = [[Strip(draw(line(width)))] for _ in range(height)]
    return LayoutUpdate(lines, Region(x, y, width, height))


@settings(max_examples=300, deadline=None)
@given(updates=st.lists(update(), min_size=1, max_size=6), system=st.sampled_from(SYSTEMS), erase=st.booleans())
def test_changed_cells_leave_the_screen_as_full_repaints_would(
    updates: list[LayoutUpdate], system: str, erase: bool
) -> None:
    out = console(system)
    shadow = ShadowScreen(erase=erase)
    diffed = [shadow.update(u).render_segments(out) for u in updates]
    full = [u.render_segments(out) for u in updates]
    assert screen_after(diffed) == screen_after(full)


def chart_row(label: str, bars: int, value: str, width: int = 80) -> list[Segment]:
    """One row of a horizontal bar chart as the Outcomes screen draws it (256 colours)."""
    text, bar = Style(color="#dadada", bgcolor="#1c1c1c"), Style(color="#5fd7d7", bgcolor="#1c1c1c")
    bold = Style(bold=True, color="#dadada", bgcolor="#1c1c1c")
    used = len(label) + 1 + bars + 1 + len(value) + 1
    return [Segment(label + "┤", text), Segment("█" * bars, bar), Segment(" ", text), Segment(value, bold),
            Segment(" " * (width - used), text), Segment("│", text)]


def whole_screen(rows: list[list[Segment]]) -> LayoutUpdate:
    return LayoutUpdate([[Strip(row)] for row in rows], Region(0, 0, 80, len(rows)))


@pytest.mark.parametrize("system", SYSTEMS)
def test_back_from_a_table_to_a_chart_of_long_bars_is_cheap(system: str) -> None:
    """The bars are sent as erased colour, each row as its text plus a few short sequences."""
    out = console(system, 80)
    plain = Style(color="#dadada", bgcolor="#1c1c1c")
    table = whole_screen([[Segment(f"row {y:<3} {'x' * 20}".ljust(80), plain)] for y in range(20)])
    labels = [(f"finding {y:06d}", "120 (65.2%)") for y in range(20)]
    chart = whole_screen([chart_row(label, 48, value) for label, value in labels])
    shadow = ShadowScreen(erase=True)
    shadow.update(chart).render_segments(out)
    shadow.update(table).render_segments(out)
    back = shadow.update(chart).render_segments(out)
    assert "█" not in back and back.count("\x1b[48X") == 20
    text_bytes = sum(len(f"{label}┤ {value}│".encode()) for label, value in labels)
    sequences_per_row = {"256": 56, "truecolor": 72, "standard": 40}[system]
    assert len(back.encode()) <= text_bytes + 20 * sequences_per_row
    assert len(back.encode()) < len(chart.render_segments(out).encode()) / 3
    assert screen_after([back], 80, 20) == screen_after([chart.render_segments(out)], 80, 20)


def test_without_colours_long_bars_are_reversed_blanks() -> None:
    out = console("256", 80)
    chart = whole_screen([[Segment("a┤", Style()), Segment("█" * 40, Style()), Segment(" " * 37 + "│", Style())]])
    sent = ShadowScreen(erase=True).update(chart).render_segments(out)
    assert "█" not in sent and "\x1b[7m" + " " * 40 + "\x1b[0m" in sent
    assert screen_after([sent], 80, 1) == screen_after([chart.render_segments(out)], 80, 1)


def test_short_bars_stay_blocks() -> None:
    """A bar of a few cells costs less as blocks than as a change of background and back."""
    out = console("256", 80)
    style = Style(color="#5fd7d7", bgcolor="#1c1c1c")
    row = whole_screen([[Segment("████  ████  ".ljust(80), style)]])
    sent = ShadowScreen(erase=True).update(row).render_segments(out)
    assert sent.count("█") == 8


def test_the_cursor_is_not_moved_where_it_already_is() -> None:
    """Two changes side by side on a row (as Textual's chops send them) need one move, not two."""
    writer = CellWriter(erase=True, system=None)
    looks = [PLAIN] * 3
    writer.write(2, 3, [("a", None)] * 3, looks, edge=80)
    writer.write(5, 3, [("b", None)] * 3, looks, edge=80)
    writer.write(10, 3, [("c", None)] * 3, looks, edge=80)
    writer.write(0, 4, [("d", None)] * 3, looks, edge=80)
    assert writer.text() == cursor_to(2, 3) + "aaabbb\x1b[2Cccc\r\nddd"


def test_the_cursor_is_moved_absolutely_after_the_right_edge_or_a_wide_character() -> None:
    """A terminal may wrap at once at the edge, or count a wide character otherwise: no relative move then."""
    writer = CellWriter(erase=True, system=None)
    writer.write(77, 0, [("a", None)] * 3, [PLAIN] * 3, edge=80)
    writer.write(0, 1, [("b", None)], [PLAIN], edge=80)
    writer.write(5, 1, [("日", None), ("", None)], [PLAIN] * 2, edge=80)
    writer.write(7, 1, [("c", None)], [PLAIN], edge=80)
    assert writer.text() == "\x1b[1;78Haaa\x1b[2Hb\x1b[4C日\x1b[2;8Hc"


def test_blanks_keep_the_colours_on_when_the_background_matches() -> None:
    writer = CellWriter(erase=False, system=None)
    bold = Look("1", "38;5;253", "48;5;234")
    blank = Look("", "38;5;80", "48;5;234")
    writer.write(0, 0, [("x", None), (" ", None), (" ", None), ("y", None)], [bold, blank, blank, bold], edge=80)
    assert writer.text() == "\x1b[H\x1b[1;38;5;253;48;5;234mx  y\x1b[0m"


ATTRIBUTES = ["1", "3", "4", "5", "7", "9", "53"]
COLOURS = ["", "31", "38;5;80", "38;2;1;2;3"]
BACKGROUNDS = ["", "41", "48;5;234", "48;2;4;5;6"]
looks = st.builds(
    lambda attrs, fg, bg: Look(";".join(sorted(attrs, key=int)), fg, bg),
    st.sets(st.sampled_from(ATTRIBUTES)), st.sampled_from(COLOURS), st.sampled_from(BACKGROUNDS),
)


def cell_after(sequence: str) -> object:
    screen = pyte.Screen(2, 1)
    pyte.ByteStream(screen).feed((sequence + "x").encode())
    return screen.buffer[0][0]


@settings(max_examples=300, deadline=None)
@given(current=looks, target=looks)
def test_a_transition_leaves_the_terminal_in_the_target_look(current: Look, target: Look) -> None:
    """From any look to any other, the terminal ends with exactly the target's attributes and colours."""
    def set_(look: Look) -> str:
        return f"\x1b[0;{';'.join(c for c in (look.attrs, look.fg, look.bg) if c)}m"

    assert cell_after(set_(current) + transition(current, target)) == cell_after(set_(target))
