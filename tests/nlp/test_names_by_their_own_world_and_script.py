"""A service named in talk that is no outage, in lower case, is still the service when a word of its own world is
beside it ("nitro" for Discord, "docs" for Stripe, "templates" for Notion, "books" for a Kindle, "bio" for Tinder),
and a cloud's products as its Japanese and Korean consoles and status pages write them ("Azure 포털", "애저 ...
스토리지", "AWSマネジメントコンソール", "Funzioni di Azure") are those products; Steam's store in hangul beside its
sale is Steam. The everyday senses stay ruled out first ("to kindle a fire", "the kettle's steam").
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, service", [
    ("got a discord nitro gift from my brother, the animated emojis are silly", "discord"),
    ("made a discord for the running club, come say hi", "discord"),
    ("stripe docs are the only api docs I actually enjoy reading", "stripe"),
    ("rebuilt my whole reading list in notion with a new template, feeling organised", "notion"),
    ("read six books on the kindle during the flight, no regrets", "kindle"),
    ("updated my tinder bio, my sister says it's cringe", "tinder"),
    ("cross-posting this on threads too, the instagram crowd might like it", "threads"),
])
def test_a_lower_case_brand_beside_its_own_world_is_the_service(tag, text, service):
    assert service in tag(text)["services"]


@pytest.mark.parametrize("text", [
    "a good teacher can kindle a love of reading in any child, books or not",
    "there was discord in the room when the vote came",
])
def test_the_everyday_sense_is_still_no_service(tag, text):
    assert tag(text)["services"] == []


@pytest.mark.parametrize("text, service", [
    ("스팀 가을 세일 언제 끝나요? 장바구니 정리 중", "steam"),
    ("스팀 여름 할인 때 뭐 살지 고민 중", "steam"),
])
def test_steam_in_hangul_beside_its_sale_is_steam(tag, text, service):
    assert service in tag(text)["services"]


def test_steam_in_hangul_as_a_steam_iron_is_no_steam(tag):
    assert "steam" not in tag("스팀 다리미 새로 샀는데 세일가로 샀어")["services"]


@pytest.mark.parametrize("text, service", [
    ("Azure 일본 동부 포털에 접속이 안 됩니다, 리소스 목록이 안 떠요", "azure/portal"),
    ("애저 한국 중부 스토리지 계정 응답이 너무 느림", "azure/storage"),
    ("AWSマネジメントコンソールが真っ白で何も表示されない", "aws/console"),
    ("Azure 東日本の仮想マシンが起動しない、誰か同じ？", "azure/virtual-machines"),
    ("Problemi con le Funzioni di Azure in Europa occidentale, i trigger non partono", "azure/functions"),
])
def test_cloud_products_as_their_localized_consoles_name_them(tag, text, service):
    assert service in tag(text)["services"]


def test_a_console_word_without_the_provider_names_no_product(tag):
    assert tag("포털에 로그인이 안 돼요, 네이버 문제인가")["services"] == []
