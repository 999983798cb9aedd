"""Deciding the terminal's abilities from the environment: colour depth, NO_COLOR, locale."""

from __future__ import annotations

import pytest

from tui.terminal import environment as terminal
from tui.terminal.environment import (
    Terminal,
    colour_system,
    detect,
    locale_is_utf8,
    no_color_requested,
    prepare_environment,
)


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"TERM": "xterm-256color", "COLORTERM": "truecolor"}, "truecolor"),
        ({"TERM": "xterm", "COLORTERM": "24bit"}, "truecolor"),
        ({"TERM": "xterm-256color"}, "256"),
        ({"TERM": "tmux-256color"}, "256"),
        ({"TERM": "screen-256color"}, "256"),
        ({"TERM": "xterm"}, "standard"),
        ({"TERM": "screen"}, "standard"),
        ({"TERM": "tmux"}, "standard"),
        ({"TERM": "linux"}, "standard"),
        ({"TERM": "vt100"}, "none"),
        ({"TERM": "dumb", "COLORTERM": "truecolor"}, "none"),
        ({}, "none"),
        ({"TERM": "xterm-256color", "COLORTERM": "truecolor", "NO_COLOR": "1"}, "none"),
        ({"TERM": "xterm", "NO_COLOR": ""}, "standard"),
        ({"TEXTUAL_DRIVER": "textual.drivers.web_driver:WebDriver"}, "truecolor"),
    ],
)
def test_colour_system(env: dict[str, str], expected: str) -> None:
    assert colour_system(env) == expected


def test_no_color_flag_wins() -> None:
    assert colour_system({"TERM": "xterm-256color", "COLORTERM": "truecolor"}, no_color=True) == "none"


@pytest.mark.parametrize(("value", "expected"), [("1", True), ("0", True), ("yes", True), ("", False), (None, False)])
def test_no_color_follows_no_color_org(value: str | None, expected: bool) -> None:
    env = {} if value is None else {"NO_COLOR": value}
    assert no_color_requested(env) is expected


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"LANG": "en_GB.UTF-8"}, True),
        ({"LANG": "C.utf8"}, True),
        ({"LANG": "de_DE.utf-8@euro"}, True),
        ({"LANG": "C"}, False),
        ({"LANG": "POSIX"}, False),
        ({"LANG": "en_GB.ISO-8859-1"}, False),
        ({}, False),
        ({"LANG": "en_GB.UTF-8", "LC_ALL": "C"}, False),
        ({"LANG": "C", "LC_CTYPE": "en_GB.UTF-8"}, True),
        ({"LANG": "en_GB.UTF-8", "LC_CTYPE": "C"}, False),
        ({"LANG": "C", "LC_ALL": ""}, False),
    ],
)
def test_locale_is_utf8(env: dict[str, str], expected: bool) -> None:
    assert locale_is_utf8(env) is expected


def test_a_locale_python_coerced_is_not_the_users() -> None:
    """LANG=C: Python sets LC_CTYPE=C.UTF-8 itself (PEP 538); the user still asked for C."""
    env = {"LANG": "C", "LC_CTYPE": "C.UTF-8"}
    assert locale_is_utf8(env) is True
    assert locale_is_utf8(env, coerced=True) is False
    assert locale_is_utf8({"LANG": "en_GB.UTF-8", "LC_CTYPE": "C.UTF-8"}, coerced=True) is True


def test_detect_combines_flags_and_environment(monkeypatch) -> None:
    monkeypatch.setattr(terminal, "python_coerced_locale", lambda env: False)
    env = {"TERM": "xterm", "LANG": "en_GB.UTF-8"}
    assert detect(env) == Terminal(colours="standard", ascii_only=False)
    assert detect(env, ascii_only=True, no_color=True, low_bandwidth=True) == Terminal("none", True, True)
    assert detect({"TERM": "xterm-256color", "LANG": "C"}).ascii_only
    assert not detect({"TEXTUAL_DRIVER": "x:Y"}).ascii_only


def test_prepare_environment() -> None:
    env = {"NO_COLOR": "", "TERM": "dumb"}
    prepare_environment(Terminal(colours="none"), env)
    assert env == {"TERM": "dumb", "TEXTUAL_COLOR_SYSTEM": "standard", "TEXTUAL_ANIMATIONS": "none"}
    env = {"TEXTUAL_ANIMATIONS": "full"}
    prepare_environment(Terminal(colours="256"), env)
    assert env == {"TEXTUAL_COLOR_SYSTEM": "256", "TEXTUAL_ANIMATIONS": "full"}
    env = {"TEXTUAL_DRIVER": "x:Y", "TEXTUAL_COLOR_SYSTEM": "truecolor"}
    prepare_environment(Terminal(), env)
    assert env["TEXTUAL_COLOR_SYSTEM"] == "truecolor"
