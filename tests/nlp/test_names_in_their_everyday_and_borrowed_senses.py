"""A name that is another thing in the text's words names nothing, and a product two providers share a name
for is the named provider's: what a user reading the tags would otherwise see as a wrong service.

- Polish "roku" is "of the year" ("do końca roku"), not Roku; "azure" beside the sky or the sea is the colour.
- "Teams are investigating" in a status update are people; "los dos teams del barrio empataron" a match.
- "box" beside a network operator is the operator's router ("la box SFR"); "Logan Square" a place; "Square
  footage" an area; "Zoom sur ..." a French headline's "a closer look at".
- "ECS" beside Alibaba Cloud is Alibaba's ECS; "Bedrock" beside a model's words is AWS's model host, and
  the "claude" called through it is AWS's traffic, not an Anthropic outage.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "Podwyżki czynszu od stycznia przyszłego roku, zarząd wysłał pismo",
    "Najlepszy koncert tego roku, nadal mam gęsią skórkę",
])
def test_polish_year_is_no_roku(tag, text):
    assert "roku" not in tag(text)["services"]


def test_roku_still_named_in_polish_with_its_product_noun(tag):
    assert "roku" in tag("Roku TV nie działa od rana, czarny ekran na każdym kanale")["services"]


@pytest.mark.parametrize("text", [
    "that azure sea off the cliffs made the whole trip worth it",
    "painted the bathroom a soft azure blue, wife approves",
])
def test_the_colour_azure_is_no_cloud(tag, text):
    tags = tag(text)
    assert tags["providers"] == [] and tags["services"] == []


def test_azure_in_tech_talk_is_still_the_cloud(tag):
    assert "azure" in tag("azure portal keeps timing out for the whole team, anyone else?")["providers"]


@pytest.mark.parametrize("text", [
    "We're aware some customers cannot reach the dashboard. Teams are engaged and we'll post updates here.",
    "Our status page is wrong again. Teams are investigating the login errors on Discord.",
])
def test_teams_of_people_in_a_status_update_are_no_microsoft_teams(tag, text):
    assert "teams" not in tag(text)["services"]


def test_teams_of_a_neighbourhood_match_are_no_microsoft_teams(tag):
    assert "teams" not in tag("los teams del colegio empataron 1-1, partidazo de verdad")["services"]


def test_microsoft_teams_down_is_still_teams(tag):
    assert "teams" in tag("Teams keeps crashing on every call this morning, anyone else?")["services"]


@pytest.mark.parametrize("text", [
    "box Orange en panne depuis ce matin à Rennes, le technicien passe demain",
    "Sem net da Vodafone no Porto, a box nem liga direito desde ontem",
])
def test_the_operators_box_is_its_router_not_box(tag, text):
    assert "box" not in tag(text)["services"]


def test_box_the_cloud_drive_is_still_box(tag):
    assert "box" in tag("Box won't sync any of our shared folders, uploads stuck at 0%")["services"]


def test_a_place_ending_in_square_is_no_square(tag):
    text = "power outage in Union Square took out half the block, the whole street is dark"
    assert "square" not in tag(text)["services"]


def test_square_footage_found_by_a_search_for_square_is_no_square(tag):
    # a collector's search for the brand finds the area too
    assert "square" not in tag("Square footage in these new flats is tiny for what they charge",
                               source="x:search:square")["services"]


def test_zoom_sur_in_a_french_headline_is_no_zoom(tag):
    assert "zoom" not in tag("Zoom sur les nouveaux horaires des bibliothèques de la ville",
                             source="x:search:zoom")["services"]


def test_ecs_beside_alibaba_cloud_is_alibabas(tag):
    tags = tag("Alibaba Cloud Singapore: ECS instances won't boot, console shows them stuck in 'starting'")
    assert "alibaba/ecs" in tags["services"] and "aws/ecs" not in tags["services"]
    assert "aws" not in tags["providers"]


def test_ecs_tasks_alone_are_still_aws(tag):
    assert "aws/ecs" in tag("our ECS tasks in eu-west-1 keep failing health checks since noon")["services"]


def test_claude_through_bedrock_is_bedrock(tag):
    tags = tag("Bedrock in eu-central-1 returns ThrottlingException for every claude request, quota is fine")
    assert tags["services"] == ["aws/bedrock"]


def test_bedrock_in_minecraft_is_no_aws(tag):
    tags = tag("realms won't load on bedrock edition, java works, so annoying")
    assert "aws/bedrock" not in tags["services"]
