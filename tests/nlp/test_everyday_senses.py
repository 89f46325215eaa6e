"""Outage words that mean something else, and texts that say nothing failed.

Hand-written texts (not from any evaluation set), each a user's story: an idiom, a release, a
person's own computer, the sun going down, a list of components all operational, no signal on a
hike: none is an outage an analyst wants to see. Each comes with its outage twin, which still is.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text,twin", [
    ("caiu a ficha: esqueci o aniversário dela", "o whatsapp caiu de novo"),                 # pt: it dawned on me
    ("o Vasco caiu pra segunda divisão de novo", "o Nubank caiu, não consigo pagar"),         # pt: relegated
    ("en panne d'idées pour le cadeau de Noël", "Free en panne depuis ce matin"),            # fr: out of ideas
    ("had a full personal outage after that week, sleeping all weekend", "Slack outage again this morning"),
    ("looking for an engineer who has survived a few outages", "AWS outages across us-east-1 again"),
    ("watched the sun go down from the pier, gorgeous evening", "the whole site went down for everyone"),
    ("my laptop crashed right before the deadline", "the spotify app crashed on every phone here"),
    ("Disney+ just dropped the trailer for the new season", "Disney+ keeps dropping my connection"),
])
def test_an_everyday_sense_is_no_outage_and_its_twin_is_one(tag, text, twin):
    assert tag(text)["relevant"] is False, text
    assert tag(twin)["ongoing"] is True, twin


@pytest.mark.parametrize("text", ["テスト前なのに気分がダウン", "課題の途中でパソコンが落ちた"])
def test_a_japanese_mood_or_own_computer_going_down_is_no_outage(tag, text):
    assert tag(text)["relevant"] is False
    assert tag("LINEが落ちた、メッセージ送れない")["ongoing"] is True


def test_a_feature_that_never_kicked_in_is_no_login_problem(tag):
    tags = tag("the heating never kicked in last night")
    assert "login" not in tags["symptoms"] and tags["relevant"] is False
    assert "login" in tag("fortnite kicked me out three times, can't log in")["symptoms"]


def test_a_cameras_zoom_in_french_is_not_the_service(tag):
    tags = tag("le zoom de mon objectif est bloqué, retour au SAV", source="x:search:zoom")
    assert tags["services"] == [] and tags["relevant"] is False
    assert tag("zoom bloqué sur 'connexion en cours', réunion impossible", source="x:search:zoom")["ongoing"] is True


def test_a_component_list_all_operational_is_no_incident(tag):
    tags = tag("Slack Messaging - Operational. Slack Calls - Operational. Slack Huddles - Operational.",
               source="statuspage:status.slack.com")
    assert tags["relevant"] is False and tags["ongoing"] is False
    # an update that says a problem ended is still about the incident
    tags = tag("The backlog has cleared and all notifications are operational.", source="statuspage:status.slack.com")
    assert tags["relevant"] is True and tags["ongoing"] is False


def test_no_signal_on_a_hike_is_no_outage_but_no_internet_is(tag):
    assert tag("no signal at the campsite, will post the photos on sunday")["relevant"] is False
    assert tag("kein Empfang hier oben auf der Alm")["relevant"] is False
    assert tag("no internet on the whole street since 9am")["ongoing"] is True  # a network failed


def test_a_place_said_fine_beside_a_problem_elsewhere_is_no_recovery(tag):
    tags = tag("GCP us-central1 having quota issues, can't create VMs. us-east1 looks fine.")
    assert tags["relevant"] is True and tags["ongoing"] is True
    # a question, then the place said fine: no outage here
    assert tag("azure outage? everything in West Europe looks fine from here")["ongoing"] is False
