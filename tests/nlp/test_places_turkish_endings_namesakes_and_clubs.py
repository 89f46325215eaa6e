"""Places in Turkish chat with their ending of where written on, without an apostrophe ("izmirde", "ataşehirde",
"ankaradan": ``inflected.tr_place_form``); a place's name right after a word for a friend or a relative is a person's
("mi amiga Valencia"); a region after its city and a comma says which city ("a Palermo, Sicilia"); a district before a
match's result is its club ("Beşiktaş yine kaybetti"); a Korean district that is also a word only before a particle
("분당에서", not "분당 10회")."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, regions", [
    ("superonline gitti, izmirde evden çalışan herkes mağdur", ["geo:TR-35"]),
    ("bornovada türk telekom yok sabahtan beri", ["geo:TR-35"]),
    ("ankaradan yazıyorum, vodafone çekmiyor hiç", ["geo:TR-06"]),
    ("Telegram non va a Palermo, Sicilia, da stamattina", ["geo:IT-PA"]),
    ("분당에서 카카오톡 안 돼요 저만 그런가요", ["geo:KR-41"]),
    ("LINEが博多駅周辺で全然繋がらない", ["geo:JP-40"]),
])
def test_a_place_as_it_is_written_in_chat_is_where(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text", [
    "orduda internet yok diyorlar, kuzenim söyledi",  # "in the army", not Ordu
    "mi amiga Valencia dice que Spotify le salta canciones",  # a friend called Valencia
    "il mio collega Firenze non riesce ad accedere a Teams",  # a colleague called Firenze
    "Beşiktaş yine kaybetti, Netflix de açılmıyor",  # the club lost
    "분당 10회 요청 제한 걸려서 API 안 돼요",  # per minute
])
def test_a_place_word_that_is_no_place_here(tag, text):
    assert tag(text)["regions"] == []
