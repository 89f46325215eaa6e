"""The bundled event for the dashboard tests."""

from __future__ import annotations

from tests.api import scenario

INCIDENT_TITLE = "Roku, Flickr and Adobe"


def load_event(store) -> None:
    scenario.fill(store)
