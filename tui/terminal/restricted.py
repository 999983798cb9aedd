"""Restricted mode, for a shared SSH or browser service: what the process may see and need.

The app itself enforces the rest (no screenshot command, no suspend, no URL opening):
see :class:`tui.terminal.restricted_app.RestrictedApp`. Files may only be written through :mod:`tui.export.target`.
This module must not import Textual: it runs before Textual is imported, so that Textual
reads the cleaned environment.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import TextIO

WEB_DRIVER = "textual.drivers.web_driver:WebDriver"
"""The Textual driver textual-serve sets for its app processes (the only driver allowed)."""

KEPT_TEXTUAL_VARIABLES = frozenset(
    {"TEXTUAL_ANIMATIONS", "TEXTUAL_COLOR_SYSTEM", "TEXTUAL_FPS", "TEXTUAL_THEME", "TEXTUAL_DRIVER"}
)
"""Textual settings that only change how the app looks; every other ``TEXTUAL*`` is dropped.

Dropped, for instance: ``TEXTUAL`` (devtools, debug), ``TEXTUAL_LOG`` (writes a log file
anywhere), ``TEXTUAL_SCREENSHOT*`` (writes files), ``TEXTUAL_ALLOW_SIGNALS`` (would let
ctrl+z suspend and ctrl+\\ dump core), ``TEXTUAL_PRESS`` (types keys).
"""

NO_TERMINAL = "restricted mode needs a terminal: connect with ssh -t"


def clean_environment(environ: MutableMapping[str, str]) -> None:
    """Drop what a restricted session must not act on, in place.

    ``SSH_ORIGINAL_COMMAND`` (the command the SSH client asked for) is removed unread: the
    forced command runs the explorer and nothing else, and records nothing of it.
    """
    environ.pop("SSH_ORIGINAL_COMMAND", None)
    for name in [n for n in environ if n.startswith("TEXTUAL")]:
        if name not in KEPT_TEXTUAL_VARIABLES:
            del environ[name]
    if environ.get("TEXTUAL_DRIVER", WEB_DRIVER) != WEB_DRIVER:
        del environ["TEXTUAL_DRIVER"]


def has_terminal(stdin: TextIO, stdout: TextIO, environ: MutableMapping[str, str]) -> bool:
    """Whether the app has a user at a terminal: a tty both ways, or a browser via textual-serve."""
    if environ.get("TEXTUAL_DRIVER") == WEB_DRIVER:
        return True
    return _isatty(stdin) and _isatty(stdout)


def _isatty(stream: TextIO | None) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (ValueError, OSError):
        return False
