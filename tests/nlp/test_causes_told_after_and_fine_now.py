"""An outage told afterwards in more of the writers' words: its cause named in Dutch, Spanish, French, German,
Italian, Swedish, Polish and Turkish ("storing ... veroorzaakt door softwarefout", "kesintinin nedenini açıkladı")
and in Japanese and Korean ("장애… 원인은 라우팅 오류", "障害の原因を説明"), unless the cause is still looked into;
a service said fine now after its problem ("was broken for 20 min ... fine now"), an outage said over
("storing voorbij"). Relevant, not ongoing. Turkish case endings of the outage words ("kesintinin", "arızanın").

Hand-written texts, each a user's story (not from any evaluation set). The rules alone are asked.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "Proximus: storing in mobiel netwerk veroorzaakt door een softwarefout",                 # nl: caused by
    "Vodafone'daki kesintinin nedeni açıklandı",                                              # tr: the cause told
    "Türk Telekom kesintinin nedenini açıkladı",                                              # tr
    "LG유플러스 인터넷 장애… 원인은 DNS 설정 오류",                                            # ko: the cause is
    "楽天モバイルの通信障害、原因を発表",                                                       # ja: the cause announced
    "slack was broken for like 15 min after lunch, seems fine now",                          # fine now
    "Storing bij ING voorbij, oorzaak nog onbekend",                                          # nl: over
])
def test_an_outage_told_with_its_cause_or_said_over_is_about_an_outage_not_now(rules, text):
    result = rules(text)
    assert result["relevant"] is True and result["ongoing"] is False, result


@pytest.mark.parametrize("text", [
    "KT 인터넷 장애 원인 아직 조사 중",                                                       # ko: still looked into
    "ドコモ通信障害、原因を調査中",                                                            # ja: being investigated
    "slack still broken for me, support says it's fine now. it isn't",                       # still
])
def test_a_cause_still_looked_into_or_a_problem_still_said_is_now(rules, text):
    result = rules(text)
    assert result["ongoing"] is True, result
