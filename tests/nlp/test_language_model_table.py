"""The language model gives the same scores, to the bit, from its weights converted to float32 once (nlp/lang.py)
as py3langid gives from the float16 table it ships: a post's language never changes for the speed."""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy

from outagewatch.nlp import lang


def _shipped():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(lang.LANGUAGES))
    return identifier


def _samples() -> list[str]:
    """Every development set's texts (as the model reads them: words only, and whole), and random letters."""
    data = Path(__file__).resolve().parents[1] / "data"
    texts = []
    for path in sorted(data.glob("tagging_dev*.jsonl")) + [data / f"tagging_final{n}.jsonl" for n in range(1, 17)]:
        if path.exists():
            with path.open(encoding="utf-8") as lines:
                texts += [json.loads(line)["text"] for line in lines]
    rng = random.Random(3)
    letters = "abcdefghijklmnopqrstuvwxyzäöüßéèçñãõłąężığşあ가東 "
    texts += ["".join(rng.choice(letters) for _ in range(rng.randint(1, 400))) for _ in range(500)]
    return [sample for text in texts for sample in (" ".join(w for w in text.split() if w.isalpha()), text)][:6000]


def test_the_float32_table_scores_every_sample_as_the_shipped_table_does():
    ours, shipped = lang._identifier(), _shipped()
    assert ours.nb_ptc.dtype == numpy.float32 and shipped.nb_ptc.dtype == numpy.float16
    samples = _samples()
    assert len(samples) > 3000
    for sample in samples:
        mine, theirs = ours._decide(sample), shipped._decide(sample)
        assert numpy.array_equal(mine.view(numpy.uint32), theirs.view(numpy.uint32)), sample
    assert lang.model("is netflix down for anyone else") == "en"
    assert lang.model("no funciona nada desde esta mañana") == "es"


def _ranked_verdict(identifier, sample: str) -> str:
    """``lang.model`` as it read py3langid's ``rank`` before the walk was remembered (the reference)."""
    ranked = identifier.rank(sample)
    code, confidence = ranked[0]
    if confidence < lang.ENGLISH_PRIOR and sample.isascii() and any(c == "en" for c, _ in ranked[:3]):
        return "en"
    return code


def test_the_remembered_walk_scores_every_sample_as_rank_does():
    # lang._scores walks the sample's bytes word by word, each (state, word) walk remembered, and reads the best
    # language and English's place from the scores instead of sorting them: the same scores to the bit, the same
    # verdict, whether the walks are new or remembered (each sample read twice, the memory cleared between).
    identifier = lang._identifier()
    assert lang._FAST[0], "the model's check at load refused the remembered walk"
    samples = _samples()
    samples += [s.upper() for s in samples[:300]] + ["", " ", "  a  b ", "e\u0301t\u00e9", "ﬁ ﬂ", "a" * 500]
    for memory in (lambda: None, lang._WALKS.clear):
        memory()
        for sample in samples:
            mine = numpy.array(lang._scores(identifier, sample), dtype=numpy.float32)
            theirs = identifier._decide(sample)
            assert numpy.array_equal(mine.view(numpy.uint32), theirs.view(numpy.uint32)), sample
            assert lang.model(sample) == _ranked_verdict(identifier, sample), sample


def test_a_full_memory_of_walks_is_forgotten_not_grown(monkeypatch):
    monkeypatch.setattr(lang, "WALK_MEMORY", 50)
    lang._WALKS.clear()
    identifier = lang._identifier()
    for sample in _samples()[:200]:
        assert lang.model(sample) == _ranked_verdict(identifier, sample)
        assert len(lang._WALKS) <= 50
    lang._WALKS.clear()
