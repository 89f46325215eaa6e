"""A service said to work beside a network operator's outage is the contrast, as beside another service's: "Vodafone
fibre down across Leeds, whatsapp still works on 4g" is Vodafone's outage and names no service. A service the
network's outage is said to take with it stays ("can't even send a whatsapp")."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, service", [
    ("Vodafone fibre down across Leeds, whatsapp still works on 4g", "whatsapp"),
    ("Orange fibre coupée depuis ce matin, whatsapp marche en 4G", "whatsapp"),
    ("Telia mobilnät nere i hela Göteborg, Spotify funkar på wifi", "spotify"),
])
def test_a_service_said_to_work_beside_a_network_outage_is_the_contrast(tag, text, service):
    assert service not in tag(text)["services"]


def test_a_service_the_network_outage_takes_with_it_stays(tag):
    assert "whatsapp" in tag("Vodafone down again, can't even send a whatsapp")["services"]


@pytest.mark.parametrize("text, service", [
    ("Degraded performance: Jira, Confluence and Bitbucket are responding slowly for some customers.",
     "bitbucket"),
    ("Slack is down for us and Zoom is working only intermittently", "zoom"),
])
def test_a_service_said_to_work_only_slowly_is_no_contrast(tag, text, service):
    assert service in tag(text)["services"]
