"""A Doc's span groups made for less: the same class, a cheaper constructor.

spaCy gives every Doc it makes a ``SpanGroups`` (``doc.spans``, a ``UserDict`` holding a weak reference to its
doc), built through ``UserDict.__init__`` and ``MutableMapping.update`` of an empty tuple: ~0.6 µs of the ~2.3 µs
a Doc costs to make, and more to free, on every text the tokenizer reads. Nothing here uses span groups, and
most Docs never hold one. :class:`LightSpanGroups` is a subclass whose ``__init__`` sets the same two attributes
directly (the weak reference, the empty dict) and adds the given groups as the original does; every other method is
spaCy's. :func:`install` makes it the class spaCy's doc module builds (a Doc looks the name up in that module
when it is made): 8-10% of the tokenizer's instructions on outage chatter (callgrind, the same 1,600 texts).
"""

from __future__ import annotations

import weakref

import spacy.tokens.doc
from spacy.tokens._dict_proxies import SpanGroups


class LightSpanGroups(SpanGroups):
    """``SpanGroups`` with the same state, made without UserDict's generic ``__init__``."""

    def __init__(self, doc, items=()) -> None:
        self.doc_ref = weakref.ref(doc)
        self.data = {}
        if items:
            self.update(items)  # each through SpanGroups.__setitem__, as UserDict.__init__ adds them


def install() -> None:
    """Make every Doc made from now on in this process hold a :class:`LightSpanGroups` (idempotent)."""
    if getattr(spacy.tokens.doc, "SpanGroups", None) is SpanGroups:
        spacy.tokens.doc.SpanGroups = LightSpanGroups
