"""One browser tab's explorer: a child process speaking Textual's web-driver protocol on its pipes.

The child runs in its own process group and is always ended with its tab: asked to quit, then
SIGTERM, then SIGKILL, and reaped. Packets both ways are ``type (1 byte) + length (4 bytes,
big-endian) + payload``: ``D`` terminal data, ``M`` JSON metadata, ``P`` packed data (unused here).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
from collections.abc import Awaitable, Callable, Mapping, Sequence

QUIT_GRACE = 2.0
"""Seconds a child has to quit by itself before it is sent SIGTERM."""

TERM_GRACE = 1.0
"""Seconds after SIGTERM before SIGKILL."""

PRELUDE = b"__GANGLION__\n"
"""The line the web driver writes before its first packet."""

MAX_PACKET = 16 * 1024 * 1024
"""Largest packet accepted from the child (a frame of a 500x200 terminal is far smaller)."""

STDERR_KEPT = 4096
"""Bytes of the child's stderr kept for the server's log."""


def packet(kind: bytes, payload: bytes) -> bytes:
    """One packet of the protocol."""
    return kind + len(payload).to_bytes(4, "big") + payload


class AppSession:
    """A running explorer for one websocket.

    Args:
        argv: the command to run (no shell).
        env: its environment.
        send_bytes: called with each piece of terminal output for the browser.
        on_exit: called once when the child's output ends (it quit, or was ended); must not block.
    """

    def __init__(
        self,
        argv: Sequence[str],
        env: Mapping[str, str],
        *,
        send_bytes: Callable[[bytes], Awaitable[None]],
        on_exit: Callable[[], None],
    ) -> None:
        self.argv = list(argv)
        self.env = dict(env)
        self._send_bytes = send_bytes
        self._on_exit = on_exit
        self.process: asyncio.subprocess.Process | None = None
        self._reader: asyncio.Task[None] | None = None
        self._stderr = bytearray()
        self._write_lock = asyncio.Lock()
        self._starting: asyncio.Future[None] | None = None
        self._stopping = False

    @property
    def pid(self) -> int | None:
        """The child's process id once started."""
        return self.process.pid if self.process else None

    @property
    def stderr_tail(self) -> str:
        """The end of what the child wrote to stderr."""
        return self._stderr.decode("utf-8", "replace")

    async def start(self) -> None:
        """Start the child and relay its output (not at all if :meth:`stop` came first)."""
        if self._stopping:
            return
        self._starting = asyncio.get_running_loop().create_future()
        try:
            await self._spawn()
        finally:
            self._starting.set_result(None)

    async def _spawn(self) -> None:
        self.process = await asyncio.create_subprocess_exec(
            *self.argv,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=self.env,
            start_new_session=True,
        )
        self._reader = asyncio.create_task(self._relay())

    async def send_keys(self, text: str) -> None:
        """Keys typed in the browser (text that cannot be encoded is replaced, never raised)."""
        await self._write(packet(b"D", text.encode("utf-8", "replace")))

    async def send_meta(self, meta: Mapping[str, object]) -> None:
        """A metadata message for the web driver: resize, focus, blur, quit."""
        await self._write(packet(b"M", json.dumps(meta).encode()))

    async def _write(self, data: bytes) -> None:
        process = self.process
        if process is None or process.stdin is None or process.returncode is not None:
            return
        async with self._write_lock:
            with contextlib.suppress(OSError, RuntimeError, ConnectionError):
                process.stdin.write(data)
                await process.stdin.drain()

    async def _relay(self) -> None:
        assert self.process is not None and self.process.stdout is not None
        stdout = self.process.stdout
        stderr_task = asyncio.create_task(self._drain_stderr())
        try:
            if await self._wait_for_prelude(stdout):
                while True:
                    header = await stdout.readexactly(5)
                    size = int.from_bytes(header[1:], "big")
                    if size > MAX_PACKET:
                        break
                    payload = await stdout.readexactly(size)
                    if header[:1] == b"D":
                        await self._send_bytes(payload)
                    elif header[:1] == b"M" and _meta_type(payload) == "exit":
                        break
        except (asyncio.IncompleteReadError, ConnectionError, ValueError):
            pass
        finally:
            stderr_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await stderr_task
            self._on_exit()

    @staticmethod
    async def _wait_for_prelude(stdout: asyncio.StreamReader) -> bool:
        for _ in range(10):
            line = await stdout.readline()
            if not line:
                return False
            if line == PRELUDE:
                return True
        return False

    async def _drain_stderr(self) -> None:
        assert self.process is not None and self.process.stderr is not None
        while chunk := await self.process.stderr.read(4096):
            self._stderr.extend(chunk)
            del self._stderr[:-STDERR_KEPT]

    async def stop(self) -> int | None:
        """End the child however it behaves, reap it, and return its exit status.

        Asked to quit first; after :data:`QUIT_GRACE` seconds its whole process group gets
        SIGTERM, and after :data:`TERM_GRACE` more, SIGKILL.
        """
        self._stopping = True
        if self._starting is not None and not self._starting.done():
            await self._starting  # a child being started when the tab closed is ended too
        process = self.process
        if process is None:
            return None
        if process.returncode is None:
            await self.send_meta({"type": "quit"})
            if process.stdin is not None:
                with contextlib.suppress(OSError, RuntimeError):
                    process.stdin.close()
        for sig, grace in ((None, QUIT_GRACE), (signal.SIGTERM, TERM_GRACE), (signal.SIGKILL, None)):
            if sig is not None:
                _signal_group(process.pid, sig)
            try:
                await asyncio.wait_for(process.wait(), grace)
                break
            except TimeoutError:
                continue
        if self._reader is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await self._reader
        return process.returncode


    def kill_now(self) -> None:
        """Last resort when the server stops: SIGKILL the child's group and reap it, synchronously."""
        process = self.process
        if process is None or process.returncode is not None:
            return
        _signal_group(process.pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError, OSError):
            os.waitpid(process.pid, 0)


def _signal_group(pid: int, sig: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, sig)


def _meta_type(payload: bytes) -> str | None:
    try:
        meta = json.loads(payload)
    except ValueError:
        return None
    return meta.get("type") if isinstance(meta, dict) else None
