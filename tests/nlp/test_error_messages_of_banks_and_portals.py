"""A bank's, a payment app's or a government portal's own error message, quoted by its users, and what they say
of it, in the languages whose lists lacked them: the catalog names none of these services, so the words are
what tells an outage ("işleminiz gerçekleştirilemiyor", "betalningen kunde inte genomföras", "Die Anmeldung ist
derzeit nicht möglich", "giriş yapamıyorum", "inaccessibili", "transação não concluída"). Maintenance announced
with its window's hours is no outage, with or without a future word. Portuguese "no" is "in the", no negation.

Hand-written texts, each a user's story (not from any evaluation set). The rules alone are asked.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "Akbank uygulaması 'işleminiz gerçekleştirilemiyor' diyor, kira ödeyemiyorum",     # tr: the app's message
    "Vipps säger 'betalningen kunde inte genomföras' i varje butik idag",               # sv: the payment failed
    "Commerzbank App: 'Die Anmeldung ist derzeit nicht möglich', seit heute früh",      # de: login not possible
    "SGK sitesine giriş yapamıyorum, sabahtan beri aynı",                               # tr: I cannot log in
    "Försäkringskassans e-tjänster laddar bara och laddar, kan inte skicka in",          # sv: only loads
    "sito e app di Poste inaccessibili da stamattina",                                  # it: inaccessible
    "Se cae la web del SEPE justo el último día del plazo",                             # es: the site falls
    "pix no nubank dando erro, 'transação não concluída' três vezes",                   # pt: "no" is "in the"
])
def test_a_quoted_error_or_a_failed_login_of_an_unnamed_bank_or_portal_is_an_outage_now(rules, text):
    result = rules(text)
    assert result["relevant"] is True and result["ongoing"] is True, result


@pytest.mark.parametrize("text", [
    "Wartungsarbeiten: Das Onlinebanking der Volksbank ist in der Nacht zu Sonntag von 2 bis 5 Uhr nicht erreichbar",
    "Prace serwisowe: aplikacja banku niedostępna w nocy z piątku na sobotę 0:00-3:00",
    "planowana przerwa techniczna w sklepie, strona może być niedostępna przez godzinę",
])
def test_maintenance_announced_with_its_hours_is_no_outage(rules, text):
    result = rules(text)
    assert result["relevant"] is False and result["ongoing"] is False, result


def test_a_status_page_announcing_maintenance_reports_no_incident(rules):
    result = rules("Planerat underhåll lördag 02:00–04:00. Appen kan vara otillgänglig under tiden.",
                   source="statuspage:status.example.se")
    assert result["status"] == "informational" and result["ongoing"] is False, result


@pytest.mark.parametrize("text", [
    "no puedo creer que el partido esté en blanco en la tele, qué aburrido",            # es "no" is a negation
    "the error code NW-31201-7 again means nothing to me, just a puzzle in the manual",
])
def test_the_same_words_elsewhere_are_no_bank_outage(rules, text):
    assert rules(text)["relevant"] is False
