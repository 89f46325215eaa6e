"""One tagger for the whole nlp suite: building it from the catalog takes a few seconds."""

from __future__ import annotations

import pytest

from outagewatch.nlp import Tagger


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
