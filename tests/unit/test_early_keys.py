"""Screen keys typed before Textual runs: answered from kept frames, every other byte held in order for the app."""

from __future__ import annotations

import contextlib
import os
import select
import time
from collections.abc import Callable, Iterator

import pytest

from tui.terminal import early_keys
from tui.terminal.early_keys import EarlyKeys
from tui.terminal.first_frame import EarlyTerminal, Frame

WIDTH, HEIGHT = 12, 2
KEYS = {ord("1"): "trends", ord("2"): "ranks", ord("3"): "outcomes"}


def frame(text: str) -> Frame:
    return [[(char, "", "", "") for char in line.ljust(WIDTH)] for line in (text, "")]


KEPT = {"trends": frame("TRENDS"), "ranks": frame("RANKS")}  # no frame kept for outcomes


class Pipes:
    """Keys typed into ``type_end``, the watcher reading ``in_fd`` and painting into ``out_fd``."""

    def __init__(self) -> None:
        self.in_fd, self.type_end = os.pipe()
        self.screen_end, self.out_fd = os.pipe()
        os.set_blocking(self.screen_end, False)
        self.terminal = EarlyTerminal(self.out_fd, self.in_fd, [0, 0, 0, 0, 0, 0, [b"\0"] * 32])  # a pipe has no modes
        self.painted = b""

    def type(self, data: bytes) -> None:
        os.write(self.type_end, data)

    def read_screen(self) -> bytes:
        with contextlib.suppress(BlockingIOError):
            self.painted += os.read(self.screen_end, 65536)
        return self.painted

    def unread(self) -> bytes:
        """What is still waiting on the input (not read by the watcher)."""
        os.set_blocking(self.in_fd, False)
        try:
            return os.read(self.in_fd, 65536)
        except BlockingIOError:
            return b""

    def input_taken(self) -> bool:
        return not select.select([self.in_fd], [], [], 0)[0]

    def close(self) -> None:
        for fd in (self.in_fd, self.type_end, self.screen_end, self.out_fd):
            os.close(fd)


def wait(condition: Callable[[], bool], what: str, timeout: float = 10.0) -> None:
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.001)


@pytest.fixture
def pipes() -> Iterator[Pipes]:
    made = Pipes()
    yield made
    made.close()


def watch(pipes: Pipes, screen: str = "trends") -> EarlyKeys:
    return EarlyKeys(pipes.terminal, KEYS, KEPT.get, screen).start()


def test_a_screen_key_paints_its_kept_frame_and_chooses_its_screen(pipes: Pipes) -> None:
    keys = watch(pipes)
    pipes.type(b"2")
    wait(lambda: b"RANKS" in pipes.read_screen(), "the ranks frame")
    assert keys.screen == "ranks"
    assert b"\x1b[?1049h" not in pipes.painted  # drawn over the early paint: no second alternate screen
    pipes.type(b"1")
    wait(lambda: b"TRENDS" in pipes.read_screen(), "the trends frame")
    keys.stop()
    assert (keys.screen, keys.held) == ("trends", b"")


def test_the_key_of_the_screen_on_show_is_answered_without_a_paint(pipes: Pipes) -> None:
    keys = watch(pipes)
    pipes.type(b"1")
    wait(pipes.input_taken, "the key read")
    keys.stop()
    assert (keys.screen, keys.held, pipes.read_screen()) == ("trends", b"", b"")


@pytest.mark.parametrize(
    ("typed", "held"),
    [
        (b"2t3", b"t3"),  # another key: it and everything after it, in order
        (b"3", b"3"),  # a screen key without a kept frame
        (b"2\x1b[B1", b"\x1b[B1"),  # an escape sequence (an arrow)
        (b"2\xc3\xa9", b"\xc3\xa9"),  # UTF-8
        (b"2\x1b[<0;5;5M", b"\x1b[<0;5;5M"),  # a mouse report
    ],
)
def test_any_other_byte_stops_the_answers_and_is_held_with_what_follows_it(
    pipes: Pipes, typed: bytes, held: bytes
) -> None:
    keys = watch(pipes)
    pipes.type(typed)
    wait(pipes.input_taken, "the keys read")
    keys.stop()
    assert keys.held == held
    assert keys.screen == ("ranks" if typed.startswith(b"2") else "trends")


def test_after_the_first_byte_held_nothing_more_is_read(pipes: Pipes) -> None:
    keys = watch(pipes)
    pipes.type(b"t")
    wait(pipes.input_taken, "the key read")
    wait(lambda: keys.held == b"t", "the key held")
    pipes.type(b"2")  # typed after: the driver reads it, after the held bytes
    keys.stop()
    assert (keys.held, pipes.unread(), keys.screen) == (b"t", b"2", "trends")


def test_an_escape_sequence_arriving_in_parts_is_held_whole(pipes: Pipes, monkeypatch: pytest.MonkeyPatch) -> None:
    """An escape then the rest of its sequence a moment later: never the escape held and the rest left unread."""
    monkeypatch.setattr(early_keys, "SEQUENCE_DRAIN", 30.0)  # a slow link: the rest comes late (stop() ends the wait)
    keys = watch(pipes)
    pipes.type(b"2\x1b")
    wait(pipes.input_taken, "the escape read")
    pipes.type(b"[1;5A")
    wait(pipes.input_taken, "the rest read")
    keys.stop()
    assert (keys.held, keys.screen) == (b"\x1b[1;5A", "ranks")


def test_nothing_is_painted_once_the_terminal_is_given_back(pipes: Pipes) -> None:
    keys = watch(pipes)
    pipes.terminal.restore(leave_screen=False)
    pipes.type(b"2")
    wait(pipes.input_taken, "the key read")
    keys.stop()
    assert (keys.screen, keys.held, pipes.read_screen()) == ("trends", b"2", b"")


def test_stop_is_prompt_and_leaves_the_input_to_the_app(pipes: Pipes) -> None:
    keys = watch(pipes)
    keys.stop()
    keys.stop()  # again: nothing happens
    pipes.type(b"2")
    assert (pipes.unread(), keys.held, keys.screen) == (b"2", b"", "trends")


@pytest.mark.parametrize(("typed", "screen"), [(b"q", "trends"), (b"2q", "ranks")])
def test_q_before_any_byte_held_quits_at_once(pipes: Pipes, typed: bytes, screen: str) -> None:
    quits: list[str] = []
    keys = EarlyKeys(pipes.terminal, KEYS, KEPT.get, "trends", on_quit=lambda: quits.append("quit")).start()
    pipes.type(typed)
    wait(lambda: bool(quits), "the quit")
    keys.stop()
    assert (quits, keys.screen, keys.held) == (["quit"], screen, b"")


def test_q_after_a_byte_held_is_the_apps(pipes: Pipes) -> None:
    quits: list[str] = []
    keys = EarlyKeys(pipes.terminal, KEYS, KEPT.get, "trends", on_quit=lambda: quits.append("quit")).start()
    pipes.type(b"tq")
    wait(pipes.input_taken, "the keys read")
    keys.stop()
    assert (quits, keys.held) == ([], b"tq")
