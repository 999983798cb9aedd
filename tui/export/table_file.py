"""One table of figures as a file (CSV, JSON or Markdown) with its provenance, written atomically.

What ``e`` in the app writes. UI-free: the app asks for a format, shows the path or the reason
for a refusal, and asks before overwriting (:class:`ExportExists`).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import tempfile
from collections.abc import Mapping
from dataclasses import fields, replace
from pathlib import Path
from typing import Any, Protocol, TypeVar

from tui.data.formatting import provenance_lines
from tui.data.model import Provenance, Source
from tui.data.safe_text import safe_text
from tui.data.views import TableView
from tui.export.report import PROVENANCE_COLUMNS, provenance_row
from tui.export.target import ExportRefused, export_path

_Record = TypeVar("_Record", Provenance, Source)

TABLE_FORMATS: dict[str, str] = {"csv": ".csv", "json": ".json", "markdown": ".md"}
"""The formats a table can be exported in, with their file suffix."""


class ExportExists(Exception):
    """The export's file already exists; ask before calling :func:`save` again with ``overwrite``."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} already exists")
        self.path = path


class Keyed(Protocol):
    """Anything with the ``key`` a table's file is named after (a :class:`TableView`, a table still to build)."""

    @property
    def key(self) -> str:
        """The table's short name, e.g. ``rank``."""
        ...


def file_name(view: Keyed, fmt: str) -> str:
    """A plain file name for a table, e.g. ``foi-explorer-rank.csv``."""
    slug = re.sub(r"[^a-z0-9]+", "-", view.key.lower()).strip("-") or "table"
    return f"foi-explorer-{slug}{TABLE_FORMATS[fmt]}"


def render_table(view: TableView, provenance: Provenance, fmt: str) -> str:
    """The table in ``fmt`` (``csv``, ``json`` or ``markdown``), carrying its provenance.

    CSV repeats the provenance on every row (a row copied out still says where it comes from)
    and adds a ``derived`` column; JSON has a ``provenance`` object; Markdown a list under the title.
    Every text from the data passes :func:`~tui.data.safe_text.safe_text` first: a file shown with
    ``cat`` can carry no terminal control sequence.
    """
    view, provenance = _safe_view(view), _safe_provenance(provenance)
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([*view.columns, "derived", *PROVENANCE_COLUMNS])
        where = provenance_row(provenance)
        for row, derived in zip(view.rows, view.derived, strict=True):
            writer.writerow([*row, "yes" if derived else "", *where])
        return out.getvalue()
    if fmt == "json":
        payload = {
            "title": view.title,
            "columns": list(view.columns),
            "rows": [
                dict(zip(view.columns, row, strict=True)) | {"derived": derived}
                for row, derived in zip(view.rows, view.derived, strict=True)
            ],
            "note": view.note,
            "provenance": dict(zip(PROVENANCE_COLUMNS, provenance_row(provenance), strict=True))
            | {"caveats": list(provenance.caveats)},
        }
        return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
    if fmt == "markdown":
        return _markdown(view, provenance)
    raise ValueError(f"unknown export format {fmt!r} (known: {', '.join(TABLE_FORMATS)})")


def _safe_view(view: TableView) -> TableView:
    """The view with every title, column, cell and note passed through :func:`safe_text`.

    Each distinct cell text is made safe once: a table of two million case rows repeats a few values.
    """
    made_safe: dict[str, str] = {}

    def cell(value: str) -> str:
        safe = made_safe.get(value)
        if safe is None:
            safe = made_safe[value] = safe_text(value)
        return safe

    return replace(
        view,
        title=safe_text(view.title),
        columns=tuple(safe_text(c) for c in view.columns),
        rows=tuple(tuple(cell(v) for v in row) for row in view.rows),
        numeric=frozenset(safe_text(c) for c in view.numeric),
        note=safe_text(view.note),
    )


def _safe_provenance(provenance: Provenance) -> Provenance:
    """The provenance with every text (its fields, its sources', its caveats) passed through :func:`safe_text`."""
    return replace(
        _safe_strings(provenance),
        sources=tuple(_safe_strings(source) for source in provenance.sources),
        caveats=tuple(safe_text(caveat) for caveat in provenance.caveats),
    )


def _safe_strings(item: _Record) -> _Record:
    """A copy of a dataclass ``item`` with each of its string fields passed through :func:`safe_text`."""
    texts: dict[str, object] = {f.name: getattr(item, f.name) for f in fields(item)}
    safe: dict[str, Any] = {name: safe_text(value) for name, value in texts.items() if isinstance(value, str)}
    return replace(item, **safe)


def _markdown(view: TableView, provenance: Provenance) -> str:
    def cell(text: str) -> str:
        return text.replace("|", "\\|")

    align = ["---:" if c in view.numeric else "---" for c in view.columns]
    lines = [f"# {view.title}", ""]
    lines += [f"- **{label}:** {value}" for label, value in provenance_lines(provenance)]
    lines += ["", "| " + " | ".join(view.columns) + " |", "| " + " | ".join(align) + " |"]
    for row, derived in zip(view.rows, view.derived, strict=True):
        first = f"{row[0]} \\*" if derived else row[0]
        lines.append("| " + " | ".join(cell(v) for v in (first, *row[1:])) + " |")
    if any(view.derived):
        lines += ["", "\\* worked out here from the source's figures, not published by the source."]
    if view.note:
        lines += ["", view.note]
    if provenance.caveats:
        lines += ["", "**Caveats**", "", *(f"- {c}" for c in provenance.caveats)]
    return "\n".join(lines) + "\n"


def save(
    name: str,
    content: str,
    *,
    restricted: bool,
    overwrite: bool = False,
    environ: Mapping[str, str] | None = None,
) -> Path:
    """Write ``content`` to the export ``name`` atomically (temp file in the same folder, then rename).

    Raises :class:`~tui.export.target.ExportRefused` when the rules forbid it (restricted mode
    without an export folder, a path outside it), :class:`ExportExists` when the file exists and
    ``overwrite`` is not set (restricted mode never overwrites), and ``OSError`` when the disk says no.
    """
    path = export_path(name, restricted=restricted, environ=environ)
    if restricted and path.exists():
        raise ExportRefused(f"{name!r} already exists in the export folder")
    if path.exists() and not overwrite:
        raise ExportExists(path)
    folder = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(content)
        if overwrite and not restricted:
            os.replace(temporary, path)
        else:
            _link_new(temporary, path)
    except FileExistsError:
        os.unlink(temporary)
        raise ExportExists(path) from None
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
    return path


def _link_new(temporary: str, path: Path) -> None:
    """Give the written temp file its final name, never replacing a file that appeared meanwhile."""
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: check, then rename
        if path.exists():
            raise FileExistsError(path) from None
        os.replace(temporary, path)
        return
    os.unlink(temporary)
