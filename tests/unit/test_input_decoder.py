"""Terminal input decoding: no byte crashes it, and pasted text never turns into keys."""

from __future__ import annotations

import random

import pytest

from tui.terminal.input_decoder import PASTE_END, PASTE_START, SafeInputDecoder


def decode_all(chunks: list[bytes]) -> str:
    decoder = SafeInputDecoder()
    return "".join(decoder.decode(chunk) for chunk in chunks) + decoder.decode(b"", final=True)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"\xff", "\ufffd"),
        (b"\xe9a", "\ufffda"),  # Latin-1 é then a key
        (b"\x1b[M\x84%!", "\x1b[M\ufffd%!"),  # X10 mouse report, column beyond 95
        ("é".encode(), "é"),
        (b"q", "q"),
    ],
)
def test_bytes_that_are_not_utf8_become_replacement_characters(data: bytes, expected: str) -> None:
    assert decode_all([data]) == expected


def test_utf8_split_across_reads_is_kept_whole() -> None:
    encoded = "£é→".encode()
    assert decode_all([encoded[i : i + 1] for i in range(len(encoded))]) == "£é→"


def test_esc_inside_a_paste_is_dropped_so_it_cannot_act_as_keys() -> None:
    pasted = PASTE_START + "hello\x1bqworld\x1b\x1b[A" + PASTE_END + "q"
    assert decode_all([pasted.encode()]) == PASTE_START + "helloqworld[A" + PASTE_END + "q"


@pytest.mark.parametrize("seed", range(20))
def test_markers_split_anywhere_across_reads(seed: int) -> None:
    text = "a\x1b" + PASTE_START + "x\x1bq\x1b[20y\x1b" + PASTE_END + "\x1b[A" + PASTE_START + "\x1b" + PASTE_END
    data = text.encode()
    rng = random.Random(seed)
    cuts = sorted(rng.sample(range(1, len(data)), 6))
    chunks = [data[a:b] for a, b in zip([0, *cuts], [*cuts, len(data)], strict=True)]
    assert decode_all(chunks) == decode_all([data])
    assert decode_all([data]) == "a\x1b" + PASTE_START + "xq[20y" + PASTE_END + "\x1b[A" + PASTE_START + PASTE_END


def test_escape_outside_a_paste_is_passed_at_once() -> None:
    decoder = SafeInputDecoder()
    assert decoder.decode(b"\x1b") == "\x1b"  # a lone escape key is not held back


def test_random_bytes_never_raise() -> None:
    rng = random.Random(14)
    decoder = SafeInputDecoder()
    for _ in range(2000):
        decoder.decode(bytes(rng.randrange(256) for _ in range(rng.randrange(1, 12))))
