"""Places abroad as Japanese and Korean write them, a country's people in those scripts, and which of the cities
several countries share a text means by the country of the network operator it names (``elsewhere``,
``geo.script_places``, ``geo.DISTRICT_NAMESAKES``, ``operators.countries``)."""

from __future__ import annotations

import pytest

from outagewatch.nlp import elsewhere, operators
from outagewatch.nlp.geo import namesakes, script_places


@pytest.mark.parametrize("text, regions", [
    ("ソウルでカカオトーク使えないって友達が言ってる", ["geo:KR-11"]),
    ("ロンドンにいるけどSpotifyが落ちてる", ["geo:GB-LND"]),
    ("미국인 친구가 뉴욕에서 카톡 안 된대요", ["geo:US-NY"]),
    ("일본 사는 한국인인데 도쿄에서 토스 안 돼요", ["geo:JP-13"]),  # the writer's people add nothing abroad
    ("런던 사는데 넷플릭스 계속 끊겨요", ["geo:GB-LND"]),
])
def test_a_city_abroad_in_katakana_or_hangul_said_as_where(rules, text, regions):
    assert rules(text)["regions"] == regions


@pytest.mark.parametrize("text, regions", [
    ("뉴욕 유학생인데 여기 버라이즌 아침부터 안 터져요… 맨해튼 전체 그런 듯", ["geo:US-NY"]),  # a student in New York
    ("도쿄 여행 중인데 이심이 갑자기 안 잡혀요", ["geo:JP-13"]),  # on a trip to Tokyo
    ("인천공항 2터미널 환전소랑 편의점 카드 결제가 다 안 된대요", ["geo:KR-28"]),  # a city's airport is its place
])
def test_a_city_abroad_or_its_airport_said_as_where_in_a_text_the_rules_read_as_no_outage(rules, text, regions):
    assert rules(text)["regions"] == regions


@pytest.mark.parametrize("text", [
    "ソウルフード食べながらYouTube見てたら落ちた",  # soul food: inside a katakana word
    "뉴욕타임스 기사 번역해서 읽는 중, 넷플릭스는 또 안 됨",  # the New York Times
    "트래픽을 도쿄로 넘겼어요. 서울 리전 ELB만 문제",  # moved to Tokyo: no particle of where
    "오늘 머리가 먹통이네, 태평양 건너온 기분",  # no Riga in 머리가, no Pyongyang in 태평양
    "日本人はやっぱり行列が好きだよね、新しいパン屋に2時間",  # a people, in a text about no outage
    "뉴욕 스타일 피자 맛집 찾았다",  # New York style: no word of place after it
])
def test_a_city_abroad_not_said_as_where_is_no_place(rules, text):
    assert not [r for r in rules(text)["regions"] if r not in ("geo:KR-11", "aws:ap-northeast-2")]


def test_script_places_come_from_geonames():
    table = script_places()
    assert table["ソウル"] == "KR-11" and table["뉴욕"] == "US-NY" and table["도쿄"] == "JP-13"
    assert "カイロ" not in table and "쿠팡" not in table  # a hand warmer, a shop first


def test_script_city_said():
    assert elsewhere.script_city_said(["뉴욕에서"], 0, "뉴욕")
    assert elsewhere.script_city_said(["런던", "사는데"], 0, "런던")
    assert not elsewhere.script_city_said(["뉴욕타임스"], 0, "뉴욕")
    assert not elsewhere.script_city_said(["태평양에서"], 0, "평양")
    assert elsewhere.script_city_said(["今ロンドンで"], 0, "ロンドン")
    assert not elsewhere.script_city_said(["ローマ字"], 0, "ローマ")


@pytest.mark.parametrize("text, regions", [
    ("¿A alguien más Movistar lo dejó sin internet en Palermo? Desde las 6 nada", ["geo:AR-C"]),  # not Sicily
    ("mercado pago me rechazó la tarjeta. estoy en palermo (caba) y nadie sabe nada", ["geo:AR-C"]),
    ("Movistar Argentina no anda en Córdoba capital, los porteños dicen que allá sí", ["geo:AR-X"]),
    ("Telcel sin señal en Córdoba desde la mañana", ["geo:MX-VER"]),  # Mexico's, by its carrier
    ("AT&T fiber down in Birmingham since noon", ["geo:US-AL"]),
    ("Rogers down in London, no internet since 9", ["geo:CA-ON"]),
    # Colonia Roma, Mexico City's, by its carrier; every spelling of Rome the gazetteer folds alike follows
    ("telcel sin datos en toda la cdmx?? en la roma y en coyoacán igual, ni un mensaje sale", ["geo:MX-CMX"]),
])
def test_a_shared_city_name_is_the_one_in_the_operators_country(rules, text, regions):
    assert rules(text)["regions"] == regions


@pytest.mark.parametrize("text, regions", [
    ("Wind Tre non va a Palermo da stamattina", ["geo:IT-PA"]),  # Sicily's: no Argentine operator
    ("Wind Tre non va a Roma da stamattina", ["geo:IT-RM"]),
    ("desde Valencia no hay forma de abrir el correo, Movistar sin fibra", ["geo:ES-V"]),  # two countries: Spain's
    ("Vodafone down in Birmingham, whole street offline", ["geo:GB-BIR"]),
])
def test_an_operator_of_several_or_no_namesakes_country_leaves_the_usual_choice(rules, text, regions):
    assert rules(text)["regions"] == regions


@pytest.mark.parametrize("text, regions", [
    ("Vivo fora em Valencia desde cedo, alguém mais?", []),
    ("Movistar caído en Valencia desde la mañana", ["geo:ES-V"]),  # Spanish, Spain's operator too
    ("Verizon down in London since noon", ["geo:GB-LND"]),  # English is London's language: the usual choice
])
def test_a_shared_city_name_the_operator_does_not_serve(rules, text, regions):
    assert rules(text)["regions"] == regions


def test_operators_countries():
    assert operators.countries(["Vivo"], ["vivo"], [0]) == {"BR"}
    assert "AR" in operators.countries(["Movistar"], ["movistar"], [0])
    assert {"GB", "DE"} <= operators.countries(["O2"], ["o2"], [0])
    assert operators.countries(["Türk", "Telekom"], ["türk", "telekom"], [1]) == {"TR"}
    assert operators.countries(["Fibertel"], ["fibertel"], [0]) == {"AR"}


def test_fixed_line_operators_are_listed_once():
    assert len(operators.FIXED_LINE) == len({name.lower() for name in operators.FIXED_LINE})


def test_district_namesakes():
    assert [code for code, _ in namesakes()["Palermo"]] == ["IT-PA", "AR-C"]  # the gazetteer's own first
    assert elsewhere.namesake_by_countries("Palermo", frozenset({"AR", "ES"})) == "AR-C"
    assert elsewhere.namesake_by_countries("Valencia", frozenset({"ES", "VE"})) is None


@pytest.mark.parametrize("text, regions", [
    ("스포티파이 한국 요금제 가격 인상", ["geo:KR"]),  # the plan sold in Korea, as "prices in Korea"
    ("넷플릭스, 한국 광고형 요금제 가격 인상", ["geo:KR"]),
    ("넷플릭스 새 한국 드라마 너무 재밌다", []),  # a Korean drama: the country's adjective
])
def test_a_country_before_a_korean_word_for_a_price_or_plan_is_where(rules, text, regions):
    assert rules(text)["regions"] == regions


def test_a_korean_district_that_is_a_word_too_before_a_word_for_living_there(rules):
    assert rules("쿠팡 주문내역이 사라졌어요 분당 사는데 다들 그래요?")["regions"] == ["geo:KR-41"]
    assert rules("분당 10회 이상 튕김, 넥슨 서버 문제?")["regions"] == []  # per minute


@pytest.mark.parametrize("text, regions", [
    # a people word anywhere in the text says which: Buenos Aires' barrio, not Sicily's city
    ("mercado pago no me deja pagar con qr en ningún negocio de palermo. ¿se cayó para todos los porteños o solo yo?",
     ["geo:AR-C"]),
    ("los sicilianos sin internet en Palermo desde ayer", ["geo:IT-PA"]),
])
def test_a_shared_city_name_is_the_one_whose_people_the_text_names(rules, text, regions):
    assert rules(text)["regions"] == regions
