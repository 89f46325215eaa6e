"""A regex is skipped only on a text that cannot hold a match of it (nlp/fastre.py): the characters
one of which its every match holds, read from the parsed pattern, or None where that is not sure."""

from __future__ import annotations

import re

import pytest

from outagewatch.nlp import lexicon, pipeline
from outagewatch.nlp.fastre import may_match, needed_chars


@pytest.mark.parametrize("pattern, needed", [
    ("障害|落ちた", {"障", "落"}),
    (r"(?<![면게지])\s?안 ?(?:됨|돼요)", {"안"}),  # a look-behind and an optional space say nothing; "안" must be there
    (r"(?<!빵)(?<!빵 )터(?:짐|졌냐)", {"터"}),
    ("(?:繋|つな)がらな", {"繋", "つ"}),
    ("[エ失]ラー?", {"エ", "失"}),
    ("x{2,}", {"x"}),
    (r"\w+", None),  # a category: not sure
    ("a?b?", None),  # only optional items: a match may hold neither
    ("ab|[0-9]", {"a", *"0123456789"}),  # a range is its characters
    ("ab|[^0-9]", None),  # a negated class: not sure
    ("(?i)障害|abc", None),  # an inline flag: "ABC" matches too
])
def test_needed_characters(pattern, needed):
    assert needed_chars(pattern) == (frozenset(needed) if needed else None)


def test_the_first_character_a_match_needs_gates_a_cjk_regex_the_smallest_set_a_tokenizer_rule():
    # "繋がらない", "つながらない": the first character, not the particle "が" that most Japanese posts hold
    assert needed_chars("(?:繋|つな)がらない") == {"繋", "つ"}
    assert needed_chars("(?:繋|つな)がらない", smallest=True) == {"が"}
    connection = dict((s, n) for s, _, n in pipeline._JA_SYMPTOMS)["connectivity"]
    assert "が" not in connection
    assert needed_chars(r"[A-Za-z]\.\.+", smallest=True) == {"."}  # the one mark an infix rule needs


def _samples() -> list[str]:
    """Every plain phrase of the Japanese/Korean tables, alone and inside a sentence, and a few posts."""
    plain = [p for table in (lexicon.JA_SYMPTOMS, lexicon.JA_STATUS) for ps in table.values() for p in ps
             if re.escape(p) == p]
    plain += [p for p in (*lexicon.JA_NEGATED, *lexicon.JA_EVERYDAY) if re.escape(p) == p]
    return [*plain, *(f"今日の朝から{p}です" for p in plain), "LINEが送れないけど福岡は普通", "카톡 안 돼요 ㅠㅠ",
            "今日はいい天気ですね", "週末はtacosを食べに行く"]


def test_a_skipped_regex_has_no_match_and_a_matching_one_is_never_skipped():
    regexes = [r for _, r, _ in pipeline._JA_SYMPTOMS] + [r for _, r, _ in pipeline._JA_STATUS] + \
        [pipeline._JA_NEGATED, pipeline._JA_EVERYDAY]
    matched = 0
    for text in _samples():
        chars = set(text)
        for regex in regexes:
            if regex.search(text):
                matched += 1
                assert may_match(needed_chars(regex.pattern), chars), (regex.pattern[:40], text)
    assert matched > 50
    assert all(needed_chars(r.pattern) is not None for r in regexes)  # every table's regex can be skipped


def test_symptoms_found_in_japanese_and_korean_are_the_same(tag):
    assert "outage" in tag("Discordの障害で落ちてる")["symptoms"]
    assert tag("今日はいい天気ですね")["symptoms"] == []


HIDE_PARSER = """
import json, re, sys
del re._parser
sys.modules["re._parser"] = None  # a Python whose re keeps its parser elsewhere
from outagewatch.nlp import affixes, fastre, pipeline
assert fastre.parser is None
assert all(n is None for _, _, n in [*pipeline._JA_SYMPTOMS, *pipeline._JA_STATUS])
nlp = pipeline.make_nlp()
texts = ["AWSの障害で落ちてる", "Discord繋がらない 502s!!", "us-east-1... down?", "l'app d'Instagram", "çöküyor #rokudown"]
print(json.dumps([[t.text for t in nlp.make_doc(x)] for x in texts]))
print(pipeline._japanese("LINEが繋がらない、障害？"))
"""


def test_a_python_without_re_s_parser_reads_every_regex_whole_with_the_same_results():
    import json
    import os
    import subprocess
    import sys

    from outagewatch.nlp.pipeline import _japanese, make_nlp

    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    done = subprocess.run([sys.executable, "-c", HIDE_PARSER], capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    tokens, found = done.stdout.strip().splitlines()
    nlp = make_nlp()
    texts = ["AWSの障害で落ちてる", "Discord繋がらない 502s!!", "us-east-1... down?", "l'app d'Instagram",
             "çöküyor #rokudown"]
    assert json.loads(tokens) == [[t.text for t in nlp.make_doc(x)] for x in texts]
    assert found == str(_japanese("LINEが繋がらない、障害？"))


@pytest.mark.parametrize("pattern, firsts", [
    ("障害|落ちた", {"障", "落"}),
    (r"(?<![면게지])\s?안 ?(?:됨|돼요)", None),  # an optional space first: a category, not sure
    (r"(?<!빵)(?<!빵 )터(?:짐|졌냐)", {"터"}),  # a look-behind consumes nothing
    ("(?:繋|つな)がらな", {"繋", "つ"}),
    ("a?b", {"a", "b"}),  # an optional first item: its characters or the next item's
    ("a*", None),  # a match may be empty
    (r"\bx|[0-2]y", {"x", "0", "1", "2"}),
    (".x", None),
    ("(?i)ab", None),
])
def test_first_characters(pattern, firsts):
    from outagewatch.nlp.fastre import first_chars

    assert first_chars(pattern) == (frozenset(firsts) if firsts else None)


def test_a_regex_behind_its_first_characters_finds_the_same_matches():
    """fastre.leading: the look-ahead on a match's first characters changes no match of the tables'
    regexes, on their phrases in sentences and on every development set's texts."""
    import json
    from pathlib import Path

    from outagewatch.nlp.fastre import leading

    tables = [*(p for ps in lexicon.JA_SYMPTOMS.values() for p in [ps]), *lexicon.JA_STATUS.values(),
              lexicon.JA_NEGATED, lexicon.JA_EVERYDAY, lexicon.MONEY_FAILURE_CJK]
    texts = _samples() + [p for table in tables for p in table] + [
        "PayPayの決済が二重になってる", "カード支払いが2回引き落とされた", "결제 두 번 됐어요 ㅠ", "이중 결제 환불 언제", "注文が二重"]
    data = Path(__file__).resolve().parents[1] / "data"
    for path in sorted(data.glob("tagging_dev*.jsonl")) + [data / f"tagging_final{n}.jsonl" for n in range(1, 17)]:
        if path.exists():
            with path.open(encoding="utf-8") as lines:
                texts += [json.loads(line)["text"] for line in lines]
    led = 0
    for table in tables:
        plain = re.compile("|".join(table))
        fast = re.compile(leading("|".join(table)))
        led += fast.pattern != plain.pattern
        for text in texts:
            assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], text
    assert led >= 5  # the tables whose alternation re cannot skip through by itself: "problems", "recovered"...


@pytest.mark.parametrize("pattern, led", [
    ("エラー|失敗", False),  # an alternation of literals: re skips to "エ" or "失" by itself
    ("(?:繋|つな)がらな", False),  # inside a group, the same
    ("タイムアウト", False),  # a literal prefix
    ("[エ失]ラー", False),  # a class first
    (r"(?<!빵)(?<!빵 )터(?:짐|졌냐)", True),  # a look-behind first: re would try every position
    ("不具合|(?:送信|受信)でき", True),  # a branch that starts with a group
    ("a?b", True),  # an optional first item
    (r"\s?안", False),  # no first characters to look ahead for: as it is
])
def test_a_look_ahead_is_put_only_before_a_regex_re_cannot_skip_through_by_itself(pattern, led):
    """fastre.leading: a look-ahead first makes re try the pattern at every position; where re finds the
    first characters by itself (a literal, a class, an alternation of literals first) it is left out."""
    from outagewatch.nlp.fastre import leading

    assert (leading(pattern) != pattern) is led


def test_a_post_is_read_for_every_character_a_gate_looks_for():
    """_japanese reads a post's characters as the ones the gates look for (one scan, not a set of every
    character): each gate's every character is among them, so no regex is skipped that a set of all would run."""
    gates = [n for _, _, n in [*pipeline._JA_SYMPTOMS, *pipeline._JA_STATUS]] + \
        [pipeline._JA_NEGATED_NEEDS, pipeline._JA_EVERYDAY_NEEDS]
    for needed in filter(None, gates):
        for ch in needed:
            assert pipeline._JA_GATED.findall(f"abc {ch} 123") == [ch], ch
    assert pipeline._japanese("LINEが繋がらない、障害？") and pipeline._japanese("今日はいい天気ですね") == []
