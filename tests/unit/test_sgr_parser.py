"""The SGR reader the pty tests rely on finds colour codes, and only colour codes."""

from __future__ import annotations

from tests.e2e.sgr import colour_codes, extended_colour_codes, sgr_parameters


def test_attributes_alone_are_not_colour() -> None:
    raw = b"\x1b[0m\x1b[1;4;7mx\x1b[m\x1b[22;39;49m\x1b[?25h\x1b[?1049l\x1b[>1u\x1b[2J"
    assert colour_codes(raw) == []
    assert sgr_parameters(raw) == [["0"], ["1", "4", "7"], ["0"], ["22", "39", "49"]]


def test_basic_and_bright_colours() -> None:
    assert colour_codes(b"\x1b[1;31;42mx\x1b[97;100m") == ["31", "42", "97", "100"]


def test_extended_colours_with_either_separator() -> None:
    raw = b"\x1b[38;5;214;1m\x1b[48;2;1;2;3m\x1b[38:2::10:20:30m\x1b[0;48:5:17m"
    assert extended_colour_codes(raw) == ["38;5;214", "48;2;1;2;3", "38:2::10:20:30", "48:5:17"]
    assert colour_codes(b"\x1b[38;5;1m") == ["38;5;1"]  # the 1 is an argument, not bold
