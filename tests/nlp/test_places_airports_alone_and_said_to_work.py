"""Where a post is set, said as travellers and admins say it: an airport alone ("boarding at O'Hare",
"stuck at DFW", "check-in a Fiumicino"), and not a place said to work beside the one with the problem in
words the fine-words lacked ("draaien gewoon", "rispondono", "平気"); a Turkish "hiç" before a verb in the
negative is "at all", not a negation of the problem; a city before a word for people is where they are."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, regions", [
    ("boarding in 40 min at O'Hare and the Delta app won't load my boarding pass", ["geo:US-IL"]),
    ("stuck at DFW, the American Airlines app keeps crashing at check-in", ["geo:US-TX"]),
    ("check-in bloccato a Fiumicino, l'app di ITA Airways non va", ["geo:IT-RM"]),
])
def test_an_airport_named_alone_is_its_city(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text", [
    "Hosting z SLA 99,99% i serwery w Polsce, awarie Cloudflare nas nie dotyczą",  # an acronym, not Salta (SLA)
    "Airtel broadband down for all the WFH folks in HSR layout since morning",  # a neighbourhood, not Rajkot (HSR)
])
def test_an_airport_code_outside_talk_of_travel_is_no_place(tag, text):
    assert not any(r in tag(text)["regions"] for r in ("geo:AR-A", "geo:IN-GJ"))


@pytest.mark.parametrize("text, regions", [
    ("Cloud Run in europe-west2 geeft alleen 503s, onze services in europe-west3 draaien gewoon", ["gcp:europe-west2"]),
    ("Cloud SQL in europe-west8 irraggiungibile da 20 minuti, le repliche in europe-west1 rispondono",
     ["gcp:europe-west8"]),
    ("GKE in europe-west4 valt steeds weg, in europe-west1 geen last", ["gcp:europe-west4"]),
    ("AWSの東京リージョン（ap-northeast-1）でEC2に繋がらない、大阪は平気", ["aws:ap-northeast-1"]),
    ("Hetzner Falkenstein lost network for 12 min, Nuremberg didn't notice a thing", ["geo:DE-SN"]),
])
def test_a_place_said_to_work_beside_the_failing_one_is_left_out(tag, text, regions):
    assert tag(text)["regions"] == regions


def test_hic_before_a_negative_verb_is_at_all(tag):
    assert tag("İzmir'de Turkcell hiç çekmiyor, sabahtan beri mesaj bile gitmiyor")["regions"] == ["geo:TR-35"]


def test_a_city_before_a_word_for_people_is_where_they_are(tag):
    text = "Optus mobile down across the eastern suburbs since noon, Sydney friends say data is dead too"
    assert tag(text)["regions"] == ["geo:AU-NSW"]
