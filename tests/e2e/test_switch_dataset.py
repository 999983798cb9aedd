"""Switching dataset with ``d`` in the installed app, in a real pseudo-terminal at 80x24."""

from __future__ import annotations

import pytest

from tests.e2e.pty_session import PtySession, installed_command

pytestmark = pytest.mark.e2e


def test_d_picks_another_dataset_and_the_figures_change(tmp_path) -> None:
    with PtySession([installed_command()], cols=80, rows=24, env={"HOME": str(tmp_path)}) as term:
        term.wait_for("184 in all", "peak 2021 (92)", "met-2018-2021 · LondonWorld", timeout=30)
        term.send("d")
        term.wait_for("Open a dataset", "11 of 11 datasets", timeout=30)
        term.send("guardian 2022")
        term.wait_for("1 of 11 datasets", "met-guardian-2022")
        term.send("\r")
        screen = term.wait_for("412 officers investigated", "met-guardian-2022 · The Guardian", timeout=30)
        assert "184 in all" not in screen and "peak 2021" not in screen
        term.send("3")
        term.wait_for("written warning", "reflective practice", "would have been dismissed")
        term.send("d")
        term.wait_for("Open a dataset")
        term.send("\x1b")  # escape: the picker closes, the dataset stays
        term.wait_until(lambda s: "Open a dataset" not in s, what="the picker to close")
        term.send("q")
        assert term.wait_exit() == 0
