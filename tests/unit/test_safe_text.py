"""The one sanitising function: terminal controls visible, bidi and zero-width gone, length capped."""

from __future__ import annotations

import pytest

from tui.data.safe_text import MAX_TEXT, safe_text


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("police constable", "police constable"),
        ("Zoë – 2018→2021 · ≥5 ~3 …", "Zoë – 2018→2021 · ≥5 ~3 …"),
        ("[@click=app.quit]x[/]", "[@click=app.quit]x[/]"),  # markup is kept as text; widgets never parse it
        ("a\x1b]52;c;eA==\x07b", "a␛]52;c;eA==␇b"),
        ("\x1b[2J\x1b[?1049l", "␛[2J␛[?1049l"),
        ("x\x9b31my\x9dz", "x\ufffd31my\ufffdz"),
        ("nul\x00del\x7f", "nul␀del␡"),
        ("one\ntwo\r\nthree\tfour", "one two  three four"),
        ("line\u2028para\u2029next\x85", "line para next "),
        ("\u202eevil\u202c \u2066iso\u2069", "evil iso"),
        ("zero\u200bwidth\u200d\ufeff\u2060", "zerowidth"),
        ("lone \ud800 surrogate", "lone \ufffd surrogate"),
        ("e" + "\u0301" * 50, "e" + "\u0301" * 3),
    ],
)
def test_safe_text(raw: str, shown: str) -> None:
    assert safe_text(raw) == shown


def test_long_text_is_cut_with_an_ellipsis() -> None:
    text = safe_text("x" * (MAX_TEXT + 10))
    assert len(text) == MAX_TEXT and text.endswith("…")
    assert safe_text("abcdef", limit=4) == "abc…"


def test_every_code_point_below_a0_is_neutralised() -> None:
    text = safe_text("".join(chr(c) for c in range(0xA0)))
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in text)


def test_plain_text_is_given_back_as_it_is() -> None:
    """Text with nothing to change is the same object: a big table does not hold each string twice."""
    plain = "".join(["police ", "constable"])  # made at run time, not a shared constant
    assert safe_text(plain) is plain
    assert safe_text("a\tb") == "a b"
