"""The rules stage alone: CPU µs a text that ``resolve`` takes, on docs made once and resolved again and again.

``tagging_throughput.py --stages`` times every stage of new texts in one pass; on a busy machine its rules figure
moves with the load as much as with the code. Here the realistic mix's texts (``make_mix``) that reach the
pipeline are made into docs once (prescan, tokenizer, matcher, language), then ``resolve`` (and the tag dict, as
the stage benchmark times it) runs over the same docs ``--rounds`` times; the least round after the first is
reported, per text of the mix and per doc. The first round is printed apart: it meets every word the rules
remember (the typo and phrase readers' word caches) for the first time, as new texts do.

Run it on two trees in turn, alternated, to compare a rules change:

    .venv/bin/python benchmarks/rules_alone.py --tree T [--texts 20000] [--rounds 6]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def docs_for_the_rules(tagger, texts: list[str]) -> list:
    """The docs ``resolve`` is handed for ``texts``: those the prescan does not clear, through the tokenizer, the
    matcher and the language stage, in batches of 1,000 as the tagger makes them."""
    from outagewatch.nlp import tagger as tagging
    from outagewatch.nlp.pipeline import TEXT

    rest = [t for t in texts if tagger.prescan.clear(t) is None]
    docs = []
    for first in range(0, len(rest), 1000):
        chunk = rest[first:first + 1000]
        made = list(tagger.nlp.tokenizer.pipe(chunk))
        for doc, text in zip(made, chunk):
            doc.user_data[TEXT] = text
        for _, component in tagger.nlp.pipeline:
            made = [component(doc) for doc in made]
        tagging._settle_languages(made)
        docs += made
    return docs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", type=Path, default=REPO, help="the checkout whose rules are timed")
    parser.add_argument("--texts", type=int, default=20_000, help="mix texts (about 40%% reach the rules)")
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--seed", type=int, default=100)
    args = parser.parse_args()
    tree = args.tree.resolve()
    sys.path.insert(0, str(tree))
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from tagging_throughput import make_mix

    from outagewatch.nlp import Tagger
    from outagewatch.nlp import tagger as tagging
    from outagewatch.nlp.pipeline import LANG
    from outagewatch.nlp.resolve import resolve
    from outagewatch.nlp.source import parse_source

    warm = Tagger()
    list(warm.tag_texts([(t, None, None) for t in make_mix(5000, 98)]))
    texts = make_mix(args.texts, args.seed)
    docs = docs_for_the_rules(warm, texts)
    ctx = parse_source(None, warm.vocab)

    def one_round() -> float:
        start = time.process_time()
        for doc in docs:
            tagging._as_dict(resolve(doc, warm.vocab, ctx, want_status=True, entities=warm.entities),
                             doc.user_data.get(LANG))
        return time.process_time() - start

    spent = [one_round() for _ in range(max(2, args.rounds))]
    least = min(spent[1:])
    print(f"{tree}: {len(docs)} of {len(texts)} mix texts reach the rules; first round {spent[0] / len(texts) * 1e6:.1f}"
          f" µs a text, least of the next {len(spent) - 1}: {least / len(texts) * 1e6:.2f} µs a mix text "
          f"({least / len(docs) * 1e6:.1f} µs a doc); load {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
