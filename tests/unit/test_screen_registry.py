"""The screen registry: every line names a real screen class and stylesheet, and the app derives from it."""

from __future__ import annotations

from pathlib import Path

import pytest

import tui
from tui.screen_registry import SCREENS, resolve_screen, spec_for
from tui.screens.base import FoiScreen


@pytest.mark.parametrize("spec", SCREENS, ids=[s.mode for s in SCREENS])
def test_each_line_names_a_screen_class_and_its_stylesheet(spec) -> None:
    assert issubclass(spec.load(), FoiScreen)
    assert (Path(tui.__file__).parent / spec.css_path).is_file()


def test_keys_modes_and_labels_are_unique() -> None:
    for field in ("key", "mode", "label"):
        values = [getattr(s, field) for s in SCREENS]
        assert len(set(values)) == len(values), field


def test_the_app_binds_a_key_and_a_stylesheet_per_screen() -> None:
    from tui.app import FoiApp

    bound = {b.key: b.action for b in FoiApp.BINDINGS if not isinstance(b, tuple)}  # type: ignore[union-attr]
    for spec in SCREENS:
        assert bound[spec.key] == f"switch_mode('{spec.mode}')"
        assert spec.css_path in FoiApp.CSS_PATH


def test_resolve_screen_and_spec_for() -> None:
    assert resolve_screen("Outcomes") == resolve_screen("3") == "outcomes"
    assert resolve_screen("nope") is None
    assert spec_for("ranks") is not None and spec_for("nope") is None
