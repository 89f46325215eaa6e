"""User stories: a service working again, said in one verb or a headline's words of each language, is a recovery
(about an outage, not a problem now): "Discord refonctionne chez moi", "PagoPA torna online", "felet i appen
åtgärdat efter tre timmar", "storing bij KPN opgelost", "nu är det lugnt igen", "現在は復旧", "이제 잘 됩니다"; and a
provider's repair beside the problem it repaired, whatever the problem's word ("Pinterest fixes bug that logged users
out overnight", "YouTube fixes playback issue that hit millions"), is the problem's end. The near misses: a
product's news with no problem ("Apple fixes bug", "release notes: ... bug fixes"), and a problem going on beside
the same words."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "Discord refonctionne chez moi, c'était l'enfer pendant 1h",
    "c'est bon paypal refonctionne, j'ai pu payer mon billet de train",
    "les serveurs de fortnite remarchent après 1h de file d'attente",
    "Spotify torna online dopo due ore di disservizio",
    "Swedbank: felet i appen åtgärdat efter tre timmar",
    "hbo max funkade inte igår kväll men nu är det lugnt igen",
    "twitch är igång igen, streamen tillbaka",
    "storing bij KPN opgelost",
    "Google Workspace で障害、Gmail など約2時間利用しづらく　現在は復旧",
    "토스 앱 이제 잘 됩니다, 아까 30분 정도 결제 안 됐어요",
    "Pinterest fixes bug that logged users out overnight",
    "YouTube fixes playback issue that hit millions of users",
])
def test_a_recovery_in_each_languages_words_is_the_end_of_an_outage(tag, text):
    result = tag(text)
    assert result["relevant"] is True and result["ongoing"] is False
    assert "recovered" in result["symptoms"]


@pytest.mark.parametrize("text", [
    "Apple fixes bug in the new Photos app",  # a repair, no problem said: product news
    "Apple fixes bug that drained iPhone batteries overnight",  # no service of the catalog named, no "after"
    "release notes: Slack 4.41 adds huddle recordings and bug fixes",
])
def test_a_repair_with_no_problem_said_is_no_outage(tag, text):
    result = tag(text)
    assert result["ongoing"] is False and "recovered" not in result["symptoms"]


@pytest.mark.parametrize("text", [
    "Discord refonctionne chez moi mais Slack est toujours en panne",  # the recovery of one, the other still down
    "storing bij KPN zou opgelost zijn, maar hier nog steeds geen internet",
    "Spotify torna online per tutti ma da me ancora niente",
])
def test_a_problem_said_to_go_on_beside_the_same_words_stays_a_problem_now(tag, text):
    assert tag(text)["ongoing"] is True
