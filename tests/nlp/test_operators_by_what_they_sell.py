"""Network operators as people name them when their network fails: by a brand the carrier tables list
("Telcel", "Iliad", "Odido", "Ziggo"), by a brand that is a word too, said beside what the operator sells
("Orange fibre", "Free mobile", "internet da Claro"), and by what they sell said to be out, dead or gone
("AT&T fiber out", "Proximus internet out", "sin fibra", "plus de 4G", "ohne Kabel-TV").

Hand-written texts, each a user's story (not from any evaluation set). The rules alone are asked (no
classifier behind them): the classifier decides only where it is sure, and lets the rules add a flag only
where they found something to talk about.
"""

from __future__ import annotations

import pytest

from outagewatch.nlp import operators


@pytest.mark.parametrize("text", [
    "Telcel sin señal en Monterrey, ni llamadas ni datos desde la mañana",     # es: a carrier with no mobile ranges
    "Iliad fibra ferma in tutto il quartiere, Milano",                         # it: Iliad's fibre stopped
    "Odido geen 4G in Zwolle sinds vanmiddag",                                 # nl: no 4G from Odido
    "Ziggo internet weg in heel Rotterdam-Zuid",                              # nl: a cable company
    "Texans, is AT&T fiber out for you too? Dallas and Plano both dead",       # en: "out" after what it sells
    "Proximus internet out in Ghent and Leuven, helpline busy",                # en
    "Etisalat (e&) home internet dead in Abu Dhabi since 7",                   # en: the product between
    "Orange fibre coupée dans tout mon quartier à Nantes, depuis midi",        # fr: a brand that is a word
    "Les Lillois, vous avez du réseau Free mobile ? plus de 4G depuis ce matin",  # fr: "Free mobile"
    "Manaus com internet instável da Claro o dia todo",                        # pt: "internet da Claro"
    "Hannover ohne Kabel-TV von Vodafone seit gestern Abend",                  # de: without cable TV
    "the whole of Leeds seems to have lost Vodafone signal, no calls no data", # en: "lost" the operator
    "Mobile data dead in Lagos since morning, MTN and Airtel both",           # en: what it sells, then who
    "Superonline fiber kesik, Bursa'nın yarısında internet yok",               # tr: cut
])
def test_an_operators_network_said_out_in_everyday_words_is_an_outage_now(rules, text):
    result = rules(text)
    assert result["relevant"] is True and result["ongoing"] is True, result
    assert result["services"] == [], "an operator is not a catalog service"


@pytest.mark.parametrize("text", [
    "Orange juice and toast, then off to work",                                # a fruit, no network
    "The internet is full of cat pictures and I love it",                      # "The" is no operator
    "Three friends and I went out for dinner in Leeds",                        # a number, "out" of people
    "Free mobile games for kids: our top ten this year",                       # "Free" is an adjective here
    "no data on the new drug's side effects yet, the study says",             # "no data" with nothing named
    "old tv out on the curb, free to anyone who wants it",                     # "tv out", no operator
    "Claro, la fibra es más rápida que el ADSL",                                # es: "of course", no outage
    "Vodafone launches fibre broadband in 20 more towns",                      # an operator's news
])
def test_the_same_words_without_a_network_failing_are_no_outage(rules, text):
    result = rules(text)
    assert result["relevant"] is False and result["ongoing"] is False, result


def test_operators_come_from_the_carrier_and_network_code_tables():
    """The table holds the operators of both well-kept tables; a brand that is a word is kept apart,
    and a word as common as grammar is none."""
    names, worded = operators.table(), operators.worded()
    for name in ("telcel", "iliad", "odido", "ziggo", "fastweb", "proximus", "optus", "tele2"):
        assert name in names, name
    for word in ("orange", "free", "claro", "vivo", "three"):
        assert word in worded and word not in names, word
    for word in ("the", "one", "only"):
        assert word not in worded and word not in names, word
    texts = "Orange fibre is down , orange juice".split()
    assert operators.find(texts, [t.lower() for t in texts]) == [0], "a worded brand counts only capitalised beside what it sells"
