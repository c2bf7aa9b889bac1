"""lineage.runtime: process-wide settings given back whatever happens."""
from __future__ import annotations

import gc

import pytest

from lineage.runtime import cycle_collection_paused


@pytest.fixture
def collector_state():
    before = gc.isenabled()
    yield
    gc.enable() if before else gc.disable()


def test_collector_paused_then_restored(collector_state) -> None:
    gc.enable()
    with cycle_collection_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_collector_restored_after_an_error(collector_state) -> None:
    gc.enable()
    with pytest.raises(RuntimeError), cycle_collection_paused():
        raise RuntimeError("boom")
    assert gc.isenabled()


def test_collector_left_off_when_it_was_off(collector_state) -> None:
    gc.disable()
    with cycle_collection_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()
