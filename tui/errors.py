"""How the command reports a failure: one line on stderr and exit status 2 (shared by the CLI and serve)."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

EXIT_DATA_ERROR = 2
"""Exit status after bad input or a refused request."""


def fail(message: str) -> int:
    """Print one error line, ``foi-explorer: error: ...``, to stderr; return the exit status 2.

    The message may quote data or a path: it passes the one sanitising function first.
    """
    from tui.data.safe_text import safe_text

    print(f"foi-explorer: error: {safe_text(message, limit=500)}", file=sys.stderr)
    return EXIT_DATA_ERROR


DEBUG_VARIABLE = "FOI_EXPLORER_DEBUG"
"""Set to 1 for full tracebacks instead of one line."""

EXIT_UNEXPECTED = 1
"""Exit status after an unexpected error (a bug)."""


def debug_requested() -> bool:
    """Full tracebacks were asked for (``FOI_EXPLORER_DEBUG=1``)."""
    return os.environ.get(DEBUG_VARIABLE, "") not in ("", "0")


def unexpected_error_line(error: BaseException | None, details: Path | None = None) -> str:
    """One line for an error nobody expected: its type, the first line of its message, where the details are."""
    if error is None:
        return f"foi-explorer: error: stopped by an unexpected error (set {DEBUG_VARIABLE}=1 for details)"
    from tui.data.safe_text import safe_text

    message = safe_text((str(error).splitlines() or [""])[0], limit=200)
    where = f"details in {safe_text(str(details), limit=300)}; " if details is not None else ""
    return f"foi-explorer: error: unexpected {type(error).__name__}: {message} ({where}a bug: please report it)"


CRASH_FILE = "crash.txt"
"""The file in the user's cache folder that keeps the traceback of the last unexpected error."""


def record_crash(error: BaseException, *, writable: bool = True, env: Mapping[str, str] | None = None) -> Path | None:
    """Keep the traceback of an unexpected error in the user's cache folder, for a bug report.

    Returns the file, or None when it is not written (``writable`` False, as in restricted mode) or
    could not be (no cache folder, read-only).
    """
    import traceback

    from tui.data.answer_cache import cache_dir

    if not writable:
        return None
    folder = cache_dir(env)
    if folder is None:
        return None
    path = folder / CRASH_FILE
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path.write_text("".join(traceback.format_exception(error)), encoding="utf-8")
    except OSError:
        return None
    return path
