"""A text names places that are not where its problem is: a place said to be fine, the
place a user went to get round the problem, a compass word joined to a name, the country
around a city named in brackets. And a provider's data centres and its regions' names in
other languages place a text when that provider is named."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, regions", [
    ("Edinburgh and Glasgow both seeing BBC iPlayer errors tonight, rest of the UK seems fine",
     ["geo:GB-EDH", "geo:GB-GLG"]),
    ("Ankara'da bazı kullanıcılar YouTube'a erişemiyor, İstanbul'da sorun yok", ["geo:TR-06"]),
    ("인천 쪽만 디스코드 안 되는 거 맞나요? 서울은 괜찮다는데", ["geo:KR-28"]),
    ("teams calls dropping in our bangalore office, delhi is fine", ["geo:IN-KA"]),
    ("en Madrid no funciona instagram, en Barcelona funciona bien", ["geo:ES-M"]),
    ("instagram não carrega no Rio, em São Paulo sem problemas", ["geo:BR-RJ"]),
    ("Teams ne marche pas à Lyon, à Paris pas de problème", ["geo:FR-69M"]),
])
def test_a_place_said_to_be_fine_is_not_where_the_problem_is(tag, text, regions):
    assert sorted(tag(text)["regions"]) == regions


@pytest.mark.parametrize("text, regions", [
    # A region code, a provider's region name, a data centre or a gazetteer place, alone or several
    # joined by "and" or a comma, whose clause says it is fine, in the writer's language.
    ("ap-southeast-2 throwing 500s on Lambda, but us-east-2 and eu-north-1 are fine for us", ["aws:ap-southeast-2"]),
    ("Azure North Europe is timing out since 9am. UK South looks fine.", ["azure:northeurope"]),
    ("DigitalOcean FRA1 and NYC3 both fine, only BLR1 droplets are unreachable", ["geo:IN-KA"]),
    ("Hetzner Helsinki DC unreachable, Falkenstein and Nuremberg are fine", ["geo:FI-18"]),
    ("GCP us-central1 tiene errores en Cloud Run; en us-east4 todo normal", ["gcp:us-central1"]),
    ("AWS eu-west-2 (London) geeft timeouts op RDS, eu-west-1 draait prima", ["aws:eu-west-2"]),
    ("Azure Sweden Central ok, ale North Europe zwraca 502 od rana", ["azure:northeurope"]),
    ("Azure West Europe ha problemi con le VM da stamattina, North Europe invece va", ["azure:westeurope"]),
    ("AWS eu-south-1 strular med Lambda, Stockholm funkar", ["aws:eu-south-1"]),
    ("AWS ap-northeast-1 (Tokyo) : S3 ne répond plus, eu-west-3 OK", ["aws:ap-northeast-1"]),
    ("Azureの東日本リージョンでVMが起動しない。西日本は問題なし", ["azure:japaneast"]),
])
def test_a_place_said_fine_in_its_own_clause_beside_a_failing_one_is_not_tagged(tag, text, regions):
    assert sorted(tag(text)["regions"]) == regions


@pytest.mark.parametrize("text, regions", [
    ("us-east-1 is back to normal, thanks AWS", ["aws:us-east-1"]),  # a recovery: the only place stays
    ("eu-west-1 OK again after the DynamoDB errors this morning", ["aws:eu-west-1"]),
    ("us-east-1 not fine at all, eu-west-1 erroring too", ["aws:eu-west-1", "aws:us-east-1"]),  # negated
    ("eu-west-1 and us-west-2 errors, fine-grained IAM is not the cause", ["aws:eu-west-1", "aws:us-west-2"]),
])
def test_a_fine_word_that_is_no_contrast_keeps_the_place(tag, text, regions):
    assert sorted(tag(text)["regions"]) == regions


@pytest.mark.parametrize("text, regions", [
    ("netflix is fine here in chicago, must be your isp", ["geo:US-IL"]),  # the only place: where the writer is
])
def test_fine_before_a_place_still_says_where_the_writer_is(tag, text, regions):
    assert sorted(tag(text)["regions"]) == regions


@pytest.mark.parametrize("text, regions", [
    ("us-east-1 SQS is borked, ReceiveMessage timing out. failed over to us-west-2 and it's fine there",
     ["aws:us-east-1"]),
    ("VPN'd to Amsterdam and netflix plays fine, so it's a UK thing? london here", ["geo:GB", "geo:GB-LND"]),
    ("instagram not loading in the uk, fine on a vpn to the us", ["geo:GB"]),
    ("Our chaos game day simulated losing us-east-1 and everything failed over cleanly", ["aws:us-east-1"]),
    ("Netflix geht in Berlin nicht, mit VPN nach Österreich läuft es", ["geo:DE-BE"]),
    ("con una VPN a Estados Unidos sí carga, aquí en México no", ["geo:MX"]),
    ("netflix werkt niet in Utrecht, via vpn naar Duitsland wel", ["geo:NL-UT"]),
    ("azure west europe timing out on app service, we failed over to north europe for now", ["azure:westeurope"]),
    ("Azure Germany West Central en panne chez nous, on bascule sur Switzerland North", ["azure:germanywestcentral"]),
    ("just moved to dublin, any tips on an isp that doesn't keep dropping?", ["geo:IE-D"]),  # moving house
])
def test_the_place_a_user_moved_to_around_the_problem_is_not_tagged(tag, text, regions):
    assert sorted(tag(text)["regions"]) == regions


@pytest.mark.parametrize("text, regions", [
    ("Heel Amsterdam-Zuid zonder Netflix? Hier is alles zwart", ["geo:NL-NH"]),  # not Cameroon's South
    ("Storing bij KPN in Zuid-Limburg, internet ligt eruit", ["geo:NL-LI"]),  # the compass word goes, Limburg stays
    ("a Netflix caiu na quarta-feira à noite para todo mundo aqui", []),  # "feira" of the weekday
    ("KPN storing in Noord-Holland, internet ligt eruit", ["geo:NL-NH"]),  # a compound that is a name
])
def test_a_compass_word_or_a_word_joined_to_a_name_is_no_place_of_its_own(tag, text, regions):
    assert sorted(tag(text)["regions"]) == regions


@pytest.mark.parametrize("text, regions", [
    ("OCI Object Storage - Germany Central (Frankfurt) - Investigating: 503 errors on PUT", ["geo:DE-HE"]),
    ("IBM Cloud Object Storage - us-south (Dallas) - Investigating: elevated latency", ["geo:US-TX"]),
])
def test_a_place_in_brackets_is_the_narrower_place_the_region_is_in(tag, text, regions):
    assert sorted(tag(text)["regions"]) == regions


@pytest.mark.parametrize("text, source, regions", [
    ("hetzner cloud servers in falkenstein lost network", None, ["geo:DE-SN"]),
    ("Investigating - an issue with Droplet creation in our NYC3 region", "statuspage:status.digitalocean.com",
     ["geo:US-NY"]),
    ("[Résolu] Incident OVHcloud Public Cloud - instances GRA11 de nouveau accessibles", None, ["geo:FR-59"]),
    ("Linode Fremont DC dropping packets again, half our nodes are unreachable", None, ["geo:US-CA"]),
    ("linode in newark has been flaky all evening, instances keep rebooting", None, ["geo:US-NJ"]),
    ("stuck at newark airport, the wifi is down", None, []),  # no Linode: no data centre
    ("new firmware for my falkenstein castle lego set is out", None, []),  # no Hetzner: no data centre
    ("our NYC3 team is hiring, the office is down the street", None, []),  # no DigitalOcean
])
def test_a_providers_data_centre_places_the_text_when_the_provider_is_named(tag, text, source, regions):
    assert sorted(tag(text, source=source)["regions"]) == regions


@pytest.mark.parametrize("text, region", [
    ("Störung bei Microsoft Azure: Dienste in Westeuropa gestört", "azure:westeurope"),
    ("Storing opgelost: Azure Virtual Machines in West-Europa waren niet bereikbaar", "azure:westeurope"),
    ("Azure en panne en Europe du Nord, nos VM ne démarrent plus", "azure:northeurope"),
])
def test_a_providers_region_named_in_another_language_is_that_region(tag, text, region):
    assert tag(text)["regions"] == [region]


def test_a_region_name_in_another_language_without_the_provider_is_no_place(tag):
    assert tag("Westeuropa hat heute Sturm, überall Stromausfälle")["regions"] == []
