"""User stories: a card reader, a ticket machine, a till or a terminal that will not take or read the card ("square
reader won't take cards at the market", "o multibanco não aceita cartão nenhum", "die Automaten nehmen keine Karten
mehr", "dolum makineleri kartı okumuyor", "Kortterminalerna ... tar inga kort"): a payment failure now (the writers'
brief: "card declined" counts). The near miss: a shop or a café that takes no cards is its policy, not a failure.
(Each text names a place or a service, as such posts do: a text that names nothing is cleared before the rules.)"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "the card reader at the Portland farmers market won't take cards, everyone digging for cash",
    "o multibanco da estação de Braga não aceita cartão nenhum, fila enorme",
    "die Fahrkartenautomaten in Köln: die Automaten nehmen keine Karten mehr",
    "Kadıköy'de bilet makineleri kartı okumuyor, herkes nakit arıyor",
    "kortterminalerna på Ica i Uppsala tar inga kort, kassörskan ger upp",
])
def test_a_machine_that_will_not_take_the_card_is_a_payment_failure_now(rules, text):
    result = rules(text)
    assert result["relevant"] is True and result["ongoing"] is True


@pytest.mark.parametrize("text", [
    "this café in Stockholm won't take cards, cash only, very charming",
    "den lilla butiken i Visby tar inga kort, bara swish eller kontanter",
    "the food truck on Main Street doesn't take cards under five dollars",
])
def test_a_shop_that_takes_no_cards_is_its_policy(rules, text):
    assert rules(text)["relevant"] is False
