"""An AWS product whose bare name is a place or a word, listed right beside another AWS product, is the product
and not the place ("RDS und Aurora in Frankfurt"); Bedrock beside SageMaker is AWS's model host; a service said
fine before "but" and another service's name is the contrast ("Vercel is fine but our Cloudflare Pages previews
are down"); a Korean gamer's "클라" is the game's client."""

from __future__ import annotations


def test_a_bare_product_name_listed_beside_a_sibling_is_the_product_not_the_place(rules):
    tags = rules("RDS und Aurora in Frankfurt antworten nicht mehr, unsere Prod-DB ist weg. eu-central-1 jemand?")
    assert set(tags["services"]) == {"aws/rds", "aws/aurora"}
    assert "geo:US-CO" not in tags["regions"]


def test_the_city_stays_the_city(rules):
    tags = rules("power out in Aurora, Colorado since 6am, whole street dark")
    assert tags["services"] == []
    assert "geo:US-CO" in tags["regions"]
    assert "aws/aurora" not in rules("Aurora and sunset tonight, RDS not involved lol")["services"]


def test_bedrock_beside_sagemaker_is_the_model_host(rules):
    assert "aws/bedrock" in rules("bedrock calls timing out and our sagemaker endpoints in oregon won't scale")[
        "services"]
    # Minecraft's edition stays no AWS product
    assert "aws/bedrock" not in rules("bedrock realms down again, my sagemaker notebook is fine")["services"]


def test_a_service_said_fine_before_but_and_another_service_is_the_contrast(rules):
    assert rules("Vercel is fine but our Cloudflare Pages previews are down since lunch")["services"] == [
        "cloudflare/pages"]
    # the turn to its own part keeps it
    assert "facebook" in rules("facebook itself loads but notifications are frozen")["services"]


def test_a_korean_gamers_client_is_the_games(rules):
    assert rules("롤 클라 로그인 대기열만 30분째… 오늘 랭겜은 글렀다")["services"] == ["league-of-legends"]
    assert rules("롤 모델이 누구예요?")["services"] == []
