"""screenshots/tour.cast is a valid asciicast v2 of the demo at 80x24, and it ends on the tour's last screen."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pyte

from tests.conftest import ROOT
from tui.demo import default_tour_path, load_tour
from tui.demo.recorder import record, write_cast

CAST = ROOT / "screenshots" / "tour.cast"
RERECORD = "re-record with: foi-explorer record-demo  (from the repository root, about a minute)"
LEAVE_ALTERNATE_SCREEN = "\x1b[?1049l"
# Kitty keyboard-protocol push/pop: pyte does not know them and would print their final "u".
KITTY_KEYBOARD = re.compile(r"\x1b\[[<>=][0-9;]*u")


def read_cast(path: Path) -> tuple[dict[str, object], list[list[object]]]:
    """The header and the events of an asciicast v2 file."""
    header_line, *event_lines = path.read_text(encoding="utf-8").splitlines()
    return json.loads(header_line), [json.loads(line) for line in event_lines]


def last_screen(events: list[list[object]], width: int, height: int) -> str:
    """Replay the output through a terminal emulator up to the app leaving the alternate screen."""
    output = "".join(str(data) for _, kind, data in events if kind == "o")
    end = output.rfind(LEAVE_ALTERNATE_SCREEN)
    assert end != -1, "the cast never leaves the alternate screen: the demo did not end by itself"
    screen = pyte.Screen(width, height)
    pyte.Stream(screen).feed(KITTY_KEYBOARD.sub("", output[:end]))
    return "\n".join(screen.display)


def test_cast_is_asciicast_v2_at_80x24() -> None:
    header, events = read_cast(CAST)
    assert header["version"] == 2
    assert (header["width"], header["height"]) == (80, 24)
    assert "timestamp" not in header, "no date of the recording in the file"
    assert events
    times = [event[0] for event in events]
    assert all(isinstance(t, int | float) for t in times)
    assert times == sorted(times)
    for event in events:
        assert len(event) == 3 and event[1] == "o" and isinstance(event[2], str)


def test_cast_ends_on_the_last_screen_of_the_tour() -> None:
    header, events = read_cast(CAST)
    screen = last_screen(events, int(header["width"]), int(header["height"]))  # type: ignore[call-overload]
    tour = load_tour(default_tour_path())
    last = tour.steps[-1]
    assert "184 in all; peak 2021 (92)" in screen, f"{RERECORD}\n{screen}"
    assert "1 Trends" in screen and "Source: LondonWorld" in screen
    assert f"key {last.key_label} {len(tour.steps)}/{len(tour.steps)}" in screen, f"stale cast: {RERECORD}"
    assert all(word in screen for word in last.caption.split()), f"stale cast: {RERECORD}\n{screen}"
    assert tour.duration * 0.9 < events[-1][0] < tour.duration + 30, f"stale cast: {RERECORD}"  # type: ignore[operator]


def test_recorder_writes_a_cast_of_a_command(tmp_path: Path) -> None:
    argv = [sys.executable, "-c", "import os; print(os.get_terminal_size()); print('héllo')"]
    recording = record(argv, width=100, height=30, title="t", timeout=30)
    assert recording.returncode == 0
    path = write_cast(recording, tmp_path / "sub" / "t.cast")
    header, events = read_cast(path)
    assert header == {"version": 2, "width": 100, "height": 30, "title": "t", "env": {"TERM": "xterm-256color"}}
    text = "".join(str(e[2]) for e in events)
    assert "columns=100, lines=30" in text and "héllo" in text
