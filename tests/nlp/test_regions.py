"""Region codes in any case, display names, cities and states; geo: codes without a provider."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, region", [
    ("errors in us-east-1", "aws:us-east-1"),
    ("errors in US-EAST-1", "aws:us-east-1"),
    ("errors in Us-East-1", "aws:us-east-1"),
    ("us-east-1a had an AZ power issue", "aws:us-east-1"),
    ("GKE trouble in us-central1", "gcp:us-central1"),
    ("node pool in us-central1-a is stuck", "gcp:us-central1"),
    ("Cloud SQL down in europe-west3", "gcp:europe-west3"),
    ("VMs failing in eastus2", "azure:eastus2"),
    ("AWS EC2 outage in US East (N. Virginia)", "aws:us-east-1"),
    ("AWS outage in N. Virginia", "aws:us-east-1"),
    ("AWS outage in Northern Virginia", "aws:us-east-1"),
    ("AWS outage in Frankfurt", "aws:eu-central-1"),
    ("AWS Tokyo region is down", "aws:ap-northeast-1"),
    ("Azure outage in Frankfurt", "azure:germanywestcentral"),
    ("GCP outage in Frankfurt", "gcp:europe-west3"),
    ("Google Cloud us-east4 (Northern Virginia) latency", "gcp:us-east4"),
    ("GCP is having trouble in Iowa again", "gcp:us-central1"),
    ("Azure Storage outage in East US", "azure:eastus"),
    ("AWS Europe (Frankfurt) API errors", "aws:eu-central-1"),
    ("Die Amazon Web Services melden eine Störung in der Region Irland", "aws:eu-west-1"),  # said as its region
    ("東京リージョンでAWSの障害が発生しています", "aws:ap-northeast-1"),
    ("Google Cloudの大阪リージョンで通信障害", "gcp:asia-northeast2"),
])
def test_provider_regions(tag, text, region):
    result = tag(text)
    assert region in result["regions"]
    assert region.split(":")[0] in result["providers"]


def test_the_source_supplies_the_provider(tag):
    result = tag("Increased error rates in N. Virginia", source="aws-health:kinesis-us-east-1")
    assert result["regions"] == ["aws:us-east-1"]
    assert result["services"] == ["aws/kinesis"]


def test_a_service_supplies_its_provider(tag):
    assert tag("Kinesis errors in N. Virginia")["regions"] == ["aws:us-east-1"]


@pytest.mark.parametrize("text, regions", [
    ("Outage hitting users in Frankfurt and Tokyo", ["geo:DE-HE", "geo:JP-13"]),
    ("Netflix down across Japan and Germany", ["geo:JP", "geo:DE"]),
    ("Internet outage in Northern Virginia", ["geo:US-VA"]),
    ("Roku not working in Ohio, fine in California", ["geo:US-OH"]),  # the contrast place is not where
    ("Spotify down in London right now", ["geo:GB-LND"]),
    ("今日は東京で雨が降っています", ["geo:JP-13"]),
])
def test_places_without_a_provider_become_iso_codes(tag, text, regions):
    assert tag(text)["regions"] == regions


def test_a_country_maps_to_the_providers_only_region_there(tag):
    assert tag("AWS launches new region in Mexico")["regions"] == ["aws:mx-central-1"]
    assert tag("AWS outage across Japan")["regions"] == ["geo:JP"]  # Tokyo and Osaka: no single region


def test_region_display_names_without_a_provider_are_not_guessed(tag):
    assert tag("Outage in East US")["regions"] == []


def test_place_names_that_are_people_need_a_preposition(tag):
    assert tag("Paris Hilton launched a perfume")["regions"] == []
    assert tag("Power cut in Paris tonight")["regions"] == ["geo:FR-75C"]


@pytest.mark.parametrize("text, keeps", [
    ("Impacted: Lambda, DynamoDB, Athena, SQS and CloudWatch in us-east-1 are degraded", []),
    ("Outage hitting EC2, Athena, Glue for us right now", []),
    ("Internet outage in Athens, Thessaloniki and Patras", ["geo:GR", "geo:GR-I"]),
    ("Netflix down in Athens, Berlin and Madrid", ["geo:GR-I"]),  # Athens is in Attica, GR-I
])
def test_a_product_named_like_a_city_in_a_list_of_products_is_not_the_city(tag, text, keeps):
    """AWS Athena is a product, not Athens: a place that is one item of a comma list of product
    names (with no place among them and no "in ...") is not tagged as the place."""
    result = tag(text)
    assert sorted(r for r in result["regions"] if r.startswith("geo:GR")) == keeps


@pytest.mark.parametrize("text, region", [
    ("netflix nie działa w krakowie", "geo:PL-12"),  # locative of Kraków, lower case
    ("we wrocławiu nie działa allegro, ktoś wie?", "geo:PL-02"),
    ("Awaria Orange w Warszawie", "geo:PL-14"),
    ("brak internetu w Polsce od rana, Netflix nie działa", "geo:PL"),
    ("Störung bei der Telekom in Berlins Mitte", "geo:DE-BE"),  # German genitive
    ("Netflix ligger nere i Stockholms innerstad", "geo:SE-AB"),  # Swedish genitive
    ("istanbul'da instagram çalışmıyor", "geo:TR-34"),  # Turkish case ending after an apostrophe
    ("İzmir'de Netflix çalışmıyor", "geo:TR-35"),
    ("東京都でNetflixが見れない", "geo:JP-13"),
    ("関東でドコモが繋がらない", "geo:JP"),  # an area without an ISO code: the country
    ("横浜市でYouTubeが見れない", "geo:JP-14"),  # a city from the gazetteer's own-script names
    ("서울에서 유튜브 안 돼요", "geo:KR-11"),
    ("부산에서 넷플릭스 접속 안 됨", "geo:KR-26"),
])
def test_inflected_and_own_script_places(tag, text, region):
    assert region in tag(text)["regions"]


@pytest.mark.parametrize("text", [
    "東京都でNetflixが見れない",  # Tokyo, not also Kyoto (京都) inside it
    "Xのタイムラインが更新されない",  # タイ (Thailand) inside a katakana word
    "山口さんのNetflixが見れない",  # a surname with an honorific, not Yamaguchi
    "salesforce login page just hangs",  # "Hangs" is a German genitive of a Chinese city name, and English
])
def test_names_inside_other_words_are_not_places(tag, text):
    regions = tag(text)["regions"]
    assert regions in ([], ["geo:JP-13"])
    if "東京" not in text:
        assert regions == []


def test_turkish_case_endings_split_but_contractions_do_not():
    from outagewatch.nlp.pipeline import make_nlp

    nlp = make_nlp()
    assert [t.text for t in nlp.make_doc("Netflix'te sorun var, Ankara'dan")] == \
        ["Netflix", "'te", "sorun", "var", ",", "Ankara", "'dan"]
    assert [t.text for t in nlp.make_doc("don't won't l'app qu'a")] == ["don't", "won't", "l'app", "qu'a"]


def test_the_us_in_lower_case_is_the_country_but_us_alone_is_not(tag):
    assert "geo:US" in tag("instagram not loading in the uk, friends in the us say the same")["regions"]
    assert tag("netflix is down for us")["regions"] == []
    assert tag("tell us if netflix is down")["regions"] == []


@pytest.mark.parametrize("text, region", [
    ("storing bij ziggo in heel noord-holland", "geo:NL-NH"),  # "in heel ...": an article or "all of" between
    ("bankid fungerar inte i hela sverige", "geo:SE"),
    ("panne d'Orange dans le Nord", "geo:FR-59"),
    ("Ankara ve İzmir'de Türk Telekom arızası", "geo:TR-06"),
])
def test_places_after_in_and_an_article(tag, text, region):
    assert region in tag(text)["regions"]


def test_a_subdivisions_other_name_is_a_name_too():
    from outagewatch.nlp.geo import gazetteer

    places = gazetteer()
    assert places["Catalunya"] == places["Cataluña"] == "ES-CT"  # pycountry's "Catalunya [Cataluña]"


@pytest.mark.parametrize("text, regions", [
    ("Comcast outage in TX right now", ["geo:US-TX"]),  # a state code in capitals after "in"
    ("Telstra outage across NSW", ["geo:AU-NSW"]),
    ("I live in OR and comcast is down", ["geo:US-OR"]),
    ("AWS outage in VA", ["aws:us-east-1"]),  # the provider's region in that state
    ("Verizon outage? OR is it just me", []),  # the word, not after "in"
    ("log IN to see more, the site is down", []),
    ("comcast is down for labours in AL FAHAD camp", []),  # part of a name in capitals
    ("COMCAST OUTAGE IN TX", []),  # a text all in capitals says nothing by its capitals
])
def test_state_codes_in_capitals_in_a_place_context(tag, text, regions):
    assert tag(text)["regions"] == regions


def test_a_providers_own_japanese_region_name_needs_the_provider(tag):
    result = tag("Azureの東日本リージョンでVMが起動しない")
    assert result["regions"] == ["azure:japaneast"] and result["relevant"]
    assert tag("東日本大震災から何年")["regions"] == []  # "East Japan" without Azure is no region
