"""``foi-explorer serve``: a real server on 127.0.0.1 answers a browser's requests."""

from __future__ import annotations

import asyncio
import contextlib
import json
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyte
import pytest

from tests.e2e.chromium import Page, chromium, chromium_path
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


@dataclass
class Served:
    """A running ``foi-explorer serve``."""

    url: str
    process: subprocess.Popen[bytes]
    log: Path

    def children(self) -> list[int]:
        """The explorers it is running now."""
        return children_of(self.process.pid)

    def wait_children(self, count: int, timeout: float = 20.0) -> None:
        """Wait until it runs exactly ``count`` explorers."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if len(self.children()) == count:
                return
            time.sleep(0.05)
        raise AssertionError(f"expected {count} children, have {self.children()}:\n{self.log.read_text()}")


def children_of(pid: int) -> list[int]:
    """Processes whose parent is ``pid`` (read from /proc; zombies not yet reaped included)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def start_server(tmp_path: Path, *options: str) -> Served:
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [installed_command(), "serve", "--port", str(port), *options],
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=tmp_path,
        )
    served = Served(f"http://{HOST}:{port}", process, log)
    get(served.url + "/")
    return served


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    """``foi-explorer serve`` on a free port, answering. Terminated afterwards."""
    served = start_server(tmp_path)
    try:
        yield served
    finally:
        stop(served.process)


@pytest.fixture
def server(served: Served) -> str:
    """The base URL of a running ``foi-explorer serve``."""
    return served.url


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


def headers_of(url: str, **headers: str) -> tuple[int, dict[str, str]]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers)


@pytest.mark.parametrize("path", ["/", "/static/textual.js", "/static/page.css", "/nothing-here"])
def test_every_response_carries_the_security_headers(server: str, path: str) -> None:
    _, headers = headers_of(server + path)
    csp = headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp and "script-src 'self'" in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Server"] == "foi-explorer"
    assert not any(ch.isdigit() for ch in headers["Server"])


@pytest.mark.parametrize(
    "path", ["/static/", "/static", "/static/js/", "/static/../serve/__init__.py", "/static/%2e%2e/"]
)
def test_no_directory_is_listed_and_nothing_outside_the_assets_is_served(server: str, path: str) -> None:
    status, _ = headers_of(server + path)
    assert status == 404


def test_the_page_loads_nothing_from_another_site(server: str) -> None:
    _, _, page = get(server + "/")
    _, _, css = get(server + "/static/page.css")
    for text in (page, css):
        assert "http://" not in text.replace("ws://127.0.0.1", "") and "https://" not in text
        assert "googleapis" not in text
    status, headers = headers_of(server + "/static/RobotoMono-VariableFont_wght.ttf")
    assert status == 200 and headers["Content-Type"] == "font/ttf"


def test_a_page_of_another_host_name_is_refused(server: str) -> None:
    """DNS rebinding: a page of evil.example whose name resolves to 127.0.0.1 sends its own Host."""
    port = server.rsplit(":", 1)[1]
    status, _ = headers_of(server + "/", Host=f"evil.example:{port}")
    assert status == 421
    status, _ = headers_of(server + "/", Host=f"localhost:{port}")
    assert status == 200


async def open_websocket(url: str, **headers: str) -> int:
    """The HTTP status of a websocket handshake (101 when accepted), closed straight away."""
    import aiohttp

    async with aiohttp.ClientSession() as session:
        try:
            async with session.ws_connect(url, headers=headers):
                return 101
        except aiohttp.WSServerHandshakeError as error:
            return error.status


def test_a_websocket_from_another_origin_is_refused(served: Served) -> None:
    ws = served.url + "/ws"
    assert asyncio.run(open_websocket(ws, Origin="http://evil.example")) == 403
    assert asyncio.run(open_websocket(ws, Origin="null")) == 403
    assert asyncio.run(open_websocket(ws, Origin=served.url)) == 101


async def hold_websocket(url: str, until: object) -> None:
    """Keep a websocket open while ``until()`` is false (checked every 50 ms, 20 s at most)."""
    import aiohttp

    async with aiohttp.ClientSession() as session:
        async with session.ws_connect(url):
            end = asyncio.get_running_loop().time() + 20
            while not until() and asyncio.get_running_loop().time() < end:  # type: ignore[operator]
                await asyncio.sleep(0.05)


def alive(pid: int) -> bool:
    """The process exists and is not a zombie waiting to be reaped by its new parent."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def describe(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode() + " " + Path(
            f"/proc/{pid}/stat"
        ).read_text()
    except OSError:
        return "gone"


def environment_of(pid: int) -> dict[str, str]:
    raw = Path(f"/proc/{pid}/environ").read_bytes()
    return dict(item.split("=", 1) for item in raw.decode(errors="replace").split("\0") if "=" in item)


def test_a_huge_size_is_clamped_and_the_child_ends_with_its_websocket(served: Served) -> None:
    sizes: list[dict[str, str]] = []

    def seen() -> bool:
        children = served.children()
        if children and not sizes:
            with contextlib.suppress(OSError):
                env = environment_of(children[0])
                if "ROWS" in env:  # not the moment between fork and exec
                    sizes.append(env)
        return bool(sizes)

    asyncio.run(hold_websocket(served.url + "/ws?width=100000&height=100000", seen))
    assert sizes and (sizes[0]["COLUMNS"], sizes[0]["ROWS"]) == ("500", "200")
    assert "PYTHONPATH" not in sizes[0]
    served.wait_children(0)


def test_sessions_beyond_the_cap_are_asked_to_try_later(tmp_path: Path) -> None:
    served = start_server(tmp_path, "--max-sessions", "1")

    async def two_tabs() -> int:
        import aiohttp

        async with aiohttp.ClientSession() as session:
            async with session.ws_connect(served.url + "/ws"):
                await asyncio.to_thread(served.wait_children, 1)
                return await open_websocket(served.url + "/ws")

    try:
        assert asyncio.run(two_tabs()) == 503
        served.wait_children(0)
    finally:
        stop(served.process)


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_stops_the_server_and_its_children_at_once(tmp_path: Path, signum: int) -> None:
    served = start_server(tmp_path)
    try:
        children: list[int] = []

        async def open_two() -> None:
            import aiohttp

            async with aiohttp.ClientSession() as session:
                async with session.ws_connect(served.url + "/ws"), session.ws_connect(served.url + "/ws"):
                    end = asyncio.get_running_loop().time() + 20
                    while len(served.children()) < 2 and asyncio.get_running_loop().time() < end:
                        await asyncio.sleep(0.05)
                    children.extend(served.children())
                    started = time.monotonic()
                    served.process.send_signal(signum)
                    status = await asyncio.to_thread(served.process.wait, 10)
                    children.append(-1 if time.monotonic() - started > 5 else 0)
                    assert status == 0

        asyncio.run(open_two())
        assert len(children) == 3 and children[-1] == 0, f"stopped too slowly or with too few children: {children}"
        for pid in children[:2]:
            assert not alive(pid), f"child {pid} outlived the server: {describe(pid)}"
        assert "Traceback" not in served.log.read_text()
    finally:
        if served.process.poll() is None:
            stop(served.process)


class BrowserScreen:
    """The terminal a tab shows, rebuilt from the websocket frames Chromium received (through pyte)."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.screen = pyte.Screen(80, 24)
        self.stream = pyte.ByteStream(self.screen)
        self.fed = 0
        self.resizes_seen = 0

    def text(self) -> str:
        sizes = [*self._sizes()]
        if sizes and len(sizes) != self.resizes_seen:
            self.resizes_seen = len(sizes)
            width, height = sizes[-1]
            self.screen.resize(height, width)
        self.stream.feed(bytes(self.page.received[self.fed :]))
        self.fed = len(self.page.received)
        return "\n".join(self.screen.display)

    def _sizes(self) -> Iterator[tuple[int, int]]:
        for url in self.page.websocket_urls:
            query = urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)
            yield int(query["width"][0]), int(query["height"][0])
        for sent in self.page.sent:
            message = json.loads(sent)
            if message[0] == "resize":
                yield message[1]["width"], message[1]["height"]

    async def wait_for(self, *needles: str, timeout: float = 30.0) -> str:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            text = self.text()
            if all(needle in text for needle in needles):
                return text
            await asyncio.sleep(0.1)
        raise AssertionError(f"the browser never showed {needles!r}; it showed:\n{self.text()}")


def test_chromium_shows_the_figures_switches_screens_and_closing_the_tab_ends_the_child(served: Served) -> None:
    executable = chromium_path()
    if executable is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")

    async def visit() -> tuple[Page, list[str]]:
        async with chromium(executable) as browser:
            page = await browser.open(served.url + "/")
            screen = BrowserScreen(page)
            await screen.wait_for("184 in all", "FoI ref not stated")
            assert len(served.children()) == 1
            await page.evaluate("document.querySelector('.xterm-helper-textarea').focus()")
            await page.press("2")
            await screen.wait_for("police constable", "160")
            await page.close()
            await asyncio.to_thread(served.wait_children, 0)
            return page, browser.console

    page, console = asyncio.run(visit())
    assert all(url.startswith((served.url, "ws://127.0.0.1")) for url in page.requests), page.requests
    assert not [line for line in console if "Content Security Policy" in line], console
