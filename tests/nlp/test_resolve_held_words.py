"""``resolve`` finds a text's words among every fixed set it tests them against in one pass (``held``) and tests
those: a set tested against ``held`` that ``HELD_WORDS`` does not unite would never see the text's words, and its
rule would go silent ("Is Hinge down?" would lose its question). Read from resolve's own source, so a new test
of ``held`` fails here until its set is united too."""

from __future__ import annotations

import inspect
import re

from outagewatch.nlp import resolve as rules


def _tested_against_held() -> list[tuple[str, object]]:
    source = inspect.getsource(rules.resolve)
    sets = [(name, eval(name, vars(rules))) for name in re.findall(r"([\w.]+?)(?:\.keys\(\))?\.isdisjoint\(held\)",
                                                                    source)]
    words = [(word, {word}) for word in re.findall(r"\"([^\"]+)\" in held\b", source)]
    return sets + words


def test_every_set_tested_against_the_held_words_is_united_in_them():
    tested = _tested_against_held()
    assert len(tested) > 20
    assert [name for name, words in tested if not set(words) <= rules.HELD_WORDS] == []


def test_a_rule_behind_a_held_word_still_reads_it(tagger):
    # a question whether something is down, read only past a test of the held words ("is", "down"; "är", "nere")
    for text, lang in (("Is Hinge down?", "en"), ("Är BankID nere?", "sv")):
        tags = next(tagger.tag_texts([(text, None, lang)]))
        assert tags["symptoms"] == ["outage"] and tags["relevant"] and tags["ongoing"], text


def test_the_words_a_finder_reads_from_held_are_united_in_them():
    # resolve passes ``held`` to fine.may_say_fine (and through place_rules._fine_in_clause), which tests its own
    # words against it instead of every word: a fine-word left out would hide every place said fine
    from outagewatch.nlp import fine, relevance_rules

    assert fine._needed() <= rules.HELD_WORDS
    assert relevance_rules.TIME_WORDS <= rules.HELD_WORDS  # present_time, _looking_back, past_window
    assert relevance_rules.POWER_CUT_WORDS <= rules.HELD_WORDS  # _power_cut_over
    assert rules.operators.any_word() <= rules.HELD_WORDS  # operators.find


def test_finders_gated_on_held_still_find_what_they_start_from(tagger):
    # each finder resolve calls only past a test of the held words still reads its text: a network operator
    # named alone, a question answered fine by the writer, a town said to be the town, a problem told in the past
    tag = lambda text, lang="en": next(tagger.tag_texts([(text, None, lang)]))
    operator = tag("Optus down in Sydney since 9am")
    assert operator["services"] == [] and operator["relevant"] and operator["ongoing"]
    assert not tag("is AWS down? everything in us-east-1 works fine from here")["relevant"]
    assert tag("internet en panne à Tours la ville, plus rien depuis ce matin", "fr")["regions"] == ["geo:FR-37"]
    past = tag("Spotify was knocked offline by a bad config push")
    assert past["relevant"] and not past["ongoing"]
