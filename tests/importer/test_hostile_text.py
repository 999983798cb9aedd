"""Text read from a spreadsheet is untrusted: headers and labels pass safe_text before any screen or stdout."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.importer import files
from tests.ui.conftest import settle
from tests.ui.test_hostile_app import FORBIDDEN, problems
from tui.app import build_app
from tui.cli import main
from tui.data import DataService
from tui.data.cases import CaseTable, read_cases
from tui.importer import import_file

CLIPBOARD = "\x1b]52;c;aGk=\x07"
"""An OSC 52 clipboard write: a terminal that gets it copies text without asking."""

HOSTILE = [
    ["Case ref", "Year", "Rank", "Outcome", f"Notes{CLIPBOARD} [bold]x[/]"],
    ["[red]C1[/]", "2019", "PC\x1b[31m[/]", "Case to answer", "\x1b[2Jcleared"],
    ["C2", "2020", "[link=https://x.invalid]PS[/link]", "No case to answer", "\u202eevil"],
    ["C3", "2020", "DC", "live", "ok"],
]
"""Per-case rows whose unrecognised header and some labels carry escape sequences and Rich markup."""


def hostile_csv(folder: Path) -> Path:
    return files.write_csv(folder / "hostile.csv", HOSTILE)


def strings(value: object) -> list[str]:
    """Every string inside parsed JSON."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for item in value for s in strings(item)]
    if isinstance(value, dict):
        return [s for key, item in value.items() for s in (key, *strings(item))]
    return []


def test_import_prints_and_writes_hostile_text_harmlessly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "package"
    assert main(["import", str(hostile_csv(tmp_path)), "--out", str(out)]) == 0
    printed = capsys.readouterr()
    assert not FORBIDDEN.search((printed.out + printed.err).replace("\n", ""))
    assert "not recognised: column 'Notes␛]52;c;aGk=␇ [bold]x[/]'" in printed.err  # shown, not obeyed
    written = [s for p in out.iterdir() if p.suffix in (".csv", ".json") for s in _texts(p)]
    assert written and not any(FORBIDDEN.search(s) for s in written)
    service = DataService.from_path(out)  # the strict loader and its JSON Schema accept what import wrote
    assert "pc␛[31m[/]" in service.categories("rank")  # the escape shown as a picture, the markup as text
    assert "[link=https://x.invalid]ps[/link]" in service.categories("rank")  # markup kept as plain text
    cases = CaseTable(read_cases(out / "cases.csv"))
    shown = [*cases.columns, *(v for row in cases.rows(0, len(cases)) for v in row)]
    assert "[red]C1[/]" in shown and not any(FORBIDDEN.search(v) for v in shown)


def test_cases_in_memory_are_made_safe_before_a_screen_sees_them(tmp_path: Path) -> None:
    frame = import_file(hostile_csv(tmp_path)).dataset.cases
    assert frame is not None
    cases = CaseTable(frame)
    shown = [*cases.columns, *(v for row in cases.rows(0, len(cases)) for v in row)]
    assert not any(FORBIDDEN.search(v) for v in shown)
    assert any(v.startswith("␛[2J") for v in shown)


async def test_hostile_spreadsheet_opened_with_data_shows_nothing_harmful(tmp_path: Path) -> None:
    service = DataService(import_file(hostile_csv(tmp_path)).dataset)
    app = build_app(service)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for key in ("1", "2", "t", "3", "4", "5", "g", "escape", "s", "escape"):
            await pilot.press(key)
            await settle(pilot)
            assert problems(app) == [], f"after {key}"
        assert app.is_running  # no markup was parsed (a [/] would have raised), no link followed


def _texts(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return strings(json.loads(text)) if path.suffix == ".json" else re.split(r"[,\r\n]", text)
