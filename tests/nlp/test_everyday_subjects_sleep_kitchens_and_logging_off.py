"""More everyday senses of an outage word, in every language: one's sleep or head ("estoy caído de sueño", "mein Hirn
ist offline"), a child who crashed after a long day, a household robot or coffee machine ("mein Kaffeevollautomat ist
ausgefallen", "my roomba died again"), a kitchen ("kitchen went down after a grease fire"), the road's traffic in the
other languages ("le trafic sera très perturbé"), and a person going offline ("i'm going offline until this is over",
"going offline for a week, phone in a drawer"). No service went down.

Hand-written texts, each a user's story (not from any evaluation set). The rules alone are asked.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "estoy caído de sueño, hoy no hay directo en Twitch",                     # es: sleep
    "mein Hirn ist komplett offline, zu wenig Kaffee",                         # de: the head
    "mein Kaffeevollautomat ist ausgefallen, Montag kann kommen",              # de: a coffee machine
    "the kitchen went down after a small fire, pizza night cancelled lol",
    "Streik bei der Bahn: der Verkehr ist stark gestört",                      # de: traffic
    "my toddler crashed after the party, so we're going offline early",
    "going offline for the weekend, see you all on Monday",
])
def test_an_everyday_subject_or_a_person_going_offline_is_no_outage(rules, text):
    result = rules(text)
    assert result["relevant"] is False and result["ongoing"] is False, result


@pytest.mark.parametrize("text", [
    # near misses: servers that go offline, an app that says the writer is offline, air traffic control
    "Valorant servers go offline in Europe after DDoS attack",
    "creative cloud keeps saying i'm offline and locked photoshop",
    "Flights delayed at London airports as air traffic control system fails",
])
def test_a_service_going_offline_is_an_outage(tag, text):
    # (with the shipped classifier, as a user gets it: the rules alone read no named service in the last)
    result = tag(text)
    assert result["relevant"] is True, result
