"""The web server of ``serve``: one page, its local assets, and one explorer per websocket.

Built on aiohttp and textual-serve's browser side (``textual.js``, xterm's stylesheet and the
Roboto Mono fonts, all served from here); the server side is ours, so that every rule of
:mod:`tui.serve.policy` applies and every child process ends with its tab.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import sys
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from aiohttp import WSMsgType, web

from tui.serve.policy import (
    MAX_MESSAGE_BYTES,
    SECURITY_HEADERS,
    BrowserMessage,
    clamp_size,
    host_allowed,
    origin_allowed,
    parse_message,
)
from tui.serve.session import AppSession

PAGE_DIR = Path(__file__).parent / "static"
"""Our page and its stylesheet."""

HEARTBEAT = 15.0
"""Seconds between websocket pings; a browser that stops answering is disconnected (and its app ended)."""

WEB_DRIVER_ENV = {
    "TEXTUAL_DRIVER": "textual.drivers.web_driver:WebDriver",
    "TEXTUAL_FPS": "60",
    "TEXTUAL_COLOR_SYSTEM": "truecolor",
    "TERM_PROGRAM": "textual",
    "LANG": "C.UTF-8",
}
"""What the child needs to draw for textual.js (a UTF-8, 24-bit colour terminal)."""

PASSED_ENV = ("PATH", "HOME", "TMPDIR")
"""The only variables of the server's environment a child sees."""


def browser_assets() -> dict[str, tuple[Path, str]]:
    """Every file the page loads, by the name it has under ``/static/``, with its content type."""
    import textual_serve

    theirs = Path(textual_serve.__file__).parent / "static"
    return {
        "textual.js": (theirs / "js" / "textual.js", "text/javascript"),
        "xterm.css": (theirs / "css" / "xterm.css", "text/css"),
        "RobotoMono-VariableFont_wght.ttf": (theirs / "fonts" / "RobotoMono-VariableFont_wght.ttf", "font/ttf"),
        "RobotoMono-Italic-VariableFont_wght.ttf": (
            theirs / "fonts" / "RobotoMono-Italic-VariableFont_wght.ttf",
            "font/ttf",
        ),
        "page.css": (PAGE_DIR / "page.css", "text/css"),
    }


def child_environment(width: int, height: int, environ: Mapping[str, str]) -> dict[str, str]:
    """The environment of one child: a few of ours, the web driver's settings and the (clamped) size."""
    env = {name: environ[name] for name in PASSED_ENV if name in environ}
    env.update(WEB_DRIVER_ENV)
    env["COLUMNS"], env["ROWS"] = str(width), str(height)
    return env


@dataclass
class ServeConfig:
    """How the server runs: the child's command, where it listens, and how many tabs at once."""

    argv: Sequence[str]
    host: str
    port: int
    public_url: str | None = None
    max_sessions: int = 8
    environ: Mapping[str, str] = field(default_factory=dict)


@dataclass(eq=False)
class _Tab:
    websocket: web.WebSocketResponse
    session: AppSession
    stopping: asyncio.Task[int | None] | None = None

    def stop(self) -> asyncio.Task[int | None]:
        """End the child (once, however many ask)."""
        if self.stopping is None:
            self.stopping = asyncio.ensure_future(self.session.stop())
        return self.stopping


class ExplorerServer:
    """The aiohttp application and the tabs it serves."""

    def __init__(self, config: ServeConfig) -> None:
        self.config = config
        self.tabs: set[_Tab] = set()
        self.started: set[AppSession] = set()
        """Sessions started and not yet reaped, to kill any straggler when the server stops."""
        self._reserved = 0
        self._assets = browser_assets()
        self._page = (PAGE_DIR / "index.html").read_text(encoding="utf-8")

    def application(self) -> web.Application:
        """The aiohttp application: ``/``, ``/static/<file>`` and ``/ws``; nothing else."""
        app = web.Application(middlewares=[self._check_host])
        app.router.add_get("/", self.handle_index)
        app.router.add_get("/static/{name}", self.handle_asset)
        app.router.add_get("/ws", self.handle_websocket)
        app.on_response_prepare.append(_add_security_headers)
        app.on_shutdown.append(self._close_all)
        return app

    @web.middleware
    async def _check_host(
        self, request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        if not host_allowed(request.headers.get("Host"), self.config.host, self.config.port, self.config.public_url):
            raise web.HTTPMisdirectedRequest(text="unknown host\n")
        return await handler(request)

    async def handle_index(self, request: web.Request) -> web.Response:
        """The page: a terminal connected to ``/ws`` on this server."""
        base = self.config.public_url.rstrip("/") if self.config.public_url else f"http://{request.host}"
        scheme, _, rest = base.partition("://")
        websocket_url = ("wss" if scheme == "https" else "ws") + "://" + rest + "/ws"
        body = self._page.replace("{websocket_url}", html.escape(websocket_url, quote=True))
        return web.Response(text=body, content_type="text/html")

    async def handle_asset(self, request: web.Request) -> web.FileResponse:
        """One of the page's files, by exact name (no folders, no listings)."""
        asset = self._assets.get(request.match_info["name"])
        if asset is None:
            raise web.HTTPNotFound(text="not found\n")
        path, content_type = asset
        return web.FileResponse(path, headers={"Content-Type": content_type})

    async def handle_websocket(self, request: web.Request) -> web.StreamResponse:
        """One explorer for this websocket, ended when the websocket closes."""
        if not origin_allowed(request.headers.get("Origin"), request.host, self.config.public_url):
            raise web.HTTPForbidden(text="websocket from another site refused\n")
        if len(self.tabs) + self._reserved >= self.config.max_sessions:
            raise web.HTTPServiceUnavailable(text="too many sessions: try again later\n")
        self._reserved += 1
        try:
            websocket = web.WebSocketResponse(heartbeat=HEARTBEAT, max_msg_size=MAX_MESSAGE_BYTES)
            await websocket.prepare(request)
            width, height = clamp_size(request.query.get("width"), request.query.get("height"))
            session = AppSession(
                self.config.argv,
                child_environment(width, height, self.config.environ),
                send_bytes=lambda data: _send(websocket, data),
                on_exit=lambda: _close_soon(websocket),
            )
            tab = _Tab(websocket, session)
            self.tabs.add(tab)
            self.started.add(session)
        finally:
            self._reserved -= 1
        try:
            await session.start()
            _log(f"session {session.pid} started ({width}x{height}); {len(self.tabs)} open")
            await self._relay_browser(websocket, session)
        finally:
            status = await _uncancellable(tab.stop())
            self.tabs.discard(tab)
            self.started.discard(session)
            _log(f"session {session.pid} ended (status {status}); {len(self.tabs)} open")
            await websocket.close()
        return websocket

    @staticmethod
    async def _relay_browser(websocket: web.WebSocketResponse, session: AppSession) -> None:
        async for raw in websocket:
            if raw.type != WSMsgType.TEXT:
                continue
            message = parse_message(raw.data)
            if message is not None:
                await _act(message, websocket, session)

    def kill_stragglers(self) -> None:
        """After shutdown: no child may outlive the server, whatever was cancelled on the way."""
        for session in list(self.started):
            session.kill_now()

    async def _close_all(self, app: web.Application) -> None:
        """On shutdown: close every websocket and end every child, all at once."""
        tabs = list(self.tabs)
        for tab in tabs:
            _close_soon(tab.websocket)
        await asyncio.gather(*(tab.stop() for tab in tabs), return_exceptions=True)


async def _act(message: BrowserMessage, websocket: web.WebSocketResponse, session: AppSession) -> None:
    if message.kind == "stdin":
        await session.send_keys(message.text)
    elif message.kind == "resize":
        await session.send_meta({"type": "resize", "width": message.width, "height": message.height})
    elif message.kind in ("focus", "blur"):
        await session.send_meta({"type": message.kind})
    elif message.kind == "ping":
        with contextlib.suppress(ConnectionError, RuntimeError):
            await websocket.send_json(["pong", message.text])


async def _send(websocket: web.WebSocketResponse, data: bytes) -> None:
    if websocket.closed:
        return
    with contextlib.suppress(ConnectionError, RuntimeError):
        await websocket.send_bytes(data)


_closing: set[asyncio.Future[bool]] = set()
"""Websocket closes under way (kept so they are not collected before they finish)."""


def _close_soon(websocket: web.WebSocketResponse) -> None:
    if not websocket.closed:
        closing = asyncio.ensure_future(websocket.close(code=1001))
        _closing.add(closing)
        closing.add_done_callback(_closing.discard)


async def _uncancellable(task: asyncio.Task[int | None]) -> int | None:
    """Wait for ``task`` even if the waiter is cancelled (the child must be reaped)."""
    while True:
        try:
            return await asyncio.shield(task)
        except asyncio.CancelledError:
            if task.done():
                return task.result()


async def _add_security_headers(request: web.Request, response: web.StreamResponse) -> None:
    response.headers.update(SECURITY_HEADERS)


def _log(line: str) -> None:
    print(f"foi-explorer serve: {line}", file=sys.stderr, flush=True)
