"""The bundled datasets' answers, recorded by driving the app headless, to ship with the package.

Run when the wheel is built (``hatch_build.py``): for every bundled dataset the app starts as on a
very first start (nothing cached), every screen is visited, and the answer cache files it writes
(:mod:`tui.data.answer_cache`) are what the wheel ships in ``tui/_answers``, with the digest of each.
They carry the dataset's content key like any cache file, so an installed app reads them only for
the very data and code they were recorded from (``python -m tui.demo.shipped_answers FOLDER``).
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path
from typing import cast

from tui.app import build_app
from tui.data.answer_cache import (
    CACHE_FOLDER,
    RecordingService,
    dataset_key,
    open_service,
    read_answers,
    write_answers,
    write_shipped_index,
)
from tui.data.catalog import Catalog
from tui.data.locate import datasets_root
from tui.data.service import DataService
from tui.demo.headless import settle
from tui.screen_registry import SCREENS

SIZE = (80, 24)
"""The terminal size of the recording start (the screens ask the same at every size and view: the tests check)."""


async def _visit_every_screen(dataset: Path, cache_home: Path) -> None:
    """A very first start on ``dataset`` (cache at ``cache_home``, empty), every screen visited."""
    service = open_service(dataset, SCREENS[0].mode, env={"XDG_CACHE_HOME": str(cache_home)})
    if not isinstance(service, RecordingService):
        raise RuntimeError(f"{dataset}: answers were found in a cache, not recorded from the data")
    app = build_app(cast(DataService, service), dataset_name=dataset.name)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for spec in (*SCREENS, SCREENS[0]):
            await pilot.press(spec.key)
            await settle(pilot)


def record(folder: Path, datasets: list[Path] | None = None) -> list[Path]:
    """Record the answers of every bundled dataset (or ``datasets``) into ``folder``, with the index of their
    digests (:data:`~tui.data.answer_cache.SHIPPED_INDEX`); return the answer files written. With every
    bundled dataset, their catalog entries too (:mod:`tui.data.catalog_cache`).

    Raises:
        RuntimeError: a dataset cannot be read, or its answers could not be recorded or written.
    """
    written: list[Path] = []
    for dataset in datasets if datasets is not None else _bundled():
        key = dataset_key(dataset)
        if key is None:
            raise RuntimeError(f"{dataset}: not a readable dataset package")
        with tempfile.TemporaryDirectory() as home:
            asyncio.run(_visit_every_screen(dataset, Path(home)))
            for file in sorted((Path(home) / CACHE_FOLDER).glob(f"{key[:32]}-*.json")):
                screen = file.stem[33:]
                answers = read_answers(file.parent, key, screen)
                if answers is None:
                    raise RuntimeError(f"{file}: written by the app but not readable")
                if not write_answers(folder, key, screen, answers):
                    raise RuntimeError(f"{folder}: cannot write the answers of {dataset.name}")
                written.append(folder / file.name)
    if datasets is None:  # the catalog of the bundled datasets: listed on a start with no folder of the user's
        Catalog(cache=folder, write_cache=True).folder_entries  # noqa: B018 (loaded and written)
    write_shipped_index(folder)
    return written


def _bundled() -> list[Path]:
    root = datasets_root()
    return sorted(p for p in root.iterdir() if (p / "datapackage.json").is_file())


if __name__ == "__main__":
    files = record(Path(sys.argv[1]))
    print(f"recorded {len(files)} answer files in {sys.argv[1]}")
