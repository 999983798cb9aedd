"""Exporting one table (``e``) and copying one figure (``y``): formats, provenance, atomic and safe writes."""

from __future__ import annotations

import base64
import csv
import io
import json
from dataclasses import replace
from pathlib import Path

import pytest

from tui.data import DataService
from tui.data.model import Provenance
from tui.data.views import TableView, breakdown_table, trend_table
from tui.export.clipboard import figure_line, osc52
from tui.export.table_file import ExportExists, file_name, render_table, save
from tui.export.target import EXPORT_DIR_VARIABLE, ExportRefused


def test_csv_has_every_row_derived_flag_and_provenance(service: DataService) -> None:
    view = breakdown_table(service, "rank")
    rows = list(csv.DictReader(io.StringIO(render_table(view, service.provenance, "csv"))))
    assert [r["rank"] for r in rows] == [r[0] for r in view.rows]
    group = next(r for r in rows if r["rank"] == "sergeant or above")
    assert group["officers"] == "20" and group["derived"] == "yes"
    assert all(r["source_url"].startswith("https://www.londonworld.com/") for r in rows)


def test_json_and_markdown_carry_provenance(service: DataService) -> None:
    view = trend_table(service)
    data = json.loads(render_table(view, service.provenance, "json"))
    assert data["rows"][-1] == {"year": "total", "officers": "184", "share": "100.0%", "change on year before": ""} | {
        "derived": True
    }
    assert data["provenance"]["publisher"] == "LondonWorld (NationalWorld)"
    markdown = render_table(view, service.provenance, "markdown")
    assert markdown.startswith(f"# {view.title}")
    assert "londonworld.com" in markdown and "| total \\* | 184 |" in markdown


def test_save_is_atomic_and_never_overwrites_without_asking(service: DataService, tmp_path: Path) -> None:
    environ = {EXPORT_DIR_VARIABLE: str(tmp_path)}
    view = trend_table(service)
    name = file_name(view, "csv")
    assert name == "foi-explorer-year.csv"
    path = save(name, "first\n", restricted=False, environ=environ)
    assert path == tmp_path / name and path.read_text() == "first\n"
    with pytest.raises(ExportExists):
        save(name, "second\n", restricted=False, environ=environ)
    assert path.read_text() == "first\n"
    save(name, "second\n", restricted=False, overwrite=True, environ=environ)
    assert path.read_text() == "second\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # no temp file left behind


def test_restricted_export_needs_a_folder_and_never_overwrites(tmp_path: Path) -> None:
    with pytest.raises(ExportRefused):
        save("a.csv", "x", restricted=True, environ={})
    environ = {EXPORT_DIR_VARIABLE: str(tmp_path)}
    save("a.csv", "x", restricted=True, environ=environ)
    with pytest.raises(ExportRefused):
        save("a.csv", "y", restricted=True, overwrite=True, environ=environ)
    assert (tmp_path / "a.csv").read_text() == "x"


def test_copy_line_is_one_line_with_its_source(service: DataService) -> None:
    line = figure_line("2020: 62 officers, 33.7% of 184", service.provenance)
    assert "\n" not in line
    assert line.startswith("2020: 62 officers, 33.7% of 184; Source: LondonWorld (NationalWorld)")
    assert line.endswith(service.provenance.sources[0].url)


def test_osc52_carries_the_text_base64_encoded() -> None:
    sequence = osc52("184 officers")
    assert sequence.startswith("\x1b]52;c;") and sequence.endswith("\x07")
    assert base64.b64decode(sequence[7:-1]).decode() == "184 officers"
    with pytest.raises(ValueError):
        osc52("x" * 100_000)


HOSTILE = "pc \x1b]52;c;ZXZpbA==\x07 \x1b[2J\x9b31m [/] [@click=app.quit] x"
"""A label trying a clipboard write, a screen clear, a C1 CSI, a markup close tag and a click action."""

CONTROL = {chr(c) for c in (*range(0x20), 0x7F, *range(0x80, 0xA0))} - {"\n"}
"""Characters that must never reach a file, the clipboard line or the screen from data."""


def _hostile(service: DataService) -> tuple[TableView, Provenance]:
    view = breakdown_table(service, "rank")
    rows = ((HOSTILE, *view.rows[0][1:]), *view.rows[1:])
    view = replace(view, title=f"{view.title} {HOSTILE}", rows=rows, note=HOSTILE)
    source = replace(service.provenance.sources[0], title=HOSTILE)
    provenance = replace(service.provenance, publisher=HOSTILE, sources=(source,), caveats=(HOSTILE,))
    return view, provenance


@pytest.mark.parametrize("fmt", ["csv", "json", "markdown"])
def test_exports_of_hostile_text_carry_no_control_character(service: DataService, fmt: str) -> None:
    view, provenance = _hostile(service)
    text = render_table(view, provenance, fmt)
    assert not CONTROL & set(text)
    assert "[/] [@click=app.quit]" in text  # shown as written: markup means nothing in a file
    assert "␛]52;c;ZXZpbA==␇" in text  # the escape made visible, not dropped silently


def test_copied_line_of_hostile_text_is_one_safe_line(service: DataService) -> None:
    _, provenance = _hostile(service)
    line = figure_line(f"{HOSTILE}: 160 officers", provenance)
    assert not CONTROL & set(line)
    assert "[@click=app.quit]" in line
    sequence = osc52(line)
    assert sequence.count("\x1b") == 1 and sequence.count("\x07") == 1  # only the sequence's own frame
    assert base64.b64decode(sequence[len("\x1b]52;c;") : -1]).decode() == line


@pytest.mark.parametrize(
    ("url", "linked"),
    [
        ("https://www.londonworld.com/news/a-b", True),
        ("http://example.org/x?y=1", True),
        ("javascript:alert(1)", False),
        ("file:///etc/passwd", False),
        ("https://e.org/\x1b]8;;x\x07", False),
        ("https://e.org/a b", False),
    ],
)
def test_only_web_addresses_become_terminal_links(url: str, linked: bool) -> None:
    from tui.widgets.url_text import url_text

    text = url_text(url)
    assert bool(text.style and text.style.link) == linked  # type: ignore[union-attr]
    assert not CONTROL & set(text.plain)
