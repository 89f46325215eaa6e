"""The clause pass (nlp/fine.py) runs only where a text holds a word it could read a place fine by
(``fine.may_say_fine``): the gate must never hide a place either pass would find fine, and must
keep the pass off a text that only names a place beside a problem."""

from __future__ import annotations

import pytest

from outagewatch.nlp import fine
from outagewatch.nlp.pipeline import NAMES, SYMPTOMS, doc_words

SAID_FINE = [
    "Discord won't connect here in Chicago, but my friend in Dallas says it works for him",
    "Netflix no carga en Sevilla; mi hermana en Valencia dice que a ella le funciona sin problema",
    "Bei mir in Hamburg lädt Spotify nicht, in München läuft es ganz normal",
    "In Amsterdam laadt Netflix niet, in Utrecht werkt het gewoon",
    "İzmir'de internet gitti, Ankara'da hiçbir sorun yok",
    "Twitch buffert in Rotterdam. In Utrecht geen probleem",
    "eu-west-1 and us-west-2 are fine for us, us-east-1 is down",
    "Helsinki and Nuremberg are not affected, Falkenstein is down",
    "mes collègues à Namur ont du réseau, à Liège rien",
    "Tokyo isn't having problems, Osaka is down",
    "대구에서 카톡이 안 돼요 ㅠㅠ 광주 친구는 잘 된대요",
]


def _words(tagger, text):
    doc = tagger.nlp(text)
    return doc_words(doc), doc


@pytest.mark.parametrize("text", SAID_FINE)
def test_a_place_said_fine_passes_the_gate(tagger, text):
    (texts, lower), doc = _words(tagger, text)
    spans, _, _, _, codes = doc.user_data[NAMES]
    spots = [(i, i + 1) for i, _ in codes] + \
        [(a, b) for a, b, names in spans if any(nm.kind in ("region", "place") for nm in names)]
    symptoms = [(s, e, sym, True) for s, e, sym in doc.user_data[SYMPTOMS][0]]  # "geen probleem" reads these
    found = fine.fine_places(lower, spots, symptoms) | fine.clause_fine(texts, lower, spots, symptoms)
    assert found, "the example must say some place is fine"
    assert fine.may_say_fine(texts, lower)


@pytest.mark.parametrize("text", [
    "AWS outage in Frankfurt, everything broken",
    "Zoom is so slow today in London",
    "Störung in Paris seit heute früh",
])
def test_a_place_beside_a_problem_alone_skips_the_pass(tagger, tag, text):
    (texts, lower), _ = _words(tagger, text)
    assert not fine.may_say_fine(texts, lower)
    assert tag(text)["regions"]  # the place is still tagged: the pass had nothing to drop
