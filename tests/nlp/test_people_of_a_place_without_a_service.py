"""People of a place without a service ("Bostonians are learning to live without LinkedIn for the afternoon", "die
Dresdner seit einer Stunde ohne flickr", "svenskar utan Flickr i en timme nu", "os lisboetas passaram a tarde sem
Tesla"): many without it, an outage. And a few more everyday words of a problem or a recovery: a group thrown out ("our
whole office got kicked off Canva"), a page "has been spinning for 20 min", Dutch status pages' "Monitoren - ... we
houden het in de gaten", Japanese "今は直ってる" and Korean "지금은 괜찮아짐" (fine now after a problem).

Hand-written texts, each a user's story (not from any evaluation set). The rules alone are asked.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "Chicagoans have been without Spotify since lunch",
    "die Kölner seit zwei Stunden ohne Netflix, mitten im Spiel",              # de
    "stockholmare utan Spotify i en halvtimme nu",                             # sv
    "os paulistanos passaram a noite sem Netflix, o app nem abre",             # pt
    "our whole team got kicked off Slack at 10:15, nobody can log back in",
    "Notion has been spinning for 15 min on every page",
])
def test_many_without_a_service_or_thrown_out_of_it_is_a_problem_now(rules, text):
    result = rules(text)
    assert result["relevant"] is True and result["ongoing"] is True, result


def test_a_dutch_monitoring_title_is_ongoing(rules):
    result = rules("Monitoren - Er is een fix uitgerold voor Jira, we houden het in de gaten.",
                   source="statuspage:jira-software.status.atlassian.com")
    assert result["relevant"] is True and result["ongoing"] is True, result


@pytest.mark.parametrize("text", [
    "さっきまでSlackおかしかったけど今は直ってる",                                   # ja
    "아까 카카오톡 이상했는데 지금은 괜찮아짐",                                       # ko
])
def test_fine_now_after_a_problem_is_about_an_outage_not_now(rules, text):
    result = rules(text)
    assert result["relevant"] is True and result["ongoing"] is False, result


@pytest.mark.parametrize("text", [
    # near misses: people without a thing that is no service; a match that kicked off; a spinning class
    "Londoners without umbrellas again today, classic",
    "the match kicked off at 8 and Netflix can wait",
    "spinning class was brutal today, Strava says 600 calories",
])
def test_a_choice_a_kick_off_or_a_spinning_class_is_no_outage(rules, text):
    result = rules(text)
    assert result["ongoing"] is False, result
