"""Wheel build hook: ship the bundled datasets' answers, recorded from the very code and data being packed.

A very first start of the installed app then reads the first screen's answers from ``tui/_answers``
instead of importing pandas and loading the data (``tui.data.answer_cache``: they are checked
against the installed dataset and code like any cache file, and ignored if they do not match).
The answers are recorded by driving the app headless (``tui.demo.shipped_answers``), in a child
process of the build environment, which holds the app's runtime dependencies for it. Editable
installs ship none: their first start computes the answers, as for any dataset.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

RECORD_TIMEOUT_S = 600


class ShippedAnswersHook(BuildHookInterface):
    """Record the bundled datasets' answers into the wheel as ``tui/_answers``."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        folder = Path(tempfile.mkdtemp(prefix="foi-answers-"))
        env = {**os.environ, "PYTHONPATH": self.root, "PYTHONDONTWRITEBYTECODE": "1"}
        for name in ("XDG_CACHE_HOME", "NO_COLOR", "FOI_EXPLORER_DEBUG"):
            env.pop(name, None)
        subprocess.run(
            [sys.executable, "-m", "tui.demo.shipped_answers", str(folder)],
            cwd=self.root,
            env=env,
            check=True,
            timeout=RECORD_TIMEOUT_S,
        )
        build_data["force_include"][str(folder)] = "tui/_answers"
        self._recorded = folder

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        folder = getattr(self, "_recorded", None)
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
