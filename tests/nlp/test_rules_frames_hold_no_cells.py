"""The rules a text runs through keep their locals out of cells: in CPython 3.11 a generator expression or a
comprehension that reads a local of the function around it makes that local a cell, created on every call of the
function whether or not the expression runs (resolve had 43, ~2.4% of the rules stage's instructions with the
generators' own frames on top). The rules that most texts run test their words with loops or small module-level
helpers instead (docs/benchmarks.md, "Speed, eighteenth round"); what they decide is unchanged
(benchmarks/tag_identity.py), and the tags here show the rules the helpers read still fire."""

from __future__ import annotations

from outagewatch.nlp import operators, relevance_rules, resolve, service_rules


def test_the_rules_every_text_runs_hold_no_cells():
    for function in (resolve.resolve, service_rules._accept, service_rules._short_names, service_rules._typo_names,
                     relevance_rules.present_time, relevance_rules._status, relevance_rules._partial,
                     relevance_rules._power_cut_over, operators.find):
        assert function.__code__.co_cellvars == (), function.__qualname__


def test_rules_read_through_the_helpers_still_decide(tagger):
    tag = lambda text, lang="en": next(tagger.tag_texts([(text, None, lang)]))
    # a bare "down" after a name (name ends), a problem word in the name's sentence (_accept's helpers)
    assert tag("Roku down again tonight")["services"] == ["roku"]
    slack = tag("slack messages not sending for anyone else?")
    assert slack["services"] == ["slack"] and slack["ongoing"]
    # a recovery beside its outage word, in its own sentence (_outage_beside_recovery)
    back = tag("Spotify is back online after a two-hour outage")
    assert back["relevant"] and not back["ongoing"] and "recovered" in back["symptoms"]
    # a power cut with no service named is no service outage (_power_cut)
    assert not tag("power outage on our street since 6am, whole block dark")["relevant"]
    # a place with its provider's region named (_starting, _one_in)
    assert "aws:eu-west-1" in tag("AWS Dublin region having errors, EC2 launches failing")["regions"]
