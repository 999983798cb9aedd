"""The Cases screen reads a big cases.csv in a worker: the app answers q at once while it loads."""

from __future__ import annotations

import time
from pathlib import Path

import pandas as pd
import pytest

from tests.e2e.pty_session import PtySession, installed_command
from tests.importer import files
from tui.importer import import_file, write_package

pytestmark = pytest.mark.e2e

BIG = 400_000


def test_q_quits_while_the_cases_load(tmp_path: Path) -> None:
    result = import_file(files.write_csv(tmp_path / "cases.csv", files.PER_CASE))
    package = write_package(result, tmp_path / "package")
    cases = pd.read_csv(package / "cases.csv", dtype=str, keep_default_na=False)
    cases.sample(BIG, replace=True, random_state=1).to_csv(package / "cases.csv", index=False)
    command = [installed_command(), "--data", str(package), "--screen", "cases"]
    with PtySession(command, cols=80, rows=24, env={"HOME": str(tmp_path)}) as term:
        term.wait_for("Reading the cases")
        term.send("q")
        start = time.monotonic()
        assert term.wait_exit(timeout=20) == 0
        assert time.monotonic() - start < 20
