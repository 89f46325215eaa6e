"""Tagging throughput: texts/s for tweet-length texts, against the tokenizer alone.

The tokenizer is the ceiling: the tagger runs it and then its matcher and rules. The
comparison is paired: every run starts in a process forked from the same warmed-up
tagger and reads the same texts, so the tokenizer and the tagger meet exactly the same
unseen words (a tokenizer meeting a word for the first time builds its lexeme) with the
same batch size. Runs alternate tokenizer / tagger for ``--rounds`` rounds and the
median is reported; the ratio is taken per round, on CPU time, which other jobs on the
machine affect far less than wall time (both are printed, with the load average).

Both cores: the tagger's own parallel path (``processes=2``, what ``tag_signals`` uses
on a big batch) tags the texts and the wall-clock rate is what was measured, results
back in the caller and all; so is the tokenizer on two processes for comparison.

The texts are generated from a seed: English, Spanish, German, French, Portuguese and
Japanese outage chatter and ordinary posts, with handles, hashtags, links, region codes
and numbers, 40-280 characters.

    .venv/bin/python benchmarks/tagging_throughput.py [--texts 100000] [--processes 2] [--rounds 3]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import sys
import time
from pathlib import Path
from statistics import median

REPO = Path(__file__).resolve().parents[1]
BATCH_SIZE = 1000  # replaced by the tagger's own in main()

NAMES = ["Slack", "Roku", "AWS", "Netflix", "Zoom", "Flickr", "GitHub", "Azure", "Spotify", "Discord", "Amazon",
         "Kinesis", "Cognito", "CloudWatch", "Lambda", "Adobe", "Teams", "Outlook", "WhatsApp", "Instagram",
         "Twitter", "Cloudflare", "Fastly", "YouTube", "Twitch", "PSN", "Xbox Live", "Fortnite", "Ring", "Gmail"]
PLACES = ["us-east-1", "US-EAST-1", "us-west-2", "eu-west-1", "Frankfurt", "Tokyo", "N. Virginia", "London",
          "Texas", "Germany", "Japan", "us-central1", "westeurope", "São Paulo", "Paris"]
EN = ("is {n} down for anyone else", "{n} not working again", "can't log in to {n} since this morning",
      "{n} keeps throwing 503 errors", "{n} is back up, finally", "{n} is so slow today in {p}",
      "loving the new {n} update", "just watched a great show on {n}", "{n} outage in {p}, everything broken",
      "anyone else getting timeouts from {n}?", "we are investigating elevated error rates in {p}",
      "the {n} app won't load, blank screen", "{n} isn't down, it's your wifi", "time to slack off and zoom in",
      "the Amazon rainforest is burning", "my team meeting on {n} got cancelled, yay")
OTHER = ("¿se cayó {n}? no me carga nada", "{n} no funciona desde hace una hora en {p}", "ist {n} gerade down?",
         "{n} funktioniert nicht, Störung in {p}", "{n} est en panne depuis ce matin", "{n} ne fonctionne plus",
         "o {n} caiu? não consigo entrar", "{n} fora do ar em {p}", "{n}の障害で落ちてる", "{n}にログインできない")
FILLER = ("lol", "ugh", "seriously", "right now", "again", "today", "please fix", "help", "😡", "🙃", "smh",
          "at work", "for the third time this week", "my whole team is stuck", "thanks", "any ETA?")


def make_texts(count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for i in range(count):
        template = rng.choice(EN) if rng.random() < 0.7 else rng.choice(OTHER)
        parts = [template.format(n=rng.choice(NAMES), p=rng.choice(PLACES))]
        while sum(len(p) for p in parts) < rng.randint(40, 240):
            roll = rng.random()
            if roll < 0.15:
                parts.append(f"@{rng.choice(NAMES).replace(' ', '')}Support")
            elif roll < 0.25:
                parts.append(f"#{rng.choice(NAMES).replace(' ', '').lower()}down")
            elif roll < 0.32:
                parts.append(f"https://t.co/{rng.getrandbits(40):x}")
            elif roll < 0.45:
                parts.append(str(rng.randint(0, 10_000)))
            else:
                parts.append(rng.choice(FILLER))
        texts.append(" ".join(parts)[:280] + f" #{i}")
    return texts


_WORKER = None


def _tokenize_chunk(chunk: list[str]) -> int:
    return sum(len(doc) for doc in _WORKER.tokenizer.pipe(chunk, batch_size=BATCH_SIZE))


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"{one:.1f}/{five:.1f}"


def in_fork(fn, *args):
    """Run ``fn(*args)`` in a process forked from this one: same warm state every time.

    Returns (wall seconds, CPU seconds of the child and of any workers it started)."""
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)

    def child():
        wall, cpu = time.perf_counter(), time.process_time()
        fn(*args)
        elapsed = time.perf_counter() - wall
        times = os.times()
        send.send((elapsed, time.process_time() - cpu + times.children_user + times.children_system))

    process = ctx.Process(target=child)
    process.start()
    result = receive.recv()
    process.join()
    return result


def run_tokenizer(nlp, texts: list[str], processes: int) -> None:
    global _WORKER
    _WORKER = nlp
    if processes == 1:
        for _ in nlp.tokenizer.pipe(texts, batch_size=BATCH_SIZE):
            pass
        return
    size = max(BATCH_SIZE, len(texts) // (processes * 4))
    chunks = [texts[i:i + size] for i in range(0, len(texts), size)]
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        pool.map(_tokenize_chunk, chunks)


def run_tagger(tagger, items, processes: int) -> None:
    tagger.processes = processes
    try:
        for _ in tagger.tag_texts(items):
            pass
    finally:
        tagger.close()  # joins the workers, so their CPU time is counted


def main() -> int:
    global BATCH_SIZE
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=100_000)
    parser.add_argument("--processes", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    from outagewatch.nlp import Tagger
    from outagewatch.nlp.tagger import BATCH_SIZE

    texts = make_texts(args.texts, 1)
    given = [(t, None, "en") for t in texts]
    detected = [(t, None, None) for t in texts]
    print(f"{args.texts} texts per run, mean {sum(map(len, texts)) / args.texts:.0f} characters, batch size "
          f"{BATCH_SIZE}; {os.cpu_count()} CPU(s); load average (1/5 min) at start {_load()}")
    warm = Tagger()
    list(warm.tag_texts([(t, None, None) for t in make_texts(5000, 99)]))  # common words, language model
    runs = {"tokenizer alone": lambda: run_tokenizer(warm.nlp, texts, 1),
            "tagger, language detected": lambda: run_tagger(warm, detected, 1),
            "tagger, language given": lambda: run_tagger(warm, given, 1)}
    measured: dict[str, list[tuple[float, float]]] = {name: [] for name in runs}
    for _ in range(args.rounds):
        for name, run in runs.items():
            measured[name].append(in_fork(run))
    n = len(texts)
    print(f"1 process, {args.rounds} rounds, median (load average now {_load()}):")
    print(f"  {'':<28} {'wall texts/s':>13} {'CPU per text':>13}")
    for name, values in measured.items():
        print(f"  {name:<28} {n / median(w for w, _ in values):13.0f} {median(c for _, c in values) / n * 1e6:10.0f} µs")
    for name in ("tagger, language detected", "tagger, language given"):
        by_cpu = median(t[1] / g[1] for t, g in zip(measured["tokenizer alone"], measured[name]))
        by_wall = median(t[0] / g[0] for t, g in zip(measured["tokenizer alone"], measured[name]))
        print(f"  {name} / tokenizer rate: {by_cpu:.2f} by CPU time, {by_wall:.2f} by wall time; target >= 0.5")
    p = args.processes
    if p > 1:
        before = _load()
        tok_wall, tok_cpu = in_fork(run_tokenizer, warm.nlp, texts, p)
        tag_wall, tag_cpu = in_fork(run_tagger, warm, detected, p)
        print(f"{p} processes (load average {before} before, {_load()} after), measured wall clock:")
        print(f"  tokenizer alone            {n / tok_wall:8.0f} texts/s  ({tok_cpu / n * 1e6:.0f} µs CPU per text)")
        print(f"  tagger, language detected  {n / tag_wall:8.0f} texts/s  ({tag_cpu / n * 1e6:.0f} µs CPU per text, "
              f"all processes); target >= 15000")
    return 0


if __name__ == "__main__":
    sys.exit(main())
