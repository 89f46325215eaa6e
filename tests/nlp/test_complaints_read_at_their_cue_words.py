"""A complaint ("won't load") or a service said to work again ("syncing again") is read at its cue words.

The matcher hands :func:`verbs.complaints` and :func:`verbs.working_again` the words it already knows the post
holds, and they read only those words' places (found by the list's own search, ``verbs.positions``), not every
word of the post in turn. Each story is a post a user sends to `outagewatch tag`; the last test holds the reading
to the word-by-word one on real and made-up posts.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from outagewatch.nlp import verbs
from outagewatch.nlp.pipeline import make_nlp

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.mark.parametrize("text, symptom", [
    ("honestly the whole morning was a mess and now spotify won't load at all", "not-loading"),
    ("dropbox won't sync, and again it won't sync after the restart", "problems"),
    ("spotify is loading again, finally", "recovered"),
    ("instagram funciona otra vez", "recovered"),
    ("in hamburg geht whatsapp nicht", "outage"),
    ("whatsapp geht wieder", "recovered"),
])
def test_a_complaint_or_a_recovery_is_read_where_its_cue_stands(tag, text, symptom):
    assert symptom in tag(text)["symptoms"]


def test_positions_are_every_place_of_the_words_in_order():
    lower = ["a", "won't", "b", "again", "won't", "c", "again"]
    assert verbs.positions(lower, {"again", "won't", "absent"}) == [1, 3, 4, 6]
    assert verbs.positions(lower, set()) == []


def test_the_cue_words_read_give_what_every_word_read_gives():
    nlp = make_nlp("xx")
    texts = [json.loads(line)["text"] for name in ("tagging_dev.jsonl", "tagging_holdout.jsonl", "tagging_tune.jsonl")
             for line in (DATA / name).read_text("utf-8").splitlines()]
    posts = [[t.text.lower() for t in doc] for doc in nlp.tokenizer.pipe(texts)]
    rng = random.Random(11)
    cues, again = sorted(verbs.cue_words()), sorted(verbs.AGAIN_WORDS)
    words = sorted({w for post in posts for w in post})
    posts += [[rng.choice(rng.choice([cues, again, words, words])) for _ in range(rng.randint(1, 15))]
              for _ in range(20000)]
    read = 0
    for post in posts:
        held = set(post)  # the matcher's: every watched word the post holds (a superset is as good)
        assert verbs.complaints(post, held) == verbs.complaints(post), post
        assert verbs.working_again(post, held) == verbs.working_again(post), post
        read += bool(verbs.complaints(post)) + bool(verbs.working_again(post))
    assert read > 800
