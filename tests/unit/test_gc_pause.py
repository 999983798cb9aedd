"""The collector pause used while big tables are built always switches the collector back on."""

from __future__ import annotations

import gc
import weakref

import pytest

from tui.data.gc_pause import collect_dropped, gc_paused


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


def test_what_was_built_during_a_pause_is_kept_out_of_later_full_collections() -> None:
    gc.unfreeze()
    try:
        with gc_paused():
            built = [[n] for n in range(1_000)]  # long-lived containers, as a big table's
        assert gc.get_freeze_count() >= len(built)
        assert not any(gc.is_tracked(row) and row in gc.get_objects(generation=2) for row in built[:3])
    finally:
        gc.unfreeze()


class _Node:
    """A container in a reference cycle, as a screen and its widgets are."""

    def __init__(self) -> None:
        self.me = self


def test_cycles_frozen_by_a_pause_are_freed_once_dropped_by_collect_dropped() -> None:
    gc.unfreeze()
    try:
        with gc_paused():
            node = _Node()
        gone = weakref.ref(node)
        del node
        gc.collect()
        assert gone() is not None, "a frozen cycle outlives a full collection (why collect_dropped exists)"
        collect_dropped()
        assert gone() is None
        assert gc.get_freeze_count() > 0, "what is alive is frozen again"
    finally:
        gc.unfreeze()
