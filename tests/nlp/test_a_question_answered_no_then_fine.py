"""User stories: "whatsapp down? no, everything works here": the writer answers the question (or others' word that
something is down) with "no" before saying it works for them. The "no" is the answer, not a negation of their
"it works", so the text reports no outage, ruled out on purpose as any answered-fine question is: a model that says
yes wherever it may cannot turn it on. The near misses: a "no" that joins the complaint ("no, can't load anything
either"), a "no" that negates what follows it ("no signal here either"), a "no" with another service or a
contrast after it."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "is whatsapp down? no, works fine for me",
    "¿se cayó spotify? no, aquí todo funciona bien, será tu conexión",
    "panne de discord ? non, chez moi tout marche",
    "Ist Teams down? Nein, bei mir läuft alles",
    "instagram fora do ar? não, aqui tá tudo normal",
    "slack down? nee, hier werkt alles gewoon",
    "netflix nere? nej, allt funkar här",
    "people saying steam is down — nope, works for our whole squad",
])
def test_a_question_answered_no_then_fine_is_no_outage(eager_sure, text):
    result = eager_sure.tag_text(text)  # a model that says yes wherever it may: here it may not
    assert result["relevant"] is False and result["ongoing"] is False
    assert result["model"]["rules"] == {"relevant": False, "ongoing": False}


@pytest.mark.parametrize("text", [
    "is netflix down? no, can't load anything here either",
    "whatsapp down? no idea, nothing sends here",
    "is slack down? no, but teams is dead for all of us",
    "discord down? no, discord works, it's spotify that won't play",
])
def test_a_no_that_joins_the_complaint_or_turns_to_another_is_no_denial(rules, text):
    assert rules(text)["relevant"] is True


@pytest.mark.parametrize("text", [
    "¿Instagram caído? Falsa alarma, era el wifi de la oficina",
    "is discord down? false alarm, it was my router",
    "Teams kaputt? Fehlalarm, war mein VPN",
])
def test_a_false_alarm_told_with_what_it_was_is_no_outage(eager_sure, text):
    result = eager_sure.tag_text(text)  # the verdict, then what it was in the past tense: still the writer's answer
    assert result["relevant"] is False and result["ongoing"] is False


def test_a_false_alarm_then_a_real_outage_is_an_outage(rules):
    assert rules("is discord down? false alarm earlier, but now it's really down")["ongoing"] is True
