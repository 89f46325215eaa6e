"""Tagging: which services, providers and regions a text speaks of, what is wrong, and
what stage a status update is at.

``Tagger.default().tag_signals(signals)`` is the entry point for ingest and collection;
``Tagger.tag_text(text, source=None, lang=None)`` serves ``outagewatch tag``. The symptom
ids are listed in :mod:`outagewatch.nlp.lexicon`; the disambiguation, negation and region
rules in :mod:`outagewatch.nlp.resolve`.
"""

from outagewatch.nlp.lexicon import SYMPTOMS
from outagewatch.nlp.tagger import Tagger

__all__ = ["SYMPTOMS", "Tagger"]
