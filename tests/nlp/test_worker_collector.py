"""A tagging worker runs with the garbage collector off and collects in full itself after a chunk:
the same tags, and whatever a reference cycle holds is still freed."""

from __future__ import annotations

import gc
import weakref

from outagewatch import gcpause


class _Node:
    def __init__(self) -> None:
        self.other = self


def _cycles(count: int) -> list[weakref.ref]:
    """``count`` objects each in a reference cycle of its own, dropped: only the collector frees them."""
    refs = []
    for _ in range(count):
        node = _Node()
        refs.append(weakref.ref(node))
    return refs


def _as_worker(run):
    """``run()`` with this process set up as a tagging worker's (collector off), then put back."""
    saved, enabled = dict(gcpause._worker), gc.isenabled()
    try:
        gcpause.worker_off()
        return run()
    finally:
        gcpause._worker.update(saved)
        if enabled:
            gc.enable()


def test_a_worker_frees_reference_cycles_once_they_pile_up():
    def run():
        assert not gc.isenabled()
        gc.collect()
        refs = _cycles(3000)
        with gcpause.paused():  # a batch's pause leaves a worker's collector off after it
            pass
        assert not gc.isenabled()
        gcpause.worker_tidy(growth=10_000)  # fewer new objects than that: no walk yet
        assert sum(r() is not None for r in refs) == 3000
        refs += _cycles(10_000)
        gcpause.worker_tidy(growth=10_000)
        return refs

    refs = _as_worker(run)
    assert all(r() is None for r in refs)


def test_a_worker_collects_after_so_many_chunks_whatever_it_gained():
    def run():
        gc.collect()
        refs = _cycles(10)
        for _ in range(4):
            gcpause.worker_tidy(growth=1_000_000, every=5)
        alive = sum(r() is not None for r in refs)
        gcpause.worker_tidy(growth=1_000_000, every=5)  # the fifth chunk
        return alive, refs

    alive, refs = _as_worker(run)
    assert alive == 10
    assert all(r() is None for r in refs)


def test_outside_a_worker_the_collector_is_left_as_it_was():
    assert gc.isenabled()
    refs = _cycles(10)
    gcpause.worker_tidy(growth=0, every=1)  # not a worker: no collection of its own
    assert gc.isenabled()
    gc.collect()
    assert all(r() is None for r in refs)


def test_the_tagging_workers_run_with_the_collector_off_and_give_the_same_tags(tagger):
    from outagewatch.nlp import Tagger

    texts = [("Roku down in us-east-1 #%d" % i, None, None) for i in range(2500)]
    texts += [("made tacos for dinner %d lol" % i, None, None) for i in range(2500)]
    two = Tagger(tagger.catalog, processes=2)
    try:
        assert list(two.tag_texts(texts)) == list(tagger.tag_texts(texts))
        assert two._pool.submit(gc.isenabled).result() is False
    finally:
        two.close()
