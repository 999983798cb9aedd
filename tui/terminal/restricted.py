"""Restricted mode, for a shared SSH or browser service: what the process may see and need.

The app itself enforces the rest (no screenshot command, no suspend, no URL opening):
see :class:`tui.terminal.restricted_app.RestrictedApp`. Files may only be written through :mod:`tui.export.target`.
This module must not import Textual: it runs before Textual is imported, so that Textual
reads the cleaned environment.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, MutableMapping, Sequence
from typing import Any, TextIO

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

LOADER_VARIABLES = frozenset({"LD_PRELOAD", "LD_LIBRARY_PATH", "LD_AUDIT"})
"""Dynamic-loader settings that load code into any program started from here."""

MAX_COLUMNS = 500
"""Widest terminal restricted mode believes ``COLUMNS`` about."""

MAX_LINES = 200
"""Tallest terminal restricted mode believes ``LINES``/``ROWS`` about."""


def code_running_variables(environ: Mapping[str, str]) -> list[str]:
    """Variables that make Python (or the loader) run or import code of the caller's choosing.

    Every ``PYTHON*`` (``PYTHONINSPECT`` opens a REPL at exit, ``PYTHONSTARTUP``, ``PYTHONPATH``,
    ``PYTHONHOME``, ``PYTHONUSERBASE``, ``PYTHONBREAKPOINT``, ``PYTHONWARNINGS``...) and ``LD_*`` loaders.
    """
    return sorted(n for n in environ if n.startswith("PYTHON") or n in LOADER_VARIABLES)


def needs_isolation(flags: Any, environ: Mapping[str, str]) -> bool:
    """True unless Python runs isolated (``-I``: no ``PYTHON*``, no user site, no working folder)
    in an environment free of code-running variables."""
    return not (flags.isolated and flags.ignore_environment) or bool(code_running_variables(environ))


def isolated_command(argv: Sequence[str], executable: str = sys.executable) -> list[str]:
    """This program again, with ``-I``: ``python -I -m tui ARGS``."""
    return [executable, "-I", "-m", "tui", *argv]


def isolated_environment(environ: Mapping[str, str]) -> dict[str, str]:
    """``environ`` without the variables of :func:`code_running_variables`."""
    unsafe = set(code_running_variables(environ))
    return {name: value for name, value in environ.items() if name not in unsafe}


def reexec_isolated(argv: Sequence[str]) -> None:
    """Replace this process with ``python -I -m tui ARGS`` in a scrubbed environment; never returns.

    What ``PYTHONINSPECT`` would do at exit, or any ``PYTHON*`` setting in the new process, is
    gone. Code that ``PYTHONPATH`` or ``PYTHONHOME`` imported *before* this ran is beyond reach:
    the README's forced command therefore starts ``python -I`` itself.
    """
    sys.stdout.flush()
    sys.stderr.flush()
    os.execve(sys.executable, isolated_command(argv), isolated_environment(os.environ))


def clamp_terminal_size(environ: MutableMapping[str, str]) -> None:
    """Keep ``COLUMNS``, ``LINES`` and ``ROWS`` within 500x200, in place; drop values that are not numbers.

    A client that sets ``COLUMNS=100000`` would otherwise have the app lay out (and hold in
    memory) a screen of billions of cells.
    """
    for name, largest in (("COLUMNS", MAX_COLUMNS), ("LINES", MAX_LINES), ("ROWS", MAX_LINES)):
        if name not in environ:
            continue
        text = environ[name].strip()
        if text.isascii() and text.isdigit() and len(text) <= 9 and int(text) > 0:
            environ[name] = str(min(int(text), largest))
        else:
            del environ[name]


def clean_environment(environ: MutableMapping[str, str]) -> None:
    """Drop what a restricted session must not act on, in place.

    ``SSH_ORIGINAL_COMMAND`` (the command the SSH client asked for) is removed unread: the
    forced command runs the explorer and nothing else, and records nothing of it.
    """
    environ.pop("SSH_ORIGINAL_COMMAND", None)
    for name in code_running_variables(environ):
        del environ[name]
    clamp_terminal_size(environ)
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
