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
