"""The collectors name a cloud's own status feed "gcp-status:status.cloud.google.com" and "azure-status"
(collectors/statusapi.py, feeds.py): like "aws-health", the feed names its provider, so a region said
in the provider's own words there ("東日本リージョン", "大阪リージョン") is that provider's region. A city
after a clock time is a time zone only when it follows the time, not inside the next clause of a
Japanese sentence ("10:05〜10:50、大阪リージョンで")."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, source, providers, regions", [
    ("【復旧】東日本リージョンで発生していた仮想マシンの接続障害は、11月29日 15:40に復旧しました。", "azure-status",
     ["azure"], ["azure:japaneast"]),
    ("解決済み：11月27日 10:05〜10:50、大阪リージョンでCloud Storageのエラー率が上昇していました。", "gcp-status",
     ["gcp"], ["gcp:asia-northeast2"]),
    ("We are investigating elevated error rates for Cloud Storage in asia-northeast2.",
     "gcp-status:status.cloud.google.com", ["gcp"], ["gcp:asia-northeast2"]),
])
def test_a_clouds_own_status_feed_names_its_provider_and_its_regions(rules, text, source, providers, regions):
    tags = rules(text, source=source)
    assert tags["providers"] == providers and tags["regions"] == regions


@pytest.mark.parametrize("text, source", [
    ("Mantenimiento de 22:00 a 23:30 CDMX, la app no estará disponible", None),  # a time zone after the time
    ("東日本リージョンってどこにあるの？", None),  # no provider: a region's name alone is not guessed
])
def test_a_time_zone_and_a_region_name_without_its_provider_stay_no_place(rules, text, source):
    assert rules(text, source=source)["regions"] == []
