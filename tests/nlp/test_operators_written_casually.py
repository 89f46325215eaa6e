"""User stories: a network operator named as people type it in a hurry, and its network said gone. The name without
its hyphen ("tmobile data just gone"), a two-word name in lower case before its down-word ("virgin media out across
Leith"), the name in lower case after what it sells and "of"/"from" ("sem sinal da claro", "bredbandet från bahnhof
dog"), a word for none before the name and what it sells after it ("no verizon data", "no EE signal"), Bell's
"fibe", "Telekom" alone (Deutsche Telekom to its customers), French "privée de fibre", Polish "bez światłowodu", a time since
before the down-word ("vodafone kabel seit gestern abend tot"), "zonder telenet".
The near misses: a customer's plan ("no verizon data plan"), the operator's news, prices and shops with nothing gone."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "tmobile data just gone in San Antonio. texted my mom via smoke signal",
    "virgin media out across Leith and the whole of north edinburgh, third time since october",
    "bell fibe down across the GTA? mississauga and scarborough both out in our group chat",
    "Brummies, anyone else got no EE signal? Digbeth to Selly Oak all dead since 4",
    "the big apple has no verizon data on the L train platform... and above ground too",
    "recife inteira sem sinal da claro? boa viagem e casa forte sem nada desde as 10",
    "quarto dia seguido que a vivo cai em manaus no fim da tarde. hoje já são 6h sem sinal",
    "bredbandet från bahnhof dog i majorna vid 9. nån annan i gbg?",
    "Hannover komplett ohne Telekom Festnetz, List und Linden betroffen laut Nachbarn",
    "Nancy privée de fibre Orange depuis ce matin",
    "Gdańsk Wrzeszcz i Oliwa bez światłowodu w Orange od 9 rano",
    # a time since between what it sells and its down-word; a word for without before a name in lower case
    "st. pauli (der stadtteil, nicht der verein): vodafone kabel seit gestern abend tot",
    "belgisch limburg zonder telenet, hasselt en genk allebei",
])
def test_an_operator_typed_casually_with_its_network_gone_is_a_problem_now(rules, text):
    result = rules(text)
    assert result["relevant"] is True and result["ongoing"] is True


@pytest.mark.parametrize("text", [
    "still no verizon data plan for the new phone, waiting on the store",
    "tmobile store opening on main street next week, free pizza",
    "Telekom erhöht ab März die Preise für Festnetz-Tarife",
    "a fibra da vivo finalmente chegou aqui no prédio, 500 mega",
    "bredbandet från bahnhof är snabbt och billigt, rekommenderar",
    "vodafone kabel seit gestern abend im angebot, 50 euro günstiger",
])
def test_an_operator_typed_casually_with_nothing_gone_is_no_outage(rules, text):
    assert rules(text)["relevant"] is False
