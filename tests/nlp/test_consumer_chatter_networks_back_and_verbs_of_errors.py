"""Everyday consumer chatter, fourteenth round, second piece: a network had again ("helsingborg har bredband igen",
"voltou a ter internet", "internete kavuştu"), working again in a contraction ("jetzt läuft's wieder"), all fixed or
all green ("już wszystko naprawione", "all green now"): an outage over, relevant and not going on; an HTTP status made
a verb ("deploys 404ing") and Swedish "misslyckas" (fails): a problem now; a status page's passive "解決されました"
(resolved).

Hand-written texts, each a user's story (not from any evaluation set). The rules alone are asked.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "göteborg har internet igen efter tre timmar utan",                          # sv
    "campinas voltou a ter internet depois do almoço",                           # pt
    "kadıköy nihayet internete kavuştu, akşamdan beri yoktu",                    # tr
    "Steam war eine Stunde weg, jetzt läuft's wieder",                           # de
    "Orange pisze, że w Łodzi już wszystko naprawione",                          # pl
    "github actions had a blip earlier, all green now",                          # en
])
def test_a_network_had_again_or_everything_fixed_is_an_outage_over(rules, text):
    result = rules(text)
    assert result["relevant"] is True and result["ongoing"] is False, result


def test_lights_all_green_now_are_no_outage(rules):
    result = rules("the traffic lights on our street are all green now, finally")
    assert result["relevant"] is False and result["ongoing"] is False, result


@pytest.mark.parametrize("text", [
    "netlify deploys 502ing since noon, every single one",                      # en
    "uppladdningen i Teams misslyckas hela tiden",                               # sv
])
def test_an_http_status_made_a_verb_or_a_failure_in_swedish_is_a_problem_now(rules, text):
    result = rules(text)
    assert result["relevant"] is True and result["ongoing"] is True, result


def test_failing_at_bread_is_no_outage(rules):
    result = rules("jag misslyckas alltid med surdegsbröd")
    assert result["relevant"] is False and result["ongoing"] is False, result


def test_a_status_pages_passive_resolved_in_japanese(rules):
    result = rules("Cloud Run の問題はすべてのユーザーに対して解決されました。", source="statuspage:status.cloud.google.com")
    assert result["status"] == "resolved" and result["relevant"] is True and result["ongoing"] is False, result
