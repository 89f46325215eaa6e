"""A payment card refused at the till is a payments failure whoever issued it: the bank, the card network
or the till's provider need not be one the catalog knows ("N26 Karte wird überall abgelehnt", "pinnen lukt
nergens", "Revolut odrzuca kartę", "cartão não passa em nenhuma maquininha", "kartlı ödemeler geçmiyor").

Hand-written texts, each a user's story (not from any evaluation set); the rules alone are asked.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "N26 Karte wird heute überall abgelehnt, App sagt alles okay",            # de
    "Rotterdam: pinnen lukt nergens in de binnenstad, Albert Heijn en Jumbo",  # nl: paying by card fails
    "Revolut odrzuca kartę w każdym sklepie od rana",                          # pl
    "Recife: cartão não passa em nenhuma maquininha do centro",                # pt
    "İzmir'de kartlı ödemeler geçmiyor, marketlerde kuyruk",                   # tr
    "mi tarjeta rechazada en tres tiendas seguidas, y tengo saldo",            # es
    "carte refusée partout ce matin, la banque ne répond pas",                 # fr
    "kortet nekas i alla butiker, Swish funkar",                               # sv
])
def test_a_card_refused_at_the_till_is_a_payment_failure_now(rules, text):
    result = rules(text)
    assert result["relevant"] is True and result["ongoing"] is True, result
    assert "payments" in result["symptoms"], result


@pytest.mark.parametrize("text", [
    "the referee showed him a yellow card and the appeal was rejected",        # a football card
    "ma carte d'identité est arrivée, la demande n'a pas été refusée",          # an ID card, not refused
    "de pinautomaat staat bij de ingang, naast de bloemen",                     # a card machine, nothing wrong
])
def test_a_card_without_a_refused_payment_is_no_outage(rules, text):
    result = rules(text)
    assert result["relevant"] is False, result
