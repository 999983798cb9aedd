"""Headless Chromium (Debian's package), driven over the DevTools protocol with aiohttp.

No browser download and no test framework: Chromium is started with a fresh profile and
``--remote-debugging-port=0`` on loopback, and the port it picked is read from the profile's
``DevToolsActivePort`` file.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import itertools
import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--mute-audio",
    "--window-size=1280,800",
    "--remote-debugging-address=127.0.0.1",
    "--remote-debugging-port=0",
)


def chromium_path() -> str | None:
    """Debian's ``chromium``, if installed."""
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


class Page:
    """One tab, attached over a flat DevTools session, recording its websocket frames."""

    def __init__(self, browser: Browser, target_id: str, session_id: str) -> None:
        self.browser = browser
        self.target_id = target_id
        self.session_id = session_id
        self.received = bytearray()
        """Every binary websocket frame the page received, in order (the terminal's output)."""
        self.sent: list[str] = []
        """Every text websocket frame the page sent (keys, sizes, pings), as sent."""
        self.websocket_urls: list[str] = []
        self.requests: list[str] = []
        """The URL of every request the page made."""
        self.closed_websockets = 0

    async def call(self, method: str, **params: Any) -> dict[str, Any]:
        """A DevTools command in this tab."""
        return await self.browser.call(method, session_id=self.session_id, **params)

    def on_event(self, method: str, params: dict[str, Any]) -> None:
        if method == "Network.webSocketFrameReceived":
            frame = params["response"]
            if frame.get("opcode") == 2:
                self.received.extend(base64.b64decode(frame["payloadData"]))
        elif method == "Network.webSocketFrameSent":
            self.sent.append(params["response"]["payloadData"])
        elif method == "Network.requestWillBeSent":
            self.requests.append(params["request"]["url"])
        elif method == "Network.webSocketCreated":
            self.websocket_urls.append(params["url"])
        elif method == "Network.webSocketClosed":
            self.closed_websockets += 1

    async def press(self, key: str) -> None:
        """Type one printable key on the focused terminal."""
        for kind in ("keyDown", "keyUp"):
            params: dict[str, Any] = {"type": kind, "key": key}
            if kind == "keyDown":
                params["text"] = key
            await self.call("Input.dispatchKeyEvent", **params)

    async def evaluate(self, expression: str) -> Any:
        """A JavaScript expression's value in the page."""
        result = await self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result.get("result", {}).get("value")

    async def close(self) -> None:
        """Close the tab, as a user does."""
        await self.browser.call("Target.closeTarget", targetId=self.target_id)


class Browser:
    """A running headless Chromium and its DevTools websocket."""

    def __init__(self, process: subprocess.Popen[bytes], websocket: aiohttp.ClientWebSocketResponse) -> None:
        self.process = process
        self.websocket = websocket
        self._ids = itertools.count(1)
        self._waiting: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self._pages: dict[str, Page] = {}
        self.console: list[str] = []
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        async for message in self.websocket:
            if message.type != aiohttp.WSMsgType.TEXT:
                continue
            data = message.json()
            if "id" in data:
                future = self._waiting.pop(data["id"], None)
                if future is not None and not future.done():
                    if "error" in data:
                        future.set_exception(RuntimeError(f"DevTools error: {data['error']}"))
                    else:
                        future.set_result(data.get("result", {}))
                continue
            page = self._pages.get(data.get("sessionId", ""))
            if page is not None:
                page.on_event(data["method"], data.get("params", {}))
                if data["method"] in ("Runtime.exceptionThrown", "Log.entryAdded"):
                    self.console.append(str(data.get("params")))

    async def call(self, method: str, *, session_id: str | None = None, **params: Any) -> dict[str, Any]:
        """A DevTools command (browser-wide, or in a tab's session); its result."""
        call_id = next(self._ids)
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._waiting[call_id] = future
        message: dict[str, Any] = {"id": call_id, "method": method, "params": params}
        if session_id:
            message["sessionId"] = session_id
        await self.websocket.send_json(message)
        return await asyncio.wait_for(future, 30)

    async def open(self, url: str) -> Page:
        """A new tab recording its network, then navigated to ``url``."""
        target = await self.call("Target.createTarget", url="about:blank")
        attached = await self.call("Target.attachToTarget", targetId=target["targetId"], flatten=True)
        page = Page(self, target["targetId"], attached["sessionId"])
        self._pages[page.session_id] = page
        await page.call("Network.enable")
        await page.call("Log.enable")
        await page.call("Runtime.enable")
        await page.call("Page.enable")
        await page.call("Page.navigate", url=url)
        return page


def _devtools_port(profile: Path, process: subprocess.Popen[bytes], timeout: float) -> tuple[int, str]:
    marker = profile / "DevToolsActivePort"
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if process.poll() is not None:
            raise RuntimeError(f"chromium exited with status {process.returncode}")
        with contextlib.suppress(OSError, ValueError):
            port, path = marker.read_text().split("\n")[:2]
            return int(port), path
        time.sleep(0.05)
    raise TimeoutError(f"chromium wrote no {marker} within {timeout}s")


def _end_group(process: subprocess.Popen[bytes]) -> None:
    """End Chromium and every helper process it started (its own session: the group's id is its pid)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)  # helpers that outlived it


@contextlib.asynccontextmanager
async def chromium(executable: str, *, timeout: float = 30.0) -> AsyncIterator[Browser]:
    """Headless Chromium with a fresh profile, ended (and its profile removed) afterwards."""
    # A helper process of Chromium's may still be writing its profile as it ends: the removal never fails the test.
    with tempfile.TemporaryDirectory(prefix="foi-chromium-", ignore_cleanup_errors=True) as profile_dir:
        profile = Path(profile_dir)
        process = subprocess.Popen(
            [executable, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            port, path = await asyncio.to_thread(_devtools_port, profile, process, timeout)
            async with aiohttp.ClientSession() as http:
                async with http.ws_connect(f"ws://127.0.0.1:{port}{path}", max_msg_size=0) as websocket:
                    browser = Browser(process, websocket)
                    try:
                        yield browser
                    finally:
                        browser._reader.cancel()
        finally:
            _end_group(process)
