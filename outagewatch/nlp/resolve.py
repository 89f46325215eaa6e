"""From matches to tags: evidence, negation, recovery, regions, status, relevance.

The rules, each tested in tests/nlp:

- A name that is an everyday word ("Slack", "Zoom", "Ring", "Amazon", "Lambda") is a
  service only with evidence: the source names it, its provider is mentioned, or an
  outage/tech word is near it; and never when the words around it show the everyday
  sense ("slack off", "zoom in", "Amazon rainforest", "lambda calculus", "Ring of Fire").
  Lower case counts as evidence against: "slack is down" is tagged, "slack" alone is not;
  a complaint in the same clause is enough in lower case or first in a sentence (a quoted
  error message is one clause: "Alexa keeps saying 'sorry, something went wrong'").
  In a text of another language that has no such word ("steam wyrzuca mnie z logowania"),
  the English everyday word can only be the brand.
- A product name made of ordinary words ("Cloud Run", "Key Vault", "Epic Games") counts
  only with a capital letter, or in lower case beside its provider ("gcp ... cloud run").
- A symptom right after a negation ("not down", "no issues", "keine Störung") is dropped.
  A recovery ("back up", "resolved", "behoben") drops the problem symptoms of the same
  message unless they are said to go on ("still down"), so a recovery is never an
  outage report.
- ``relevant``: the text is about an outage (going on, resolved, restored, mitigated, explained
  afterwards); ``ongoing`` (which implies it): a problem now. A recovery is about an outage only
  with the service it happened to or an outage word in its sentence; announced maintenance,
  power cuts with no service named and words in their everyday sense (``senses``) are neither.
- A region code is always its region (and its provider). A region's display name or a
  place maps to a provider region only when that provider is in the text or the source
  (or is the provider of a tagged service); otherwise a place becomes ``geo:`` + ISO 3166.

This file holds :class:`Tags`, :func:`resolve`, which runs the rules in order over one text, and the short way for
a text the matcher found nothing in (``_nothing_named``). The helpers live by the question they answer:
``relevance_rules`` (whether the text is about an outage and when), ``service_rules`` (which services and providers
it names) and ``place_rules`` (which places are where it is set). They are imported by name, not read as a module's
attributes, so each call costs what it did when they were all in this file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from dataclasses import replace as _with
from typing import Any

from spacy.tokens import Doc

from outagewatch.nlp import (allclear, answered, demonyms, elsewhere, fine, inflected, lexicon, loose_operators,
                             operators, recurring, senses, sites, verbs, word_towns)
from outagewatch.nlp.pipeline import LANG, NAMES, SYMPTOMS, doc_words, text_of
from outagewatch.nlp.geo import (NICKNAME_NEEDS_CONTEXT, inside, namesakes, place_kinds, town_namesake_in,
                                 town_namesakes)
from outagewatch.nlp.source import SourceContext
from outagewatch.nlp.vocabulary import Name, Vocabulary, compact
from outagewatch.textrules import HANGUL, KANA
from outagewatch.nlp.relevance_rules import (MONEY_GATE, TITLE_MARKS, left_open, _about_a_service, _about_an_outage,
                                             _PAST_COPULA_WORDS, _STATE_FIRSTS, TIME_WORDS, POWER_CUT_WORDS,
                                             _announced, _asked_down,
                                             _card_refused, _component_state, _left_broken, _looking_back,
                                             _money_failure, _negated, _numeric, _ongoing, _operator_down, _overran,
                                             _partial, _power_cut_over, _status, _title_status, _told_in_the_past,
                                             present_time, still_now, told_after)
from outagewatch.nlp.service_rules import (ASKING, AT_LEAST, CORRECTION_TURNS, LIST_JOINERS, DEVICE_BRANDS, IT_IS, MEDIUM_BEFORE, RELAY_AFTER,
                                           SENTENCE_END, _Foreign, _add_entry, _brand_edges, _corrected, _docker_hub,
                                           _form_note, _hyphenated_names, _model_host, _my_device,
                                           _named_brands_product, _only_the_medium, _plain_everyday,
                                           _products_suspected, _providers_aside, _searched_products,
                                           _services_said_fine, _short_names, _shown, _the_one_that_works,
                                           _typo_names, _weigh)
from outagewatch.nlp.place_rules import (CITY_ADJECTIVE_NOUNS, OPERATOR_NONE, PLACE_CASES, PLACE_PREPOSITIONS, VANTAGE_FROM,
                                         VANTAGE_LINKS, YESTERDAY, _addressed, _bracketed_code_of,
                                         _city_adjective_places, _cjk_fine, _cjk_workaround, _cloud_region_word,
                                         _country_after_its_city, _wider_says_which, _dateline, _dateline_in_its_language, _fine_in_clause,
                                         _listed_place, _around_a_place, department_numbers,
                                         _state_after_a_city, _state_code_by_country, _the_place, _the_country_of_its_name, _another_of_its_name,
                                         one_of_its_name, towns_in_the_wider_place, _country_and_direction,
                                         _moved_with, _named_as_region, _namesake_abroad, _namesake_choice, not_meant,
                                         _national_arm, _next_word, _not_there, _owned_or_product, _part_of_a_city,
                                         _people_abroad,
                                         _place_context, _place_rule, _product_list, _region_after_its_city,
                                         _region_by_search, _region_word_near, _said_fine, _said_in_lower,
                                         _said_plainly, _hit_or_its_centre, _site_codes,
                                         _site_words, _watched_from, _where_a_group_lives, _wide_place, _within,
                                         _workaround, _workplace, _yesterdays_place)

KANA_OR_HANGUL = re.compile(f"[{KANA}{HANGUL}]")
HASHTAG_SUFFIXES = ("down", "outage", "outages", "ausfall", "caido", "caida", "panne", "fail", "isdown", "offline",
                    "problems", "issues")


@dataclass
class Tags:
    services: list[str] = field(default_factory=list)
    providers: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    symptoms: list[str] = field(default_factory=list)
    status: str | None = None
    relevant: bool = False  # about an outage: going on, resolved, restored, explained afterwards
    ongoing: bool = False  # reports a problem going on now (implies relevant)
    # The rules said no on purpose: a problem word negated ("isn't down") or in an everyday sense,
    # or a power cut, announced maintenance...: the relevance model may not overrule that with a yes.
    denied: bool = False
    # Where the rules read a problem now: the word that dates it to the present ("today's",
    # "right now", "actualmente", "今日"), or None. The relevance model may not overrule it with a no.
    now: str | None = None
    # A network operator the catalog lacks is named ("Turkcell", "Bouygues", "telia dk"): for the relevance model's
    # guard it counts as a named service does.
    operator: bool = False


def resolve(doc: Doc, vocab: Vocabulary, ctx: SourceContext, want_status: bool, entities: bool = False,
            trace: list | None = None) -> Tags:
    """Tags of one processed doc; ``entities``: a statistical model's named entities are in the doc.
    ``trace``: a list that receives one dict per decision (what, text, tagged, rule) for --explain."""

    say = _quiet if trace is None else _say_to(trace)
    spans, handles, hosts, hashtags, codes = doc.user_data[NAMES]
    symptom_spans, stage_spans, areas, ja = doc.user_data[SYMPTOMS]
    texts, lower = doc_words(doc)
    if trace is None and not (spans or handles or hosts or codes or symptom_spans or stage_spans or ja):
        quiet = _nothing_named(texts, lower, hashtags, vocab, ctx, doc)
        if quiet is not None:
            return quiet
    n = len(lower)
    sentence = _Sentences(texts)
    held = HELD_WORDS.intersection(lower)  # each test of the words against a fixed set below reads these few
    raw = text_of(doc)
    tracing = trace is not None  # (what only --explain reads is not worked out otherwise)

    services: dict[str, None] = dict.fromkeys(ctx.services)
    providers: dict[str, None] = dict.fromkeys(ctx.providers)
    regions: dict[str, None] = dict.fromkeys(ctx.regions)

    # Symptoms first: they are evidence for ambiguous names.
    found: list[tuple[int, int, str, bool]] = []  # start, end, symptom, ongoing
    talk: list[int] = []  # where anything about being up or down is said: evidence for a name
    # Names this function reuses for values of another type (for mypy, which mypyc's build needs).
    at: int | None
    provider: str | None
    named: Any
    located: Any
    spots: Any
    why: Any
    partial = False
    denied = False
    # Where services and providers are named (not places): an everyday subject beside one is no everyday sense.
    # (only read beside an everyday subject's word: ``senses.everyday_sense`` looks for one first)
    subjects = not senses.SUBJECT_WORDS.isdisjoint(held)  # an everyday subject's word: mostly none
    named = frozenset(i for s, e, ns in spans if any(nm.kind not in ("region", "place") for nm in ns)
                      for i in range(s, e)) if spans and symptom_spans and subjects else frozenset()
    # Negated problem words are no symptom, but a place's clause that holds one says it is fine ("in Utrecht
    # geen probleem"): nlp/fine.py reads them beside the symptoms.
    negated_spans: list[tuple[int, int, str, bool]] = []
    lang = doc.user_data.get(LANG)
    for start, end, symptom in symptom_spans:
        if end < n and lower[end - 1] == "down" and _numeric(texts[end]):
            continue  # "shares are down 5%"
        # (the everyday senses are read from an idiom's or a sense's word in the symptom, or a subject's word)
        sense = senses.everyday_sense(lower, start, end, named, symptom == "recovered") \
            if symptom != "maintenance" and (subjects or lower[start] in senses.SENSE_WORDS
                                             or lower[end - 1] in senses.SENSE_WORDS) else None
        if sense:
            say("symptom", " ".join(texts[start:end]), False, sense)
            denied = True
            continue
        talk.append(start)
        if symptom == "recovered" and _partial(lower, start):
            partial = True
            continue
        if _negated(lower, start, symptom == "recovered", lang):
            say("symptom", " ".join(texts[start:end]), False, "negated")
            denied = True
            negated_spans.append((start, end, symptom, False))
            continue
        found.append((start, end, symptom, _ongoing(lower, start, end)))
    names = spans
    if lang in inflected.ENDINGS:  # "na discordzie", "netflixte", "siedzę na tiktoku": a name with a case ending
        names = spans + inflected.inflected_names(lower, vocab, lang, {i for s, e, _ in spans for i in range(s, e)})
    name_ends: set[int] = set()
    for span in names:
        name_ends.add(span[1])
    # A network operator the catalog does not list ("Optus down", "Tele2 mobilnät dött", "sem net da MEO"):
    # named for relevance alone (no service tag), nlp/operators.py
    # ... or as its customers write it, in lower case or by a word of their language ("play nie ma zasięgu",
    # "tre har noll täckning", "bez Playa"): nlp/loose_operators.py
    # (an all-ASCII text holding none of the words operators.find starts from names none of its operators)
    operator_at = (operators.find(texts, lower, raw, held) if not OPERATOR_WORDS.isdisjoint(held)
                   or not raw.isascii() else []) or (loose_operators.find(texts, lower, lang)
                                                     if not LOOSE_OPERATOR_WORDS.isdisjoint(held) else [])
    downs: set[int] = set()
    for i in operator_at:
        name_ends.add(i + 1)
        at = _operator_down(lower, i, symptom_spans)
        if at is not None:
            downs.add(at)
    if operator_at and not lexicon.OPERATOR_DOWN.isdisjoint(held):
        # what it sells said down anywhere beside it ("Mobile data dead in Lagos, MTN and Airtel both")
        for j in range(1, n):
            if lower[j] in lexicon.OPERATOR_DOWN and lower[j - 1] in operators.ACCESS \
                    and not _in_spans(j, symptom_spans):
                downs.add(j)
    for at in sorted(downs):
        # "Comcast out in Chicago", "AT&T fiber out", "Etisalat (e&) home internet dead"
        talk.append(at)
        if not _negated(lower, at, False):
            found.append((at, at + 1, "outage", _ongoing(lower, at, at + 1)))
    for i in operator_at:  # "lost Vodafone signal"; "no Verizon Fios", "without Vodafone fibre", "sans internet SFR"
        if i >= 3 and lower[i - 1] in operators.LINKS and lower[i - 2] in operators.ACCESS \
                and lower[i - 3] in OPERATOR_NONE:
            talk.append(i - 3)  # "utan fiber från telia", "sin internet de Totalplay": none of what it sells
            found.append((i - 3, i - 2, "connectivity", _ongoing(lower, i - 3, i - 2)))
            continue
        if i >= 3 and lower[i - 1] == "-" and lower[i - 3] in OPERATOR_NONE and i + 1 < n \
                and lower[i + 1] in operators.ACCESS and (i + 2 >= n or lower[i + 2] not in lexicon.OPERATOR_PRODUCTS):
            talk.append(i - 3)  # "no T-Mobile data", "without T-Mobile data": the name split at its hyphen
            found.append((i - 3, i - 2, "problems", _ongoing(lower, i - 3, i - 2)))
            continue
        if i and (lower[i - 1] == "lost" or i >= 2 and lower[i - 2] == "lost" and texts[i - 1][:1].isalpha()
                  and f"{lower[i - 1]} {lower[i]}" in operators.pairs()
                  or i >= 2 and (lower[i - 2], lower[i - 1]) in OPERATOR_KNOCKED
                  or lower[i - 1] in OPERATOR_NONE and (
                i + 1 < n and lower[i + 1] in operators.ACCESS or lower[i - 1] in operators.WITHOUT)):
            # ("Recife sem TIM faz duas horas", "Friezen zonder KPN vandaag", "Luleå utan Telenor")
            talk.append(i - 1)
            found.append((i - 1, i, "problems", _ongoing(lower, i - 1, i)))
    if operator_at and not OPERATOR_NOTHING.isdisjoint(held) and not ASK_OTHERS.isdisjoint(held) \
            and not WORKS_ASKED.isdisjoint(held) and any(w.endswith("?") for w in lower):
        # People asking whether an operator works for the others, "nothing" here: "SFR marche chez vous ? Rien dans
        # le 11e", "Fibertel anda? En Palermo nada", "doet KPN het bij jullie? hier niks"
        j = next(j for j, w in enumerate(lower) if w in OPERATOR_NOTHING)
        talk.append(j)
        found.append((j, j + 1, "problems", _ongoing(lower, j, j + 1)))
    for i in operators.positions(lower, lexicon.BARE_DOWN.intersection(held)) \
            if name_ends and not lexicon.BARE_DOWN.isdisjoint(held) else ():  # (in order: as a walk of the words)
        # "Roku down", "Fortnite servers down", "AWS caído"
        if (i in name_ends or i - 1 in name_ends or i - 2 in name_ends) \
                and not (i + 1 < n and _numeric(texts[i + 1])) and not _in_spans(i, symptom_spans):
            talk.append(i)
            if not _negated(lower, i, False):
                found.append((i, i + 1, "outage", _ongoing(lower, i, i + 1)))
            else:
                denied = True
    if not lexicon.BARE_DOWN.isdisjoint(held) and (not lexicon.PUBLIC_SYSTEMS.isdisjoint(held) or "system" in held):
        # "Heathrow T5 e-gates down", "check-in systems down", "padł system odpraw": a station's, an airport's or a
        # shop's machines down
        for i, w in enumerate(lower):
            if w not in lexicon.BARE_DOWN or _in_spans(i, symptom_spans) or i in talk:
                continue
            if _public_system_before(lower, i) \
                    or w.startswith("pad") and i + 2 < n and lower[i + 1] == "system" and lower[i + 2].isalpha():
                if i + 1 < n and _numeric(texts[i + 1]):
                    continue
                talk.append(i)
                if not _negated(lower, i, False):
                    found.append((i, i + 1, "outage", _ongoing(lower, i, i + 1)))
                else:
                    denied = True
    for i in operators.positions(lower, SERVICE_DEAD.intersection(held)) \
            if name_ends and not SERVICE_DEAD.isdisjoint(held) else ():
        # "Reddit dead in philly", "Discord tot in München", "whatsapp ölü", "whatsapp HS ici": a word for dead
        # right after a service's name says it is down (not "Twitter is dead": an opinion as often)
        if _dead_after_a_name(lower, i, names) \
                and (i + 1 >= n or lower[i + 1] not in DEAD_NOT_AFTER) \
                and not (lower[i] in DEAD_NOT_ENGLISH and lang in (None, "en")) \
                and not _in_spans(i, symptom_spans) and not _negated(lower, i, False):
            talk.append(i)
            found.append((i, i + 1, "outage", _ongoing(lower, i, i + 1)))
    hashtag_down = False
    for i, tag in hashtags:
        key = compact(tag)
        for suffix in HASHTAG_SUFFIXES if key.endswith(HASHTAG_SUFFIXES) else ():
            if key.endswith(suffix) and len(key) > len(suffix):
                hashtag_down = True
                found.append((i, i + 1, "outage", False))
                key = key[: -len(suffix)]
                break
        entry = vocab.compact.get(key)
        if entry:
            _add_entry(entry, vocab, services, providers)
            if tracing:
                say("name", "#" + tag, True, "a hashtag naming it", entry=entry)
    for start, _, stage in stage_spans if not want_status else ():
        # A post relaying the provider: "support says they're investigating", "status page says identified";
        # only about something the post names or a problem it tells ("police say they are investigating the
        # break-in" relays no provider)
        if stage in ("investigating", "identified") and not lexicon.RELAYING.isdisjoint(lower[max(0, start - 4):start]) \
                and (found or ctx.services or ctx.providers or operator_at
                     or any(nm.kind not in ("region", "place") for _, _, ns in names for nm in ns)):
            talk.append(start)
            found.append((start, start + 1, "problems", True))
    if found and not lexicon.REPAIR_VERBS.isdisjoint(held):
        # "Singtel fixes broadband disruption", "SFR rétablit son réseau après une panne", "Proximus herstelt
        # internetstoring": a provider repairing an outage its own sentence names tells the outage's end
        # ... or any problem word after the verb in its sentence, said after "after" ("GCash restores service after
        # weekend glitch", "Nubank normaliza serviço após instabilidade") or with a named service right before the
        # verb ("Pinterest fixes bug that logged users out overnight", "YouTube fixes playback issue that hit
        # millions"; not "Apple fixes bug that drained ...", nor the noun: "create fixes for cross-team problems")
        found += _repaired(lower, found, spans, sentence)
    if not (lexicon.ASKED_DOWN.isdisjoint(held) or lexicon.ASKING_COPULAS.isdisjoint(held)):
        at = _asked_down(lower)
        if at is not None and not _in_spans(at, found):
            talk.append(at)  # "Is Hinge down?", "Är BankID nere?"
            found.append((at, at + 1, "outage", True))
    if spans and not recurring.GATE.isdisjoint(held):
        at = recurring.cut_over_and_over(lower, _inside_kinds(spans, ("service", "provider")))
        if at is not None and not _in_spans(at, found):
            # "Teams schmeißt mich alle 10 Minuten aus dem Call", "spotify coupe toutes les 20 secondes": a weak
            # problem, so a failure only of a service named (nlp/recurring.py)
            talk.append(at)
            found.append((at, at + 1, "problems", True))
    money = _money_failure(lower, raw, lang in ("ja", "ko")) \
        if lang in ("ja", "ko") or not MONEY_GATE.isdisjoint(held) else None
    if money is not None:
        # "Klarna drog pengarna två gånger", "Bestellung storniert, Geld aber abgebucht", "결제가 두 번 됐어요": a
        # payment failure (a phrase of money taken twice that read as a weak problem word is one too)
        found = _paid(found, money)
        if not _in_spans(money, found):
            talk.append(money)
            found.append((money, money + 1, "payments", _ongoing(lower, money, money + 1)))
    if not lexicon.CARD_WORDS.isdisjoint(held):
        at = _card_refused(lower)
        if at is not None and not _in_spans(at, found):
            # "N26 Karte wird überall abgelehnt", "pinnen lukt nergens", "kartlı ödemeler geçmiyor"
            talk.append(at)
            found.append((at, at + 1, "payments", _ongoing(lower, at, at + 1)))
    rehearsal = senses.drill(lower) if found and not senses.DRILL_FIRSTS.isdisjoint(held) else None
    if rehearsal:  # "our game day simulated losing us-east-1": what breaks in a drill was planned
        say("symptom", rehearsal, False, "a drill or simulation: its failures are planned")
        found = [f for f in found if f[2] not in lexicon.PROBLEM_SYMPTOMS]
    if talk or found:
        at_set = set(talk)
        for f in found:
            at_set.add(f[0])
        symptom_at = sorted(at_set)
    else:
        symptom_at = talk

    # Names, strongest evidence first.
    for i, entry in handles:
        _add_entry(entry, vocab, services, providers)
        if tracing:
            say("name", texts[i], True, "the service's own handle", entry=entry)
    for i, ids in hosts:
        for entry in ids:
            _add_entry(entry, vocab, services, providers)
            if tracing:
                say("name", texts[i], True, "its status page or site", entry=entry)
    place_spans: list[tuple[int, int]] = []
    for start, end, ns in names:
        for nm in ns:
            if nm.kind == "region" or nm.kind == "place":
                place_spans.append((start, end))
                break
    spots = [(i, i + 1) for i, _ in codes] + place_spans if codes else place_spans[:]
    fine_here = _fine_in_clause(texts, lower, spots, found + negated_spans, held)
    fine_codes: set[str] = set()  # providers of region codes said fine (a provider named so alone may be aside)
    for i, region in codes:
        moved = _workaround(lower, i, i + 1, texts)
        if moved:
            say("region", texts[i], False, moved, entry=region)
            continue
        if i in fine_here:
            say("region", texts[i], False, FINE_CLAUSE, entry=region)
            if region.split(":", 1)[0] not in providers:
                fine_codes.add(region.split(":", 1)[0])
            providers.setdefault(region.split(":", 1)[0])
            continue
        fine_codes.discard(region.split(":", 1)[0])
        regions.setdefault(region)
        say("region", texts[i], True, "a region code", entry=region)
        providers.setdefault(region.split(":", 1)[0])

    places: list[tuple[int, int, Name]] = []
    doubtful: list[tuple[int, int, Name]] = []  # everyday words and ordinary-word names: need evidence
    for start, end, ns in names:
        for nm in ns:
            if nm.kind == "region" or nm.kind == "place":
                places.append((start, end, nm))
            elif nm.ambiguous or nm.needs_case:
                if start - 1 in operator_at and lower[start] in operators.ACCESS:
                    say("name", texts[start], False, "what the network operator before it sells", entry=nm.ids[0])
                    continue  # "Vodafone signal", "Three signal": the operator's network, not the messenger
                if operator_at and lower[start] in OPERATOR_BOXES and texts[start].islower() and end - start == 1:
                    say("name", texts[start], False, "the network operator's box (its router), an operator named",
                        entry=nm.ids[0])
                    continue  # "box SFR en rade", "a box nem liga" beside MEO: the home router, not Box
                doubtful.append((start, end, nm))
            else:
                plain = _plain_everyday(texts, lower, start, end, nm, lang, sentence)
                if plain:
                    if tracing:
                        say("name", _shown(texts, start, end, nm), False, plain, entry=nm.ids[0])
                    continue
                _add_entry(nm.ids[0], vocab, services, providers)
                if tracing:
                    say("name", _shown(texts, start, end, nm), True,
                        (f"short for {nm.short_for}" if nm.short_for else "not an everyday word") + _form_note(nm),
                        entry=nm.ids[0])
    if doubtful:
        kinds_at = {(e.start, e.end): e.label_ for e in doc.ents} if entities else {}
        _weigh(doubtful, names, texts, lower, vocab, ctx, services, providers, symptom_at, sentence,
               bool(handles or hosts), hashtag_down, bool(ja), kinds_at, trace,
               foreign=_Foreign(lower, lang if lang in vocab.lookalikes else None),
               kana_or_hangul=not raw.isascii() and KANA_OR_HANGUL.search(raw) is not None)
    if vocab.typo_index and (symptom_at or trace is not None or ctx.named or not lexicon.BARE_DOWN.isdisjoint(held)):
        typed = _typo_names(lower, vocab, services, providers, symptom_at, sentence, names, lang,
                            say, tracing, ctx.named)
        if typed:  # where each typo'd name is, for the contrasts read below ("linkedin är död, whatsap funkar")
            names = names + typed
    if "-" in raw:  # a word that is or holds a hyphen (every character of the text but a space is a token's)
        _hyphenated_names(texts, lower, vocab, services, providers, say)
    for entry in ctx.services if ctx.services and (vocab.brand_family or ctx.kind == "status") \
            and services.keys() - ctx.services else ():
        # "@AmazonHelp: ... unable to stream Prime Video titles": a company's help account answers for
        # all its products; the one the text names is the one it is about
        family = vocab.brand_family.get(entry) or ()
        # a company's status page shared with its own products speaks for the product the update names
        # (status.adobe.com: "Creative Cloud – Teilausfall: ..."); its help account answers as the company too
        # (the writers label @AdobeCare's "Creative Cloud keeps signing me out" with both)
        named = []
        for e in services:
            if e not in ctx.services and (e in family or ctx.kind == "status" and e.startswith(entry + "/")):
                named.append(e)
        if named:
            services.pop(entry, None)
            say("name", entry, False, f"the source's brand, but the text names its product ({', '.join(named)})",
                entry=entry)
    if ctx.page and services.keys().isdisjoint(ctx.page):
        # "모든 시스템 정상 작동 중" on status.riotgames.com, "Planlı bakım: TR sunucusu ..." : a page several of a
        # company's games share speaks, where the text names none of them, for the first the catalog lists
        services.setdefault(ctx.page[0])
        say("name", ctx.page[0], True, "the status page's first service, and the text names none of its others",
            entry=ctx.page[0])
    if vocab.short_names and (services or providers or ctx.services or ctx.providers or ctx.brands or ctx.named):
        # "502 bad gateway" is an error, not Cloudflare's Gateway: a symptom's words are no product's
        _short_names(lower, vocab, services, providers, ctx, (*names, *symptom_spans), texts, raw)
    if services and providers and vocab.short_names:
        _named_brands_product(lower, names, vocab, services, providers, ctx, say)
    if "bedrock" in held:
        _model_host(lower, texts, names, sentence, services, ctx, say)
    bare_products: set[int] = set()  # where an AWS product's bare name was read as the product
    if not lexicon.PRODUCT_BY_NOUN.keys().isdisjoint(held):
        for i, word in enumerate(lower[:-1]):
            entry, nouns = lexicon.PRODUCT_BY_NOUN.get(word, (None, ()))
            if entry and lower[i + 1] in nouns and entry not in services:
                services.setdefault(entry)  # "Athena queries stuck in QUEUED", "Glue jobs failing"
                bare_products.add(i)
                say("name", " ".join(texts[i:i + 2]), True, "an AWS product's bare name with a word of its own use",
                    entry=entry)
            elif entry and entry not in services and _listed_with_a_sibling(lower, i, entry, names, services):
                services.setdefault(entry)  # "RDS und Aurora in Frankfurt antworten nicht mehr"
                bare_products.add(i)
                say("name", texts[i], True, "an AWS product's bare name in a list with another product of AWS",
                    entry=entry)
    if symptom_at and not lexicon.THINGS_OF.keys().isdisjoint(held):
        for i, word in enumerate(lower):
            entry, uses = lexicon.THINGS_OF.get(word, (None, frozenset()))
            if entry and entry not in services and not uses.isdisjoint(lower[i + 1:i + 1 + lexicon.THINGS_REACH]) \
                    and _problem_near_a_thing(sentence, i, symptom_at):
                services.setdefault(entry)  # "snaps won't send, 'tap to retry' on every one"
                say("name", texts[i], True, "the service's own things as its users call them, doing what only they "
                    "do, a problem in the sentence", entry=entry)
    if ("docker" in held or "toomanyrequests" in held) and "docker-hub" not in services and \
            _docker_hub(lower, services):
        services.setdefault("docker-hub")
        say("name", "docker pull", True, "images pulled with docker from no other registry named, or Docker Hub's "
            "own rate-limit error ('toomanyrequests')", entry="docker-hub")
    if ctx.words and not ctx.words.isdisjoint(vocab.searched_products) and not ctx.words.isdisjoint(lower):
        in_longer = _in_longer_names(names, services)  # "EC2 Auto Scaling" found by a search for it is no EC2
        for entry, word in _searched_products(texts, lower, vocab, ctx, services, symptom_at, sentence, in_longer):
            _add_entry(entry, vocab, services, providers)
            say("name", word, True, "a product's own word, and the search that found the text was for it",
                entry=entry)
    if (len(services) > 1 or operator_at and services) and fine.may_say_fine(texts, lower, held):
        for service in _services_said_fine(texts, lower, names, services, ctx, found + negated_spans,
                                           bool(operator_at),
                                           "recovered" not in ja and any(sym in lexicon.PROBLEM_SYMPTOMS for sym in ja)):
            services.pop(service)
            say("name", service, False, SERVICE_FINE, entry=service)
    if services and not AT_LEAST.isdisjoint(held):
        for service in _the_one_that_works(lower, names, services, ctx, found):
            services.pop(service)
            say("name", service, False, "the one thing said to work, after \"at least\" or \"only\", beside "
                "something else that fails (\"power's out ... at least my netflix downloads work\")", entry=service)
    if len(services) > 1 and ("my" in held or "the" in held) and not DEVICE_BRANDS.keys().isdisjoint(services):
        for service in _my_device(lower, names, services, ctx):
            services.pop(service)
            say("name", service, False, "the writer's own device another service fails on (\"disney+ black screen "
                "on my roku but netflix streams fine\", \"youtube tv on the roku keeps buffering\")", entry=service)
    if len(services) > 1 and not CORRECTION_TURNS.isdisjoint(held) and not IT_IS.isdisjoint(held):
        for service in _corrected(lower, names, services, ctx):
            services.pop(service)
            say("name", service, False, "thought or asked to be down, then corrected to another (\"Dacht dat Spotify "
                "eruit lag maar het is Sonos\", \"¿Se cayó WhatsApp? ah no, es Instagram\")", entry=service)
    if services and providers and ("?" in held or "??" in held or "？" in held or not ASKING.isdisjoint(held)
                                   or fine.may_say_fine(texts, lower, held)):
        for provider, why in _providers_aside(texts, lower, names, services, providers, vocab, ctx, found + negated_spans):
            providers.pop(provider)
            say("name", provider, False, why, entry=provider)
    if len(services) > 1 and (not ASKING.isdisjoint(held) or ("?" in raw or "？" in raw) and _a_question(lower)):
        for service in _products_suspected(lower, names, services, vocab, ctx):
            services.pop(service)
            provider = vocab.provider_of.get(service)
            if provider in providers and provider not in ctx.providers and not _serves(
                    provider, services, vocab, False) and not _named_provider(provider, names):
                providers.pop(provider)
            say("name", service, False, "a cloud product named only as a suspect in a question beside other "
                "services' outage (\"grubhub and youtube both broken, is Azure OpenAI having a moment?\")",
                entry=service)
    for provider in fine_codes if services else ():
        # "ap-southeast-2 is fine, it's Mumbai that is on fire. Azure Function timeouts everywhere", "ap-northeast-1
        # is fine, the issue is the vimeo CDN edge": a provider named only by its region codes, each said fine,
        # beside a service of another with the problem, is the contrast (as a provider named alone is)
        if provider in providers and provider not in ctx.providers and not _serves(
                provider, services, vocab, True) and not _named_provider(provider, names):
            providers.pop(provider)
            say("name", provider, False, "named only by its region codes, each said fine, beside another's service "
                "with the problem", entry=provider)
    if services and (operator_at or len(services) > 1) and not MEDIUM_CUES.isdisjoint(held):
        for service, why in _only_the_medium(lower, names, services, ctx, operator_at, found, sentence):
            services.pop(service)
            say("name", service, False, why, entry=service)
    for service in list(services):
        provider = vocab.provider_of.get(service)
        if provider:
            providers.setdefault(provider)

    # Regions: display names and places need their provider in context.
    regional: list[str] = []
    for provider in providers:
        if provider in vocab.regions_by_provider:
            regional.append(provider)
    site_places = []
    if vocab.site_providers and not vocab.site_providers.isdisjoint(providers):
        site_places = _site_codes(lower, vocab)  # "NYC3", "GRA11": looked for only beside their provider
        site_places += _site_words(texts, lower, vocab, providers)  # "in RBX", "us-south", "fsn1'de"
    namer = _first_named(vocab.site_namers, providers, services) \
        if not (vocab.site_namers.isdisjoint(providers) and vocab.site_namers.isdisjoint(services)) else None
    if namer:  # "iad1", "(FRA)": an airport code beside Vercel, Cloudflare or Fastly is its site
        for i, written, geo in sites.find(texts, lower, vocab.airport_sites):
            site_places.append((i, i + 1, Name("place", (), written, geo=geo, site_of=namer)))
    if lang == "de" and (regional or ctx.named) and not CITY_ADJECTIVE_NOUNS.isdisjoint(held):
        site_places += _city_adjective_places(texts, lower, vocab)  # "Frankfurter Region bei AWS"
    # (most texts hold no people word, country adjective or airport name: none of the three is looked for)
    people_words = not PEOPLE_WORDS.isdisjoint(held)
    people = demonyms.find(texts, lower, lang, demonyms.demonyms()) if people_words else []  # "Londoners: ..."
    adjectives = demonyms.find_adjectives(texts, lower, lang) if people_words else []  # "empresas españolas"
    if adjectives and lang in demonyms.country_adjectives() and not downs and not any(
            sym in lexicon.PROBLEM_SYMPTOMS for _, _, sym, _ in found):
        # a country's adjective before its noun, from its language's name ("Nederlandse spelers"), only in a text
        # that says something is wrong: "hoe Nederlandse ziekenhuizen hun wachtdiensten inrichten" is no place
        adjectives = _not_before(adjectives, lower, demonyms.country_adjectives()[lang])
    if adjectives:  # (mostly none: no set of the people words' places is made then)
        people += _not_found_at(adjectives, {i for i, _ in people})
    if people_words:
        people += sites.find_airports(texts, lower, sites.airport_names())  # "op Schiphol", "på Arlanda"
    if (symptom_at or services) and not (word_towns.TOWN_NOUNS.isdisjoint(held) and (
            lang != "tr" or PLACE_CASES.isdisjoint(held))):
        # "Tours la ville", "Goes de stad", "Van'da": a town named like a word, said the town (word_towns.find's own
        # first test, on the held words)
        people += word_towns.find(texts, lower, lang, PLACE_CASES)
    if lang == "fr" and "dans" in held:  # "dans le 93": a département by its number
        people += department_numbers(lower)
    for i, code in people:
        site_places.append((i, i + 1, Name("place", (), texts[i], geo=code, demonym=True)))
    if site_places:
        places = places + site_places
        fine_here = _fine_in_clause(texts, lower, [(i, i + 1) for i, _ in codes] + [(s, e) for s, e, _ in places],
                                    found + negated_spans, held)
    fine_at: list[int] = []
    for st, _, sym, _ in found:
        if sym == "fine":
            fine_at.append(st)
    if places:  # "in east london", "whole of east London": the part of London, not East London, South Africa
        places = _part_of_a_city(texts, lower, places, vocab)
    place_at = {s for s, _ in place_spans} if place_spans else set()  # (the names added since, typos', are services)
    # Where a tagged service or a network operator begins and ends: a big city in lower case right beside one is
    # where it fails ("izmir superonline fiber yok", "mtn lagos network jammed"); only where a place is in lower case
    brands = _brand_edges(names, services, providers, operator_at) if places and not raw.istitle() \
        and _one_in_lower(texts, places) else None
    placed: list[tuple[int, int, str]] = []  # where each geo: tag was said, for "Germany Central (Frankfurt)"
    workplace = None  # the text speaks of a provider's offices, jobs or events (``_workplace``), found when needed
    around: list[tuple[str, str, tuple[str, ...]]] = []  # countries beside a provider, and the regions in them
    yesterday = len(spots) > 1 and not YESTERDAY.isdisjoint(held)  # "yesterday it was Kolkata": mostly not
    people_at = [o.geo for _, _, o in places if o.demonym and o.geo] if places else []  # "Porteños, ... en Palermo"
    if len(places) > 2:  # "in perth ... anyone else in WA?": the state code of the other places' country
        places = _state_code_by_country(places)
    # "portland, maine", "Paris, Texas": a town before the state it is in, another than the gazetteer's of its name
    town_of_state: dict[int, int] = {}  # the town's start -> its state's
    town_names: set[tuple[str, ...]] = set()  # and its name, said alone elsewhere ("out in Paris. Paris Texas.")
    if len(places) > 1 and "," in held:
        for start, end, nm in places:
            town = _state_after_a_city(lower, start, end, nm, places)
            if town:
                town_of_state[town[0]] = start
                town_names.add(tuple(lower[town[0]:town[1]]))
    # "perth scotland, not australia", "Victoria BC": a town the gazetteer leaves to a city elsewhere, before the wider
    # place it lies in; that place says which (and is said by the town)
    town_in = towns_in_the_wider_place(lower, places) if len(places) > 1 and town_namesakes() else {}
    for start in town_in:  # (the town takes its own code, the state after it is dropped)
        town_of_state.pop(start, None)
    wider_of_town = {s for _, s in town_in.values()} if town_in else set()
    # "Granada (la de Andalucía, no la de Nicaragua)": a place the writer says is not the one meant
    not_meant_at = _not_meant_at(texts, lower, places, symptom_at, lang) if len(places) > 1 else set()
    for start, end, nm in places:
        text = " ".join(texts[start:end])
        if end - start == 1 and nm.written in text and not text.isascii():
            text = nm.written  # "東京都": the name found inside a run of CJK text ("東京都で")
        if start in wider_of_town:
            say("place", text, False, "the wider place after a town in it that the gazetteer leaves to a city elsewhere "
                "(\"perth scotland\", \"Victoria BC\"): the town says where", entry=f"geo:{nm.geo}")
            continue
        if start in town_in:
            nm = _with(nm, geo=town_in[start][0])
        if nm.kind == "region" or nm.site_of or nm.demonym:
            why = _workaround(lower, start, end, texts) or _cjk_workaround(texts[start], nm.written, _next_word(texts, end)) \
                or _moved_with(lower, start, spots, texts) or (
                FINE_CLAUSE if start in fine_here or len(spots) > 1 and (
                _said_fine(texts, lower, start, end, fine_at, place_at) or _cjk_fine(texts[start], nm.written))
                else None)
            if not why and (nm.site_of or yesterday):
                why = _bracketed_code_of(lower, start, end, places, spots, texts) or (
                    yesterday and _yesterdays_place(lower, start, spots, symptom_at))
            if why:  # "we failed over to uk west", "Central US looks fine", "AMS3 and LON1 both fine"
                say("region" if nm.kind == "region" else "place", text, False, why, entry=nm.ids[0] if nm.ids else None)
                continue
        if nm.kind == "region":
            region = nm.ids[0]
            if region.split(":", 1)[0] in regional:
                regions.setdefault(region)
                say("region", text, True, "a region's name, its provider named", entry=region)
            elif nm.geo and not _one_starts(regions, region.split(":", 1)[0] + ":") and not _region_at(
                    places, start, end, regional):  # "México Central" beside Azure is not also AWS's place
                regions.setdefault(f"geo:{nm.geo}")
                say("region", text, True, "a region's name without its provider: the place", entry=f"geo:{nm.geo}")
            elif list(providers) in ([], [region.split(":", 1)[0]]) and (
                    _cloud_region_word(lower, texts, text) or _named_as_region(lower, end, services, vocab)
                    or bool(symptom_at) and _country_and_direction(nm.written, lower)) and len(
                    _region_providers_at(places, start, end)) == 1:
                # "quale regione scegliere, Italia settentrionale o Europa occidentale?", "Microsoft's UK South cloud
                # region", "한국 중부랑 한국 남부 중에 어디를 주 리전으로": a display name only one provider has, said
                # beside a word for a cloud region, is that provider's region
                regions.setdefault(region)
                providers.setdefault(region.split(":", 1)[0])
                say("region", text, True, "a region's name only one provider has, beside a word for a cloud region",
                    entry=region)
            else:
                say("region", text, False, "a region's name without its provider", entry=region)
            continue
        if nm.demonym:  # a place's people or airport: "Londoners: Uber won't load", "stuck at Heathrow"
            abroad = _people_abroad(lower, start, end, nm, places)
            if abroad:
                say("place", text, False, abroad, entry=f"geo:{nm.geo}")
            elif nm.geo and _a_place_inside(places, nm.geo) \
                    and not (texts[start][:1].isupper() and _addressed(texts, lower, start, end)):
                # (a nation called on with its capital keeps its place beside the writer's city: "Swedes, BankID
                # not working? ... Göteborg here"; in lower case the place named says where: "kiwis, is spark down?
                # wellington office all offline", "scots, ... in edinburgh"; a nation's or region's people, as a
                # country's, add nothing beside a place in it)
                say("place", text, False, "a country's or region's people beside a place in it", entry=f"geo:{nm.geo}")
            else:
                regions.setdefault(f"geo:{nm.geo}")
                say("place", text, True, "a place's people or its airport, said as a place", entry=f"geo:{nm.geo}")
            continue
        if nm.site_of:  # a provider's data centre: the place where it is, said beside that provider
            if nm.site_of in providers or nm.site_of in services:
                regions.setdefault(f"geo:{nm.geo}")
                say("place", text, True, f"a {nm.site_of} data centre, {nm.site_of} named", entry=f"geo:{nm.geo}")
            else:
                say("place", text, False, f"a {nm.site_of} data centre without {nm.site_of}", entry=f"geo:{nm.geo}")
            continue
        # The gate is "about an outage" (relevant), not "ongoing": where a resolved outage was is
        # still where it was, so recovery and stage words count; a named service counts too (the
        # blind sets label the place a service's news is set in).
        rule = None if start in town_of_state.values() else _place_rule(  # (a state after its town: "portland (maine")
            doc, texts, lower, start, end, nm, symptom_at or stage_spans or ja or services or ctx.kind == "status",
            place_at, brands)
        if not rule and start in not_meant_at:
            rule = "a place the writer says is not the one meant (\"Granada (la de Andalucía, no la de Nicaragua)\", " \
                "\"Perth. The WA one, not the one ... in Scotland\")"
        if not rule and _national_arm(texts, start, nm, names, places):
            rule = "a country's name right after a brand, a place in it named: its company there (\"Vodafone Egypt " \
                "no signal in Cairo\")"
        if not rule and len(nm.geo or "") == 2 and elsewhere.cjk_people(texts[start], nm.written) and (
                not (symptom_at or stage_spans or ja or services)
                or _another_place(places, nm.written)):
            rule = "a country's people in Japanese or Korean (\"韓国人の友達がソウルで\", \"일본 사는 한국인인데 도쿄에서\"): " \
                "beside another place, that place says where; in a text about no outage, no place"
        if not rule:
            rule = _owned_or_product(texts, lower, start, end, nm, vocab, services, lang)
        if not rule and start in bare_products:
            rule = "an AWS product's bare name read as the product (\"RDS und Aurora\"), not the place"
        if not rule and len(nm.geo or "") == 2:
            rule = _where_a_group_lives(lower, start, end, nm, places, symptom_at) or \
                _country_after_its_city(lower, start, nm, places)
        elif not rule and start > 1 and lower[start - 1] == ",":
            rule = _region_after_its_city(start, nm, places)
        if not rule and nm.geo:
            rule = _wider_says_which(lower, start, nm, places)
        if not rule and "one" in held and len(nm.geo or "") > 2:
            rule = _another_of_its_name(lower, end, nm.geo or "")
            namesake = town_namesake_in(nm.written, one_of_its_name(lower, end) or "") if rule else None
            if namesake:  # "perth, the scottish one": the town of the name there, where the gazetteer has one
                nm, rule = _with(nm, geo=namesake), None
        if not rule and start not in town_in and (start in town_of_state or tuple(lower[start:end]) in town_names):
            rule = "a town before a state it is not the gazetteer's town of (\"Paris, Texas\", \"portland, maine\"), " \
                "or that town's name said again alone: that state's town of the name; the state says where"
        if not rule and start and lower[start - 1] in PERSON_NOUNS and texts[start][:1].isupper() and \
                len(nm.geo or "") > 2 and not nm.ids:
            rule = "a name right after a word for a friend or a relative: a person's (\"mi amiga Valencia dice\", " \
                "\"la mia collega Firenze\")"
        if not rule and yesterday:
            rule = _yesterdays_place(lower, start, spots, symptom_at)
        if not rule and people_at and len(nm.geo or "") > 2:
            rule = _namesake_abroad(lower, start, nm, places, lang)
        if not rule and start and lower[start - 1] in VANTAGE_LINKS | VANTAGE_FROM and \
                any(not r.startswith("geo:") for r in regions):
            rule = _watched_from(lower, start)
        if not rule and _product_list(lower, start, end, names):
            rule = "an item in a list of product names (\"EC2, DynamoDB, Glue, Athena\")"
        if not rule:
            rule = _not_there(doc, texts, lower, start, end, nm, fine_at, place_at, bool(regional)) or \
                _moved_with(lower, start, spots, texts)
        if not rule and (start in fine_here or len(spots) > 1 and not texts[start].isascii()
                         and fine.cjk_clause_fine(texts[start], nm.written)):
            rule = FINE_CLAUSE  # "a roma ... funziona", "東京の友達は普通に見れてる" beside a place with the problem
        if rule:
            say("place", text, False, rule, entry=f"geo:{nm.geo}" if nm.geo else None)
            continue
        context = _place_context(lower, start, end, texts) or _listed_place(texts, lower, start) or \
            start in town_of_state.values() or start in town_in or \
            (end + 1 < len(lower) and lower[end] == "(" and end + 1 in place_at) or \
            (texts[start][:1].isupper() and end < len(lower) and lower[end] in demonyms.PEOPLE_AFTER) or \
            (brands is not None and _said_in_lower(lower, start, end, nm, brands, lang)) or \
            (nm.initials or nm.ambiguous_place and texts[start][:1].isupper() and bool(symptom_at or services)
             and place_kinds().get(nm.written) == "city") and _dateline(texts, start, end) or \
            (nm.ambiguous_place and texts[start].islower() and bool(symptom_at or services) and (place_kinds().get(
                nm.written) == "city" or nm.initials) and _said_plainly(lower, start, end, lang)) or \
            (nm.ambiguous_place and bool(symptom_at or services) and _hit_or_its_centre(texts, lower, start, end)) or \
            (nm.written in NICKNAME_NEEDS_CONTEXT and _the_place(lower, start))  # "BH: Nubank fora do ar", "Lagos: MTN data crawling",
        # in lower case said plainly as a place ("lagos: MTN data was gone", "our sydney office can't connect"),
        # "... on the phone. Phoenix" (a big city's name that is also a person's, heading or signing a complaint),
        # "across the GTA"
        # (a capitalised place before a word for people is where they are: "Sydney friends say it's crawling")
        mapped = False
        # A country or a province beside a provider is where something happens ("AWS invests in data
        # centres in Brazil", "Azure outage in Poland", "Azure datacenter in Noord-Holland"), not the
        # provider's region there, unless said as its region ("la región de AWS en España"); a city
        # is ("AWS São Paulo") and so is a province the catalog names a region by ("Virginia").
        wide = regional and _wide_place(nm) and not _region_word_near(lower, start, end)
        if regional and workplace is None:
            # only in a text that says nothing is wrong: "Google Cloud in Tokyo is down, our office can't reach
            # anything" is the region
            workplace = not any(sym in lexicon.PROBLEM_SYMPTOMS for _, _, sym, _ in found) and _workplace(lower, texts)
        at_work = workplace and not _region_word_near(lower, start, end)  # "Frankfurt region on AWS" is the region
        for provider in regional:
            named = _starting(nm.ids, provider + ":")
            located = _starting(nm.located, provider + ":")
            if wide:
                named, located = (named if len(nm.geo or "") > 2 else []), []
            ids = named if len(named) == 1 else located if len(located) == 1 else named or located
            if _one_in(ids, regions):
                mapped = True
            elif at_work and _a_region_of(places, ids):
                mapped = True  # "Stockholm meetup: Running Kafka on Azure Sweden Central": the region is named
            elif at_work:
                say("place", text, False, f"a city where {provider} has an office, hires or meets, not its region "
                    "(\"AWS apre una nuova sede a Milano\", \"hiring SREs in Dublin\", \"AWS Summit Milano\")",
                    entry=ids[0] if ids else None)
            elif len(ids) == 1 and not _one_starts(regions, provider + ":"):
                regions.setdefault(ids[0])
                say("place", text, True, f"a place with a {provider} region, {provider} named", entry=ids[0])
                mapped = True
        if not mapped and not regional and ctx.named:
            region = _region_by_search(texts, lower, start, end, nm, ctx, vocab)
            if region:  # "東京リージョンの障害中は..." from x:search:aws 障害, "Ohio region ... " from x:search:aws aurora
                regions.setdefault(region)
                providers.setdefault(region.split(":", 1)[0])
                say("place", text, True, "a city said as a cloud region, the one provider the search names",
                    entry=region)
                continue
        if mapped or not nm.geo:
            continue
        own_dateline = (nm.ambiguous_place or nm.everyday_place) and bool(symptom_at or services) and \
            _dateline_in_its_language(texts, start, end, nm, lang)  # "Nice : la box Bouygues plantée", "Faro: rede ..."
        if (nm.ambiguous_place and not (context or own_dateline)) or (nm.everyday_place and not own_dateline and (
                not _place_context(lower, start, end, texts) or start and lower[start - 1] in FUSED_ARTICLES)):
            say("place", text, False, "also a name or an everyday word: needs \"in ...\" or a region word",
                entry=f"geo:{nm.geo}")
            continue
        nm = _the_country_of_its_name(lower, end, nm) or nm  # "Georgia (the country)"
        # "Córdoba", "Newcastle", "Cambridge": which of the places so named; a spelling the gazetteer folds alike
        # and places the same ("Róma" beside "Roma") follows its namesake's choice ("en la roma y en coyoacán")
        alike = nm.written if nm.written in namesakes() else _namesake_alike(places, start, end, nm.geo) \
            if len(nm.geo or "") > 2 else None
        if alike and start not in town_in:  # (the wider place after a town has said which: "Columbus GA, not Ohio")
            chosen = _namesake_choice(texts, lower, start, end, nm if alike == nm.written else _with(nm, written=alike),
                                      _not_at(places, not_meant_at),
                                      operators.countries(texts, lower, operator_at) if operator_at else frozenset(),
                                      lang, _geos_at(places, not_meant_at))
            if chosen is None:
                say("place", text, False, "a city name others share, none of them in the country of the text's other "
                    "places, nor one its operator serves where the text's language is not the usual one's (\"Vivo fora "
                    "em Valencia\")", entry=f"geo:{nm.geo}")
                continue
            nm = chosen
        regions.setdefault(f"geo:{nm.geo}")
        placed.append((start, end, f"geo:{nm.geo}"))
        if wide and _of_these_providers(nm.located + nm.ids, regional):
            around.append((text, f"geo:{nm.geo}", nm.located))
            say("place", text, True, "a country or province beside a provider, not said as its region: the place",
                entry=f"geo:{nm.geo}")
        else:
            say("place", text, True, f"a place in the gazetteer{_form_note(nm)}", entry=f"geo:{nm.geo}")
    for text, region, located in around:
        if region in regions and _one_in(located, regions):
            regions.pop(region)  # "eu-west-1 ... in Ireland", "Korea ... Azure Korea Central": the region says where
            say("place", text, False, "a country or province around a region of it named in the text: the region "
                "says where", entry=region)
    for region in _within(placed, texts) if len(placed) > 1 else ():  # (one place is inside no other)
        regions.pop(region, None)
        say("place", region, False, "the wider place around a place named in brackets (\"Germany Central "
            "(Frankfurt)\"): the narrower one says where", entry=region)
    for region in _around_a_place(placed, regions) if len(placed) > 1 else ():
        regions.pop(region, None)
        say("place", region, False, "a region or state around a city in it also named as where (\"across Scotland? "
            "Glasgow and Edinburgh both out\"): the city says where", entry=region)

    # Symptoms: Japanese, areas, recovery.
    for symptom in ja:
        if symptom.startswith(("st:", "~")):
            continue
        found.append((0, 0, symptom, False))
    power = bool(ja) and _in_a_word(texts, "停電")
    found_kinds: set[str] = set()  # (``found`` is complete from here on)
    for f in found:
        found_kinds.add(f[2])
    if not power and "outage" in found_kinds:
        # An outage word in a sentence that speaks of electricity ("the outage map shows 4,000 homes without
        # power", "elektrik kesintisi"), or a compound made on a word for it ("Stroomstoring"): a power cut.
        power = _power_cut(lower, found, sentence, held)
    kinds = set(found_kinds)
    if "fine" in kinds and _fine_as_recovery(lower, found, sentence, place_at, codes):
        kinds.add("recovered")  # "Outage? What outage. Kinesis has been fine", not "X won't launch, Y is fine"
    recovered = "recovered" in kinds
    if recovered:
        problems = {sym for _, _, sym, ongoing in found if ongoing and sym in lexicon.PROBLEM_SYMPTOMS}
    else:
        problems = kinds & lexicon.PROBLEM_SYMPTOMS
    symptoms = set(problems)
    if recovered:
        symptoms.add("recovered")
    if "maintenance" in kinds:
        symptoms.add("maintenance")
    if problems:
        for _, label in areas:
            symptoms.add(label)
            problems.add(label)  # "travando no login": a problem with logging in is a login problem

    status = None
    titled = _title_status(lower)  # a status page's stage as its title's word (read for the status and relevance)
    if want_status:
        status = _status(lower, stage_spans, ja, partial, titled)
        if status is None and ctx.kind == "status":  # a status page names no stage: say what it reports
            # (a review of an incident is posted once it is over: "Post Incident Review (PIR) - Azure SQL Database";
            # a component's state goes on: "Editor - Partial Outage; Login - Operational")
            # and maintenance announced ahead is a notice whatever it will make unavailable: "Planerat underhåll
            # söndag 03:00–05:00. Appen kan vara otillgänglig")
            status = ("resolved" if problems and _holds_one(" ".join(lower), lexicon.INCIDENT_REVIEWS) else
                      "informational" if "maintenance" in kinds and "recovered" not in kinds and _announced(lower, ja, doc)
                      else "resolved" if problems and told_after(lower, raw) else
                      "investigating" if problems or _component_state(lower) else "resolved" if recovered else
                      "informational" if "maintenance" in symptoms else None)
        elif status == "identified" and problems and told_after(lower, raw):
            # "Summary of impact: ... Root cause was a bad configuration push": the cause found is told
            # in the incident's account once it is over, not a stage it is at
            status = "resolved"
        if status == "resolved" or status is None and ctx.kind == "status":
            # "Mitigato - ... continuiamo a monitorare", "Obejście: ... Następna aktualizacja o 12:00": not over
            status = left_open(lower, raw, status, stage_spans, recovered) or status
        if status == "resolved":
            symptoms -= lexicon.PROBLEM_SYMPTOMS
            symptoms.add("recovered")
            problems = set()
    why = None
    excluded = None  # why a text is about no outage at all, whatever its words
    if recovered and not (kinds & lexicon.PROBLEM_SYMPTOMS) and not stage_spans and not ja and _said_all_clear(
            lower, found, ("recovered", "fine"), False):
        # "Zoom Meetings - Operational. Zoom Phone - Operational.": a component list, no incident ended
        status = "informational" if want_status else status
        symptoms.discard("recovered")
        why = excluded = "every component said operational: no incident"
    elif not (kinds & lexicon.PROBLEM_SYMPTOMS) and not stage_spans and not any(s.startswith("st:") for s in ja) \
            and _said_all_clear(lower, found, ("recovered",), True) \
            and allclear.all_clear(lower, raw):
        # "Alle Komponenten betriebsbereit", "Tüm sistemler çalışır durumda", "모든 시스템 정상 운영 중"
        status = "informational" if want_status else status
        symptoms.discard("recovered")
        why = excluded = "all systems said to work: no incident"
    # "Stromausfall in Köln, Internet weg", "停電、ネットも繋がりにくい": the power cut took a network with it
    network_lost = power and _network_lost(lower, found)
    operator = bool(operator_at) and not (services or providers)  # an operator is what the text is about
    if power and not (services or providers or operator) and not network_lost:
        problems = set()  # "power outage on our street": not a service outage
        why = excluded = "a power cut, no service named"
    elif not network_lost and (services or providers) and (
            lang in ("ja", "ko") or not lexicon.POWER_BACK.isdisjoint(held)) and _power_cut_over(
            lower, texts, found, sentence, power, lang in ("ja", "ko"), held):
        problems = set()  # "Stromausfall ... 10 min, danach lief alles wieder, auch IMDb"
        symptoms -= lexicon.PROBLEM_SYMPTOMS
        why = excluded = "a power cut at home, over or not reaching the services named: no service went down"
    elif problems and not (services or providers or operator) and not fine_here and _no_coverage_only(lower, found):
        # (not where another place is said to be fine: "WindTre a Torino niente segnale, a Genova normale" is
        # a network down in one city, not the writer up a mountain)
        problems = set()  # "no signal up here in the mountains": where the writer is, no network failed
        why = excluded = "no mobile signal where the writer is, no service named"
    # (asked_then_fine's own first tests, on the held words: a question or hearsay, and a word that may answer it)
    asked_fine = None if stage_spans or ctx.kind == "status" or excluded is not None or not (
        "?" in raw or "？" in raw or not answered.HEARSAY.isdisjoint(held) or not raw.isascii()) or (
        ANSWER_WORDS.isdisjoint(held) and raw.isascii()) \
        else answered.asked_then_fine(
        texts, lower, raw, found,
        _spans_tagged(names, services, providers),
        ([(s, e) for s, e, _ in places] if places else []) + ([(i, i + 1) for i, _ in codes] if codes else []), lang)
    if asked_fine:
        # "azure outage? everything in West Europe looks fine from here", "people saying psn is down but I've been
        # online all night ... no problems": no outage, ruled out on purpose (no relevance model may say yes)
        problems = set()
        symptoms -= lexicon.PROBLEM_SYMPTOMS
        why = excluded = asked_fine
    if "maintenance" in kinds and _announced(lower, ja, doc) and status in (None, "informational") \
            and "recovered" not in kinds:
        problems = set()  # "PSN will be unavailable Tuesday for planned maintenance"
        status = "informational" if want_status else status
        why = excluded = "announced maintenance"
    # A component's state goes on beside the others said operational ("Jira Cloud — Degraded performance. ...
    # Confluence is operational."): an all-clear word of another component is no recovery of this one.
    state = _component_state(lower) if status != "resolved" and not _STATE_FIRSTS.isdisjoint(held) and (
        "recovered" not in kinds or _said_all_clear(lower, found, ("recovered",), False)) else None
    if status in ("investigating", "identified", "monitoring"):
        ongoing, why = True, f"status stage {status}"
    elif state:
        ongoing, why = True, f"a status component state ({state!r})"
    elif status == "resolved" or not problems:
        ongoing = False
        why = why or ("resolved" if status == "resolved" else
                      "a recovery, no problem going on" if recovered else "no problem word")
    else:
        strong = sorted(problems & lexicon.STRONG_SYMPTOMS)
        complaint = None
        if not strong and not (services or providers or operator) and _about_a_service(lower, raw):
            # "swish hänger sig vid betalningen", "bunq-app blijft laden": a complaint of what a service does,
            # about an app, a server, a payment..., names a failing service the catalog may not know
            complaint = _complaint(lower, found, problems)
        ongoing = bool(strong) or bool(services or providers or operator) or complaint is not None
        # (the rule's words are read only by --explain: not made otherwise)
        why = "" if not tracing else (f"a strong symptom ({', '.join(strong)})" if strong else
               f"a complaint ({complaint!r}) about an app, server or payment" if complaint is not None else
               f"a symptom ({', '.join(sorted(problems))}) about a named service" if ongoing and not operator else
               f"a symptom ({', '.join(sorted(problems))}) about a network operator" if ongoing else
               f"only weak symptoms ({', '.join(sorted(problems))}) and no service named")
    if not ongoing and recovered and status is None and excluded is None and not state:
        left = _left_broken(lower, found, sentence)
        if left:  # "Telia är tillbaka men tv:n fungerar fortfarande inte"
            ongoing, why = True, left
            problems.add("problems")
            symptoms.add("problems")
    back = None
    if ongoing and status is None and not state:
        back = _looking_back(lower, raw, bool(ja), held) or (_told_in_the_past(lower, found, problems) if not (
            _PAST_COPULA_WORDS.isdisjoint(held) and lexicon.OUTAGE_DID.isdisjoint(held)) else None)
        if back:
            ongoing, why = False, back
    recovery_said = "recovered" in found_kinds or bool(stage_spans) and _stage_of(stage_spans, "resolved")
    # "back online after 18-hour outage": the outage word in the recovery's own sentence, or in the sentence right
    # after it, telling what was down ("Voltou o X. Ficou duas horas sem carregar")
    recovered_outage = "recovered" in found_kinds and _outage_beside_recovery(found, sentence, n) \
        or bool(ja and recovered)
    if not recovered_outage and recovery_said and _recovery_in_own_words(lower, found):
        # "hepsiburada düzeldi", "Allegro już śmiga", "Rabobank app weer in de lucht": a service said to work
        # again in everyday words is one that failed, whether or not the catalog knows its name ("the statue
        # was restored" is a generic recovery word; a washing machine that works again, an everyday subject)
        recovered_outage = True
    if "maintenance" in kinds and "outage" not in kinds and _overran(lower):
        # "Nintendo Switch Online is back after weekend maintenance overran by nine hours": the overrun was an outage
        kinds = kinds | {"outage"}
        recovered_outage = recovered_outage or recovery_said
    relevant, why_relevant = _about_an_outage(ongoing, why, excluded, back, status, kinds, recovery_said,
                                              recovered_outage, bool(services or providers or operator),
                                              ctx.kind == "status" or titled is not None
                                              or bool(stage_spans) and _stage_opens(lower, stage_spans),
                                              # ("Service restored - ...")
                                              ctx.kind == "status")
    if not found and not denied and not CHOICE_CUES.isdisjoint(held) and verbs.choosing(lower):
        denied = True  # "i won't let my kids play fortnite": a person choosing, no complaint to read in
    # (of a named service or network operator: a bag of words is least sure of what the catalog does not name)
    now = (present_time(lower, raw, _spans_of(found, problems), bool(ja), held)
           if not (recovery_said or recovered) else still_now(lower, found, problems)) \
        if ongoing and (services or providers or operator) and not denied else None
    if trace is not None:
        for start, end, symptom, _ in found:
            if end > start:
                say("symptom", " ".join(texts[start:end]), symptom in symptoms, symptom)
        if now:
            why += f"; said to be now ({now!r}), so the relevance model may not turn it off"
        trace.append({"what": "ongoing", "text": "", "tagged": ongoing, "rule": why})
        trace.append({"what": "relevance", "text": "", "tagged": relevant, "rule": why_relevant})
    return Tags(services=list(services), providers=list(providers), regions=list(regions),
                symptoms=_in_order(symptoms) if symptoms else [], status=status, relevant=relevant,
                ongoing=ongoing, denied=denied or excluded is not None, now=now, operator=bool(operator_at))


def _listed_with_a_sibling(lower: list[str], i: int, entry: str, names, services: dict) -> bool:
    """Is the bare name at ``i`` one item of a list whose item right beside it is another tagged product of the
    same provider ("RDS und Aurora", "Athena and Glue", "EC2, Amplify")?"""
    brand = entry.split("/", 1)[0] + "/"
    n = len(lower)
    for s, e, ns in names:
        if not any(nm.kind == "service" and nm.ids and nm.ids[0].startswith(brand) and nm.ids[0] in services
                   for nm in ns):
            continue
        if e == i - 1 and lower[i - 1] in LIST_JOINERS or s == i + 2 and i + 1 < n and lower[i + 1] in LIST_JOINERS:
            return True
    return False


def _in_spans(i: int, spans) -> bool:
    """Is token ``i`` inside one of ``spans`` ((start, end, ...) each)? (A loop, not a generator: resolve asks it
    of most texts, and a generator expression makes every name it reads a cell of resolve's frame.)"""
    for span in spans:
        if span[0] <= i < span[1]:
            return True
    return False


def _repaired(lower: list[str], found: list[tuple[int, int, str, bool]], spans, sentence
              ) -> list[tuple[int, int, str, bool]]:
    """The recoveries a provider's repair verb tells (see resolve): a verb of lexicon.REPAIR_VERBS in the sentence
    of a strong problem word, or before a problem word of its sentence said after "after" or with a named service
    right before the verb."""
    n = len(lower)
    strong_at = [st for st, _, sym, _ in found if sym in lexicon.STRONG_SYMPTOMS and st < n]
    weak_at = [st for st, _, sym, _ in found if sym in lexicon.PROBLEM_SYMPTOMS and st < n]
    named_ends = {e for _, e, ns in spans if any(nm.kind in ("service", "provider") for nm in ns)}
    return [(i, i + 1, "recovered", False) for i, w in enumerate(lower)
            if w in lexicon.REPAIR_VERBS and (any(sentence[st] == sentence[i] for st in strong_at) or any(
                st > i and sentence[st] == sentence[i] and (
                    i in named_ends or not lexicon.AFTER_WORDS.isdisjoint(lower[max(i + 1, st - 3):st]))
                for st in weak_at))]


def _inside_kinds(spans, kinds: tuple[str, ...]) -> set[int]:
    """The positions of the spans holding a name of one of ``kinds``."""
    return {i for s, e, ns in spans if any(nm.kind in kinds for nm in ns) for i in range(s, e)}


def _paid(found: list[tuple[int, int, str, bool]], money: int) -> list[tuple[int, int, str, bool]]:
    """``found`` with a weak problem word over the money phrase at ``money`` read as a payment failure."""
    return [(s, e, "payments" if sym == "problems" and s <= money < e else sym, on) for s, e, sym, on in found]


def _problem_near_a_thing(sentence, i: int, symptom_at: list[int]) -> bool:
    """A problem word in the sentence of the thing at ``i``, or at most two of lexicon.THINGS_REACH after it."""
    for s in symptom_at:
        if sentence[s] == sentence[i] or i < s <= i + 2 * lexicon.THINGS_REACH:
            return True
    return False


def _in_longer_names(names, services: dict) -> set[int]:
    """The positions of the names of two words or more that name a tagged service."""
    return {i for s, e, ns in names if e - s > 1 and any(nm.ids and nm.ids[0] in services for nm in ns)
            for i in range(s, e)}


def _serves(provider: str, services: dict, vocab: Vocabulary, by_brand: bool) -> bool:
    """A tagged service is the provider's (``by_brand``: or written under its brand, "azure/...")."""
    for s in services:
        if by_brand and s.split("/")[0] == provider or vocab.provider_of.get(s) == provider:
            return True
    return False


def _named_provider(provider: str, names) -> bool:
    """The provider is named as a provider among ``names``."""
    for _, _, ns in names:
        for nm in ns:
            if nm.kind == "provider" and nm.ids and nm.ids[0] == provider:
                return True
    return False


def _first_named(namers, providers: dict, services: dict) -> str | None:
    """The first of ``namers`` that is a tagged provider or service."""
    for namer in namers:
        if namer in providers or namer in services:
            return namer
    return None


def _not_before(adjectives: list[tuple[int, str]], lower: list[str], before) -> list[tuple[int, str]]:
    """The country adjectives whose word is none of ``before``."""
    return [(i, code) for i, code in adjectives if lower[i] not in before]


def _not_found_at(adjectives: list[tuple[int, str]], found_at: set[int]) -> list[tuple[int, str]]:
    """The country adjectives at no position of ``found_at``."""
    return [(i, code) for i, code in adjectives if i not in found_at]


def _one_in_lower(texts: list[str], places) -> bool:
    """A place written in lower case."""
    for s, _, _ in places:
        if texts[s][:1].islower():
            return True
    return False


def _not_meant_at(texts: list[str], lower: list[str], places, symptom_at: list[int], lang: str | None) -> set[int]:
    """Where a place starts that the writer says is not the one meant (place_rules.not_meant)."""
    return {s for s, e, _ in places if not_meant(texts, lower, s, e, places, set(symptom_at), lang)}


def _one_starts(strings, prefix: str) -> bool:
    """One of ``strings`` starts with ``prefix``."""
    for x in strings:
        if x.startswith(prefix):
            return True
    return False


def _one_in(items, where) -> bool:
    """One of ``items`` is in ``where``."""
    for x in items:
        if x in where:
            return True
    return False


def _starting(ids, prefix: str) -> list[str]:
    """The ids that start with ``prefix``, in order."""
    return [r for r in ids if r.startswith(prefix)]


def _region_at(places, start: int, end: int, regional: list[str]) -> bool:
    """A region name of one of the ``regional`` providers spans exactly ``start``-``end``."""
    for s, e, o in places:
        if s == start and e == end and o.kind == "region" and o.ids[0].split(":", 1)[0] in regional:
            return True
    return False


def _region_providers_at(places, start: int, end: int) -> set[str]:
    """The providers of the region names that span exactly ``start``-``end``."""
    return {o.ids[0].split(":", 1)[0] for s, e, o in places if s == start and e == end and o.kind == "region"}


def _a_place_inside(places, geo: str) -> bool:
    """One of ``places`` is inside ``geo``."""
    for _, _, o in places:
        if (o.geo or "").startswith(geo + "-") or inside(o.geo, geo):
            return True
    return False


def _another_place(places, written: str) -> bool:
    """One of ``places`` is another place than the one written ``written``."""
    for _, _, o in places:
        if o.written != written and o.geo:
            return True
    return False


def _a_region_of(places, ids) -> bool:
    """A region name among ``places`` is one of ``ids``."""
    for _, _, o in places:
        if o.kind == "region":
            for x in ids:
                if x in o.ids:
                    return True
    return False


def _namesake_alike(places, start: int, end: int, geo: str | None) -> str | None:
    """The namesake (geo.namesakes) another reading of the span ``start``-``end`` at the same place is written as."""
    for s, e, o in places:
        if s == start and e == end and o.geo == geo and o.written in namesakes():
            return o.written
    return None


def _not_at(places, starts: set[int]) -> list:
    """The places that start at none of ``starts``."""
    return [p for p in places if p[0] not in starts]


def _geos_at(places, starts: set[int]) -> frozenset:
    """The places' codes of those that start at one of ``starts``."""
    return frozenset(o.geo for s, _, o in places if s in starts and o.geo)


def _of_these_providers(ids, providers: list[str]) -> bool:
    """One of ``ids`` is a region of one of ``providers``."""
    for r in ids:
        if r.split(":", 1)[0] in providers:
            return True
    return False


def _power_cut(lower: list[str], found: list[tuple[int, int, str, bool]], sentence, held) -> bool:
    """An outage word of ``found`` made on a word for electricity ("Stroomstoring"), or in a sentence that speaks
    of it ("the outage map shows 4,000 homes without power"): a power cut."""
    n = len(lower)
    outage_at = []
    for start, _, sym, _ in found:
        if sym == "outage" and start < n:
            if lower[start].startswith(lexicon.POWER_PREFIXES):
                return True
            outage_at.append(start)
    if lexicon.POWER_WORDS.isdisjoint(held):
        return False
    # ("blackout" in a text about an app, a site or a server is theirs: "Poste Italiane, l'app torna online
    # dopo il blackout di ieri")
    apps = not lexicon.BLACKOUT_OF_APPS.isdisjoint(held)
    power_sentences = {sentence[i] for i, w in enumerate(lower)
                       if w in lexicon.POWER_WORDS and not (apps and w == "blackout")}
    return any(sentence[start] in power_sentences for start in outage_at)


def _fine_as_recovery(lower: list[str], found: list[tuple[int, int, str, bool]], sentence, place_at: set[int],
                      codes) -> bool:
    """Whether a fine-word of ``found`` tells a recovery: not where a place said fine stands beside a problem
    elsewhere ("X having capacity issues. Central US looks fine.": a contrast), nor in a problem's sentence."""
    n = len(lower)
    fine_in = {sentence[st] for st, _, sym, _ in found if sym == "fine" and st < n}
    spots = [st for st in place_at if st < n] + [i for i, _ in codes if i < n]
    place_fine = all(any(p < st and sentence[p] == sentence[st] for p in spots)  # the place is what is fine
                     for st, _, sym, _ in found if sym == "fine" and st < n)
    asked = {sentence[i] for i, w in enumerate(lower) if w.endswith("?")}  # "aws outage? ohio looks fine"
    contrast = place_fine and any(sentence[st] not in asked and sentence[st] not in fine_in
                                  for st, _, sym, _ in found if sym in lexicon.PROBLEM_SYMPTOMS and st < n)
    return not contrast and not any(sentence[st] in fine_in for st, _, sym, _ in found
                                    if sym in lexicon.PROBLEM_SYMPTOMS and st < n)


def _said_all_clear(lower: list[str], found: list[tuple[int, int, str, bool]], syms: tuple[str, ...],
                    spanning: bool) -> bool:
    """Every word of ``found`` of one of ``syms`` (``spanning``: of a word or more) is an all-clear
    (lexicon.ALL_CLEAR)."""
    for st, e, sym, _ in found:
        if sym in syms and (e > st or not spanning) and " ".join(lower[st:e]) not in lexicon.ALL_CLEAR:
            return False
    return True


def _network_lost(lower: list[str], found: list[tuple[int, int, str, bool]]) -> bool:
    """A problem of the network: a connectivity problem, or a problem word holding a network's word."""
    for st, e, sym, _ in found:
        if sym in lexicon.PROBLEM_SYMPTOMS and (
                sym == "connectivity" or not lexicon.NETWORK_WORDS.isdisjoint(lower[st:e])):
            return True
    return False


def _no_coverage_only(lower: list[str], found: list[tuple[int, int, str, bool]]) -> bool:
    """Every problem word of ``found`` is one of no mobile signal where the writer is (lexicon.NO_COVERAGE)."""
    for st, e, sym, _ in found:
        if sym in lexicon.PROBLEM_SYMPTOMS and " ".join(lower[st:e]) not in lexicon.NO_COVERAGE:
            return False
    return True


def _spans_tagged(names, services: dict, providers: dict) -> list[tuple[int, int]]:
    """The spans of the names of a tagged service or provider."""
    out = []
    for s, e, ns in names:
        if _a_tagged_name(ns, services, providers):
            out.append((s, e))
    return out


def _a_tagged_name(ns, services: dict, providers: dict) -> bool:
    """One of the names ``ns`` stands for a tagged service or provider."""
    for nm in ns:
        for i in nm.ids:
            if i in services or i in providers:
                return True
    return False


def _a_question(lower: list[str]) -> bool:
    """A word ends with a question mark."""
    for w in lower:
        if w.endswith("?") or w == "？":
            return True
    return False


def _complaint(lower: list[str], found: list[tuple[int, int, str, bool]], problems: set[str]) -> str | None:
    """The first problem word of ``problems`` that is a complaint (not "degraded", nor a weak word alone)."""
    for st, e, sym, _ in found:
        if sym in problems and sym != "degraded" and " ".join(lower[st:e]) not in lexicon.WEAK_WORDS:
            return " ".join(lower[st:e]) or sym
    return None


def _stage_of(stage_spans, stage: str) -> bool:
    """A stage span of ``stage``."""
    for _, _, s in stage_spans:
        if s == stage:
            return True
    return False


def _outage_beside_recovery(found: list[tuple[int, int, str, bool]], sentence, n: int) -> bool:
    """A strong problem word in a recovery's sentence or the one right after it."""
    recovery_sentences = {sentence[st] for st, _, sym, _ in found if sym == "recovered" and st < n}
    if not recovery_sentences:
        return False
    for st, _, sym, _ in found:
        if sym in lexicon.STRONG_SYMPTOMS and st < n and (
                sentence[st] in recovery_sentences or sentence[st] - 1 in recovery_sentences):
            return True
    return False


def _recovery_in_own_words(lower: list[str], found: list[tuple[int, int, str, bool]]) -> bool:
    """A recovery said in words other than a generic recovery's (lexicon.GENERIC_RECOVERIES)."""
    for st, e, sym, _ in found:
        if sym == "recovered" and e > st and " ".join(lower[st:e]) not in lexicon.GENERIC_RECOVERIES:
            return True
    return False


def _stage_opens(lower: list[str], stage_spans) -> bool:
    """A stage opens the text as its title ("Service restored - ...")."""
    n = len(lower)
    for st, e, _ in stage_spans:
        if st == 0 and (e == n or lower[e] in TITLE_MARKS):
            return True
    return False


def _spans_of(found: list[tuple[int, int, str, bool]], problems: set[str]) -> list[tuple[int, int]]:
    """The spans of the words of ``found`` of one of ``problems``."""
    out = []
    for st, e, sym, _ in found:
        if sym in problems:
            out.append((st, e))
    return out


def _in_a_word(texts: list[str], part: str) -> bool:
    """A word holds ``part``."""
    for t in texts:
        if part in t:
            return True
    return False


def _in_order(symptoms: set[str]) -> list[str]:
    """``symptoms`` in lexicon.SYMPTOMS's order (those it lists)."""
    if len(symptoms) == 1:  # (most texts)
        for s in symptoms:
            return [s] if s in _SYMPTOM_SET else []
    # (the listed ones sorted by their place in the list, in C: not a Python walk of the whole list)
    return sorted(_SYMPTOM_SET.intersection(symptoms), key=_SYMPTOM_PLACE.__getitem__)


_SYMPTOM_SET = frozenset(lexicon.SYMPTOMS)
_SYMPTOM_PLACE = {s: k for k, s in enumerate(lexicon.SYMPTOMS)}  # (lexicon.SYMPTOMS names each once)


def _quiet(what: str, text: str, tagged: bool, rule: str, **extra) -> None:
    """What resolve's rules say of a decision, where no one reads it (outside --explain)."""


def _say_to(trace: list):
    """What resolve's rules say of a decision, appended to ``trace`` (--explain)."""

    def say(what: str, text: str, tagged: bool, rule: str, **extra) -> None:
        trace.append({"what": what, "text": text, "tagged": tagged, "rule": rule, **extra})

    return say


def _holds_one(text: str, parts) -> bool:
    """``text`` holds one of ``parts``."""
    for part in parts:
        if part in text:
            return True
    return False


def _public_system_before(lower: list[str], i: int) -> bool:
    """A station's, an airport's or a shop's machines (lexicon.PUBLIC_SYSTEMS) at most three words before ``i``
    ("Heathrow T5 e-gates down"; "gates" only after "-", "ticket" or "passport")."""
    for k in range(1, 4):
        if i - k >= 0 and lower[i - k] in lexicon.PUBLIC_SYSTEMS and (
                lower[i - k] != "gates" or i - k > 0 and lower[i - k - 1] in ("-", "ticket", "passport")):
            return True
    return False


def _dead_after_a_name(lower: list[str], i: int, names) -> bool:
    """A service's or provider's name ends right before ``i``, or before a copula right before it ("linkedin är
    död")."""
    for _, e, ns in names:
        if e == i or e == i - 1 and lower[e] in DEAD_COPULAS:
            for nm in ns:
                if nm.kind in ("service", "provider"):
                    return True
    return False


CHOICE_CUES = verbs.CHOICES | {"n't"}  # a quick test before :func:`verbs.choosing`
# The words :func:`resolve` reads a name, a problem or a product from where the matcher found nothing: a card's
# refusal, a bare "down" (also the typo search's gate), an AWS product's bare name before its use, Bedrock's model
# hosts, Docker's pulls (see :func:`_nothing_named`).
NOTHING_NAMED_BLOCKERS = lexicon.CARD_WORDS | lexicon.BARE_DOWN | frozenset(lexicon.PRODUCT_BY_NOUN) | \
    frozenset(lexicon.THINGS_OF) | {
    "bedrock", "docker", "toomanyrequests"}


def _nothing_named(texts: list[str], lower: list[str], hashtags, vocab: Vocabulary, ctx: SourceContext,
                   doc: Doc) -> Tags | None:
    """The tags of a text the matcher found nothing in (no name, place, code, handle, host, problem, stage or
    Japanese/Korean phrase), where :func:`resolve` can find nothing either, or None where it may: most such
    texts are chatter that reached the pipeline only for a kana or hangul character ("今日はいい天気ですね").

    What :func:`resolve` reads beyond the matcher's finds, each looked at here as it looks: a source that names
    something or is a status page, or a search for a product's own word the text holds (``_searched_products``:
    the only use of a search's words where the matcher found no name, so "x:search:outage" alone keeps the short
    way); a hashtag naming an entry or saying one is down ("#rokudown"); a language whose
    case endings make names (``inflected``); a network operator (``operators.find``); a place's people, a country's
    adjective or an airport (``demonyms``, ``sites``); a word joined by a hyphen (names in compounds); the words of
    :data:`NOTHING_NAMED_BLOCKERS`; a stage as a title's word, a component's state, an all-clear; money taken for an
    order gone or twice (``_money_failure``), a question whether something is down (``_asked_down``). A rule that
    reads a problem or a name from words the matcher does not find must be looked at here too:
    test_nothing_named_fast_path.py reads every development set both ways. Past those the
    rules have no name, place, problem, stage or recovery to weigh: no tag, not relevant, not ongoing; only
    ``denied`` (a person's choice, "i won't let my kids play") is read, for the relevance model's guard."""
    if ctx.services or ctx.providers or ctx.regions or ctx.named or ctx.brands or ctx.page or ctx.kind == "status":
        return None
    if ctx.words and not ctx.words.isdisjoint(vocab.searched_products) and not ctx.words.isdisjoint(lower):
        return None  # "R2 uploads failing" found by a search for "r2"
    for _, tag in hashtags:
        key = compact(tag)
        if key.endswith(HASHTAG_SUFFIXES) or key in vocab.compact:
            return None
    lang = doc.user_data.get(LANG)
    if lang in inflected.ENDINGS or not NOTHING_NAMED_BLOCKERS.isdisjoint(lower) or "-" in "".join(lower):
        return None
    raw = text_of(doc)
    if operators.find(texts, lower, raw) or loose_operators.find(texts, lower, lang) or _title_status(lower) is not None \
            or _component_state(lower) is not None:
        return None
    if _money_failure(lower, raw, lang in ("ja", "ko")) is not None or not (
            lexicon.ASKED_DOWN.isdisjoint(lower) or lexicon.ASKING_COPULAS.isdisjoint(lower)) and _asked_down(lower) is not None:
        return None  # "Bestellung storniert, Geld aber abgebucht", "Är BankID nere?"
    if not PEOPLE_WORDS.isdisjoint(lower) and (
            demonyms.find(texts, lower, lang, demonyms.demonyms()) or demonyms.find_adjectives(texts, lower, lang)
            or sites.find_airports(texts, lower, sites.airport_names())) or allclear.all_clear(lower, raw):
        return None
    return Tags(denied=bool(not CHOICE_CUES.isdisjoint(lower) and verbs.choosing(lower)))


# What a network operator rents its customers, named by a word that is also a service's name ("la box SFR").
OPERATOR_BOXES = frozenset({"box"})


# A word for dead, right after a service's name: it is down ("Reddit dead in philly", "Discord tot", "whatsapp ölü",
# "WhatsApp KO", "whatsapp HS"), in every supported language.
SERVICE_DEAD = frozenset({"dead", "died", "muerto", "muerta", "mort", "morte", "hs", "morto", "morta", "ko", "tot",
                          "dood", "död", "dött", "ölü", "öldü", "martwy", "martwe", "umarł", "umarło"})
# The copula between, in the languages where "X is dead" is no common opinion ("linkedin är död", "Discord ist tot";
# not English "Twitter is dead").
DEAD_COPULAS = frozenset({"är", "ist", "est", "è", "é", "está", "jest", "öldü"})
# Letters that are other words in English ("my discord hs group", high school; "ko" a knockout): read only in a text
# of another language ("whatsapp HS ici", "WhatsApp KO").
DEAD_NOT_ENGLISH = frozenset({"hs", "ko"})
DEAD_NOT_AFTER = frozenset({"to", "and", "end", "link", "links", "man", "zone", "weight", "serious", "inside"})
# (asked of the others, whether it works: "chez vous", "bei euch", "bij jullie", "anda", "marche", "werkt")
ASK_OTHERS = frozenset({"vous", "euch", "jullie", "vocês", "voces", "ustedes", "vosotros", "voi", "er", "wam", "siz",
                        "you", "y'all", "ya'll", "you guys"})
WORKS_ASKED = frozenset({"marche", "fonctionne", "anda", "funciona", "funziona", "va", "geht", "läuft", "funktioniert",
                         "werkt", "doet", "het", "funkar", "fungerar", "działa", "çalışıyor", "work", "works", "working",
                         "have", "got", "avez", "habt", "hebben", "tenéis", "têm", "tem", "avete", "har", "macie"})
# What takes a network down, said right before its operator ("the heat knocked out cox internet in phoenix",
# "storm took out Spectrum", "la tormenta tumbó a Movistar")
OPERATOR_KNOCKED = frozenset({("knocked", "out"), ("took", "out"), ("took", "down"), ("wiped", "out"),
                              ("knocks", "out"), ("takes", "out"), ("takes", "down"), ("tumbó", "a"),
                              ("derrubou", "a"), ("derrubou", "o")})
OPERATOR_NOTHING = frozenset({"nothing", "nix", "nichts", "niks", "niets", "rien", "nada", "niente", "nulla", "nic",
                              "ingenting", "inget", "hiçbir"})


class _Sentences:
    """Sentence number of each token, worked out only if a rule asks (most texts never do)."""

    def __init__(self, texts: list[str]):
        self.texts = texts
        self.ids: list[int] | None = None

    def __getitem__(self, i: int) -> int:
        if self.ids is None:
            ids = []
            current = 0
            for text in self.texts:
                ids.append(current)
                # (``map`` of the method, not a generator expression: no frame resumed a character)
                if text in SENTENCE_END or "\n" in text or (text[-1] in ".!?" and not any(map(str.isalnum, text))):
                    current += 1
            self.ids = ids
        return self.ids[i]


# Words for a friend, a colleague or a relative: a place's name right after one is a person's ("mi amiga Valencia
# dice", "la mia collega Firenze, sì si chiama così").
PERSON_NOUNS = frozenset("""amiga amigo amigas amigos colega compañera compañero prima primo hermana hermano tía tío
amica amico collega sorella fratello cugina cugino zia zio amie ami copine copain collègue cousine cousin sœur frère
freundin freund kollegin kollege schwester bruder cousine vriendin vriend collega zus broer nicht neef
koleżanka kolega przyjaciółka przyjaciel siostra brat kuzynka kuzyn väninna vän kompis kollega syster bror kusin
amiga colega irmã irmão prima primo tia tio arkadaşım kuzenim ablam abim friend colleague sister brother cousin
aunt uncle buddy""".split())


SERVICE_FINE = ("said to work in its own clause beside another service with the problem (\"Outlook non scarica la "
                "posta. Gmail invece va\", \"Instagram works fine\")")
MEDIUM_CUES = MEDIUM_BEFORE | RELAY_AFTER


FINE_CLAUSE = "said to be fine in its own clause while another place is not (\"eu-west-1 and us-west-2 are fine\")"


# German prepositions fused with an article ("im Essen", "beim Essen"): a city takes no article, so a city that is
# also a word is the word after them.
FUSED_ARTICLES = frozenset({"im", "beim", "vom", "zum", "zur", "am"})


# Every fixed word set :func:`resolve` tests a text's words against, and the single words it looks for: the text's
# words among them are found in one pass over its words (``held``), and each test reads those few (mostly none)
# instead of every word again. A test of ``held`` against a set not united here would never see its words:
# test_resolve_held_words.py reads resolve's source for every such test.
# Every word that :func:`demonyms.find`, :func:`demonyms.find_adjectives` or :func:`sites.find_airports` can start
# from, in lower case (a people word of any language's table, a country adjective, a two-word people name's second
# word, "every", an airport's name): a text holding none gets nothing from them, and they are not called.
PEOPLE_WORDS = frozenset().union(
    *(words.keys() for words in demonyms.demonyms().values()), *(words.keys() for words in demonyms.adjectives().values()),
    *(words.keys() for words in demonyms.country_adjectives().values()), *demonyms._SECOND_WORDS.values(),
    demonyms.EVERY, (name.lower() for name in sites.airport_names()))
# The words operators.find starts from (a name, a worded name, a two-word name's first word, a genitive, a
# Japanese or Korean carrier's Latin letters): an all-ASCII text holding none names no operator.
OPERATOR_WORDS = operators.any_word()
# The words loose_operators.find's first test looks for (a word of a network, of being without, a down-word): a text
# holding none names no operator as its customers write it.
LOOSE_OPERATOR_WORDS = loose_operators.NETWORK | loose_operators.WITHOUT | loose_operators.DOWN
# Every word that may answer a question or hearsay in answered.asked_then_fine (a fine-word, a fine-phrase's first
# word, a negation, a false alarm's first word): an all-ASCII text holding none is asked nothing it answers.
ANSWER_WORDS = answered.answer_words()
HELD_WORDS = frozenset().union(
    senses.SUBJECT_WORDS, lexicon.OPERATOR_DOWN, OPERATOR_NOTHING, ASK_OTHERS, WORKS_ASKED, lexicon.BARE_DOWN,
    lexicon.PUBLIC_SYSTEMS, SERVICE_DEAD, lexicon.REPAIR_VERBS, lexicon.ASKED_DOWN, lexicon.ASKING_COPULAS,
    lexicon.CARD_WORDS, lexicon.PRODUCT_BY_NOUN, lexicon.THINGS_OF, AT_LEAST, CORRECTION_TURNS, IT_IS, ASKING,
    MEDIUM_CUES, CITY_ADJECTIVE_NOUNS, YESTERDAY, lexicon.POWER_WORDS, lexicon.BLACKOUT_OF_APPS, CHOICE_CUES,
    {"system", "bedrock", "docker", "toomanyrequests", "my", "the", "?", "??", "？", ",", "one", "dans"},
    MONEY_GATE, lexicon.POWER_BACK, answered.HEARSAY, PEOPLE_WORDS, recurring.GATE, OPERATOR_WORDS,
    senses.DRILL_FIRSTS, _STATE_FIRSTS, _PAST_COPULA_WORDS, LOOSE_OPERATOR_WORDS, lexicon.OUTAGE_DID, ANSWER_WORDS, word_towns.TOWN_NOUNS,
    PLACE_CASES,
    fine._needed(), TIME_WORDS, POWER_CUT_WORDS)
# (fine.may_say_fine, present_time, _looking_back, operators.find and _power_cut_over read held for their words)
