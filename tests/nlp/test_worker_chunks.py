"""A big batch on two workers is handed out in chunks that shrink towards its end, so that the worker
that takes the last one does not work on alone for long while the other waits with nothing to do."""

from __future__ import annotations

from outagewatch.nlp.tagger import MIN_CHUNK, _chunks


def test_thirty_thousand_texts_on_two_workers_end_in_small_chunks_and_keep_their_order():
    texts = [f"post {i}" for i in range(30_000)]
    chunks = _chunks(texts, 2)
    assert [t for chunk in chunks for t in chunk] == texts  # every text once, in order
    sizes = [len(c) for c in chunks]
    assert sizes[0] == 30_000 // 16  # an eighth of a worker's share, as before
    assert sizes == sorted(sizes, reverse=True)  # never a bigger chunk after a smaller one
    assert max(sizes[-4:]) <= MIN_CHUNK  # the last few are small: the tail one worker runs alone is short
    assert len(chunks) < 40  # and not so many that the round trips cost more than the wait saved


def test_a_batch_just_big_enough_for_workers_is_cut_into_the_smallest_chunks():
    texts = list(range(4000))
    chunks = _chunks(texts, 2)
    assert [len(c) for c in chunks] == [MIN_CHUNK] * 16


def test_more_workers_get_more_chunks_of_a_smaller_share():
    texts = list(range(100_000))
    four = _chunks(texts, 4)
    assert len(four[0]) == 100_000 // 32
    assert [t for chunk in four for t in chunk] == texts
    assert len(four[-2]) == MIN_CHUNK
