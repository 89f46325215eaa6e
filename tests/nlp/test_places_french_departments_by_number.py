"""French chat names a département by its number ("dans le 93 snap charge dans le vide"; the writers' brief: "le 93"
`geo:FR-93`): after "dans le", in French, the département's code; never the emergency numbers 15, 17 and 18, nor a
date ("dans le 13 mars")."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, regions", [
    ("dans le 93 snap charge dans le vide depuis une heure, ça tourne ça tourne", ["geo:FR-93"]),
    ("plus de fibre free dans le 92 depuis ce matin", ["geo:FR-92"]),
    ("box orange en panne dans le 75, rien depuis midi", ["geo:FR-75C"]),
])
def test_a_departement_by_its_number(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text", [
    "appelé le samu, dans le 15 personne ne répond, orange en panne",
    "la coupure orange prévue dans le 13 mars ne nous concerne pas, panne déjà réparée",
    "my train is in platform 93, the trainline app crashed dans le hall",
])
def test_no_departement_in_an_emergency_number_or_a_date(tag, text):
    assert not any(r.startswith("geo:FR") for r in tag(text)["regions"])
