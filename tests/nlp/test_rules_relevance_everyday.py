"""The rules' own relevance on everyday posts in twelve languages, with no classifier behind them.

Hand-written texts (not from any evaluation set), each a user's story. The trained classifier
decides only where it is sure, so the rules decide every case it is not: they must read a
colloquial complaint ("ligger nere", "padł", "loopt vast", "먹통", "繋がらん") as a problem now,
a colloquial recovery ("doet het weer", "wrócił", "다시 됨", "復活した") as about an outage but
over, and a status page's all-clear or announced maintenance in any language as no outage.
"""

from __future__ import annotations

import pytest

from outagewatch.nlp import Tagger


@pytest.fixture(scope="module")
def rules():
    tagger = Tagger(relevance_model=False)

    def run(text: str, source: str | None = None) -> dict:
        return tagger.tag_text(text, source=source)

    return run


@pytest.mark.parametrize("text", [
    "Spotify nere för alla? ingen musik sen lunch",                            # sv: down
    "discord har pajat helt, kommer inte in i röstkanalen",                    # sv: broken
    "spotify hänger sig vid varje låt idag",                                   # sv: hangs
    "instagram leży? nic się nie ładuje od rana",                              # pl: lies (is down)
    "discord padł, nikt nie może wejść na kanał",                              # pl: fell (went down)
    "teams się zawiesił w połowie spotkania",                                  # pl: froze
    "youtube loopt vast bij elke video, echt irritant",                        # nl: gets stuck
    "betalen via paypal mislukt steeds, er ging iets mis",                     # nl: fails, something went wrong
    "netflix mi butta fuori dall'account ogni sera",                           # it: throws me out
    "la fibra di fastweb è in tilt da stamattina",                             # it: broken
    "instagram me saca de la cuenta cada cinco minutos",                       # es: logs me out
    "o spotify fica preso em carregando desde cedo",                           # pt: stuck
    "discord tourne dans le vide depuis une heure",                            # fr: spins
    "netflix açılış ekranında takılı kaldı, dizi başlamıyor",                  # tr: stuck
    "Spotify zickt rum, jeder Song bricht nach zehn Sekunden ab",              # de: plays up
    "넷플 또 먹통이네 아무것도 안 나와",                                           # ko: dead
    "롤 서버 터졌냐 게임 중에 계속 튕김",                                           # ko: server blew up, kicked out
    "ディスコード繋がらん、通話できない",                                            # ja: won't connect
    "zoomが固まって会議に入れない",                                               # ja: froze, can't get in
])
def test_an_everyday_complaint_is_a_problem_now(rules, text):
    result = rules(text)
    assert result["relevant"] is True and result["ongoing"] is True, result


@pytest.mark.parametrize("text", [
    "swish hänger sig vid betalningen, står bara och snurrar",                 # sv: a brand the catalog lacks
    "bunq-app blijft laden bij het inloggen",                                  # nl
    "trendyol ödeme ekranında takılı kaldı",                                   # tr
    "카뱅 앱 계속 튕김 송금 안 됨",                                                  # ko
])
def test_a_complaint_about_an_app_or_payment_names_a_failing_service_the_catalog_lacks(rules, text):
    result = rules(text)
    assert result["relevant"] is True and result["ongoing"] is True, result


@pytest.mark.parametrize("text", [
    "mi si è bloccato il collo dormendo storto",                               # it: my neck got stuck
    "lillebror hänger sig fast i benet när jag ska gå",                        # sv: hangs on to my leg
    "kafam o şarkıya takıldı, sabahtan beri söylüyorum",                       # tr: a song stuck in my head
])
def test_the_same_verbs_said_of_a_person_or_a_thing_are_no_outage(rules, text):
    result = rules(text)
    assert result["relevant"] is False and result["ongoing"] is False, result


@pytest.mark.parametrize("text", [
    "1password syncing again, panic over",                                     # en: a service verb, then "again"
    "Spotify znowu gra, wszystko ok",                                          # pl: "again" before it
    "gmail funciona otra vez, me llegaron los correos",                        # es
    "whatsapp doet het weer, berichten komen aan",                             # nl
    "ChatGPT wrócił, odpowiada normalnie",                                     # pl
    "netflix har löst sig, kunde se klart",                                    # sv
    "whatsapp ha ripreso a funzionare dopo un'ora",                            # it
    "discord geri geldi, ses kanalları açık",                                  # tr
    "디코 다시 됨 ㅎㅎ 통화 잘 됨",                                                 # ko
    "PSN復活した！やっと遊べる",                                                   # ja
])
def test_an_everyday_recovery_is_about_an_outage_but_over(rules, text):
    result = rules(text)
    assert result["relevant"] is True and result["ongoing"] is False, result


@pytest.mark.parametrize("text", [
    "robinhood app frozen again, can't sell anything",                         # a failure verb, again
    "a netflix fica pedindo pra entrar de novo toda hora",                     # asked to log in again
])
def test_a_failure_again_is_no_recovery(rules, text):
    assert "recovered" not in rules(text)["symptoms"]


@pytest.mark.parametrize("text, source", [
    ("Alle Komponenten betriebsbereit.", "statuspage:status.sentry.io"),
    ("Tous les systèmes sont opérationnels", "statuspage:status.notion.so"),
    ("Tüm sistemler çalışır durumda", "statuspage:status.canva.com"),
    ("Wszystkie systemy działają prawidłowo", None),
    ("Alla system fungerar normalt", "statuspage:status.dropbox.com"),
    ("すべてのシステムが正常に稼働しています", "statuspage:status.notion.so"),
    ("모든 시스템 정상 작동 중", None),
])
def test_an_all_clear_in_any_language_is_no_outage(rules, text, source):
    result = rules(text, source)
    assert result["relevant"] is False and result["ongoing"] is False, result


@pytest.mark.parametrize("text", [
    "Planerat underhåll: söndag 02:00–04:00 kan appen vara otillgänglig.",
    "Planlı bakım: sunucu 5 Aralık 04:00-08:00 arası kapalı olacak.",
    "Planowana konserwacja w niedzielę, panel będzie niedostępny przez godzinę.",
    "[정기 점검] 12월 11일 06:00~10:00 서버 점검이 진행됩니다.",
    "【定期メンテナンス】12/3 2:00〜4:00 一部機能がご利用いただけません",
])
def test_announced_maintenance_in_any_language_is_no_outage(rules, text):
    result = rules(text)
    assert result["relevant"] is False and result["ongoing"] is False, result


def test_an_all_clear_beside_a_problem_is_still_a_report(rules):
    result = rules("Not all systems operational: the API is down for EU customers", "statuspage:status.stripe.com")
    assert result["relevant"] is True and result["ongoing"] is True, result
