"""When a problem is: "again" dates a problem to now, a past outage told with how long it lasted or with its
cause or apology is over, and status pages title their stages in their readers' languages ("Attenuato:",
"軽減済み:" are Azure's "Mitigated"; "Attivo -" its "Active"). A component list separated by semicolons still
names its states.

Hand-written texts, each a user's story (not from any evaluation set).
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "Teams outage again this morning, nobody can join calls",
    "zoom is down again, third Monday in a row",
    "discord voice broken again for the whole server",
    "Twitch yine çöktü, yayın açılmıyor",
    "유튜브 또 먹통이네",
])
def test_a_problem_said_again_is_dated_to_now_so_the_classifier_may_not_turn_it_off(tag, rules, text):
    alone = rules(text)
    assert alone["ongoing"] is True and alone["now"], alone  # the rules date the problem to now
    assert tag(text)["ongoing"] is True


@pytest.mark.parametrize("text", [
    "slack seems ok again, the errors stopped around noon",      # working again: a recovery, not a problem now
    "Discord works again after the outage this morning",
])
def test_working_again_is_no_problem_now(rules, text):
    assert rules(text)["ongoing"] is False


@pytest.mark.parametrize("text", [
    "Fastly incident took down news sites for nearly an hour",
    "Azure Front Door failure knocked Xbox and Outlook offline for two hours",
    "Una avería en Azure dejó sin servicio a miles de empresas durante tres horas",
    "Akamai DNS glitch briefly knocked airline websites offline",
    "AWS says Lambda errors in Oregon were caused by a faulty deployment",
    "Netflix streams fail during the boxing match, company apologizes",
    "Zoom-Ausfall: fehlerhaftes Update legte Meetings weltweit lahm",
])
def test_a_past_outage_told_with_its_length_cause_or_apology_is_about_an_outage_but_over(rules, text):
    result = rules(text)
    assert result["relevant"] is True and result["ongoing"] is False, result


@pytest.mark.parametrize("text", [
    "Slack has been down for two hours and counting",             # "has been": still now
    "venmo payment pending for 3 hours, money already left my bank",
    "github actions queued for an hour, nothing runs",
])
def test_a_problem_going_on_for_a_while_is_still_now(rules, text):
    assert rules(text)["ongoing"] is True


@pytest.mark.parametrize("text, source", [
    ("Attenuato: dalle 09:10 alle 10:05 UTC alcuni clienti hanno riscontrato errori con Archiviazione di Azure.",
     "status:azure"),
    ("軽減済み: 2026年11月12日 03:00～04:10 (UTC) の間、一部のお客様で Azure Functions のエラーが発生しました。",
     "status:azure"),
    ("Post Incident Review (PIR) - Azure Cosmos DB - North Europe. What happened? Between 10:00 and 11:30 UTC, "
     "customers saw errors.", "status:azure"),
])
def test_a_mitigated_or_reviewed_status_update_is_relevant_and_over(rules, text, source):
    result = rules(text, source=source)
    assert result["relevant"] is True and result["ongoing"] is False, result


@pytest.mark.parametrize("text, source", [
    ("Attivo - Azure Storage - West Europe: i clienti potrebbero riscontrare errori durante l'accesso.",
     "status:azure"),
    ("Figma: Editor - Partial Outage; Comments - Major Outage; Login - Operational", "status:figma"),
])
def test_an_active_incident_or_a_component_down_in_a_list_is_ongoing(rules, text, source):
    result = rules(text, source=source)
    assert result["ongoing"] is True, result


def test_a_carrier_said_to_have_no_outage_now_is_no_outage(rules):
    """「障害は発生していません」: no outage is happening (a report page's line), whoever the carrier is."""
    result = rules("現在、auで障害は発生していません")
    assert result["relevant"] is False and result["ongoing"] is False, result
