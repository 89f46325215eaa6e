"""Status-page titles that say a problem goes on: ongoing stages in other languages, component
states written as titles, and a past time range inside an incident summary.

Hand-written texts (not from any evaluation set). ``relevant`` means "about an outage" and
``ongoing`` "reports a problem now" (see docs/ARCHITECTURE.md): a resolved update or a look back
is relevant and not ongoing; the last tests keep that pinned.
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
    assert tags["relevant"] is True and tags["ongoing"] is True


@pytest.mark.parametrize("text, state", [
    ("Degraded performance - Push notifications: deliveries are slower than usual", "degraded performance"),
    ("Package registry - Partial outage: some publishes are slow", "partial outage"),
    ("Major outage | Build runners", "major outage"),
    ("Rendimiento degradado - Panel de control: la carga es lenta", "rendimiento degradado"),
])
def test_a_component_state_written_as_a_title_is_an_outage_report(tag, tagger, text, state):
    assert tag(text)["relevant"] is True
    decisions = tagger.explain_texts([(text, None, None)])
    ongoing, relevance = next(iter(decisions))["explain"]["decisions"][-2:]
    assert ongoing["what"] == "ongoing" and ongoing["rule"] == f"a status component state ({state!r})"
    assert relevance["what"] == "relevance" and relevance["tagged"] is True


def test_a_component_state_inside_a_sentence_is_weighed_like_any_symptom(tag):
    # no title, no service, only a weak symptom: the other rules decide, and they say no
    assert tag("the new laptop has degraded performance compared to last year's model")["relevant"] is False
    back = tag("Degraded performance - Push notifications: deliveries are back to normal")
    assert back["relevant"] is True and back["ongoing"] is False  # the component's recovery: about an outage


@pytest.mark.parametrize("text", [
    "Tunnels - Amsterdam - Investigating: some users may get 502 responses from their origin",
    "Compute - Osaka 2 — Monitoring: a number of instances in the zone lost network connectivity",
    # (a window already closed, "Between 07:05 and 07:50 UTC ... experienced", is over: every writer labels it so,
    # test_incident_accounts_and_status_sentences.py)
    "Since 07:05 UTC customers using Cloud Spanner in europe-west3 are experiencing failed requests.",
])
def test_status_updates_of_a_current_incident_are_outage_reports(tag, text):
    assert tag(text)["relevant"] is True and tag(text)["ongoing"] is True


@pytest.mark.parametrize("text", [
    "Resolved - Object storage uploads in Paris are working normally again.",
    "[Résolu] Le service de messagerie fonctionne de nouveau normalement",
    "Webshop weer bereikbaar, de storing is verholpen",
    "Fastly explains last month's CDN outage",
    "Probleem opgelost: e-mail wordt weer bezorgd",
    "Mitigated",
    "Service restored: payments work again",  # a stage phrase written as the title
    "Sidekick back online after a 70-hour outage",
    "[해결 완료] 일부 사용자의 로그인 오류",
])
def test_an_analyst_keeps_the_end_of_an_outage_but_it_is_not_going_on(tag, text):
    """The resolved update and the look back belong to the outage's story (relevant); they do
    not say something is broken now (not ongoing)."""
    tags = tag(text)
    assert tags["relevant"] is True and tags["ongoing"] is False


@pytest.mark.parametrize("text", [
    "The statue in the park was restored last spring",
    "Completed - The scheduled maintenance has been completed.",
    "the system is back up after the planned maintenance window, thanks for your patience",
    "Outage? What outage. Kinesis has been fine all day for us",
    "Release notes: fixed a bug where exports were slow; the old importer is no longer needed",
    "Die Probleme mit dem alten Drucker sind endlich gelöst",
    "In this post we explain the bugs our fuzzers found and what went wrong in the parsers",
    "the church service restored my faith",
])
def test_a_recovery_of_nothing_that_failed_is_about_no_outage(tag, text):
    tags = tag(text)
    assert tags["relevant"] is False and tags["ongoing"] is False


def test_every_update_of_a_status_page_incident_is_about_the_outage(tag):
    """A status page posts about its incidents: an update with no outage word is still relevant;
    its maintenance notices are not."""
    source = "statuspage:www.githubstatus.com"
    assert tag("Reindexing is complete, and the search pages are up to date.", source=source)["relevant"] is True
    assert tag("Scheduled maintenance: Packages will be read-only on Sunday.", source=source)["relevant"] is False
    assert tag("Reindexing is complete, and the search pages are up to date.")["relevant"] is False  # no source
