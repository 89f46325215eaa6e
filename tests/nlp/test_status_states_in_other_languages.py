"""A status page's component state or stage, as it titles one in its reader's language, is a problem going
on: "Prestazioni ridotte: ...", "Beeinträchtigte Leistung - ...", "Performans düşüşü - ...", "Monitorujemy -
...", "İzleniyor - ...", "Övervakar - ..."; and a component degraded beside others said operational is still
degraded ("Jira Cloud — Degraded performance. ... Confluence is operational.").

Hand-written texts, each a user's story (not from any evaluation set); the rules alone are asked.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "Prestazioni ridotte: API di Stripe. Alcuni pagamenti potrebbero non riuscire.",          # it
    "Beeinträchtigte Leistung - Einige Nutzer können keine Dateien in Dropbox hochladen.",    # de
    "Performans düşüşü - Azure Kuzey Avrupa'da sanal makine dağıtımları gecikiyor.",          # tr
    "Försämrad prestanda: GitHub Actions – vissa jobb startar långsamt.",                     # sv
    "Monitorujemy - Wdrożyliśmy poprawkę dla błędów logowania w Slacku.",                     # pl: monitoring
    "İzleniyor - Discord mesaj gecikmeleri için düzeltme uygulandı.",                         # tr: monitoring
    "Övervakar - En åtgärd har införts för försenade notiser i Teams.",                       # sv: monitoring
    "Atlassian: Bitbucket — Degraded performance. Some pushes are slow. Jira is operational.",  # the others fine
])
def test_a_status_state_in_the_readers_language_is_a_problem_now(rules, text):
    result = rules(text)
    assert result["relevant"] is True and result["ongoing"] is True, result


@pytest.mark.parametrize("text", [
    "Bitbucket - Operational. Jira - Operational. Confluence - Operational.",                  # all clear
    "Le prestazioni ridotte del mio portatile mi stanno facendo impazzire, devo cambiarlo",     # a laptop
])
def test_all_clear_or_a_state_word_in_a_sentence_is_no_problem_now(rules, text):
    result = rules(text)
    assert result["ongoing"] is False, result
