"""Words the rules have read once are not read word by word again, and that changes no tag: a
misspelt name is found however often the words around it were seen, and a clause still ends at a
"lol" or an emoji (nlp/service_rules.py's typo look-up, nlp/fine.py's clause marks)."""

from __future__ import annotations

import pytest

from outagewatch.nlp.fine import CHAT_END, _may_end_chat


def test_a_misspelt_name_is_found_after_its_neighbours_were_remembered(tagger, tag):
    for _ in range(3):  # the same everyday words again and again: remembered as one edit off no name
        assert tag("the app is not loading again today")["services"] == []
    assert {"again", "loading", "not"} <= tagger.vocab.typo_none
    assert tag("netflx not loading again")["services"] == ["netflix"]
    assert tag("githib is a funny word")["services"] == []  # no trouble said: still no name
    assert tag("so githib down?")["services"] == ["github"]
    assert "githib" not in tagger.vocab.typo_none and "netflx" not in tagger.vocab.typo_none


@pytest.mark.parametrize("word", ["lol", "lmao", "ww", "wwww", "草", "ㅋㅋ", "ㅠㅠ", "😂", "!!😂", "🙌"])
def test_a_chat_end_is_looked_for(word):
    assert CHAT_END.match(word) and _may_end_chat(word)


@pytest.mark.parametrize("word", ["outage", "Frankfurt", "LOL", "w", "down", "503", "#aws", "https://t.co/x"])
def test_a_word_that_cannot_end_chat_is_not_read_by_the_regex(word):
    assert not CHAT_END.match(word)
    if word.isascii() and word[:1] not in ("l", "w"):
        assert not _may_end_chat(word)


@pytest.mark.parametrize("text", ["in Berlin alles gut lol Zoom down in Frankfurt", "Berlin fine 😂 Frankfurt zoom down"])
def test_a_place_said_fine_before_a_laugh_is_not_where_the_problem_is(tag, text):
    assert tag(text)["regions"] == ["geo:DE-HE"]  # the laugh ends Berlin's clause: its "fine" is Berlin's
