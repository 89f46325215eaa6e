"""Places abroad: a city in the other script ("ソウルで", "뉴욕에서", "ロンドンにいる"), and which of the cities
several countries share a text means, by the countries of the network operators it names ("Movistar ... en
Palermo" is Buenos Aires' Palermo, not Sicily's).

Why a module of its own: the resolver's place rules ask two questions here that need data of their own, the
built table of cities in katakana and hangul (``geo.script_places``) and the operators' countries
(``operators.countries``), and both are cheap enough to ask only of a place already found.
"""

from __future__ import annotations

import functools
import re

from outagewatch.nlp.geo import namesakes, script_places

# Right after a city abroad in a Japanese run: a particle or a word that says the city is where (in, at, from,
# living in, on a trip to, the city's area): "ソウルで", "ロンドンにいる", "パリ在住", "ニューヨーク出張中".
JA_WHERE = ("で", "では", "にて", "にいる", "に居る", "にいます", "に住", "に滞在", "に出張", "に旅行", "に来", "に行",
            "にある", "から", "在住", "滞在", "出張", "旅行", "駐在", "留学", "市内", "市", "周辺", "近郊", "全域", "全体",
            "方面", "エリア", "地域", "近辺", "の空港", "空港", "のホテル", "支社", "支店")
# After a city abroad in hangul, inside its word: a particle of place ("뉴욕에서", "런던에", "파리에선") or a word of
# place written on ("도쿄쪽", "런던시내"); as the next word: a word of place or of being there ("뉴욕 출장 중인데",
# "런던 사는데", "파리 여행 중").
KO_WHERE = ("에", "쪽", "지역", "시내", "일대", "전역", "현지", "출장", "여행", "공항")
KO_WHERE_NEXT = ("에서", "쪽", "지역", "시내", "일대", "전역", "전체", "근처", "현지", "출장", "여행", "공항", "사는", "살고",
                 "살아", "거주", "체류", "유학")
HANGUL = re.compile("[\uac00-\ud7a3]")
KATAKANA_RUN = re.compile("[\u30a0-\u30ff]{2,}")
HANGUL_WORD = re.compile("(?<![\uac00-\ud7a3])[\uac00-\ud7a3]{2,}")
# A character one of which every match of the two above holds: a text holding none has no city abroad in its
# words, and its words are not read (one scan for its class, which `re` skips through, against two regexes a
# word beyond ASCII: ~37k instructions a Japanese post with no katakana, most of the mix's).
SCRIPT_PLACE_LETTER = re.compile("[\u30a0-\u30ff\uac00-\ud7a3]")
LONGEST = 12  # characters of the longest hangul name looked up at a word's start


def find_script_places(texts: list[str]) -> list[tuple[int, str]]:
    """(token index, name) of each city abroad in katakana or hangul (``geo.script_places``) in the words of a
    Japanese or Korean text: a katakana name as a whole run of katakana ("ロンドンに", not "ソウルフード"), a hangul
    one as the start of a word ("뉴욕에서", not "태평양" for 평양), the longest that is a name. Dictionary look-ups
    of a word's runs, not a regex of every name: cheap for the texts that name none."""
    table = script_places()
    heads = _heads()
    found = []
    for i, text in enumerate(texts):
        if text.isascii():
            continue
        for m in KATAKANA_RUN.finditer(text):
            if m.group() in table:
                found.append((i, m.group()))
        for m in HANGUL_WORD.finditer(text):
            word = m.group()
            if word[:2] not in heads:  # (one look-up for the words no name begins)
                continue
            for end in range(min(len(word), LONGEST), 1, -1):
                if word[:end] in table:
                    found.append((i, word[:end]))
                    break
    return found


@functools.lru_cache(maxsize=1)
def _heads() -> frozenset[str]:
    """The first two letters of each hangul name."""
    return frozenset(name[:2] for name in script_places() if HANGUL.match(name))


def script_city(written: str) -> bool:
    """A city abroad written in katakana or hangul (``geo.script_places``)."""
    return written in script_places()


def script_city_said(texts: list[str], start: int, written: str) -> bool:
    """A city abroad in katakana or hangul said as where something is: a particle or word of place right after it
    ("ソウルでカカオトーク使えない", "뉴욕에서 카톡 안 된대요", "런던 사는데"), not a word it begins
    ("뉴욕타임스", "ローマ字"); a hangul name only at the start of its word ("태평양" holds no Pyongyang).
    (A katakana name inside a longer katakana word, "ソウルフード", is never found: ``pipeline._inside_word``.)"""
    token = texts[start]
    at = token.find(written)
    if at < 0:
        return False
    rest = token[at + len(written):]
    following = texts[start + 1] if start + 1 < len(texts) else ""
    if HANGUL.match(written):
        if at and HANGUL.match(token[at - 1]):
            return False
        if rest:
            return rest.startswith(KO_WHERE)
        return following.startswith(KO_WHERE_NEXT)
    if rest:
        return rest.startswith(JA_WHERE)
    return following.startswith(JA_WHERE) and not following.startswith(("市", "から"))


def namesake_by_countries(written: str, countries: frozenset[str]) -> str | None:
    """Of the places named ``written`` (``geo.namesakes``), the one place in the countries the text's operators
    serve, if exactly one is ("Movistar" serves Argentina, not Italy: "Palermo" AR-C; "Vivo" Brazil); None where
    none or several are ("Movistar ... en Valencia": Spain and Venezuela both, the usual choice stands)."""
    if not countries:
        return None
    chosen = [code for code, _ in namesakes().get(written, ()) if code[:2] in countries]
    return chosen[0] if len(chosen) == 1 else None


def cjk_people(token: str, written: str) -> bool:
    """A country's name in Japanese or Korean with the word for a person written on: its people ("韓国人",
    "日本人", "한국인", "미국인인데"), not "한국인데" (it is Korea), "한국인터넷" (Korea's internet ...)."""
    at = token.find(written)
    if at < 0:
        return False
    rest = token[at + len(written):]
    if HANGUL.match(written):
        return rest.startswith("인") and not rest.startswith(("인데", "인터", "인가", "인지", "인듯", "인줄"))
    return rest.startswith("人")
