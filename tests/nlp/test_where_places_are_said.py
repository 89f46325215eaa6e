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
    assert places(code) == [("IA", False, "a US, Canadian or Australian state code in a text not in English "
                             "(\"IA\" is AI in Italian and Spanish)")]
