"""The relevance classifier's features: token ids, plus character pairs inside kana, kanji and hangul.

The tagger's tokenizer leaves a Japanese clause one token, so a model of whole tokens has never seen
"が朝から繋がらない" even when it learned "繋がらない" from a dozen other complaints; its character
pairs it has seen. The features are made for a whole batch at once and must be what a per-text
extraction gives (the same keys and counts), or the tagger would score another model than the one
trained.
"""

from __future__ import annotations

import numpy
import pytest
from spacy.strings import hash_string

from outagewatch.nlp import Tagger
from outagewatch.nlp.pipeline import make_nlp
from outagewatch.nlp.relevance import RelevanceModel
from outagewatch.nlp.relevance_features import architecture, batch_features, text_features


@pytest.fixture(scope="module")
def nlp():
    return make_nlp("xx")


def reference(doc, **settings):
    """One doc's (keys, counts) the slow, obvious way: its token ids and extra keys, numpy.unique."""
    ids = doc.to_array("ORTH")
    extra = numpy.asarray(text_features([t.text for t in doc], settings.get("cjk", 0), settings.get("affix", 0),
                                        lower=settings.get("lower", 0)), dtype=numpy.uint64)
    return numpy.unique(numpy.concatenate([ids, extra]), return_counts=True)


def test_a_japanese_clause_gives_its_character_pairs_and_ascii_words_give_none():
    assert text_features(["が今日ずっと繋がらない"], cjk=2) == text_features(
        ["が今", "今日", "日ず", "ずっ", "っと", "と繋", "繋が", "がら", "らな", "ない"], cjk=2)
    assert len(text_features(["が今日ずっと繋がらない"], cjk=2)) == 10
    assert text_features(["Slack", "down", "again"], cjk=2) == []
    assert len(text_features(["지금", "유튜브"], cjk=2)) == 1 + 2
    # the same letters as a token and as a pair are different keys
    assert hash_string("繋が") not in text_features(["繋が"], cjk=2)


def test_batch_features_are_each_docs_own(nlp):
    texts = ["Netflixが今日ずっと繋がらない", "Slack down down again", "", "지금 유튜브 안 돼요 안 돼요",
             "çalışmıyor instagram şu anda", "🙃", "LINEが朝から繋がらない、繋がらない"]
    docs = [nlp.make_doc(t) for t in texts]
    for settings in ({"cjk": 2}, {"cjk": 2, "affix": 4}, {}, {"cjk": 2, "affix": 4, "lower": 1}):
        keys, counts, lengths = batch_features(docs, **settings)
        assert lengths.tolist() == [len(reference(d, **settings)[0]) for d in docs]
        at = 0
        for doc, n in zip(docs, lengths.tolist()):
            want_keys, want_counts = reference(doc, **settings)
            assert keys[at:at + n].tolist() == want_keys.tolist()
            assert counts[at:at + n].tolist() == want_counts.astype(numpy.float32).tolist()
            at += n
    unigrams = batch_features(docs[1:2], cjk=2)
    assert unigrams[0].tolist() == sorted(set(docs[1].to_array("ORTH").tolist()))
    assert sorted(unigrams[1].tolist()) == [1.0, 1.0, 2.0]  # "down" twice


def test_keys_come_by_doc_then_key_as_lexsort_orders_them():
    """The batch's keys sorted by one packed number (the doc's index over the key's top bits) come in
    lexsort's order, also where two keys of one doc share their top bits (lexsort then decides)."""
    from outagewatch.nlp.relevance_features import _by_doc_then_key

    rng = numpy.random.default_rng(7)
    for n_docs in (1, 2, 3, 1000, 1 << 20):
        flat = rng.integers(0, 2 ** 63, 5000, dtype=numpy.uint64) * numpy.uint64(2)
        owner = rng.integers(0, n_docs, 5000).astype(numpy.int64)
        near = flat.copy()
        near[1::2] = flat[::2] + numpy.uint64(1)  # pairs equal but for the lowest bit
        owner[1::2] = owner[::2]
        for keys in (flat, near, flat[:1], numpy.full(40, 5, dtype=numpy.uint64)):
            docs = owner[:len(keys)]
            order = numpy.lexsort((keys, docs))
            got_keys, got_docs = _by_doc_then_key(keys, docs, n_docs)
            assert got_keys.tolist() == keys[order].tolist() and got_docs.tolist() == docs[order].tolist()


def _train(arch, tmp_path):
    """A tiny model: Japanese complaints of "繋がらない" (cannot connect) are outages, chatter is not."""
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
    import relevance_models

    complaints = ["Switchが繋がらない", "ゲームが夜まで繋がらない", "アプリが全然繋がらない", "サーバーにまた繋がらない",
                  "ずっと繋がらないんだけど", "回線が急に繋がらない", "Discordが繋がらない", "ログインしても繋がらない"]
    chatter = ["今日はいい天気", "ラーメン食べたい", "新しい本を読んだ", "猫がかわいい", "明日は休みです",
               "映画を見に行った", "朝ごはんはパン", "週末は旅行"]
    records = [{"text": t, "rel": True, "ong": True} for t in complaints] + \
              [{"text": t, "rel": False, "ong": False} for t in chatter]
    model = relevance_models.fit_shipped(records, epochs=100, architecture=arch)
    path = tmp_path / "model.zip"
    model.save(path)
    return path


def test_the_character_pairs_let_the_model_read_a_clause_it_never_saw(tmp_path):
    unseen = "LINEが朝から繋がらない"  # the tokens "LINE", "が朝から繋がらない": the second never seen whole
    pairs = RelevanceModel.load(_train(architecture(cjk=2), tmp_path)).predict(unseen)
    tokens = RelevanceModel.load(_train(None, tmp_path)).predict(unseen)
    # the token model knows neither token: it says what it says of nothing (~0.5); the pairs model
    # knows "繋が", "がら", "らな", "ない" from the complaints
    assert abs(tokens.relevant - 0.5) < 0.05
    assert pairs.relevant > 0.6 and pairs.relevant > tokens.relevant + 0.1


def test_a_model_of_character_pairs_loads_in_the_tagger_and_scores_as_trained(tmp_path):
    path = _train(architecture(cjk=2), tmp_path)
    again = tmp_path / "again.zip"
    RelevanceModel.load(path).save(again)
    assert again.read_bytes() == path.read_bytes()
    model = RelevanceModel.load(path)
    assert model.architecture["cjk"] == 2
    texts = ["Netflixが今日ずっと繋がらない", "Slack down", "猫がかわいい"]
    # the tagger's batch fast path and the model run whole (spaCy's own forward) agree to the bit
    docs = [model.nlp.make_doc(t) for t in texts]
    whole = model.textcat.model.predict(docs).tolist()
    assert [list(p) for p in model.predict_many(texts)] == [[float(x) for x in row] for row in whole]
    result = Tagger(relevance_model=path).tag_text("Netflixが今日ずっと繋がらない")
    assert result["model"]["relevant"] == pytest.approx(model.predict("Netflixが今日ずっと繋がらない").relevant, abs=5e-4)


def test_a_word_in_capitals_also_gives_its_lower_case_token(nlp):
    # "Down", "DOWN" and "down": with ``lower`` the first two also give the key of "down" (its token id), so a
    # weight learned from one spelling serves the others; a word already in lower case gives nothing more.
    assert text_features(["Down", "DOWN"], lower=1) == [hash_string("down")] * 2
    assert text_features(["down", "slack", "繋がらない", "123"], lower=1) == []
    doc = nlp.make_doc("Slack DOWN down")
    keys, counts, _ = batch_features([doc], lower=1)
    got = dict(zip(keys.tolist(), counts.tolist()))
    assert got[hash_string("down")] == 2.0 and got[hash_string("slack")] == 1.0 and got[hash_string("DOWN")] == 1.0
    assert architecture(cjk=2, affix=4) == {k: v for k, v in architecture(cjk=2, affix=4, lower=1).items() if k != "lower"}
