"""Places as English chatter and news say them in passing: a place's people said to suffer the outage ("outage leaves
Dubliners unable to work", "Londoners are all screaming about discord"), and the people of countries beyond the
markets where English is official ("Kenyans", "Nigerians")."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, regions", [
    # the object of a verb of leaving or hitting
    ("Microsoft Teams outage leaves Dubliners unable to work", ["geo:IE-D"]),
    ("Optus fined over triple-zero outage that left Australians unable to call emergency services", ["geo:AU"]),
    # the subject of being without or unable, or of what they are doing about it
    ("M-Pesa down, leaving Kenyans unable to pay", ["geo:KE"]),
    ("Nigerians without MTN data since morning, the whole of twitter is complaining", ["geo:NG"]),
    ("seems like Londoners are all screaming about discord being down, same here", ["geo:GB-LND"]),
])
def test_a_places_people_said_to_suffer_the_outage_say_where(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text", [
    "Microsoft Teams outage leaves users unable to work",  # no people of a place
    "the Dominicans I met on holiday say WhatsApp is down",  # not made: the Dominican Republic's more than Dominica's
    "Irish are unable to stop talking about the Teams outage",  # a nation's adjective: people only before people
])
def test_people_words_not_said_of_a_place_or_only_an_adjective_are_no_place(tag, text):
    assert tag(text)["regions"] == []
