"""Tagging: which services, providers and regions a text speaks of, what is wrong, and
what stage a status update is at.

``Tagger.default().tag_signals(signals)`` is the entry point for ingest and collection;
``Tagger.tag_text(text, source=None, lang=None)`` serves ``outagewatch tag``. The symptom
ids are listed in :mod:`outagewatch.nlp.lexicon`; the disambiguation, negation and region
rules in :mod:`outagewatch.nlp.resolve`, which calls its helpers from :mod:`~outagewatch.nlp.relevance_rules`
(whether and when), :mod:`~outagewatch.nlp.service_rules` (which names) and :mod:`~outagewatch.nlp.place_rules`
(which places).
"""

from outagewatch.nlp.lexicon import SYMPTOMS

__all__ = ["SYMPTOMS", "Tagger"]


def __getattr__(name: str):
    # Tagger (and spaCy with it, ~0.7 s) is imported when first asked for, not with the package:
    # ingest's writing process uses outagewatch.nlp.host and never imports spaCy itself.
    if name == "Tagger":
        from outagewatch.nlp.tagger import Tagger

        return Tagger
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
