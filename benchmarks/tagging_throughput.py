"""Tagging throughput: texts/s for tweet-length texts, against the tokenizer alone.

The tokenizer is the ceiling: the tagger runs it and then its matchers and rules. Both
are measured on one process and on ``--processes`` worker processes (forked, each with
its own pipeline; only small results travel back). The texts are generated from a seed:
English, Spanish, German, French, Portuguese and Japanese outage chatter and ordinary
posts, with handles, hashtags, links, region codes and numbers, 40-280 characters.

    .venv/bin/python benchmarks/tagging_throughput.py [--texts 100000] [--processes 2]

Wall-clock rates depend on what else the machine runs; the script also prints CPU time
per text for the single-process runs, which does not.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

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
    return sum(len(doc) for doc in _WORKER.tokenizer.pipe(chunk, batch_size=1000))


def _children_cpu() -> float:
    times = os.times()
    return times.children_user + times.children_system


def tokenizer_rate(nlp, texts: list[str], processes: int) -> tuple[float, float]:
    """(texts/s wall, CPU seconds per text) for the tokenizer alone."""
    global _WORKER
    _WORKER = nlp
    if processes == 1:
        wall, cpu = time.perf_counter(), time.process_time()
        for _ in nlp.tokenizer.pipe(texts, batch_size=1000):
            pass
        return len(texts) / (time.perf_counter() - wall), (time.process_time() - cpu) / len(texts)
    size = max(1000, len(texts) // (processes * 4))
    chunks = [texts[i:i + size] for i in range(0, len(texts), size)]
    pool = multiprocessing.get_context("fork").Pool(processes)
    before = _children_cpu()
    wall = time.perf_counter()
    pool.map(_tokenize_chunk, chunks)
    elapsed = time.perf_counter() - wall
    pool.close()
    pool.join()
    return len(texts) / elapsed, (_children_cpu() - before) / len(texts)


def tagger_rate(tagger, items, processes: int) -> tuple[float, float]:
    """(texts/s wall, CPU seconds per text, summed over the worker processes when there are several)."""
    tagger.processes = processes
    before = _children_cpu()
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in tagger.tag_texts(items):
        pass
    elapsed = time.perf_counter() - wall
    used = time.process_time() - cpu
    tagger.close()  # joins the workers, so their CPU time is counted
    tagger.processes = 1
    if processes > 1:
        used = _children_cpu() - before
    return len(items) / elapsed, used / len(items)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=100_000)
    parser.add_argument("--processes", type=int, default=min(2, os.cpu_count() or 1))
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    from outagewatch.nlp import Tagger

    # Each measurement reads texts it has not seen (new seeds): a tokenizer meeting a word for
    # the first time builds its lexeme, and a second pass over the same texts would skip that.
    texts = {name: make_texts(args.texts, seed) for seed, name in enumerate(("tok1", "tag1", "tag1l", "tokn", "tagn"))}
    print(f"{args.texts} texts per run, mean {sum(map(len, texts['tok1'])) / args.texts:.0f} characters; "
          f"{os.cpu_count()} CPU(s), load average before {os.getloadavg()[0]:.1f}")
    warm = Tagger()
    list(warm.tag_texts([(t, None, None) for t in make_texts(5000, 99)]))  # common words, language model
    rows = []
    tok1, tok_cpu = tokenizer_rate(warm.nlp, texts["tok1"], 1)
    rows.append(("tokenizer alone, 1 process", tok1, tok_cpu))
    tag1, tag_cpu = tagger_rate(warm, [(t, None, None) for t in texts["tag1"]], 1)
    rows.append(("tagger, 1 process, language detected", tag1, tag_cpu))
    tag1l, tag_cpul = tagger_rate(warm, [(t, None, "en") for t in texts["tag1l"]], 1)
    rows.append(("tagger, 1 process, language given", tag1l, tag_cpul))
    n = args.processes
    if n > 1:
        tokn, tokn_cpu = tokenizer_rate(warm.nlp, texts["tokn"], n)
        rows.append((f"tokenizer alone, {n} processes", tokn, tokn_cpu))
        tagn, tagn_cpu = tagger_rate(warm, [(t, None, None) for t in texts["tagn"]], n)
        rows.append((f"tagger, {n} processes, language detected", tagn, tagn_cpu))
    print(f"{'':<42} {'wall':>14} {'CPU/text':>10} {'CPU-bound rate on free cores':>30}")
    for label, rate, cpu in rows:
        cores = n if label.endswith(("processes", "detected")) and f"{n} processes" in label else 1
        print(f"{label:<42} {rate:9.0f} /s {cpu * 1e6:8.0f} µs {cores / cpu:22.0f} /s ({cores} core(s))")
    print(f"tagger / tokenizer, 1 process, by CPU time: {tok_cpu / tag_cpu:.2f} (language given: "
          f"{tok_cpu / tag_cpul:.2f}); target >= 0.5")
    if n > 1:
        print(f"tagger on {n} processes: {tagn:.0f} texts/s wall under the current load, "
              f"{n / tagn_cpu:.0f} texts/s if the {n} cores were free (CPU time); target >= 15000")
    return 0


if __name__ == "__main__":
    sys.exit(main())
