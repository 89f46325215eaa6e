"""User stories: Japanese and Korean headlines and status updates that close on the recovery's noun ("みずほ銀行の
システム障害、ATM利用が再開", "通信障害、午後に復旧", "지하철 앱 장애 해소", "접속 장애 복구…", "네트워크 지연 해결 완료")
report an outage that is over: about an outage, not going on. A recovery said partial right before its word
("部分的に解決したと考えています", "一部で復旧", "일부만 복구") is not over: the incident is watched, going on. The near misses:
a recovery asked about or ahead ("いつ復旧？", "運転再開の見込み立たず"), and "一部" that is the equipment's, not the
recovery's ("一部ネットワーク機器障害は復旧しました": over)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "りそな銀行でシステム障害、振込の受付が再開",
    "九州のドコモ通信障害、夕方に復旧",
    "부산 지하철 앱 결제 장애 해소",
    "카카오톡 로그인 장애 복구…일부 이용자 불편",
    "AWS 도쿄 리전 네트워크 지연 해결 완료",
])
def test_a_headline_closing_on_its_recovery_is_an_outage_over(rules, text):
    result = rules(text)
    assert result["relevant"] is True and result["ongoing"] is False


@pytest.mark.parametrize("text", [
    "Cloud Storage の問題は asia-northeast1 で部分的に解決したと考えています。残りの処理は数時間以内に完了する見込みです。",
    "LINEのメッセージ送信障害、一部で復旧",
    "카카오톡 메시지 전송 장애 일부만 복구, 사진 전송은 아직 안 돼요",
])
def test_a_recovery_said_partial_is_still_going_on(rules, text):
    result = rules(text)
    assert result["relevant"] is True and result["ongoing"] is True


@pytest.mark.parametrize("text", [
    "LINEで障害、いつ復旧？",
    "JR東日本のシステム障害、運転再開の見込み立たず",
])
def test_a_recovery_asked_about_or_ahead_leaves_the_outage_going_on(rules, text):
    assert rules(text)["ongoing"] is True


def test_some_equipment_recovered_whole_is_over(rules):
    result = rules("【復旧】石狩データセンターの一部ネットワーク機器障害は復旧しました。ご迷惑をおかけしました。")
    assert result["relevant"] is True and result["ongoing"] is False
