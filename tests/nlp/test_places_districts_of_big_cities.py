"""A big city's district, neighbourhood or landmark, as the people who live there name it ("Beşiktaş'ta", "잠실 쪽",
"池袋駅周辺", "in Neukölln", "a Trastevere", "på Södermalm", "in de Jordaan"): the city's code (``geo.DISTRICTS``,
read at the city's code from the gazetteer). Read in its country's languages and, with its capital, in English; a
Korean one only as a word of its own or before a particle."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, regions", [
    ("Türk Telekom fiber yok Beşiktaş'ta, akşamdan beri", ["geo:TR-34"]),
    ("Superonline çöktü mü? Bornova'da hiçbir şey açılmıyor", ["geo:TR-35"]),
    ("SKT 잠실 쪽 데이터 너무 느려요", ["geo:KR-11"]),
    ("KT 인터넷 해운대에서 계속 끊겨요", ["geo:KR-26"]),
    ("auの電波、池袋駅周辺だけ全然入らない", ["geo:JP-13"]),
    ("Vodafone Kabel weg in Neukölln seit heute früh", ["geo:DE-BE"]),
    ("Fastweb down a Trastevere, nessuno riesce a navigare", ["geo:IT-RM"]),
    ("Movistar sin fibra en Lavapiés desde las 9", ["geo:ES-M"]),
    ("Tele2 nere på Södermalm, inget 4G alls", ["geo:SE-AB"]),
    ("Ziggo ligt eruit in de Jordaan, al twee uur", ["geo:NL-NH"]),
    ("Mokotów bez internetu od rana, UPC leży", ["geo:PL-14"]),
    ("Recoleta: Personal sin señal desde el mediodía", ["geo:AR-C"]),
    ("Uber Eats orders stuck for an hour in Shinjuku tonight", ["geo:JP-13"]),
    ("hele rotterdam-zuid zonder ziggo, al sinds vanochtend", ["geo:NL-ZH"]),
])
def test_a_district_is_its_city(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text", [
    "강남스타일 뮤비 유튜브에서 재생이 안 돼요",  # the song, not Gangnam
    "gdzie jest wola, tam jest droga, a Play znowu leży",  # Polish "will", not Warsaw's Wola
    "Sid Meier's Civilization crashes on launch since the patch",  # a surname, not Rio's Méier
])
def test_a_word_that_is_also_a_district_is_no_place(tag, text):
    assert tag(text)["regions"] == []
