"""The app's screens in order: key, mode name and label. UI-free, so the CLI can read it cheaply."""

from __future__ import annotations

SCREENS: tuple[tuple[str, str, str], ...] = (
    ("1", "trends", "Trends"),
    ("2", "ranks", "Ranks"),
    ("3", "outcomes", "Outcomes"),
    ("4", "sources", "Sources & checks"),
)
"""(key, mode, label) of every screen, in navigation order."""

SCREEN_MODES: tuple[str, ...] = tuple(mode for _, mode, _ in SCREENS)
"""The mode names alone: what ``--screen`` accepts."""
