"""A brand's name that is a word of the post's own language: a German noun after its article, a Spanish verb
in lower case, is that word, however the post was found."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, source", [
    ("Das Signal an der Ampel war kaputt, zum Glück kam die Polizei", "x:search:signal"),
    ("Das war ein klares Signal an die Regierung, meint der Kommentator", "x:search:signal"),
    ("Hab ihr heute den Ring an den Finger gesteckt, sie hat ja gesagt", "x:search:ring"),
    ("Der Zoom vom neuen Handy ist echt krass, sieht man sogar die Kraterränder", "x:search:zoom"),
    ("Der Rock hat zu viel Slack in der Taille, muss ich nochmal umnähen", "x:search:slack"),
    ("HelloFresh Website lässt mich die Box nicht pausieren, Fehler 500", "x:search:hellofresh"),
])
def test_a_german_noun_after_its_article_is_no_brand(tag, text, source):
    assert tag(text, source=source)["services"] == []


@pytest.mark.parametrize("text, service", [
    ("Die Ring-Kameras waren gestern Abend zwei Stunden nicht erreichbar", "ring"),
    ("Zoom stürzt bei mir ständig ab, seit dem Update komme ich in kein Meeting", "zoom"),
])
def test_the_brand_in_german_without_an_article_or_as_a_compound_stays(tag, text, service):
    assert service in tag(text, source="mastodon:search:ausfall")["services"]


@pytest.mark.parametrize("text, service", [
    ("roblox no entra mi hijo dice error 277 a cada rato", "roblox"),
    ("Teams se queda en 'conectando…' y no entra a la reunión. Ya reinstalé y nada.", "teams"),
])
def test_a_spanish_verb_in_lower_case_is_no_identity_service(tag, text, service):
    tags = tag(text)
    assert tags["services"] == [service] and tags["providers"] == []


def test_the_identity_service_by_its_name_still_counts(tag):
    assert "azure/active-directory" in tag("entra id (azure ad) nie loguje nikogo w firmie, mfa wisi")["services"]
