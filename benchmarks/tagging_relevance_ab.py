"""The cost of the relevance round's symptom scans: the tagger with them on and off in turn.

The scans (compound outage nouns and API error names, a service said to be gone, German
particle verbs, words in their everyday sense, drills) are switched off by replacing their
entry points, in one process, on the same texts (``tagging_throughput.py``'s two corpora),
so the comparison is paired; the median CPU time of ``--rounds`` rounds is reported with
the load average, since other jobs on the machine move wall time more than CPU time.

    .venv/bin/python benchmarks/tagging_relevance_ab.py [--texts 20000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    sys.path[:0] = [str(REPO), str(REPO / "benchmarks")]
    from tagging_throughput import make_mix, make_texts

    from outagewatch.nlp import Tagger, compounds, senses

    tagger = Tagger()
    list(tagger.tag_texts([(text, None, None) for text in make_mix(3000, 9)]))  # warm up
    matcher = tagger.nlp.get_pipe("outagewatch_matcher").impl
    saved = (compounds.may_have, senses.everyday_sense, senses.drill, matcher.absence_words, matcher.particle_words)

    def switch(on: bool) -> None:
        if on:
            (compounds.may_have, senses.everyday_sense, senses.drill, matcher.absence_words,
             matcher.particle_words) = saved
        else:
            compounds.may_have = lambda raw, low=None: False
            senses.everyday_sense = lambda *_: None
            senses.drill = lambda _: None
            matcher.absence_words = matcher.particle_words = frozenset()

    for name, texts in (("realistic mix", make_mix(args.texts, 1)),
                        ("every text names a service", make_texts(args.texts, 2))):
        items = [(text, None, None) for text in texts]
        seconds: dict[bool, list[float]] = {False: [], True: []}
        for _ in range(args.rounds):
            for on in (False, True):
                switch(on)
                start = time.process_time()
                list(tagger.tag_texts(items))
                seconds[on].append(time.process_time() - start)
        switch(True)
        off, on = (sorted(seconds[k])[len(seconds[k]) // 2] for k in (False, True))
        print(f"{name}: {len(items)} texts, median CPU s of {args.rounds}: off {off:.2f} ({len(items) / off:.0f}/s), "
              f"on {on:.2f} ({len(items) / on:.0f}/s), on/off {on / off:.3f}; "
              f"load average {os.getloadavg()[0]:.1f}/{os.getloadavg()[1]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
