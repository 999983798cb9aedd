"""The collector pause used while big tables are built always switches the collector back on."""

from __future__ import annotations

import gc

import pytest

from tui.data.gc_pause import gc_paused


def test_the_collector_is_off_inside_and_back_on_after_nested_pauses() -> None:
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_an_error_inside_still_restores_the_collector() -> None:
    with pytest.raises(ValueError), gc_paused():
        raise ValueError("bad table")
    assert gc.isenabled()


def test_a_collector_switched_off_by_the_caller_stays_off() -> None:
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
