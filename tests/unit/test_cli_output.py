"""CLI polish: one-line errors for unwritable paths, provenance in CSV, check as CSV, text wrapped to the width."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys

import pytest

UNWRITABLE = "/proc/nope"
"""A path nobody can create, root included."""


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


@pytest.mark.parametrize(
    "args",
    [["screenshots", UNWRITABLE], ["record-demo", f"{UNWRITABLE}/tour.cast"]],
    ids=["screenshots", "record-demo"],
)
def test_unwritable_output_is_one_line_and_exit_2(args: list[str]) -> None:
    """Issue 12 #9: a 21-line traceback and exit 1."""
    result = run(*args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("foi-explorer: error: cannot write /proc/nope")
    assert "Traceback" not in result.stderr


def test_report_csv_rows_carry_their_provenance() -> None:
    """Issue 12 #16: the CSV had no source, URL or FoI note."""
    rows = list(csv.DictReader(io.StringIO(run("report", "--format", "csv").stdout)))
    assert rows
    for row in rows:
        assert row["publisher"] == "LondonWorld (NationalWorld)"
        assert row["source_url"].startswith("https://www.londonworld.com/")
        assert row["foi_reference"].startswith("FoI ref not stated")
        assert row["period"] == "2018-2021"


def test_check_csv_lists_checks_and_claims_with_provenance() -> None:
    """Issue 12 #16: ``check`` had no CSV."""
    result = run("check", "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    kinds = {row["kind"] for row in rows}
    assert kinds == {"check", "claim"}
    claim = next(row for row in rows if row["id"] == "C4")
    assert claim["status"] == "supported"
    assert all(row["source_url"] for row in rows)


@pytest.mark.parametrize("command", ["report", "check"])
@pytest.mark.parametrize("width", [80, 120])
def test_text_output_is_wrapped_to_the_terminal_width(command: str, width: int) -> None:
    """Issue 12 #16: text output had lines of 284 characters; only a whole URL may be longer."""
    out = run(command, env={"COLUMNS": str(width)}).stdout
    long = [line for line in out.splitlines() if len(line) > width]
    assert all(line.strip().startswith("https://") and " " not in line.strip() for line in long), long


def test_help_says_what_low_bandwidth_does() -> None:
    """Issue 12 #15: ``--help`` omitted what ``--low-bandwidth`` changes."""
    out = run("--help", env={"COLUMNS": "200"}).stdout
    line = next(line for line in out.splitlines() if line.strip().startswith("--low-bandwidth"))
    assert "mouse" in line
