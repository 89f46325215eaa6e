"""Ingest's tagger built in a process of its own while the file is read: the same tags, in the
same order, whatever happens to the process that tags them."""

from __future__ import annotations

import json
import os
import signal as signals
import sqlite3
import time

import pytest

from outagewatch.nlp.host import READ_AHEAD, TaggerHost
from outagewatch.pipeline import store_signals
from outagewatch.search.query import Query
from outagewatch.search.sqlite import SQLiteStore
from tests.clihelp import cli_process
from tests.nlp.test_tag_signals import _alive, _batches, _tags
from tests.proctree import descendants


def _expected(tagger, count, size, seed=0):
    batches = _batches(count, size, seed=seed)
    for batch in batches:
        tagger.tag_signals(batch)
    return _tags(batches)


def test_the_file_is_read_while_the_tagger_builds_and_every_batch_comes_back_in_order_with_the_same_tags(tagger):
    host = TaggerHost({"processes": 2})
    try:
        read = []

        def reading(batches):
            for batch in batches:
                read.append(batch)
                yield batch

        batches = _batches(10_000, 500)
        seen = []
        for batch in host.tag_ahead(reading(batches)):
            if not seen:
                # building the tagger takes seconds, reading these twenty batches milliseconds: all
                # of them were read (and held) before the first one could be tagged
                assert len(read) == 20 and 10_000 < READ_AHEAD
            seen.append(batch)
        assert all(a is b for a, b in zip(seen, batches)) and len(seen) == 20
        assert _tags(seen) == _expected(tagger, 10_000, 500)
        workers = descendants(host._pid)
        assert len(workers) == 2  # [nlp] processes = 2: the host's two tagging workers

        again = list(host.tag_ahead(iter(_batches(9300, 4000, seed=1))))  # the same host serves the next file
        assert _tags(again) == _expected(tagger, 9300, 4000, seed=1)
    finally:
        host.close()
    assert not _alive(host._pid) and not any(map(_alive, workers))


def test_a_host_told_to_stop_exits_with_its_workers_while_the_caller_goes_on(tagger):
    # ingest tells it once every file is tagged, and closes the store meanwhile
    host = TaggerHost({"processes": 2})
    tagged = list(host.tag_ahead(iter(_batches(6000, 3000))))
    processes = [host._pid, *descendants(host._pid)]
    assert len(processes) == 3
    host.stop()
    deadline = time.monotonic() + 60
    while any(map(_alive, processes)) and time.monotonic() < deadline:  # (nobody waits for them yet)
        time.sleep(0.05)
    assert not any(map(_alive, processes))
    host.close()
    assert host.exit_status == 0 and _tags(tagged) == _expected(tagger, 6000, 3000)


def test_a_caller_that_stops_early_leaves_nothing_behind_for_the_next_call(tagger):
    host = TaggerHost({"processes": 2})
    try:
        ahead = host.tag_ahead(iter(_batches(20_000, 4000)))
        next(ahead)  # a store failure after the first batch: the others were sent and are dropped
        ahead.close()
        assert _tags(list(host.tag_ahead(iter(_batches(8000, 4000, seed=2))))) == _expected(tagger, 8000, 4000, seed=2)
    finally:
        host.close()


def test_a_tagging_process_killed_mid_run_has_the_rest_tagged_here_and_its_workers_leave(tagger):
    host = TaggerHost({"processes": 2})
    try:
        seen = []
        for batch in host.tag_ahead(iter(_batches(16_000, 4000))):
            if not seen:  # the host holds the next batches now
                workers = descendants(host._pid)
                os.kill(host._pid, signals.SIGKILL)
            seen.append(batch)
        assert _tags(seen) == _expected(tagger, 16_000, 4000)
        assert host._state == "lost"
    finally:
        host.close()
    for _ in range(100):  # they notice their parent is gone and leave
        if not any(map(_alive, workers)):
            break
        time.sleep(0.1)
    assert len(workers) == 2 and not any(map(_alive, workers))


def test_a_worker_killed_mid_run_has_its_share_tagged_by_the_host(tagger):
    host = TaggerHost({"processes": 2})
    try:
        seen = []
        for batch in host.tag_ahead(iter(_batches(16_000, 4000))):
            if not seen:
                os.kill(descendants(host._pid)[0], signals.SIGKILL)
            seen.append(batch)
        assert _tags(seen) == _expected(tagger, 16_000, 4000)
        assert host._state == "ready"  # the host itself carried on
    finally:
        host.close()


def _store_watching_its_first_batch(path, bulk_rows):
    """A store that notes, at its first batch, whether its words indexer process runs already."""
    store = SQLiteStore(path)
    store.text.bulk_rows = bulk_rows
    upsert, first = store.upsert, []

    def watched(batch):
        if not first:
            first.append(store.text.bulk_load)
        return upsert(batch)

    store.upsert = watched
    return store, first


def test_a_big_file_has_its_words_indexer_started_while_the_tagger_starts_and_every_word_found(tmp_path):
    store, first = _store_watching_its_first_batch(tmp_path / "ow.db", bulk_rows=3000)
    host = TaggerHost({"processes": 2})
    try:
        stored = store_signals(store, [s for b in _batches(6000, 500) for s in b], tag=host, batch_size=500)
    finally:
        host.close()
    # the whole file was read while the tagger built: a bulk load, so its indexer was running before
    # the first batch was stored, and this process indexed no word itself
    assert stored.new == 6000 and first == [True] and store.text._writer is None
    assert store.count(Query(text="tacos")) == 1200  # one text in five
    store.close()
    with SQLiteStore(tmp_path / "ow.db") as again:
        assert again.text.searcher().num_docs == 6000 and again.count(Query(text="github")) == 1200


def test_a_small_file_is_indexed_by_the_writer_as_before(tmp_path):
    store, first = _store_watching_its_first_batch(tmp_path / "ow.db", bulk_rows=20_000)
    host = TaggerHost({"processes": 2})
    try:
        store_signals(store, [s for b in _batches(6000, 500) for s in b], tag=host, batch_size=500)
    finally:
        host.close()
    assert first == [False] and store.text._indexer is None
    assert store.count(Query(text="tacos")) == 1200
    store.close()


def test_ingest_with_a_tagger_that_cannot_load_says_so_in_one_line_and_stores_nothing(tmp_path):
    data = tmp_path / "signals.jsonl"
    data.write_text("".join(json.dumps({"source_kind": "social", "source": "x:@a", "published_at": "2020-11-25T14:00:00Z",
                                        "text": f"Roku down #{i}"}) + "\n" for i in range(6000)))
    db = tmp_path / "ow.db"
    ran = cli_process("--store", f"sqlite:///{db}", "ingest", "--json", "--no-correlate", data, check=False,
                      env={"OUTAGEWATCH_NLP_PROCESSES": "2", "OUTAGEWATCH_NLP_MODEL": "xx_no_such_model"})
    assert ran.code == 1
    lines = ran.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: cannot load the tagger:") and "xx_no_such_model" in lines[0]
    assert "--no-tag" in lines[0]
    if db.exists():
        with sqlite3.connect(db) as con:
            assert con.execute("SELECT count(*) FROM signals").fetchone()[0] == 0


def test_ingest_with_a_relevance_model_it_cannot_read_says_so_in_one_line_and_stores_nothing(tmp_path):
    # ingest keeps no relevance, so its tagging process does not build the classifier; a file that is
    # missing or is no model still stops it, with the line `tag` gives
    data = tmp_path / "signals.jsonl"
    data.write_text("".join(json.dumps({"source_kind": "social", "source": "x:@a", "published_at": "2020-11-25T14:00:00Z",
                                        "text": f"Roku down #{i}"}) + "\n" for i in range(6000)))
    broken = tmp_path / "relevance.zip"
    broken.write_bytes(b"not a model at all")
    for model, says in ((tmp_path / "nowhere.zip", "relevance model not found"), (broken, "is unreadable")):
        db = tmp_path / f"{model.stem}.db"
        ran = cli_process("--store", f"sqlite:///{db}", "ingest", "--json", "--no-correlate", data, check=False,
                          env={"OUTAGEWATCH_NLP_PROCESSES": "2", "OUTAGEWATCH_NLP_RELEVANCE_MODEL": str(model)})
        assert ran.code == 1
        [line] = ran.stderr.strip().splitlines()
        assert line.startswith("error: cannot load the tagger:") and says in line and str(model) in line
        if db.exists():
            with sqlite3.connect(db) as con:
                assert con.execute("SELECT count(*) FROM signals").fetchone()[0] == 0
        assert not _processes_naming(data)


def test_a_tagging_process_never_used_is_stopped_at_close_instead_of_finishing_its_build():
    host = TaggerHost({"processes": 2})  # the command fails before its first batch (a file it cannot read)
    host.close()
    assert os.WIFSIGNALED(host.exit_status) and os.WTERMSIG(host.exit_status) == signals.SIGKILL
    assert not _alive(host._pid)


def _processes_naming(path) -> list[int]:
    """Processes whose command line names ``path`` (the ingest's file: its tagging process is a fork of it)."""
    found = []
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                with open(f"/proc/{pid}/cmdline", "rb") as f:
                    if str(path).encode() in f.read() and _alive(int(pid)):
                        found.append(int(pid))
            except OSError:
                pass
    return found


@pytest.mark.parametrize("given", ["--config", "OUTAGEWATCH_CONFIG"])
def test_ingest_stopped_by_a_bad_alerts_section_after_its_tagger_started_leaves_no_process_behind(tmp_path, given):
    # named by --config, the file is read by the command (which then forks the tagging process); named
    # in the environment, it is read at the interpreter's start and the tagging process forks then
    data = tmp_path / "signals.jsonl"
    data.write_text(json.dumps({"source_kind": "social", "source": "x:@a", "published_at": "2020-11-25T14:00:00Z",
                                "text": "Roku down"}) + "\n")
    bad = tmp_path / "bad.toml"  # read after the tagging process has forked (it starts once [nlp] is known)
    bad.write_text("[nlp]\nprocesses = 2\n[alerts]\n[[alerts.webhooks]]\nurl = 'http://127.0.0.1/x'\nformat = 'teams'\n")
    options, env = (["--config", bad], None) if given == "--config" else ([], {"OUTAGEWATCH_CONFIG": str(bad)})
    ran = cli_process(*options, "--store", f"sqlite:///{tmp_path / 'ow.db'}", "ingest", "--json", data, check=False,
                      env=env)
    assert ran.code == 1 and ran.stderr.count("\n") == 1 and "format must be one of" in ran.stderr
    assert not _processes_naming(data)
    assert not (tmp_path / "ow.db").exists()  # nothing created


def test_ingest_with_its_tagger_started_early_stores_the_same_tags_as_one_process(tmp_path):
    texts = ["Roku down in us-east-1 #%d", "made tacos for dinner %d lol", "is GitHub down? 502s on push %d"]
    data = tmp_path / "signals.jsonl"
    data.write_text("".join(json.dumps({"source_kind": "social", "source": f"x:@user{i % 9}",
                                        "published_at": "2020-11-25T14:00:00Z", "text": texts[i % 3] % i}) + "\n"
                            for i in range(9000)))
    query = "SELECT id, services, providers, regions, symptoms, status, lang FROM signals ORDER BY id"
    rows = []
    for processes in ("2", "1"):
        db = tmp_path / f"ow{processes}.db"
        ran = cli_process("--store", f"sqlite:///{db}", "ingest", "--json", "--no-correlate", data,
                          env={"OUTAGEWATCH_NLP_PROCESSES": processes})
        assert json.loads(ran.stdout)["new"] == 9000
        with sqlite3.connect(db) as con:
            rows.append(con.execute(query).fetchall())
    assert rows[0] == rows[1] and any(row[1] != "[]" for row in rows[0])
    assert not _processes_naming(data)


EARLY = """
import json, os, sys
from outagewatch.nlp import host
host.start_early(json.loads(sys.argv[1]))
early = host._early
taken = host.take_early(json.loads(sys.argv[2]))
if early is not None and taken is None:  # closed: it was started with other settings
    print(json.dumps({"started": True, "taken": False, "killed": os.WIFSIGNALED(early.exit_status)}))
elif taken is not None:
    from tests.nlp.test_tag_signals import _batches, _tags
    batches = _batches(4000, 1000)
    tagged = _tags(list(taken.tag_ahead(iter(batches))))
    taken.close()
    print(json.dumps({"started": True, "taken": True, "tags": tagged, "exit": taken.exit_status}))
else:
    print(json.dumps({"started": False}))
"""


def _early(args, settings, env=None):
    import subprocess
    import sys

    from tests.clihelp import REPO, clean_env

    done = subprocess.run([sys.executable, "-c", EARLY, json.dumps(args), json.dumps(settings)], cwd=REPO,
                          capture_output=True, text=True, env=clean_env({"OUTAGEWATCH_NLP_PROCESSES": "2", **(env or {})}),
                          timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_python_dash_m_outagewatch_ingest_forks_its_tagging_process_before_reading_its_command_line(tagger):
    # the command, reading the same [nlp] settings, takes it, and it tags as the tagger does
    found = _early(["--store", "sqlite:///x.db", "ingest", "signals.jsonl", "--json"], {"processes": 2})
    assert found["started"] and found["taken"] and found["exit"] == 0
    assert found["tags"] == json.loads(json.dumps(_expected(tagger, 4000, 1000)))


def test_a_tagging_process_forked_early_with_other_settings_than_the_command_reads_is_killed_not_used():
    found = _early(["ingest", "signals.jsonl"], {"processes": 3})
    assert found == {"started": True, "taken": False, "killed": True}


@pytest.mark.parametrize("args, env", [
    (["ingest", "signals.jsonl", "--no-tag"], None),  # nothing to tag
    (["--config", "ow.toml", "ingest", "signals.jsonl"], None),  # the command reads another file first
    (["ingest", "signals.jsonl", "--config=ow.toml"], None),
    (["ingest", "signals.jsonl", "-v"], None),  # logs at INFO once the command has set them up
    (["ingest", "--help"], None),
    (["search", "ingest"], None),
    (["ingest", "signals.jsonl"], {"OUTAGEWATCH_NLP_PROCESSES": "1"}),  # tagging in the writing process
    (["ingest", "signals.jsonl"], {"OUTAGEWATCH_CONFIG": "/nonexistent/ow.toml"}),  # the command says what is wrong
])
def test_nothing_is_forked_early_when_the_command_line_or_configuration_asks_for_something_else(args, env):
    assert _early(args, {"processes": 2}, env) == {"started": False}
