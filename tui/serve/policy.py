"""What ``serve`` allows a browser: response headers, websocket origins, terminal sizes, messages.

Pure functions and constants (no aiohttp, no Textual), so each rule is tested on its own.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import urlsplit

MAX_WIDTH = 500
"""Widest terminal a browser may ask for, in cells."""

MAX_HEIGHT = 200
"""Tallest terminal a browser may ask for, in cells."""

DEFAULT_SIZE = (80, 24)
"""Width and height when the browser gives none (or nonsense)."""

MAX_MESSAGE_BYTES = 64 * 1024
"""Largest websocket message accepted from a browser (a paste larger than this is refused)."""

SERVER_HEADER = "foi-explorer"
"""The ``Server`` header: no product versions for scanners to match."""

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        # xterm.js positions its cells and injects its stylesheet with inline styles.
        "style-src 'self' 'unsafe-inline'",
        "font-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
    ]
)
"""Everything from this server only (no third-party fonts or scripts), and never inside a frame."""

SECURITY_HEADERS: dict[str, str] = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), usb=(), payment=()",
    "Cache-Control": "no-store",
    "Server": SERVER_HEADER,
}
"""Headers on every response, the websocket upgrade included."""


def clamp_size(width: object, height: object) -> tuple[int, int]:
    """A terminal size a browser asked for, made safe: whole cells, at least 1x1, at most 500x200.

    Anything that is not a whole number (text, floats, ``None``) gives the default 80x24 for that side.
    """
    return (_clamp(width, DEFAULT_SIZE[0], MAX_WIDTH), _clamp(height, DEFAULT_SIZE[1], MAX_HEIGHT))


def _clamp(value: object, default: int, largest: int) -> int:
    if isinstance(value, bool):
        return default
    if isinstance(value, str):
        text = value.strip()
        if not (text.isascii() and text.isdigit() and len(text) <= 9):
            return default
        value = int(text)
    if not isinstance(value, int):
        return default
    return max(1, min(value, largest))


def origin_allowed(origin: str | None, host: str | None, public_url: str | None) -> bool:
    """May a websocket opened from ``origin`` drive an app? Only from this server's own pages.

    A browser always sends ``Origin`` on a websocket; a page of another site opening one to us
    sends its own and is refused. With ``public_url`` (behind a proxy) the origin must be that
    URL's; otherwise its host and port must be the ``Host`` the request was sent to. A client
    that sends no ``Origin`` is not a browser page (no other site's page can omit it): allowed.
    """
    if origin is None:
        return True
    if public_url:
        return _origin_of(origin) == _origin_of(public_url)
    parts = urlsplit(origin)
    if parts.scheme not in ("http", "https") or not host:
        return False
    return parts.netloc.lower() == host.lower()


def _origin_of(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    netloc = parts.netloc.lower()
    default_port = {"http": ":80", "https": ":443"}.get(scheme)
    if default_port and netloc.endswith(default_port):
        netloc = netloc[: -len(default_port)]
    return scheme, netloc


@dataclass(frozen=True)
class BrowserMessage:
    """One message of textual.js, checked: keys typed, a new size, focus, or a ping."""

    kind: str
    text: str = ""
    width: int = 0
    height: int = 0


def parse_message(raw: str) -> BrowserMessage | None:
    """The browser's JSON envelope as a message, or None when it is not one we act on."""
    try:
        envelope = json.loads(raw)
    except (ValueError, RecursionError):
        return None
    if not isinstance(envelope, list) or not envelope or not isinstance(envelope[0], str):
        return None
    kind, args = envelope[0], envelope[1:]
    if kind == "stdin" and args and isinstance(args[0], str):
        return BrowserMessage("stdin", text=args[0])
    if kind == "resize" and args and isinstance(args[0], dict):
        width, height = clamp_size(args[0].get("width"), args[0].get("height"))
        return BrowserMessage("resize", width=width, height=height)
    if kind == "ping" and args and isinstance(args[0], str) and len(args[0]) <= 64:
        return BrowserMessage("ping", text=args[0])
    if kind in ("focus", "blur"):
        return BrowserMessage(kind)
    return None


LOOPBACK_NAMES = ("localhost", "127.0.0.1", "[::1]")
"""Names of this machine a browser on it may use."""

WILDCARD_HOSTS = ("", "0.0.0.0", "::")
"""Listening addresses that mean "every interface"."""


def host_allowed(host_header: str | None, bind_host: str, port: int, public_url: str | None) -> bool:
    """Is ``Host`` a name this server answers to? Refuses DNS-rebinding pages.

    A page of another site whose name is made to resolve to 127.0.0.1 sends its own name in
    ``Host``. Allowed: this machine's loopback names on our port, the listening address, and
    the ``public_url``'s host. Listening on every interface without a ``public_url``, the names
    are unknown, so any is allowed (the README asks for ``--public-url`` there).
    """
    if not host_header:
        return False
    host = host_header.lower()
    allowed = {f"{name}:{port}" for name in LOOPBACK_NAMES}
    if public_url:
        allowed.add(_origin_of(public_url)[1])
    elif bind_host in WILDCARD_HOSTS:
        return True
    bind = f"[{bind_host}]" if ":" in bind_host else bind_host
    allowed.add(f"{bind.lower()}:{port}")
    if port == 80:
        allowed |= {name.removesuffix(":80") for name in allowed}
    return host in allowed
