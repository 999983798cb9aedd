"""Everything about the terminal the app runs in.

- :mod:`~tui.terminal.environment`: what the terminal can do, read before Textual is imported.
- :mod:`~tui.terminal.restricted`: restricted mode's rules (environment scrub, terminal check), pre-Textual;
  :mod:`~tui.terminal.restricted_app`: the same mode's refusals inside the running app.
- :mod:`~tui.terminal.terminal_app`: the App base that writes only what the terminal can show.
- :mod:`~tui.terminal.driver`, :mod:`~tui.terminal.redraw`, :mod:`~tui.terminal.output_filters`:
  the resilient driver, changed-cells output, and the colour/ASCII line filters.
- :mod:`~tui.terminal.textual_private`: the only module that touches Textual/Rich private names.

Importing this package does not import Textual.
"""

from tui.terminal.environment import Terminal, detect, prepare_environment

__all__ = ["Terminal", "detect", "prepare_environment"]
