"""Pause Python's cyclic garbage collector while a big table is built.

Reading 100,000 rows creates millions of small containers, none of them in a cycle; the
collector would walk the growing heap again and again meanwhile (a third of the load time
at 100k figure rows). Reference counting still frees everything as usual; the collector is
switched back on (if it was on) when the last pause ends, in whichever thread.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def gc_paused() -> Iterator[None]:
    """Run the block with the cyclic collector off; pauses nest and may overlap across threads."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
