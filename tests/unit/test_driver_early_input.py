"""The driver takes the bytes read before Textual ran (and not answered then) before it reads the terminal."""

from __future__ import annotations

import asyncio
import os
import threading
import time
from types import SimpleNamespace

from textual import events

from tui.terminal.driver import ResilientDriver


async def test_held_bytes_come_first_then_the_terminal_and_a_sequence_split_between_them_is_one_key() -> None:
    read_end, type_end = os.pipe()
    app = SimpleNamespace(early_input=b"t\x1b[")  # an arrow's first half read early, its rest still waiting
    driver = ResilientDriver(app)  # type: ignore[arg-type]
    driver.fileno = read_end
    keys: list[str] = []
    driver.process_message = lambda message: keys.append(message.key) if isinstance(message, events.Key) else None  # type: ignore[method-assign]
    os.write(type_end, b"Bq")
    reader = threading.Thread(target=driver.run_input_thread, daemon=True)
    reader.start()
    try:
        end = time.monotonic() + 10
        while len(keys) < 3 and time.monotonic() < end:
            await asyncio.sleep(0.001)
        assert keys == ["t", "down", "q"]
    finally:
        driver.exit_event.set()
        reader.join(5)
        os.close(type_end)
        os.close(read_end)
