"""What users call a service for short, in no language a word ("gmeet", "1pw", "xbl", "the bird app", "air bnb",
"Adobe CC"), names it; a company's status page shared with its products speaks for the product its update names;
a lower-case product name in Latin letters inside Japanese or Korean is the product."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, service", [
    ("we're thinking of moving from gmeet to asana, any thoughts?", "google-meet"),
    ("1pw dark mode finally shipped", "1password"),
    ("wearing my lucky jersey and xbl still won't let me in. ranked queue broken", "xbox-live"),
    ("downdetector going vertical for the bird app right now", "x"),
    ("kettle blew the fuse. the air bnb app still works so breakfast delivered", "airbnb"),
    ("my coworker Florence says Adobe CC is dead on her end too", "adobe/creative-cloud"),
])
def test_a_short_name_users_type_names_the_service(rules, text, service):
    assert service in rules(text)["services"]


@pytest.mark.parametrize("text", [
    "a bird flew into the app store ad lol",
    "cc me on the adobe invoice please",
    "air quality in the bnb was awful",
])
def test_the_words_apart_or_another_sense_name_nothing(rules, text):
    assert rules(text)["services"] == []


def test_a_companys_status_page_speaks_for_the_product_its_update_names(rules):
    tags = rules("Creative Cloud – Teilausfall: Benutzer in Deutschland können sich eventuell nicht anmelden.",
                 source="statuspage:status.adobe.com")
    assert tags["services"] == ["adobe/creative-cloud"]
    # an update that names no product is the company's
    assert rules("In progress - Scheduled maintenance is currently in progress.",
                 source="statuspage:status.adobe.com")["services"] == ["adobe"]


def test_a_companys_help_account_still_answers_as_the_company(rules):
    assert set(rules("Creative Cloud app keeps saying I'm offline and won't launch Photoshop",
                     source="x:@AdobeCare")["services"]) == {"adobe", "adobe/creative-cloud"}


def test_a_product_name_in_lower_case_inside_korean_is_the_product(rules):
    assert rules("adobe spark 다시 됨. 서울 사무실에서 40분 정도 안 됐음")["services"] == ["adobe/spark"]
    # in English, lower case ordinary words are no product without more
    assert rules("an adobe spark of hope in the desert")["services"] == []


@pytest.mark.parametrize("text, service", [
    ("¿alguien más en córdoba con snap caído? hablo de Córdoba capital", "snapchat"),
    ("snap 5 dakikada bir oturumu kapatıyor", "snapchat"),
    ("epic znowu leży, nie wchodzi nawet do kolejki", "epic-games"),
])
def test_an_english_nickname_in_a_language_that_lacks_the_word_with_a_problem_is_the_brand(rules, text, service):
    assert rules(text)["services"] == [service]


@pytest.mark.parametrize("text", [
    "ik snap het niet, waarom ligt alles plat",  # Dutch "snap": understand
    "el servidor se cayó otra vez, un epic fail total",
    "oh snap, the server is down",
    "PSV ligt eruit in de Champions League, Europa League dan maar",
])
def test_the_nickname_as_a_word_of_the_language_or_a_borrowed_phrase_is_no_brand(rules, text):
    assert rules(text)["services"] == []


def test_a_name_in_lower_case_then_the_message_it_gives_quoted_after_a_verb_of_saying(rules):
    tags = rules("alexa keeps saying 'sorry, i'm having trouble understanding right now' to literally everything lol. "
                 "is amazon's cloud having a moment")
    # the message is its own problem; amazon's cloud is only the suspect asked about
    assert tags["services"] == ["amazon-alexa"] and tags["providers"] == []


def test_a_person_called_alexa_saying_something_is_no_service(rules):
    assert rules("alexa keeps saying 'the party is at mine, bring snacks' and nobody listens")["services"] == []


@pytest.mark.parametrize("text, service", [
    ("ig down?", "instagram"),
    ("ig won't let me post, 'couldn't refresh feed' on repeat", "instagram"),
    ("całe mazowieckie ma problem z ig? u mnie w Radomiu nic", "instagram"),
    ("snap not loading at all", "snapchat"),
])
def test_a_typed_nickname_with_a_complaint_right_after_it_is_the_brand(rules, text, service):
    assert rules(text)["services"] == [service]


@pytest.mark.parametrize("text", [
    "ig it's fine whatever",  # "I guess"
    "i think ig the wifi is down",
    "IG Metall streikt, die Produktion steht still",
    "oh snap, the server is down",
])
def test_the_same_letters_as_other_words_or_before_a_capitalised_name_are_no_brand(rules, text):
    assert rules(text)["services"] == []
