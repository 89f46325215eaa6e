"""Names around an outage that are not what failed, and names a rule read as an everyday word that are the app:

- Twitter named only as where the writer read of another service's outage ("found out via twitter", "status
  twitter says they know") is not a second service with a problem.
- "outlook on the web", "outlook on my phone" is the app on a device, not "an outlook on" something.
- "Das neue Steam Deck" is Steam's device, though German capitalises the noun after "neue".
- A neighbour word the everyday sense is listed for keeps its meaning in a text of another language when English
  has no such word ("ingen signal" in Swedish: no reception; "un square" in Spanish: a town square).
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, about", [
    ("PagerDuty never called anyone during our outage, we found out via twitter an hour later", "pagerduty"),
    ("Battle.net won't let me log in, 'BLZBNTBGS80000011'. the blizzard status twitter says they know", "battle-net"),
])
def test_twitter_as_where_the_news_was_read_is_no_second_service(tag, text, about):
    services = tag(text)["services"]
    assert about in services and "x" not in services


def test_twitter_itself_failing_is_still_twitter(tag):
    assert "x" in tag("slack is down and twitter won't load either, what a morning")["services"]


@pytest.mark.parametrize("text", [
    "outlook on the web won't load my inbox since this morning",
    "outlook on my phone stopped syncing around noon, desktop is the same",
])
def test_outlook_on_a_device_is_outlook(tag, text):
    assert "outlook" in tag(text)["services"]


def test_an_outlook_on_the_economy_is_no_outlook(tag):
    assert "outlook" not in tag("the bank's outlook on the economy is grim, rates stay high")["services"]


def test_the_new_steam_deck_in_german_is_steam(tag):
    assert "steam" in tag("Das neue Steam Deck ist endlich in Österreich lieferbar")["services"]


def test_a_german_noun_after_an_article_is_still_no_service(tag):
    assert tag("Das Signal an der Kreuzung ist schon wieder kaputt")["services"] == []


@pytest.mark.parametrize("text", [
    "hade ingen signal alls på fjället, helt offline i tre dagar",
    "el parque del barrio es un square precioso para leer al sol",
])
def test_a_neighbour_word_of_the_texts_own_language_keeps_the_everyday_sense(tag, text):
    assert tag(text)["services"] == []


@pytest.mark.parametrize("text, service", [
    ("Athena queries have been sitting in QUEUED for twenty minutes in us-east-2", "aws/athena"),
    ("our Aurora cluster failed over to the reader at 3am and the app never reconnected", "aws/aurora"),
    ("Glue crawler hangs forever on the new partition, nothing in the logs", "aws/glue"),
    ("Amplify builds stuck at 'provisioning' for an hour in eu-central-1", "aws/amplify"),
])
def test_an_aws_products_bare_name_with_a_word_of_its_use_is_the_product(tag, text, service):
    assert service in tag(text)["services"]


@pytest.mark.parametrize("text", [
    "the aurora over Tromsø last night was green and pink, unreal",
    "redshift of distant galaxies tells us how fast the universe expands",
    "kinesis is movement in response to a stimulus, says my biology textbook",
])
def test_the_everyday_words_aws_named_products_after_are_no_aws(tag, text):
    tags = tag(text)
    assert tags["services"] == [] and tags["providers"] == []
