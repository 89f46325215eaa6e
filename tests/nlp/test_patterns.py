"""The matcher's pattern Docs from the shipped token table are the tokenizer's own Docs."""

from outagewatch.nlp.patterns import Patterns, _table
from outagewatch.nlp.pipeline import make_nlp


def _words(doc):
    return [(t.text, t.lower_, bool(t.whitespace_)) for t in doc]


def test_every_tabled_pattern_is_what_the_tokenizer_makes():
    nlp = make_nlp("xx")
    plain, split = _table()
    texts = sorted(plain | set(split))
    assert len(texts) > 30_000  # the catalog's names, the places and the symptom phrases
    patterns = Patterns(make_nlp("xx"), True)
    for text, made, tokenized in zip(texts, patterns.docs(texts), nlp.tokenizer.pipe(texts)):
        assert _words(made) == _words(tokenized), text


def test_texts_the_table_lacks_and_other_pipelines_are_tokenized():
    nlp = make_nlp("xx")
    unknown = "Zzyzx-Cloud's quux.io (EU-West)"
    assert unknown not in _table()[0] and unknown not in _table()[1]
    for patterns in (Patterns(nlp, True), Patterns(nlp, False)):
        assert _words(patterns.doc(unknown)) == _words(nlp.make_doc(unknown))
        assert [_words(d) for d in patterns.docs([unknown, "netflix", unknown])] == [
            _words(nlp.make_doc(unknown)), _words(nlp.make_doc("netflix")), _words(nlp.make_doc(unknown))]
    assert not Patterns(nlp, False).plain and not Patterns(nlp, False).split


def test_words_are_the_docs_words_without_a_doc():
    """The places are looked up by their words (``Patterns.words``): the same words the Docs are made of."""
    nlp = make_nlp("xx")
    plain, split = _table()
    texts = [*sorted(plain)[:2000], *sorted(split)[:2000], "Zzyzx-Cloud's quux.io (EU-West)"]
    for patterns in (Patterns(nlp, True), Patterns(nlp, False)):
        assert list(patterns.words(texts)) == [[t.text for t in d] for d in patterns.docs(texts)]
