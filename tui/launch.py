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

EXIT_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGPIPE)
"""Signals that end the explorer with status 128 + signal."""


def exit_at_once(signum: int, frame: FrameType | None) -> None:
    """A signal handler: end the process now with status 128 + ``signum`` (nothing to clean up yet)."""
    os._exit(128 + signum)


def install_exit_handlers() -> None:
    """Make every exit signal end the process with 128 + signal, silently."""
    for signum in EXIT_SIGNALS:
        signal.signal(signum, exit_at_once)


def main() -> int:
    """``foi-explorer``: the signal handlers first, then the command line."""
    install_exit_handlers()
    from tui.cli import main as cli_main
    from tui.errors import EXIT_UNEXPECTED, debug_requested, record_crash, unexpected_error_line

    try:
        return cli_main()
    except Exception as error:
        if debug_requested():
            raise
        details = record_crash(error, writable="--restricted" not in sys.argv[1:])
        print(unexpected_error_line(error, details), file=sys.stderr)
        return EXIT_UNEXPECTED
