"""The app's screens: one module each, thin, asking the data service and rendering.

Each screen's module is imported when first asked for (``from tui.screens import RanksScreen`` or the
registry's :meth:`~tui.screen_registry.ScreenSpec.load`): the first frame needs only its own screen's.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.screens.base import FoiScreen
    from tui.screens.help import HelpScreen
    from tui.screens.outcomes import OutcomesScreen
    from tui.screens.provenance import ProvenanceScreen
    from tui.screens.ranks import RanksScreen
    from tui.screens.sources import SourcesScreen
    from tui.screens.trends import TrendsScreen

_MODULES = {
    "FoiScreen": "base",
    "HelpScreen": "help",
    "OutcomesScreen": "outcomes",
    "ProvenanceScreen": "provenance",
    "RanksScreen": "ranks",
    "SourcesScreen": "sources",
    "TrendsScreen": "trends",
}

__all__ = [
    "FoiScreen",
    "HelpScreen",
    "OutcomesScreen",
    "ProvenanceScreen",
    "RanksScreen",
    "SourcesScreen",
    "TrendsScreen",
]


def __getattr__(name: str) -> object:
    """A screen class, its module imported now (PEP 562)."""
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{module}"), name)
