"""A city whose name is a word or a name elsewhere ("Nice", "Faro") heads a post in its own country's language
("Nice : la box Bouygues plantée"): that is where; in English "Reading: ..." stays the word. And a region that
"answers with" a time-out ("répond en timeout") is failing, not said to work."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, regions", [
    ("Nice : la box Bouygues plantée depuis l'orage, impossible de joindre le service client", ["geo:FR-06"]),
    ("Faro: rede Vodafone morta desde as 10h", ["geo:PT-08"]),
])
def test_a_city_named_like_a_word_heading_a_post_in_its_language_is_the_city(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text", [
    "Reading: Spotify keeps crashing on my phone",  # English: the word
    "Nice : j'adore ce nouveau forfait Free",  # a heading, but nothing wrong
])
def test_a_heading_in_english_or_without_a_problem_is_no_place(tag, text):
    assert tag(text)["regions"] == []


def test_a_region_answering_with_a_timeout_is_where_it_fails(tag):
    assert tag("Azure Storage en France Central répond en timeout, nos backups échouent depuis 2h"
               )["regions"] == ["azure:francecentral"]


def test_a_region_that_answers_well_beside_a_failing_one_is_the_contrast(tag):
    assert tag("Azure : France Central répond bien, seul West Europe est en panne")["regions"] == ["azure:westeurope"]


@pytest.mark.parametrize("text, regions", [
    ("izmit'teki superonline kesintisi bitti, akşam 6'da geldi internet. 8 saat sürdü", ["geo:TR-41"]),
    ("trabzon'da türk telekom arızası var, sabahtan beri internet yok", ["geo:TR-61"]),
])
def test_a_turkish_town_in_lower_case_with_its_case_ending_is_the_place(tag, text, regions):
    assert tag(text)["regions"] == regions


def test_a_turkish_town_in_lower_case_without_an_ending_is_not(tag):
    assert tag("izmit kebabı yedim, sonra netflix çöktü")["regions"] == []


@pytest.mark.parametrize("text, regions", [
    ("netflix-app op de tv crasht telkens. hier in gent, alle andere apps doen het", ["geo:BE-VOV"]),
    ("plus de fibre SFR à nice depuis ce matin", ["geo:FR-06"]),
])
def test_a_town_named_like_an_english_word_in_lower_case_in_its_own_language_is_the_town(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text", [
    "nice, spotify marche enfin",  # the word, opening the post
    "no orange signal in gent today",  # English: the word
])
def test_the_english_word_is_no_town(tag, text):
    assert tag(text)["regions"] == []
