"""User stories: a network operator's outage as people post it, with the words between the operator and what it
says gone that the rules did not read: a name split at its hyphen after "no"/"without" ("no T-Mobile data
anywhere in Austin"), a perfect's auxiliary or a time since between what it sells and its down-word ("cox internet
been out in nola", "magenta internet sabahtan beri yok"), none of what it sells from it ("luleå utan fiber från
telia sen igår", "sin internet de Totalplay"), and Swedish "sen igår" (since yesterday: it goes on). The near
misses: what a customer buys ("no T-Mobile data plan yet"), an auxiliary before "out" where no operator is named
("power's been out on our street"), a customer who left ("we moved away from Comcast internet")."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "no T-Mobile data anywhere in Austin, from south congress to the domain. is it all of Texas?",
    "Texans: half the state seems to be without T-Mobile data right now, calls going straight to voicemail",
    "cox internet been out in nola since the storm passed... that was 2 days ago. still nothing",
    "viyana'dayım, magenta internet sabahtan beri yok. buradaki türkler de şikayetçi grupta",
    "İstanbul Kadıköy'de Türk Telekom interneti sabahtan beri yok",
    "luleå utan fiber från telia sen igår. hela porsön sitter i mörkret digitalt",
])
def test_an_operators_network_said_gone_is_a_problem_now(rules, text):
    result = rules(text)
    assert result["relevant"] is True and result["ongoing"] is True


@pytest.mark.parametrize("text", [
    "I have no T-Mobile data plan yet, still on prepaid",
    "power's been out on our street in houston for 3 hours, phone at 20%. at least my netflix downloads work",
    "we moved away from Comcast internet, has been great",
])
def test_no_network_gone_where_no_operator_fails(rules, text):
    assert rules(text)["ongoing"] is False
