"""A power cut at home (or a tripped breaker) said over, everything working again and a service with it ("Stromausfall
bei uns im Haus für 10 min, danach lief alles wieder, auch IMDb", "strömavbrott hemma i 10 min, sen funkade allt igen,
twitch också", "家のブレーカー落ちた。10分で復旧"): no online service went down, so it is about no outage. A problem of a
service of its own beside the power cut still is one.

Hand-written texts, each a user's story (not from any evaluation set). The rules alone are asked.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "Stromausfall in der Wohnung für 5 min, danach lief alles wieder, auch Netflix",          # de
    "stroomstoring thuis van een kwartier, daarna deed alles het weer, ook Spotify",          # nl
    "strömavbrott hemma i 20 min, sen funkade allt igen, spotify också",                      # sv
    "coupure de courant chez moi 15 min, tout est revenu, même Netflix",                      # fr
    "acabou a luz aqui em casa meia hora, voltou tudo normal, nem o Spotify reclamou",        # pt
    "wywaliło korki w mieszkaniu na 10 min, potem wszystko wróciło, netflix też",             # pl: the fuses
    "집 두꺼비집 내려갔다가 5분 만에 복구, 넷플릭스도 잘 나옴",                                    # ko: the breaker box
])
def test_a_power_cut_at_home_that_came_back_is_no_outage(rules, text):
    result = rules(text)
    assert result["relevant"] is False and result["ongoing"] is False, result


@pytest.mark.parametrize("text", [
    # near misses: a service down of its own beside the power cut
    "massive power outage across denver tonight, mobile data barely works and telegram won't load",
    "Stromausfall für 10 min, danach lief alles wieder, nur Netflix geht immer noch nicht",
])
def test_a_service_down_beside_a_power_cut_is_an_outage(rules, text):
    result = rules(text)
    assert result["relevant"] is True and result["ongoing"] is True, result
