"""The rules' phrase regexes (nlp/relevance_rules.py) are skipped only on a text that cannot hold a match
(nlp/phrasegate.py): a look back, a past or present time, a status component's state."""

from __future__ import annotations

import json
from pathlib import Path

from outagewatch.nlp import lexicon, relevance_rules
from outagewatch.nlp.phrasegate import keys, may_hold

DATA = Path(__file__).resolve().parents[1] / "data"


def test_a_phrase_stands_by_its_longest_word_or_whole():
    assert keys(["at the moment", "al momento", "en estos momentos", "as of now", "şu an", "şu anda"]) == \
        ("as of now", "moment", "şu an")  # "now" alone would let every "know" through
    assert keys(["yesterday", "ayer"]) == ("ayer", "yesterday")
    assert keys(["   "]) == ("",)  # an empty alternative matches anywhere: never skipped


def _texts() -> list[str]:
    """Each phrase alone, inside a sentence and glued to punctuation, and the development set's texts."""
    phrases = [*lexicon.PRESENT_TIME_PHRASES, *lexicon.LOOKING_BACK, *lexicon.PAST_TIMES, *lexicon.COMPONENT_STATES]
    texts = [*phrases, *(f"slack is down {p} , again" for p in phrases), *(f"#{p}!" for p in phrases),
             *(p.replace("'s", " 's") for p in phrases), *(f"aws - {p} - us-east-1" for p in phrases)]
    with (DATA / "tagging_dev.jsonl").open(encoding="utf-8") as lines:
        texts += [" ".join(json.loads(line)["text"].lower().split()) for line in lines]
    return texts


def test_no_text_a_regex_matches_is_skipped():
    gated = [(relevance_rules._PRESENT_RE, relevance_rules._PRESENT_KEYS),
             (relevance_rules._BACK_RE, relevance_rules._LOOK_BACK_KEYS),
             (relevance_rules._PAST_RE, relevance_rules._PAST_KEYS)]
    matched = skipped = 0
    for text in _texts():
        for regex, needed in gated:
            if regex.search(text):
                matched += 1
                assert may_hold(text, needed), (regex.pattern[:40], text)
            elif not may_hold(text, needed):
                skipped += 1
        words = text.split()
        if relevance_rules._STATE_RE.search(" ".join(words)):
            matched += 1
            assert not relevance_rules._STATE_FIRSTS.isdisjoint(words), text
    assert matched > 300 and skipped > 1000  # the regexes do match the samples, and most texts are skipped


def test_the_rules_still_read_the_times_and_states(tag):
    assert tag("Slack is down at the moment for everyone")["ongoing"]
    assert not tag("Here's what happened during yesterday's Slack outage")["ongoing"]
    assert tag("Slack - Partial outage - Messaging")["ongoing"]


def test_the_past_time_read_once_is_the_regexs_match():
    """``_past_time`` remembers the last text it read (the look back and the present time read the same
    one): each answer is the regex's own, texts read in turn or again."""
    texts = _texts()[:400]
    for text in [*texts, *reversed(texts), *(t for t in texts for _ in range(2))]:
        match = relevance_rules._past_time(text)
        expected = relevance_rules._PAST_RE.search(text)
        assert (match and (match.span(), match.group())) == (expected and (expected.span(), expected.group())), text


def test_a_reader_of_several_key_sets_answers_as_the_keys_do():
    """phrasegate.Reader: the four key sets of the relevance rules read at once, word by word, words
    remembered, give may_hold's answer for each set on every text, met first, again or right after itself; a
    key with a space is looked for across words, and stood for by its longest part inside one."""
    from outagewatch.nlp.phrasegate import Reader

    sets = (relevance_rules._PRESENT_KEYS, relevance_rules._AGAIN_KEYS, relevance_rules._PAST_KEYS,
            relevance_rules._LOOK_BACK_KEYS)
    reader = Reader(*sets)
    assert reader.spaced and sum(map(len, reader.starts.values())) > 100
    texts = _texts() + ["a look  back", "the  incident", "", " ", "xlast weeky", "de  novo", "as of nowhere"]
    held = [0, 0, 0, 0]
    for text in texts + texts[::-1] + [t for t in texts[:300] for _ in range(2)]:
        bits = reader.holding(text)
        for i, needed in enumerate(sets):
            assert bool(bits & (1 << i)) == may_hold(text, needed), (i, text)
            held[i] += bool(bits & (1 << i))
    assert min(held) > 50  # each set is held by some texts, and not by all
    assert max(held) < 3 * len(texts)
    assert Reader(("",), ("x y",)).holding("") == 1  # a phrase of nothing: every text may match
    assert Reader(("",), ("x y",)).holding("ax yb") == 3
