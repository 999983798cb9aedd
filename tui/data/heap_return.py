"""Have the C allocator give big freed blocks straight back to the system (glibc's malloc; elsewhere nothing).

glibc serves a block larger than its threshold (128 KiB at first) with a memory map of its own,
unmapped when freed. But each time such a block is freed it raises the threshold (up to 32 MiB):
from then on the big blocks of a large dataset -- the columns, lists and arrays of 100,000 figure
rows, made and dropped while loading and answering -- come from the heap, and the process keeps
their memory after they are freed. Fixing the threshold keeps those blocks mapped and returned:
at 100,000 figure rows the app's peak RSS is 25-40 MiB lower.
"""

from __future__ import annotations

import ctypes
import sys

M_MMAP_THRESHOLD = -3
"""glibc's ``mallopt`` parameter for the threshold (from ``malloc.h``)."""

MMAP_THRESHOLD = 128 * 1024
"""glibc's own starting threshold, kept: smaller blocks stay in the heap, where they are cheap."""

_fixed = False


def return_big_blocks() -> bool:
    """Fix the threshold for this process (once); True when the C library took it."""
    global _fixed
    if _fixed or not sys.platform.startswith("linux"):
        return _fixed
    try:
        mallopt = ctypes.CDLL(None).mallopt  # the C library this interpreter runs on
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    _fixed = mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD) == 1
    return _fixed
