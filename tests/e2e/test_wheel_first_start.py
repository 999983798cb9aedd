"""The very first start of the app installed from its wheel: the bundled dataset's answers come with it."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import tui
from tests.e2e.conftest import home_env
from tests.e2e.noting_app import NOTING_APP
from tests.e2e.pty_session import PtySession
from tui.data import default_dataset_path
from tui.data.answer_cache import SHIPPED_INDEX, dataset_key
from tui.data.service import DataService

pytestmark = pytest.mark.e2e

REPO = Path(tui.__file__).resolve().parent.parent
BUILD_TIMEOUT_S = 600


@pytest.fixture(scope="module")
def installed_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from this checkout (its build hook recording the answers), unpacked as pip installs it."""
    if not (REPO / "pyproject.toml").is_file() or not (REPO / "hatch_build.py").is_file():
        pytest.skip("needs the source checkout to build the wheel")
    pytest.importorskip("hatchling")
    out = tmp_path_factory.mktemp("wheel")
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(out), str(REPO)],
        env=env,
        check=True,
        timeout=BUILD_TIMEOUT_S,
        capture_output=True,
    )
    (wheel,) = out.glob("foi_explorer-*.whl")
    site = tmp_path_factory.mktemp("site")
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    return site


def test_the_wheel_ships_the_answers_of_the_bundled_datasets_for_its_own_code(installed_wheel: Path) -> None:
    shipped = installed_wheel / "tui" / "_answers"
    assert (shipped / SHIPPED_INDEX).is_file()
    key = dataset_key(default_dataset_path())  # the same code and data in this checkout: the same key
    assert key is not None
    assert (shipped / f"{key[:32]}-common.json").is_file()
    assert (shipped / f"{key[:32]}-trends.json").is_file()


def test_a_very_first_start_from_the_wheel_shows_figures_before_importing_pandas(
    installed_wheel: Path, tmp_path: Path
) -> None:
    """Nothing in the user's cache: the first frame with figures comes from the answers shipped in the wheel."""
    total = f"{DataService.from_path(default_dataset_path()).total} in all"
    events = tmp_path / "events"
    argv = [sys.executable, "-P", "-c", NOTING_APP, str(events), total]  # -P: this checkout is not on the path
    env = {**home_env(tmp_path / "home"), "PYTHONPATH": str(installed_wheel), "PYTHONDONTWRITEBYTECODE": "1"}
    with PtySession(argv, env=env) as term:
        term.wait_for(total, timeout=30)
        term.wait_until(lambda _: "frame" in events.read_text(encoding="utf-8"), what="the first frame noted")
        term.send("q")
        assert term.wait_exit() == 0
    noted = events.read_text(encoding="utf-8").splitlines()
    assert noted[0] == f"package {installed_wheel / 'tui' / '__init__.py'}", noted
    assert "frame, pandas imported: False" in noted, noted
