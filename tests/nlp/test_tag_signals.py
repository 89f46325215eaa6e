"""Tagging Signals in batches keeps what the source set, and ingest tags what it stores."""

from __future__ import annotations

import json
import os
from datetime import datetime, timezone

from outagewatch.signal import Signal
from tests.clihelp import cli_process


def signal(text, source="x:search:outage", kind="social", **fields):
    return Signal(source_kind=kind, source=source, published_at=datetime(2020, 11, 25, 14, tzinfo=timezone.utc),
                  text=text, **fields)


def test_tags_are_merged_with_what_the_source_set(tagger):
    s = signal("Kinesis errors in us-east-1", services=["roku"], regions=["geo:US"], symptoms=["errors"],
               lang="en")
    tagger.tag_signals([s])
    assert s.services == ["roku", "aws/kinesis"]
    assert s.providers == ["aws"]
    assert s.regions == ["geo:US", "aws:us-east-1"]
    assert s.symptoms == ["errors"]
    assert s.lang == "en"


def test_status_and_language_are_filled_only_when_missing(tagger):
    given = signal("This incident has been resolved.", source="statuspage:www.githubstatus.com", kind="status",
                   status="monitoring", lang="de")
    empty = signal("This incident has been resolved.", source="statuspage:www.githubstatus.com", kind="status")
    social = signal("We are investigating, this incident has been resolved", source="x:@github")
    tagger.tag_signals([given, empty, social])
    assert (given.status, given.lang) == ("monitoring", "de")
    assert (empty.status, empty.lang) == ("resolved", "en")
    assert social.status is None


def test_title_and_source_are_evidence(tagger):
    s = signal("Users may be unable to load pages.", source="statuspage:status.flickr.net", kind="status",
               title="Elevated errors in Europe (Frankfurt)")
    tagger.tag_signals([s])
    assert s.services == ["flickr"]
    assert "geo:DE-HE" in s.regions
    assert s.status == "investigating"


def test_big_batches_on_two_processes_give_the_same_tags(tagger):
    from outagewatch.nlp import Tagger

    texts = [("Roku down in us-east-1 #%d" % i, None, None) for i in range(5000)]
    texts += [("Slack is back up, no issues", None, None)] * 100
    two = Tagger(tagger.catalog, processes=2)
    try:
        assert list(two.tag_texts(texts)) == list(tagger.tag_texts(texts))
    finally:
        two.close()


def test_ingest_tags_what_it_stores(tmp_path):
    data = tmp_path / "signals.jsonl"
    lines = [
        {"source_kind": "social", "source": "x:search:roku", "published_at": "2020-11-25T14:00:00Z",
         "text": "Is Roku down? Channels won't load"},
        {"source_kind": "status", "source": "aws-health:kinesis-us-east-1", "published_at": "2020-11-25T14:05:00Z",
         "text": "We are investigating increased error rates for Kinesis in the US-EAST-1 Region.",
         "services": ["custom/thing"]},
    ]
    data.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    store = f"sqlite:///{tmp_path / 'ow.db'}"
    ingest = cli_process("--store", store, "ingest", "--json", data)
    assert json.loads(ingest.stdout)["new"] == 2
    found = cli_process("--store", store, "search", "--json", "--region", "aws:us-east-1")
    hits = [hit for hit in (json.loads(line) for line in found.stdout.splitlines() if line.strip()) if "id" in hit]
    assert len(hits) == 1
    assert hits[0]["services"] == ["custom/thing", "aws/kinesis"]
    assert hits[0]["status"] == "investigating"
    roku = cli_process("--store", store, "search", "--json", "--service", "roku")
    assert len([line for line in roku.stdout.splitlines() if line.strip() and '"id"' in line]) == 1


def _batches(count, size, seed=0):
    # More lines than a bulk load's threshold (20,000): the load's batches share a transaction
    # committed about every second, so the file must take several seconds for a kill to land
    # between two of those commits, with some Signals stored and some not.
    TOTAL = 60_000
    texts = ["Roku down in us-east-1 #%d", "Slack is back up, no issues %d", "made tacos for dinner %d lol",
             "AWSの障害 %d", "is GitHub down? 502s on push %d"]
    signals = [signal(texts[(i + seed) % len(texts)] % i, source=f"x:@user{i % 7}") for i in range(count)]
    return [signals[i:i + size] for i in range(0, count, size)]


def _tags(batches):
    return [(s.services, s.providers, s.regions, s.symptoms, s.status, s.lang) for b in batches for s in b]


def test_tagging_ahead_in_workers_gives_every_batch_in_order_with_the_same_tags(tagger):
    from outagewatch.nlp import Tagger

    serial = _batches(9300, 4000)
    for batch in serial:
        tagger.tag_signals(batch)
    two = Tagger(tagger.catalog, processes=2)
    try:
        ahead = _batches(9300, 4000)
        seen = list(two.tag_ahead(iter(ahead)))
        assert [len(b) for b in seen] == [4000, 4000, 1300]
        assert all(a is b for a, b in zip(seen, ahead))  # the same lists, in the order read
        assert _tags(seen) == _tags(serial)
        pool = two._pool
        assert pool is not None
        again = list(two.tag_ahead(iter(_batches(8000, 4000, seed=1))))  # the same workers serve the next call
        assert two._pool is pool
        expected = _batches(8000, 4000, seed=1)
        for batch in expected:
            tagger.tag_signals(batch)
        assert _tags(again) == _tags(expected)
    finally:
        two.close()


def test_small_batches_are_tagged_in_this_process_and_one_process_never_forks(tagger):
    from outagewatch.nlp import Tagger

    two = Tagger(tagger.catalog, processes=2)
    one = Tagger(tagger.catalog, processes=1)
    small, big = _batches(300, 100), _batches(8000, 4000)
    list(two.tag_ahead(iter(small)))
    assert two._pool is None  # a collector's few hundred posts: not worth starting workers
    list(one.tag_ahead(iter(big)))
    assert one._pool is None  # [nlp] processes = 1: everything in this process
    expected = _batches(300, 100)
    for batch in expected:
        tagger.tag_signals(batch)
    assert _tags(small) == _tags(expected)


def test_a_worker_killed_mid_run_has_its_share_tagged_here(tagger):
    import os
    import signal as signals

    from outagewatch.nlp import Tagger

    two = Tagger(tagger.catalog, processes=2)
    try:
        batches = _batches(12000, 4000)
        seen = []
        for batch in two.tag_ahead(iter(batches)):
            if not seen:  # the workers hold the next batches now: kill one
                os.kill(next(iter(two._pool._processes)), signals.SIGKILL)
            seen.append(batch)
        expected = _batches(12000, 4000)
        for batch in expected:
            tagger.tag_signals(batch)
        assert _tags(seen) == _tags(expected)
        assert two._pool is None  # the rest was tagged in this process
    finally:
        two.close()


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/status") as status:
            return not any(line.startswith("State:") and "Z" in line for line in status)
    except FileNotFoundError:
        return False


def _cmdline(pid: int) -> bytes:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read()
    except OSError:
        return b""


def test_ingest_on_two_processes_killed_mid_file_then_run_again_stores_each_signal_once_with_its_tags(tmp_path):
    import sqlite3
    import time

    from tests.clihelp import start_cli
    from tests.proctree import descendants

    # More lines than a bulk load's threshold (20,000): the load's batches share a transaction
    # committed about every second, so the file must take several seconds for a kill to land
    # between two of those commits, with some Signals stored and some not.
    TOTAL = 60_000
    texts = ["Roku down in us-east-1 #%d", "made tacos for dinner %d lol", "is GitHub down? 502s on push %d",
             "Slack is back up, no issues %d"]
    lines = [json.dumps({"source_kind": "social", "source": f"x:@user{i % 50}", "published_at": "2020-11-25T14:00:00Z",
                         "text": texts[i % len(texts)] % i}) for i in range(TOTAL)]
    lines[777] = '{"source_kind": "social", "text": "no time"}'  # bad lines, counted in every run
    lines[15001] = "not json"
    data = tmp_path / "signals.jsonl"
    data.write_text("\n".join(lines) + "\n")
    db = tmp_path / "ow.db"
    run = start_cli("--store", f"sqlite:///{db}", "ingest", "--json", "--no-correlate", "--batch-size", "4000", data,
                    env={"OUTAGEWATCH_NLP_PROCESSES": "2"})
    stored, workers = 0, []
    deadline = time.monotonic() + 300
    while run.poll() is None and time.monotonic() < deadline:
        try:
            with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:
                stored = con.execute("SELECT count(*) FROM signals").fetchone()[0]
        except sqlite3.Error:
            stored = 0
        if stored:
            # the tagging process (the tagger built beside the reading) and its two workers
            workers = [p for p in descendants(run.pid) if b"indexer" not in _cmdline(p)]
            run.kill()
            break
        time.sleep(0.01)
    run.wait(timeout=60)
    assert 0 < stored < TOTAL - 2, "the kill should land mid-file"
    assert len(workers) == 3  # [nlp] processes = 2: the tagging process and its two workers
    for _ in range(100):  # they notice their parent is gone and leave
        if not any(map(_alive, workers)):
            break
        time.sleep(0.1)
    assert not any(map(_alive, workers))

    again = cli_process("--store", f"sqlite:///{db}", "ingest", "--json", "--no-correlate", "--batch-size", "4000",
                        data, env={"OUTAGEWATCH_NLP_PROCESSES": "2"}, check=False)
    report = json.loads(again.stdout)
    assert again.returncode == 3 and report["rejected"] == 2
    assert report["new"] + report["unchanged"] == TOTAL - 2 and report["new"] <= TOTAL - 2 - stored
    one = tmp_path / "one.db"
    cli_process("--store", f"sqlite:///{one}", "ingest", "--json", "--no-correlate", data,
                env={"OUTAGEWATCH_NLP_PROCESSES": "1"}, check=False)
    query = "SELECT id, services, providers, regions, symptoms, status, lang FROM signals ORDER BY id"
    with sqlite3.connect(db) as a, sqlite3.connect(one) as b:
        assert a.execute(query).fetchall() == b.execute(query).fetchall()


def test_tag_texts_after_a_worker_died_gives_the_same_tags_from_this_process(tagger):
    import os
    import signal as signals

    from outagewatch.nlp import Tagger

    texts = [("Roku down in us-east-1 #%d" % i, None, None) for i in range(3000)]
    texts += [("made tacos for dinner %d lol" % i, None, None) for i in range(3000)]
    two = Tagger(tagger.catalog, processes=2)
    try:
        assert list(two.tag_texts(texts)) == list(tagger.tag_texts(texts))
        os.kill(next(iter(two._pool._processes)), signals.SIGKILL)
        assert list(two.tag_texts(texts)) == list(tagger.tag_texts(texts))
        assert two._pool is None
    finally:
        two.close()


def test_the_language_model_loads_once_when_a_text_needs_it_while_the_tagger_is_loading_it(monkeypatch):
    """A tagger with workers loads the language model in a thread while it builds; a text that
    needs the model meanwhile waits for that load (one load, the same model), and the thread is
    gone before any worker forks."""
    import threading
    import time

    from outagewatch.nlp import lang
    from outagewatch.nlp import tagger as tagging

    loads = []
    real = lang._load_identifier

    def slow_load():
        loads.append(threading.current_thread().name)
        time.sleep(0.3)  # the text below asks while this load is under way
        return real()

    monkeypatch.setattr(lang, "_IDENTIFIER", None)
    monkeypatch.setattr(lang, "_load_identifier", slow_load)
    thread = tagging._in_background(lang.preload, "outagewatch-language-model")
    time.sleep(0.05)
    assert lang.model("ceci est une phrase écrite en français pour le modèle de langue") == "fr"
    thread.join(5)
    assert not thread.is_alive()
    assert loads == ["outagewatch-language-model"]


def test_a_failed_background_load_is_met_again_by_the_caller_that_needs_it(monkeypatch):
    from outagewatch.nlp import lang
    from outagewatch.nlp import tagger as tagging

    def broken():
        raise OSError("model file unreadable")

    monkeypatch.setattr(lang, "_IDENTIFIER", None)
    monkeypatch.setattr(lang, "_load_identifier", broken)
    tagging._in_background(lang.preload, "outagewatch-language-model").join(5)
    try:
        lang.preload()
    except OSError as exc:
        assert "unreadable" in str(exc)
    else:
        raise AssertionError("the failure was swallowed")
