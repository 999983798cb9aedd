"""Broken and hostile tour files: a clean one-line TourError, or captions made harmless."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tui.demo.tour import MAX_CAPTION, TourError, load_tour, parse_tour

STEP = '[[step]]\nkey = "t"\npause = 1\ncaption = '


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("x = " + "[" * 100_000 + "]" * 100_000, "nested deeper"),
        ("x = " + "{a = " * 5000 + "1" + "}" * 5000, "nested deeper"),
        (STEP + '"' + "c" * (MAX_CAPTION + 1) + '"', "the limit"),
        (STEP + "3", "must be text"),
        ("[[step]]\n" * 1001 + "", "steps"),
        ('[[step]]\nkey = "\\u001b"\ncaption = "x"\npause = 1', "not a key"),
        ("\x00", "TOML"),
    ],
)
def test_broken_tours_are_one_line_errors(text: str, words: str) -> None:
    with pytest.raises(TourError) as info:
        parse_tour(text, "t.toml")
    message = str(info.value)
    assert words in message and message.startswith("t.toml")
    assert "\n" not in message and "\x1b" not in message


@pytest.mark.parametrize(
    "caption",
    ["[/]", "[link=https://example.org]x[/link]", "[@click=app.quit]quit[/]", "[b]bold"],
)
def test_markup_in_a_caption_is_kept_as_text(caption: str) -> None:
    tour = parse_tour(STEP + repr(caption).replace("'", '"'), "t.toml")
    assert tour.steps[0].caption == caption


def test_escapes_in_a_caption_are_made_visible() -> None:
    tour = parse_tour(STEP + '"a\\u001b]52;c;eA==\\u0007 \\u009b2J \\u202eb\\u200bc"', "t.toml")
    caption = tour.steps[0].caption
    assert caption == "a␛]52;c;eA==␇ \ufffd2J bc"


def test_a_fifo_tour_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "tour.toml"
    os.mkfifo(fifo)
    with pytest.raises(TourError, match="FIFO"):
        load_tour(fifo)


def test_a_device_tour_is_refused() -> None:
    with pytest.raises(TourError, match="device"):
        load_tour(Path("/dev/zero"))


def test_a_huge_tour_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "tour.toml"
    path.write_bytes(b"\n" * 1_000_000)
    with pytest.raises(TourError, match="too large"):
        load_tour(path)


def test_a_missing_tour_says_so(tmp_path: Path) -> None:
    with pytest.raises(TourError, match="no such tour file"):
        load_tour(tmp_path / "none.toml")
