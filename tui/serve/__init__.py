"""``foi-explorer serve``: the explorer in web browsers, always restricted, one process per tab.

The page and its assets come from this server only; see :mod:`tui.serve.policy` for what a
browser may do and :mod:`tui.serve.session` for how each tab's explorer is started and ended.
"""

from __future__ import annotations

import os
import shlex
import signal
import sys
from typing import TYPE_CHECKING

from tui.errors import fail

if TYPE_CHECKING:
    from tui.serve.server import ServeConfig

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
DEFAULT_MAX_SESSIONS = 8
"""Explorers running at once; more tabs are told to try later (each explorer takes ~100 MB)."""


def app_argv(*, screen: str = "trends", theme: str | None = None) -> list[str]:
    """The command run for each browser tab: this interpreter, isolated, restricted.

    ``-I`` keeps the working folder and ``PYTHON*`` variables out of the app's import path.
    """
    argv = [sys.executable, "-I", "-m", "tui", "--restricted", "--screen", screen]
    if theme:
        argv += ["--theme", theme]
    return argv


def app_command(*, screen: str = "trends", theme: str | None = None) -> str:
    """:func:`app_argv` as one shell-quoted line (for logs and documentation)."""
    return shlex.join(app_argv(screen=screen, theme=theme))


def serve(
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    *,
    public_url: str | None = None,
    screen: str = "trends",
    theme: str | None = None,
    max_sessions: int = DEFAULT_MAX_SESSIONS,
) -> int:
    """Serve the app over HTTP until SIGINT or SIGTERM; return the exit status (0 after a clean stop).

    ``public_url`` is the address browsers use, when it is not ``http://host:port``.
    """
    try:
        import aiohttp  # noqa: F401
        import textual_serve  # noqa: F401
    except ImportError:
        return fail("serve needs textual-serve: pip install 'foi-explorer[serve]'")
    import asyncio

    from tui.serve.server import ServeConfig

    config = ServeConfig(
        argv=app_argv(screen=screen, theme=theme),
        host=host,
        port=port,
        public_url=public_url,
        max_sessions=max_sessions,
        environ=dict(os.environ),
    )
    try:
        return asyncio.run(_serve_until_stopped(config))
    except OSError as exc:
        return fail(f"cannot serve on {host}:{port}: {exc.strerror or exc}")


async def _serve_until_stopped(config: ServeConfig) -> int:
    import asyncio

    from aiohttp import web

    from tui.serve.server import ExplorerServer

    server = ExplorerServer(config)
    runner = web.AppRunner(server.application(), handle_signals=False, access_log=None)
    await runner.setup()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    try:
        site = web.TCPSite(runner, config.host, config.port, shutdown_timeout=1.0)
        await site.start()
        url = config.public_url or f"http://{config.host}:{config.port}"
        print(f"foi-explorer serve: serving on {url} (ctrl+c to stop)", file=sys.stderr, flush=True)
        await stop.wait()
        print("foi-explorer serve: stopping", file=sys.stderr, flush=True)
    finally:
        await runner.cleanup()
        server.kill_stragglers()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(signum)
    return 0
