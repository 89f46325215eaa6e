"""User stories: an outage dated to the past in words of the writer's language the rules did not read as a past
time: Turkish "dünkü" (yesterday's: "Vodafone'dan dünkü kesinti için özür"), German "vom Montag" ("Störung vom
Dienstag"), Japanese and Korean years or a month ago ("2年前の障害", "3년 전 카톡 먹통", "작년", "先月"). The outage is
over: about an outage, not going on. The near miss: the same past beside a problem said now."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "Turkcell'den dünkü kesinti için abonelere özür ve 5 GB hediye",
    "Telekom-Störung vom Dienstag: Ursache war ein Softwarefehler",
    "판교 화재 3년 전 카카오톡 먹통 사태 가끔 생각나요",
    "2年前のLINE障害、あの日は本当に困った",
    "작년 넷플릭스 장애 때 밤새 기다렸던 기억",
])
def test_an_outage_dated_to_the_past_is_over(rules, text):
    result = rules(text)
    assert result["relevant"] is True and result["ongoing"] is False


def test_a_past_beside_a_problem_again_now_goes_on(rules):
    assert rules("작년처럼 넷플릭스 오늘 또 장애")["ongoing"] is True
