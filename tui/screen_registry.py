"""The one list of the app's screens. UI-free: the CLI reads it without importing Textual.

Adding a screen = a module in ``tui/screens/`` (+ its ``.tcss``) and one :class:`ScreenSpec` line here.
Key bindings, the nav bar, the stylesheets, ``--screen`` choices, the screenshots and the command
palette are all derived from :data:`SCREENS`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.data.service import DataService
    from tui.screens.base import FoiScreen


@dataclass(frozen=True)
class ScreenSpec:
    """One screen: its key, mode name, label, class (imported lazily) and what it needs from a dataset."""

    key: str
    mode: str
    label: str
    class_path: str
    """``module:ClassName`` of the screen class."""
    tooltip: str
    has_chart: bool = True
    """False when the first view is a report rather than a chart (screenshots name it so)."""
    roles: tuple[str, ...] = ()
    """Dimension roles the screen shows (see ``DataService.dimension_for``)."""
    needs: str = ""
    """What a dataset must have for the screen to exist at all (``cases``), checked with ``DataService.has``."""

    @property
    def css_path(self) -> str:
        """The screen's stylesheet, relative to the app module."""
        module = self.class_path.partition(":")[0]
        return module.removeprefix("tui.").replace(".", "/") + ".tcss"

    @property
    def first_view(self) -> str:
        """What the screen's first view is called: ``chart`` or ``report``."""
        return "chart" if self.has_chart else "report"

    def make(self, service: DataService) -> FoiScreen:
        """Build the screen over ``service``, importing its module now if it is not yet (a mode's factory)."""
        return self.load()(service, self)

    def load(self) -> type[FoiScreen]:
        """Import and return the screen class."""
        module, _, name = self.class_path.partition(":")
        screen_class: type[FoiScreen] = getattr(import_module(module), name)
        return screen_class


SCREENS: tuple[ScreenSpec, ...] = (
    ScreenSpec(
        "1", "trends", "Trends", "tui.screens.trends:TrendsScreen", "Officers investigated per year", roles=("period",)
    ),
    ScreenSpec(
        "2", "ranks", "Ranks", "tui.screens.ranks:RanksScreen", "Officers investigated by rank", roles=("rank",)
    ),
    ScreenSpec(
        "3",
        "outcomes",
        "Outcomes",
        "tui.screens.outcomes:OutcomesScreen",
        "Findings and sanctions",
        roles=("finding", "sanction"),
    ),
    ScreenSpec(
        "4",
        "sources",
        "Sources & checks",
        "tui.screens.sources:SourcesScreen",
        "Provenance, checks and the source's claims",
        has_chart=False,
    ),
    ScreenSpec("5", "more", "More", "tui.screens.more:MoreScreen", "By force, cross-tabs and every other breakdown"),
    ScreenSpec(
        "6",
        "cases",
        "Cases",
        "tui.screens.cases:CasesScreen",
        "The per-case rows: filter and group them",
        has_chart=False,
        needs="cases",
    ),
)
"""Every screen, in navigation order."""

POPUP_CSS: tuple[str, ...] = ("screens/help.tcss", "screens/provenance.tcss", "screens/opening.tcss")
"""Stylesheets of the pop-up screens (not in the navigation)."""

SCREEN_MODES: tuple[str, ...] = tuple(spec.mode for spec in SCREENS)
"""The mode names alone, in order."""


def available(spec: ScreenSpec, has: Callable[[str], bool]) -> bool:
    """True when a dataset (its ``has``) has what the screen needs."""
    return not spec.needs or has(spec.needs)


def spec_for(mode: str) -> ScreenSpec | None:
    """The spec of the screen with this mode name, or None."""
    return next((spec for spec in SCREENS if spec.mode == mode), None)


def resolve_screen(name: str) -> str | None:
    """The mode a user means by ``name``: a mode, a key number or a label, any case; None if none."""
    wanted = name.strip().casefold()
    for spec in SCREENS:
        if wanted in (spec.mode, spec.key, spec.label.casefold()):
            return spec.mode
    return None
