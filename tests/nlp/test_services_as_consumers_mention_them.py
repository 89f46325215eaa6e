"""A service as consumers mention it beside something else: the one thing left working after "at least" or "only"
beside a power cut or a broken kettle is no outage of it; a social network one reads an outage on ("Laut Twitter
ist Instagram down") is the medium; the shop by what it sends ("amazon package arrived a day early"); a
service's own things by their users' plural ("snaps won't send")."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "power's been out on our street in houston for 3 hours, phone at 20%. at least my netflix downloads work on "
    "the tablet lol",
    "the dishwasher is down, the kettle is down, only chatgpt is up. send help",
])
def test_the_one_thing_left_working_beside_something_else_broken_is_not_labelled(rules, text):
    assert rules(text)["services"] == []


@pytest.mark.parametrize("text", [
    "only netflix is down, everything else works",
    "netflix is the only thing that works right now, wifi keeps dropping",
    "at least netflix is back after two hours of error codes",
    "only netflix works on the tablet, it is out on the tv",
])
def test_a_service_said_down_or_back_or_failing_itself_keeps_it(rules, text):
    assert rules(text)["services"] == ["netflix"]


def test_the_network_one_reads_of_anothers_outage_on_is_the_medium(rules):
    assert rules("Laut Twitter ist Instagram down. Laut meinem Handy, auf dem ich gerade Reels schaue, nicht.",
                 source="x:@insta_ok")["services"] == ["instagram"]
    # said down itself, it keeps it
    assert "x" in rules("Twitter ist down, laut Downdetector seit 9 Uhr")["services"]


@pytest.mark.parametrize("text", [
    "amazon package arrived a day early, who is this new amazon and what have they done with the old one",
    "amazon delivered my package in 6 hours, to my actual door, box intact. christmas miracle",
])
def test_the_shop_by_what_it_sends(rules, text):
    assert rules(text)["services"] == ["amazon-shopping"]


def test_the_river_is_no_shop(rules):
    assert rules("the amazon rainforest deliveries of rain this season were late")["services"] == []


@pytest.mark.parametrize("text", [
    'snaps won\'t send, "tap to retry" on every single one. streaks in danger 😭😭',
    'snaps just sit on "sending..." and then fail. tried wifi and 5G, same thing',
])
def test_a_services_own_things_by_their_users_plural(rules, text):
    assert rules(text)["services"] == ["snapchat"]


@pytest.mark.parametrize("text", [
    "holiday snaps sent to grandma, the wifi failed twice though",
    "he snaps at me whenever the wifi fails to load a page",
])
def test_snaps_in_their_everyday_senses_name_nothing(rules, text):
    assert rules(text)["services"] == []


def test_the_dating_app_by_who_one_met_on_it_and_the_fire_starter_by_its_fire(rules):
    assert rules("met my fiancé on tinder 4 years ago today 💍")["services"] == ["tinder"]
    assert "tinder" in rules("went down a rabbit hole of tinder horror stories on reddit, never dating again")[
        "services"]
    assert rules("we met by the campfire, dry tinder and kindling everywhere")["services"] == []
    assert rules("the tinder box caught fire, my boyfriend panicked")["services"] == []


def test_the_assistant_asked_in_lower_case_and_a_person_asked_with_her_capital(rules):
    assert rules("asked alexa to play my workout playlist and it played whale sounds")["services"] == [
        "amazon-alexa"]
    assert rules("I asked Alexa if she wanted to come to the party")["services"] == []
    assert rules("asked my coworker Alexa to cover my shift")["services"] == []
