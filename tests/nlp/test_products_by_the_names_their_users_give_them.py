"""Services by the names their users give their products, which the catalog lacked ("square readers", "hue
bulbs", "atlas cluster", "ALBs", "bnet", pip's "files.pythonhosted.org"); a word that is a name only in one sense
("la box", "meine Box" is the router, not Box); a brand of its own one edit off a catalog name ("PayPay" is no
PayPal typed fast)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, service", [
    ("square readers won't take cards at our cafe this morning, queue out the door", "square"),
    ("hue bulbs are 30% off this week if you've been putting off the smart home thing", "philips-hue"),
    ("atlas cluster unreachable, can't even get into the UI. prod down because of it", "mongodb-atlas"),
    ("anyone else seeing elevated 5xx from ALBs in Frankfurt? started 14:10 UTC", "aws/elb"),
    ('bnet launcher: "we\'re having trouble connecting to the game service" every time I hit play', "battle-net"),
    ("pip timing out on files.pythonhosted.org, `Read timed out`", "pypi"),
])
def test_a_product_by_the_name_its_users_give_it(rules, text, service):
    assert service in rules(text)["services"]


@pytest.mark.parametrize("text", [
    "the hue of the lights was lovely at sunset",
    "Albania (ALB) beat Serbia 2-1 last night",
    "went to the town square, the readers' club meets there",
])
def test_the_same_words_in_another_sense_name_nothing(rules, text):
    assert rules(text)["services"] == []


@pytest.mark.parametrize("text", [
    'sem net da meo no porto desde as 9h, a box diz "sem sinal"',
    "la box clignote rouge depuis ce matin, plus d'internet",
    "Spotify Connect findet meine Box nicht mehr und am Handy steht nur 'Offline'",
])
def test_the_router_after_an_article_of_the_language_that_borrows_the_word_is_no_box(rules, text):
    assert "box" not in rules(text)["services"]


def test_box_itself_failing_keeps_it(rules):
    assert rules("Box ne marche plus, impossible d'ouvrir mes dossiers partagés")["services"] == ["box"]
    assert rules("a Box drive não sincroniza desde ontem")["services"] == ["box"]


def test_a_brand_of_its_own_one_edit_off_a_catalog_name_is_no_typo(rules):
    assert rules("PayPayで2回決済失敗した…残高あるのに", source="x:search:paypay")["services"] == []
    # a typo of the catalog's name beside a complaint still is
    assert rules("paypall not loading, can't pay for anything")["services"] == ["paypal"]


def test_turkish_speakers_wp_is_whatsapp_and_nowhere_else(rules):
    assert rules("wp çöktü mü? mesajlar gitmiyor tek tik kalıyor")["services"] == ["whatsapp"]
    assert rules("gg wp, server lagged though")["services"] == []
    assert rules("wp site is down again, plugin update broke it")["services"] == []
