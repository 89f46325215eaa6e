"""The prescan clears only texts the full pipeline would tag with nothing."""

from __future__ import annotations

import json
from pathlib import Path

from outagewatch.nlp.source import parse_source

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


def test_a_post_with_emoji_gives_the_same_words_as_the_regex_reads():
    """A post whose only characters beyond ASCII are emoji, symbols or punctuation is split by bytes too; one with
    a letter or digit beyond ASCII anywhere in it is read by the regex."""
    from outagewatch.nlp.prescan import WORD_RE, words_of

    posts = ["the sunset over the lake tonight 😍 #tbt", "so good🙌lol ❤️❤️ https://t.co/x1", "it’s “fine” — really…",
             "\u00a0nbsp\u2028line\u3000ideographic space", "lone \ud800 surrogate", "bold \U0001d400 letter",
             "café 😍 ok", "東京 🙌 tokyo", "٣ arabic digit 🙌", "ǅ titlecase", "e\u0301 combining accent"]
    for post in posts:
        assert words_of(post) == WORD_RE.findall(post), post
    assert words_of("great game 🙌lol") == ["great", "game", "lol"]
    assert words_of("café 😍") == ["café"]  # a letter beyond ASCII stays in its word


def test_a_phrase_looked_for_as_written_is_found_wherever_it_is(tagger):
    """The phrases read as written ("u.s.", "1.1.1.1", "x.com") are found inside any text, as the plain
    alternation of them finds them, whichever of their characters the search is anchored on."""
    import re

    prescan = tagger.prescan
    plain = re.compile("|".join(map(re.escape, prescan.raw)))
    texts = [f"{head}{phrase}{tail}" for phrase in prescan.raw for head in ("", "a ", "x", ". ")
             for tail in ("", " ok", "z", ".")]
    texts += [phrase[:-1] for phrase in prescan.raw] + [phrase[1:] for phrase in prescan.raw]
    for text in texts:
        assert (prescan.raw_re.search(text) is None) == (plain.search(text) is None), text
    assert prescan.candidate("the U.S. team looks strong this year")
    assert prescan.candidate("is 1.1.1.1 slow for anyone")


def test_a_5xx_code_written_onto_http_is_a_candidate(tagger):
    for text in ("http/5023 again?", "HTTP502.5 whatever that is", "getting 503s", "5xx errors all morning"):
        assert tagger.prescan.candidate(text), text
    for text in ("ran 5023 meters today", "the 502 bus is late again", "http://example.org/5023 lol"):
        assert not tagger.prescan.candidate(text), text


def test_a_5xx_code_inside_a_number_is_no_candidate_and_one_after_it_is(tagger):
    """A "5dd" inside a longer number ("1503", "2.503", "1,502") is no status code, even beside an HTTP word; a
    code after the number ("1503 users, 503 errors") still is."""
    for text in ("got 1503 points with the team today", "code 2.503 for the quiz", "got 1,502 likes, what a day",
                 "returns 15033 rows"):
        assert not tagger.prescan.candidate(text), text
    for text in ("got 1503 points, then 502 with the app", "1,502 likes and 503s", "55503 then 5xx with it"):
        assert tagger.prescan.candidate(text), text


def test_a_post_in_latin1_gives_the_same_words_as_the_regex_reads():
    """A post whose characters beyond ASCII are all Latin-1 is split by bytes too, each Latin-1 letter or digit
    kept in its word ("ª", "µ", "²" are word characters to the regex; "¿", "×", a no-break space are not)."""
    from outagewatch.nlp.prescan import WORD_RE, words_of

    posts = ["¿se cayó whatsapp? no me carga nada", "störung bei der telekom seit 8ª hora", "µs ² ³ ¹ ¼ ½",
             "a×b÷c\u00a0d\u00adé ß ÿ þ ð", "naïve café 😍 ok", "já caiu 😡 de novo", "ok ł and é", "é\ud800"]
    for post in posts:
        assert words_of(post) == WORD_RE.findall(post), post
    assert words_of("¿se cayó?") == ["se", "cayó"]
    assert words_of("8ª µs ½") == ["8ª", "µs", "½"]


def test_a_post_with_kana_kanji_or_hangul_goes_on_whatever_else_it_holds(tagger):
    """Told before the other checks (it skips them): a Japanese, Chinese or Korean post, or one English post
    with a word of them in it, is read by the pipeline, which decides; no other post is sent on for them."""
    for text in ("今日はいい天気ですね", "週末はsushiを食べに行く @mum https://t.co/ab12 #tbt", "오늘 날씨 좋네요 🙌",
                 "great ramen tonight 東京", "ＡＢＣ　ですね"):
        assert tagger.prescan.clear(text) is None, text
    for text in ("great ramen tonight ♨️", "café naïve ça va", "ＡＢＣ ｄｅｆ"):  # no kana, kanji or hangul
        assert tagger.prescan.clear(text) is not None, text
