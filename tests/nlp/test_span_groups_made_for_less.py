"""Every Doc the tagger's tokenizer makes holds its span groups in ``spandocs.LightSpanGroups``, spaCy's own class
made without UserDict's generic constructor (a tenth of the tokenizer's work on outage chatter). A user who puts span
groups on a Doc gets what spaCy gives: groups kept, copied and saved with the doc."""

from __future__ import annotations

from spacy.tokens import Doc, SpanGroup
from spacy.tokens._dict_proxies import SpanGroups

from outagewatch.nlp import spandocs


def test_the_tokenizers_docs_hold_the_light_class(tagger):
    doc = tagger.nlp.make_doc("Slack is down in us-east-1 again")
    assert type(doc.spans) is spandocs.LightSpanGroups
    assert isinstance(doc.spans, SpanGroups) and len(doc.spans) == 0 and doc.spans.doc_ref() is doc
    assert type(Doc(tagger.nlp.vocab, words=["a", "b"]).spans) is spandocs.LightSpanGroups


def test_span_groups_are_kept_copied_and_saved(tagger):
    doc = tagger.nlp.make_doc("GitHub Actions down in Frankfurt and Paris")
    doc.spans["places"] = [doc[4:5], doc[6:7]]
    assert [span.text for span in doc.spans["places"]] == ["Frankfurt", "Paris"]
    copied = doc.copy()
    assert [span.text for span in copied.spans["places"]] == ["Frankfurt", "Paris"]
    loaded = Doc(tagger.nlp.vocab).from_bytes(doc.to_bytes())
    assert [span.text for span in loaded.spans["places"]] == ["Frankfurt", "Paris"]
    assert loaded.spans["places"].doc is loaded


def test_groups_given_at_construction_are_added(tagger):
    doc = tagger.nlp.make_doc("Azure DevOps outage")
    group = SpanGroup(doc, name="names", spans=[doc[0:2]])
    groups = spandocs.LightSpanGroups(doc, items=[("names", group)])
    assert list(groups) == ["names"] and groups["names"][0].text == "Azure DevOps"
    spandocs.install()  # again: nothing changes
    assert type(tagger.nlp.make_doc("x").spans) is spandocs.LightSpanGroups
