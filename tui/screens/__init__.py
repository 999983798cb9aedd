"""The app's screens: one module each, thin, asking the data service and rendering."""

from tui.screens.base import FoiScreen
from tui.screens.help import HelpScreen
from tui.screens.outcomes import OutcomesScreen
from tui.screens.provenance import ProvenanceScreen
from tui.screens.ranks import RanksScreen
from tui.screens.sources import SourcesScreen
from tui.screens.trends import TrendsScreen

__all__ = [
    "FoiScreen",
    "HelpScreen",
    "OutcomesScreen",
    "ProvenanceScreen",
    "RanksScreen",
    "SourcesScreen",
    "TrendsScreen",
]
