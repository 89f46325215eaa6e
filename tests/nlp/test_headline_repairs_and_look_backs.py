"""A headline that tells an outage's end or its aftermath is about the outage and not a problem now: the
provider restoring what broke ("Singtel fixes broadband disruption", "SFR rétablit son réseau après une
panne", "Proximus herstelt internetstoring"), blame and fines after it, a year on; and downtime announced
ahead is no outage at all.

Hand-written texts, each a user's story (not from any evaluation set); the rules alone are asked.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "Telstra fixes mobile outage that hit thousands of homes in Perth",         # en: the provider repairs it
    "Orange rétablit son réseau fixe après une panne de plusieurs heures",      # fr
    "Ziggo herstelt storing in Utrecht na urenlange onderbreking",             # nl
    "Movistar restablece el servicio tras una caída de tres horas",           # es
    "Vodafone behebt Störung im Mobilfunknetz in Köln",                        # de
    "Tim ripristina la rete dopo il guasto di stanotte",                       # it
    "Play przywraca usługi po awarii sieci",                                   # pl
    "Awaria systemu płatności usunięta po czterech godzinach",                # pl: the outage, then "removed"
    "Cloudflare blames a bad config file for last night's global outage",      # en: blame comes after
    "Optus fined over nationwide outage that blocked emergency calls",         # en: a fine comes after
    "PlayStation Network'teki kesinti sona erdi",                              # tr: the outage ended
    "SJ:s bokningssystem åter i drift efter flera timmars avbrott",            # sv: back in operation
    "proximus werkt terug, hele avond geen internet gehad",                    # nl (Belgium): works again
])
def test_a_headline_of_an_outages_end_or_aftermath_is_relevant_not_ongoing(rules, text):
    result = rules(text)
    assert result["relevant"] is True and result["ongoing"] is False, result


@pytest.mark.parametrize("text", [
    "Apple fixes bug that drained iPhone batteries overnight",                 # a bug fixed, no outage
    "cloudflare warp connected but nothing resolves, whole office offline",    # "resolves" is DNS: a problem now
    "Outlook zeigt 'Wir können keine Verbindung herstellen' seit 9 Uhr",       # de "herstellen" is no repair
])
def test_the_same_verbs_in_other_senses_do_not_end_an_outage(rules, text):
    result = rules(text)
    assert not (result["relevant"] is True and result["ongoing"] is False), result


@pytest.mark.parametrize("text", [
    "We'll be migrating our databases on Thursday 14:00 UTC, expected downtime under 5 minutes.",
    "Planned outage: the customer portal is offline on Sunday from 02:00 to 04:00 for an upgrade",
])
def test_downtime_announced_ahead_is_no_outage(rules, text):
    result = rules(text)
    assert result["ongoing"] is False and result["relevant"] is False, result
