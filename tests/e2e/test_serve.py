"""``foi-explorer serve``: a real server on 127.0.0.1 answers a browser's requests."""

from __future__ import annotations

import asyncio
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyte
import pytest

from tests.e2e.processes import stop
from tests.e2e.pty_session import installed_command

pytestmark = pytest.mark.e2e

HOST = "127.0.0.1"


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def get(url: str, timeout: float = 10.0) -> tuple[int, str, str]:
    """Poll ``url`` until it answers; return the status, content type and body."""
    end = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.status, response.headers.get("Content-Type", ""), response.read().decode()
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > end:
                raise
            time.sleep(0.2)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """``foi-explorer serve`` on a free port; its base URL. Terminated afterwards."""
    port = free_port()
    log = (tmp_path / "serve.log").open("wb")
    process = subprocess.Popen(
        [installed_command(), "serve", "--port", str(port)], stdout=log, stderr=subprocess.STDOUT, cwd=tmp_path
    )
    try:
        yield f"http://{HOST}:{port}"
    finally:
        stop(process)
        log.close()


def test_serve_answers_on_localhost_with_html(server: str) -> None:
    status, content_type, body = get(server + "/")
    assert status == 200
    assert content_type.startswith("text/html")
    assert "<html" in body.lower()
    assert "/ws" in body


def test_serve_runs_the_app_in_the_browser(server: str) -> None:
    """What the page's websocket carries is the explorer itself, on its trends screen."""
    import aiohttp

    get(server + "/")

    async def first_screen() -> str:
        screen = pyte.Screen(80, 24)
        stream = pyte.ByteStream(screen)
        async with aiohttp.ClientSession() as session:
            async with session.ws_connect(server + "/ws?width=80&height=24") as websocket:
                end = asyncio.get_running_loop().time() + 20
                while asyncio.get_running_loop().time() < end:
                    try:
                        message = await asyncio.wait_for(websocket.receive(), 1)
                    except TimeoutError:
                        continue
                    if message.type == aiohttp.WSMsgType.BINARY:
                        stream.feed(message.data)
                    elif message.type != aiohttp.WSMsgType.TEXT:
                        break
                    if "184 in all" in "\n".join(screen.display):
                        break
                await websocket.send_json(["stdin", "q"])
        return "\n".join(screen.display)

    text = asyncio.run(first_screen())
    assert "184 in all" in text and "FoI ref not stated" in text


def test_serve_on_a_taken_port_is_one_clean_line(tmp_path: Path) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind((HOST, 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [installed_command(), "serve", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=30,
            cwd=tmp_path,
        )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"foi-explorer: error: cannot serve on {HOST}:{port}: ")
    assert "Traceback" not in result.stderr
