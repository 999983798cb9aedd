"""The process entry point: exit statuses for signals from the very first moment, then the CLI.

Until the app takes the terminal, SIGINT, SIGTERM, SIGHUP and SIGPIPE end the process at once with
status 128 + signal (130, 143, 129, 141): nothing has been drawn, so there is nothing to restore
and no traceback to print. While the app runs, its driver handles them (restoring the terminal),
and hands them back here when it gives the terminal back. Only the process entry points (the
console script and ``python -m tui``) install this; importing :mod:`tui` changes no signal handler.
"""

from __future__ import annotations

import os
import signal
import sys
from types import FrameType

DEBUG_VARIABLE = "FOI_EXPLORER_DEBUG"
"""Set to 1 for full tracebacks instead of one line."""

EXIT_UNEXPECTED = 1
"""Exit status after an unexpected error (a bug)."""

EXIT_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGPIPE)
"""Signals that end the explorer with status 128 + signal."""


def exit_at_once(signum: int, frame: FrameType | None) -> None:
    """A signal handler: end the process now with status 128 + ``signum`` (nothing to clean up yet)."""
    os._exit(128 + signum)


def install_exit_handlers() -> None:
    """Make every exit signal end the process with 128 + signal, silently."""
    for signum in EXIT_SIGNALS:
        signal.signal(signum, exit_at_once)


def debug_requested() -> bool:
    """Full tracebacks were asked for (``FOI_EXPLORER_DEBUG=1``)."""
    return os.environ.get(DEBUG_VARIABLE, "") not in ("", "0")


def unexpected_error_line(error: BaseException | None) -> str:
    """One line for an error nobody expected: its type and the first line of its message."""
    if error is None:
        return f"foi-explorer: error: stopped by an unexpected error (set {DEBUG_VARIABLE}=1 for details)"
    message = (str(error).splitlines() or [""])[0][:200]
    return f"foi-explorer: error: unexpected {type(error).__name__}: {message} (a bug: please report it)"


def main() -> int:
    """``foi-explorer``: the signal handlers first, then the command line."""
    install_exit_handlers()
    from tui.cli import main as cli_main

    try:
        return cli_main()
    except Exception as error:
        if debug_requested():
            raise
        print(unexpected_error_line(error), file=sys.stderr)
        return EXIT_UNEXPECTED
