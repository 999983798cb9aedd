"""The data layer and the report export never import Textual."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    "module",
    [
        "tui.data",
        "tui.data.service",
        "tui.data.views",
        "tui.export.report",
        "tui.cli",
        "tui.terminal",
        "tui.terminal.restricted",
        "tui.serve",
        "tui.screen_registry",
    ],
)
def test_module_does_not_import_textual(module: str) -> None:
    code = (
        f"import sys, {module}\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'textual', 'textual_plotext', 'plotext'}"
        " or m.startswith(('tui.screens', 'tui.widgets', 'tui.app')))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert result.stdout.strip() == ""
