"""What a service shows gone, the others asked whether they have it too, screens and codes that never come, status
updates told in the past tense; and breakdowns of things no service runs (an oven, a tram, a team's defence).

Hand-written texts (not from any evaluation set), each a user's story in several languages: a complaint without an
outage word is still an outage of the service it names; a question of taste, a lunchbox gone or a tram stopped is
not.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "all my saved playlists on spotify disappeared overnight",
    "los chats de whatsapp desaparecieron al abrir la app",
    "bei Netflix ist meine Liste verschwunden",
    "tous mes messages Discord ont disparu ce matin",
    "le mie storie su instagram sono sparite",
    "alla mina spellistor på Spotify har försvunnit",
    "Spotify'da çalma listem kayboldu",
])
def test_a_services_content_said_gone_is_its_problem_now(rules, text):
    tags = rules(text)
    assert tags["services"], text
    assert tags["relevant"] is True and tags["ongoing"] is True, text


@pytest.mark.parametrize("text", ["my kid's lunchbox disappeared again, third one this year",
                                  "die Brotdose ist schon wieder verschwunden"])
def test_a_thing_gone_with_no_service_named_is_no_outage(rules, text):
    assert rules(text)["relevant"] is False


# "Anyone else?" ends outage posts and everyday ones alike: on its own it is no evidence of a problem (a weak
# problem word for it flipped the first three of these to relevant).
@pytest.mark.parametrize("text", ["watching the new season of stranger things on netflix tonight, anyone else?",
                                  "just preordered the new xbox, anyone else?",
                                  "anyone else getting the new discord nitro perks?",
                                  "is it just me or is the new spotify logo ugly",
                                  "anyone else excited for the new season on netflix?",
                                  "alguien más viendo la final en netflix?"])
def test_a_question_to_the_others_alone_is_no_outage(rules, text):
    assert rules(text)["relevant"] is False, text


@pytest.mark.parametrize("text", [
    "Disney+ bleibt auf dem Ladebildschirm hängen",
    "il codice di verifica di instagram non arriva mai",
    "Threads mi slogga ogni ora",
    "Pinterest visar bara en tom sida",
])
def test_a_loading_screen_a_code_never_come_or_a_blank_page_of_a_service(rules, text):
    tags = rules(text)
    assert tags["relevant"] is True and tags["ongoing"] is True, text


@pytest.mark.parametrize("text,source", [
    ("El problema con Cloud Run en Madrid se resolvió a las 10:05.", "statuspage:status.cloud.google.com"),
    ("Le problème de connexion à Zoom a été corrigé.", "statuspage:status.zoom.us"),
    ("Cloud Runのデプロイ失敗は解決しました。", "statuspage:status.cloud.google.com"),
    ("The issue preventing some users from starting meetings has been resolved.", "statuspage:status.zoom.us"),
])
def test_a_status_update_told_over_is_relevant_not_ongoing(tag, text, source):
    tags = tag(text, source=source)
    assert tags["relevant"] is True and tags["ongoing"] is False, text
    assert tags["status"] == "resolved", text


def test_a_recovery_starting_is_still_going_on(tag):
    tags = tag("Zoom meetings are starting to be restored for most users.", source="statuspage:status.zoom.us")
    assert tags["ongoing"] is True and tags["status"] == "monitoring"


@pytest.mark.parametrize("text", [
    "the oven is down again, pizza night is cancelled",
    "Manchester trams are down again this morning, walking to work",
    "awaria tramwajów na Woli, idę pieszo",
    "totaler Ausfall der Abwehr, 0:3 zur Pause",
    "die U2 mal wieder mit Störung im Betriebsablauf",
    "storing op het spoor bij Zwolle, weer te laat",
])
def test_a_breakdown_of_no_service_stays_out_whatever_a_model_says(eager_sure, text):
    tags = eager_sure.tag_text(text)
    assert tags["relevant"] is False and tags["ongoing"] is False, text


def test_the_same_words_of_a_service_are_its_outage(tag):
    assert tag("Deliveroo is down again, pizza night is cancelled")["ongoing"] is True
    assert tag("awaria Allegro, nie mogę nic kupić")["ongoing"] is True
