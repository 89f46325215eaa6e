"""The matcher's patterns as Docs, without tokenizing them at start-up where a table already has.

Building the matcher tokenized ~36k catalog names, places and symptom phrases: ~0.7 s of every
process's start-up, always to the same words. ``data/pattern_tokens.json`` (written by
``scripts/build_nlp_tables.py``, checked against a fresh build by a test) holds how the blank
pipeline's tokenizer splits each of them; a Doc made from those words (~0.25 s for all) gives the
matcher the same lower-case forms. A text the table does not know (another catalog, a phrase
added since the build) or a pipeline other than the blank one (a user's ``[nlp] model``, whose
tokenizer may split otherwise) is tokenized as before, so the table only ever saves time.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Iterator

from spacy.language import Language
from spacy.tokens import Doc

TOKENS_FILE = Path(__file__).with_name("data") / "pattern_tokens.json"


@functools.lru_cache(maxsize=1)
def _table() -> tuple[frozenset[str], dict[str, list[str]]]:
    """(texts whose tokens are their space-separated words, text -> tokens for the others)."""
    if not TOKENS_FILE.exists():
        return frozenset(), {}
    data = json.loads(TOKENS_FILE.read_text("utf-8"))
    return frozenset(data["plain"]), data["split"]


def _spaces(text: str, words: list[str]) -> list[bool] | None:
    """Whether a space follows each word in ``text``; None when the words are not ``text``'s."""
    spaces, at = [], 0
    for word in words:
        if not word or not text.startswith(word, at):
            return None
        at += len(word)
        space = text.startswith(" ", at)
        at += space
        spaces.append(space)
    return spaces if at == len(text) else None


def _words(text: str, doc: Doc) -> tuple[list[str], list[bool]]:
    return [t.text for t in doc], [bool(t.whitespace_) for t in doc]


class Patterns:
    """Makes pattern Docs for one pipeline: from the table when the pipeline is the blank one the
    table was built with (``known``), else (and for any text not in it) with its tokenizer."""

    def __init__(self, nlp: Language, known: bool):
        self.nlp = nlp
        self.plain, self.split = _table() if known else (frozenset(), {})

    def doc(self, text: str) -> Doc:
        if text in self.plain:
            words = text.split(" ")
            return Doc(self.nlp.vocab, words=words, spaces=[True] * (len(words) - 1) + [False])
        words = self.split.get(text)
        spaces = _spaces(text, words) if words is not None else None
        if spaces is None:
            return self.nlp.make_doc(text)
        return Doc(self.nlp.vocab, words=words, spaces=spaces)

    def docs(self, texts: list[str]) -> Iterator[Doc]:
        """Docs for ``texts`` in order, one at a time (36k Docs held at once left the process ~160 MB
        larger for good); the texts the table lacks go through the tokenizer in one lazy pass."""
        known = self.plain, self.split
        tokenized = self.nlp.tokenizer.pipe(t for t in texts if t not in known[0] and t not in known[1])
        for text in texts:
            if text in known[0] or text in known[1]:
                yield self.doc(text)
            else:
                yield next(tokenized)

    def words(self, texts: list[str]) -> Iterator[list[str]]:
        """The words of each of ``texts`` as :meth:`docs` would make them, without making a Doc where the
        table has them (a Doc puts a lexeme of each new word in the vocabulary for good)."""
        plain, split = self.plain, self.split
        tokenized = self.nlp.tokenizer.pipe(t for t in texts if t not in plain
                                            and (t not in split or _spaces(t, split[t]) is None))
        for text in texts:
            if text in plain:
                yield text.split(" ")
            elif text in split and _spaces(text, split[text]) is not None:
                yield split[text]
            else:
                yield [t.text for t in next(tokenized)]


def build(nlp: Language, texts: set[str]) -> dict:
    """The table for ``texts`` as ``nlp`` (the blank pipeline) tokenizes them. Only splits whose words
    and spaces give back the text exactly are kept; any other text is left to the tokenizer."""
    plain, split = [], {}
    for text in sorted(texts):
        doc = nlp.make_doc(text)
        words, spaces = _words(text, doc)
        if _spaces(text, words) != spaces:
            continue
        if words == text.split(" "):
            plain.append(text)
        else:
            split[text] = words
    return {"plain": plain, "split": split}
