"""A service named in talk that is no outage keeps the service ("steam summer sale", "paid with square, the card
reader", "clase de zoom"): a word of the brand's own world a few words from its name says the brand is meant. The
same name in its everyday sense names nothing ("steam coming off the kettle", "cut me some slack")."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, service", [
    ("steam winter sale starts next week and my wishlist is already too long", "steam"),
    ("finally bought a steam deck, playing in bed is a game changer", "steam"),
    ("paid for lunch with square at the food truck, tapped my card on the little reader", "square"),
    ("took the tesla up the coast last weekend, supercharger stops every 200 miles", "tesla"),
    ("tengo clase de zoom a las 8 de la mañana, qué pereza", "zoom"),
    ("how do I turn off teams notifications on weekends", "teams"),
    ("someone made a slack channel just for cat pictures", "slack"),
    ("that peloton instructor absolutely destroyed me in this morning's class", "peloton"),
])
def test_a_brand_beside_a_word_of_its_own_world_is_the_service(tag, text, service):
    assert service in tag(text)["services"]


@pytest.mark.parametrize("text", [
    "the kettle's steam fogged up the kitchen window again",                          # vapour
    "full steam ahead on the garage sale this weekend",                              # an idiom, then "sale"
    "cut me some slack, the meeting ran long",                                       # the everyday sense first
    "draw a square around the card you picked",                                      # a shape
    "zoom in on the photo of the meeting room",                                      # a camera's zoom
    "our teams meet every Monday for a call about sales",                            # groups of people
    "the peloton caught the breakaway two kilometres from the line",                 # the riders of a race
])
def test_the_everyday_sense_beside_the_same_words_names_nothing(tag, text):
    assert tag(text)["services"] == []


@pytest.mark.parametrize("text", [
    "xbox party chat keeps kicking all of us, error 0x89231906",
    "Kan inte logga in på Xbox, står bara 'försök igen senare'",
    "game pass adding three big games next month, good time to own an xbox",
])
def test_xbox_said_alone_is_the_xbox_network(tag, text):
    """"Xbox" alone is how players name the Xbox network, in trouble or not (every labelled case does)."""
    assert tag(text)["services"] == ["xbox-live"]


@pytest.mark.parametrize("text", [
    "Der Wasserkocher macht so viel Steam, dass der Rauchmelder losgeht",     # German borrows the word
    "steam z garnka zaparował mi okulary",                                     # Polish: a pot, glasses
    "Lo steam del ferro da stiro nuovo è potentissimo",                        # Italian: an iron
    "Oba teams grały fatalnie, remis to i tak za dużo",                        # Polish: a match
    "le teams della serie A femminile sono più equilibrate quest'anno",        # Italian: a league
    "STEAM eğitimi okullarda zorunlu olmalı",                                  # the education acronym
])
def test_an_english_name_borrowed_into_another_language_in_its_everyday_sense_names_nothing(tag, text):
    assert tag(text)["services"] == []


@pytest.mark.parametrize("text, service", [
    ("Teams nie wysyła wiadomości, czerwony wykrzyknik przy każdej", "teams"),
    ("Em Lisboa o Teams não liga chamadas há uma hora", "teams"),
    ("steam wyrzuca mnie z logowania co pięć minut", "steam"),
])
def test_the_same_borrowed_name_in_a_complaint_is_still_the_brand(tag, text, service):
    assert service in tag(text)["services"]
