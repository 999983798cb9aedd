"""The committed screenshots/ are the app as it is: regenerated once per session, compared byte for byte."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tui.cli import main
from tui.demo.screenshots import shots

COMMITTED = ROOT / "screenshots"
REGENERATE = "foi-explorer screenshots  (from the repository root; review the SVGs, then commit them)"


@pytest.fixture(scope="session")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, str, Path]:
    """Run ``foi-explorer screenshots DIR`` once: its exit status, its output and the folder."""
    folder = tmp_path_factory.mktemp("screenshots") / "out"
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main(["screenshots", str(folder)])
    return status, out.getvalue(), folder


def test_cli_writes_every_screenshot_into_the_folder(generated: tuple[int, str, Path]) -> None:
    status, output, folder = generated
    assert status == 0
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted(shot.filename for shot in shots())
    assert len(names) == 20
    assert output == f"wrote 20 screenshots to {folder}/\n"
    for name in ("trends-chart-80x24.svg", "ranks-table-120x40.svg", "help-80x24.svg", "source-popup-80x24.svg"):
        assert name in names
    svg = (folder / "trends-chart-80x24.svg").read_text(encoding="utf-8")
    assert svg.startswith("<svg") and ">foi-explorer:&#160;trends,&#160;chart<" in svg


def test_committed_screenshots_are_not_stale(generated: tuple[int, str, Path]) -> None:
    _, _, folder = generated
    fresh = {p.name: p.read_bytes() for p in folder.iterdir()}
    committed = {p.name: p.read_bytes() for p in COMMITTED.glob("*.svg")}
    missing = sorted(set(fresh) - set(committed))
    extra = sorted(set(committed) - set(fresh))
    stale = sorted(name for name in set(fresh) & set(committed) if fresh[name] != committed[name])
    problems = [f"stale: screenshots/{n}" for n in stale] + [f"missing: screenshots/{n}" for n in missing]
    problems += [f"no longer generated: screenshots/{n} (delete it)" for n in extra]
    assert not problems, "\n".join([*problems, f"regenerate with: {REGENERATE}"])


def test_same_code_and_data_give_identical_files(generated: tuple[int, str, Path], service) -> None:
    import asyncio

    from tui.demo.screenshots import render_shot

    _, _, folder = generated
    shot = next(s for s in shots() if s.filename == "source-popup-80x24.svg")
    again = asyncio.run(render_shot(service, shot))
    assert again == (folder / shot.filename).read_text(encoding="utf-8")


def test_readme_embeds_committed_screenshots() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    embedded = [line.split("](", 1)[1].split(")", 1)[0] for line in readme.splitlines() if line.startswith("![")]
    assert len(embedded) >= 4
    for link in embedded:
        assert link.startswith("screenshots/") and (ROOT / link).is_file(), link
