"""User stories: "X outage? everything looks fine from here": a question whether something is down, answered at
once by the writer's own "it works", reports no outage, and the rules rule it out on purpose, so that no relevance
model may turn it on (last round's retrain put "azure outage? everything in West Europe looks fine from here" at
P(ongoing) 0.867, over its bound). A model that says yes wherever the rules let it, past the guard too, shows it.
The near misses, where the writer's answer joins the complaint, speaks for another place, person or service, or
says it works again, stay the rules' and the model's to read."""

from __future__ import annotations

import pytest

ANSWERED_FINE = [
    "azure outage? everything in West Europe looks fine from here",
    "aws down? everything looks fine from here",
    "is discord down? works fine for me",
    "slack outage? all good on my end",
    "Netflix down?? works fine here lol",
    "¿caída de AWS? aquí todo funciona bien",
    "¿Se cayó WhatsApp? a mí me funciona perfecto",
    "panne azure ? tout fonctionne bien ici",
    "Discord en panne ? chez moi tout marche",
    "AWS fora do ar? aqui tá tudo normal",
    "caiu o whatsapp? aqui funciona de boa",
    "Azure-Störung? bei mir läuft alles",
    "AWS down? Hier sieht alles gut aus",
    "Azure down? qui tutto funziona",
    "WhatsApp down? a me funziona tutto",
    "Azure storing? hier werkt alles prima",
    "Is KPN plat? bij mij werkt alles",
    "AWS障害？こっちは普通に動いてる",
    "Azure落ちてる？うちは問題なし",
    "Awaria Azure? u mnie wszystko działa",
    "AWS leży? tutaj wszystko ok",
    "AWS 장애? 여기는 다 잘 돼요",
    "카톡 터졌나? 난 잘 되는데",
    "Azure çöktü mü? bende her şey normal",
    "AWS kesinti mi var? burada sorun yok",
    "Azure nere? allt funkar här",
    "Är BankID nere? funkar fint för mig",
]


@pytest.mark.parametrize("text", ANSWERED_FINE)
def test_a_question_whether_it_is_down_answered_by_the_writers_own_fine_is_no_outage(tag, eager_sure, text):
    assert tag(text)["relevant"] is False and tag(text)["ongoing"] is False
    eager = eager_sure.tag_text(text)  # a model that says yes wherever it may: here it may not
    assert eager["relevant"] is False and eager["ongoing"] is False
    assert eager["model"]["rules"] == {"relevant": False, "ongoing": False}


def test_explain_says_why(tagger):
    result = next(tagger.explain_texts([("azure outage? everything in West Europe looks fine from here", None, None)]))
    rules = [d["rule"] for d in result["explain"]["decisions"] if d["what"] == "relevance"]
    assert rules and rules[0].startswith("a question whether it is down answered by the writer's own fine")
    assert result["regions"] == ["azure:westeurope"] and result["providers"] == ["azure"]  # still said where


@pytest.mark.parametrize("text", [
    # the writer's answer joins the complaint
    "¿Se cayó WhatsApp? a mí tampoco me funciona",
    "Azure-Störung? bei mir läuft nichts",
    "Is KPN plat? bij mij werkt niks",
    "Discord down? nothing works here",
    "Awaria Azure? u mnie nic nie działa",
    "Azure nere? funkar inte här heller",
    "Azure çöktü mü? bende de açılmıyor",
    "AWS障害？こっちも動かない",
    "카톡 터졌나? 나도 안 돼요",
    "Netflix en panne ? chez moi ça ne marche pas non plus",
    # it worked before, not now
    "Is Netflix down? worked fine yesterday",
    "panne azure ? hier ça marchait",
    # a problem beside the fine-word, or everything but the asked thing fine
    "aws outage? everything looks fine from here but s3 is throwing 503s",
    "azure outage? West Europe VMs won't start, North Europe looks fine",
    # another place asked about, another person's side
    "em Brasília o Pix não funciona em nenhum banco? aqui em Goiânia tá de boa",
    "Koreans in Busan: KT internet out? the Seoul office is fine",
])
def test_an_answer_that_joins_the_complaint_or_speaks_for_another_is_no_answer(eager_sure, text):
    result = eager_sure.tag_text(text)
    assert result["relevant"] is True and result["ongoing"] is True


def test_everything_else_fine_leaves_the_asked_service_the_exception(eager_sure):
    # the rules read no problem in "messages won't send" here: the model may still say yes
    assert eager_sure.tag_text("slack down? messages won't send. everything else looks fine")["ongoing"] is True


def test_working_again_is_a_recovery_not_a_denial(tag):
    result = tag("is discord down? works again for me")
    assert result["relevant"] is True and result["ongoing"] is False
