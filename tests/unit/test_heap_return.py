"""The app asks glibc to give big freed blocks back to the system (its peak memory at 100k rows needs it)."""

from __future__ import annotations

import platform
import subprocess
import sys

import pytest

from tui.data import heap_return


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="only glibc's malloc has this threshold")
def test_glibc_takes_the_threshold_once() -> None:
    assert heap_return.return_big_blocks()
    assert heap_return.return_big_blocks()


def test_the_app_fixes_the_threshold_when_it_opens_its_data(tmp_path) -> None:
    code = (
        "from tui.data import heap_return\n"
        "from tui.data.answer_cache import open_service\n"
        "from tui.data.locate import default_dataset_path\n"
        f"open_service(default_dataset_path(), 'trends', env={{'XDG_CACHE_HOME': {str(tmp_path)!r}}})\n"
        "print(heap_return._fixed)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert done.stdout.strip() == str(platform.libc_ver()[0] == "glibc")
