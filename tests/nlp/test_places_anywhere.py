"""Where a text is set is a place whatever the text is about, and the place is the one
the labelled sets and people mean: the written name, the city's own council area, the
city rather than the province named like it; language is told apart from look-alikes."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, region", [
    ("w poznaniu spadł pierwszy śnieg, piękny widok z okna", "geo:PL-30"),  # Polish locative, no problem
    ("phone battery down to 2% and I'm lost somewhere in kraków's old town", "geo:PL-12"),
    ("Microsoft kondigt nieuwe Azure-regio in België aan", "geo:BE"),  # the Dutch name of the country
    ("Hetzner baut neues Rechenzentrum in Nürnberg", "geo:DE-BY"),
    ("moving to denver next month, any tips for good internet providers?", "geo:US-CO"),
    ("napoli: whatsapp bloccato da un'ora per tutti quelli che conosco", "geo:IT-NA"),  # a place heading the post
])
def test_a_post_about_nothing_broken_still_says_where_it_is_set(tag, text, region):
    assert region in tag(text)["regions"]


@pytest.mark.parametrize("text", [
    "We close out the show with a lineup of guests that includes Ed Boon and Paul Barnett",  # Paul, Cape Verde
    "our guests: Janina Gavankar, Austin Creed, John Drake",  # a person, not Texas, in a list of people
    "Lambda expressions make Java less verbose",  # Java, a province of Indonesia, said as no place
    "made chili for dinner, best recipe for chili ever",
])
def test_a_post_about_nothing_broken_names_no_place_it_does_not_set_itself_in(tag, text):
    assert tag(text)["regions"] == []


@pytest.mark.parametrize("text, region", [
    ("bbc iplayer buffering constantly tonight here in manchester", "geo:GB-MAN"),
    ("Edinburgh seeing BBC iPlayer errors tonight", "geo:GB-EDH"),
    ("Glasgow seeing BBC iPlayer errors tonight", "geo:GB-GLG"),
    ("en buenos aires no anda netflix desde las 21", "geo:AR-C"),  # the autonomous city, not the province
    ("en valencia no va el psn", "geo:ES-V"),  # the province, inside the Comunitat Valenciana
    ("netflix mi dà errore stasera, qui a torino", "geo:IT-TO"),  # the metropolitan city, not Piemonte
    ("youtube rame ce soir à lyon", "geo:FR-69M"),  # the Métropole de Lyon, not the region
    ("@Uber_Support la app no carga en Sevilla", "geo:ES-SE"),
    ("Safaricom data down across Nairobi since 6am", "geo:KE-30"),  # the county named "Nairobi City"
    ("internet outage in Cork since this morning", "geo:IE-CO"),  # a county, not the province Munster
    ("Proximus storing in Antwerpen, geen internet", "geo:BE-VAN"),  # a province, not the Flemish Region
])
def test_a_city_is_tagged_as_the_most_specific_subdivision_that_contains_it(tag, text, region):
    assert tag(text)["regions"] == [region]


def test_a_name_written_as_a_place_is_that_place_not_one_that_only_folds_to_it(tag):
    # "Valência" is Portuguese for the Venezuelan city; "Valencia" as written is the Spanish one.
    assert tag("Valencia: desde esta mañana no funciona Microsoft Teams")["regions"] == ["geo:ES-V"]
    assert tag("desde Valência não funciona o Teams, em toda a cidade")["regions"] == ["geo:VE-G"]  # Carabobo


@pytest.mark.parametrize("text, lang", [
    ("czy facebook nie działa? nie mogę się zalogować w krakowie", "pl"),  # "nie" is German too
    ("netflix nie działa od godziny, w warszawie na orange", "pl"),
    ("Teams ligt eruit bij ons op kantoor in Rotterdam, niemand kan vergaderen", "nl"),
    ("whatsapp non funziona, i messaggi non partono. qui a roma tutti uguali", "it"),  # "non" is French too
    ("instagram down? non carica le storie da stamattina", "it"),
    ("la app de uber no me deja pedir viaje, error de conexión todo el rato", "es"),
    ("is netflix down for anyone else", "en"),
    ("ist Slack gerade down? bei mir geht nichts", "de"),
])
def test_function_words_shared_with_another_language_do_not_decide_the_language(tag, text, lang):
    assert tag(text)["lang"] == lang


@pytest.mark.parametrize("text, region", [
    ("Discord est down ? Impossible de rejoindre un salon vocal depuis Paris", "geo:FR-75C"),  # "depuis": from
    ("instagram çöktü mü? akış yenilenmiyor, istanbul", "geo:TR-34"),  # a place signing the post off
    ("Investigating - Twilio SMS: delivery delays to Vodafone Turkey subscribers", "geo:TR"),  # its people
    ("youtube in ganz österreich gestört? wien und graz betroffen", "geo:AT-9"),  # two places side by side
])
def test_a_place_is_said_as_a_place_in_more_ways_than_in(tag, text, region):
    assert region in tag(text)["regions"]


@pytest.mark.parametrize("text", [
    "roast turkey for dinner, netflix is down",  # the bird, not the country
    "netflix down again, so it's paris and chili con carne tonight",  # a dish beside a place is no place
])
def test_an_everyday_word_is_still_no_place_in_those_ways(tag, text):
    assert tag(text)["regions"] == []


def test_a_products_short_name_in_the_plural_is_the_product(tag):
    assert "azure/app-service" in tag("azure france central en vrac, nos app services ne répondent plus")["services"]
