"""The tokenizer tries its prefix, suffix and infix rules only where they can match, and splits
every text exactly as the whole regexes split it."""

import random

import spacy
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from outagewatch.nlp import affixes
from outagewatch.nlp.pipeline import make_nlp

POSTS = [
    "is Netflix down?? 503s since 10:42 https://t.co/3fa9b0c1e2 #netflixdown @NetflixHelps",
    "AWS'nin us-east-1 bölgesinde kesinti var, EC2-Instanzen sind weg... 12km²!",
    "ap-northeast-1のS3で障害（東京）。asia-northeast3(서울)의 notion으로 안 됨",
    "l'Azure d'Instagram dell'AWS qu'il «ne marche pas» — 50°C. U.S. $5 US$10 100kmh",
    "X'e erişim sorunu; X'teki kesinti İstanbul'da 😡😡 ¿se cayó? ¡sí! ‘quoted’ “this”",
    "line one\nline two\n\n  spaced\ttab ... …… a...b 1+2 3-4 a/b a:b a,b a.B",
]
ALPHABET = list("abzAZ059.,;:!?'\"’`()[]<>_#*&-–—~+^/=$€%°²µ…。、！？（）「」東京障害のカタ한국서울\n ©😀·|\\@ßÉıİ") + [
    "'s", "km", "'da", "'nin", "us-east-1", "EC2-", "..", "°C.", "U.S.", "d'", "dell'", "https://", ".com"]


def _whole(nlp):
    """A pipeline whose tokenizer runs spaCy's whole regexes of the same rules, as before."""
    tokenizer = nlp.tokenizer
    plain = make_nlp("xx")
    plain.tokenizer.suffix_search = compile_suffix_regex(tokenizer.suffix_search.__self__.pieces).search
    plain.tokenizer.prefix_search = compile_prefix_regex(tokenizer.prefix_search.__self__.pieces).search
    plain.tokenizer.infix_finditer = compile_infix_regex(tokenizer.infix_finditer.__self__.pieces).finditer
    plain.tokenizer.url_match = tokenizer.url_match.__self__.regex.match
    return plain


def _tokens(doc):
    return [(t.text, t.whitespace_) for t in doc]


def test_posts_and_odd_strings_are_split_as_the_whole_regexes_split_them():
    nlp = make_nlp("xx")
    plain = _whole(nlp)
    rng = random.Random(7)
    odd = [" ".join("".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 10))) for _ in range(6))
           for _ in range(4000)]
    for text in POSTS + odd:
        assert _tokens(nlp.make_doc(text)) == _tokens(plain.make_doc(text)), text


def test_each_search_finds_what_the_whole_regex_finds():
    nlp = make_nlp("xx")
    suffix = nlp.tokenizer.suffix_search.__self__
    prefix = nlp.tokenizer.prefix_search.__self__
    infix = nlp.tokenizer.infix_finditer.__self__
    rng = random.Random(11)
    pieces = ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 8))) for _ in range(20000)]
    for piece in pieces + [p + "\n" for p in pieces[:2000]]:
        for mine, whole in ((suffix.search, suffix.whole.search), (prefix.search, prefix.whole.search)):
            found, expected = mine(piece), whole(piece)
            assert (found and found.span()) == (expected and expected.span()), piece
        assert [m.span() for m in infix.finditer(piece)] == [m.span() for m in infix.whole.finditer(piece)], piece


def test_a_new_number_or_plain_word_is_not_read_by_rules_that_cannot_match_it():
    nlp = make_nlp("xx")
    suffix = nlp.tokenizer.suffix_search.__self__
    infix = nlp.tokenizer.infix_finditer.__self__
    assert suffix.search("4821") is None and suffix._by_char["1"] is None  # no suffix rule ends in a digit
    assert infix.finditer("4821") == () and infix.finditer("Netflix") == ()
    assert suffix.search("today.").group() == "." and [m.group() for m in infix.finditer("a...b")] == ["..."]


def test_rules_it_cannot_read_run_whole():
    flagged = affixes.suffixes(["(?i)ab", "cd"])  # an inline flag holds for every rule after it
    assert flagged._edges == [None, None]
    assert flagged.search("xAB").group() == "AB" and flagged.search("xCD").group() == "CD"
    maybe_empty = affixes.prefixes(["x*", "y"])
    assert maybe_empty._edges[0] is None
    assert maybe_empty.search("zzz").span() == maybe_empty.whole.search("zzz").span() == (0, 0)
    assert affixes.infixes(["[^a]", "-"]).needed is None  # a negated class needs no character in particular
    assert affixes.infixes(["[^a]", "-"]).finditer("bcd") is not ()


def test_a_saved_tokenizer_loads_and_splits_the_same():
    nlp = make_nlp("xx")
    loaded = spacy.blank("xx")
    loaded.tokenizer.from_bytes(nlp.tokenizer.to_bytes())
    for text in POSTS:
        assert _tokens(loaded.make_doc(text)) == _tokens(nlp.make_doc(text)), text


def test_the_tokenizer_remembers_the_splits_of_many_pieces_and_splits_the_same():
    """spaCy remembers only its first 10,000 pieces by default; a stream of new numbers and links fills
    that, and every word met later went through the rules again. The pipeline remembers
    ``TOKEN_CACHE`` pieces; what it remembers splits as the rules do, pieces met first or again."""
    from outagewatch.nlp.pipeline import TOKEN_CACHE

    nlp = make_nlp()
    assert nlp.tokenizer.max_cache_size == TOKEN_CACHE > 10_000
    fresh = make_nlp()
    fresh.tokenizer.max_cache_size = 0  # remembers nothing: every piece split by the rules
    rng = random.Random(5)
    words = ["is", "down", "again", "Netflix", "l'app", "AWSの障害", "502s!!", "(us-east-1)", ":)", "don't", "#down"]
    texts = [" ".join(rng.choice(words) + rng.choice(["", str(rng.randint(0, 10**6)), "!", "."]) for _ in range(12))
             for _ in range(3000)]
    for text in texts + texts:
        assert _tokens(nlp(text)) == _tokens(fresh(text)), text


def test_the_url_rule_reads_only_a_piece_with_a_dot_and_links_stay_one_token():
    """spaCy tries its URL rule on every new piece its affix rules leave; every URL it matches holds a ".", so a
    piece without one (a number, a serial, a word) is not read by it. Links are one token as before."""
    nlp = make_nlp("xx")
    url = nlp.tokenizer.url_match.__self__
    assert isinstance(url, affixes.Needing) and url.pattern == url.regex.pattern
    assert url.match("4821") is None and url.match("https://t.co/3fa9b0c1e2") and url.match("status.aws.amazon.com/x")
    text = "down again https://t.co/3fa9b0c1e2 see status.aws.amazon.com/x and 10.0.0.1:8080 now 4821"
    words = [t.text for t in nlp.make_doc(text)]
    assert {"https://t.co/3fa9b0c1e2", "status.aws.amazon.com/x", "4821"} <= set(words)
    rng = random.Random(13)
    parts = ALPHABET + ["www.", "http://", "://", "192.168.", "10.0.0.", ":8080", "user@", "example", "東京.jp"]
    pieces = ["".join(rng.choice(parts) for _ in range(rng.randint(1, 8))) for _ in range(20000)]
    matched = 0
    for piece in pieces:
        expected = url.regex.match(piece)
        assert (url.match(piece) and url.match(piece).span()) == (expected and expected.span()), piece
        matched += expected is not None
    assert matched > 100
