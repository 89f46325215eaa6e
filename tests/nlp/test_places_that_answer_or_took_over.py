"""People who say where a problem is often say, in the same breath, where things still answer, where
the standby copy took over, or that one place is *not* hit ("mais pas à Nantes"). Those places are not
where the problem is; the writers who label our sets leave them out. Each story below is a text and the
places it must have; the near misses keep a place that is in trouble."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, regions", [
    # the second place answers, responds, is in order, is calm: said in the writer's language
    ("Linode Newark box not pingable since 9am, the Atlanta one right next to it answers fine", ["geo:US-NJ"]),
    ("Vodafone DSL tot in Leipzig, der Server in Dresden antwortet ganz normal", ["geo:DE-SN"]),
    ("Cloudflare PoP di Torino dà 502, il sito via Milano carica", ["geo:IT-TO"]),
    ("storing bij KPN in Groningen, in Utrecht is alles in orde", ["geo:NL-GR"]),
    ("Telia strular i Uppsala, i Stockholm går det fint", ["geo:SE-C"]),
    ("Orange en panne à Marseille depuis ce matin, le serveur à Nantes répond bien", ["geo:FR-13"]),
    ("Türk Telekom İzmir'de çöktü, Ankara'daki annem dizisini izliyor", ["geo:TR-35"]),
    ("Hetzner Nuremberg dropping packets, our Helsinki boxes untouched", ["geo:DE-BY"]),
    # a negation before the place, after "but" or a comma: the problem is not there
    ("Bouygues coupé à Lille mais pas à Nantes", ["geo:FR-59"]),
    ("Vodafone gestört in Köln, aber nicht in Düsseldorf", ["geo:DE-NW"]),
])
def test_a_place_said_to_answer_or_not_hit_is_not_where_the_problem_is(tag, text, regions):
    assert sorted(tag(text)["regions"]) == regions


@pytest.mark.parametrize("text, regions", [
    # the standby copy, the secondary, the failover: named right after its place, it is where the work went
    ("eu-west-2 RDS writer unreachable for 20 min, our Frankfurt replica kept the shop up", ["aws:eu-west-2"]),
    ("Azure UK South SQL down. Our UK West (Cardiff) secondary took over within a minute", ["azure:uksouth"]),
    ("gcp europe-west1 pub/sub erroring; the europe-west4 failover is carrying everything", ["gcp:europe-west1"]),
    # a Turkish ending of where to, then a verb of moving what was moved
    ("trafiği Frankfurt'a aldık, sorun sadece İrlanda bölgesinde (eu-west-1)", ["aws:eu-west-1"]),
    ("GCP europe-west3 Cloud SQL hängt, wir haben alles auf europe-west1 umgeschwenkt", ["gcp:europe-west3"]),
])
def test_where_the_standby_took_over_is_not_where_the_problem_is(tag, text, regions):
    assert sorted(tag(text)["regions"]) == regions


@pytest.mark.parametrize("text, regions", [
    # near misses: a place that does not answer, a negated fine-word, a plain "no" that means "in the"
    ("Linode Newark not answering, Atlanta not answering either", ["geo:US-GA", "geo:US-NJ"]),
    ("storing bij KPN in Groningen, in Utrecht is het niet in orde", ["geo:NL-GR", "geo:NL-UT"]),
    ("Vivo caiu em Recife mas no Rio também caiu", ["geo:BR-PE", "geo:BR-RJ"]),
    ("Bouygues coupé à Lille, pas de réseau à Nantes non plus", ["geo:FR-44", "geo:FR-59"]),
    # the place before the standby copy's own place is where the problem is
    ("our Frankfurt cluster is down, the replica in Dublin kept us going", ["geo:DE-HE"]),
])
def test_a_place_in_trouble_keeps_its_problem(tag, text, regions):
    assert sorted(tag(text)["regions"]) == regions
