"""A post that says what broke and, for contrast, what still works names the second only as the contrast:
the service with the problem is what it is about. A post where everything works keeps every name."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, about, works", [
    ("Outlook non scarica la posta, \"impossibile connettersi al server\" da stamattina. Gmail invece va",
     "outlook", "gmail"),
    ("Outlook maillerim gelmiyor, Gmail'de sorun yok", "outlook", "gmail"),
    ("prime video stuck at 5% loading on the firestick. youtube plays 4k", "amazon-prime-video", "youtube"),
    ("Telegram bloccato su 'Connessione in corso...' da venti minuti. WhatsApp va.", "telegram", "whatsapp"),
    ("Jira Software - Degraded Performance. Confluence - Operational.", "atlassian/jira", "atlassian/confluence"),
])
def test_the_service_said_to_work_beside_a_broken_one_is_only_the_contrast(tag, text, about, works):
    services = tag(text)["services"]
    assert about in services and works not in services


def test_a_service_that_works_but_then_has_its_own_problem_keeps_its_name(tag):
    services = tag("messenger messages won't send. facebook itself loads but notifications are frozen")["services"]
    assert {"messenger", "facebook"} <= set(services)


def test_every_service_working_keeps_them_all(tag):
    services = tag("All systems operational. Jira Software - Operational. Confluence - Operational.")["services"]
    assert {"atlassian/jira", "atlassian/confluence"} <= set(services)


def test_two_services_back_again_are_both_the_recovery(tag):
    services = tag("Outlook and Teams work again after the outage this morning")["services"]
    assert {"outlook", "teams"} <= set(services)


def test_the_source_service_is_never_the_contrast(tag):
    services = tag("Gmail works fine but Outlook keeps failing to sync", source="x:search:gmail")["services"]
    assert "gmail" in services


@pytest.mark.parametrize("text, about, works", [
    # the broken one said dead, in each language's word for it
    ("Reddit dead in philly. TikTok works tho", "reddit", "tiktok"),
    ("ataşehirde whatsapp ölü, linkedin gayet çalışıyor", "whatsapp", "linkedin"),
    ("Discord tot in München, tik tok läuft komischerweise", "discord", "tiktok"),
    # the problem said in Japanese or Korean, the contrast after the sentence or after "but" (-는데, -한데)
    ("福岡でsignal落ちてる。facebookは普通に動く", "signal", "facebook"),
    ("넷플릭스는 멀쩡한데 디즈니 플러스는 로딩만 계속 돌아감", "disney-plus", "netflix"),
])
def test_the_contrast_beside_a_service_said_dead_or_broken_in_japanese_or_korean(rules, text, about, works):
    services = rules(text)["services"]
    assert about in services and works not in services


def test_a_service_said_dead_is_down(rules):
    tags = rules("whatsapp dead for anyone else?")
    assert tags["services"] == ["whatsapp"] and tags["relevant"]


def test_dead_to_someone_is_no_outage_and_services_back_to_normal_are_no_contrast(rules):
    assert not rules("facebook dead to me lol")["relevant"]
    # "정상화": back to normal after the outage, a recovery of all three
    assert set(rules("마이크로소프트 365 장애 해결… 아웃룩·팀즈 정상화")["services"]) == {"microsoft-365", "outlook", "teams"}


@pytest.mark.parametrize("text, actual, thought", [
    ("Dacht dat Spotify eruit lag maar het is Sonos die steeds de verbinding kwijtraakt", "sonos", "spotify"),
    ("¿Se cayó WhatsApp? ah no, es Instagram. No cargan las historias desde hace una hora", "instagram", "whatsapp"),
    ("Is Slack down? No, it's Teams that's broken", "teams", "slack"),
])
def test_a_service_only_thought_or_asked_down_then_corrected_to_another_is_not_labelled(rules, text, actual, thought):
    services = rules(text)["services"]
    assert actual in services and thought not in services


def test_a_service_said_down_before_a_but_its_is_still_down(rules):
    assert set(rules("slack is down but it's teams I need today")["services"]) == {"slack", "teams"}


@pytest.mark.parametrize("text", [
    "disney+ black screen with error code 83 on my roku but netflix streams fine",
    "my roku tv: netflix fine, disney plus black screen with sound. every single show",
    # the brief: the device a failing service is watched on is not labelled ("YouTube TV on the Roku": youtube only)
    "disney+ black screen on the roku, audio plays tho",
])
def test_the_writers_own_roku_another_service_fails_on_is_the_device(rules, text):
    assert rules(text)["services"] == ["disney-plus"]


@pytest.mark.parametrize("text, services", [
    ("My Roku TV won't load any channels this morning", ["roku"]),
    ("the roku app crashes every time, and hbo max with it", ["hbo-max", "roku"]),
])
def test_a_roku_failing_itself_or_the_roku_keeps_its_name(rules, text, services):
    assert sorted(rules(text)["services"]) == sorted(services)


@pytest.mark.parametrize("text, about, works", [
    # the service said to work typed one letter off
    ("linkedin är död i Östersund, whatsap funkar som vanligt", "linkedin", "whatsapp"),
    ("snap morto a Sicilia, discrod invece va", "snapchat", "discord"),
])
def test_a_typod_service_said_to_work_beside_a_broken_one_is_the_contrast(rules, text, about, works):
    services = rules(text)["services"]
    assert about in services and works not in services


def test_a_typod_service_said_down_is_still_the_service(rules):
    assert rules("discrod down again, voice keeps cutting out")["services"] == ["discord"]


def test_letters_that_are_other_english_words_say_dead_only_in_another_language(rules):
    assert rules("whatsapp HS ici à Lille depuis ce matin")["relevant"]
    assert not rules("Discord hs reunion planning thread, who's in?")["relevant"]
