"""Maintenance that overran or was never announced is an outage, as the writers' brief says ("has run longer than
planned", "Scheduled maintenance extended ... has overrun", "Emergency Maintenance", "länger als geplant",
"dłużej niż planowano"); announced maintenance stays none. A service said to work again with the writer between
the verb and "again" ("läuft bei mir wieder", "działa już normalnie"), Italian "ripristinati"; "sin funcionar",
"patchy" beside an operator; Swedish status pages' "Pågående:"; an operator without data ("Personal sin datos").

Hand-written texts, each a user's story (not from any evaluation set).
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, source", [
    ("Maintenance Update - The scheduled database maintenance has run longer than planned. API requests are "
     "failing with 503 errors.", "statuspage:status.sendgrid.com"),
    ("Scheduled maintenance extended - the window has overrun and some users cannot sign in.",
     "statuspage:status.okta.com"),
    ("Emergency Maintenance - Newark. We are performing emergency maintenance on a host; affected instances are "
     "currently unreachable.", "statuspage:status.linode.com"),
    ("Wartungsarbeiten dauern länger als geplant, das Onlinebanking ist weiterhin nicht erreichbar", None),
])
def test_maintenance_that_overran_or_was_never_announced_is_an_outage_now(rules, text, source):
    result = rules(text, source=source)
    assert result["relevant"] is True and result["ongoing"] is True, result


@pytest.mark.parametrize("text, source", [
    ("Scheduled maintenance: the database will be read-only on Sunday 02:00-04:00 UTC.",
     "statuspage:status.sendgrid.com"),
    ("Planned maintenance tonight: the app may be unavailable for up to an hour.", None),
])
def test_maintenance_announced_ahead_is_still_none(rules, text, source):
    result = rules(text, source=source)
    assert result["relevant"] is False and result["ongoing"] is False, result


@pytest.mark.parametrize("text", [
    "Disney+ läuft bei mir wieder, gestern Abend ging gar nichts",                              # de
    "spotify działa już normalnie, playlisty się ładują",                                      # pl
])
def test_a_named_service_said_to_work_again_is_about_an_outage_not_now(rules, text):
    result = rules(text)
    assert result["relevant"] is True and result["ongoing"] is False, result


@pytest.mark.parametrize("text", [
    "netflix de nuevo sin funcionar, ya van tres veces esta semana",                           # es
    "Vodafone and Telstra both patchy across Brisbane today, what is going on",                # patchy, operators
    "Personal sin datos en Córdoba capital desde el mediodía",                                  # es: no data
])
def test_a_service_or_an_operator_not_working_in_these_words_is_an_outage_now(rules, text):
    result = rules(text)
    assert result["relevant"] is True and result["ongoing"] is True, result


def test_a_swedish_status_page_titled_pagaende_is_an_incident_going_on(rules):
    result = rules("Pågående: förhöjda felfrekvenser för Cloud Run i europe-north1 (Finland).",
                   source="gcp-status:status.cloud.google.com")
    assert result["ongoing"] is True, result


@pytest.mark.parametrize("text", [
    "my wifi is a bit patchy in the garden, moving the router tomorrow",                       # no service named
    "la lavatrice ha un malfunzionamento, chiamo il tecnico",                                   # a washing machine
])
def test_the_same_weak_words_about_nothing_named_are_no_outage(rules, text):
    result = rules(text)
    assert result["relevant"] is False and result["ongoing"] is False, result


@pytest.mark.parametrize("text", [
    "Xbox Live is back after weekend maintenance overran by six hours",                       # overran, back
    "Battle.net back after extended maintenance runs over",                                   # runs over, back
    "steam är uppe igen, nu kör vi",                                                          # sv: up again
])
def test_back_after_maintenance_that_overran_is_about_an_outage_not_now(rules, text):
    result = rules(text)
    assert result["relevant"] is True and result["ongoing"] is False, result


def test_back_after_maintenance_that_kept_its_window_is_no_outage(rules):
    result = rules("PSN is back after the planned maintenance window")
    assert result["relevant"] is False and result["ongoing"] is False, result
