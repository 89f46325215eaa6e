"""Places in the other languages as chat writes them: a Turkish place with "I am in" written on after its
apostrophe ("kadıköy'deyim": ``pipeline.TR_ENDINGS``), and a country's adjective before a word for people or organisations where the adjective
comes first (``tables.build_country_adjectives``, ``demonyms.find_adjectives``: "Nederlandse spelers", "svenska
företag", "w polskich szkołach")."""

from __future__ import annotations

import pytest

from outagewatch.nlp.demonyms import country_adjectives


@pytest.mark.parametrize("text, regions", [
    ("getir siparişim kayboldu, para çekildi. kadıköy'deyim, kimse açmıyor", ["geo:TR-34"]),
    ("turkcell çekmiyor, İzmir'deyiz ikimiz de", ["geo:TR-35"]),
])
def test_a_turkish_place_with_i_am_in_written_on(rules, text, regions):
    assert rules(text)["regions"] == regions


@pytest.mark.parametrize("text, regions", [
    ("Roblox was urenlang onbereikbaar voor Nederlandse spelers", ["geo:NL"]),
    ("Duitse klanten van Vodafone hebben al de hele ochtend geen mobiel internet volgens Allestoringen", ["geo:DE"]),
    ("Störning hos Microsoft 365: Teams och Outlook krånglar för svenska företag", ["geo:SE"]),
    ("Awaria Microsoft Teams sparaliżowała zdalne lekcje w polskich szkołach", ["geo:PL"]),
])
def test_a_countrys_adjective_before_people_or_organisations(rules, text, regions):
    assert rules(text)["regions"] == regions


@pytest.mark.parametrize("text", [
    "Incidentbeheer: hoe Nederlandse ziekenhuizen hun wachtdiensten met PagerDuty inrichten",  # no problem said
    "który region wybrać dla polskiej firmy, pytam z ciekawości",  # one company, singular: no plural adjective
    "Deutsche Bahn App zeigt wieder falsche Zeiten an",  # a company's name
])
def test_a_countrys_adjective_elsewhere_is_no_place(rules, text):
    assert rules(text)["regions"] == []


def test_country_adjectives_come_from_language_names():
    table = country_adjectives()
    assert table["nl"]["nederlandse"] == "NL" and table["nl"]["portugese"] == "PT"
    assert table["sv"]["svenska"] == "SE" and table["pl"]["polskich"] == "PL"
    assert "polskiej" not in table["pl"]  # the singular's forms are left out
