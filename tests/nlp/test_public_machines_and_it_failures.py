"""The machines and gates of a station, an airport or a shop said down ("Gatwick e-gates down", "ticket machines
down at Kings Cross", "padł system rezerwacji"), and an airline's or an airport's IT failure in each language's
words ("blocco informatico", "falha informática", "IT failure"): an outage, whatever the catalog names; told with
what it forced and how long ("obrigou a check-in manual durante duas horas") it is over, and so is one a company
"repõe" (restores) after.

Hand-written texts, each a traveller's or a shopper's story (not from any evaluation set). The rules alone are asked.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "Gatwick North e-gates down, one officer checking every passport by hand",
    "ticket machines down at Kings Cross, queue out the door",
    "self check-in kiosks down at T2, everyone back to the desks",
    "Na Lotnisku w Gdańsku padł system rezerwacji, kolejka do okienka",            # pl
    "Linate, code ai banchi per un guasto informatico al check-in",               # it
    "Falha informática deixa lojas da Fnac sem pagamentos por cartão",            # pt
])
def test_machines_of_a_station_airport_or_shop_down_are_an_outage_now(rules, text):
    result = rules(text)
    assert result["relevant"] is True and result["ongoing"] is True, result


@pytest.mark.parametrize("text", [
    "bring the old boards down to the garage please",                              # boards carried down
    "padł system, musiałem zrestartować laptopa",                                   # pl: one's own computer
    "the gates at the zoo close at six, we walked down to the lake",                # gates, not e-gates
])
def test_the_same_words_of_other_things_are_no_outage(rules, text):
    result = rules(text)
    assert result["relevant"] is False and result["ongoing"] is False, result


@pytest.mark.parametrize("text", [
    "Falha informática no Aeroporto de Faro obrigou a check-in manual durante três horas",   # pt: told after
    "Metro do Porto repõe validadores após falha informática",                              # pt: restored
])
def test_an_it_failure_told_after_or_restored_is_over(rules, text):
    result = rules(text)
    assert result["relevant"] is True and result["ongoing"] is False, result
