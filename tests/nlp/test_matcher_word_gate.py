"""The matcher reads each word of a named text once against one table of every word its word checks look for
(``pipeline._word_gate``: the places, the complaint, absence and area words, "again", the region codes, a state's
code in capitals, a big city's code in lower case), then opens only the checks whose table holds one of the words.
Six look-ups a word became one, and a user's text finds what it found: "outage in us-east-1", "Netflix down in
TX?", "no service in atl", "Störung in Frankfurt", "Discord won't load", "syncing again"."""

from __future__ import annotations

import pytest

from outagewatch.nlp import pipeline, verbs


@pytest.fixture(scope="module")
def matcher(tagger):
    return tagger.nlp.get_pipe("outagewatch_matcher").impl


def test_every_word_of_every_table_opens_its_check(matcher):
    vocab = matcher.vocab
    tables = [(pipeline._PLACE, matcher.place_words), (pipeline._WATCHED, matcher.watched),
              (pipeline._AGAIN, verbs.AGAIN_WORDS), (pipeline._CODE, vocab.codes),
              (pipeline._STATE, [code.lower() for code in vocab.state_codes]),
              (pipeline._LOWER_CODE, [code.lower() for code in vocab.lower_city_codes])]
    for bit, words in tables:
        assert words, bit
        assert all(matcher.gate.get(word, 0) & bit for word in words), bit
    assert len(matcher.gate) == len(set().union(*(set(words) for _, words in tables)))  # nothing else


@pytest.mark.parametrize("text, regions, symptoms", [
    ("AWS outage in us-east-1 since an hour", ["aws:us-east-1"], ["outage"]),
    ("Netflix down in TX?", ["geo:US-TX"], ["outage"]),
    ("Netflix is down in Austin TX", ["geo:US-TX"], ["outage"]),
    ("Netflix down in tx?", [], ["outage"]),  # a state's code only in capitals
    ("no service in atl, verizon down", ["geo:US-GA"], ["outage"]),  # a big city's code in lower case
    ("Telekom Störung in Frankfurt", ["geo:DE-HE"], ["outage"]),
    ("Discord won't load on my phone", [], ["not-loading"]),
    ("Slack is syncing again", [], ["recovered"]),
    ("verizon down all day", [], ["outage"]),
])
def test_a_named_text_finds_its_places_codes_and_complaints(tagger, text, regions, symptoms):
    tags = tagger.tag_text(text)
    assert tags["regions"] == regions
    assert tags["symptoms"] == symptoms
