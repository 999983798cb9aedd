"""The nav bar fits 80 columns with every screen registered, and more."""

from __future__ import annotations

from dataclasses import replace

from tui.screen_registry import SCREENS
from tui.widgets.nav_bar import nav_text

MORE = replace(SCREENS[0], key=str(len(SCREENS) + 1), mode="more", label="More")
"""A screen beyond those registered (the multi-dataset work adds one), to leave room for it."""


def test_every_screen_is_named_within_80_columns() -> None:
    for specs in (SCREENS, (*SCREENS, MORE)):
        text = nav_text("foi-explorer", specs, "trends", 80).plain
        assert len(text) <= 80, text
        for spec in specs:
            assert f"{spec.key} {spec.label}" in text


def test_the_title_shows_when_there_is_room() -> None:
    assert nav_text("foi-explorer", SCREENS, "trends", 120).plain.startswith(" foi-explorer ")


def test_the_current_screen_is_highlighted() -> None:
    text = nav_text("foi-explorer", SCREENS, "ranks", 80)
    highlighted = [text.plain[s.start : s.end] for s in text.spans if "reverse" in str(s.style)]
    assert [h.strip() for h in highlighted] == [f"{SCREENS[1].key} {SCREENS[1].label}"]
