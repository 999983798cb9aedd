"""A tab's child process always ends with its tab, whatever the child does."""

from __future__ import annotations

import asyncio
import os
import sys

from tui.serve import session as session_module
from tui.serve.session import AppSession, packet

STUBBORN = """
import signal, sys, time
signal.signal(signal.SIGTERM, signal.SIG_IGN)
sys.stdout.buffer.write(b"__GANGLION__\\n"); sys.stdout.flush()
time.sleep(600)
"""
"""A child that ignores the quit message and SIGTERM."""

POLITE = """
import sys
out = sys.stdout.buffer
out.write(b"__GANGLION__\\n"); out.flush()
data = sys.stdin.buffer.read(5)
size = int.from_bytes(data[1:], "big")
out.write(b"D" + (5).to_bytes(4, "big") + b"hello"); out.flush()
sys.stdin.buffer.read(size)
out.write(b"M" + (16).to_bytes(4, "big") + b'{"type": "exit"}'); out.flush()
"""
"""A child that echoes one packet of output, then says it is leaving."""


def run_child(code: str, *, send: bytes | None = None) -> tuple[int | None, list[bytes], int]:
    async def go() -> tuple[int | None, list[bytes], int]:
        received: list[bytes] = []
        exits: list[int] = []

        async def on_bytes(data: bytes) -> None:
            received.append(data)

        session = AppSession(
            [sys.executable, "-c", code], dict(os.environ), send_bytes=on_bytes, on_exit=lambda: exits.append(1)
        )
        await session.start()
        if send is not None:
            await session.send_keys(send.decode())
            await asyncio.wait_for(session._reader, 20)  # type: ignore[arg-type]
        status = await asyncio.wait_for(session.stop(), 20)
        pid = session.pid
        assert pid is not None
        return status, received, len(exits)

    return asyncio.run(go())


def test_a_child_that_ignores_quit_and_sigterm_is_killed(monkeypatch) -> None:
    monkeypatch.setattr(session_module, "QUIT_GRACE", 0.2)
    monkeypatch.setattr(session_module, "TERM_GRACE", 0.2)
    status, _, exits = run_child(STUBBORN)
    assert status == -9
    assert exits == 1


def test_output_is_relayed_until_the_child_says_exit() -> None:
    status, received, exits = run_child(POLITE, send=b"q")
    assert received == [b"hello"]
    assert status == 0 and exits == 1


def test_packets_are_type_length_payload() -> None:
    assert packet(b"D", b"ab") == b"D\x00\x00\x00\x02ab"
