"""A service said back, then a clause of contrast that says something is still wrong or gone ("Netflix back up for us
but the kids profile is still missing everything", "Zattoo läuft wieder, aber die Aufnahmen fehlen noch", "ChatGPT
wrócił, ale historia rozmów dalej pusta", "Spotify è tornato ma le playlist scaricate sono sparite"): a problem now.

Hand-written texts, each a user's story (not from any evaluation set). The rules alone are asked.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "Disney+ is back up but my watchlist is still missing half the shows",
    "Prime Video läuft wieder, aber die Downloads fehlen noch",                 # de
    "Deezer doet het weer maar mijn afspeellijsten zijn weg",                  # nl
    "Spotify è tornato ma i podcast scaricati sono spariti",                   # it
    "Netflix wrócił, ale moja lista dalej pusta",                              # pl
    "Spotify är tillbaka men mina listor är fortfarande borta",                # sv
    "Volvió Twitch pero el chat sigue sin cargar",                             # es
    "O Spotify voltou mas as playlists ainda não carregam",                    # pt
    "YouTube est revenu mais mes abonnements ont disparu",                     # fr
])
def test_back_but_something_still_wrong_is_a_problem_now(rules, text):
    result = rules(text)
    assert result["relevant"] is True and result["ongoing"] is True, result


@pytest.mark.parametrize("text", [
    # near misses: back and nothing said still wrong; a headline's next line
    "Disney+ is back up, but it was down for two hours",
    "Prime Video läuft wieder, aber das war echt nervig",
    "PlayStation Network is back after a long outage\nSony offers five extra days but still hasn't said what went wrong",
])
def test_back_with_nothing_still_wrong_is_not_now(rules, text):
    result = rules(text)
    assert result["relevant"] is True and result["ongoing"] is False, result
