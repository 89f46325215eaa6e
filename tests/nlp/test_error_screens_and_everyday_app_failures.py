"""The everyday failures of apps, banks and shops as their users quote them, without an outage word: the generic
error screen every app shows, in each language ("something's gone wrong", "algo salió mal", "något gick fel", "bir
şeyler ters gitti"), a request or payment the app could not process ("no pudimos procesar tu pago", "we kunnen je
verzoek nu niet verwerken"), money that never arrives ("o pix não caiu na conta"), customers locked out of an app;
and the weak words said of a screen, a session or a page ("is frozen", "session expired", "page not found"): a
problem beside a named service, nothing on their own.

Hand-written texts, each a user's story (not from any evaluation set). The rules alone are asked.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "Monzo app just says 'sorry, something's gone wrong' every time I open it",               # en: the error screen
    "la app del Santander me dice 'algo salió mal' cada vez que intento pagar",               # es
    "o app do Inter só mostra 'algo deu errado', não consigo ver o saldo",                   # pt
    "Handelsbanken-appen visar 'något gick fel' vid varje inloggning",                       # sv
    "Garanti uygulaması 'bir şeyler ters gitti' diyor, ödeme yapamıyorum",                   # tr
    "Ualá me tira 'no pudimos procesar tu pago' en el súper, tres veces ya",                 # es: not processed
    "ING app zegt 'we kunnen je verzoek nu niet verwerken', al de hele middag",             # nl: not processed
    "mandei um pix faz uma hora e não caiu na conta, o app diz em processamento",           # pt: money not arriving
    "Nationwide customers locked out of banking app on payday",                              # en: locked out
])
def test_a_quoted_error_screen_of_an_unnamed_app_is_an_outage_now(rules, text):
    result = rules(text)
    assert result["relevant"] is True and result["ongoing"] is True, result


@pytest.mark.parametrize("text", [
    "something went wrong with my sourdough again, flat as a pancake",                       # no app, a loaf
    "locked out of my house again, spare key is at my mum's",                               # a door
    "algo salió mal en la cena, se me quemó el arroz",                                       # a dinner
    "my session expired at the gym, the trainer left early",                                 # a gym session
    "page not found: the chapter my teacher wanted was torn out of the book",                # a book
])
def test_the_same_words_about_no_service_are_no_outage(rules, text):
    result = rules(text)
    assert result["relevant"] is False and result["ongoing"] is False, result


@pytest.mark.parametrize("text, symptom", [
    ("peloton screen frozen on the leaderboard again, class audio still going", "problems"),
    ("linkedin keeps saying session expired, logged in five times this morning", "problems"),
])
def test_a_weak_screen_word_beside_a_named_service_is_its_problem_now(rules, text, symptom):
    result = rules(text)
    assert result["ongoing"] is True and symptom in result["symptoms"], result


@pytest.mark.parametrize("text", [
    "みずほのアプリ、ログインすると「ただいま混み合っております」しか出ない",                     # ja: congested
    "Siriに話しかけても「接続に問題があります」しか言わない",                                       # ja: connection problem
    "카카오뱅크 앱 로그인하면 하얀 화면만 떠요",                                                    # ko: a white screen
    "챗GPT 계속 과부하라고 하면서 대답을 안 해줌",                                                  # ko: overloaded
])
def test_what_a_japanese_or_korean_app_says_when_it_fails_is_an_outage_now(tag, text):
    result = tag(text)
    assert result["relevant"] is True and result["ongoing"] is True, result


@pytest.mark.parametrize("text", [
    "EE 4G dead across Newcastle today, whole network gone",                                   # two capitals + 4G
    "Leeds has lost BT broadband, our whole street",                                            # BT + broadband
    "Utrechters, doet KPN het bij jullie? hier ligt alles plat",                               # nl: all down
])
def test_short_named_carriers_and_everything_down_are_an_outage_now(rules, text):
    result = rules(text)
    assert result["relevant"] is True and result["ongoing"] is True, result


@pytest.mark.parametrize("text", [
    "the EE campaign ad is everywhere this week",                                                # EE, nothing sold
    "BT Sport pundits were dead wrong about the final",                                          # BT, a channel
])
def test_the_same_letters_about_no_network_are_no_outage(rules, text):
    result = rules(text)
    assert result["ongoing"] is False, result


@pytest.mark.parametrize("text", [
    "allegro się wysypało przy płatności, kasa zeszła a zamówienia nie ma",                   # pl: crashed, no order
    "paid on the app and the order just disappeared, money gone",                              # en: order vanished
    "paguei no app e o pedido sumiu, dinheiro saiu da conta",                                  # pt
])
def test_an_app_that_crashed_or_an_order_that_vanished_is_an_outage_now(rules, text):
    result = rules(text)
    assert result["relevant"] is True and result["ongoing"] is True, result


def test_sugar_spilt_is_no_crash(rules):
    result = rules("cukier się wysypał na podłogę, sprzątam")
    assert result["relevant"] is False and result["ongoing"] is False, result
