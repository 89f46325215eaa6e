"""The rules' short way for a text the matcher found nothing in (``resolve._nothing_named``): most such texts
reached the pipeline only for a kana or hangul character ("今日はいい天気ですね"). It must give exactly the tags
the whole rules give, and step aside wherever the rules can still find something without the matcher: a
network operator, a place's people, an airport, a hashtag, a hyphened compound, a product's bare name before
its use."""

from __future__ import annotations

import pytest

from outagewatch.nlp import resolve as rules
from outagewatch.nlp.pipeline import NAMES, SYMPTOMS, doc_words
from outagewatch.nlp.source import parse_source


def _both(tagger, text: str, source: str | None = None):
    doc = tagger.nlp(text)
    ctx = parse_source(source, tagger.vocab)
    short = rules.resolve(doc, tagger.vocab, ctx, want_status=True)
    original = rules._nothing_named
    try:
        rules._nothing_named = lambda *args: None  # the whole rules, always
        full = rules.resolve(doc, tagger.vocab, ctx, want_status=True)
    finally:
        rules._nothing_named = original
    return short, full, doc, ctx


def _short_way(tagger, doc, ctx):
    spans, handles, hosts, hashtags, codes = doc.user_data[NAMES]
    symptoms, stages, _, ja = doc.user_data[SYMPTOMS]
    assert not (spans or handles or hosts or codes or symptoms or stages or ja), "the matcher must find nothing"
    texts, lower = doc_words(doc)
    return rules._nothing_named(texts, lower, hashtags, tagger.vocab, ctx, doc)


CHATTER = [
    "今日はいい天気ですね 9718 🙌 so good yes! #mondaymotivation ❤️ @lucia.m",
    "週末はsushiを食べに行く honestly @the_real_sam 🙌 3546 https://t.co/374a813d2 #5",
    "오늘은 날씨가 좋네요 #tbt haha",
    "Bayernfan hier, 今日は雨",
]


@pytest.mark.parametrize("text", CHATTER)
def test_chatter_takes_the_short_way_with_the_same_tags(tagger, text):
    short, full, doc, ctx = _both(tagger, text)
    assert short == full
    assert not (short.services or short.providers or short.regions or short.symptoms or short.status)
    assert _short_way(tagger, doc, ctx) is not None


# Texts the matcher finds nothing in where the rules still find something: the short way must step aside.
STILL_SOMETHING = [
    "Londoners: 今日はいい天気",  # a place's people opening the post
    "op Schiphol, 今日は",  # an airport said as a place
    "Optus 今日は",  # a network operator
    "#rokudown 今日は",  # a hashtag saying a service is down
    "self-hosted 今日は",  # a word joined by a hyphen (a name may be inside a compound)
    "Glue jobs 今日は",  # an AWS product's bare name before its use
]


@pytest.mark.parametrize("text", STILL_SOMETHING)
def test_the_short_way_steps_aside_where_the_rules_read_more(tagger, text):
    short, full, doc, ctx = _both(tagger, text)
    assert short == full
    assert _short_way(tagger, doc, ctx) is None


def test_a_source_that_names_something_takes_the_whole_rules(tagger):
    short, full, doc, ctx = _both(tagger, "今日はいい天気ですね", source="x:@RokuSupport")
    assert short == full and short.services == ["roku"]
    assert _short_way(tagger, doc, ctx) is None


def test_a_search_for_no_product_word_keeps_the_short_way(tagger):
    # the collector's searches ("x:search:outage") bring mostly chatter: their words name no product, and only a
    # name the matcher finds would read them
    short, full, doc, ctx = _both(tagger, "今日はいい天気ですね #tbt", source="x:search:outage")
    assert short == full
    assert not (short.services or short.providers or short.regions or short.symptoms or short.relevant)
    assert _short_way(tagger, doc, ctx) is not None


def test_a_search_for_a_products_own_word_the_text_holds_takes_the_whole_rules(tagger):
    # "R2" alone is no name the matcher finds; a search for "r2" makes it Cloudflare R2 (service_rules._searched_products)
    short, full, doc, ctx = _both(tagger, "R2 今日は", source="x:search:r2")
    assert short == full and short.services == ["cloudflare/r2"]
    assert _short_way(tagger, doc, ctx) is None
    short, full, doc, ctx = _both(tagger, "R2 今日は", source="x:search:outage")
    assert short == full and short.services == []
    assert _short_way(tagger, doc, ctx) is not None


def _development_texts() -> list[str]:
    """Every development and writer set's texts (never the blind sets: scripts/relevance_data.NEVER_READ)."""
    import json
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    sys.path.insert(0, str(root / "scripts"))
    try:
        from relevance_data import NEVER_READ, WRITERS
    finally:
        sys.path.pop(0)
    paths = [p for p in sorted((root / "tests/data").glob("tagging_*.jsonl")) if p not in NEVER_READ]
    paths += [root / "training/tagging" / f"{w}.jsonl" for w in WRITERS]
    texts = []
    for path in paths:
        if path.exists() and path not in NEVER_READ:
            texts += [json.loads(line)["text"] for line in path.read_text("utf-8").splitlines() if line.strip()]
    return texts


@pytest.mark.parametrize("source", [None, "x:search:outage"])
def test_every_development_text_gets_the_same_tags_either_way(tagger, source):
    """The short way is a second copy of what the rules read beyond the matcher: a new rule that reads a problem
    or a name from other words must be looked at in ``resolve._nothing_named`` too. Every development text
    through the rules with the short way and without it, with no source and from a search (the collector's)."""
    texts = _development_texts()
    docs = list(tagger.nlp.pipe(texts))
    ctx = parse_source(source, tagger.vocab)
    short = [rules.resolve(doc, tagger.vocab, ctx, want_status=True) for doc in docs]
    taken = 0
    original = rules._nothing_named

    def counted(*args):
        nonlocal taken
        found = original(*args)
        taken += found is not None
        return found

    try:
        rules._nothing_named = counted
        [rules.resolve(doc, tagger.vocab, ctx, want_status=True) for doc in docs]
        rules._nothing_named = lambda *args: None
        full = [rules.resolve(doc, tagger.vocab, ctx, want_status=True) for doc in docs]
    finally:
        rules._nothing_named = original
    assert taken > 100  # the sets' chatter takes the short way
    assert [texts[i] for i, (a, b) in enumerate(zip(short, full)) if a != b] == []
