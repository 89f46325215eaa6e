"""A place name that is another word where it is written: a Spanish or German everyday word ("da sala",
"no guarda", "mitten im Essen", "eure Geduld"), a Polish inflected form read in another language ("Bonne
nouvelle"), a football club ("se cayó el Madrid", "Il Milan è crollato"), a language or a time named after
a country ("日本語サポート", "米国時間", "일본어"), a country's short code before the phone networks messages
go to ("US carriers"). None is where a problem is."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "zoom caindo na aula de hoje, todo mundo sendo expulso da sala",
    "duolingo no guarda mi progreso, perdí la racha",
    "no hay señal en el pueblo de mis abuelos, desconexión total",
    "Die Störung im DB Navigator ist behoben. Danke für eure Geduld!",
    "Teams hängt sich ständig auf, mitten im Essen kam der Anruf nicht durch",
    "Bonne nouvelle, PSN est revenu, j'ai pu lancer ma partie",
    "qué partidazo, se cayó el Madrid en la segunda parte",
    "Il Milan è crollato nel secondo tempo, tre gol in venti minuti",
    "24時間365日の日本語サポート付きクラウド、障害に強い",
    "X（旧Twitter）で一時障害　米国時間の午前に発生",
    "듀오링고 일본어 300일 달성",
    "Monitoring - A fix has been implemented for delayed SMS delivery to US carriers.",
    "our OTP texts via Twilio are arriving late for US numbers, some never",
])
def test_a_word_that_is_a_place_name_elsewhere_is_no_place_here(tag, text):
    assert tag(text)["regions"] == []


@pytest.mark.parametrize("text, regions", [
    ("Netflix geht in Essen seit heute Morgen nicht", ["geo:DE-NW"]),  # "in Essen" is the city
    ("WhatsApp não funciona em Natal desde cedo", ["geo:BR-RN"]),
    ("whatsapp no funciona en Madrid desde las 9", ["geo:ES-M"]),
    ("a Napoli whatsapp non va da stamattina", ["geo:IT-NA"]),
    ("SMS delivery delays to some carriers in Brazil. Our engineers are investigating.", ["geo:BR"]),
    ("Awaria Allegro w Krakowie od rana", ["geo:PL-12"]),  # a Polish form in a Polish text
])
def test_the_same_names_said_as_places_stay(tag, text, regions):
    assert sorted(tag(text)["regions"]) == regions
