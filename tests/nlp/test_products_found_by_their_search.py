"""A developer's post found by a search for a cloud product's own word ("amplify", "r2", "bedrock") names that
product, as a search for "slack" names Slack; a word that names a kind of product ("storage", "console") or an
acronym in lower case ("sns bank") does not."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, source, service, provider", [
    ("Amplify builds are going through again. For the last hour every deploy died at 'Provisioning'",
     "x:search:amplify", "aws/amplify", "aws"),
    ("amplify hosting deploys failing at 'Deploy' step, 'an internal error occurred'", "x:search:amplify",
     "aws/amplify", "aws"),
    ("R2 uploads failing with 'InternalError' for multipart over 100MB, small files fine", "hn:search:cloudflare r2",
     "cloudflare/r2", "cloudflare"),
    ("Bedrock throttling us hard, every model call returns ThrottlingException even at 2 rps", "x:search:bedrock",
     "aws/bedrock", "aws"),
    ("We moved off self-managed Kafka to MSK two years ago and it has been boring in the best way", "hn:search:msk",
     "aws/msk", "aws"),
])
def test_a_search_for_a_products_own_word_names_it(tag, text, source, service, provider):
    tags = tag(text, source=source)
    assert service in tags["services"] and provider in tags["providers"]


@pytest.mark.parametrize("text, source", [
    ("sns bank app crasht direct bij opstarten, al drie keer opnieuw geïnstalleerd", "x:search:sns"),
    ("storage on my phone is full again, can't take a single photo", "x:search:storage"),
    ("amplify your voice, vote on tuesday", "x:search:amplify"),
])
def test_a_kind_of_product_a_lower_case_acronym_or_an_everyday_verb_is_no_product(tag, text, source):
    tags = tag(text, source=source)
    assert tags["services"] == [] and tags["providers"] == []


@pytest.mark.parametrize("text, source, service, provider", [
    ("uk south vms unreachable for us. they show as running but rdp just times out", "x:search:azure",
     "azure/virtual-machines", "azure"),
    ("front door in west europe geeft 502s, onze webshop ligt plat", "x:search:azure", "azure/front-door", "azure"),
    ("my DO droplet in NYC3 rebooted by itself and now won't come back", "x:search:digitalocean",
     "digitalocean/droplets", "digitalocean"),
])
def test_a_search_for_a_provider_lets_its_products_short_names_count(tag, text, source, service, provider):
    tags = tag(text, source=source)
    assert service in tags["services"] and provider in tags["providers"]


def test_a_search_for_a_product_that_shares_a_carriers_name_lends_no_brand(tag):
    text = "Wellington has no Spark broadband, been an hour. Auckland seems ok from what I hear"
    assert tag(text, source="x:search:spark nz")["services"] == []


def test_a_searched_products_word_inside_a_longer_products_name_is_that_product(tag):
    # a search for "ec2 auto scaling" finds EC2 Auto Scaling, not EC2 as well
    tags = tag("GovCloud East giù? EC2 Auto Scaling ci restituisce 500 da un po'", source="x:search:ec2 auto scaling")
    assert tags["services"] == ["aws/autoscaling"]
    assert "aws/ec2" in tag("EC2 instances in us-east-1 failing status checks", source="x:search:ec2 auto scaling")[
        "services"]
