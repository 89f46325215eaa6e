"""The prescan clears only texts the full pipeline would tag with nothing."""

from __future__ import annotations

import json
from pathlib import Path

from outagewatch.nlp.source import parse_source
from outagewatch.nlp.tagger import _empty

DATA = Path(__file__).resolve().parents[1] / "data"
EVERYDAY = [
    "what a game last night, the Bears finally won #14",
    "made lasagna for dinner and it was amazing @jane_doe https://t.co/8917362f25",
    "traffic on the way to work was brutal this morning",
    "our kid's school play was adorable 592 #weekend",
    "quel match hier soir, le PSG a gagné",
    "hoy hace frío y no quiero salir",
    "heute gibt es Suppe zum Abendessen",
    "the U.S. team looks strong this year",
]


def _cases():
    items = [(text, None, None) for text in EVERYDAY]
    for name in ("tagging_dev.jsonl", "tagging_holdout.jsonl"):
        for line in (DATA / name).read_text("utf-8").splitlines():
            case = json.loads(line)
            items.append((case["text"], case.get("source"), case.get("lang_hint")))
    return items


def test_fast_path_gives_what_the_full_pipeline_gives(tagger):
    items = _cases()
    # The relevance model runs only on texts the prescan passes (its "model" key); on a cleared text
    # it could not say yes anyway (no name, no problem word), so every tag and flag agrees.
    fast = [{k: v for k, v in tags.items() if k != "model"} for tags in tagger.tag_texts(items)]
    full = [{k: v for k, v in tags.items() if k != "model"}
            for tags in tagger._tag_full(items, [parse_source(s, tagger.vocab) for _, s, _ in items], relevance=True)]
    assert fast == full
    cleared = [text for text, _, _ in items if not tagger.prescan.candidate(text)]
    assert set(EVERYDAY[:7]) <= set(cleared)  # everyday posts skip the pipeline
    assert "the U.S. team looks strong this year" not in cleared  # a place written with dots


def test_the_prescan_sees_every_kind_of_name(tagger):
    for text in ("ugh #rokudown", "@RokuSupport help", "see status.flickr.net", "errors in us-east-1",
                 "getting 503s", "AWSの障害", "netflix", "won't load", "outage in Texas",
                 "Snake school and May in China: top photos", "Hetzner baut neues Rechenzentrum in Nürnberg"):
        assert tagger.prescan.candidate(text), text


def test_a_post_in_ascii_alone_gives_the_same_words_as_the_regex_reads():
    """Most posts are ASCII, and their words are split without the regex; any other post is read by it."""
    from outagewatch.nlp.prescan import WORD_RE, words_of

    posts = [text.lower() for text, _, _ in _cases()] + [
        "is_it_down? slack... 503!!! https://t.co/ab12_cd #rokudown @aws_support us-east-1 5xx's",
        "tab\tnew\nline\x0bvertical\x1cfile sep \x00nul ~`!@#$%^&*()-=+[]{}|;:'\",.<>/?",
        "", "   ", "___", "naïve café 東京 ok", "ça marche pas",
    ]
    assert all(words_of(post) == WORD_RE.findall(post) for post in posts)
    assert words_of("hoy hace frío") == ["hoy", "hace", "frío"]  # not ASCII: the regex


# Japanese and Korean posts that name nothing: passed only for their script, they are quiet (Prescan.look).
QUIET = [
    "今日はいい天気ですね 9718 🙌 so good yes! #mondaymotivation ❤️ @lucia.m",
    "週末はsushiを食べに行く honestly @the_real_sam 🙌 3546 https://t.co/374a813d2 #5",
    "오늘은 날씨가 좋네요 #tbt haha",
]
# Japanese or Korean posts where the matcher or the rules read something, or where the language is not the script's.
NOT_QUIET = [
    "AWSの障害で落ちてる",  # a name and a Japanese problem
    "ネトフリ見れない",  # a name in katakana
    "東京は雨",  # a place in kanji
    "ドコモ今日は",  # a carrier in katakana
    "모든 시스템 정상 작동 중",  # a Korean all-clear
    "今日は LoL やる",  # a short name as its users write it
    "今日は lol servers",  # ... or beside a product noun
    "Londoners, 今日は",  # a place's people calling on them
    "今日は working again",  # a service verb said to work again
    "Gepland onderhoud: Rabobank app zondag 今日は",  # maintenance, a recovery or a fine-word
    "今日は https://t.co/83ba807445 550 ok",  # a 5xx number after a link
    "今日は #sundown",  # a hashtag ending in a down-word
    "今日は self-hosted",  # a hyphen
    "北京天气很好",  # kanji alone: Chinese, whose language the vote decides
]


def test_japanese_and_korean_posts_that_name_nothing_are_quiet(tagger):
    for text in QUIET:
        assert tagger.prescan.look(text) == (None, True), text
        assert tagger.prescan.candidate(text)  # clear() still passes it: the relevance model reads it (tag)


def test_japanese_and_korean_posts_that_name_something_are_not(tagger):
    for text in NOT_QUIET:
        assert tagger.prescan.look(text)[1] is False, text


def test_a_quiet_post_gets_what_the_whole_pipeline_gives_it(tagger):
    """Relevance read (tag): the model's block and flags as before; not read (ingest): cleared, its language."""
    items = [(text, None, None) for text in QUIET + NOT_QUIET] + [(QUIET[0], None, "de")]
    contexts = [parse_source(s, tagger.vocab) for _, s, _ in items]
    assert list(tagger.tag_texts(items)) == list(tagger._tag_full(items, contexts, relevance=True))
    compact = list(tagger._tag_compact(items))
    assert [tags if tags.__class__ is dict else _empty(tags) for tags in compact] == list(tagger._tag_full(items, contexts))
    assert compact[:3] == ["ja", "ja", "ko"] and compact[-1] == "de"  # cleared: the language alone
