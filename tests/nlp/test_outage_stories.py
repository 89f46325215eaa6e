"""What an analyst expects the tagger to say about texts the word lists alone got wrong.

Hand-written texts (not from any evaluation set), each a user's story: words of an outage in
their everyday sense are no outage; an outage said without the usual words is one.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "the finale went down really well, hbo better renew it",
    "o novo álbum caiu muito bem no spotify, já virou hit",
    "la canción nueva cayó muy bien en youtube",
])
def test_a_fan_saying_a_show_went_down_well_is_no_outage(tag, text):
    tags = tag(text)
    assert tags["relevant"] is False and tags["ongoing"] is False and "outage" not in tags["symptoms"]


def test_a_runner_who_crashed_on_the_sofa_is_no_outage(tag):
    assert tag("crashed on the sofa after the marathon, garmin says 3:41")["relevant"] is False
    assert tag("garmin connect crashed on my phone again")["ongoing"] is True  # the app, not the runner


def test_news_of_an_incident_tool_is_no_incident(tag):
    assert tag("pagerduty ships a new incident response dashboard for teams")["relevant"] is False
    assert tag("pagerduty incident: alerts are not being delivered")["ongoing"] is True


def test_a_failover_drill_is_no_outage(tag, tagger):
    text = "during our DR drill eu-west-1 was down on purpose and traffic moved to eu-central-1"
    assert tag(text)["relevant"] is False
    explained = next(iter(tagger.explain_texts([(text, None, None)])))["explain"]["decisions"]
    assert any(d["rule"].startswith("a drill or simulation") for d in explained)
    assert tag("eu-west-1 is down for real, not a drill")["ongoing"] is True
    assert tag("it's game day and the espn app is down again")["ongoing"] is True  # a sports day, no drill
    assert tag("tabletop simulator keeps crashing on steam")["ongoing"] is True


@pytest.mark.parametrize("text", [
    "Großstörung bei Vodafone: Kabelinternet in ganz Hessen ausgefallen",
    "Serverausfall bei Steam, niemand kommt in den Shop",
    "Netwerkstoring bij KPN, ook Ziggo klanten melden problemen",
])
def test_an_outage_named_by_a_compound_noun(tag, text):
    tags = tag(text)
    assert "outage" in tags["symptoms"] and tags["ongoing"] is True


def test_a_compound_that_only_ends_like_an_outage_is_not_one(tag):
    assert tag("Die Zerstörung der Altstadt von Dresden")["relevant"] is False


def test_an_api_error_name_is_an_error(tag):
    tags = tag("dynamodb PutItem throwing ProvisionedThroughputExceededException in us-east-1 since 9am")
    assert "errors" in tags["symptoms"] and tags["ongoing"] is True


@pytest.mark.parametrize("text", [
    "the api gateway is returning 503.",
    "bitbucket.org 500 again",
])
def test_an_http_code_at_a_sentence_end_or_after_a_host(tag, text):
    assert "5xx" in tag(text)["symptoms"]


def test_a_price_with_a_decimal_is_no_http_code(tag):
    assert "5xx" not in tag("the new plan is $5.02 a month, ends 5.03")["symptoms"]


@pytest.mark.parametrize("text", [
    "half of Sweden just lost Spotify and Discord",
    "In Köln geht seit Mittag kein WhatsApp mehr",
    "plus de Netflix depuis 21h à Bordeaux",
    "bij ons doet Teams het al twee uur niet",
    "Outlook synchronisiert bei mir seit dem Update nicht",
    "Slack stürzt bei jedem Anruf ab",
    "Zahlungen mit Klarna schlagen ständig fehl",
])
def test_a_service_said_to_be_gone_or_failing_in_other_words(tag, text):
    assert tag(text)["ongoing"] is True


@pytest.mark.parametrize("text", [
    "I lost my Spotify password again",
    "Ich schaue kein Netflix mehr, zu teuer",
    "Spotify lost subscribers last quarter",
])
def test_a_person_losing_or_giving_up_a_service_is_no_outage(tag, text):
    assert tag(text)["relevant"] is False


@pytest.mark.parametrize("text, symptom", [
    ("is gitlub down or is it just me?", "outage"),  # the question says it, even with the name misspelt
    ("slack n'envoie plus mes messages", "problems"),  # French negation elided onto the verb
    ("spotify desconectando sozinho a cada 2 minutos", "connectivity"),  # "every two minutes"
    ("o whatsapp está a falhar desde manhã", "errors"),  # European Portuguese "está a" + verb
    ("Netflixが読み込まない", "not-loading"),
    ("넷플릭스 버퍼링 너무 심해요", "streaming"),
])
def test_complaints_said_the_way_people_say_them(tag, text, symptom):
    tags = tag(text)
    assert symptom in tags["symptoms"] and tags["ongoing"] is True


def test_only_a_verb_of_working_makes_no_service_an_outage(tag):
    assert tag("in Graz geht seit heute morgen kein Teams")["ongoing"] is True
    assert tag("ich habe kein Netflix, nur Prime")["relevant"] is False


def test_everything_looks_fine_from_here_denies_the_outage(tag):
    tags = tag("slack outage? everything looks fine from here")
    assert tags["ongoing"] is False and tags["relevant"] is False


def test_payments_working_again_after_an_outage_is_its_end(tag):
    tags = tag("Nach der Störung: Überweisungen funktionieren wieder")
    assert tags["relevant"] is True and tags["ongoing"] is False


@pytest.mark.parametrize("text", [
    "Resolved - card payments in Lyon are working normally again",
    "Lyon : la panne est résolue, les paiements par carte fonctionnent de nouveau",
    "Monitoring - card payments in Lyon are slow",
])
def test_an_analyst_finds_where_an_outage_was_after_it_ended(tag, text):
    """The built gazetteer's places are gated on the outage being the subject (relevant), not on
    it going on: a resolved update keeps its place."""
    assert tag(text)["regions"] == ["geo:FR-69M"] and tag(text)["relevant"] is True


def test_a_place_not_said_as_one_needs_the_text_to_be_about_an_outage(tag):
    """Without "in ..." a built-gazetteer place needs outage talk; a resolved outage's talk counts."""
    assert tag("Lyon was beautiful last night, what a concert")["regions"] == []
    resolved = tag("Lyon card payments were failing all night, resolved now")
    assert resolved["regions"] == ["geo:FR-69M"] and resolved["relevant"] is True and resolved["ongoing"] is False


@pytest.mark.parametrize("text, relevant", [
    ("heel Rotterdam zonder Spotify? alles ligt stil", True),  # asked of a whole city
    ("millions without WhatsApp after the Meta outage", True),
    ("a week without instagram was the best thing I did this year", False),  # a choice
])
def test_a_place_or_a_crowd_without_a_service(tag, text, relevant):
    assert tag(text)["relevant"] is relevant


def test_a_past_time_in_a_comparison_does_not_date_the_problem(tag):
    assert tag("dynamodb throttling all morning with the same capacity as last week")["ongoing"] is True
    assert tag("dynamodb was throttling last week")["ongoing"] is False  # that one is dated


def test_a_product_name_of_ordinary_words_typed_in_lower_case_before_a_complaint(tag):
    assert tag("prime video keeps buffering on every show")["services"] == ["amazon-prime-video"]
    assert tag("prime video keeps buffering on every show")["ongoing"] is True
    assert tag("watched a prime video about cooking, great channel")["services"] == []


def test_a_post_relaying_the_provider_investigating_is_an_outage_going_on(tag):
    tags = tag("our heroku dynos keep restarting, support says they're investigating", source="x:search:heroku")
    assert tags["ongoing"] is True
    assert tag("police say they are investigating the break-in", source="x:search:news")["relevant"] is False


def test_backing_up_data_is_no_recovery(tag):
    assert tag("we back up our postgres to s3 every night")["relevant"] is False
    assert tag("S3 is back up, uploads work again")["relevant"] is True
