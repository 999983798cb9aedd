"""What the terminal can do, read from the environment and the command line, before Textual loads.

Pure functions of an environment mapping (testable without a terminal), plus
:func:`prepare_environment`, which sets the ``TEXTUAL_*`` variables Textual reads once at import.
Never imports Textual.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass
from typing import Literal

ColourSystem = Literal["none", "standard", "256", "truecolor"]
"""``none``: no colour at all; ``standard``: the 16 ANSI colours; ``256``; ``truecolor``: 24-bit."""

MONO_TERMS = frozenset({"dumb", "unknown", "vt52", "vt100", "vt102", "vt220", "vt320", "ansi-mono"})
"""Terminal types that show no colour (bold, reverse and underline only)."""

COERCED_CTYPES = frozenset({"C.UTF-8", "C.utf8", "UTF-8"})
"""What Python writes into ``LC_CTYPE`` when it coerces a C locale at start-up (PEP 538)."""


@dataclass(frozen=True)
class Terminal:
    """The terminal's abilities and the user's wishes, decided once at start-up."""

    colours: ColourSystem = "truecolor"
    ascii_only: bool = False
    low_bandwidth: bool = False

    @property
    def mono(self) -> bool:
        """No colour escape sequences at all."""
        return self.colours == "none"

    @property
    def ansi_theme(self) -> bool:
        """Use the terminal's own palette (an ANSI theme) rather than downgraded RGB."""
        return self.colours in ("none", "standard")


def no_color_requested(env: Mapping[str, str]) -> bool:
    """True when ``NO_COLOR`` is set to a non-empty value (https://no-color.org)."""
    return bool(env.get("NO_COLOR", ""))


def colour_system(env: Mapping[str, str], *, no_color: bool = False) -> ColourSystem:
    """The colour depth to use, from ``NO_COLOR``, ``COLORTERM`` and ``TERM``.

    ``COLORTERM=truecolor`` (or ``24bit``) allows 24-bit colour; a ``TERM`` ending in
    ``256color`` allows 256; monochrome terminal types (``dumb``, ``vt100``...) and ``NO_COLOR``
    get none; anything else (``xterm``, ``screen``, ``tmux``, ``linux``) gets the 16 ANSI colours.
    """
    term = env.get("TERM", "").strip().lower()
    if browser(env) and not (no_color or no_color_requested(env)):
        return "truecolor"
    if no_color or no_color_requested(env) or not term or term in MONO_TERMS:
        return "none"
    if env.get("COLORTERM", "").strip().lower() in ("truecolor", "24bit"):
        return "truecolor"
    if term.endswith(("256color", "256colour")):
        return "256"
    return "standard"


def browser(env: Mapping[str, str]) -> bool:
    """True when Textual is told to draw through another driver (textual-serve's web driver)."""
    return bool(env.get("TEXTUAL_DRIVER", ""))


def locale_name(env: Mapping[str, str], *, coerced: bool = False) -> str:
    """The locale that decides the character set: ``LC_ALL``, else ``LC_CTYPE``, else ``LANG``.

    With ``coerced`` (Python replaced a C locale with ``C.UTF-8`` at start-up), an ``LC_CTYPE``
    of ``C.UTF-8`` is Python's doing, not the user's, and is skipped.
    """
    for name in ("LC_ALL", "LC_CTYPE", "LANG"):
        value = env.get(name, "")
        if name == "LC_CTYPE" and coerced and value in COERCED_CTYPES:
            continue
        if value:
            return value
    return "C"


def locale_is_utf8(env: Mapping[str, str], *, coerced: bool = False) -> bool:
    """True when the locale's character set is UTF-8 (e.g. ``en_GB.UTF-8``, ``C.utf8``)."""
    codeset = locale_name(env, coerced=coerced).partition(".")[2].partition("@")[0]
    return codeset.lower().replace("-", "") == "utf8"


def python_coerced_locale(env: Mapping[str, str]) -> bool:
    """Did Python coerce a C locale to UTF-8 at start-up (PEP 538/540)?

    Python then runs in UTF-8 mode without being asked to, and has set ``LC_CTYPE`` itself.
    """
    return bool(sys.flags.utf8_mode) and "PYTHONUTF8" not in env and env.get("LC_CTYPE", "") in COERCED_CTYPES


def detect(
    env: Mapping[str, str] | None = None,
    *,
    no_color: bool = False,
    ascii_only: bool = False,
    low_bandwidth: bool = False,
) -> Terminal:
    """Decide the terminal's abilities from the environment and the command-line flags."""
    env = os.environ if env is None else env
    utf8 = browser(env) or locale_is_utf8(env, coerced=python_coerced_locale(env))
    return Terminal(
        colours=colour_system(env, no_color=no_color),
        ascii_only=ascii_only or not utf8,
        low_bandwidth=low_bandwidth,
    )


def prepare_environment(terminal: Terminal, env: MutableMapping[str, str] | None = None) -> None:
    """Set what Textual reads once at import: colour depth and animations.

    Call before importing Textual. ``NO_COLOR`` is removed when set but empty, so Textual
    (which treats any ``NO_COLOR`` as set) agrees with https://no-color.org.
    """
    env = os.environ if env is None else env
    if "NO_COLOR" in env and not env["NO_COLOR"]:
        del env["NO_COLOR"]
    rich_system = {"none": "standard", "standard": "standard", "256": "256", "truecolor": "truecolor"}
    if not browser(env):
        env["TEXTUAL_COLOR_SYSTEM"] = rich_system[terminal.colours]
    env.setdefault("TEXTUAL_ANIMATIONS", "none")
