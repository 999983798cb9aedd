"""``foi-explorer serve``: the explorer in web browsers, through textual-serve, always restricted."""

from __future__ import annotations

import shlex
import sys

from tui.errors import fail

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def app_command(*, screen: str = "trends", theme: str | None = None) -> str:
    """The shell command textual-serve runs for each browser: this interpreter, isolated, restricted.

    ``-I`` keeps the working folder and ``PYTHON*`` variables out of the app's import path.
    """
    argv = [sys.executable, "-I", "-m", "tui", "--restricted", "--screen", screen]
    if theme:
        argv += ["--theme", theme]
    return shlex.join(argv)


def serve(
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    *,
    public_url: str | None = None,
    screen: str = "trends",
    theme: str | None = None,
) -> int:
    """Serve the app over HTTP until interrupted; return the exit status.

    ``public_url`` is the address browsers use, when it is not ``http://host:port``.
    """
    try:
        from textual_serve.server import Server
    except ImportError:
        return fail("serve needs textual-serve: pip install 'foi-explorer[serve]'")
    command = app_command(screen=screen, theme=theme)
    server = Server(command, host=host, port=port, title="foi-explorer", public_url=public_url)
    try:
        server.serve()
    except OSError as exc:
        return fail(f"cannot serve on {host}:{port}: {exc.strerror or exc}")
    return 0
