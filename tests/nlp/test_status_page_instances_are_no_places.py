"""Status pages name their own instances after countries: "the US data region", "the US South voice region",
"US multi-region", "les régions EU, US et AU". Those are where a tenant's data lives, not a place an outage
is in; the writers who label our sets give them no place ("US cell", "EU44" get none either). A country
named as a place, in the same words, keeps its code."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "Degraded performance - event ingestion is delayed for organizations in the US data region.",
    "Resolved - Voice connections in the US West voice region have recovered.",
    "Aucun incident en cours. Tous les services sont opérationnels dans les régions EU, US et AU.",
    "BigQuery queries failing with backendError in the US multi-region since noon",
])
def test_an_instance_named_after_a_country_is_no_place(tag, text):
    assert tag(text)["regions"] == []


@pytest.mark.parametrize("text, regions", [
    ("Comcast outage across the US this morning, modems blinking", ["geo:US"]),
    ("Slack down in the US and Canada for an hour", ["geo:CA", "geo:US"]),
    ("AWS outage in the US region us-east-1", ["aws:us-east-1"]),
])
def test_a_country_said_as_a_place_keeps_its_code(tag, text, regions):
    assert sorted(tag(text)["regions"]) == regions


@pytest.mark.parametrize("text, regions", [
    # a place right after a clock time is the time zone the window is given in
    ("Ventana de mantenimiento: de 22:00 a 23:30 CDMX la API de pagos no estará disponible", []),
    ("Wartung heute 02:00 Berlin bis 04:00, danach sollte alles wieder laufen", []),
    # near miss: a time, then "in" and the place, is where the problem is
    ("Outage since 9:00 in London, card payments declined everywhere", ["geo:GB-LND"]),
])
def test_a_place_after_a_clock_time_is_a_time_zone(tag, text, regions):
    assert sorted(tag(text)["regions"]) == regions


@pytest.mark.parametrize("text", [
    "Firestore nam5 multi-region returning DEADLINE_EXCEEDED for writes",
    "Salesforce NA224 instance down, login fails with an error page",
    "Datadog US5 site: delayed metrics ingestion",
    "Datadog EU1 ingestion delays since 09:00",
    "Zendesk Pod 23 degraded performance, tickets slow to load",
    "Okta NA2 cell issues, sign-ins timing out",
])
def test_a_shard_or_cell_name_is_no_place(rules, text):
    assert rules(text)["regions"] == []
