"""Koreans write their country "한국" (pycountry's name is the formal "대한민국"). Said as where people are or
where it happens it is the place; before another noun it is the country's adjective ("한국 드라마": a Korean
drama), as any country's name is ("미국 드라마")."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "발로란트 서버 장애… 한국 이용자 접속 불가",          # users in Korea cannot connect
    "한국에서 디스코드 접속이 안 돼요",                    # in Korea
    "카카오톡 한국 전역에서 먹통",                          # all over Korea
])
def test_korea_said_as_where_is_the_place(tag, text):
    assert tag(text)["regions"] == ["geo:KR"]


@pytest.mark.parametrize("text", [
    "넷플릭스 새 한국 드라마 너무 재밌다",                  # a Korean drama
    "스포티파이에 한국 노래가 많아졌네",                    # Korean songs
    "미국 드라마 정주행 중, 넷플릭스 최고",                 # an American drama
    "넷플릭스 한국어 자막이 안 나와요",                     # the Korean language
])
def test_a_countrys_name_before_a_noun_is_its_adjective_not_a_place(tag, text):
    assert tag(text)["regions"] == []
