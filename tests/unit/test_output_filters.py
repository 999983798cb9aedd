"""The ASCII and no-colour line filters, and the chart style they go with."""

from __future__ import annotations

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.color import Color

from tui.terminal.output_filters import AsciiFilter, NoColourFilter, to_ascii
from tui.widgets import ChartStyle

BLACK = Color(0, 0, 0)


def test_box_drawing_becomes_plus_minus_bar() -> None:
    assert to_ascii("┌──┬─┐\n│a │b│\n╭─╮╰─╯├┼┤═║") == "+--+-+\n|a |b|\n+-++-++++-|"


def test_app_glyphs_have_ascii_stand_ins() -> None:
    assert to_ascii("2018→2021: 14→92, 6.6× · ≥3 – 4…") == "2018>2021: 14>92, 6.6x | >3 - 4~"


def test_blocks_braille_and_unknowns_keep_their_width() -> None:
    text = "█▄▁⣿⠀é日本\u0301x"
    out = to_ascii(text)
    assert out.isascii()
    assert cell_len(out) == cell_len(text)
    assert out == "##-# ?????x"


def test_ascii_text_is_untouched() -> None:
    assert to_ascii("plain 123 +-|") == "plain 123 +-|"


def test_ascii_filter_keeps_styles() -> None:
    bold = Style(bold=True, color="red")
    out = AsciiFilter().apply([Segment("│ ok", bold), Segment("plain")], BLACK)
    assert out == [Segment("| ok", bold), Segment("plain")]


def test_no_colour_filter_keeps_emphasis_only() -> None:
    style = Style(bold=True, reverse=True, underline=True, color="red", bgcolor="#102030")
    (segment,) = NoColourFilter().apply([Segment("x", style)], BLACK)
    assert segment.style == Style(bold=True, reverse=True, underline=True)
    assert segment.style is not None and segment.style.color is None and segment.style.bgcolor is None


def test_chart_style_for_terminal() -> None:
    assert ChartStyle.for_terminal() == ChartStyle()
    assert (ChartStyle().bar, ChartStyle().accent, ChartStyle().marker) == ("cyan", "magenta", "sd")
    assert ChartStyle.for_terminal(ascii_only=True).marker == "#"
    mono = ChartStyle.for_terminal(mono=True, ascii_only=True)
    assert (mono.bar, mono.accent, mono.marker, mono.accent_marker) == ("default", "default", "#", "@")
    assert ChartStyle.for_terminal(mono=True).accent_marker != ChartStyle.for_terminal(mono=True).marker
