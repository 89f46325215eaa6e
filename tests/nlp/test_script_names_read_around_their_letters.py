"""A name in kana or hangul is found wherever it stands in a long post (pipeline.ScriptNames).

The matcher reads a post for these names only around its kana, kanji and hangul, not over the English,
links and emoji around them: a Japanese or Korean writer's post often carries an English tail, and the
regex tried every position of it. Each story here is a post a user sends to `outagewatch tag`; the last
test holds the reading to the plain regex's matches on posts made to sit at the edges of what it reads.
"""

from __future__ import annotations

import random

import pytest

from outagewatch.nlp.pipeline import ScriptNames
from tests.nlp.glued import glued_posts

ENGLISH = "honestly this whole week has been a mess at work and the trains were late again today lol "


@pytest.mark.parametrize("text, service", [
    (ENGLISH * 3 + "ネトフリ急に見れなくなった", "netflix"),                 # after a long English stretch
    ("ネトフリ急に見れなくなった " + ENGLISH * 3 + "😡 https://t.co/x1", "netflix"),  # before one
    (ENGLISH * 2 + "Googleドライブ同期できない", "google-drive"),           # a Latin head before the kana
    (ENGLISH * 2 + "Google ドライブ 同期できない", "google-drive"),         # and a space after it
    (ENGLISH + "チャットGPTが返事の途中で止まる " + ENGLISH, "openai/chatgpt"),  # Latin letters after the kana
    (ENGLISH * 2 + "구글 드라이브 파일 업로드 안 됨 " + ENGLISH, "google-drive"),
])
def test_a_name_in_kana_or_hangul_is_tagged_far_into_a_long_post(tag, text, service):
    assert service in tag(text)["services"]


def test_two_names_far_apart_in_one_post_are_both_tagged(tag):
    text = "ネトフリ見れない " + ENGLISH * 3 + " 넷플은 되는데 디코에서도 음성 연결이 안 돼요"
    services = tag(text)["services"]
    assert "netflix" in services and "discord" in services


def _script_names(tagger) -> ScriptNames:
    matcher = dict(tagger.nlp.pipeline)["outagewatch_matcher"].impl
    return matcher.script_names


def test_the_windows_find_what_the_whole_text_regex_finds(tagger):
    """Names, their pieces, separators and Latin letters put together at random, runs of them near and far apart:
    every match of the regex over the whole text, and no other, at the same places."""
    names = _script_names(tagger)
    written = sorted({n.written for found in names.names.values() for n in found})
    pieces = ["a", "AWS", "Google", "g", " ", "・", "·", "\u3000", "😀", "sushi", "S", "ア", "の", "가", "。", "\n", "1"]
    texts = glued_posts(random.Random(17), 4000, written, pieces, most_parts=8, whole=0.3, longest_space=40,
                        repeats=3, joins=("", " ", "x"))
    found = 0
    for text in texts:
        whole = [m.span() for m in names.regex.finditer(text)]
        assert [m.span() for m in names._finditer(text)] == whole, text
        found += len(whole)
    assert found > 2000
