"""What serve allows a browser: sizes, origins, host names, messages."""

from __future__ import annotations

import pytest

from tui.serve.policy import MAX_HEIGHT, MAX_WIDTH, clamp_size, host_allowed, origin_allowed, parse_message


@pytest.mark.parametrize(
    ("width", "height", "expected"),
    [
        ("100000", "100000", (MAX_WIDTH, MAX_HEIGHT)),
        ("0", "-5", (1, 24)),
        ("120", "40", (120, 40)),
        (None, None, (80, 24)),
        ("1e9", "nan", (80, 24)),
        ("٣٠", "12", (80, 12)),
        (10**30, 3.5, (MAX_WIDTH, 24)),
        (True, False, (80, 24)),
    ],
)
def test_sizes_are_clamped_to_whole_cells_within_bounds(width: object, height: object, expected: tuple) -> None:
    assert clamp_size(width, height) == expected


@pytest.mark.parametrize(
    ("origin", "host", "public_url", "allowed"),
    [
        ("http://127.0.0.1:8000", "127.0.0.1:8000", None, True),
        ("http://evil.example", "127.0.0.1:8000", None, False),
        ("null", "127.0.0.1:8000", None, False),
        ("http://127.0.0.1:8001", "127.0.0.1:8000", None, False),
        ("https://explorer.example", "127.0.0.1:8000", "https://explorer.example/", True),
        ("https://explorer.example:443", "x", "https://explorer.example", True),
        ("http://explorer.example", "x", "https://explorer.example", False),
        (None, "127.0.0.1:8000", None, True),
    ],
)
def test_websockets_only_from_our_own_pages(origin: str | None, host: str, public_url: str | None, allowed: bool):
    assert origin_allowed(origin, host, public_url) is allowed


@pytest.mark.parametrize(
    ("host", "bind", "public_url", "allowed"),
    [
        ("127.0.0.1:8000", "127.0.0.1", None, True),
        ("localhost:8000", "127.0.0.1", None, True),
        ("[::1]:8000", "127.0.0.1", None, True),
        ("evil.example:8000", "127.0.0.1", None, False),
        ("localhost:9999", "127.0.0.1", None, False),
        (None, "127.0.0.1", None, False),
        ("explorer.example", "0.0.0.0", "https://explorer.example", True),
        ("evil.example", "0.0.0.0", "https://explorer.example", False),
        ("anything.example:8000", "0.0.0.0", None, True),
    ],
)
def test_host_names_refuse_dns_rebinding(host: str | None, bind: str, public_url: str | None, allowed: bool) -> None:
    assert host_allowed(host, bind, 8000, public_url) is allowed


def test_browser_messages_are_checked() -> None:
    assert parse_message('["stdin", "q"]').text == "q"  # type: ignore[union-attr]
    resize = parse_message('["resize", {"width": 99999, "height": "x"}]')
    assert resize is not None and (resize.width, resize.height) == (MAX_WIDTH, 24)
    assert parse_message('["ping", "123"]').kind == "ping"  # type: ignore[union-attr]
    for bad in ("", "{", "[]", "{}", "[1]", '["stdin", 5]', '["resize", [1, 2]]', '["deliver_chunk_request"]'):
        assert parse_message(bad) is None
    assert parse_message("[" * 100000) is None
