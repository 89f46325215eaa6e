"""The gazetteer's ~50,000 place names are looked up by their words (``pipeline.Matcher.place_words`` and
``place_phrases``), not held as PhraseMatcher patterns: each pattern cost ~2 KB (its trie nodes, a set of its words, a
lexeme for its key and its new words), ~100 MB a process. The look-up finds exactly the spans a PhraseMatcher of the
same places finds, so a user's text tags as before: "no signal in N. Virginia", "caiu a Vivo em São Paulo", "bij
ons in Den Haag", a town of two words ("Sankt Leon-Rot"), a word the place has twice ("Baden-Baden")."""

from __future__ import annotations

import pytest
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from outagewatch.nlp.pipeline import doc_words

TEXTS = [
    "we are investigating elevated error rates in N. Virginia today",
    "AWS down in West Virginia and N. Virginia, also west - virginia",
    "caiu a Vivo em São Paulo e em sao paulo tambem",
    "KPN storing bij ons in Den Haag, ook in the hague",
    "Telekom seit heute tot in Sankt Leon-Rot und in Baden-Baden",
    "Comcast out in New York, new york city and NYC",
    "the a de la new with just since up",  # the first words of places, no place
    "",
]


@pytest.fixture(scope="module")
def matcher(tagger):
    return tagger.nlp.get_pipe("outagewatch_matcher").impl


def test_the_places_are_no_patterns(matcher):
    assert len(matcher.place_words) > 30_000 and len(matcher.place_phrases) > 8_000
    assert len(matcher.matcher) < 10_000  # the catalog's names that are no places, and the symptom phrases


def test_the_look_up_finds_what_a_phrase_matcher_finds(tagger, matcher):
    vocab = tagger.nlp.vocab
    reference = PhraseMatcher(vocab, attr="LOWER")
    names = {}
    for word, (one, _) in matcher.place_words.items():
        if one is not None:
            names[vocab.strings.add("1:" + word)] = id(one)
            reference.add("1:" + word, [Doc(vocab, words=[word])])
    for words, (_, phrase) in matcher.place_phrases.items():
        key = "p:" + "\x00".join(words)
        names[vocab.strings.add(key)] = id(phrase)
        reference.add(key, [Doc(vocab, words=list(words))])
    for text in TEXTS:
        doc = tagger.nlp.make_doc(text)
        lowers = doc_words(doc)[1]
        expected = sorted((start, end, names[key]) for key, start, end in reference(doc))
        assert sorted((s, e, id(n)) for s, e, n in matcher._places(lowers)) == expected, text
    doc = tagger.nlp.make_doc(TEXTS[0])
    assert (7, 9) in {(s, e) for s, e, _ in matcher._places(doc_words(doc)[1])}  # "N. Virginia", once


@pytest.mark.parametrize("text, regions", [
    ("Vodafone Kabel seit heute Mittag tot in Sankt Leon-Rot", ["geo:DE-BW"]),
    ("KPN ligt eruit bij ons in Den Haag, al de hele ochtend", ["geo:NL-ZH"]),
    ("Vivo sem sinal em São Paulo desde cedo", ["geo:BR-SP"]),
])
def test_a_place_of_several_words_is_where(tag, text, regions):
    assert tag(text)["regions"] == regions


def test_the_first_word_of_a_place_alone_is_nowhere(tag):
    assert tag("Vodafone is down again, the new router did not help")["regions"] == []
