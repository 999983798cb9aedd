"""Limits on what a dataset may contain, checked before (or while) it is read.

A dataset comes from a stranger: these bounds keep a broken or hostile one from
exhausting memory or time, and keep every label short enough to show.
"""

from __future__ import annotations

MAX_DESCRIPTOR_BYTES = 1_000_000
"""Largest ``datapackage.json``, in bytes."""

MAX_TABLE_BYTES = 50_000_000
"""Largest CSV file of a dataset, in bytes (a 100,000-row figures table is about 5 MB)."""

MAX_JSON_DEPTH = 32
"""Deepest nesting of arrays and objects in ``datapackage.json``."""

MAX_ROWS = 200_000
"""Most data rows in one CSV file (the benchmark's largest figures table has 100,000)."""

MAX_COLUMNS = 64
"""Most columns in one CSV file."""

MAX_LABEL = 200
"""Longest dimension, category or period label, in characters."""

MAX_TEXT = 4000
"""Longest free text (a note, a claim, a definition, a caveat), in characters."""

MAX_COUNT = 1_000_000_000
"""Largest count a figure may hold (a billion: far above any force's headcount)."""

MAX_DIGITS = 30
"""Longest number accepted in a CSV cell, in characters, before it is even converted."""
