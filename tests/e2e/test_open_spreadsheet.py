"""``--data FILE.csv`` in a real pseudo-terminal: the app at once, the import behind a progress screen.

A million made-up cases (``scripts/make_cases.py``) take long enough to import that the opening
screen is seen and ``q`` arrives while the import still runs.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.make_cases import write
from tests.e2e.pty_session import PtySession, installed_command
from tests.e2e.test_signals import restored
from tests.importer import files
from tests.importer.test_bad_files import make_truncated_xlsx

pytestmark = pytest.mark.e2e

ROWS = 1_000_000


@pytest.fixture(scope="module")
def big_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A million per-case rows (about 45 MB), written once for the tests of this module."""
    return write(tmp_path_factory.mktemp("big") / "big.csv", ROWS)


def test_the_import_shows_its_progress_then_the_figures(tmp_path: Path, big_csv: Path) -> None:
    with PtySession([installed_command(), "--data", str(big_csv)], env={"HOME": str(tmp_path)}) as term:
        term.wait_for("foi-explorer", f"{ROWS} in all", timeout=60)
        assert b"Opening big.csv" in term.raw  # the opening screen was drawn before the figures,
        assert b"reading the file..." in term.raw  # with the step under way
        term.send("q")
        assert term.wait_exit() == 0
    tail = bytes(term.raw).rsplit(b"\x1b[?1049l", 1)[-1].decode(errors="replace")
    assert f"big.csv: {ROWS} rows: {ROWS} imported, 0 skipped" in tail  # the summary, once the terminal is back


def test_q_quits_while_the_spreadsheet_is_imported(tmp_path: Path, big_csv: Path) -> None:
    with PtySession([installed_command(), "--data", str(big_csv)], env={"HOME": str(tmp_path)}) as term:
        term.wait_for("Opening big.csv", "q quit", timeout=30)
        term.send("q")
        assert term.wait_exit(timeout=20) == 0
    raw = bytes(term.raw)
    assert restored(raw)
    assert b"in all" not in raw  # quit before the figures were shown
    assert b"Traceback" not in raw


def test_a_bad_spreadsheet_ends_the_app_with_one_line(tmp_path: Path) -> None:
    sheet = make_truncated_xlsx(tmp_path)  # known bad only once it is read, after the app has started
    with PtySession([installed_command(), "--data", str(sheet)], env={"HOME": str(tmp_path)}) as term:
        assert term.wait_exit(timeout=30) == 2
    raw = bytes(term.raw)
    assert restored(raw)
    tail = raw.rsplit(b"\x1b[?1049l", 1)[-1].decode(errors="replace")
    errors = [line for line in tail.splitlines() if "foi-explorer: error:" in line]
    assert len(errors) == 1 and "truncated.xlsx" in errors[0] and "not a readable XLSX workbook" in errors[0]
    assert "Traceback" not in tail


def test_a_missing_file_is_refused_before_the_app_starts(tmp_path: Path) -> None:
    missing = tmp_path / "missing.csv"
    with PtySession([installed_command(), "--data", str(missing)], env={"HOME": str(tmp_path)}) as term:
        assert term.wait_exit(timeout=30) == 2
    assert b"\x1b[?1049h" not in term.raw
    assert b"missing.csv: no such file" in term.raw


def test_a_small_spreadsheet_opens_with_its_summary(tmp_path: Path) -> None:
    sheet = files.write_csv(tmp_path / "response.csv", files.PER_CASE)
    with PtySession([installed_command(), "--data", str(sheet)], env={"HOME": str(tmp_path)}) as term:
        term.wait_for("6 in all")
        term.send("q")
        assert term.wait_exit() == 0
    tail = bytes(term.raw).rsplit(b"\x1b[?1049l", 1)[-1].decode(errors="replace")
    assert "response.csv: 9 rows: 6 imported, 3 skipped" in tail
