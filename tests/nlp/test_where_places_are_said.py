"""Places as people who never read the rules write them: a city inside a run of Japanese or
Korean text with the particle that says "in", a region name right after full-width brackets,
and the look-alikes that are no place at all (a service's "US region", a time zone, a US state
code inside Italian). Hand-written cases; `outagewatch tag --explain` says each reason."""

from __future__ import annotations

import json

import pytest

from tests.clihelp import cli


@pytest.mark.parametrize("text, region", [
    ("広島市内で雪が積もってる、電車も遅れてる", "geo:JP-34"),  # "within Hiroshima city": snow, no service
    ("대구에서 비 엄청 오네 우산 챙기세요", "geo:KR-27"),  # "in Daegu": weather, nothing broken
    ("인천 쪽 정전이래요 아파트 전체 깜깜", "geo:KR-28"),  # "the Incheon side"
    ("울산 남구 신호등 다 꺼졌어요", "geo:KR-31"),  # the city, then one of its districts
])
def test_a_city_in_cjk_text_followed_by_a_word_for_in_is_where_the_text_is_set(tag, text, region):
    assert tag(text)["regions"] == [region]


def test_a_cjk_city_inside_a_longer_word_without_such_a_particle_stays_unsaid(tag):
    # No outage, no service, and nothing says the city is where the text is set.
    assert tag("広島風のお好み焼きを作ってみた")["regions"] == []


@pytest.mark.parametrize("text, region", [
    ("［調査中］Japan West リージョンで Azure Cosmos DB への接続に失敗しています", "azure:japanwest"),
    ("【復旧済み】Japan East リージョンの Azure Functions の遅延は解消しました", "azure:japaneast"),
])
def test_a_region_name_right_after_full_width_brackets_is_read(tag, text, region):
    assert tag(text, source="statuspage:status.azure.com")["regions"] == [region]


@pytest.mark.parametrize("text", [
    "Identified - Webhook deliveries delayed for workspaces in the US region. A fix is rolling out.",
    "Investigating - Some users in EU cells cannot sign in; US cells are unaffected.",
    "Degraded performance for jobs scheduled in the US service region",
])
def test_a_service_instance_named_by_a_country_code_is_no_place(tag, text):
    assert tag(text, source="statuspage:status.example.com")["regions"] == []


def test_a_provider_region_named_after_a_place_in_full_is_still_the_place(tag):
    # A provider without catalog regions whose region is named in full: where its data centre is.
    assert tag("Linode instances in the Singapore region unreachable since 09:00")["regions"] == ["geo:SG"]


@pytest.mark.parametrize("text", [
    "Manutenção do Teams amanhã das 1h às 3h (horário de Brasília)",
    "La mise à jour de Slack commence à 22h, heure de Paris",
    "Discord maintenance starts 02:00 Tokyo time",
])
def test_a_time_zone_named_after_a_place_is_no_place(tag, text):
    assert tag(text)["regions"] == []


@pytest.mark.parametrize("text", [
    "Microsoft lancia un nuovo assistente di IA dentro Teams",  # Italian "IA" is AI, not Iowa
    "Google presenta herramientas de IA para Gmail en NS",  # Spanish
    "Storing bij de NS-app: reisplanner geeft geen tijden",  # Dutch railways, not Nova Scotia
])
def test_a_us_state_code_in_capitals_is_read_only_in_english(tag, text):
    assert not [r for r in tag(text)["regions"] if r[:7] in ("geo:US-", "geo:CA-")]


def test_a_us_state_code_in_english_is_still_the_state(tag):
    assert tag("Comcast internet down across Houston, TX since noon")["regions"] == ["geo:US-TX"]
    assert tag("Verizon outage in PA all morning")["regions"] == ["geo:US-PA"]  # Pennsylvania, not Pará


@pytest.mark.parametrize("text, region", [
    ("o app do banco travou aqui em SP, ninguém consegue pagar", "geo:BR-SP"),
    ("internet da Vivo caiu de novo no RJ, alguém mais?", "geo:BR-RJ"),
    ("servidor de PA do jogo com lag absurdo hoje", "geo:BR-PA"),  # Pará, not Pennsylvania, in Portuguese
])
def test_a_brazilian_state_code_in_portuguese_is_the_state(tag, text, region):
    assert tag(text)["regions"] == [region]


def test_explain_says_why_each_of_these_places_was_or_was_not_tagged():
    stdin = "\n".join([
        "広島市内で雪が積もってる、電車も遅れてる",
        json.dumps({"text": "Identified - Webhooks delayed in the US region.", "source": "statuspage:status.example.com"}),
        "Manutenção do Teams amanhã (horário de Brasília)",
        "Microsoft lancia un nuovo assistente di IA dentro Teams",
    ]).encode()
    proc = cli("tag", "--json", "--explain", input=stdin, check=False)
    assert proc.returncode == 0, proc.stderr
    said, instance, zone, code = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]

    def places(out):
        return [(d["text"], d["tagged"], d["rule"]) for d in out["explain"]["decisions"] if d["what"] == "place"]

    assert places(said) == [("広島市", True, "a place in the gazetteer")]
    assert places(instance) == [("US", False, "a service's instance named by a country's short code "
                                 "(\"the US region\", \"US cells\"), no place")]
    assert [p[1:] for p in places(zone)] == [(False, "a time zone (\"horário de Brasília\", \"Tokyo time\"), no place")]
    assert places(code) == [("IA", False, "a state code in a text not in its country's language (\"IA\" is AI in "
                             "Italian, \"SP\" São Paulo only in Portuguese)")]


@pytest.mark.parametrize("text, region", [
    ("Falha no Google Cloud derruba sites hospedados na Alemanha", "geo:DE"),  # a country beside a provider: the place
    ("Awaria Azure w Niemczech, Microsoft bada przyczynę", "geo:DE"),
    ("Google Cloud baut neue Rechenzentren in Baden-Württemberg", "geo:DE-BW"),  # a province, not a region
])
def test_a_country_or_province_beside_a_provider_is_the_place_not_its_region(tag, text, region):
    assert tag(text)["regions"] == [region]


@pytest.mark.parametrize("text, region", [
    ("la región de AWS en España lleva una hora con errores", "aws:eu-south-2"),  # said as its region
    ("AWS São Paulo com erros no S3 desde cedo", "aws:sa-east-1"),  # a city beside its provider is the region
    ("Azure Poland Central timeouts since 10:00, no word from Microsoft", "azure:polandcentral"),
])
def test_a_region_said_as_one_or_a_city_beside_its_provider_is_still_the_region(tag, text, region):
    assert tag(text)["regions"] == [region]


def test_a_country_around_a_region_named_in_the_text_adds_nothing(tag):
    assert tag("eu-west-1 throwing 500s on DynamoDB, anyone else in Ireland?")["regions"] == ["aws:eu-west-1"]


@pytest.mark.parametrize("text, region", [
    ("Cosmos DB in eu-west-2 down for an hour; our read replica in eu-west-1 kept us going", "aws:eu-west-2"),
    ("Lambda in ap-northeast-1 errors all morning, DR in ap-northeast-3 took the traffic", "aws:ap-northeast-1"),
    ("Google Cloud Storage a Torino in errore da stamattina, per fortuna la replica su Milano regge",
     "gcp:europe-west12"),
])
def test_where_a_standby_copy_is_kept_is_not_where_the_problem_is(tag, text, region):
    assert tag(text)["regions"] == [region]


def test_a_place_the_writer_switched_to_is_not_where_the_problem_is(tag):
    out = tag("Battle.net downloads stuck at 0 B/s, changed region to Frankfurt, still nothing")
    assert out["regions"] == []


@pytest.mark.parametrize("text", [
    "Zoom meetings failing to start for users across North America",
    "Spotify down for users in South America since noon",
])
def test_a_compass_word_that_begins_a_longer_name_is_no_place(tag, text):
    assert not [r for r in tag(text)["regions"] if r not in ("geo:US",)]


def test_explain_names_the_country_beside_a_provider_and_the_standby_copy():
    stdin = "\n".join([
        "Awaria Azure w Niemczech, Microsoft bada przyczynę",
        "Cosmos DB in eu-west-2 down for an hour; our read replica in eu-west-1 kept us going",
    ]).encode()
    proc = cli("tag", "--json", "--explain", input=stdin, check=False)
    assert proc.returncode == 0, proc.stderr
    country, replica = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    assert [(d["text"], d["tagged"], d["rule"]) for d in country["explain"]["decisions"] if d["what"] == "place"] == [
        ("Niemczech", True, "a country or province beside a provider, not said as its region: the place")]
    assert [(d["text"], d["tagged"]) for d in replica["explain"]["decisions"] if d["what"] == "region"] == [
        ("eu-west-2", True), ("eu-west-1", False)]
    assert "standby copy" in [d["rule"] for d in replica["explain"]["decisions"] if d["text"] == "eu-west-1"][0]


@pytest.mark.parametrize("text, region", [
    ("panne de box à Marseille depuis ce matin", "geo:FR-13"),  # its department, though not named after it
    ("panne de fibre à Nice depuis ce matin", "geo:FR-06"),
    ("sin internet en Medellín desde las 8", "geo:CO-ANT"),  # its department, from the state's name
    ("Çankaya'da internet kesintisi var mı?", "geo:TR-06"),  # a district of Ankara: the province
    ("仙台市内で停電", "geo:JP-04"),  # Sendai: Miyagi
])
def test_a_city_is_in_the_subdivisions_its_state_and_county_name(tag, text, region):
    assert tag(text)["regions"] == [region]


@pytest.mark.parametrize("text, region", [
    ("Azure: VMs no Sul do Brasil não sobem desde as 9h", "azure:brazilsouth"),
    ("Azure 한국 중부 리전에서 VM 접속 불가", "azure:koreacentral"),
    ("Azure Deutschland West-Mitte: Storage-Timeouts seit dem Morgen", "azure:germanywestcentral"),
    ("［調査中］Azure の韓国中部リージョンで接続エラーが発生しています", "azure:koreacentral"),
    ("Azure Canada Est : redémarrages en boucle des machines virtuelles", "azure:canadaeast"),
])
def test_a_region_named_as_other_languages_write_it_is_that_region(tag, text, region):
    assert tag(text)["regions"] == [region]  # and not also the country its name begins with


def test_a_localized_region_name_without_its_provider_is_no_region(tag):
    assert not [r for r in tag("chuva forte no Sul do Brasil derruba energia")["regions"] if r.startswith("azure:")]


@pytest.mark.parametrize("text, region", [
    ("ciemne chmury nad Poznaniem, zaraz burza", "geo:PL-30"),  # "over Poznań": weather, no service
    ("regnigt och grått över Malmö hela dagen", "geo:SE-M"),
    ("un arcobaleno enorme sopra Torino stasera", "geo:IT-TO"),
])
def test_a_place_said_with_over_is_where_the_text_is_set(tag, text, region):
    assert tag(text)["regions"] == [region]


@pytest.mark.parametrize("text, region", [
    ("Lambda in us-east-2 timing out since 10:00. Same deploy in us-west-2 is clean.", "aws:us-east-2"),
    ("Azure Sweden Central: VM-y nie startują. W North Europe bez problemu.", "azure:swedencentral"),
])
def test_a_region_said_clean_or_without_a_problem_beside_a_failing_one_is_not_tagged(tag, text, region):
    assert tag(text)["regions"] == [region]


@pytest.mark.parametrize("text, region", [
    ("power's out across south Austin, traffic lights dark everywhere", "geo:US-TX"),  # a part of a place after "across"
    ("storm knocked out power to half of Charlotte overnight", "geo:US-NC"),
])
def test_a_part_of_a_place_after_in_or_across_still_says_the_place(tag, text, region):
    assert tag(text)["regions"] == [region]


def test_a_lower_case_compass_word_before_a_place_is_no_other_place_named_so(tag):
    # "East London" is a South African city; "east London" is a part of London.
    assert "geo:ZA-EC" not in tag("whole of east London lost broadband this morning")["regions"]
