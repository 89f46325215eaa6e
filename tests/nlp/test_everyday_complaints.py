"""Outages as people say them in everyday words, in many languages, and their endings.

Hand-written texts (not from any evaluation set), each a user's story: a complaint without the
usual outage words is still a report of a problem now; a recovery said in another language is
about an outage but not ongoing; a status page's stage word in its own language is a stage.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "les serveurs de valorant sont en rade depuis ce matin",                 # fr: broken down
    "Spotify valt steeds weg in de auto, elke vijf minuten",                 # nl: keeps dropping out
    "problemen met inloggen bij Outlook, krijg een foutmelding",             # nl: login trouble, error message
    "whatsapp si disconnette ogni due minuti",                               # it: keeps disconnecting
    "facebook impossibile pubblicare foto da stamattina",                    # it: cannot post
    "Google Cloud europe-west1 hataları var, Cloud Run açılmıyor",           # tr: there are errors
    "GitHub strular med Actions igen, inget bygger",                         # sv: acting up
    "Spotify-Downloads hängen seit einer Stunde bei 0%",                     # de: hang
    "teams calls keep dropping off every few minutes",
    "github actions jobs sitting at waiting for a runner for an hour now",
    "slack messages are 20 min behind right now",
    "webex links just spin forever, can't join",
])
def test_a_complaint_in_everyday_words_reports_a_problem_now(tag, text):
    tags = tag(text)
    assert tags["relevant"] is True and tags["ongoing"] is True, tags


@pytest.mark.parametrize("text", [
    "Azure West Europe zwraca 503 na Functions od rana",                     # pl: returns 503
    "la API de Stripe devolviendo 502 a todos nuestros clientes",            # es: returning 502
])
def test_an_http_5xx_returned_in_another_language_is_one(tag, text):
    tags = tag(text)
    assert "5xx" in tags["symptoms"] and tags["ongoing"] is True


@pytest.mark.parametrize("text", [
    "Spotify funkar igen efter en timme",                                    # sv: works again
    "Instagram düzeldi, hikayeler yükleniyor",                               # tr: got fixed
    "YouTube è tornato a funzionare dopo un'ora",                            # it: works again
    "Discord est revenu après deux heures de panne",                         # fr: has come back
    "Spotify już działa, przez godzinę nic nie grało",                       # pl: already works
    "유튜브 다시 잘 나와요, 아까는 안 됐었는데",                                   # ko: plays fine again
    "Les services de Microsoft rétablis après une panne de trois heures",    # fr: restored (plural)
    "Slack is recovering after an afternoon-long outage",
])
def test_a_recovery_in_other_words_is_about_an_outage_not_ongoing(tag, text):
    tags = tag(text)
    assert tags["relevant"] is True and tags["ongoing"] is False, tags


@pytest.mark.parametrize("text,ongoing", [
    ("Undersöker: kunder i North Europe kan uppleva fel med Azure SQL Database.", True),   # sv: investigating
    ("Rozwiązano: problem z Azure Monitor w regionie West Europe został usunięty.", False),  # pl: resolved
    ("Atténué : entre 9h et 10h UTC, des clients ont rencontré des erreurs avec Azure SQL.", False),  # fr: mitigated
    ("解決済み: 西日本リージョンにおける Azure Storage のエラーは解消されました。", False),          # ja: resolved
])
def test_a_status_stage_in_its_own_language(tag, text, ongoing):
    tags = tag(text, source="azure:azure.status.microsoft")
    assert tags["relevant"] is True and tags["ongoing"] is ongoing, tags


def test_a_post_incident_review_is_about_the_incident_not_ongoing(tag):
    tags = tag("Google publishes post-incident review of the Cloud Spanner incident")
    assert tags["relevant"] is True and tags["ongoing"] is False
    assert tag("our team wrote a blameless incident review template")["relevant"] is False  # no service, no outage


def test_a_weekday_said_in_the_possessive_dates_the_outage(tag):
    tags = tag("Cloudflare says a bad config file caused Tuesday's meltdown")
    assert tags["relevant"] is True and tags["ongoing"] is False
    assert tag("Cloudflare is down again, same as Tuesday's meltdown")["ongoing"] is True


@pytest.mark.parametrize("text", [
    "Stroomstoring in Rotterdam-Noord, hele straat zonder licht",            # nl: a compound on "stroom"
    "Stromausfall in Köln, die ganze Straße ist dunkel",
    "İzmir'de elektrik kesintisi, bütün sokak karanlıkta",                   # tr: electricity cut
    "the utility's outage map says 2,000 homes are without power tonight",   # power further off in the sentence
])
def test_a_power_cut_with_no_service_named_is_not_relevant(tag, text):
    tags = tag(text)
    assert tags["relevant"] is False and tags["ongoing"] is False, tags


def test_a_power_cut_that_takes_a_service_down_is_relevant(tag):
    assert tag("power outage in the data centre took Hetzner's Falkenstein servers down")["relevant"] is True


def test_a_past_degradation_of_a_named_service_explained_is_relevant(tag):
    tags = tag("Atlassian says a bad deploy caused Thursday's degraded service in Jira")
    assert tags["relevant"] is True and tags["ongoing"] is False


def test_a_recovery_then_what_was_down_in_the_next_sentence_is_about_an_outage(tag):
    tags = tag("Voltou, finalmente. Ficou umas três horas fora do ar aqui em Recife")
    assert tags["relevant"] is True and tags["ongoing"] is False
    assert tag("The old bridge was restored. It took the council two years")["relevant"] is False
