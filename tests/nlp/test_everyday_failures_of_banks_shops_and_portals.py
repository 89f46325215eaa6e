"""The everyday failures of a bank, a delivery app or a government portal the catalog does not know, said
without an outage word: a site or an app that gives an error ("il sito dell'INPS dà errore", "ePUAP wyrzuca
błąd", "Doctolib me met 'une erreur est survenue'"), money taken twice ("deliveroo has charged me twice",
"iFood cobrou duas vezes"), a login that will not hold ("keeps asking for my password", "oturumu kapatıyor").

Hand-written texts, each a user's story (not from any evaluation set); the rules alone are asked.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "il sito dell'Agenzia delle Entrate dà errore da stamattina",              # it: a portal gives an error
    "o site da Receita só dá erro quando tento emitir a guia",                 # pt
    "strona mObywatel wyrzuca błąd przy logowaniu od rana",                    # pl
    "Ameli me met 'une erreur est survenue' à chaque connexion",               # fr
    "just eat charged me twice and the app still says 'preparing'",            # en: money taken twice
    "Rappi me cobró dos veces el mismo pedido",                                # es
    "Wolt hat zweimal abgebucht, Bestellung storniert",                         # de
    "Akbank uygulaması sürekli oturumu kapatıyor",                             # tr: keeps logging me out
    "ugh Yahoo Mail keeps asking for my password every few minutes",           # en
])
def test_an_everyday_failure_of_a_service_the_catalog_lacks_is_a_problem_now(rules, text):
    result = rules(text)
    assert result["relevant"] is True and result["ongoing"] is True, result


@pytest.mark.parametrize("text", [
    "the referee gives an error of judgement and the crowd goes wild",         # no app, site or payment
    "mi hermano me cobró dos veces la cena, qué morro",                        # a brother, not a service
    "Do not listen if you haven't finished Portal 2 yet.",                    # a game, no portal failing
])
def test_the_same_words_about_people_are_no_outage(rules, text):
    result = rules(text)
    assert result["relevant"] is False, result
