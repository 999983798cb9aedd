"""The demo tour as data: read and check a TOML file of steps (a key, a caption, a pause).

UI-free: this module never imports Textual, so a broken tour is refused before the app starts.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from tui.data.errors import DatasetError
from tui.data.package_files import read_bytes
from tui.data.safe_text import safe_text

MAX_PAUSE = 60.0
MAX_TOUR_BYTES = 256_000
MAX_STEPS = 1000
MAX_CAPTION = 200
MAX_NESTING = 8
STEP_FIELDS = ("key", "caption", "pause")
NAMED_KEYS = frozenset(
    {"escape", "enter", "tab", "space", "backspace", "delete", "insert", "home", "end", "pageup", "pagedown"}
    | {"up", "down", "left", "right"}
    | {f"f{n}" for n in range(1, 25)}
)
MODIFIERS = ("ctrl+", "shift+", "alt+")
KEY_LABELS = {"escape": "esc", "question_mark": "?", "space": "space"}


class TourError(ValueError):
    """A tour file that cannot be played; the message names the file, the step and the field.

    The message is one line, made safe to print by :func:`~tui.data.safe_text.safe_text`.
    """

    def __str__(self) -> str:
        return safe_text(super().__str__(), limit=300)


@dataclass(frozen=True)
class Step:
    """Press ``key``, show ``caption``, then wait ``pause`` seconds (before the speed is applied)."""

    key: str
    caption: str
    pause: float

    @property
    def key_label(self) -> str:
        """The key as a person would write it: ``?``, ``esc``, ``ctrl+p``."""
        return KEY_LABELS.get(self.key, self.key)


@dataclass(frozen=True)
class Tour:
    """The steps of a tour, in order, and the file they came from."""

    source: str
    steps: tuple[Step, ...]

    @property
    def duration(self) -> float:
        """Seconds the pauses add up to at speed 1."""
        return sum(step.pause for step in self.steps)


def default_tour_path() -> Path:
    """The tour shipped with the package."""
    return Path(str(files("tui.demo") / "tour.toml"))


def is_key_name(key: str) -> bool:
    """True for a key Textual can press: one character, a named key, a character's name, with modifiers."""
    if len(key) == 1:
        return key.isprintable()
    base = key
    while base.startswith(MODIFIERS):
        base = base.split("+", 1)[1]
    if len(base) == 1 or base in NAMED_KEYS:
        return True
    if not re.fullmatch(r"[a-z][a-z0-9_]*", base):
        return False
    try:
        unicodedata.lookup(base.replace("_", " ").upper())
    except KeyError:
        return False
    return True


def load_tour(path: Path) -> Tour:
    """Read and check a tour file; raise :class:`TourError` naming the file, step and field."""
    name = str(path)
    try:
        data = read_bytes(path, MAX_TOUR_BYTES)  # a regular file, not a FIFO or a device, of bounded size
    except DatasetError as exc:
        message = "no such tour file" if exc.message == "no such file" else f"cannot be read: {exc.message}"
        raise TourError(f"{name}: {message}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise TourError(f"{name}: line {line}: not UTF-8 text") from None
    return parse_tour(text, name)


def parse_tour(text: str, name: str = "tour") -> Tour:
    """Check the text of a tour file; ``name`` is used in error messages.

    Captions pass :func:`~tui.data.safe_text.safe_text`: a tour file is untrusted text.
    """
    if len(text) > MAX_TOUR_BYTES:
        raise TourError(f"{name}: too large (more than {MAX_TOUR_BYTES:,} characters)")
    _check_nesting(text, name)
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TourError(f"{name}: not valid TOML: {exc}") from None
    except (RecursionError, ValueError) as exc:
        raise TourError(f"{name}: not valid TOML ({exc.__class__.__name__})") from None
    unknown = sorted(set(document) - {"step"})
    if unknown:
        raise TourError(f"{name}: unknown top-level field {unknown[0]!r} (only [[step]] tables are allowed)")
    raw_steps = document.get("step")
    if not isinstance(raw_steps, list) or not raw_steps:
        raise TourError(f"{name}: no steps: add at least one [[step]] with key, caption and pause")
    if len(raw_steps) > MAX_STEPS:
        raise TourError(f"{name}: {len(raw_steps)} steps (the limit is {MAX_STEPS})")
    return Tour(name, tuple(_step(raw, f"{name}: step {number}") for number, raw in enumerate(raw_steps, 1)))


def _step(raw: object, where: str) -> Step:
    if not isinstance(raw, dict):
        raise TourError(f"{where}: must be a [[step]] table")
    unknown = sorted(set(raw) - set(STEP_FIELDS))
    if unknown:
        raise TourError(f"{where}: {unknown[0]}: unknown field (a step has {', '.join(STEP_FIELDS)})")
    for field in STEP_FIELDS:
        if field not in raw:
            raise TourError(f"{where}: {field}: missing")
    key, caption, pause = raw["key"], raw["caption"], raw["pause"]
    if not isinstance(key, str) or not is_key_name(key):
        raise TourError(f'{where}: key: {key!r} is not a key (e.g. "1", "t", "?", "escape", "down")')
    if not isinstance(caption, str):
        raise TourError(f"{where}: caption: must be text, got {type(caption).__name__}")
    if len(caption) > MAX_CAPTION:
        raise TourError(f"{where}: caption: {len(caption)} characters (the limit is {MAX_CAPTION})")
    if isinstance(pause, bool) or not isinstance(pause, int | float) or not 0 <= pause <= MAX_PAUSE:
        raise TourError(f"{where}: pause: must be a number of seconds from 0 to {MAX_PAUSE:g}, got {pause!r}")
    return Step(key, safe_text(caption.strip()), float(pause))


def _check_nesting(text: str, name: str) -> None:
    """Refuse arrays or inline tables nested deeper than :data:`MAX_NESTING` (outside strings), before parsing."""
    depth = 0
    quote = ""
    escaped = False
    comment = False
    line = 1
    for char in text:
        if char == "\n":
            line += 1
            comment = False
        if comment:
            continue
        if quote:
            if escaped:
                escaped = False
            elif char == "\\" and quote == '"':
                escaped = True
            elif char == quote:
                quote = ""
            continue
        if char in "\"'":
            quote = char
        elif char == "#":
            comment = True
        elif char in "[{":
            depth += 1
            if depth > MAX_NESTING:
                raise TourError(f"{name}: line {line}: nested deeper than {MAX_NESTING} levels")
        elif char in "]}":
            depth = max(depth - 1, 0)
