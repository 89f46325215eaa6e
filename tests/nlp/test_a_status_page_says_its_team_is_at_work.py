"""User stories: a status page's update that says its team is at work on the incident, in the words other
languages' pages use ("Nos équipes enquêtent", "I tecnici sono al lavoro", "Zespół pracuje nad rozwiązaniem",
"Trwają prace nad usunięciem problemu", "üzerinde çalışıyoruz", "Takip ediyoruz", "vi har hittat orsaken ... och
genomför åtgärder", "Rollback in corso", "対応を進めています", "Engineers are handling it", "Identificato - ..."):
an incident going on (investigating, identified or monitoring). The near miss: the same team said done ("...
has been resolved")."""

from __future__ import annotations

import pytest

STATUS = "status:status.example.com"


@pytest.mark.parametrize("text", [
    "Certains clients ne peuvent pas se connecter à l'espace client. Nos équipes enquêtent.",
    "Stiamo riscontrando ritardi nelle notifiche push. I tecnici sono al lavoro.",
    "Obserwujemy problemy z płatnościami kartą. Zespół pracuje nad rozwiązaniem.",
    "Trwają prace nad usunięciem problemu z logowaniem do aplikacji.",
    "Mobil uygulamada giriş yavaşlığı üzerinde çalışıyoruz.",
    "Bazı kullanıcılar için bildirimler gecikiyor. Takip ediyoruz.",
    "Inloggning i appen: vi har hittat orsaken till felen och genomför åtgärder.",
    "Identificato - Errori 502 sulle API di pagamento per alcuni clienti. Rollback in corso.",
    "API のレスポンスが遅延しています。対応を進めています。",
    "Object storage in the Singapore region is seeing elevated latency. Engineers are handling it.",
])
def test_a_status_update_that_says_its_team_is_at_work_is_going_on(rules, text):
    result = rules(text, source=STATUS)
    assert result["relevant"] is True and result["ongoing"] is True


def test_the_same_team_said_done_is_over(rules):
    result = rules("Il problema con le notifiche push è stato risolto. Grazie ai tecnici per il lavoro.", source=STATUS)
    assert result["ongoing"] is False
