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
