"""Status-page titles that say a problem goes on: ongoing stages in other languages, component
states written as titles, and a past time range inside an incident summary.

Hand-written texts (not from any evaluation set). Recoveries stay not relevant: the project's
``relevant`` means "reports a problem now" (see docs/ARCHITECTURE.md), and the dev, held-out and
tune sets label resolved updates that way; the last test keeps that rule pinned.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, status", [
    ("Onderzoek - Webhosting Rotterdam - websites laden traag voor een deel van de klanten", "investigating"),
    ("[Untersuchung] Rechenzentrum Köln - einzelne Server antworten langsam", "investigating"),
    ("Investigación: Pagos con tarjeta - algunos cobros tardan más de lo normal", "investigating"),
    ("[조사 중] 일부 지역에서 메시지 전송 지연", "investigating"),
    ("현재 모니터링 중입니다. 일부 사용자의 결제 지연", "monitoring"),
    ("Identifié - API publique : le temps de réponse est élevé pour certains clients", "identified"),
    ("Monitorando - Armazenamento de objetos - uploads lentos para alguns clientes", "monitoring"),
    ("Het probleem is in onderzoek: inloggen gaat traag bij sommige gebruikers", "investigating"),
    ("Die Ursache ist bekannt, Zahlungen dauern länger als üblich", "identified"),
])
def test_ongoing_stages_in_other_languages_are_outage_reports(tagger, text, status):
    tags = next(iter(tagger.tag_texts([(text, None, None)])))  # through the prescan, as the collectors tag
    assert tags["status"] == status
    assert tags["relevant"] is True


@pytest.mark.parametrize("text, state", [
    ("Degraded performance - Push notifications: deliveries are slower than usual", "degraded performance"),
    ("Package registry - Partial outage: some publishes are slow", "partial outage"),
    ("Major outage | Build runners", "major outage"),
    ("Rendimiento degradado - Panel de control: la carga es lenta", "rendimiento degradado"),
])
def test_a_component_state_written_as_a_title_is_an_outage_report(tag, tagger, text, state):
    assert tag(text)["relevant"] is True
    decisions = tagger.explain_texts([(text, None, None)])
    rule = next(iter(decisions))["explain"]["decisions"][-1]
    assert rule["what"] == "relevance" and rule["rule"] == f"a status component state ({state!r})"


def test_a_component_state_inside_a_sentence_is_weighed_like_any_symptom(tag):
    # no title, no service, only a weak symptom: the other rules decide, and they say no
    assert tag("the new laptop has degraded performance compared to last year's model")["relevant"] is False
    assert tag("Degraded performance - Push notifications: deliveries are back to normal")["relevant"] is False


@pytest.mark.parametrize("text", [
    "Tunnels - Amsterdam - Investigating: some users may get 502 responses from their origin",
    "Compute - Osaka 2 — Monitoring: a number of instances in the zone lost network connectivity",
    "Between 07:05 and 07:50 UTC customers using Cloud Spanner in europe-west3 experienced failed requests.",
])
def test_status_updates_of_a_current_incident_are_outage_reports(tag, text):
    assert tag(text)["relevant"] is True


@pytest.mark.parametrize("text", [
    "Resolved - Object storage uploads in Paris are working normally again.",
    "[Résolu] Le service de messagerie fonctionne de nouveau normalement",
    "Webshop weer bereikbaar, de storing is verholpen",
    "Fastly explains last month's CDN outage",
])
def test_recoveries_and_look_backs_stay_not_relevant(tag, text):
    assert tag(text)["relevant"] is False
