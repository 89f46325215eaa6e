"""Services named the way people name them when nothing else in the sentence says "outage": a product's own
world beside a name that is rarely anything else ("robinhood ... portfolio", "confluence pages"); the short names
people type ("tg", "dbx", "twtr", "el whats", Zerodha's "Kite"), a game's short name beside its maker ("lol ...
riot"); a lone "X" opening a sentence that tells its problem; a company's news after its capitalised name ("Tesla
recalls", "Discord is adding", "Claude gets a new ..."). And the same words in their everyday senses, which stay
untagged."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, service", [
    ("robinhood showing my portfolio at $0.00 and I cant place any orders at market open, wtf", "robinhood"),
    ("confluence pages load without any content, just the title. is that a feature now", "atlassian/confluence"),
    ("asana tasks disappearing right after I create them. refresh and poof", "asana"),
    ("twitch unwatchable on the uni wifi tonight, works on 4g", "twitch"),
    ("found my old flickr albums from 2009, the photos are mostly of my shoes", "flickr"),
    ("teams decided my camera doesn't exist 2 minutes before the all hands. incredible timing as always", "teams"),
    ("porada: włączcie wersjonowanie na bucketach S3, zanim ktoś przypadkiem usunie pół produkcji", "aws/s3"),
    ("Heute gelernt: S3 Lifecycle-Regeln sparen uns 40% Speicherkosten. Sehr zu empfehlen", "aws/s3"),
])
def test_a_name_people_type_in_lower_case_with_its_own_world(rules, text, service):
    assert service in rules(text)["services"]


@pytest.mark.parametrize("text, service", [
    ("tg not loading any chats for me in tashkent, stuck on 'connecting…' for 2 hours", "telegram"),
    ("Beşiktaş yine kaybetti, tg de çalışmıyor, ne günmüş", "telegram"),
    ("our whole office got kicked off dbx at 9:02. great start to monday", "dropbox"),
    ("twtr not loading in sf. is elon ok", "x"),
    ("oigan se cayó el whats o nomás a mí?? en cdmx no me llegan ni los audios", "whatsapp"),
    ("Kite not loading at market open, traders in Mumbai all locked out", "zerodha"),
    ("kite was frozen for the first 20 min today, orders stuck, working again now", "zerodha"),
])
def test_a_short_name_its_users_type(rules, text, service):
    assert service in rules(text)["services"]


@pytest.mark.parametrize("text", [
    "lol não conecta, fica em \"reconectando\" e eu perdi a ranqueada. riot me deve PdL",
    "el lol estuvo caído como dos horas anoche, ya funciona pero perdí mi racha de ranked, gracias riot",
    "lol nie chce się odpalić, klient wisi na logo riota. łódź, światłowód śmiga normalnie",
])
def test_a_games_short_name_beside_its_maker_and_a_problem(rules, text):
    assert "league-of-legends" in rules(text)["services"]


@pytest.mark.parametrize("text", [
    "X war am Morgen für viele Nutzer nicht erreichbar",
    "X is having another outage and some users can't load posts",
    "X cambia di nuovo le regole sulle spunte blu",
    "X muda regras de verificação para contas em Portugal",
])
def test_a_lone_x_opening_a_sentence_about_it_is_the_network(rules, text):
    assert "x" in rules(text)["services"]


@pytest.mark.parametrize("text, service", [
    ("Tesla recalls 200,000 vehicles over rear camera software", "tesla"),
    ("Discord is adding a new way to pay for server boosts", "discord"),
    ("Claude gets a new memory feature for team plans", "anthropic/claude"),
    ("Peloton's new bike has a swiveling screen and a $2,500 price tag", "peloton"),
])
def test_a_companys_news_after_its_capitalised_name(rules, text, service):
    assert service in rules(text)["services"]


@pytest.mark.parametrize("text", [
    "flying a kite at the beach today, windy as hell",
    "kite surfing session this morning, the wind was perfect",
    "the confluence of the two rivers is stunning at sunset",
    "twitch in my left eye for three days now. too much coffee probably",
    "held the tree pose for a full minute today, my asana practice is improving",
    "TG dinner at my aunt's was great",
    "Claude gets a haircut tomorrow, finally",
    "Signal is getting worse in Leeds again, no bars at all",
    "Solve for x in the equation 2x + 3 = 7",
    "sentry duty at 3am is the worst part of basic training",
    "steam rising from my coffee on a cold morning",
    "lol the power is down again, my whole street is dark",
    "watched S3 of the bear last night, the finale is brutal",
])
def test_the_same_words_in_their_everyday_senses_name_nothing(rules, text):
    assert rules(text)["services"] == []


def test_the_product_named_after_a_companys_new_is_the_news_not_the_company(rules):
    assert "amazon-shopping" not in rules("Amazon's new Alexa is rolling out to more users in the UK")["services"]
