"""A brand that is also an everyday word is a service only when the text says so."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "The Amazon rainforest lost an area the size of a small country last year",
    "Amazon River dolphins are pink",
    "An introduction to the lambda calculus",
    "Pinch to zoom in on the map, then zoom out again",
    "Zoom in on the photo to see the detail",
    "It's Friday, time to slack off a bit",
    "Cut me some slack, I've been working all week",
    "Johnny Cash - Ring of Fire, live",
    "She lost her wedding ring at the beach",
    "Traditional adobe houses stay cool in the desert heat",
    "the flickr of candlelight on the wall",
    "The square root of 144 is 12",
    "My phone signal is terrible in this building",
    "Both teams played well but the match ended in a draw",
    "Full steam ahead for the new project",
    "Malcolm X gave that speech in 1964",
])
def test_everyday_words_are_not_services(tag, text):
    result = tag(text)
    assert result["services"] == [] and result["providers"] == []
    assert result["relevant"] is False


@pytest.mark.parametrize("text, service", [
    ("Slack is down for everyone at work", "slack"),
    ("slack is down again", "slack"),  # lower case, but said to be down right after the name
    ("zoom not working for anyone else??", "zoom"),
    ("Adobe licensing servers seem down, Photoshop won't open", "adobe"),
    ("Flickr is not loading any photos", "flickr"),
    ("Ring app won't show my doorbell camera", "ring"),
    ("Amazon is down, can't check out my cart", "amazon-shopping"),
    ("X is down again, timeline won't refresh", "x"),
])
def test_everyday_word_brands_count_with_outage_context(tag, text, service):
    assert service in tag(text)["services"]


def test_the_source_is_evidence_enough(tag):
    assert tag("Slack notifications delayed", source="statuspage:slack-status.com")["services"] == ["slack"]
    assert "slack" in tag("anyone else?", source="x:@SlackHQ")["services"]
    assert tag("Slack", source="x:search:slack down")["services"] == ["slack"]


def test_a_report_page_about_a_provider_tags_the_provider(tag):
    page = tag("82 user reports of problems", source="reports:downdetector/aws-amazon-web-services")
    assert page["providers"] == ["aws"] and page["services"] == []
    assert tag("12 user reports", source="reports:downdetector/google-cloud")["providers"] == ["gcp"]
    assert tag("40 user reports", source="reports:downdetector/roku")["services"] == ["roku"]


def test_a_provider_in_the_text_makes_its_service_count(tag):
    assert tag("Lambda functions on AWS are slow today")["services"] == ["aws/lambda"]
    assert tag("lambda functions are elegant in Python")["services"] == []


def test_names_in_one_list_share_evidence(tag):
    assert tag("Slack and Zoom both down right before standup")["services"] == ["slack", "zoom"]


def test_explain_says_a_name_was_kept_for_the_list_it_is_in(tagger):
    """`tag --explain` names the rule that kept a name: "Discord" opening the post has no evidence of its own, the
    list it heads has ("Zoom are all down"), and the explanation says so rather than its own verdict."""
    result = next(tagger.explain_texts([("Discord, Slack and Zoom are all down right now", None, None)]))
    assert "discord" in result["services"]
    rules = {d["text"]: d["rule"] for d in result["explain"]["decisions"] if d["what"] == "name"}
    assert rules["Discord"] == "listed with a name that has evidence"


def test_a_bare_brand_beside_its_cloud_products_means_the_cloud(tag):
    result = tag("Kinesis failure behind Amazon's cloud outage")
    assert result["services"] == ["aws/kinesis"] and result["providers"] == ["aws"]


def test_product_names_made_of_ordinary_words_need_capitals(tag):
    assert tag("Cloud Run returning 503 errors")["services"] == ["gcp/cloud-run"]
    assert tag("we run in the cloud, no errors")["services"] == []
    assert tag("The Guardian website is down")["services"] == ["the-guardian"]
    assert tag("the guardian angel statue was restored")["services"] == []


def test_handles_hosts_and_hashtags_are_unambiguous(tag):
    assert tag("@RokuSupport my channels won't load")["services"] == ["roku"]
    assert tag("see status.flickr.net for updates")["services"] == ["flickr"]
    result = tag("nothing works #slackdown")
    assert result["services"] == ["slack"] and "outage" in result["symptoms"]


def test_provider_of_a_service_is_added(tag):
    result = tag("Kinesis errors are piling up")
    assert result["services"] == ["aws/kinesis"] and result["providers"] == ["aws"]


def test_market_moves_are_not_outages(tag):
    result = tag("Roku shares are down 5% after earnings")
    assert result["symptoms"] == [] and result["relevant"] is False


def test_an_installed_model_adds_its_entities_as_evidence(tmp_path, tagger):
    """``[nlp] model`` loads a pipeline the user has (here one saved to disk: no download)."""
    import spacy

    from outagewatch.nlp import Tagger

    model = spacy.blank("en")
    model.add_pipe("entity_ruler").add_patterns([
        {"label": "ORG", "pattern": "Slack"},
        {"label": "LOC", "pattern": [{"LOWER": "amazon"}]},
    ])
    model.to_disk(tmp_path / "model")
    with_model = Tagger(tagger.catalog, model=str(tmp_path / "model"))
    text = "We moved our whole company to Slack last year"
    assert tagger.tag_text(text)["services"] == []
    assert with_model.tag_text(text)["services"] == ["slack"]
    assert with_model.tag_text("Amazon is down, sadly")["services"] == []  # the model says: a place
    assert with_model.tag_text("Roku down in us-east-1")["regions"] == ["aws:us-east-1"]
