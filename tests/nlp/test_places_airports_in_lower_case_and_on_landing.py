"""An airport where the writer is, as chat writes it: its own name in lower case before a part of the airport
("schiphol wifi is dead", "o'hare wifi keeps dropping", opening the post), and its code after "am" in German or after a landing
in the languages read ("am BER gelandet": Berlin Brandenburg is in Brandenburg)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, regions", [
    ("o'hare wifi keeps dropping, gmail won't load a single message", ["geo:US-IL"]),
    ("schiphol wifi is dead and teams keeps dropping my call", ["geo:NL-NH"]),
    ("am BER gelandet und die app der bahn verkauft keine tickets, fehler bei jeder buchung", ["geo:DE-BB"]),
])
def test_an_airport_the_writer_is_at(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text", [
    "Ich bin am BER-Projekt beteiligt, die App der Bahn verkauft keine Tickets",  # no landing, no flight: no airport
    "the wifi is dead at home and teams keeps dropping my call",
])
def test_no_airport_without_one_named_as_where(tag, text):
    assert tag(text)["regions"] == []
