"""User stories: a network operator named as its own customers write it, where the name is no catalog entry and
is written in lower case, by a word of their language or with a case ending: "play nie ma zasięgu", "kpn mobiel
geen bereik", "tre har ingen täckning", "bez Playa", "sem NOS", "EE no signal". Its network gone is an outage
now (the writers' brief: a carrier's outage is relevant with no service), not the writer up a mountain.

The near misses: the same words in a text of another language ("play" in English), a number that is an operator's
name used as a number ("tre dagar utan täckning i stugan"), a word that is an operator's name used as a word
("sem nos avisar"), and no signal where the writer is with no operator named."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "play nie ma zasięgu na całym ursynowie od rana, sms-y też nie wychodzą",
    "Poznań bez Playa od 8, ani dzwonić ani internetu",
    "Gliwice bez Netii od wczoraj wieczorem, cała ulica",
    "kpn mobiel geen bereik in heel Zwolle, bellen lukt niet",
    "tre har ingen täckning i hela Västerås sen lunch, kan inte ringa",
    "Hela Umeå utan Tre-täckning? Ingen på jobbet kan ringa",
    "Tre nere i hela Jönköping sen i morse, Huskvarna också",
    "os lisboetas também estão sem NOS? aqui em Alvalade nada funciona",
    "sem sinal da tim no centro de curitiba desde as 9, ninguém consegue ligar",
    "EE no signal anywhere in Cardiff Bay since lunch, can't even send a text",
    "sunrise mobile im ganzen kreis 5 weg, nicht mal notrufe gehen",
])
def test_an_operator_its_customers_name_with_its_network_gone_is_an_outage_now(rules, text):
    result = rules(text)
    assert result["relevant"] is True and result["ongoing"] is True


@pytest.mark.parametrize("text", [
    "no signal for three days at the cabin and honestly it was great",
    "tre dagar utan täckning i stugan, underbart",
    "saiu sem nos avisar e ficamos sem sinal na praia, que paz",
    "tre giorni senza segnale in montagna, che pace",
    "no signal at the lake house, so we play cards every night",
    "brak zasięgu w lesie, cudowny weekend",
])
def test_no_signal_where_no_operator_is_named_stays_no_outage(rules, text):
    assert rules(text)["relevant"] is False
