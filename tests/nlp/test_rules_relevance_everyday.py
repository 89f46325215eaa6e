"""The rules' own relevance on everyday posts in twelve languages, with no classifier behind them.

Hand-written texts (not from any evaluation set), each a user's story. The trained classifier
decides only where it is sure, so the rules decide every case it is not: they must read a
colloquial complaint ("ligger nere", "padł", "loopt vast", "먹통", "繋がらん") as a problem now,
a colloquial recovery ("doet het weer", "wrócił", "다시 됨", "復活した") as about an outage but
over, and a status page's all-clear or announced maintenance in any language as no outage.
"""

from __future__ import annotations

import pytest


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


@pytest.mark.parametrize("text", [
    "my mood crashed the moment I saw the bill",                               # one's mood
    "moralim çöktü bugün, hiçbir şey yolunda gitmiyor",                        # tr: my morale
    "storing in m'n hoofd vandaag, ik kan niks onthouden",                     # nl: in my head
    "la caída del dólar tiene a todos nerviosos",                              # es: a currency
    "awaria pralki w środku prania, woda wszędzie",                            # pl: the washing machine
    "the elevator is down again at work, stairs it is",                        # a household thing
    "風邪でダウン中、今日は休みます",                                                 # ja: down with a cold
    "英検落ちた、次は頑張る",                                                       # ja: failed an exam
    "ユニクロでダウンジャケット買った",                                                # ja: a down jacket
    "障害物競走で一位になった",                                                     # ja: an obstacle race
    "장애인 이동권 토론회가 열렸다",                                                  # ko: disabled people
    "멘탈 완전 먹통이야 오늘",                                                       # ko: my mind
])
def test_an_outage_word_said_of_a_person_a_market_or_a_thing_is_no_outage(rules, text):
    result = rules(text)
    assert result["relevant"] is False and result["ongoing"] is False, result


def test_the_same_thing_beside_a_named_service_is_where_it_fails(rules):
    result = rules("spotify en el coche se desconecta cada rato, en casa va bien")
    assert result["relevant"] is True and result["ongoing"] is True, result


@pytest.mark.parametrize("text", [
    "Inga kända problem hos Spotify just nu",                                  # sv: no known problems
    "geen storingen bij Ziggo op dit moment",                                  # nl: no outages
    "nessun problema con WhatsApp oggi",                                       # it
    "Todos los servicios de Steam en Europa funcionan con normalidad",         # es: an all-clear, words between
])
def test_no_problem_said_in_other_languages_is_no_outage(rules, text):
    result = rules(text)
    assert result["relevant"] is False and result["ongoing"] is False, result


@pytest.mark.parametrize("text", [
    "hepsiburada düzeldi, sepettekileri aldım",                                # tr: a shop the catalog lacks
    "Rabobank app weer in de lucht, overboeking gelukt",                       # nl
    "Allegro już śmiga, zamówienie przeszło",                                  # pl
])
def test_a_service_working_again_in_everyday_words_is_about_an_outage_whatever_its_name(rules, text):
    result = rules(text)
    assert result["relevant"] is True and result["ongoing"] is False, result


@pytest.mark.parametrize("text", [
    "die Kaffeemaschine funktioniert wieder nach dem Entkalken",               # a household thing
    "ya funciona la lavadora nueva, adiós lavandería",
    "hava düzeldi sonunda, pikniğe gidiyoruz",                                 # the weather
    "the statue in the park was restored last year",                           # a generic recovery word
])
def test_a_thing_working_again_is_no_outage(rules, text):
    result = rules(text)
    assert result["relevant"] is False, result


def test_a_power_cut_that_took_the_internet_is_a_network_outage(rules):
    assert rules("Stromausfall in Köln-Ehrenfeld, Internet weg, Hotline besetzt")["relevant"] is True
    assert rules("power outage on our street since noon, candles out")["relevant"] is False


def test_no_signal_in_one_city_while_another_is_fine_is_a_network_outage(rules):
    assert rules("a Torino niente segnale da stamattina, a Genova invece tutto normale")["relevant"] is True
    assert rules("no signal up here in the mountains, back on monday")["relevant"] is False


@pytest.mark.parametrize("text, relevant, ongoing", [
    ("X'e erişimde sorun: kullanıcılar gönderi paylaşamıyor", True, True),    # tr: a problem accessing X
    ("Merhaba! Oturum açma sorunu giderildi, tekrar bağlanabilirsin", True, False),  # tr: the problem is resolved
    ("Kullanıcı raporları Instagram'da şu anda bir sorun olmadığını gösteriyor", False, False),  # tr: no problem now
    ("Uber et Lyft n'affichent aucune voiture depuis une heure", True, True),  # fr: "aucune" after its verb
    ("In Wien geht bei Uber gar nix", True, True),                             # de: "nix" after its verb
    ("Azure 한국 중부 리전 VM 응답 없음", True, True),                               # ko: no response
])
def test_more_ways_to_say_it_in_other_languages(rules, text, relevant, ongoing):
    result = rules(text)
    assert (result["relevant"], result["ongoing"]) == (relevant, ongoing), result
