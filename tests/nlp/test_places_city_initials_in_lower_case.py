"""A big city's two initials typed in lower case ("in sf", "aqui em bh") are the city, said plainly as a place, in
English or a language of the city's country, where the two letters are no word of those languages: "la" stays the
article, and "sf" in a Portuguese text is no São Francisco."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, regions", [
    ("twtr not loading in sf. is elon ok", ["geo:US-CA"]),
    ("nubank fora aqui em bh, o app não abre e o pix não sai", ["geo:BR-MG"]),
    ("insta não carrega o feed aqui em bh, só a tela branca", ["geo:BR-MG"]),
])
def test_two_initials_in_lower_case_said_as_a_place(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text", [
    "spectrum down all over la right now, no internet",
    "o nubank caiu em sf? o app não abre",  # São Paulo's writers have no "sf"
    "the sf novel I was reading on kindle won't sync, kindle app keeps crashing",
])
def test_no_city_where_the_letters_are_a_word_or_not_said_as_a_place(tag, text):
    assert tag(text)["regions"] == []
