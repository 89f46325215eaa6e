"""The SQLite store's words index splits text exactly as queries are split.

ASCII text is split in Rust at index time, other text in Python, and queries in Python
(``query.words_of``, which the Elasticsearch store indexes too); a word split differently
would never be found.
"""

from __future__ import annotations

import dataclasses

import pytest

from outagewatch.search.query import WORD, Query, words_of
from outagewatch.search.sqlite import SQLiteStore
from outagewatch.search.sqlite.textindex import _analyzer, _words
from tests.signals_factory import make_signal

AWKWARD = [
    "Roku is DOWN, can't stream", "status.aws.amazon.com foo_bar x86_64 e-mail 1.2.3 v2",
    "障害が発生 東京 サーバー 서버 ﾃｽﾄ", "Müller café São Paulo ß Ǆ İstanbul", "नमस्ते दुनिया ½ ²", "ΟΔΟΣ οδος Σοφία",
    "<b>&amp;</b> #outage @RokuSupport https://x.example/a?b=c", "\u00a0tabs\tand\nnewlines  ",
    "ISTANBUL İSTANBUL", "🔥 outage “again” — x_y", "ＲＯＫＵ　ｄｏｗｎ", "",
    # beyond ASCII only emoji, symbols and marks (handed over with each as "?"): no word among them,
    # not even the circled letters Rust's tokenizer would read as letters
    "coffee first ❤️ then we talk 🙌 9005 https://t.co/2c2853d31f #travel", "Roku⚡down Ⓐⓑ ™ x\u20dd y 🅰️",
]


def indexed_words(text: str) -> list[str]:
    """The words the index keeps for ``text``: its tokenizer's, or the words handed over."""
    given = _words(text)
    if isinstance(given, str):
        return _analyzer().analyze(given)
    return [token.text for token in given.tokens]


@pytest.mark.parametrize("text", AWKWARD)
def test_the_index_splits_text_into_the_words_queries_are_made_of(text):
    assert indexed_words(text) == words_of(text)


def test_each_awkward_text_is_found_by_each_of_its_words(tmp_path):
    with SQLiteStore(tmp_path / "w.db") as store:
        signals = [make_signal(text, native_id=f"w{i}") for i, text in enumerate(AWKWARD)]
        store.upsert(signals)
        for signal in signals:
            for word in set(WORD.findall(signal.text)):  # each word as written
                found = {h.signal.id for h in store.search(Query(text=f'"{word}"', limit=100)).hits}
                assert signal.id in found, word


def test_each_rewrite_is_found_by_its_new_words_after_earlier_ones_were_indexed(tmp_path):
    """A rewritten Signal waits in ``text_pending`` for the words index; once the index has
    caught up, the table is empty again, and the next rewrites must still be taken (their
    numbers go on past the mark's, not from 1 again) and then also a new writer's."""
    path = tmp_path / "rewrites.db"
    signals = [make_signal(f"outage number {i}", minutes=i, native_id=f"r{i}") for i in range(20)]
    with SQLiteStore(path) as store:
        store.upsert(signals)
        for i in range(4):  # each rewrite searched for (so indexed) before the next
            store.upsert([dataclasses.replace(signals[i], text=f"zebra{i} crossing")])
            assert store.count(Query(text=f"zebra{i}")) == 1, i
            assert store.count(Query(text=f"number {i}")) == 0, i
        store.upsert([dataclasses.replace(signals[i], text=f"yak{i} shaving") for i in (5, 6)])
    with SQLiteStore(path) as store:
        store.upsert([dataclasses.replace(signals[7], text="okapi")])
        for word in ("yak5", "yak6", "okapi", "zebra0", "zebra3"):
            assert store.count(Query(text=word)) == 1, word
        assert store.count(Query(text="number")) == 20 - 7


def test_a_post_of_emoji_is_found_by_its_words_and_by_a_phrase_across_an_emoji(tmp_path):
    """A post whose only characters beyond ASCII are emoji (most such posts) keeps its words at
    the positions queries give them: a phrase across an emoji is found, a word broken by one is two."""
    with SQLiteStore(tmp_path / "e.db") as store:
        post = make_signal("Roku❤️down again 🙌 since 9am #streaming", native_id="e1")
        other = make_signal("Roku down again since 9am", native_id="e2")
        store.upsert([post, other])
        assert {h.signal.id for h in store.search(Query(text='"again since 9am"', limit=10)).hits} == \
            {post.id, other.id}
        assert {h.signal.id for h in store.search(Query(text='"roku down"', limit=10)).hits} == {post.id, other.id}
        assert store.count(Query(text="streaming")) == 1
        assert store.count(Query(text="rokudown")) == 0


def test_a_text_goes_to_python_for_its_words_exactly_when_it_holds_a_letter_digit_or_cjk_beyond_ascii():
    """The check that sends a non-ASCII text to words_of (textindex._WORDLY, written to skip ASCII
    fast) answers as the plain rule does, for every character alone and inside ASCII text."""
    import re
    import sys

    from outagewatch.search.sqlite.textindex import _WORDLY
    from outagewatch.textrules import CJK_CHARS

    plain = re.compile(rf"[{CJK_CHARS}]|[^\W\x00-\x7f]")
    for code in range(sys.maxunicode + 1):
        if 0xD800 <= code <= 0xDFFF:
            continue
        char = chr(code)
        assert (_WORDLY.search(char) is None) == (plain.search(char) is None), hex(code)
    for text in AWKWARD:
        for padded in (text, f"outage at 9am {text} again!", f"{text}x"):
            assert (_WORDLY.search(padded) is None) == (plain.search(padded) is None), padded
