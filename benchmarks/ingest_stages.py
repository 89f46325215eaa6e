"""Where an ingested Signal's CPU time goes, stage by stage, in every process of ``outagewatch ingest``.

``tagging_throughput.py --ingest`` gives the whole command's rate and CPU per Signal; this says
which part of it is which, so a change to one stage can be judged by that stage's own figure.
The ingest runs exactly as ``outagewatch ingest FILE --no-correlate`` does (the same
``ingest_stream`` over the configured embedded store, the same ``Tagger.default`` with
``[nlp] processes``), in a child process of its own, with the functions of each stage wrapped
to add up the CPU time (``time.thread_time``) of the thread running them:

- writing process, main thread: reading the lines, decoding the JSON, building and
  validating the Signals and batching them (timed per batch; the split between decoding and
  validating is measured apart, in one process, on the file's first 20,000 lines); handing batches to the workers
  (``Tagger._submit``: the (text, source, lang) items); putting the tags on the Signals
  (``Tagger._collect``); the store's ``upsert`` (the SQLite writer: not this stage's owner);
  the garbage collections between batches; the rest of the loop (batching, counting);
- writing process, other threads: the worker pool's feeder (pickles the items to the workers)
  and manager (unpickles their answers), the store's own threads;
- the tagging workers: the tagger's own work (``Tagger._tag_compact``) and the rest of each
  worker's CPU (unpickling the items, pickling the tags, the pool's queues);
- ingest's tagging process (``outagewatch.nlp.host``, with ``processes`` > 1) and its workers: all
  their CPU from the 10 ms samples (each one's last reading), less the tagging process's CPU up to
  the moment it said it was ready (building the tagger, beside the reading: printed apart). This
  script imports the tagger's module in the writing process to wrap it, so its start-up figures are
  not the command's (which never imports spaCy there); the per-Signal figures are;
- the words indexer and any other process: the command's whole CPU time (rusage of its tree)
  less the writing process and the workers.

Start-up (imports, building the tagger, opening the store) and the language model's load in
the pool's start are left out (timed apart); what is printed is per Signal of the file once
running. The main thread's wall time waiting for tags (``future.result``) is printed too:
the time the writing process had nothing to do because the workers were behind.

    PYTHONPATH=. .venv/bin/python benchmarks/ingest_stages.py [--signals 100000] [--corpus mix|named]
        [--processes 2] [--rounds 1] [--tree TREE] [--file FILE.jsonl] [--no-tag-too]

CPU figures move with the machine's load (both are printed); compare trees back to back
(A, B, A) with ``--tree``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TIMELINE = False
REPO = HERE.parent
sys.path.insert(0, str(REPO))
from tests.proctree import descendants  # noqa: E402  (the workers' processes, for their CPU time)

CHILD = r"""
import json, os, sys, threading, time
tree, path, out_path, tag = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == "tag"
sys.path.insert(0, tree)
clock = time.thread_time
spent = {}
waited = [0.0]


def timed(name, fn, subtract=()):
    def wrapper(*args, **kwargs):
        start = clock()
        inner = {n: spent.get(n, 0.0) for n in subtract}
        try:
            return fn(*args, **kwargs)
        finally:
            used = clock() - start - sum(spent.get(n, 0.0) - v for n, v in inner.items())
            spent[name] = spent.get(name, 0.0) + used
    return wrapper


def timed_gen(name, gen, subtract=()):
    # CPU of a generator's own steps (what it does between yields), less nested stages
    it = iter(gen)
    while True:
        start = clock()
        inner = {n: spent.get(n, 0.0) for n in subtract}
        try:
            item = next(it)
        except StopIteration:
            spent[name] = spent.get(name, 0.0) + clock() - start - sum(spent.get(n, 0.0) - v for n, v in inner.items())
            return
        spent[name] = spent.get(name, 0.0) + clock() - start - sum(spent.get(n, 0.0) - v for n, v in inner.items())
        yield item


import outagewatch.jsonl as jsonl
import outagewatch.pipeline as pipeline
import outagewatch.signal as signal_mod
from outagewatch import gcpause
from outagewatch.cli.common import config, open_configured_store

# One clock reading per batch, not per line (a reading costs ~0.3 µs: per line it would be
# a good part of what it measures); the split into decoding and validating is measured apart.
_batched = pipeline.batched
pipeline.batched = lambda items, size: timed_gen(
    "read lines, decode JSON, build and validate Signals, batch them", _batched(items, size))
_collected = gcpause.collected
import gc
_collect_gc = gc.collect
class _GC:
    def __getattr__(self, name):
        return getattr(gc, name)


gcpause.gc = _GC()
gcpause.gc.collect = timed("garbage collections between batches", _collect_gc)

t0 = time.perf_counter()
if tag:
    from outagewatch.nlp.tagger import Tagger as cls
    from concurrent.futures import Future
    pool_wall = [0.0]
    _get_pool = cls._get_pool

    def get_pool(self):
        start = time.perf_counter()
        try:
            return _get_pool(self)
        finally:
            pool_wall[0] += time.perf_counter() - start

    cls._get_pool = timed("start-up: starting the workers (language model, fork)", get_pool)
    cls._submit = timed("hand batches to the workers (Tagger._submit)", cls._submit,
                        subtract=("start-up: starting the workers (language model, fork)",))
    _result = Future.result

    def result(self, timeout=None):
        if threading.current_thread() is threading.main_thread():
            start = time.perf_counter()
            try:
                return _result(self, timeout)
            finally:
                waited[0] += time.perf_counter() - start
        return _result(self, timeout)

    Future.result = result
    cls._collect = timed("put the tags on the Signals (Tagger._collect)", cls._collect)
    cls.tag_signals = timed("tag a batch in the writing process (no workers)", cls.tag_signals)
    # ingest's tagger built in a process of its own (outagewatch.nlp.host): the items pickled and
    # sent, the answers taken and merged; the wall time blocked on the answers is the wait for tags
    try:
        from outagewatch.nlp import host as host_mod
    except ImportError:  # a tree from before it
        host_mod = None

    class host_cls:  # noqa: N801 - stands in for TaggerHost in a tree without it
        _send = _receive = _started = None
    host_cls = host_mod.TaggerHost if host_mod is not None else host_cls
    host_cls._send = timed("hand batches to the tagging process (TaggerHost._send: pickle the items)", host_cls._send)
    _receive = timed("take the tags and put them on the Signals (TaggerHost._receive)", host_cls._receive)

    def receive(self, seq, batch):
        start = time.perf_counter()
        cpu = time.thread_time()
        try:
            return _receive(self, seq, batch)
        finally:
            waited[0] += (time.perf_counter() - start) - (time.thread_time() - cpu)
    host_cls._receive = receive
    _started = host_cls._started

    def started(self, wait):
        before = self._state
        try:
            return _started(self, wait)
        finally:
            if before == "starting" and self._state != "starting":
                state["host_ready_at"] = time.time()
                state["host_pid"] = self._pid
    host_cls._started = started
else:
    pool_wall = [0.0]
from outagewatch.search.base import BaseStore
BaseStore.upsert = timed("store: upsert (SQLite writer)", BaseStore.upsert)


def thread_cpu():
    out = {}
    for tid in os.listdir("/proc/self/task"):
        try:
            with open(f"/proc/self/task/{tid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            with open(f"/proc/self/task/{tid}/comm") as f:
                comm = f.read().strip()
        except OSError:
            continue
        out[int(tid)] = (comm, (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK"))
    return out


def worker_cpu(pids):
    out = {}
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            out[pid] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except OSError:
            pass
    return out


def cpu_now():
    t = os.times()
    return t.user + t.system


state = {}
_ingest_stream = pipeline.ingest_stream


def ingest_stream(store, stream, *, tag=None, **kwargs):
    state["started_at"] = time.time()
    state["startup_cpu"] = cpu_now()
    import resource as _res
    _usage = _res.getrusage(_res.RUSAGE_SELF)
    state["startup_wall"] = time.perf_counter() - t0
    main_before = time.thread_time()
    before_threads = thread_cpu()
    wall0 = time.perf_counter()
    report = _ingest_stream(store, stream, tag=tag, **kwargs)
    state["wall"] = time.perf_counter() - wall0
    state["ended_at"] = time.time()
    _after = _res.getrusage(_res.RUSAGE_SELF)
    state["minflt"] = _after.ru_minflt - _usage.ru_minflt
    state["stime"] = _after.ru_stime - _usage.ru_stime
    state["main_cpu"] = time.thread_time() - main_before
    after_threads = thread_cpu()
    names = {t.native_id: type(t).__name__ + ":" + t.name for t in threading.enumerate()}
    state["workers"], state["tagged_inside"] = {}, {}
    if tag is not None and getattr(tag, "_pool", None) is not None and tag._pool is not False:
        pids = list(tag._pool._processes)
        state["workers"] = worker_cpu(pids)
        # the tagger's own work in each worker, as it measured it (see PROBE)
        for f in [tag._pool.submit(probe) for _ in pids * 4]:
            pid, secs, calls = f.result()
            state["tagged_inside"][pid] = secs
    others = {}
    for tid, (comm, cpu) in after_threads.items():
        if tid == threading.main_thread().native_id:
            continue
        name = names.get(tid, comm)
        name = "pool feeder (pickles items to the workers)" if "QueueFeeder" in name else \
            "pool manager (unpickles the tags)" if "ExecutorManager" in name else f"thread {name}"
        others[name] = others.get(name, 0.0) + cpu - before_threads.get(tid, (comm, 0.0))[1]
    state.update(threads=others, new=report.stored.new, rejected=report.rejected_total,
                 after_cpu=cpu_now(), after_wall=time.perf_counter())
    return report


import outagewatch.cli.data as data
data.ingest_stream = pipeline.ingest_stream = ingest_stream


def finish():
    state["close_cpu"] = cpu_now() - state["after_cpu"]
    state["closed_at"] = time.time()
    state["close_wall"] = time.perf_counter() - state["after_wall"]
    state.update(spent=spent, waited=waited[0], pool_wall=pool_wall[0])
    with open(out_path, "w") as f:
        json.dump(state, f)


from outagewatch.cli import main
sys.argv = ["outagewatch", "ingest", path, "--no-correlate", "--json", *([] if tag else ["--no-tag"])]
try:
    main()
except SystemExit as exc:
    if exc.code not in (0, None, 3):
        raise
import atexit
atexit.register(finish)  # after the pool's shutdown and the store's close have run
"""

# Installed in the tagger's module before the workers fork: each worker adds up the CPU time
# of Tagger._tag_compact (the tagger's own work) and answers a probe with it.
PROBE = r"""
import os, time
from outagewatch.nlp import tagger as _tagging
_inside = [0.0, 0]
_orig = _tagging.Tagger._tag_compact


def _counted(self, items, relevance=False):
    start = time.thread_time()
    try:
        yield from _orig(self, items, relevance)
    finally:
        _inside[0] += time.thread_time() - start
        _inside[1] += 1


_tagging.Tagger._tag_compact = _counted


def probe():
    time.sleep(0.05)  # so that every worker gets one
    return os.getpid(), _inside[0], _inside[1]
"""


def make_file(path: Path, count: int, corpus: str) -> None:
    sys.path.insert(0, str(HERE))
    import tagging_throughput as tt

    texts = tt.make_mix(count, 3) if corpus == "mix" else tt.make_texts(count, 3)
    with path.open("w", encoding="utf-8") as out:
        for i, text in enumerate(texts):  # the same lines as tagging_throughput.py --ingest writes
            out.write(json.dumps({"source_kind": "social", "source": f"x:@user{i % 5000}",
                                  "published_at": f"2026-11-{1 + i % 28:02d}T{i % 24:02d}:{i % 60:02d}:00Z",
                                  "text": text}) + "\n")


SPLIT = r"""
import gc, io, sys, time
sys.path.insert(0, sys.argv[2])  # the tree measured, before the current directory `-c` puts first
import orjson
from outagewatch.jsonl import read_signals
from outagewatch.signal import Signal
with open(sys.argv[1], "rb") as f:
    lines = [f.readline() for _ in range(20000)]
lines = [line for line in lines if line.strip()]
data = b"".join(lines)
gc.disable()
best = {}
for _ in range(3):
    for name, work in (("decode", lambda: [orjson.loads(line) for line in lines]),
                       ("read_signals", lambda: list(read_signals(io.BytesIO(data))))):
        start = time.process_time()
        work()
        best[name] = min(best.get(name, 1e9), time.process_time() - start)
print(best["decode"] / len(lines) * 1e6, best["read_signals"] / len(lines) * 1e6)
"""


def split(tree: Path, path: Path) -> tuple[float, float]:
    """CPU µs a line of decoding the JSON, and of read_signals (decode and validate), in one
    process, the least of 3 rounds over the file's first 20,000 lines."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    out = subprocess.run([sys.executable, "-c", SPLIT, str(path), str(tree)], env=env, capture_output=True,
                         text=True, check=True, cwd=path.parent).stdout.split()
    return float(out[0]), float(out[1])


def run(tree: Path, path: Path, tmp: str, label: str, processes: int, tag: bool) -> dict:
    env = {**os.environ, "PYTHONPATH": str(tree), "OUTAGEWATCH_STORE": f"sqlite:///{tmp}/{label}.db",
           "OUTAGEWATCH_NLP_PROCESSES": str(processes)}
    env.pop("OUTAGEWATCH_CONFIG", None)
    out = Path(tmp) / f"{label}.json"
    # the probe goes in before the child's own code: `probe` must be a module-level function
    # of an importable module for the pool to pickle it
    probe_dir = Path(tmp) / "probe"
    probe_dir.mkdir(exist_ok=True)
    (probe_dir / "ingest_probe.py").write_text(PROBE)
    code = f"import sys; sys.path.insert(0, {str(probe_dir)!r}); sys.path.insert(0, {str(tree)!r})\n" \
           "from ingest_probe import probe\n" + CHILD
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    child = subprocess.Popen([sys.executable, "-c", code, str(tree), str(path), str(out), "tag" if tag else "no"],
                             env=env, cwd=tmp, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    samples: list = []
    names: dict = {}
    sampler = threading.Thread(target=_sample, args=(child, samples, names), daemon=True)
    sampler.start()
    _, err = child.communicate()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if child.returncode != 0:
        raise SystemExit(f"ingest failed: {err.strip()[-2000:]}")
    result = json.loads(out.read_text())
    result["tree_cpu"] = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    result["samples"] = samples
    result["names"] = names
    return result


def _runnable(pid: int) -> bool:
    """Whether any thread of the process is running or waiting for a core (state R)."""
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                if f.read().rsplit(")", 1)[1].split()[0] == "R":
                    return True
    except OSError:
        pass
    return False


def _cpu(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except OSError:
        return 0.0


def _sample(child: subprocess.Popen, samples: list, names: dict) -> None:
    """Every 10 ms: how many of the command's processes have work (running, or waiting for a
    core), and each one's CPU time so far. At any load, fewer than two with work is a core a
    quiet 2-core machine leaves idle."""
    while child.poll() is None:
        tree = [child.pid, *descendants(child.pid)]
        for pid in tree:
            if pid not in names:
                try:
                    cmdline = open(f"/proc/{pid}/cmdline", "rb").read()
                except OSError:
                    continue
                names[pid] = "writing process" if pid == child.pid else \
                    "words indexer" if b"indexer" in cmdline else f"tagging worker {pid}"
        samples.append((time.time(), sum(map(_runnable, tree)), {pid: _cpu(pid) for pid in tree}))
        time.sleep(0.01)


def report(result: dict, n: int, label: str, load: str) -> dict[str, float]:
    per = lambda seconds: seconds / n * 1e6  # noqa: E731
    spent = dict(result["spent"])
    startup = spent.pop("start-up: starting the workers (language model, fork)", 0.0)
    main_cpu = result["main_cpu"] - startup
    rows: list[tuple[str, float]] = []
    named = 0.0
    for name in ("read lines, decode JSON, build and validate Signals, batch them", "hand batches to the workers (Tagger._submit)",
                 "put the tags on the Signals (Tagger._collect)", "tag a batch in the writing process (no workers)",
                 "hand batches to the tagging process (TaggerHost._send: pickle the items)",
                 "take the tags and put them on the Signals (TaggerHost._receive)",
                 "garbage collections between batches", "store: upsert (SQLite writer)"):
        if name in spent:
            rows.append(("writing process: " + name, per(spent[name])))
            named += spent[name]
    rows.append(("writing process: the rest of the loop (batching, counting)", per(main_cpu - named)))
    threads = sum(result["threads"].values())
    for name, cpu in sorted(result["threads"].items(), key=lambda kv: -kv[1]):
        if per(cpu) >= 0.1:
            rows.append((f"writing process: {name}", per(cpu)))
    rows.append(("writing process: after the last batch (closing the store, the workers)", per(result["close_cpu"])))
    workers = sum(result["workers"].values())
    inside = sum(result["tagged_inside"].values())
    host_build = 0.0
    if "host_pid" in result and result.get("samples"):
        # ingest's tagging process and its workers (outagewatch.nlp.host): their CPU from the
        # samples (each one's last reading); the host's CPU up to its ready is its start-up
        last: dict = {}
        host_at_ready = None
        for t, _, cpus in result["samples"]:
            last.update(cpus)
            if host_at_ready is None and t >= result["host_ready_at"]:
                host_at_ready = cpus.get(result["host_pid"], cpus.get(str(result["host_pid"])))
        tagging = {pid: cpu for pid, cpu in last.items() if str(result["names"].get(pid, "")).startswith("tagging")}
        workers = sum(tagging.values())
        host_build = host_at_ready or 0.0
        rows.append(("tagging process and its workers: all their CPU once the tagger was built", per(workers - host_build)))
        workers_note = f"; the tagging process built the tagger beside the reading: {host_build:.2f} s CPU"
    else:
        workers_note = ""
    if result["workers"]:
        rows.append(("workers: the tagger's own work (Tagger._tag_compact)", per(inside)))
        rows.append(("workers: the rest (unpickle items, pickle tags, pool queues, fork)", per(workers - inside)))
    process_total = result["startup_cpu"] + result["main_cpu"] + threads + result["close_cpu"]
    rest = result["tree_cpu"] - process_total - workers
    rows.append(("words indexer (its process, from its start)", per(rest)))
    total = result["tree_cpu"] - result["startup_cpu"] - startup - host_build
    print(f"\n== {label}: {n} Signals, {result['new']} new; load {load} ==")
    print(f"  {'stage':<92} {'µs/Signal':>9}")
    for name, micros in rows:
        print(f"  {name:<92} {micros:9.1f}")
    print(f"  {'total CPU once started, all processes (less the workers starting)':<92} {per(total):9.1f}")
    if "split" in result:
        decode, read = result["split"]
        print(f"  (apart, one process: read_signals {read:.1f} µs a line, of which decoding the JSON {decode:.1f} "
              f"and building and validating the Signal {read - decode:.1f})")
    if result.get("samples") and "started_at" in result:
        def shares(start: float, end: float) -> str:
            counts = [c for t, c, _ in result["samples"] if start <= t <= end]
            if not counts:
                return "no samples"
            return ", ".join(f"{label} {sum(1 for c in counts if test(c)) / len(counts):.0%}"
                             for label, test in (("none", lambda c: c == 0), ("one", lambda c: c == 1),
                                                 ("two or more", lambda c: c >= 2)))
        print(f"  processes of the command with work (sampled every 10 ms): during the ingest "
              f"{shares(result['started_at'], result['ended_at'])}; after it (closing) "
              f"{shares(result['ended_at'], result.get('closed_at', result['ended_at']))}")
        if TIMELINE:
            line = "".join(str(min(c, 9)) for t, c, _ in result["samples"]
                           if result["started_at"] <= t <= result.get("closed_at", result["ended_at"]))
            print(f"  processes with work, every 10 ms from the first line read to the end: {line}")
        # CPU each process used after the last batch was stored (the last sample before and the last one)
        before = [cpus for t, _, cpus in result["samples"] if t <= result["ended_at"]]
        if before:
            last: dict = {}
            for _, _, cpus in result["samples"]:  # each process's last reading (some exit before the end)
                last.update(cpus)
            tail = {pid: cpu - before[-1].get(pid, 0.0) for pid, cpu in last.items()}
            print("  CPU after the last batch was stored, by process: " + ", ".join(
                f"{result['names'].get(pid, 'pid ' + str(pid))} {cpu:.2f} s"
                for pid, cpu in sorted(tail.items(), key=lambda kv: -kv[1]) if cpu > 0))
    if "minflt" in result:
        print(f"  writing process during the ingest: {per(result['stime']):.1f} µs/Signal of system time, "
              f"{result['minflt'] / n:.2f} page faults a Signal ({result['minflt']} in all)")
    print(f"  wall: ingest {result['wall']:.1f} s ({n / result['wall']:.0f} Signals/s at this load), "
          f"after it {result['close_wall']:.1f} s; before it: start-up {result['startup_wall']:.1f} s wall, "
          f"{result['startup_cpu']:.2f} s CPU; starting the workers {startup:.2f} s CPU, {result['pool_wall']:.2f} s wall; "
          f"the writing process waited for tags {result['waited']:.2f} s "
          f"and used {main_cpu:.1f} s CPU in its main thread{workers_note}")
    return dict(rows)


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"{one:.1f}/{five:.1f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--signals", type=int, default=100_000)
    parser.add_argument("--corpus", choices=("mix", "named"), default="mix")
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--tree", type=Path, action="append",
                        help="Checkout(s) to measure, in turn each round (default: this one).")
    parser.add_argument("--file", type=Path, help="A JSON Lines file to ingest instead of the generated corpus.")
    parser.add_argument("--no-tag-too", action="store_true", help="Also run with --no-tag.")
    parser.add_argument("--timeline", action="store_true",
                        help="Print how many processes had work at each 10 ms sample, from start to end.")
    args = parser.parse_args()
    trees = [t.resolve() for t in args.tree or [REPO]]
    global TIMELINE
    TIMELINE = args.timeline
    with tempfile.TemporaryDirectory() as tmp:
        path = args.file
        if path is None:
            path = Path(tmp) / f"{args.corpus}.jsonl"
            make_file(path, args.signals, args.corpus)
        n = sum(1 for line in path.open("rb") if line.strip())
        for round_ in range(args.rounds):
            for i, tree in enumerate(trees):
                for tag in (True, False) if args.no_tag_too else (True,):
                    label = f"r{round_}-t{i}-{'tag' if tag else 'notag'}"
                    load = _load()
                    result = run(tree, path, tmp, label, args.processes, tag)
                    decode, read = split(tree, path)
                    result["split"] = (decode, read)
                    report(result, n, f"{tree}, {'tagging on' if tag else '--no-tag'}, [nlp] processes="
                                      f"{args.processes}, {path.name} (round {round_ + 1})", f"{load} -> {_load()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
