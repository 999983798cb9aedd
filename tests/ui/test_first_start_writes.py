"""The very first start caches the first screen's answers after the frame with its figures, not before (issue 15)."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import pytest

from tests.ui.conftest import wait_until
from tui.app import build_app
from tui.data import DataService, default_dataset_path
from tui.data.answer_cache import RecordingService, open_service


@pytest.mark.parametrize("screen", ["outcomes", "trends"])
async def test_the_answers_are_cached_after_the_first_frame_with_figures(
    screen: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Written at once, they held the interpreter while that frame was composed (``outcomes`` makes nothing
    after its figures are shown: its worker went straight to writing)."""
    service = open_service(default_dataset_path(), screen, env={"XDG_CACHE_HOME": str(tmp_path)})
    assert isinstance(service, RecordingService)  # nothing cached: the data loaded, every answer noted
    app = build_app(cast(DataService, service), screen=screen)
    events: list[str] = []
    update_sent, gathered = app.update_sent, service.gathered

    def noting_update_sent() -> None:
        if app.first_screen_complete():
            events.append("frame with figures")
        update_sent()

    def noting_gathered(mode: str) -> None:
        events.append(f"caching {mode}")
        gathered(mode)
        events.append(f"cached {mode}")

    monkeypatch.setattr(app, "update_sent", noting_update_sent)
    monkeypatch.setattr(service, "gathered", noting_gathered)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: f"cached {screen}" in events, what="the first screen's answers cached")
    assert "frame with figures" in events[: events.index(f"caching {screen}")], events
    assert list(tmp_path.rglob(f"*-{screen}.json"))


async def test_the_first_answers_cached_hold_what_every_screen_asks_as_it_is_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first start that ends before the other screens are built still leaves their questions in the cache:
    at the next start a screen built at a key asked them on the UI thread, and loaded the data there."""
    from tui.data.answer_cache import COMMON, cache_dir, call_key, dataset_key, read_answers
    from tui.screen_registry import SCREENS

    env = {"XDG_CACHE_HOME": str(tmp_path)}
    service = open_service(default_dataset_path(), "trends", env=env)
    assert isinstance(service, RecordingService)
    app = build_app(cast(DataService, service))
    common: list[dict[str, object]] = []
    gathered = service.gathered

    def noting_gathered(mode: str) -> None:
        gathered(mode)
        if mode == "trends":
            common.append(read_answers(cache_dir(env), dataset_key(default_dataset_path()), COMMON) or {})

    monkeypatch.setattr(service, "gathered", noting_gathered)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: bool(common), what="the first screen's answers cached")
    shown = [spec for spec in SCREENS if spec.mode in app.modes_shown]
    asked = {call_key("dimension_for", (role,)) for spec in shown for role in spec.roles}
    assert asked <= set(common[0])
