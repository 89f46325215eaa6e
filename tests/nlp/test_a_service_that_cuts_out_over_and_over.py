"""User stories: a service that cuts out, freezes or throws the writer out over and over, told with how often and no
problem word of the lexicon: "Teams kicks me out every ten minutes", "Spotify şarkıyı 5 saniyede bir durduruyor",
"Slack tappar anslutningen hela tiden". The verb alone is an everyday word ("prices drop", "tappar nycklarna"); how
often it happens makes it a failure of the service that does it, now (the writers' brief: a single user's everyday
failure counts). The near misses: the same verbs and times of something else than a service (a bus, a person), a
frequency in another clause than the verb, and a service named only after the verb."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "Zoom kicks me out of the meeting every ten minutes, third time this morning",
    "Teams wirft mich alle 5 Minuten aus dem Meeting, echt nervig",
    "spotify coupe toutes les 20 secondes sur mon téléphone",
    "Netflix se corta cada dos minutos, ya reinicié el router",
    "YouTube trava a cada 30 segundos aqui em casa",
    "Discord si disconnette ogni cinque minuti durante le partite",
    "Teams valt elke paar minuten weg tijdens het gesprek",
    "discord rozłącza mnie co 10 minut na kanale głosowym",
    "Slack tappar anslutningen hela tiden, går inte att jobba",
    "WhatsApp aramaları 10 saniyede bir kopuyor",
])
def test_a_service_said_to_cut_out_over_and_over_is_a_problem_now(rules, text):
    result = rules(text)
    assert result["relevant"] is True and result["ongoing"] is True


@pytest.mark.parametrize("text", [
    "the bus stops every ten minutes near the spotify office",
    "my toddler drops his spoon every 30 seconds, send help",
    "jag tappar nycklarna hela tiden, men spotify funkar fint",
    "Netflix price goes up. I pause every 20 minutes to check the bill anyway",
])
def test_the_same_words_of_something_else_are_no_outage(rules, text):
    assert rules(text)["relevant"] is False
