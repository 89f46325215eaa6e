"""The local spool keeps undelivered Signals across process restarts, and only once."""

from __future__ import annotations

import multiprocessing

from outagewatch.search.spool import Spool
from tests.signals_factory import make_signal


def test_spooled_signals_survive_a_restart_and_delivered_ones_are_not_sent_again(tmp_path):
    signals = [make_signal(f"roku down {i}", native_id=f"s{i}", services=["roku"], raw={"n": i}) for i in range(10)]
    spool = Spool(tmp_path, "test")
    spool.append(signals[:6])
    spool.append(signals[6:])
    batches = list(spool.batches(4))
    assert [len(b) for b, _ in batches] == [4, 4, 2]
    assert [s.to_dict() for b, _ in batches for s in b] == [s.to_dict() for s in signals]
    first, offset = batches[0]
    spool.delivered(offset, len(first))
    spool.close()  # the process ends here, six signals undelivered

    again = Spool(tmp_path, "test")
    assert again.path == spool.path and again.pending == 6
    assert [s.id for b, _ in again.batches(100) for s in b] == [s.id for s in signals[4:]]
    for batch, offset in list(again.batches(100)):
        again.delivered(offset, len(batch))
    assert again.pending == 0 and not again.path.exists()
    again.close()


def test_a_line_torn_by_a_crash_mid_append_is_not_delivered(tmp_path):
    spool = Spool(tmp_path, "torn")
    spool.append([make_signal("whole", native_id="w")])
    with open(spool.path, "ab") as f:
        f.write(b'{"id": "half-writ')
    spool.close()
    again = Spool(tmp_path, "torn")
    assert again.pending == 1
    assert [s.text for b, _ in again.batches(10) for s in b] == ["whole"]
    again.close()


def _claim(directory, names, done):
    spool = Spool(directory, "shared")
    names.put(spool.path.name)
    done.get()  # hold the lock until told


def test_two_processes_never_share_a_spool_file(tmp_path):
    mine = Spool(tmp_path, "shared")
    context = multiprocessing.get_context("fork")
    names, done = context.Queue(), context.Queue()
    other = context.Process(target=_claim, args=(tmp_path, names, done))
    other.start()
    try:
        theirs = names.get(timeout=30)
        assert theirs != mine.path.name
    finally:
        done.put("done")
        other.join(30)
        mine.close()
