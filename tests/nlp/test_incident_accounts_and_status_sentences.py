"""A status page's account of an incident once it is over, as its heading names it in each language ("Summary of
impact:", "Résumé de l'impact :", "Zusammenfassung der Auswirkungen:", "Etki özeti:", "影響の概要:", "Incident
report:"), and a problem told within a closed window of clock times ("Between 08:40 and 11:15 UTC", "entre 14h05 et
15h30", "10:00 ile 11:30 arasında", "03:10 から 04:25 の間"): relevant, not ongoing, even where the account names the
root cause. Status stages written as sentences in Dutch, Polish, Swedish, Turkish, Italian and Korean ("Technici hebben
de oorzaak vastgesteld en werken aan herstel", "Åtgärden har tillämpats och vi övervakar", "... został rozwiązany",
"문제를 조사하고 있습니다"). A maintenance window said with "zwischen", "tra", "między" is announced maintenance.

Hand-written texts, each a user's story (not from any evaluation set). The rules alone are asked.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, source", [
    ("Summary of impact: Between 13:20 and 14:05 UTC on 3 Dec, customers using Azure Cosmos DB in North Europe "
     "experienced request timeouts.", "azure-status"),
    ("Résumé de l'impact : entre 09h10 et 10h40 UTC, des clients d'Azure Functions en Suisse Nord ont rencontré "
     "des erreurs 503.", "azure-status"),
    ("Zusammenfassung der Auswirkungen: Zwischen 16:02 und 16:50 UTC kam es bei Azure Storage in Germany North "
     "zu Zeitüberschreitungen.", "azure-status"),
    ("Resumo do impacto: entre 11:00 e 12:15 UTC, clientes do Azure Cosmos DB no Sul do Brasil tiveram falhas.",
     "azure-status"),
    ("Etki özeti: 4 Aralık 08:00 ile 09:10 UTC arasında Azure App Service kullanan müşteriler hatalarla karşılaştı.",
     "azure-status"),
    ("影響の概要: 12 月 2 日 05:00 から 05:40 (UTC) の間、西日本リージョンの Azure Storage でエラーが発生しました。",
     "azure-status"),
    ("Incident report: Pub/Sub delivery delays. On 2 December, Pub/Sub delivered messages late for 48 minutes. "
     "Root cause and remediation below.", "gcp-status"),
    ("Summary of impact: On 1 December, Cloud Run deployments in europe-west1 failed for 1 hour 5 minutes. Root "
     "cause was a faulty rollout of the control plane.", "gcp-status"),
    ("Webhook deliveries failed between 14:10 and 14:55 UTC for some repositories.", "statuspage:www.githubstatus.com"),
])
def test_an_incident_told_after_it_ended_is_about_an_outage_not_now(rules, text, source):
    result = rules(text, source=source)
    assert result["relevant"] is True and result["ongoing"] is False, result


@pytest.mark.parametrize("text, source", [
    # near misses: the window still open, or the problem said to go on beside it
    ("Investigating - Since 13:20 UTC customers using Azure Cosmos DB in North Europe are experiencing timeouts.",
     "azure-status"),
    ("Between 13:20 and 13:50 UTC error rates rose; we are still seeing elevated errors and continue to investigate.",
     "statuspage:status.example.com"),
    ("Update: Azure Virtual Machines - Noord-Europa. Technici hebben de oorzaak vastgesteld en werken aan herstel.",
     "azure-status"),
    ("Uppdatering: Azure SQL Database – Sweden Central. Åtgärden har tillämpats och vi övervakar.", "azure-status"),
    ("asia-northeast1의 Cloud Run 배포 실패 문제를 조사하고 있습니다.", "gcp-status"),
    ("Aktualizacja: Azure Storage — Poland Central. Zidentyfikowaliśmy przyczynę i wdrażamy poprawkę.",
     "azure-status"),
])
def test_an_incident_still_open_is_ongoing(rules, text, source):
    result = rules(text, source=source)
    assert result["relevant"] is True and result["ongoing"] is True, result


@pytest.mark.parametrize("text, source", [
    ("Problem z Cloud SQL w regionie europe-central2 (Warszawa) został rozwiązany.", "gcp-status"),
    ("Het probleem met Cloud Storage in europe-west4 is opgelost.", "gcp-status"),
    ("Sorun giderildi: Batı Avrupa'daki Azure Functions hataları çözüldü.", "azure-status"),
])
def test_a_resolved_stage_written_as_a_sentence_is_not_now(rules, text, source):
    result = rules(text, source=source)
    assert result["relevant"] is True and result["ongoing"] is False, result


@pytest.mark.parametrize("text", [
    "Wartungsarbeiten: Am Samstag zwischen 02:00 und 04:00 Uhr ist das Kundenportal nicht erreichbar.",
    "Manutenzione programmata: l'app della banca non sarà disponibile tra le 01:00 e le 03:00.",
    "Prace serwisowe: bankowość internetowa niedostępna między 1:00 a 3:00 w nocy.",
])
def test_maintenance_announced_with_its_window_is_no_outage(rules, text):
    result = rules(text)
    assert result["relevant"] is False and result["ongoing"] is False, result


@pytest.mark.parametrize("text", [
    "BBC website was knocked offline by DDoS attack, broadcaster says",
    "Roblox was down for 7 hours; company blamed a backend database",
    "DigiD was urenlang onbereikbaar door een DDoS-aanval",                       # nl
    "DB-Navigator-App war stundenlang gestört",                                   # de
    "Le site de la CAF a été inaccessible pendant plusieurs heures lundi",        # fr
    "Il sito dell'INPS è stato irraggiungibile per tutta la mattina",            # it
    "PayPal outage left users unable to send money for two hours",
    "Google Drive outage locked users out of their files for three hours",
    "KDDI、全国で発生した通信障害から復旧",                                          # ja: recovered from
    "LG유플러스 인터넷 장애…서울 일부 지역 2시간 먹통",                                 # ko: down for two hours
])
def test_a_headline_in_the_past_tense_is_about_an_outage_not_now(rules, text):
    result = rules(text)
    assert result["relevant"] is True and result["ongoing"] is False, result


@pytest.mark.parametrize("text", [
    # near misses: a problem now, an error's own words, an everyday failure just now, a second hour going on
    "BBC website is down again after a DDoS attack",
    "shopify checkout giving 'there was a problem with our checkout' on every store",
    "uber eats says my order was delivered. it was not delivered and the app won't open a chat",
    "venmo payment pending for 2 hours, money already left my bank",
    "카카오톡 2시간째 먹통",
    "Roblox was down all morning and is still down for me",
])
def test_a_problem_still_going_on_or_just_now_is_ongoing(rules, text):
    result = rules(text)
    assert result["ongoing"] is True, result
