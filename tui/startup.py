"""Start-up without the garbage collector: it has nothing to free yet, and costs ~10 % of the start.

Importing Textual and building the first screen allocates hundreds of thousands of objects that
live as long as the app; Python's collector would walk them again and again on the way. It is
paused while the app starts and resumed once the first screen is drawn, with what exists by then
moved out of its sight (``gc.freeze``), so later collections are cheaper too.
"""

from __future__ import annotations

import gc


def pause_collector() -> None:
    """Stop automatic garbage collection until :func:`resume_collector`."""
    gc.disable()


def resume_collector() -> None:
    """Freeze what start-up built and collect garbage automatically again (nothing if it is not paused)."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()
