"""Outages people report the way they write them: a phone network the catalog does not list, a call
that drops, a region's nodes falling over in Dutch, a headline that says the service is back.

Hand-written texts, each a user's story (not from any evaluation set). The rules alone are asked (no
classifier behind them), because the classifier decides only where it is sure: these are the cases
where it was not, or where the rules' own "no" stopped it.
"""

from __future__ import annotations

import pytest

from outagewatch.nlp import operators


@pytest.mark.parametrize("text", [
    "Optus down in Brisbane? no calls no data since 7",                      # en: an Australian carrier
    "Vodafone Netz in Köln komplett tot seit heute früh",                    # de: "dead"
    "Telia mobilnätet dött i hela Uppsala, inga samtal går fram",             # sv
    "Sem net da MEO aqui no Porto desde as 8, o router nem liga",            # pt: "no net" from MEO
    "sin señal de Movistar en todo Valencia desde esta mañana",              # es: no signal from a carrier
    "KPN storing in Utrecht, geen internet en geen tv",                      # nl: upper-case short name
])
def test_a_phone_or_internet_operator_the_catalog_lacks_is_an_outage_now(rules, text):
    result = rules(text)
    assert result["relevant"] is True and result["ongoing"] is True, result
    assert result["services"] == [] and result["providers"] == [], "an operator is not a catalog service"


@pytest.mark.parametrize("text", [
    "no signal up here in the mountains, see you all on monday",             # where the writer is, no network
    "mein Opa ist tot, die Beerdigung ist am Freitag",                       # a person, no operator
    "Şu anda Turkcell'de sorun bildirilmiyor",                               # tr: no problem reported
    "the o2 sensor in my car is broken again",                               # oxygen, not the operator O2
    "Meo gato dorme o dia todo",                                             # pt/es word, not MEO
    "Vodafone announces new 5G tariffs for families",                        # an operator's news
])
def test_an_operator_word_without_an_outage_is_not_one(rules, text):
    result = rules(text)
    assert result["relevant"] is False and result["ongoing"] is False, result


def test_operator_names_come_from_the_carrier_table_less_everyday_words():
    """The shipped table holds operators people name, not words that happen to be one's name."""
    table = operators.table()
    for name in ("optus", "tele2", "o2", "meo", "vodafone", "telstra", "movistar", "kpn", "turkcell"):
        assert name in table, name
    for word in ("orange", "three", "free", "play", "south", "claro", "vivo", "sky", "ee", "uk", "eu"):
        assert word not in table, word
    texts = ["o2", "O2", "and", "Meo", "MEO"]
    assert operators.find(texts, [t.lower() for t in texts]) == [1, 4], "short names count only as written"


@pytest.mark.parametrize("text", [
    "skype calls to my mum just drop after 5 seconds, every single time",     # en: calls drop
    "our zoom calls drop the moment a third person joins",                   # en
    "pinterest boards all showing empty, years of saved pins gone?",         # en: shows nothing
    "HBO Max fryser efter en minut, både på tv:n och i mobilen",              # sv: freezes
    "o Teams não liga chamadas desde o almoço",                              # pt: won't place calls
    "il router di TIM lampeggia rosso da stamattina",                        # it: the box blinks red
    "europe-west4 GKE nodes vallen om, de hele ochtend al",                   # nl: nodes fall over
    "europe-southwest1 con latencias enormes en Cloud Run",                   # es: plural "latencias"
    "steam downloads crawling at 100 KB/s all evening",                      # en: crawling
])
def test_a_failure_said_without_an_outage_word_is_a_problem_now(rules, text):
    result = rules(text)
    assert result["relevant"] is True and result["ongoing"] is True, result


@pytest.mark.parametrize("text", [
    "jag fryser hela tiden, måste köpa en ny jacka",                          # sv: I am cold
    "ele não liga pra mim desde o verão",                                    # pt: he doesn't care
    "streamer got a haircut and twitch chat is down bad",                    # slang, no outage
    "the birds drop after the first frost, every year",                      # no call, no service
])
def test_the_same_words_in_their_everyday_sense_are_no_outage(rules, text):
    result = rules(text)
    assert result["ongoing"] is False, result


@pytest.mark.parametrize("text", [
    "Twitch volta ao ar após queda de três horas",                          # pt: back on air after
    "SFR : la panne qui a privé des abonnés d'internet a été réparée",       # fr: repaired
    "Wczorajsza awaria Cloudflare: firma tłumaczy, co poszło nie tak",       # pl: yesterday's, explains
    "AWS says a DNS race condition was behind the us-east-1 meltdown",       # en: was behind
    "Why Spotify went dark for two hours on Tuesday",                        # en: a weekday's outage
    "slack came back, we're all pretending we worked during that hour",      # en: came back
])
def test_a_headline_or_post_about_an_outage_that_is_over_is_relevant_not_ongoing(rules, text):
    result = rules(text)
    assert result["relevant"] is True and result["ongoing"] is False, result


def test_a_swedish_status_update_under_investigation_is_a_problem_now(rules):
    result = rules("Utredning pågår - Förhöjda felnivåer för Azure Functions i Sweden Central.")
    assert result["ongoing"] is True and result["status"] == "investigating", result
