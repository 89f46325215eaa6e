"""A post that says what broke and, for contrast, what still works names the second only as the contrast:
the service with the problem is what it is about. A post where everything works keeps every name."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, about, works", [
    ("Outlook non scarica la posta, \"impossibile connettersi al server\" da stamattina. Gmail invece va",
     "outlook", "gmail"),
    ("Outlook maillerim gelmiyor, Gmail'de sorun yok", "outlook", "gmail"),
    ("prime video stuck at 5% loading on the firestick. youtube plays 4k", "amazon-prime-video", "youtube"),
    ("Telegram bloccato su 'Connessione in corso...' da venti minuti. WhatsApp va.", "telegram", "whatsapp"),
    ("Jira Software - Degraded Performance. Confluence - Operational.", "atlassian/jira", "atlassian/confluence"),
])
def test_the_service_said_to_work_beside_a_broken_one_is_only_the_contrast(tag, text, about, works):
    services = tag(text)["services"]
    assert about in services and works not in services


def test_a_service_that_works_but_then_has_its_own_problem_keeps_its_name(tag):
    services = tag("messenger messages won't send. facebook itself loads but notifications are frozen")["services"]
    assert {"messenger", "facebook"} <= set(services)


def test_every_service_working_keeps_them_all(tag):
    services = tag("All systems operational. Jira Software - Operational. Confluence - Operational.")["services"]
    assert {"atlassian/jira", "atlassian/confluence"} <= set(services)


def test_two_services_back_again_are_both_the_recovery(tag):
    services = tag("Outlook and Teams work again after the outage this morning")["services"]
    assert {"outlook", "teams"} <= set(services)


def test_the_source_service_is_never_the_contrast(tag):
    services = tag("Gmail works fine but Outlook keeps failing to sync", source="x:search:gmail")["services"]
    assert "gmail" in services
