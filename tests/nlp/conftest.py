"""One tagger for the whole nlp suite: building it from the catalog takes a few seconds."""

from __future__ import annotations

import pytest

from outagewatch.nlp import Tagger
from outagewatch.nlp.relevance import RelevanceModel


@pytest.fixture(scope="session")
def tagger() -> Tagger:
    return Tagger()


@pytest.fixture(scope="session")
def tag(tagger):
    def run(text: str, source: str | None = None, lang: str | None = None) -> dict:
        return tagger.tag_text(text, source=source, lang=lang)

    return run


@pytest.fixture(scope="session")
def rules():
    """The rules alone, without the trained relevance classifier: what a rule's own story asks."""
    tagger = Tagger(relevance_model=False)

    def run(text: str, source: str | None = None) -> dict:
        return tagger.tag_text(text, source=source)

    return run


@pytest.fixture(scope="session")
def eager_sure(tmp_path_factory):
    """The shipped relevance model made to say yes wherever it may, past the guard too (``sure`` at its lowest):
    what the rules rule out on purpose must stay out whatever a model says."""
    model = RelevanceModel.load()
    model.thresholds = {"relevant": (0.0, 0.001), "ongoing": (0.0, 0.001)}
    model.sure = {"relevant": 0.001, "ongoing": 0.001}
    path = tmp_path_factory.mktemp("model") / "eager-sure.zip"
    model.save(path)
    return Tagger(relevance_model=path)
