"""How the command reports a failure: one line on stderr and exit status 2 (shared by the CLI and serve)."""

from __future__ import annotations

import sys

EXIT_DATA_ERROR = 2
"""Exit status after bad input or a refused request."""


def fail(message: str) -> int:
    """Print one error line, ``foi-explorer: error: ...``, to stderr; return the exit status 2."""
    print(f"foi-explorer: error: {message}", file=sys.stderr)
    return EXIT_DATA_ERROR
