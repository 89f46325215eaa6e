"""A Japanese or Korean problem, status or place is found wherever it stands in a long post.

The matcher's Japanese/Korean regexes that `re` cannot skip through (a look-behind or an optional space first)
are read only around the post's runs of kana, kanji and hangul, as far as a match can reach
(``fastre.windows``), not over the English, links and emoji around them; the tables of names and of cities
abroad are read word by word only where the whole post holds a match of them. Each story is a post a user sends
to `outagewatch tag`; the last tests hold the windows to the whole-text regexes' matches on posts made of the
regexes' own phrases, and the gates to what the word-by-word reading finds.
"""

from __future__ import annotations

import random
import re

import pytest

from outagewatch.nlp import fastre, lexicon, pipeline
from outagewatch.nlp.elsewhere import SCRIPT_PLACE_LETTER, find_script_places
from outagewatch.nlp.geo import script_places
from tests.nlp.glued import glued_posts

ENGLISH = "honestly this whole week has been a mess at work and the trains were late again today lol "


@pytest.mark.parametrize("text, field, value", [
    (ENGLISH * 2 + "LINEが繋がらない", "symptoms", "connectivity"),             # after a long English stretch
    ("LINEが繋がらない " + ENGLISH * 2 + "😡 https://t.co/x1", "symptoms", "connectivity"),  # before one
    (ENGLISH + "カカオトーク 안 돼요 " + ENGLISH, "symptoms", "outage"),       # hangul between two
    (ENGLISH * 2 + "Slack 復旧しました " + ENGLISH, "status", "resolved"),
    (ENGLISH * 2 + "ソウルでカカオトーク使えない", "regions", "geo:KR-11"),    # a city abroad in katakana
    (ENGLISH + "뉴욕에서 카톡 안 된대요 " + ENGLISH, "regions", "geo:US-NY"),   # and in hangul
    (ENGLISH * 2 + "東京でdocomo繋がらない", "regions", "geo:JP-13"),          # a place in kanji
])
def test_a_japanese_or_korean_report_is_read_far_into_a_long_post(tag, text, field, value):
    found = tag(text)[field]
    assert value in found if isinstance(found, list) else found == value


def test_a_problem_said_not_to_be_there_stays_unsaid_far_into_a_post(tag):
    assert tag(ENGLISH * 2 + "PayPay 障害は発生していません")["symptoms"] == []  # the look-ahead reads past "障害"


def _windowed() -> list[tuple[re.Pattern, int]]:
    regexes = [pipeline._JA_NEGATED, pipeline._JA_EVERYDAY, pipeline._JA_PARTIAL,
               *(r for _, r, _ in pipeline._JA_SYMPTOMS + pipeline._JA_STATUS)]
    reaches = [pipeline._JA_NEGATED_REACH, pipeline._JA_EVERYDAY_REACH, pipeline._JA_PARTIAL_REACH,
               *pipeline._JA_SYMPTOMS_REACH, *pipeline._JA_STATUS_REACH]
    return [(r, reach) for r, reach in zip(regexes, reaches) if reach is not None]


def _posts(count: int, seed: int) -> list[str]:
    """Posts glued from the regexes' own phrases (as written: Japanese, Korean, with their spaces), pieces of them,
    English, links, emoji and punctuation, runs of script close together and far apart."""
    phrases = [p for table in (lexicon.JA_SYMPTOMS, lexicon.JA_STATUS) for ps in table.values() for p in ps]
    phrases += [*lexicon.JA_NEGATED, *lexicon.JA_EVERYDAY, *lexicon.JA_PARTIAL]
    # a literal sample of each: the characters of its plainest alternative, without the regex syntax
    words = [re.sub(r"[\\()?:|\[\]*+^$!<=]", "", p.split("|")[0]) for p in phrases]
    pieces = ["LTE", "5G", "TV", "push", "PC", " ", "  ", "、", "。", "？", "😀", "https://t.co/ab12", "lol", "a",
              "は", "が", "も", "ない", "ません", "면", "빵", "안", "됨", "ロード", "物", "\n"]
    return glued_posts(random.Random(seed), count, words, pieces, most_parts=10, whole=0.35, longest_space=60)


def test_the_windows_find_what_the_whole_text_regexes_find():
    """Every match of each windowed regex over the whole post, and no other, at the same places; with no reach
    at all some are missed (the check can tell)."""
    windowed = _windowed()
    assert len(windowed) >= 5  # the regexes `re` cannot skip through: "problems", "recovered", "outage"...
    posts = _posts(6000, 23)
    found = missed = 0
    for post in posts:
        runs = [m.span() for m in pipeline.SCRIPT_LETTERS.finditer(post)]
        for regex, reach in windowed:
            whole = [m.span() for m in regex.finditer(post)]
            assert [m.span() for low, high in fastre.windows(runs, reach)
                    for m in regex.finditer(post, low, high)] == whole, (regex.pattern[:40], post)
            found += len(whole)
            missed += [m.span() for low, high in fastre.windows(runs, 0)
                       for m in regex.finditer(post, low, high)] != whole
    assert found > 3000 and missed > 50


def test_japanese_reads_the_same_with_the_runs_given_or_not():
    for post in _posts(1000, 5):
        runs = [m.span() for m in pipeline.SCRIPT_LETTERS.finditer(post)]
        assert pipeline._japanese(post, runs) == pipeline._japanese(post)


def test_the_runs_of_letters_are_those_of_the_plain_class():
    plain = re.compile(pipeline.SCRIPT_LETTER.pattern + "+")
    for post in _posts(1000, 7):
        assert [m.span() for m in pipeline.SCRIPT_LETTERS.finditer(post)] == [m.span() for m in plain.finditer(post)]


@pytest.mark.parametrize("pattern, reach", [
    ("abc", 3), ("a(?=bcd)", 4), ("(?<=xyz)a", 1), ("a\\b", 2), ("^a$", 2), ("(?:ab|c){1,3}", 6), ("a?b", 2),
    ("a+", None), ("(a)\\1", None),
])
def test_reach_bounds_what_a_match_attempt_reads(pattern, reach):
    assert fastre.reach(pattern) == reach


@pytest.mark.parametrize("pattern, held", [
    ("障害", True), ("\\s?안 ?됨", True), ("(?:LTE|5G)が", True), ("(?:LTE|5G)", False), ("障?a", False),
    ("(?=障)a", False), ("[障害]", True), ("[障a]", False), ("障*", False), ("障+", True),
])
def test_holds_tells_every_match_holds_a_script_letter(pattern, held):
    letters = frozenset("障害안됨が")
    assert fastre.holds(pattern, letters) is held


def test_the_gates_open_wherever_the_words_hold_a_name_or_a_city():
    """A post whose words hold a city abroad in katakana or hangul, or a name in kanji, holds what the gate looks
    for: a post's words are pieces of it."""
    cities = sorted(script_places())
    rng = random.Random(3)
    checked = 0
    for _ in range(3000):
        words = [rng.choice([rng.choice(cities), "今日", "天気", "ですね", "sushi", "🙌", "에서", "で"])
                 for _ in range(rng.randint(1, 5))]
        post = " ".join(words)
        if find_script_places(words):
            assert SCRIPT_PLACE_LETTER.search(post) is not None, post
            checked += 1
    assert checked > 500
