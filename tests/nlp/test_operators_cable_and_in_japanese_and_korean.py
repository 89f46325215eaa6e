"""Network operators the carrier and network-code tables do not name: cable, fibre and DSL companies that hold
no mobile network code ("Comcast", "Xfinity", "Telmex", "Superonline"), operators named by two words whose first
is a word too ("Türk Telekom", "Virgin Media", "One NZ"), a Swedish genitive ("Telias"), and the carriers of Japan
and Korea as people write them there ("ドコモ", "au", "SKT", "SK브로드밴드"); and a place said between what an
operator sells and the word that says it is down ("Globe signal in Makati gone").

Hand-written texts, each a user's story (not from any evaluation set). The rules alone are asked.
"""

from __future__ import annotations

import pytest

from outagewatch.nlp import operators


@pytest.mark.parametrize("text", [
    "Comcast out across Minneapolis since noon, the modem lights are all orange",   # cable, no network code
    "xfinity internet dead in my building again, third time this week",           # its brand, lower case
    "Telmex internet is out in half of Guadalajara since this morning",            # es market's fixed line
    "Superonline internet gitti, bütün mahalle aynı durumda",                       # tr: gone
    "Türk Telekom internet yine gitti, akşamdan beri bekliyoruz",                    # two words, the first a word
    "Virgin Media broadband dead across Leeds tonight, anyone else?",                # two words
    "is anyone else's One NZ mobile data dead in Christchurch?",                    # "One" alone is grammar
    "Telias mobila bredband helt dött i hela Uppsala",                              # sv: a genitive
    "Globe signal in Cebu gone since lunch, not even SMS",                          # a place between
    "airtel fiber in pune dead since midnight, ticket closed without a visit",     # a place in lower case
    "Kabel von Vodafone? Vodafone Kabel in Köln und Bonn weg seit heute früh",     # two places between
    "ドコモ、名古屋駅で電波つかまらないんだけど",                                       # ja: the carrier in kana
    "auが全然繋がらへん、梅田",                                                       # ja: "au" in a Japanese text
    "SKT 데이터가 안 터져요 홍대입구역",                                               # ko: SK Telecom
    "인천 SK브로드밴드 IPTV 안 나옴",                                                 # ko: SK Broadband
])
def test_an_operator_the_tables_lack_said_down_is_an_outage_now(rules, text):
    result = rules(text)
    assert result["relevant"] is True and result["ongoing"] is True, result
    assert result["services"] == [], "an operator is not a catalog service"


@pytest.mark.parametrize("text", [
    "Brian Cox explains black holes on tonight's show",                              # a person named Cox
    "Spectrum of opinions on the new stadium, most of them dead against it",         # a word, no network
    "the sound of the au pair's alarm woke everyone",                               # "au" in English
    "Hong Kong Telecom shares fell 3% on the results",                               # a company's news
    "xfinity internet finally back in Boston after the whole night dark",           # a recovery
    "유플러스 이제 인터넷 된다, 아침 내내 안 됐음",                                      # ko: works again now
])
def test_the_same_names_without_a_network_down_now_are_no_outage_now(rules, text):
    result = rules(text)
    assert result["ongoing"] is False, result


def test_cable_companies_and_two_word_names_are_in_the_built_table():
    """The build adds the fixed-line companies to the tables' names and keeps two-word names whose first word
    is a word too; places made of two words are no operator."""
    names, worded, pairs = operators.table(), operators.worded(), operators.pairs()
    for name in ("xfinity", "telmex", "superonline", "izzi", "fibertel"):
        assert name in names, name
    assert "comcast" in names or "comcast" in worded
    for pair in ("türk telekom", "virgin media", "one nz"):
        assert pair in pairs, pair
    for place in ("hong kong", "puerto rico", "sri lanka"):
        assert place not in pairs, place
