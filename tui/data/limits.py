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

MAX_CASES_BYTES = 512_000_000
"""Largest ``cases.csv`` (per-case rows written by ``import``), in bytes: its own bound, far above
the figures' (a million imported cases, each value beside its canonical name, take about 110 MB);
checked by size before a byte is read."""

MAX_CASE_ROWS = 2_000_000
"""Most per-case rows in ``cases.csv`` or an imported spreadsheet (twice the million the tool is
measured with); the figures' :data:`MAX_ROWS` does not apply to them."""

MAX_SPREADSHEET_BYTES = 256 * 1024 * 1024
"""Largest spreadsheet ``import`` or ``--data FILE`` reads (a million-case CSV is about 45 MB);
refused by its size before it is read."""
