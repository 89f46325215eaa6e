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
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from dataclasses import replace as _with

from spacy.tokens import Doc

from outagewatch.nlp import (allclear, demonyms, fine, inflected, lexicon, operators, phrasegate, senses, sites, typos,
                             verbs)
from outagewatch.nlp import lang as langs
from outagewatch.nlp.pipeline import LANG, NAMES, SYMPTOMS, doc_words, text_of
from outagewatch.nlp.geo import (MARKETS, NICKNAME_LANGUAGES, NICKNAME_NEEDS_CONTEXT, city_initials, district_names,
                                 inside, iso_codes, namesakes, place_kinds, province_short_names, region_names,
                                 subdivision_parents)
from outagewatch.nlp.source import SourceContext
from outagewatch.nlp.vocabulary import (CJK_SHORT, STATE_CODE_COUNTRIES, STATE_CODE_LANGUAGES, Name, Vocabulary, compact,
                                        fold, script_key)
from outagewatch.textrules import CJK_TEXT_RE, HANGUL, KANA

KANA_OR_HANGUL = re.compile(f"[{KANA}{HANGUL}]")
SENTENCE_END = frozenset({".", "!", "?", "…", "。", "！", "？", "\n"})
PLACE_PREPOSITIONS = frozenset({"in", "across", "from", "near", "around", "throughout", "en", "im", "aus", "à",
                                "a", "w", "i", "at", "to", "di", "da", "dal", "dalla", "nel", "nella", "bij", "uit",
                                "ve", "par", "vers", "sur", "zu", "nach", "bei", "out", "here", "stop",
                                "em", "no", "na", "de", "da", "do", "nos", "nas", "dans", "au", "desde", "für",
                                "for", "all", "over", "outside", "we", "ze", "z", "przy", "på", "från", "depuis", "vanuit",
                                "nad", "över", "sopra", "boven"})  # over a place: "chmura nad Krakowem", "mulet över Göteborg"
# Turkish locative/ablative endings split off a name ("istanbul'da", "ankara'dan"): "in"/"from" a place.
PLACE_CASES = frozenset(q + end for q in "'’" for end in ("da", "de", "ta", "te", "dan", "den", "tan", "ten", "daki",
                                                          "deki", "taki", "teki", "nda", "nde", "ndan", "nden"))
REGION_WORDS = frozenset({"region", "regions", "region's", "datacenter", "datacenters", "data", "zone", "zones",
                          "office", "offices", "pop", "pops", "dc", "area", "metro", "campus", "users", "customers",
                          "area", "región", "rechenzentrum", "région", "região", "subscribers"})
HASHTAG_SUFFIXES = ("down", "outage", "outages", "ausfall", "caido", "caida", "panne", "fail", "isdown", "offline",
                    "problems", "issues")
# Ongoing stages as other languages' status pages title them ("Onderzoek - ...", "[Untersuchung] ...").
FOREIGN_STAGES = {"onderzoek": "investigating", "untersuchung": "investigating", "investigación": "investigating",
                  "investigação": "investigating", "investigando": "investigating", "indagine": "investigating",
                  "identificado": "identified", "identifié": "identified", "identifiziert": "identified",
                  "geïdentificeerd": "identified", "monitorando": "monitoring", "monitoreando": "monitoring",
                  "überwachung": "monitoring", "surveillance": "monitoring", "monitoraggio": "monitoring",
                  "undersöker": "investigating", "undersökning": "investigating", "badamy": "investigating",
                  "onderzoeken": "investigating", "monitoren": "monitoring",
                  # pl, tr, sv, it: "Monitorujemy - ...", "İzleniyor - ...", "Övervakar - ...", "Zidentyfikowano –"
                  "monitorujemy": "monitoring", "monitorowanie": "monitoring", "zidentyfikowano": "identified",
                  "izleniyor": "monitoring", "i̇zleniyor": "monitoring", "övervakar": "monitoring",
                  "övervakning": "monitoring", "identifierat": "identified", "tanımlandı": "identified",
                  "belirlendi": "identified", "araştırılıyor": "investigating", "inceleniyor": "investigating",
                  # Azure's "Active" as its localized pages title an incident going on ("Attivo - Azure Virtual
                  # Network - Italy North: ...")
                  "attivo": "investigating", "activo": "investigating", "actif": "investigating",
                  "ativo": "investigating", "aktiv": "investigating", "actief": "investigating",
                  "aktywny": "investigating", "aktif": "investigating", "アクティブ": "investigating",
                  # sv "Pågående: förhöjda felfrekvenser för Firestore ..."
                  "pågående": "investigating",
                  "활성": "investigating"}
# "Resolved" as other languages' status pages title an update ("[Résolu] ...", "Storing opgelost: ...", "[복구 완료]").
FOREIGN_RESOLVED = dict.fromkeys(("résolu", "résolue", "rétabli", "rétablie", "resuelto", "resuelta", "solucionado",
                                  "restablecido", "resolvido", "resolvida", "restabelecido", "risolto", "risolta",
                                  "ripristinato", "behoben", "gelöst", "wiederhergestellt", "opgelost", "verholpen",
                                  "hersteld", "rozwiązany", "rozwiązane", "naprawiony", "çözüldü", "giderildi",
                                  "löst", "åtgärdat", "복구", "해결", "復旧", "解消",
                                  "rozwiązano", "naprawiono", "atténué", "atténuée", "mitigado", "mitigada", "azaltıldı",
                                  "mitigato", "mitigata", "gemildert", "åtgärdad", "解決済み",
                                  # Azure's "Mitigated" as its localized pages title it ("Attenuato:", "軽減済み:")
                                  "attenuato", "attenuata", "atenuado", "atenuada", "afgezwakt", "beperkt",
                                  "złagodzono", "złagodzony", "hafifletildi", "mildrat", "begränsat", "軽減済み",
                                  "완화됨"), "resolved")
STAGE_WORDS = frozenset({"investigating", "identified", "monitoring", "resolved", "update", "informational",
                         "mitigated", "restored", "postmortem", "completed", "scheduled", *FOREIGN_STAGES,
                         *FOREIGN_RESOLVED})
TITLE_STAGES = {"mitigated": "resolved", "restored": "resolved", "postmortem": "resolved", "completed": "resolved",
                "scheduled": "informational", **FOREIGN_STAGES, **FOREIGN_RESOLVED}
TITLE_MARKS = frozenset({"-", "–", ":", "—", "|", "]", ")"})
PROBLEM_WINDOW = 6
# A verb of saying after a name, before the message it gives in quotes ("alexa keeps saying '...'").
SAYING = frozenset({"says", "saying", "said", "keeps", "dice", "dit", "sagt", "zegt", "säger", "diz", "mówi", "diyor"})
QUOTE_WINDOW = 14  # words from the name to a problem inside the quoted message
BRAND_ENTITIES = frozenset({"ORG", "PRODUCT"})
OTHER_ENTITIES = frozenset({"GPE", "LOC", "PERSON", "NORP", "FAC", "EVENT", "WORK_OF_ART"})
AFTER_ONGOING = frozenset({"again", "still", "noch"})
NAME_LINKS = frozenset({"with", "into", "on", "to", "in", "from", "via", "through", "con", "en", "mit", "auf", "bei",
                        "avec", "sur", "com", "no", "na"})
SHORT_LOWER = frozenset({"uk", "usa", "uae", "nyc"})
# Neighbours that show a place name is the everyday word: (before, after).
PLACE_ANTI = {
    "china": (frozenset({"fine", "bone", "porcelain", "blue", "the", "antique", "good", "wedding", "my", "her"}),
              frozenset({"cabinet", "cabinets", "plate", "plates", "set", "sets", "dishes", "doll", "pattern", "shop",
                         "cup", "cups", "tea", "teapot", "hutch", "closet", "bowl", "bowls", "pieces"})),
    "turkey": (frozenset({"the", "a", "roast", "roasted", "smoked", "cold", "wild", "thanksgiving"}),
               frozenset({"sandwich", "dinner", "breast", "legs", "day", "bacon", "burger", "trot", "gravy"})),
    "jersey": (frozenset({"a", "the", "my", "his", "her", "new", "home", "away", "signed"}), frozenset({"number"})),
}
LIST_JOINERS = frozenset({",", "and", "&", "+", "/", "or", "y", "und", "et", "e", "ou", "oder", "o", "と", "、"})


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


def resolve(doc: Doc, vocab: Vocabulary, ctx: SourceContext, want_status: bool, entities: bool = False,
            trace: list | None = None) -> Tags:
    """Tags of one processed doc; ``entities``: a statistical model's named entities are in the doc.
    ``trace``: a list that receives one dict per decision (what, text, tagged, rule) for --explain."""

    def say(what: str, text: str, tagged: bool, rule: str, **extra) -> None:
        if trace is not None:
            trace.append({"what": what, "text": text, "tagged": tagged, "rule": rule, **extra})

    spans, handles, hosts, hashtags, codes = doc.user_data[NAMES]
    symptom_spans, stage_spans, areas, ja = doc.user_data[SYMPTOMS]
    texts, lower = doc_words(doc)
    if trace is None and not (spans or handles or hosts or codes or symptom_spans or stage_spans or ja):
        quiet = _nothing_named(texts, lower, hashtags, vocab, ctx, doc)
        if quiet is not None:
            return quiet
    n = len(lower)
    sentence = _Sentences(texts)

    services: dict[str, None] = dict.fromkeys(ctx.services)
    providers: dict[str, None] = dict.fromkeys(ctx.providers)
    regions: dict[str, None] = dict.fromkeys(ctx.regions)

    # Symptoms first: they are evidence for ambiguous names.
    found: list[tuple[int, int, str, bool]] = []  # start, end, symptom, ongoing
    talk: list[int] = []  # where anything about being up or down is said: evidence for a name
    partial = False
    denied = False
    # Where services and providers are named (not places): an everyday subject beside one is no everyday sense.
    # (only read beside an everyday subject's word: ``senses.everyday_sense`` looks for one first)
    named = frozenset(i for s, e, ns in spans if any(nm.kind not in ("region", "place") for nm in ns)
                      for i in range(s, e)) if spans and symptom_spans and not senses.SUBJECT_WORDS.isdisjoint(lower) \
        else frozenset()
    # Negated problem words are no symptom, but a place's clause that holds one says it is fine ("in Utrecht
    # geen probleem"): nlp/fine.py reads them beside the symptoms.
    negated_spans: list[tuple[int, int, str, bool]] = []
    lang = doc.user_data.get(LANG)
    for start, end, symptom in symptom_spans:
        if end < n and lower[end - 1] == "down" and _numeric(texts[end]):
            continue  # "shares are down 5%"
        sense = senses.everyday_sense(lower, start, end, named, symptom == "recovered") \
            if symptom != "maintenance" else None
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
    lang = doc.user_data.get(LANG)
    if lang in inflected.ENDINGS:  # "na discordzie", "netflixte", "siedzę na tiktoku": a name with a case ending
        names = spans + inflected.inflected_names(lower, vocab, lang, {i for s, e, _ in spans for i in range(s, e)})
    name_ends = {e for _, e, _ in names}
    # A network operator the catalog does not list ("Optus down", "Tele2 mobilnät dött", "sem net da MEO"):
    # named for relevance alone (no service tag), nlp/operators.py
    operator_at = operators.find(texts, lower)
    name_ends.update(i + 1 for i in operator_at)
    downs = {at for i in operator_at for at in [_operator_down(lower, i, symptom_spans)] if at is not None}
    if operator_at and not lexicon.OPERATOR_DOWN.isdisjoint(lower):
        # what it sells said down anywhere beside it ("Mobile data dead in Lagos, MTN and Airtel both")
        downs.update(j for j in range(1, n) if lower[j] in lexicon.OPERATOR_DOWN and lower[j - 1] in operators.ACCESS
                     and not any(s <= j < e for s, e, _ in symptom_spans))
    for at in sorted(downs):
        # "Comcast out in Chicago", "AT&T fiber out", "Etisalat (e&) home internet dead"
        talk.append(at)
        if not _negated(lower, at, False):
            found.append((at, at + 1, "outage", _ongoing(lower, at, at + 1)))
    for i in operator_at:  # "lost Vodafone signal"; "no Verizon Fios", "without Vodafone fibre", "sans internet SFR"
        if i and (lower[i - 1] == "lost" or i >= 2 and lower[i - 2] == "lost" and texts[i - 1][:1].isalpha()
                  and f"{lower[i - 1]} {lower[i]}" in operators.pairs()
                  or i >= 2 and (lower[i - 2], lower[i - 1]) in OPERATOR_KNOCKED
                  or lower[i - 1] in OPERATOR_NONE and (
                i + 1 < n and lower[i + 1] in operators.ACCESS or lower[i - 1] in operators.WITHOUT)):
            # ("Recife sem TIM faz duas horas", "Friezen zonder KPN vandaag", "Luleå utan Telenor")
            talk.append(i - 1)
            found.append((i - 1, i, "problems", _ongoing(lower, i - 1, i)))
    if operator_at and not OPERATOR_NOTHING.isdisjoint(lower) and not ASK_OTHERS.isdisjoint(lower) \
            and not WORKS_ASKED.isdisjoint(lower) and any(w.endswith("?") for w in lower):
        # People asking whether an operator works for the others, "nothing" here: "SFR marche chez vous ? Rien dans
        # le 11e", "Fibertel anda? En Palermo nada", "doet KPN het bij jullie? hier niks"
        j = next(j for j, w in enumerate(lower) if w in OPERATOR_NOTHING)
        talk.append(j)
        found.append((j, j + 1, "problems", _ongoing(lower, j, j + 1)))
    for i in [i for i, w in enumerate(lower) if w in lexicon.BARE_DOWN] \
            if name_ends and not lexicon.BARE_DOWN.isdisjoint(lower) else ():
        # "Roku down", "Fortnite servers down", "AWS caído"
        if any(i - k in name_ends for k in range(0, 3)) \
                and not (i + 1 < n and _numeric(texts[i + 1])) and not any(s <= i < e for s, e, _ in symptom_spans):
            talk.append(i)
            if not _negated(lower, i, False):
                found.append((i, i + 1, "outage", _ongoing(lower, i, i + 1)))
            else:
                denied = True
    for i in [i for i, w in enumerate(lower) if w in SERVICE_DEAD] \
            if name_ends and not SERVICE_DEAD.isdisjoint(lower) else ():
        # "Reddit dead in philly", "Discord tot in München", "whatsapp ölü", "whatsapp HS ici": a word for dead
        # right after a service's name says it is down (not "Twitter is dead": an opinion as often)
        if any((e == i or e == i - 1 and lower[e] in DEAD_COPULAS) and any(nm.kind in ("service", "provider") for nm in ns)
               for _, e, ns in names) \
                and (i + 1 >= n or lower[i + 1] not in DEAD_NOT_AFTER) \
                and not (lower[i] in DEAD_NOT_ENGLISH and lang in (None, "en")) \
                and not any(s <= i < e for s, e, _ in symptom_spans) and not _negated(lower, i, False):
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
    if found and not lexicon.REPAIR_VERBS.isdisjoint(lower):
        # "Singtel fixes broadband disruption", "SFR rétablit son réseau après une panne", "Proximus herstelt
        # internetstoring": a provider repairing an outage its own sentence names tells the outage's end
        strong_at = [st for st, _, sym, _ in found if sym in lexicon.STRONG_SYMPTOMS and st < n]
        found += [(i, i + 1, "recovered", False) for i, w in enumerate(lower)
                  if w in lexicon.REPAIR_VERBS and any(sentence[st] == sentence[i] for st in strong_at)]
    if not (lexicon.ASKED_DOWN.isdisjoint(lower) or lexicon.ASKING_COPULAS.isdisjoint(lower)):
        at = _asked_down(lower)
        if at is not None and not any(s <= at < e for s, e, _, _ in found):
            talk.append(at)  # "Is Hinge down?", "Är BankID nere?"
            found.append((at, at + 1, "outage", True))
    money = _money_failure(lower, text_of(doc), lang in ("ja", "ko"))
    if money is not None:
        # "Klarna drog pengarna två gånger", "Bestellung storniert, Geld aber abgebucht", "결제가 두 번 됐어요": a
        # payment failure (a phrase of money taken twice that read as a weak problem word is one too)
        found = [(s, e, "payments" if sym == "problems" and s <= money < e else sym, on) for s, e, sym, on in found]
        if not any(s <= money < e for s, e, _, _ in found):
            talk.append(money)
            found.append((money, money + 1, "payments", _ongoing(lower, money, money + 1)))
    if not lexicon.CARD_WORDS.isdisjoint(lower):
        at = _card_refused(lower)
        if at is not None and not any(s <= at < e for s, e, _, _ in found):
            # "N26 Karte wird überall abgelehnt", "pinnen lukt nergens", "kartlı ödemeler geçmiyor"
            talk.append(at)
            found.append((at, at + 1, "payments", _ongoing(lower, at, at + 1)))
    rehearsal = senses.drill(lower) if found else None
    if rehearsal:  # "our game day simulated losing us-east-1": what breaks in a drill was planned
        say("symptom", rehearsal, False, "a drill or simulation: its failures are planned")
        found = [f for f in found if f[2] not in lexicon.PROBLEM_SYMPTOMS]
    symptom_at = sorted(set(talk) | {s for s, _, _, _ in found}) if talk or found else talk

    # Names, strongest evidence first.
    for i, entry in handles:
        _add_entry(entry, vocab, services, providers)
        say("name", texts[i], True, "the service's own handle", entry=entry)
    for i, ids in hosts:
        for entry in ids:
            _add_entry(entry, vocab, services, providers)
            say("name", texts[i], True, "its status page or site", entry=entry)
    spots = [(i, i + 1) for i, _ in codes] + \
        [(s, e) for s, e, ns in names if any(nm.kind in ("region", "place") for nm in ns)]
    fine_here = _fine_in_clause(texts, lower, spots, found + negated_spans)
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
                    say("name", _shown(texts, start, end, nm), False, plain, entry=nm.ids[0])
                    continue
                _add_entry(nm.ids[0], vocab, services, providers)
                say("name", _shown(texts, start, end, nm), True,
                    (f"short for {nm.short_for}" if nm.short_for else "not an everyday word") + _form_note(nm),
                    entry=nm.ids[0])
    if doubtful:
        kinds_at = {(e.start, e.end): e.label_ for e in doc.ents} if entities else {}
        lang = doc.user_data.get(LANG)
        raw = text_of(doc)
        _weigh(doubtful, names, texts, lower, vocab, ctx, services, providers, symptom_at, sentence,
               bool(handles or hosts), hashtag_down, bool(ja), kinds_at, trace,
               foreign=_Foreign(lower, lang if lang in vocab.lookalikes else None),
               kana_or_hangul=not raw.isascii() and KANA_OR_HANGUL.search(raw) is not None)
    if vocab.typo_index and (symptom_at or trace is not None or ctx.named or not lexicon.BARE_DOWN.isdisjoint(lower)):
        typed = _typo_names(lower, vocab, services, providers, symptom_at, sentence, names, doc.user_data.get(LANG),
                            say, trace is not None, ctx.named)
        if typed:  # where each typo'd name is, for the contrasts read below ("linkedin är död, whatsap funkar")
            names = names + typed
    if "-" in "".join(lower):  # a word that is or holds a hyphen
        _hyphenated_names(texts, lower, vocab, services, providers, say)
    for entry in ctx.services if (vocab.brand_family or ctx.kind == "status") and services.keys() - ctx.services \
            else ():
        # "@AmazonHelp: ... unable to stream Prime Video titles": a company's help account answers for
        # all its products; the one the text names is the one it is about
        family = vocab.brand_family.get(entry) or ()
        # a company's status page shared with its own products speaks for the product the update names
        # (status.adobe.com: "Creative Cloud – Teilausfall: ..."); its help account answers as the company too
        # (the writers label @AdobeCare's "Creative Cloud keeps signing me out" with both)
        named = [e for e in services if e not in ctx.services and (
            e in family or ctx.kind == "status" and e.startswith(entry + "/"))]
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
        _short_names(lower, vocab, services, providers, ctx, (*names, *symptom_spans), texts)
    if services and providers and vocab.short_names:
        _named_brands_product(lower, names, vocab, services, providers, ctx, say)
    if "bedrock" in lower:
        _model_host(lower, texts, names, sentence, services, ctx, say)
    if not lexicon.PRODUCT_BY_NOUN.keys().isdisjoint(lower):
        for i, word in enumerate(lower[:-1]):
            entry, nouns = lexicon.PRODUCT_BY_NOUN.get(word, (None, ()))
            if entry and lower[i + 1] in nouns and entry not in services:
                services.setdefault(entry)  # "Athena queries stuck in QUEUED", "Glue jobs failing"
                say("name", " ".join(texts[i:i + 2]), True, "an AWS product's bare name with a word of its own use",
                    entry=entry)
    if ("docker" in lower or "toomanyrequests" in lower) and "docker-hub" not in services and \
            _docker_hub(lower, services):
        services.setdefault("docker-hub")
        say("name", "docker pull", True, "images pulled with docker from no other registry named, or Docker Hub's "
            "own rate-limit error ('toomanyrequests')", entry="docker-hub")
    if ctx.words and not ctx.words.isdisjoint(vocab.searched_products) and not ctx.words.isdisjoint(lower):
        in_longer = {i for s, e, ns in names if e - s > 1 and any(nm.ids and nm.ids[0] in services for nm in ns)
                  for i in range(s, e)}  # "EC2 Auto Scaling" found by a search for it is no EC2
        for entry, word in _searched_products(texts, lower, vocab, ctx, services, symptom_at, sentence, in_longer):
            _add_entry(entry, vocab, services, providers)
            say("name", word, True, "a product's own word, and the search that found the text was for it",
                entry=entry)
    if (len(services) > 1 or operator_at and services) and fine.may_say_fine(texts, lower):
        for service in _services_said_fine(texts, lower, names, services, ctx, found + negated_spans,
                                           bool(operator_at),
                                           "recovered" not in ja and any(sym in lexicon.PROBLEM_SYMPTOMS for sym in ja)):
            services.pop(service)
            say("name", service, False, SERVICE_FINE, entry=service)
    if len(services) > 1 and "my" in lower and not DEVICE_BRANDS.keys().isdisjoint(services):
        for service in _my_device(lower, names, services, ctx):
            services.pop(service)
            say("name", service, False, "the writer's own device another service fails on (\"disney+ black screen "
                "on my roku but netflix streams fine\")", entry=service)
    if len(services) > 1 and not CORRECTION_TURNS.isdisjoint(lower) and not IT_IS.isdisjoint(lower):
        for service in _corrected(lower, names, services, ctx):
            services.pop(service)
            say("name", service, False, "thought or asked to be down, then corrected to another (\"Dacht dat Spotify "
                "eruit lag maar het is Sonos\", \"¿Se cayó WhatsApp? ah no, es Instagram\")", entry=service)
    if services and providers and ("?" in lower or "??" in lower or "？" in lower or not ASKING.isdisjoint(lower)
                                   or fine.may_say_fine(texts, lower)):
        for provider, why in _providers_aside(texts, lower, names, services, providers, vocab, ctx, found + negated_spans):
            providers.pop(provider)
            say("name", provider, False, why, entry=provider)
    if len(services) > 1 and (not ASKING.isdisjoint(lower) or any(w.endswith("?") or w == "？" for w in lower)):
        for service in _products_suspected(lower, names, services, vocab, ctx):
            services.pop(service)
            provider = vocab.provider_of.get(service)
            if provider in providers and provider not in ctx.providers and not any(
                    vocab.provider_of.get(s) == provider for s in services) and not any(
                    nm.kind == "provider" and nm.ids and nm.ids[0] == provider for _, _, ns in names for nm in ns):
                providers.pop(provider)
            say("name", service, False, "a cloud product named only as a suspect in a question beside other "
                "services' outage (\"grubhub and youtube both broken, is Azure OpenAI having a moment?\")",
                entry=service)
    for provider in fine_codes if services else ():
        # "ap-southeast-2 is fine, it's Mumbai that is on fire. Azure Function timeouts everywhere", "ap-northeast-1
        # is fine, the issue is the vimeo CDN edge": a provider named only by its region codes, each said fine,
        # beside a service of another with the problem, is the contrast (as a provider named alone is)
        if provider in providers and provider not in ctx.providers and not any(
                s.split("/")[0] == provider or vocab.provider_of.get(s) == provider for s in services) and not any(
                nm.kind == "provider" and nm.ids and nm.ids[0] == provider for _, _, ns in names for nm in ns):
            providers.pop(provider)
            say("name", provider, False, "named only by its region codes, each said fine, beside another's service "
                "with the problem", entry=provider)
    if services and (operator_at or len(services) > 1) and not MEDIUM_CUES.isdisjoint(lower):
        for service, why in _only_the_medium(lower, names, services, ctx, operator_at, found, sentence):
            services.pop(service)
            say("name", service, False, why, entry=service)
    for service in list(services):
        provider = vocab.provider_of.get(service)
        if provider:
            providers.setdefault(provider)

    # Regions: display names and places need their provider in context.
    regional = [p for p in providers if p in vocab.regions_by_provider]
    site_places = []
    if vocab.site_providers and not vocab.site_providers.isdisjoint(providers):
        site_places = _site_codes(lower, vocab)  # "NYC3", "GRA11": looked for only beside their provider
        site_places += _site_words(texts, lower, vocab, providers)  # "in RBX", "us-south", "fsn1'de"
    namer = next((n for n in vocab.site_namers if n in providers or n in services), None)
    if namer:  # "iad1", "(FRA)": an airport code beside Vercel, Cloudflare or Fastly is its site
        site_places += [(i, i + 1, Name("place", (), written, geo=geo, site_of=namer))
                        for i, written, geo in sites.find(texts, lower, vocab.airport_sites)]
    if lang == "de" and (regional or ctx.named) and not CITY_ADJECTIVE_NOUNS.isdisjoint(lower):
        site_places += _city_adjective_places(texts, lower, vocab)  # "Frankfurter Region bei AWS"
    people = demonyms.find(texts, lower, lang, demonyms.demonyms())  # "Londoners: ...", "los madrileños sin ..."
    adjectives = demonyms.find_adjectives(texts, lower, lang)  # "empresas españolas", "Dutch government services"
    if adjectives:  # (mostly none: no set of the people words' places is made then)
        found_at = {i for i, _ in people}
        people += [(i, code) for i, code in adjectives if i not in found_at]
    people += sites.find_airports(texts, lower, sites.airport_names())  # "op Schiphol", "på Arlanda"
    if people:
        site_places += [(i, i + 1, Name("place", (), texts[i], geo=code, demonym=True)) for i, code in people]
    if site_places:
        places = places + site_places
        fine_here = _fine_in_clause(texts, lower, [(i, i + 1) for i, _ in codes] + [(s, e) for s, e, _ in places],
                                    found + negated_spans)
    fine_at = [st for st, _, sym, _ in found if sym == "fine"]
    place_at = {s for s, _, ns in names if any(nm.kind in ("place", "region") for nm in ns)}
    # Where a tagged service or a network operator begins and ends: a big city in lower case right beside one is
    # where it fails ("izmir superonline fiber yok", "mtn lagos network jammed"); only where a place is in lower case
    brands = _brand_edges(names, services, providers, operator_at) if places and not text_of(doc).istitle() \
        and any(texts[s][:1].islower() for s, _, _ in places) else None
    placed: list[tuple[int, int, str]] = []  # where each geo: tag was said, for "Germany Central (Frankfurt)"
    workplace = None  # the text speaks of a provider's offices, jobs or events (``_workplace``), found when needed
    around: list[tuple[str, str, tuple[str, ...]]] = []  # countries beside a provider, and the regions in them
    yesterday = len(spots) > 1 and not YESTERDAY.isdisjoint(lower)  # "yesterday it was Kolkata": mostly not
    people_at = [o.geo for _, _, o in places if o.demonym and o.geo]  # "Porteños, ... en Palermo"
    for start, end, nm in places:
        text = " ".join(texts[start:end])
        if end - start == 1 and nm.written in text and not text.isascii():
            text = nm.written  # "東京都": the name found inside a run of CJK text ("東京都で")
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
            elif nm.geo and not any(r.startswith(region.split(":", 1)[0] + ":") for r in regions) and not any(
                    s == start and e == end and o.kind == "region" and o.ids[0].split(":", 1)[0] in regional
                    for s, e, o in places):  # "México Central" beside Azure is not also AWS's place
                regions.setdefault(f"geo:{nm.geo}")
                say("region", text, True, "a region's name without its provider: the place", entry=f"geo:{nm.geo}")
            elif list(providers) in ([], [region.split(":", 1)[0]]) and (
                    _cloud_region_word(lower, texts, text) or _named_as_region(lower, end, services, vocab)) and len({
                    o.ids[0].split(":", 1)[0] for s, e, o in places if s == start and e == end and o.kind == "region"}) == 1:
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
            elif nm.geo and any((o.geo or "").startswith(nm.geo + "-") or inside(o.geo, nm.geo) for _, _, o in places) \
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
        rule = _place_rule(doc, texts, lower, start, end, nm, symptom_at or stage_spans or ja or services
                           or ctx.kind == "status", place_at, brands)
        if not rule and _national_arm(texts, start, nm, names, places):
            rule = "a country's name right after a brand, a place in it named: its company there (\"Vodafone Egypt " \
                "no signal in Cairo\")"
        if not rule:
            rule = _owned_or_product(texts, lower, start, end, nm, vocab, services, lang)
        if not rule and len(nm.geo or "") == 2:
            rule = _where_a_group_lives(lower, start, end, nm, places, symptom_at) or \
                _country_after_its_city(lower, start, nm, places)
        elif not rule and start > 1 and lower[start - 1] == ",":
            rule = _region_after_its_city(start, nm, places)
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
            (texts[start][:1].isupper() and end < len(lower) and lower[end] in demonyms.PEOPLE_AFTER) or \
            (brands is not None and _said_in_lower(lower, start, end, nm, brands, lang)) or \
            (nm.initials or nm.ambiguous_place and texts[start][:1].isupper() and bool(symptom_at or services)
             and place_kinds().get(nm.written) == "city") and _dateline(texts, start, end) or \
            (nm.written in NICKNAME_NEEDS_CONTEXT and start > 1 and lower[start - 1] == "the"
             and lower[start - 2] in PLACE_PREPOSITIONS)  # "BH: Nubank fora do ar", "Lagos: MTN data crawling",
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
            named = [r for r in nm.ids if r.startswith(provider + ":")]
            located = [r for r in nm.located if r.startswith(provider + ":")]
            if wide:
                named, located = (named if len(nm.geo or "") > 2 else []), []
            ids = named if len(named) == 1 else located if len(located) == 1 else named or located
            if any(x in regions for x in ids):
                mapped = True
            elif at_work and any(o.kind == "region" and x in o.ids for _, _, o in places for x in ids):
                mapped = True  # "Stockholm meetup: Running Kafka on Azure Sweden Central": the region is named
            elif at_work:
                say("place", text, False, f"a city where {provider} has an office, hires or meets, not its region "
                    "(\"AWS apre una nuova sede a Milano\", \"hiring SREs in Dublin\", \"AWS Summit Milano\")",
                    entry=ids[0] if ids else None)
            elif len(ids) == 1 and not any(x.startswith(provider + ":") for x in regions):
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
        if (nm.ambiguous_place and not context) or (nm.everyday_place and (
                not _place_context(lower, start, end, texts) or start and lower[start - 1] in FUSED_ARTICLES)):
            say("place", text, False, "also a name or an everyday word: needs \"in ...\" or a region word",
                entry=f"geo:{nm.geo}")
            continue
        if nm.written in namesakes():  # "Córdoba", "Newcastle", "Cambridge": which of the places so named
            chosen = _namesake_choice(texts, start, nm, places)
            if chosen is None:
                say("place", text, False, "a city name others share, none of them in the country of the text's other "
                    "places", entry=f"geo:{nm.geo}")
                continue
            nm = chosen
        regions.setdefault(f"geo:{nm.geo}")
        placed.append((start, end, f"geo:{nm.geo}"))
        if wide and any(r.split(":", 1)[0] in regional for r in nm.located + nm.ids):
            around.append((text, f"geo:{nm.geo}", nm.located))
            say("place", text, True, "a country or province beside a provider, not said as its region: the place",
                entry=f"geo:{nm.geo}")
        else:
            say("place", text, True, f"a place in the gazetteer{_form_note(nm)}", entry=f"geo:{nm.geo}")
    for text, region, located in around:
        if region in regions and any(r in regions for r in located):
            regions.pop(region)  # "eu-west-1 ... in Ireland", "Korea ... Azure Korea Central": the region says where
            say("place", text, False, "a country or province around a region of it named in the text: the region "
                "says where", entry=region)
    for region in _within(placed, texts):
        regions.pop(region, None)
        say("place", region, False, "the wider place around a place named in brackets (\"Germany Central "
            "(Frankfurt)\"): the narrower one says where", entry=region)

    # Symptoms: Japanese, areas, recovery.
    for symptom in ja:
        if symptom.startswith(("st:", "~")):
            continue
        found.append((0, 0, symptom, False))
    power = bool(ja) and any("停電" in t for t in texts)
    if not power and any(sym == "outage" for _, _, sym, _ in found):
        # An outage word in a sentence that speaks of electricity ("the outage map shows 4,000 homes without
        # power", "elektrik kesintisi"), or a compound made on a word for it ("Stroomstoring"): a power cut.
        outage_at = [start for start, _, sym, _ in found if sym == "outage" and start < n]
        power = any(lower[start].startswith(lexicon.POWER_PREFIXES) for start in outage_at)
        if not power and not lexicon.POWER_WORDS.isdisjoint(lower):
            power_sentences = {sentence[i] for i, w in enumerate(lower) if w in lexicon.POWER_WORDS}
            power = any(sentence[start] in power_sentences for start in outage_at)
    kinds = {sym for _, _, sym, _ in found}
    if "fine" in kinds:
        fine_in = {sentence[st] for st, _, sym, _ in found if sym == "fine" and st < n}
        # "X having capacity issues. Central US looks fine.": a place said fine beside a problem elsewhere
        # is a contrast, not a recovery
        spots = [st for st in place_at if st < n] + [i for i, _ in codes if i < n]
        placed = all(any(p < st and sentence[p] == sentence[st] for p in spots)  # the place is what is fine
                     for st, _, sym, _ in found if sym == "fine" and st < n)
        asked = {sentence[i] for i, w in enumerate(lower) if w.endswith("?")}  # "aws outage? ohio looks fine"
        contrast = placed and any(sentence[st] not in asked and sentence[st] not in fine_in
                                             for st, _, sym, _ in found if sym in lexicon.PROBLEM_SYMPTOMS and st < n)
        if not contrast and not any(sentence[st] in fine_in for st, _, sym, _ in found
                                    if sym in lexicon.PROBLEM_SYMPTOMS and st < n):
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
    if want_status:
        status = _status(lower, stage_spans, ja, partial)
        if status is None and ctx.kind == "status":  # a status page names no stage: say what it reports
            # (a review of an incident is posted once it is over: "Post Incident Review (PIR) - Azure SQL Database";
            # a component's state goes on: "Editor - Partial Outage; Login - Operational")
            # and maintenance announced ahead is a notice whatever it will make unavailable: "Planerat underhåll
            # söndag 03:00–05:00. Appen kan vara otillgänglig")
            joined = " ".join(lower)
            status = ("resolved" if problems and any(r in joined for r in lexicon.INCIDENT_REVIEWS) else
                      "informational" if "maintenance" in kinds and "recovered" not in kinds and _announced(lower, ja, doc)
                      else "resolved" if problems and told_after(lower, text_of(doc)) else
                      "investigating" if problems or _component_state(lower) else "resolved" if recovered else
                      "informational" if "maintenance" in symptoms else None)
        elif status == "identified" and problems and told_after(lower, text_of(doc)):
            # "Summary of impact: ... Root cause was a bad configuration push": the cause found is told
            # in the incident's account once it is over, not a stage it is at
            status = "resolved"
        if status == "resolved":
            symptoms -= lexicon.PROBLEM_SYMPTOMS
            symptoms.add("recovered")
            problems = set()
    why = None
    excluded = None  # why a text is about no outage at all, whatever its words
    if recovered and not (kinds & lexicon.PROBLEM_SYMPTOMS) and not stage_spans and not ja and {
            " ".join(lower[st:e]) for st, e, sym, _ in found if sym in ("recovered", "fine")} <= lexicon.ALL_CLEAR:
        # "Zoom Meetings - Operational. Zoom Phone - Operational.": a component list, no incident ended
        status = "informational" if want_status else status
        symptoms.discard("recovered")
        why = excluded = "every component said operational: no incident"
    elif not (kinds & lexicon.PROBLEM_SYMPTOMS) and not stage_spans and not any(s.startswith("st:") for s in ja) \
            and {" ".join(lower[st:e]) for st, e, sym, _ in found if sym == "recovered" and e > st} <= lexicon.ALL_CLEAR \
            and allclear.all_clear(lower, text_of(doc)):
        # "Alle Komponenten betriebsbereit", "Tüm sistemler çalışır durumda", "모든 시스템 정상 운영 중"
        status = "informational" if want_status else status
        symptoms.discard("recovered")
        why = excluded = "all systems said to work: no incident"
    # "Stromausfall in Köln, Internet weg", "停電、ネットも繋がりにくい": the power cut took a network with it
    network_lost = power and any(sym == "connectivity" or not lexicon.NETWORK_WORDS.isdisjoint(lower[st:e])
                                 for st, e, sym, _ in found if sym in lexicon.PROBLEM_SYMPTOMS)
    operator = bool(operator_at) and not (services or providers)  # an operator is what the text is about
    if power and not (services or providers or operator) and not network_lost:
        problems = set()  # "power outage on our street": not a service outage
        why = excluded = "a power cut, no service named"
    elif not network_lost and (services or providers) and _power_cut_over(lower, texts, found, sentence, power,
                                                                          lang in ("ja", "ko")):
        problems = set()  # "Stromausfall ... 10 min, danach lief alles wieder, auch IMDb"
        symptoms -= lexicon.PROBLEM_SYMPTOMS
        why = excluded = "a power cut at home, over or not reaching the services named: no service went down"
    elif problems and not (services or providers or operator) and not fine_here and all(
            " ".join(lower[st:e]) in lexicon.NO_COVERAGE for st, e, sym, _ in found if sym in lexicon.PROBLEM_SYMPTOMS):
        # (not where another place is said to be fine: "WindTre a Torino niente segnale, a Genova normale" is
        # a network down in one city, not the writer up a mountain)
        problems = set()  # "no signal up here in the mountains": where the writer is, no network failed
        why = excluded = "no mobile signal where the writer is, no service named"
    if "maintenance" in kinds and _announced(lower, ja, doc) and status in (None, "informational") \
            and "recovered" not in kinds:
        problems = set()  # "PSN will be unavailable Tuesday for planned maintenance"
        status = "informational" if want_status else status
        why = excluded = "announced maintenance"
    # A component's state goes on beside the others said operational ("Jira Cloud — Degraded performance. ...
    # Confluence is operational."): an all-clear word of another component is no recovery of this one.
    state = _component_state(lower) if status != "resolved" and ("recovered" not in kinds or all(
        " ".join(lower[st:e]) in lexicon.ALL_CLEAR for st, e, sym, _ in found if sym == "recovered")) else None
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
        if not strong and not (services or providers or operator) and _about_a_service(lower, text_of(doc)):
            # "swish hänger sig vid betalningen", "bunq-app blijft laden": a complaint of what a service does,
            # about an app, a server, a payment..., names a failing service the catalog may not know
            complaint = next((" ".join(lower[st:e]) or sym for st, e, sym, _ in found if sym in problems
                              and sym != "degraded" and " ".join(lower[st:e]) not in lexicon.WEAK_WORDS), None)
        ongoing = bool(strong) or bool(services or providers or operator) or complaint is not None
        why = (f"a strong symptom ({', '.join(strong)})" if strong else
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
        back = _looking_back(lower, text_of(doc), bool(ja)) or _told_in_the_past(lower, found, problems)
        if back:
            ongoing, why = False, back
    recovery_said = any(sym == "recovered" for _, _, sym, _ in found) or any(s == "resolved" for _, _, s in stage_spans)
    # "back online after 18-hour outage": the outage word in the recovery's own sentence
    recovery_sentences = {sentence[st] for st, _, sym, _ in found if sym == "recovered" and st < n}
    # or in the sentence right after it, telling what was down ("Voltou o X. Ficou duas horas sem carregar")
    recovered_outage = bool(recovery_sentences) and any(sentence[st] in recovery_sentences
                                                        or sentence[st] - 1 in recovery_sentences
                                                        for st, _, sym, _ in found
                                                        if sym in lexicon.STRONG_SYMPTOMS and st < n) \
        or bool(ja and recovered)
    if not recovered_outage and recovery_said and any(
            e > st and " ".join(lower[st:e]) not in lexicon.GENERIC_RECOVERIES
            for st, e, sym, _ in found if sym == "recovered"):
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
                                              ctx.kind == "status" or _title_status(lower) is not None
                                              or any(st == 0 and (e == n or lower[e] in TITLE_MARKS)
                                                     for st, e, _ in stage_spans),  # "Service restored - ..."
                                              ctx.kind == "status")
    if not found and not denied and not CHOICE_CUES.isdisjoint(lower) and verbs.choosing(lower):
        denied = True  # "i won't let my kids play fortnite": a person choosing, no complaint to read in
    # (of a named service or network operator: a bag of words is least sure of what the catalog does not name)
    now = (present_time(lower, text_of(doc), [(st, e) for st, e, sym, _ in found if sym in problems], bool(ja))
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
                symptoms=[s for s in lexicon.SYMPTOMS if s in symptoms] if symptoms else [], status=status, relevant=relevant,
                ongoing=ongoing, denied=denied or excluded is not None, now=now)


CHOICE_CUES = verbs.CHOICES | {"n't"}  # a quick test before :func:`verbs.choosing`
# The words :func:`resolve` reads a name, a problem or a product from where the matcher found nothing: a card's
# refusal, a bare "down" (also the typo search's gate), an AWS product's bare name before its use, Bedrock's model
# hosts, Docker's pulls (see :func:`_nothing_named`).
NOTHING_NAMED_BLOCKERS = lexicon.CARD_WORDS | lexicon.BARE_DOWN | frozenset(lexicon.PRODUCT_BY_NOUN) | {
    "bedrock", "docker", "toomanyrequests"}


def _nothing_named(texts: list[str], lower: list[str], hashtags, vocab: Vocabulary, ctx: SourceContext,
                   doc: Doc) -> Tags | None:
    """The tags of a text the matcher found nothing in (no name, place, code, handle, host, problem, stage or
    Japanese/Korean phrase), where :func:`resolve` can find nothing either, or None where it may: most such
    texts are chatter that reached the pipeline only for a kana or hangul character ("今日はいい天気ですね").

    What :func:`resolve` reads beyond the matcher's finds, each looked at here as it looks: a source that names
    something or is a status page; a hashtag naming an entry or saying one is down ("#rokudown"); a language whose
    case endings make names (``inflected``); a network operator (``operators.find``); a place's people, a country's
    adjective or an airport (``demonyms``, ``sites``); a word joined by a hyphen (names in compounds); the words of
    :data:`NOTHING_NAMED_BLOCKERS`; a stage as a title's word, a component's state, an all-clear; money taken for an
    order gone or twice (``_money_failure``), a question whether something is down (``_asked_down``). A rule that
    reads a problem or a name from words the matcher does not find must be looked at here too:
    test_nothing_named_fast_path.py reads every development set both ways. Past those the
    rules have no name, place, problem, stage or recovery to weigh: no tag, not relevant, not ongoing; only
    ``denied`` (a person's choice, "i won't let my kids play") is read, for the relevance model's guard."""
    if ctx.services or ctx.providers or ctx.regions or ctx.words or ctx.named or ctx.brands or ctx.page \
            or ctx.kind == "status":
        return None
    for _, tag in hashtags:
        key = compact(tag)
        if key.endswith(HASHTAG_SUFFIXES) or key in vocab.compact:
            return None
    lang = doc.user_data.get(LANG)
    if lang in inflected.ENDINGS or not NOTHING_NAMED_BLOCKERS.isdisjoint(lower) or "-" in "".join(lower):
        return None
    if operators.find(texts, lower) or _title_status(lower) is not None or _component_state(lower) is not None:
        return None
    if _money_failure(lower, text_of(doc), lang in ("ja", "ko")) is not None or not (
            lexicon.ASKED_DOWN.isdisjoint(lower) or lexicon.ASKING_COPULAS.isdisjoint(lower)) and _asked_down(lower) is not None:
        return None  # "Bestellung storniert, Geld aber abgebucht", "Är BankID nere?"
    if demonyms.find(texts, lower, lang, demonyms.demonyms()) or demonyms.find_adjectives(texts, lower, lang) \
            or sites.find_airports(texts, lower, sites.airport_names()) or allclear.all_clear(lower, text_of(doc)):
        return None
    return Tags(denied=bool(not CHOICE_CUES.isdisjoint(lower) and verbs.choosing(lower)))
_PRESENT_RE = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in lexicon.PRESENT_TIME_PHRASES) + r")(?!\w)")
_PRESENT_KEYS = phrasegate.keys(lexicon.PRESENT_TIME_PHRASES)  # a text holding none cannot match _PRESENT_RE
NEAR = 3  # a present-time word dates the problem word it is at most this many words from ("today's outage")
_NOW_WORD = "|".join(re.escape(w) for w in sorted(lexicon.PRESENT_TIME, key=len, reverse=True))
_AGAIN_WORD = "|".join(re.escape(w) for w in sorted(lexicon.AGAIN_WORDS, key=len, reverse=True))
_AGAIN_NOW_RE = re.compile(rf"(?<!\S)(?:(?:{_AGAIN_WORD}) (?:{_NOW_WORD})|(?:{_NOW_WORD}) (?:{_AGAIN_WORD}))(?!\S)")


_AGAIN_RE = re.compile(rf"(?<!\S)(?:{_AGAIN_WORD})(?!\S)")
_AGAIN_KEYS = phrasegate.keys(lexicon.AGAIN_WORDS)
# "is", "ist", "est", "está"...: the problem said in the present tense ("is down again"), not "was" or "went".
PRESENT_COPULAS = frozenset({"is", "are", "'s", "'re", "ist", "sind", "zijn", "est", "sont", "está", "están", "estão",
                             "é", "è", "sono", "är", "er", "jest", "są"})


def _again_now(joined: str, problems: list[tuple[int, int]]) -> str | None:
    """"again today" / "heute wieder" at most :data:`NEAR` words from a problem word: the problem is
    back now, whatever past time the text also names ("down yesterday and again today"). So is a problem
    said in the present tense with "again" beside it ("Cloudflare is down again, same as Tuesday's
    meltdown", "Slack ist wieder down"): the past time dates the earlier one ("was down again yesterday"
    is not now)."""
    for match in _AGAIN_NOW_RE.finditer(joined):
        at = joined.count(" ", 0, match.start())
        if any(st - NEAR <= at < e + NEAR for st, e in problems):
            return match.group()
    words = None
    for match in _AGAIN_RE.finditer(joined):
        at = joined.count(" ", 0, match.start())
        end = at + match.group().count(" ") + 1  # the word after "again"
        words = words or joined.split(" ")
        for st, e in problems:
            if at == e:  # "is down again": the copula opens the problem words or stands before them
                verb = {words[st]} | ({words[st - 1]} if st else set())
            elif end == st:  # "ist wieder down"
                verb = {words[at - 1]} if at else set()
            else:
                continue
            if not PRESENT_COPULAS.isdisjoint(verb):
                return " ".join(words[min(at, st):max(end, e)])
    return None


def present_time(lower: list[str], raw: str, problems: list[tuple[int, int]], cjk: bool) -> str | None:
    """The word or phrase that dates the problem to the present, or None: a word of
    lexicon.PRESENT_TIME ("today's", "now", "currently", "gerade", "şu anda") at most :data:`NEAR`
    words from a problem word the rules counted ("today's outage", "down right now", "currently
    failing"), in a text that names no past time ("yesterday", "gestern"); in Japanese and Korean,
    whose clauses are one token, a present-time word anywhere ("今日", "지금"). After a past time,
    only "again" beside a present-time word (:func:`_again_now`). The caller asks only
    where the rules read a problem now and no recovery, and ruled no problem word out.
    A time word elsewhere dates something else: "Totalausfall im Mittelfeld heute" is football, "my
    brain had a full outage at 3pm today" a joke, "back now" a recovery."""
    if cjk:
        if any(past in raw for past in lexicon.PAST_TIMES_CJK):
            return None
        cue = next((cue for cue in lexicon.PRESENT_TIME_CJK if cue in raw), None) or next(
            (w for w in lower if w in lexicon.AGAIN_CJK_KO), None) or next(
            (cue for cue in lexicon.AGAIN_CJK_JA if cue in raw), None)
        if cue:
            return cue
    if not problems:
        return None
    joined = None
    if not _BACK_KEYS.isdisjoint(lower):
        joined = " ".join(lower)
        if _past_time(joined):
            return _again_now(joined, problems)
    for i, word in enumerate(lower if not lexicon.PRESENT_TIME.isdisjoint(lower) else ()):
        if word in lexicon.PRESENT_TIME and any(st - NEAR <= i < e + NEAR for st, e in problems):
            return word
    if joined is None:
        joined = " ".join(lower)
    for match in _PRESENT_RE.finditer(joined) if phrasegate.may_hold(joined, _PRESENT_KEYS) else ():
        at = joined.count(" ", 0, match.start())  # the phrase's first word
        if any(st - NEAR <= at < e + NEAR for st, e in problems):
            return match.group()
    # "Slack outage again this morning", "GitHub is down again", "Teams schon wieder kaputt": with no past time
    # in the text (above), a problem come back is a problem now
    for match in _AGAIN_RE.finditer(joined) if phrasegate.may_hold(joined, _AGAIN_KEYS) else ():
        at = joined.count(" ", 0, match.start())
        if at and lower[at - 1] in lexicon.FINE_AGAIN or at + 1 < len(lower) and lower[at + 1] in lexicon.FINE_AGAIN:
            continue  # "seems ok again", "it's Available again", "wieder online": working again
        if any(st - NEAR <= at < e + NEAR for st, e in problems):
            return match.group()
    return None


# A past tense before "still" ("was still down until noon"): the problem went on then, not now.
PAST_COPULAS = frozenset({"was", "were", "had", "war", "waren", "hatte", "était", "étaient", "avait", "estaba",
                          "estaban", "estava", "estavam", "era", "eran", "erano", "fue", "stava", "stond", "stonden",
                          "var", "był", "była", "było", "były", "oli"})
# ... nor a condition ("If you still can't sign in, restart your console": a support reply's all-clear).
CONDITIONS = frozenset({"if", "when", "si", "cuando", "wenn", "falls", "se", "als", "indien", "jeśli", "jeżeli", "om",
                        "eğer", "quand"})


def still_now(lower: list[str], found: list[tuple[int, int, str, bool]], problems: set[str]) -> str | None:
    """In a text that also tells a recovery, the problem word said to go on ("Zoom came back, but Slack is
    still down", "Teams geht wieder, Outlook noch immer down", "keeps crashing"; :func:`_ongoing`), or None:
    the rules kept it as a problem now over the recovery, and the relevance model may not turn ``ongoing`` off
    (a bag of words weighs "came back" over "still"). Not after a past tense ("was still down until noon") or
    in a condition ("if you still can't sign in")."""
    for st, e, sym, goes_on in found:
        if goes_on and sym in problems and e > st and PAST_COPULAS.isdisjoint(lower[max(0, st - 3):e]) \
                and CONDITIONS.isdisjoint(lower[max(0, st - 4):e]):
            said = next((i for i in range(max(0, st - 3), st) if lower[i] in lexicon.ONGOING), st)
            return " ".join(lower[said:e])  # "sigue caído", "keeps crashing"
    return None


def _about_an_outage(ongoing: bool, why: str, excluded: str | None, back: str | None, status: str | None,
                     kinds: set[str], recovery_said: bool, recovered_outage: bool, named: bool,
                     status_page: bool, status_source: bool) -> tuple[bool, str]:
    """Is the text about an outage at all (``relevant``), and by which rule?

    A report of a problem now is; so is the rest of an outage's story: a resolved or mitigated
    status update, "X is back up", "X back online after 18-hour outage", "X explains last week's
    outage". Not a power cut or announced maintenance, nor a recovery of nothing an outage
    happened to ("the statue was restored", "back up after the planned maintenance window")."""
    if ongoing:
        return True, why
    if excluded:
        return False, excluded
    outage_words = kinds & lexicon.PROBLEM_SYMPTOMS
    strong = outage_words & lexicon.STRONG_SYMPTOMS
    if back:
        if strong or (named and outage_words):  # "GitHub says a failover caused Wednesday's degraded service"
            return True, f"about a past outage: {back}"
        if named and any(f"'{review}'" in back for review in lexicon.INCIDENT_REVIEWS):
            return True, f"a review of a named service's incident: {back}"
        return False, f"{back}, and no outage word (only {', '.join(sorted(outage_words))})"
    if "maintenance" in kinds and not strong:
        return False, "maintenance, no outage"
    if status == "resolved" and (named or outage_words or status_page):
        return True, "a resolved status update about an outage" + (" of a named service" if named else "")
    if status_source and status != "informational":
        # A status page posts about its incidents (maintenance and notices were ruled out above):
        # "Work continues on the recovery of our services", "Reindexing is complete".
        return True, "an update on a status page"
    if recovery_said:
        # A blog post's "fixed a bug" or "no longer" is no outage's end: the recovery needs a service
        # it happened to, or an outage word in its own sentence ("back online after 18-hour outage").
        if named or recovered_outage:
            return True, "a recovery about an outage" + (" of a named service" if named else "")
        return False, "a recovery of nothing named, no outage word"
    return False, why


def _announced(lower: list[str], ja, doc: Doc) -> bool:
    """Maintenance said ahead: a future or "planned" word of any supported language (lexicon.FUTURE), or its
    window's hours (lexicon.MAINTENANCE_WINDOW: "von 1 bis 4 Uhr", "1:00-4:00")."""
    if _overran(lower):
        return False  # "has run longer than planned", "Emergency Maintenance": an outage (lexicon.MAINTENANCE_OVERRAN)
    return not lexicon.FUTURE.isdisjoint(lower) or bool(ja) and any(w in text_of(doc) for w in lexicon.FUTURE_CJK) \
        or _WINDOW_RE.search(text_of(doc).lower()) is not None


_WINDOW_RE = re.compile("|".join(lexicon.MAINTENANCE_WINDOW))
_OVERRAN_RE = re.compile(r"(?<!\S)(?:" + "|".join(re.escape(p) for p in lexicon.MAINTENANCE_OVERRAN) + r")(?!\S)")
_OVERRAN_KEYS = frozenset(w for p in lexicon.MAINTENANCE_OVERRAN for w in p.split()[-1:])


def _overran(lower: list[str]) -> bool:
    """Maintenance said to have overrun or to be an emergency (lexicon.MAINTENANCE_OVERRAN)."""
    return not _OVERRAN_KEYS.isdisjoint(lower) and _OVERRAN_RE.search(" ".join(lower)) is not None


def _about_a_service(lower: list[str], raw: str) -> bool:
    """Does the text speak of an app, a server, an account, a payment...: what a complaint verb is said of
    when a service fails ("the app hangs at checkout"), not a person or a thing ("my neck is stuck")?"""
    return not (lexicon.TECH_CONTEXT.isdisjoint(lower) and lexicon.DEVICE_WORDS.isdisjoint(lower)
                and lexicon.ERRAND_WORDS.isdisjoint(lower)) or \
        (not raw.isascii() and any(w in raw for w in lexicon.DEVICE_CJK))


def _plain_everyday(texts: list[str], lower: list[str], start: int, end: int, nm: Name, lang: str | None,
                    sentence) -> str | None:
    """Why a name the catalog holds as no everyday word is one here, or None: a word of the text's own language
    in lower case ("do końca roku": Polish "of the year", not Roku), or the everyday word in lower case beside the
    words of its own sense, in a text with no tech word ("the sky was a perfect azure", "redshift in galaxies",
    "kinesis is movement in response to a stimulus"). Most names are neither: two dict look-ups."""
    if end - start != 1 or not texts[start].islower():
        return None
    word = lower[start]
    langs_of = lexicon.FOREIGN_WORD_NAMES.get(word)
    if langs_of and lang in langs_of:
        neighbours = lower[max(0, start - 1):start] + lower[end:end + 1]
        if lexicon.PRODUCT_NOUNS.isdisjoint(neighbours):
            return f"a word of the text's language ({lang}) in lower case"
    colour = lexicon.EVERYDAY_NEAR.get(word)
    if colour:
        sent = sentence[start]
        seen = [w for i, w in enumerate(lower) if w in colour and sentence[i] == sent]
        if seen and lexicon.TECH_CONTEXT.isdisjoint(lower):
            return f"the everyday word in lower case ({seen[0]!r} in its sentence)"
    return None


def _weigh(doubtful, names, texts, lower, vocab: Vocabulary, ctx: SourceContext, services: dict, providers: dict,
           symptom_at: list[int], sentence, strong_mentions: bool, hashtag_down: bool, ja_talk: bool,
           kinds_at: dict, trace: list | None = None, foreign: "_Foreign | None" = None,
           kana_or_hangul: bool = False) -> None:
    """Decide the names that need evidence, in the light of everything else in the text.
    ``foreign``: the text's language when it is not English and the text's own words show it;
    ``kana_or_hangul``: the text is written in Japanese or Korean."""
    context_providers = set(providers) | {nm.ids[0] for _, _, ns in names for nm in ns
                                          if nm.kind == "provider" and not nm.ambiguous}
    clear_mentions = strong_mentions or any(nm.kind in ("service", "provider") and not nm.ambiguous
                                            and not nm.needs_case for _, _, ns in names for nm in ns)
    decided = [(start, end, nm, *_accept(texts, lower, start, end, nm, vocab, ctx, context_providers, symptom_at,
                                         sentence, clear_mentions, hashtag_down, ja_talk, kinds_at.get((start, end)),
                                         foreign, kana_or_hangul))
               for start, end, nm in doubtful]
    verdicts = [(start, end, nm, ok) for start, end, nm, ok, _ in decided]
    rules = [rule for *_, rule in decided]
    if any(ok is False for *_, ok in verdicts):
        plain = [(s, e, nm, True) for s, e, ns in names for nm in ns if nm.kind in ("service", "provider")
                 and not (nm.ambiguous or nm.needs_case)]
        both = verdicts + plain
        _share_lists(both, lower)
        verdicts = both[:len(verdicts)]
    for (start, end, nm, ok), rule, (*_, first) in zip(verdicts, rules, decided):
        if ok and first is False:
            rule = "listed with a name that has evidence"
        elif not ok and (nm.written.lower() in ctx.words or nm.ids[0] in ctx.named):
            rule += "; the search query alone is no evidence for an everyday word in lower case"
        if trace is not None:
            trace.append({"what": "name", "text": _shown(texts, start, end, nm), "entry": nm.ids[0],
                          "tagged": bool(ok), "rule": rule + _form_note(nm)})
        if ok:
            _add_entry(nm.ids[0], vocab, services, providers)
    for _, _, nm, ok in verdicts:  # "Amazon" beside Amazon Kinesis is AWS, not the shop
        family = vocab.brand_family.get(nm.ids[0])
        if ok and nm.ambiguous and family and nm.ids[0] not in ctx.services and \
                any(e in services or e in providers for e in family):
            services.pop(nm.ids[0], None)
            providers.pop(nm.ids[0], None)


@functools.lru_cache(maxsize=32)
def _function_words(lang: str) -> frozenset[str]:
    """A language's function words: in a text of that language they are its own words, not the English
    neighbours that show an everyday sense (Polish "to" is "this")."""
    try:
        return langs._stop_words(lang)
    except (AttributeError, FileNotFoundError, ImportError):  # a language spaCy has no list for
        return frozenset()


class _Foreign:
    """The text's language for the everyday-word rules (see :func:`_foreign`), worked out once, and
    only when a rule asks (most texts with an everyday-word name never do)."""

    __slots__ = ("lower", "lang", "value")

    def __init__(self, lower: list[str], lang: str | None) -> None:
        self.lower, self.lang, self.value = lower, lang, False

    def __call__(self) -> str | None:
        if self.value is False:
            self.value = _foreign(self.lower, self.lang)
        return self.value


def _foreign(lower: list[str], lang: str | None) -> str | None:
    """The text's language, when it is not English and a function word only that language has, or a
    letter only it writes, is in the text ("mnie", "bei", "ł"), or six words or more hold no function
    word only English has: a short text read by the model alone may be English misread, where
    "steam" is the vapour."""
    if lang in (None, "en"):
        return None
    own = langs._exclusive_words()
    letters = langs.OWN_LETTERS.get(lang)
    votes = list(map(own.get, lower))  # each word's language where only one has it (read in C)
    if lang in votes or (letters and not letters.isdisjoint("".join(lower))):
        return lang
    # "discord me saca de la llamada cada rato": no function word of one language alone, but none of
    # English's either, in a sentence's worth of words
    if len(lower) >= 6 and "en" not in votes:
        return lang
    return None


TYPO_NONE_SIZE = 200_000  # words kept in ``Vocabulary.typo_none`` at most


def _typo_names(lower, vocab: Vocabulary, services: dict, providers: dict, symptom_at: list[int], sentence,
                names, lang: str | None, say, explaining: bool = False, searched: frozenset = frozenset()) -> None:
    """"githib down?", "discrod voice keeps cutting out", "netflx not loading": a word one edit from a
    long name (``typos``), where the text says something is wrong or back (the complaint is the evidence
    a misspelt word meant the service: "discrod just ate my message AGAIN. third time. 'failed to send'"
    puts it two sentences on), the word is followed by "down" ("githib down?") or the search that found
    the text was for that name (``searched``: a search for "discord" finding "discrod's new soundboard"),
    and the word is no word of the text's language or English."""
    # The words one edit off a name: long enough, letters, ASCII, and near a name (``typos.nearest``, each
    # word's answer kept in ``typo_seen``). Most words of a text were seen before and are known to be none of
    # that (``typo_none``, set-subtracted in C), and only the others are looked at; where no word is left,
    # nothing else (the names' positions, "down" after a word) need be worked out.
    shortest, seen, none = typos.MIN_NAME - 1, vocab.typo_seen, vocab.typo_none
    nears: dict[str, tuple[str, ...]] = {}
    for word in set(lower).difference(none):
        if len(word) >= shortest and word.isalpha() and word.isascii():
            near = seen.get(word)
            if near is None:
                near = () if word in vocab.phrases else tuple(typos.nearest(word, vocab.typo_index))
                if len(seen) < 200_000:
                    seen[word] = near
            if near:
                nears[word] = near
                continue
        if word.isalpha() and len(none) < TYPO_NONE_SIZE:  # a word, not a number or link seen once
            none.add(word)
    if not nears:
        return []
    typed: list = []  # (start, end, [Name]) of each typo'd name taken
    taken = {i for s, e, _ in names for i in range(s, e)}
    n = len(lower)
    words = (vocab.lookalikes.get("en", frozenset()), vocab.lookalikes.get(lang or "en", frozenset()))
    for i in [i for i, word in enumerate(lower) if word in nears]:
        word = lower[i]
        if i in taken:
            continue
        down = i + 1 < n and lower[i + 1] in lexicon.BARE_DOWN and not _negated(lower, i + 1, False)
        if not (symptom_at or down or searched or explaining):
            continue  # outside --explain, only a text with talk of a problem (or found by a search) is read
        near = nears[word]
        entries = {vocab.typo_names[name] for name in near}
        if len(entries) > 1:
            say("name", word, False, f"one edit off several names ({', '.join(near)})")
        elif any(word in table for table in words):
            say("name", word, False, f"one edit off {near[0]}, but a word of {lang or 'en'}"
                + (" or English" if lang not in (None, "en") else ""), entry=entries.pop())
        elif not (symptom_at or down or vocab.typo_names[near[0]] in searched):
            say("name", word, False, f"one edit off {near[0]}, but nothing in the text says it is down or "
                "back, and no search for it found the text", entry=entries.pop())
        else:
            entry = entries.pop()
            _add_entry(entry, vocab, services, providers)
            if entry in services:
                typed.append((i, i + 1, [Name("service", (entry,), word)]))
            say("name", word, True, f"one edit off {near[0]} (a typo), "
                + ("said to be down" if down else "in a text that says something is wrong or back" if symptom_at
                   else "found by a search for it"), entry=entry)
    return typed


HYPHEN_PARTS = 4  # the most words of a name joined by hyphens that are looked for ("Azure-Front-Door-Ausfall")


# "and"/"or" after a suspended compound's first part, in the languages that write compounds so.
SUSPENDED_AND = frozenset({"und", "oder", "sowie", "en", "of", "och", "eller", "og", "and", "or", "i", "lub", "ve"})


def _hyphenated_names(texts: list[str], lower: list[str], vocab: Vocabulary, services: dict, providers: dict,
                      say) -> None:
    """A name of several words joined by hyphens into a compound: "Google-Cloud-Ausfall in Frankfurt",
    "Microsoft-365-Störung behoben", "Azure-Front-Door-Ausfall" (German and Dutch make one noun of a name and
    what happened to it; the tokenizer leaves such a word whole or parts it at each hyphen, and the matcher
    looks for the name's words with spaces). Only a name of two words or more, not an everyday word, with its
    capitals: the hyphens joining its own words are the evidence it is the name."""
    n = len(lower)
    runs: list[list[tuple[str, str]]] = []  # each compound: its (written, lower) words in order
    i = 0
    while i < n:
        if "-" in lower[i] and lower[i].strip("-") and not lower[i].startswith("-"):
            runs.append([(w, w.lower()) for w in texts[i].split("-") if w])
            i += 1
            continue
        if i + 2 < n and lower[i + 1] == "-" and lower[i] != "-":
            run = [(texts[i], lower[i])]
            while i + 2 < n and lower[i + 1] == "-" and lower[i + 2] != "-":
                run.append((texts[i + 2], lower[i + 2]))
                i += 2
            runs.append(run)
        i += 1
    for i in range(n - 1):
        # "mit AWS- und Terraform-Erfahrung", "Netflix- und Spotify-Abos", "Outlook- en Teams-storing": the first
        # part of a suspended compound, its head word said once for both
        word = lower[i][:-1] if lower[i].endswith("-") and len(lower[i]) > 1 else \
            (lower[i] if lower[i + 1] == "-" and i + 2 < n else None)
        after = i + 1 if lower[i].endswith("-") else i + 2
        if not word or after >= n or lower[after] not in SUSPENDED_AND:
            continue
        written = texts[i].rstrip("-")
        second = lower[after + 1].split("-")[0] if after + 1 < n else ""
        paired = any(nm.kind in ("service", "provider") for nm in vocab.phrases.get(second, ()))
        # an everyday-word name only paired with another name ("Outlook- en Teams-storing"; not "Signal- und
        # Ampelanlagen", a German noun with its capital)
        found = [nm for nm in vocab.phrases.get(word, ()) if nm.kind in ("service", "provider")
                 and (not nm.ambiguous and not nm.needs_case or (written == nm.written and paired))]
        if found and found[0].ids[0] not in services and found[0].ids[0] not in providers:
            _add_entry(found[0].ids[0], vocab, services, providers)
            say("name", texts[i], True, "the first part of a compound whose head is said once for both ('AWS- und "
                "Terraform-Erfahrung')", entry=found[0].ids[0])
    for run in runs:
        start = 0
        while start < len(run) - 1:
            for size in range(min(HYPHEN_PARTS, len(run) - start), 1, -1):
                words = run[start:start + size]
                found = [nm for nm in vocab.phrases.get(" ".join(low for _, low in words), ())
                         if nm.kind in ("service", "provider") and not nm.ambiguous
                         and _cased_like([w for w, _ in words], nm.written.split())]
                if found:
                    entry = found[0].ids[0]
                    if entry not in services and entry not in providers:
                        _add_entry(entry, vocab, services, providers)
                        say("name", "-".join(w for w, _ in words), True,
                            "a name of several words joined by hyphens into a compound", entry=entry)
                    start += size - 1
                    break
            start += 1


def _short_names(lower: list[str], vocab: Vocabulary, services: dict, providers: dict, ctx: SourceContext,
                 spans, texts: list[str] | None = None) -> None:
    """"azure west europe vms failing": a product's name without its brand, beside the brand; a
    product's one plain word only with its capital ("... SGP1 Spaces is returning 403s"). ``spans``:
    (start, end, ...) of the names and symptoms matched, whose words are no product's. A Turkish case ending
    after an apostrophe is no part of the product's name ("Azure ... VM'ler erişilemez", "eu-central-1 S3'te")."""
    joined = " ".join(lower)  # (one C-level pass: most texts have no apostrophe and no hyphen)
    if "-" in joined or "'" in joined or "’" in joined:
        stems = [(i, stem) for i, w in enumerate(lower) if ("-" in w or "'" in w or "’" in w)
                 and (stem := _apostrophe_stem(w)) != w]
        if stems:
            lower = list(lower)
            for i, stem in stems:
                lower[i] = stem
    # the brand a search was for counts as named: "uk south vms unreachable" found by a search for azure
    brands = {e.split("/")[0] for e in (*services, *providers, *ctx.services, *ctx.providers)} | set(ctx.brands) | \
        {e for e in ctx.named if vocab.provider_of.get(e) == e}  # not a product's: "spark" is Adobe's and a carrier
    brands |= {vocab.provider_of.get(e) for e in services if vocab.provider_of.get(e)}
    taken: set[int] | None = None  # the spans' positions, worked out where a product's word is in the text
    for brand in brands:
        capitals = vocab.short_capitals.get(brand)
        if capitals and texts and not capitals.keys().isdisjoint(lower):  # (one C-level pass: mostly none)
            taken = {i for s, e, *_ in spans for i in range(s, e)} if taken is None else taken
            for i in range(len(lower)):
                entry = capitals.get(lower[i])
                # "DigitalOcean ... only SGP1 Spaces is returning 403s", "Hetzner ...: Unsere Cloud Server": with
                # its capital mid-sentence (a sentence's first word has one anyway), never a status stage
                # ("Monitoring")
                if entry and i and i not in taken and texts[i][:1].isupper() and lower[i - 1] not in SENTENCE_END \
                        and lower[i] not in STAGE_WORDS and entry not in services:
                    services.setdefault(entry)
        cjk = CJK_SHORT_BY_BRAND.get(brand)
        if cjk and texts:
            raw = " ".join(texts)
            if not raw.isascii():
                for word, entry in cjk:
                    if word in raw and entry not in services:
                        services.setdefault(entry)  # "Azure 포털에 로그인할 수 없는", "애저 ... 스토리지 지연"
        table = vocab.short_names.get(brand)
        if not table or vocab.short_firsts[brand].isdisjoint(lower):
            continue
        firsts = vocab.short_firsts[brand]
        taken = {i for s, e, *_ in spans for i in range(s, e)} if taken is None else taken
        for i in range(len(lower)):
            if lower[i] not in firsts:
                continue
            named = _named_as(spans, i, table, lower) if i in taken else 0
            if i in taken and not named:
                continue
            for size in (named,) if named else (3, 2, 1):
                entry = table.get(tuple(lower[i:i + size]))
                if entry and size == 1 and lower[i] in vocab.short_cased and not (texts and texts[i].isupper()):
                    break  # "accesso ad Azure Portal": the Italian word, not Azure AD
                if entry and i + 1 == min(len(lower), i + size) and lower[i] in SAID_FAILING and \
                        not _fails_next(lower, i, spans):
                    break  # "the portal still says they're running": the medium, not the product's outage
                if entry and size == 1 and lower[i] in SAID_FAILING and i and (
                        table.get((lower[i - 1],)) or any(e == i and any(nm.kind == "service" for nm in ns)
                                                           for _, e, ns, *_ in spans)):
                    break  # "s3 console won't list my buckets", "IAM console": that product's own page
                if entry and entry not in services:
                    if lower[i] in RENTED and any(s.split("/")[0] == brand for s in services):
                        break  # "RDS instances", "Cloud SQL instances": the named product's, not the compute's
                    if size == 1 and any(s.split("/")[0] == brand and vocab.category_of.get(s) == lower[i]
                                         for s in services) and fine.AND_WORDS.isdisjoint(lower[max(0, i - 2):i]):
                        # "1.1.1.1 DNS çalışmıyor": the kind of product a named one is, not its sibling (but
                        # "broke 1.1.1.1 and its DNS", "Front Door and CDN" list the sibling)
                        break
                    services.setdefault(entry)
                    break


# Docker's own commands that fetch from or send to a registry, and the registries that are not Docker Hub.
DOCKER_PULLS = frozenset({"pull", "pulls", "pulling", "push", "pushes", "pushing"})
OTHER_REGISTRIES = frozenset({"ecr", "ghcr", "ghcr.io", "gcr", "gcr.io", "quay", "quay.io", "acr", "harbor",
                              "artifactory", "nexus", "private", "self-hosted", "mirror"})
REGISTRY_SERVICES = frozenset({"aws/ecr", "gcp/artifact-registry", "github", "gitlab"})


def _docker_hub(lower: list[str], services: dict) -> bool:
    """"docker pull rate limited even though i'm logged in", "docker pulls failing with 'toomanyrequests'": images
    pulled (or pushed) with docker are Docker Hub's where no other registry is named ("docker pulls from ECR
    timing out" are ECR's); "toomanyrequests" is Docker Hub's own rate-limit error."""
    if not OTHER_REGISTRIES.isdisjoint(lower) or not REGISTRY_SERVICES.isdisjoint(services):
        return False
    return "toomanyrequests" in lower or any(w == "docker" and i + 1 < len(lower) and lower[i + 1] in DOCKER_PULLS
                                             for i, w in enumerate(lower))


def _apostrophe_stem(word: str) -> str:
    """"vm'ler" -> "vm", "s3’te" -> "s3": the word before a Turkish ending written after an apostrophe; "r2-opslag"
    -> "r2": the first part of a compound the tokenizer left whole (a noun of three letters or more after it)."""
    cut = max(word.find("'"), word.find("’"))
    if cut > 0 and word[cut + 1:].isalpha() and word[cut + 1:] in TR_APOSTROPHE_ENDINGS:
        return word[:cut]
    cut = word.find("-")
    if cut > 0 and word[:cut].isalnum() and len(word) - cut > 3 and word[cut + 1:].isalpha():
        return word[:cut]
    return word


# The case and plural endings Turkish writes after an apostrophe on a name.
TR_APOSTROPHE_ENDINGS = frozenset({
    "ler", "lar", "leri", "ları", "lerin", "ların", "lerde", "larda", "lerden", "lardan", "lere", "lara",
    "de", "da", "te", "ta", "deki", "daki", "teki", "taki", "den", "dan", "ten", "tan", "e", "a", "ye", "ya",
    "i", "ı", "u", "ü", "yi", "yı", "yu", "yü", "in", "ın", "un", "ün", "nin", "nın", "nun", "nün", "le", "la",
    "yle", "yla", "dir", "dır", "tir", "tır", "dur", "dür"})


# A product's short name that is a kind of product too ("the portal"): beside its brand it is the product only said
# failing right after it ("the portal is sluggish", "portal blades won't load", "el portal va lentísimo"), not as
# the place the writer reads the state of something else ("the portal still says they're running", "via the portal").
SAID_FAILING = frozenset({"portal", "portals", "console"})
SHOWS = frozenset({"shows", "says", "still", "mostra", "muestra", "pokazuje", "zeigt", "affiche", "displays", "lists",
                   "reports", "toont", "visar", "gösteriyor", "dice", "diz", "sagt", "dit", "is", "was"})


def _fails_next(lower: list[str], i: int, spans) -> bool:
    """A symptom within the next few words of ``i``, in its clause, and no word of showing right after it."""
    if i + 1 < len(lower) and lower[i + 1] in SHOWS - {"is", "was"} or i and lower[i - 1] in MEDIUM_BEFORE | {"admin"}:
        return False
    stop = next((j for j in range(i + 1, min(len(lower), i + 7)) if lower[j] in SENTENCE_END or lower[j] == ","),
                min(len(lower), i + 7))
    return any(isinstance(span[2], str) and i < span[0] < stop for span in spans)


def _named_as(spans, i: int, table: dict, lower: list[str]) -> int:
    """The length of the name matched at ``i`` where it is the very product a short name there stands for
    ("firestore ... from our app engine service": the catalog's "App Engine" in lower case wants its capitals,
    but beside its brand's other product it is the product), else 0: such a name takes no product's word away
    from itself, and no shorter product's name is read inside it ("EC2 Auto Scaling" is no EC2)."""
    own = 0
    for span in spans:
        if span[0] <= i < span[1]:
            if not isinstance(span[2], (list, tuple)):
                return 0  # a symptom's word
            ids = {nm.ids[0] for nm in span[2] if getattr(nm, "ids", None)}
            entry = table.get(tuple(lower[span[0]:span[1]]))
            if span[0] != i or entry not in ids:
                return 0  # a word of a longer name of another product
            own = span[1] - span[0]
    return own


def _named_brands_product(lower: list[str], names, vocab: Vocabulary, services: dict, providers: dict,
                          ctx: SourceContext, say) -> None:
    """"Alibaba Cloud Hong Kong zone C: ECS instances unreachable": a bare product name two providers use (AWS's
    ECS, Alibaba's ECS) is the product of the provider the text names, not of the one it does not."""
    for start, end, ns in names:
        for nm in ns:
            entry = nm.ids[0] if nm.kind == "service" and nm.ids else None
            if entry not in services or entry in ctx.services:
                continue
            own = vocab.provider_of.get(entry)
            if not own or own in providers:
                continue
            key = tuple(lower[start:end])
            other = next((vocab.short_names[q][key] for q in providers if q != own
                          and key in vocab.short_names.get(q, {})), None)
            if other:
                services.pop(entry)
                services.setdefault(other)
                say("name", " ".join(lower[start:end]), True,
                    f"{other.split('/')[0]}'s product of that name: its provider is named, {own} is not", entry=other)


# A model host's words: "ThrottlingException on claude models", "InvokeModel", "cross-region inference".
MODEL_WORDS = frozenset({"claude", "model", "models", "invokemodel", "invoke", "throttlingexception", "anthropic",
                         "llm", "llms", "inference", "llama", "titan", "mistral", "rps", "rpm", "tokens", "genai",
                         "agents", "guardrails", "knowledge", "embeddings", "converse"})
# Minecraft's edition ("realms not loading on bedrock", "java and bedrock both").
BEDROCK_GAME = frozenset({"realms", "realm", "minecraft", "java", "world", "worlds", "xbox", "switch", "mobs",
                          "server", "mods", "skins", "ps5", "ps4", "pocket"})


def _model_host(lower: list[str], texts: list[str], names, sentence, services: dict, ctx: SourceContext,
                say) -> None:
    """"Bedrock throttling like crazy, ThrottlingException on claude models": Bedrock said beside a model's
    words (not Minecraft's edition) is AWS's model host, and the model called through it is the host's
    traffic, not the model maker's own service ("claude" there is no Anthropic outage)."""
    if not BEDROCK_GAME.isdisjoint(lower):
        return
    at = [i for i, w in enumerate(lower) if w == "bedrock"]
    sents = {sentence[i] for i in at}
    if not any(w in MODEL_WORDS and sentence[i] in sents for i, w in enumerate(lower)):
        return
    if "aws/bedrock" not in services:
        services.setdefault("aws/bedrock")
        say("name", texts[at[0]], True, "beside a model's words: AWS's model host", entry="aws/bedrock")
    claude = [(s, e) for s, e, ns in names for nm in ns if nm.ids and nm.ids[0] == "anthropic/claude"]
    if "anthropic/claude" in services and "anthropic/claude" not in ctx.services and claude and \
            all(e - s == 1 and sentence[s] in sents for s, e in claude):
        services.pop("anthropic/claude")
        say("name", "claude", False, "a model called through Bedrock: AWS's traffic, not Anthropic's service",
            entry="anthropic/claude")


# vocabulary.CJK_SHORT by brand, longest word first ("マネジメントコンソール" before "콘솔").
CJK_SHORT_BY_BRAND: dict[str, list[tuple[str, str]]] = {}
for _entry, _words in CJK_SHORT.items():
    CJK_SHORT_BY_BRAND.setdefault(_entry.split("/")[0], []).extend((w, _entry) for w in _words)
for _pairs in CJK_SHORT_BY_BRAND.values():
    _pairs.sort(key=lambda pair: -len(pair[0]))


# A provider's units of compute by their generic words: the compute product's only where the text names no
# other product of the provider (a database, a cache and a container service have instances too).
RENTED = frozenset({"instance", "instances", "compute"})


def _searched_products(texts: list[str], lower: list[str], vocab: Vocabulary, ctx: SourceContext, services: dict,
                       symptom_at: list[int], sentence, inside: set[int] = frozenset()) -> list[tuple[str, str]]:
    """"Amplify builds are going through again" found by a search for "amplify", "R2 uploads failing" by one
    for "r2": a product's own word (of one product only, ``Vocabulary.searched_products``) that the search
    was for names the product, as a search for "slack" names Slack: written with its capital, or beside
    talk of a problem in its sentence ("amplify hosting deploys failing"); a search for "amplify" finds
    "amplify your voice" too."""
    out = []
    for word in ctx.words.intersection(vocab.searched_products).intersection(lower):
        entry = vocab.searched_products[word]
        if entry in services:
            continue
        for i, w in enumerate(lower):
            if w != word or (len(word) <= 3 and not texts[i].isupper()) or i in inside:
                continue  # an acronym as its product writes it: "SNS", "MSK", "R2" ("sns bank app crasht" is a bank)
            if texts[i][:1].isupper() or any(sentence[s] == sentence[i] for s in symptom_at):
                out.append((entry, texts[i]))
                break
    return out


def _site_codes(lower: list[str], vocab: Vocabulary) -> list[tuple[int, int, Name]]:
    """Data centre codes: a provider's letters and a number ("nyc3", "fsn1", "gra11")."""
    found = []
    for i, low in enumerate(lower):
        if low[-1:].isdigit() and low[:1].isalpha():
            letters = low.rstrip("0123456789")
            if letters in vocab.site_codes and len(low) - len(letters) <= 2:
                found.extend((i, i + 1, nm) for nm in vocab.site_codes[letters])
    return found


# A status page's days and months in capitals ("maintenance MON 02 DEC"): no site, whatever site has the letters.
DAYS_AND_MONTHS = frozenset("mon tue wed thu fri sat sun jan feb mar apr may jun jul aug sep oct nov dec".split())


def _site_words(texts: list[str], lower: list[str], vocab: Vocabulary, providers) -> list[tuple[int, int, Name]]:
    """A named provider's data-centre code written otherwise: its letters alone in capitals ("box in RBX", "SBG",
    never an acronym, ``sites.ACRONYMS``), with a number and a Turkish case ending ("fsn1'de"), or the region
    code of a provider without catalog regions ("IBM ... us-south", "Dallas (us-south)", "OCI us-ashburn-1")."""
    found = []
    region_codes = vocab.site_region_codes
    n = len(lower)
    for i, low in enumerate(lower):
        word = texts[i]
        if len(low) == 3 and low in vocab.site_codes and word.isupper() and word.isalpha() and \
                low not in sites.ACRONYMS and low not in DAYS_AND_MONTHS:
            found.extend((i, i + 1, nm) for nm in vocab.site_codes[low] if nm.site_of in providers)
        elif "'" in low and low[:1].isalpha() and low[1:].find("'") > 1:
            code = low[:low.index("'")]  # "fsn1'de", "gra11'de": the code before the case ending
            letters = code.rstrip("0123456789")
            if code[-1:].isdigit() and letters in vocab.site_codes and len(code) - len(letters) <= 2:
                found.extend((i, i + 1, nm) for nm in vocab.site_codes[letters] if nm.site_of in providers)
        elif region_codes and low[:2].isalpha():
            if low in region_codes:  # one token: "us-ashburn-1"
                found.extend((i, i + 1, nm) for nm in region_codes[low] if nm.site_of in providers)
            elif i + 2 < n and lower[i + 1] == "-":  # split at its hyphens: "us", "-", "south"
                code, end = f"{low}-{lower[i + 2]}", i + 3
                if end + 1 < n and lower[end] == "-" and (code + "-" + lower[end + 1]) in region_codes:
                    code, end = code + "-" + lower[end + 1], end + 2
                if code in region_codes and not (end < n and lower[end] == "-"):
                    found.extend((i, end, nm) for nm in region_codes[code] if nm.site_of in providers)
    return found


def _add_entry(entry: str, vocab: Vocabulary, services: dict, providers: dict) -> None:
    if vocab.provider_of.get(entry) == entry:
        providers.setdefault(entry)
    else:
        services.setdefault(entry)


def _accept(texts, lower, start, end, nm: Name, vocab: Vocabulary, ctx: SourceContext, context_providers: set,
            symptom_at: list[int], sentence, clear_mentions: bool, hashtag_down: bool, ja_talk: bool,
            entity: str | None = None, foreign: "_Foreign | None" = None,
            kana_or_hangul: bool = False) -> tuple[bool | None, str]:
    """Does this match of a name mean the service (or provider)? None: clearly the everyday word.
    Returns the verdict and the rule that gave it (``outagewatch tag --explain`` shows it)."""
    entry = nm.ids[0]
    written = " ".join(texts[start:end])
    if entry in ctx.services or entry in ctx.providers:
        return True, "the source names it"
    if nm.needs_case and not _cased_like(texts[start:end], nm.written.split()):
        parts = lower[start:end]
        # "prime video keeps buffering": several words, then a complaint right after them
        if len(parts) > 1 and any(end <= s <= end + 1 for s in symptom_at):
            return True, "a name of ordinary words in lower case, a complaint right after it"
        if " ".join(parts) in lexicon.LOWER_CASE_BRANDS and (not start or lower[start - 1] not in lexicon.ADJECTIVE_BEFORE):
            # "the new season on prime video is great"; not "watched a prime video about cooking"
            return True, "a brand of ordinary words people type in lower case"
        provider = vocab.provider_of.get(entry)
        if len(parts) > 1 and provider and provider != entry and provider in context_providers:
            # "all our cloud run services 503 in europe-west1", "google cloud console ... cloud run"
            return True, f"a name of ordinary words in lower case, its provider ({provider}) named"
        if len(parts) > 1 and kana_or_hangul and written.isascii():
            # "adobe spark 다시 됨": no English words in lower case inside Japanese or Korean, the brand
            return True, "a name of ordinary words in Latin letters in a Japanese or Korean text"
        if not (parts[0] in lexicon.COMMON_WORDS and parts[-1] in lexicon.PRODUCT_NOUNS):
            return False, "a name of ordinary words needs its capitals"  # "cloud run" no; "ring camera" yes
    if not nm.ambiguous:
        return True, "not an everyday word" if not nm.needs_case else "written with its capitals"
    if not nm.written.isascii() and CJK_TEXT_RE.search(nm.written):
        return _script_name(texts, start, end, nm, symptom_at, ja_talk)
    word = nm.written.lower()
    anti = lexicon.ANTI_CONTEXT.get(word)
    if anti:
        before = lower[start - 1] if start else ""
        after = lower[end] if end < len(lower) else ""
        # "my outlook calendar": a product noun right after the name outweighs the word before it
        everyday = (before in anti.get("before", ()) and after not in lexicon.PRODUCT_NOUNS) or \
            after in anti.get("after", ())
        if everyday and after in anti.get("after", ()) and not anti.get("but", frozenset()).isdisjoint(
                lower[end + 1:end + 4]):
            everyday = False  # "outlook on the web", "outlook on my phone": the app on a device, not "an outlook on"
        if everyday and foreign and foreign():  # "Signal to najlepszy komunikator": Polish "to" is no English "to"
            # only a word English has too is read as the text's own ("to" in Polish); "ingen" (Swedish "no") or
            # "un" (Spanish "a") is the neighbour the list holds it for
            own = _function_words(foreign()) & _function_words("en")
            before, after = ("" if before in own else before), ("" if after in own else after)
            everyday = (before in anti.get("before", ()) and after not in lexicon.PRODUCT_NOUNS) or \
                after in anti.get("after", ())
        if everyday:
            return None, f"everyday sense ({before!r} before / {after!r} after)"
        then = anti.get("then")
        if then and tuple(lower[end:end + 2]) in then:  # "Teams are investigating and we'll share updates"
            return None, f"everyday sense ({' '.join(lower[end:end + 2])!r} after)"
        near = anti.get("near")
        if near and not near.isdisjoint(lower[end:end + 4]):  # "le zoom de mon appareil photo"
            return None, f"everyday sense ({', '.join(sorted(near.intersection(lower[end:end + 4])))} just after)"
    everyday_words = lexicon.EVERYDAY_NEAR.get(word)
    if everyday_words or (word == "steam" and written == "STEAM"):
        sent = sentence[start]
        # its sentence, and the words just after it ("teams... de fútbol sala": the dots end no thought)
        seen = sorted({w for i, w in enumerate(lower) if w in everyday_words and
                       (sentence[i] == sent or end <= i < end + EVERYDAY_AFTER)}) if everyday_words else []
        if seen or written == "STEAM":
            # "Der Wasserkocher macht so viel Steam", "Oba teams grały fatalnie", "STEAM eğitimi" (the acronym)
            return None, ("everyday sense (" + ", ".join(seen[:3]) + " in its sentence)") if seen else \
                "the education acronym (STEAM)"
    if word in PLACE_LAST_WORDS and start and texts[start - 1][:1].isupper() and texts[start - 1].isalpha() and \
            not texts[start - 1].isupper() and start - 1 and lower[start - 2] not in SENTENCE_END and \
            texts[start - 2][-1:].isalnum():
        # "ComEd outage in Logan Square", "a flat off Washington Square": a capitalised word before it mid-sentence
        # makes it the last word of a place's name
        return None, f"the last word of a place's name ({texts[start - 1]!r} before it)"
    if start == 0 and after_word(lower, end) in HEADLINE_ZOOM and word == "zoom" and \
            not any(sentence[s] == sentence[start] for s in symptom_at):
        # "Zoom sur les nouvelles aides", "Zoom op de nieuwe regels", "zoom na nowe przepisy": a headline's
        # "a closer look at", no problem said
        return None, "a headline's 'a closer look at' (Zoom sur / op / na)"
    if start and written[:1].isupper() and _german_noun(lower, start, end) and foreign and foreign() == "de" and \
            after_word(lower, end) not in lexicon.BRAND_NEAR.get(word, ()):  # not "Das neue Steam Deck"
        # "Das Signal an der Ampel", "den Ring an den Finger", "Der Zoom vom neuen Handy", "ein klares Signal":
        # German writes every noun with a capital, so after an article the capital is the noun's, not a name's
        return None, f"a German noun: {lower[start - 1]!r} before it"
    if start > 1 and lower[start - 1] == "at" and lower[start - 2] == "problems":
        # "User reports indicate problems at Threads since 11:42", "Problems at threads since ...", "no current
        # problems at Steam": a report page's own words, about the service whatever its name means elsewhere
        return True, "a report page's 'problems at' before it"
    if word in lexicon.COMPANY_FOR_ITS_SERVICE:
        # "no puedo entrar a mi cuenta de Nintendo ... error", "Nintendo's servers are down": only a problem in its
        # sentence or its product noun right after it; never shared from a list ("Xbox and Nintendo indies")
        sent = sentence[start]
        after = lower[end] if end < len(lower) else ""
        if any(sentence[s] == sent for s in symptom_at) or after in NICKNAME_NOUNS:
            return True, "the company named for its online service, a problem said in its sentence"
        return None, "the company, no problem of its online service said"
    searched = word in ctx.words or entry in ctx.named or (word in lexicon.NICKNAMES and any(
        entry in (n.ids[0] for n in vocab.phrases.get(f"{q} {word}", ())) for q in ctx.words))  # "hbo" + "max"
    if searched and (not written.islower() or any(sentence[s] == sentence[start] for s in symptom_at)):
        # After the everyday senses: a search for "zoom" finds "zoom in on the photo" too. And only
        # capitalised or beside talk of a problem: the search finds "steam coming off my coffee" and
        # "box number 12" as surely as the brand, so in lower case the query is no evidence alone.
        return True, "the search query names it" + (", a problem said in its sentence" if written.islower() else "")
    if word in lexicon.NICKNAMES:
        said_in = lexicon.NICKNAME_LANGS.get(word)
        if said_in and foreign and foreign() in said_in:
            # "o zap tá fora do ar", "dei um zap na minha mãe", "wsp no me manda mensajes": the nickname is the
            # brand in the language that coined it (an English "zap" or "whats" is the word)
            return True, f"the brand's nickname in {foreign()}"
        if word in lexicon.NICKNAME_LANGS_ONLY:
            return False, "a nickname the brand goes by only in " + ", ".join(sorted(said_in or ()))
        if word in lexicon.NICKNAMES_COMPLAINED and (written.islower() or written.isupper()) and \
                not (end < len(texts) and texts[end][:1].isupper() and texts[end].isalpha()) and \
                any((s == end or s == end + 1 and lower[end] in NICKNAME_LINKS) and sentence[s] == sentence[start]
                    for s in symptom_at):
            # "ig down?", "ig is down for everyone", "snap not loading": a complaint right after the short name
            return True, "a short name, a complaint right after it"
        if word in lexicon.NICKNAMES_ABROAD and foreign and foreign() and \
                foreign() not in vocab.everyday_in.get(word, ()) and word not in vocab.proper_names and \
                after_word(lower, end) not in ABROAD_NOT_BEFORE and any(sentence[s] == sentence[start] for s in symptom_at):
            # "¿alguien más con snap caído?", "epic znowu leży", "snap 5 dakikada bir oturumu kapatıyor": an
            # English word is no word of the text's language, and its sentence tells a problem
            return True, f"a short name, no word of the text's language ({foreign()}), a problem in its sentence"
        return _nickname(texts, lower, start, end, nm)
    if kana_or_hangul and written.isascii() and written.isalpha() and len(word) >= 3 and \
            (written.islower() or word not in vocab.proper_names):
        # "discord復活した", "steamのセール", "노션으로": an English word written in Latin letters inside
        # Japanese or Korean text is a name there (not "Claude" capitalised: a person's name too)
        return True, "in Latin letters in a Japanese or Korean text: the brand"
    if entity in BRAND_ENTITIES:  # a statistical model, if the user has one, reads it as a company/product
        return True, "the model reads it as a company or product"
    if entity in OTHER_ENTITIES:
        return None, "the model reads it as a place or person"
    if ja_talk:
        return True, "Japanese outage talk"
    if foreign and len(word) >= 5 and word in vocab.everyday_in and foreign() and \
            foreign() not in vocab.everyday_in[word] and \
            (written.islower() or word not in vocab.proper_names) and \
            not inflected.declined_word(nm, written, lower, start):
        # "steam wyrzuca mnie z logowania", "bei mir zeigt twitch nur noch ...": an English everyday word
        # that is no word of the text's language can only be the brand there
        return True, f"no word of the text's language ({foreign()}): the brand"
    provider = vocab.provider_of.get(entry)
    if provider and provider != entry and provider in context_providers:
        return True, f"its provider ({provider}) is named"
    capitalised = written[:1].isupper() and (written != written.lower())
    if len(nm.written) == 1:  # "X": the letter, unless written as the name and said to be broken
        ok = written == nm.written and any(start < s <= end + 2 for s in symptom_at)
        if ok:
            return ok, "the letter written as the name, said to be broken"
        if written == nm.written and (start == 0 or lower[start - 1] in SENTENCE_END) and \
                after_word(lower, end) in lexicon.LETTER_BRAND_VERBS:
            # "X lance de nouvelles fonctions pour les groupes", "X introduceert nieuwe groepsfuncties"
            return True, "the letter written as the name opening a sentence, a verb only a company does after it"
        # "Panne de X", "Instabilidade no X", "Caída mundial de X", "Störung bei X": an outage of it, as news
        # headlines in other languages put it
        ok = written == nm.written and start > 1 and lower[start - 1] in OUTAGE_OF and \
            any(start - 4 <= s < start - 1 for s in symptom_at)
        return ok, "the letter written as the name, an outage of it said before it" if ok else \
            "a single letter without a problem right after"
    sent = sentence[start]
    near = [s for s in symptom_at if sentence[s] == sent and -PROBLEM_WINDOW <= s - start <= PROBLEM_WINDOW]
    if not near and symptom_at and not SAYING.isdisjoint(lower[end:end + 3]):
        # "alexa keeps saying 'sorry, i'm having trouble understanding right now'": the message it gives, quoted after
        # a verb of saying, is one clause with it however long
        said = _quoted(lower, end) if any(w in QUOTES for w in lower[end:end + 4]) else ()
        near = [s for s in symptom_at if s in said and s - end <= QUOTE_WINDOW]
    if any(end <= s <= end + 2 for s in near):
        return True, "a symptom right after it"  # "slack is down", "zoom not working"
    before = lower[start - 1] if start else ""
    after = lower[end] if end < len(lower) else ""
    if after in lexicon.PRODUCT_NOUNS or (before in lexicon.PRODUCT_NOUNS and before not in ("the", "a")):
        return True, f"a product noun beside it ({before!r}/{after!r})"  # "ring camera", "discord server"
    if after in HYPHENS and end + 1 < len(lower) and lower[end + 1] in COMPOUND_HEADS:
        # "ring-kameran", "zoom-mötet", "hue-appen", "Ring-Türklingel": a compound of the name and its product
        return True, f"a compound with its product noun ({lower[end + 1]!r})"
    brand_words = lexicon.BRAND_NEAR.get(word)
    if brand_words:
        lo, hi = max(0, start - lexicon.BRAND_NEAR_REACH), min(len(lower), end + lexicon.BRAND_NEAR_REACH)
        seen = [lower[i] for i in range(lo, hi) if not start <= i < end and lower[i] in brand_words
                and sentence[i] == sent]
        if seen:
            return True, f"a word of the brand's own world beside it ({seen[0]!r})"
    if capitalised and (after in lexicon.BRAND_VERBS or before in lexicon.BRAND_VERBS
                        or after in lexicon.BRAND_VERBS_ABROAD):
        return True, "capitalised, with a word only a company does"  # "Zoom shares slide", "Slack adds"
    if not capitalised and near and foreign and foreign() in vocab.everyday_in.get(word, ()):
        # "roblox no entra", "Teams ... y no entra a la reunión": a word of the text's own language in lower case
        # is that word, and the complaint beside it is no evidence (it may be the word itself: "no entra")
        return False, f"lower case, a word of the text's language ({foreign()}): a complaint is no evidence"
    initial = start == 0 or lower[start - 1] in SENTENCE_END or not texts[start - 1][-1:].isalnum()
    if not capitalised or (initial and near):
        # A complaint in the same clause is the evidence: "slack messages not sending", "can't log
        # into flickr", "Alexa keeps saying 'sorry, something went wrong'" (a sentence's first word has a
        # capital anyway; the everyday senses were ruled out above). A quoted message is one clause.
        linked = start and lower[start - 1] in NAME_LINKS
        quoted = _quoted(lower, end) if near else ()
        ok = any((s >= end and lexicon.CLAUSE_BREAKS.isdisjoint(
                    w for k, w in enumerate(lower[end:s], end) if k not in quoted)) or
                 (linked and s < start and lexicon.CLAUSE_BREAKS.isdisjoint(lower[s:start])) for s in near)
        case = "lower case" if not capitalised else "first in its sentence"
        if ok or not capitalised:
            return ok, (f"{case}, a complaint in the same clause" if ok else
                        f"{case} without a complaint in the same clause")
    if near and (not initial or hashtag_down):
        return True, "capitalised mid-sentence, a symptom nearby"
    if not initial or clear_mentions:
        lo, hi = max(0, start - 4), min(len(lower), end + 4)
        if any(lower[i] in lexicon.TECH_CONTEXT for i in range(lo, hi) if not start <= i < end):
            return True, "capitalised, a tech word nearby"
        if clear_mentions and symptom_at:
            return True, "capitalised beside another named service and a symptom"
    return False, "capitalised at a sentence start without evidence" if initial else "no evidence"


# What may stand between a short name and its complaint ("ig is down", "snap keeps crashing").
NICKNAME_LINKS = frozenset({"is", "was", "keeps", "still", "just", "not", "isn't", "won't", "totally", "completely",
                            "also", "too", "again"})
# English phrases borrowed whole: "un epic fail", "oh snap shot" (the nickname abroad is not read before these)
ABROAD_NOT_BEFORE = frozenset({"fail", "fails", "win", "wins", "moment", "shot", "shots"})


# What a network operator rents its customers, named by a word that is also a service's name ("la box SFR").
OPERATOR_BOXES = frozenset({"box"})
EVERYDAY_AFTER = 5  # words after an everyday-word name read for its everyday sense beyond its sentence
# Names that end a place's name in English ("Logan Square", "Times Square", "Union Square").
PLACE_LAST_WORDS = frozenset({"square"})
# "Zoom sur ...", "Zoom op ...", "Zoom na ...": French, Dutch and Polish headlines for "a closer look at".
HEADLINE_ZOOM = frozenset({"sur", "op", "na"})


def after_word(lower: list[str], end: int) -> str:
    return lower[end] if end < len(lower) else ""


# What follows a name in Japanese or Korean when the product is meant: its server, app, account, launcher,
# store, login, a meeting or class held on it, a game on it, the company's share price ("롤 서버", "マイクラの
# サーバー", "줌 수업", "ズーム会議", "롤 게임", "테슬라 주가").
CJK_PRODUCT_NOUNS = ("サーバー", "サーバ", "鯖", "アプリ", "アカウント", "ログイン", "接続", "クライアント", "ランチャー",
                     "ストア", "会議", "授業", "ミーティング", "配信", "서버", "앱", "어플", "계정", "로그인", "접속",
                     "클라이언트", "런처", "상점", "스토어", "회의", "수업", "미팅", "방송", "매칭", "랭크", "큐",
                     "ゲーム", "게임", "株価", "주가",
                     # its store's sale and wish list ("스팀 겨울 세일", "스팀 찜목록", "Steamのセール")
                     "セール", "세일", "할인", "위시리스트", "찜목록", "ウィッシュリスト")
CJK_PARTICLES_BEFORE_NOUN = ("の", "で", "의", " ")
# The everyday word by what follows it: a camera's zoom or steam made verbs ("ズームしたら", "줌해서"), the
# river ("アマゾン川", "아마존강"), a steam iron ("스팀 다리미", "スチームアイロン" is one katakana word anyway).
CJK_EVERYDAY_AFTER = {"ズーム": ("し", "する", "さ", "でき", "レンズ"), "줌": ("해", "하", "했", "당기", "렌즈"),
                      "スチーム": ("し", "する"), "스팀": ("해", "하", "했", "다리미", "청소", "타월"),
                      "アマゾン": ("川", "の熱帯", "流域", "の森"), "아마존": ("강", "열대", "밀림", "숲")}


# German articles and quantifiers: the word after them is a noun ("das Signal", "zu viel Slack").
GERMAN_ARTICLES = frozenset({"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "eines", "einer",
                             "kein", "keine", "keinen", "keinem", "keines", "keiner", "viel", "wenig"})


def _german_noun(lower: list[str], start: int, end: int) -> bool:
    """An article right before the word, or an article and an inflected adjective ("ein klares Signal", "Ein
    nervöses Twitch"); not a compound with its product ("die Ring-Kameras", "das Zoom-Meeting") nor a product
    noun after it ("die Signal App")."""
    after = lower[end] if end < len(lower) else ""
    if after in HYPHENS or after in lexicon.PRODUCT_NOUNS:
        return False
    before = lower[start - 1]
    if before in GERMAN_ARTICLES:
        return True
    return start > 1 and lower[start - 2] in GERMAN_ARTICLES and before.isalpha() and \
        before.endswith(("e", "er", "es", "en", "em"))


def _nickname(texts: list[str], lower: list[str], start: int, end: int, nm: Name) -> tuple[bool, str]:
    """A short name that is an everyday word first ("lol", "max", "snap"), not found by its search:
    written as its users write it ("LoL"), or a product noun beside it ("lol client", "the max app")."""
    written = texts[start]
    if end - start == 1 and written == nm.written and not written.isupper() and written[1:] != written[1:].lower():
        return True, f"written as its users write it ({nm.written})"
    before = lower[start - 1] if start else ""
    after = lower[end] if end < len(lower) else ""
    if after in NICKNAME_NOUNS or before in NICKNAME_NOUNS:
        return True, f"a short name, a product noun beside it ({before!r}/{after!r})"
    return False, "a short name that is an everyday word: only with its search, its own spelling or a product noun"


# Nouns beside a game's or app's short name in the languages people complain in ("lol sunucuları", "max app";
# only the word right next to it, and not the everyday ones of PRODUCT_NOUNS: "league games", "max show").
NICKNAME_NOUNS = frozenset({"app", "apps", "account", "login", "servers", "server", "sunucuları", "sunucusu", "serwery", "serwer", "servidores",
                            "servidor", "serveurs", "serveur", "client", "cliente", "klient", "istemci", "launcher",
                            "ranked", "queue", "store", "tienda", "mağaza", "sklep", "boutique"})


def _shown(texts: list[str], start: int, end: int, nm: Name) -> str:
    """The name as the text wrote it; a name found inside a run of kana ("ネトフリ見れない") as the catalog
    writes it."""
    text = " ".join(texts[start:end])
    if not nm.written.isascii() and not text.isascii() and script_key(text) != script_key(nm.written):
        return nm.written
    return text


def _script_name(texts: list[str], start: int, end: int, nm: Name, symptom_at: list[int],
                 ja_talk: bool) -> tuple[bool, str]:
    """An everyday word's name in kana or hangul ("ズーム", "롤", "스팀", "アマゾン"): a problem said in the
    text, or its product noun right after it."""
    key = script_key(nm.written)
    following = script_key("".join(texts[start:end + 1]))
    at = following.find(key)
    after = following[at + len(key):] if at >= 0 else ""
    if after.startswith(CJK_EVERYDAY_AFTER.get(key, ())):
        return False, "the everyday word (\"ズームして\", \"アマゾン川\", \"스팀 다리미\")"
    if ja_talk or symptom_at:
        return True, "a problem said in the text"
    own_world = [w for w in lexicon.BRAND_NEAR.get(nm.ids[0], ()) if not w.isascii()]
    if own_world:
        run = "".join(texts[max(0, start - 8):end + 8])
        seen = next((w for w in own_world if w in run), None)
        if seen:  # "스팀 겨울 세일 언제 시작해요?", "스팀 겨울 할인 때 뭐 살지": a word of its store's world near it
            return True, f"a word of the brand's own world near it ({seen!r})"
    after = after[1:] if after[:1] in CJK_PARTICLES_BEFORE_NOUN else after
    if after.startswith(CJK_PRODUCT_NOUNS):
        return True, "its product noun after it"
    # No capital tells a name in kana or hangul: a search for "스팀" finds the sauna's steam as surely as the
    # shop, so the query alone is no evidence (as for an everyday word in lower case).
    return False, "also an everyday word there, without a problem said or a product noun after it"


QUOTES = frozenset({"'", '"', "“", "”", "‘", "’", "«", "»", "„"})
HYPHENS = frozenset({"-", "‐", "‑"})
# Product nouns a name is hyphened to in the languages that write compounds so (Swedish, German, Dutch,
# Danish, Norwegian: "ring-kameran", "Zoom-Meeting", "hue-appen", "Netflix-Abo", "Discord-Server").
COMPOUND_HEADS = frozenset({
    "app", "appen", "appar", "apps", "kamera", "kameran", "kameror", "kamerorna", "kameras", "kameraet", "camera",
    "möte", "mötet", "möten", "mötena", "meeting", "meetings", "møde", "mødet", "møte", "møtet", "vergadering",
    "samtal", "samtalet", "call", "calls", "anruf", "konto", "kontot", "account", "server", "servern", "servrar",
    "servers", "serveren", "abo", "abonnement", "abonnemang", "abonnementet", "klingel", "türklingel",
    "dörrklocka", "dørklokke", "deurbel", "lampor", "lamporna", "lampen", "lampe", "lamper", "kanal", "kanalen",
    "kanäle", "gruppe", "gruppen", "grupp", "chat", "chatten", "nachrichten", "meldingen", "download", "downloads",
    "bibliothek", "bibliotek", "biblioteket", "bibliotheek", "launcher", "client", "klient", "klienten",
})
# The preposition between an outage word and what failed: "panne de", "queda do", "caída de", "Störung bei",
# "Ausfall von", "storing bij", "awaria w", "outage at/on/of", "störning hos/på".
OUTAGE_OF = frozenset({"de", "du", "do", "da", "no", "na", "en", "del", "di", "dello", "della", "bei", "von", "bij",
                       "van", "hos", "på", "of", "on", "at", "w", "z", "sur"})


def _quoted(lower: list[str], start: int) -> set[int]:
    """Positions inside quotation marks from ``start`` on: an error message quoted ("'sorry, something
    went wrong'") is what the service says, one clause whatever its commas."""
    inside: set[int] = set()
    opened = None
    for k in range(start, len(lower)):
        if lower[k] in QUOTES:
            if opened is None:
                opened = k
            else:
                inside.update(range(opened + 1, k))
                opened = None
    return inside


def _cased_like(words: list[str], catalog_words: list[str]) -> bool:
    """"Cloud Run", "the Cloud Run": each word after the first capitalised as the catalog has it."""
    if len(words) != len(catalog_words):
        return words != [w.lower() for w in words]
    if not (words[0][:1].isupper() or words[0][:1] == catalog_words[0][:1]):
        return False
    return all(w[:1] == c[:1] for w, c in zip(words[1:], catalog_words[1:]))


def _share_lists(verdicts: list, lower: list[str]) -> None:
    """"Slack and Zoom both down": names in one list share the evidence one of them has."""
    changed = True
    while changed:
        changed = False
        for i, (start, end, nm, ok) in enumerate(verdicts):
            if ok is not False:
                continue
            for other_start, other_end, _, other_ok in verdicts:
                if not other_ok:
                    continue
                gap = lower[end:other_start] if other_start >= end else lower[other_end:start]
                if gap and (all(w in LIST_JOINERS for w in gap) or _compared(lower, gap, min(start, other_start))):
                    verdicts[i] = (start, end, nm, True)
                    changed = True
                    break


# Two services weighed against each other or one left for the other: "trello vs notion", "Asana oder Jira",
# "switching from Asana to Jira", "de Notion a Confluence", "van Slack naar Teams".
VERSUS = frozenset({"vs", "vs.", "versus", "v.", "or", "czy", "veya", "eller", "contra"})
FROM_WORDS = frozenset({"from", "de", "desde", "da", "von", "van", "z", "ze", "från", "dal", "du"})
TO_WORDS = frozenset({"to", "a", "para", "pra", "à", "al", "zu", "auf", "nach", "naar", "na", "do", "till", "in",
                      "->", "→", "onto", "for"})


def _compared(lower: list[str], gap: list[str], first: int) -> bool:
    """The words between two names weigh one against the other ("vs"), or move from one to the other, the first
    after a word for "from" ("from Asana to Jira")."""
    if len(gap) == 1 and gap[0] in VERSUS:
        return True
    return len(gap) == 1 and gap[0] in TO_WORDS and first > 0 and lower[first - 1] in FROM_WORDS


def _partial(lower: list[str], start: int) -> bool:
    return not lexicon.PARTIAL.isdisjoint(lower[max(0, start - 4):start])


def _card_refused(lower: list[str]) -> int | None:
    """Where a refusal is said of a payment card (lexicon.CARD_WORDS): a word of lexicon.CARD_REFUSED or a
    pair of lexicon.CARD_REFUSED_PAIRS at most four words before or after the card's, in its clause."""
    n = len(lower)
    for i, word in enumerate(lower):
        if word not in lexicon.CARD_WORDS:
            continue
        for j in range(max(0, i - 4), min(n, i + 5)):
            if j == i or any(lower[k] in lexicon.CLAUSE_BREAKS for k in range(min(i, j), max(i, j))):
                continue
            if lower[j] in lexicon.CARD_REFUSED:
                return j
            if lower[j] in lexicon.CARD_REFUSED_FIRSTS and (lower[j], lower[j + 1] if j + 1 < n else "") \
                    in lexicon.CARD_REFUSED_PAIRS:
                return j
    return None


def _power_cut_over(lower: list[str], texts: list[str], found, sentence, power: bool, cjk: bool) -> bool:
    """A power cut (or a tripped breaker) is the text's only problem, and it says things work again or still
    (:data:`lexicon.POWER_BACK`): "strömavbrott hemma i 10 min, sen funkade allt igen, twitch också". Asked of
    every text that names a service: set tests first, a joined text's substrings before a word loop."""
    raw = "".join(texts) if cjk else ""
    if lexicon.POWER_BACK.isdisjoint(lower) and not (cjk and any(b in raw for b in lexicon.POWER_BACK_CJK)):
        return False
    if not (power or not lexicon.BREAKER_WORDS.isdisjoint(lower) or not lexicon.POWER_WORDS.isdisjoint(lower)
            or cjk and any(b in raw for b in lexicon.BREAKER_CJK)):
        joined = " ".join(lower)
        if not any(p in joined for p in lexicon.POWER_PREFIXES) \
                or not any(t.startswith(lexicon.POWER_PREFIXES) for t in lower):
            return False
    # the clauses that speak of the power (a comma, "and", "but" end one: "power outage across denver, mobile data
    # barely works and telegram won't load" has a problem of its own)
    power_at = {i for i, w in enumerate(lower)
                if w in lexicon.POWER_WORDS or w in lexicon.BREAKER_WORDS or w.startswith(lexicon.POWER_PREFIXES)}
    for start, _, symptom, goes_on in found:
        if symptom in lexicon.PROBLEM_SYMPTOMS and start < len(lower) and (goes_on or not (
                lower[start].startswith(lexicon.POWER_PREFIXES) or any(
                    sentence[i] == sentence[start] and not any(lower[k] in lexicon.CLAUSE_BREAKS
                                                               for k in range(min(i, start), max(i, start)))
                    for i in power_at))):
            return False  # a problem of its own beside the power cut ("..., Internet weg", "Netflix still down")
    return True


_CLAUSE_OPENERS = frozenset({".", "!", "?", ":", ";", ",", "-", "—", "–", "lol", "so", "ok", "okay", "hey", "guys"})


def _asked_down(lower: list[str]) -> int | None:
    """Where a question asks whether a service is down in the question's word order, or None: a copula opening
    a clause (:data:`lexicon.ASKING_COPULAS`), one to three words of a name that are no person or pronoun, a word
    of being down (:data:`lexicon.ASKED_DOWN`), and a question mark after it in its sentence."""
    n = len(lower)
    for i, word in enumerate(lower):
        if word not in lexicon.ASKED_DOWN:
            continue
        for c in range(max(0, i - 4), i - 1):
            if lower[c] not in lexicon.ASKING_COPULAS or (c > 0 and lower[c - 1] not in _CLAUSE_OPENERS):
                continue
            subject = lower[c + 1:i]
            if not subject or any(w in lexicon.NOT_ASKED_OF or w in lexicon.NEGATIONS or not any(ch.isalnum() for ch in w)
                                  for w in subject):
                continue
            after = lower[i + 1:i + 6]
            if "?" in after[:next((k for k, w in enumerate(after) if w in (".", "!")), len(after))] \
                    or word.endswith("?"):
                return i
    return None


_MONEY_CJK_RE = re.compile("|".join(lexicon.MONEY_FAILURE_CJK))
_MONEY_GATE = lexicon.TWICE | lexicon.TWICE_FIRSTS | lexicon.ORDER_WORDS


def _money_failure(lower: list[str], raw: str, cjk: bool) -> int | None:
    """Where money is said taken twice or for an order gone, or None: a word of charging or money at most four
    words from one of "twice", in its clause ("drog pengarna två gånger", "mi ha scalato due volte"); an order word,
    a word of cancelling or vanishing and one of money taken ("Bestellung storniert, Geld aber abgebucht"); in
    Japanese and Korean, :data:`lexicon.MONEY_FAILURE_CJK` in the raw text (then the first word)."""
    if _MONEY_GATE.isdisjoint(lower) and not (cjk and _MONEY_CJK_RE.search(raw)):
        return None  # one set test for the ~all texts that hold no word of "twice" and no order word
    n = len(lower)
    if not lexicon.PEOPLE_WHO_CHARGE.isdisjoint(lower):
        return None  # "mi hermano me cobró dos veces la cena"
    if not (lexicon.TWICE.isdisjoint(lower) and lexicon.TWICE_FIRSTS.isdisjoint(lower)):
        for i, word in enumerate(lower):
            if word in lexicon.TWICE:
                span = (i, i + 1)
            elif word in lexicon.TWICE_FIRSTS and i + 1 < n and (word, lower[i + 1]) in lexicon.TWICE_PAIRS:
                span = (i, i + 2)
            else:
                continue
            for j in range(max(0, span[0] - 4), min(n, span[1] + 4)):
                if span[0] <= j < span[1] or not lower[j].startswith(lexicon.CHARGE_STEMS):
                    continue
                if not any(lower[k] in lexicon.CLAUSE_BREAKS for k in range(min(j, span[0]), max(j, span[1]))):
                    return j
    if not lexicon.ORDER_WORDS.isdisjoint(lower) and not lexicon.MONEY_TAKEN.isdisjoint(lower):
        gone = next((i for i, w in enumerate(lower) if w.startswith(lexicon.GONE_STEMS)), None)
        if gone is not None:
            return gone
    if cjk and _MONEY_CJK_RE.search(raw):
        return 0
    return None


def _operator_down(lower: list[str], i: int, symptom_spans) -> int | None:
    """Where a word of lexicon.OPERATOR_DOWN says the network operator named at ``i`` is down: right after
    it, or after what it sells and a filler ("AT&T fiber out", "Telenet ook plat"); None if nowhere."""
    n = len(lower)
    j = i + 1
    while j < min(n, i + 7):
        word = lower[j]
        if word in lexicon.OPERATOR_DOWN:
            return None if any(s <= j < e for s, e, _ in symptom_spans) else j
        if word in lexicon.OPERATOR_PLACE_PREPOSITIONS and j > i + 1 and lower[j - 1] in operators.ACCESS:
            # "Globe signal in Makati gone", "Vodafone Kabel in Hamburg und Bremen weg": a place between
            for k in range(j + 1, min(n, j + 9)):
                if lower[k] in lexicon.OPERATOR_DOWN:
                    return None if any(s <= k < e for s, e, _ in symptom_spans) else k
                if lower[k] in _PLACE_BREAKS:
                    return None
            return None
        if word not in operators.ACCESS and word not in lexicon.OPERATOR_FILLERS:
            return None
        j += 1
    return None


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


# A word for none right before an operator named with what it sells ("no Verizon Fios", "has no AT&T fiber",
# "without Vodafone fibre", "sin Movistar fibra"): its network is gone (a problem beside the operator).
OPERATOR_NONE = frozenset({"no", "without", "sin", "sem", "sans", "ohne", "kein", "keine", "geen", "zonder", "senza",
                           "brak", "bez", "utan", "ingen", "inget"})
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
# What ends the place between an operator's product and its down-word: a sentence or clause mark, a contrast.
_PLACE_BREAKS = frozenset({".", ",", ";", ":", "!", "?", "but", "aber", "pero", "mais", "mas", "ma", "maar", "men",
                           "ale", "ama", "though", "while", "—", "-"})


def _negated(lower: list[str], start: int, recovery: bool, lang: str | None = None) -> bool:
    cues = lexicon.HYPOTHETICAL if recovery else lexicon.NEGATIONS
    for i in range(start - 1, max(-1, start - (5 if recovery else 4)), -1):
        word = lower[i]
        if word in lexicon.CLAUSE_BREAKS:
            return False
        if word == "no" and lang == "pt":
            continue  # Portuguese "no" is "in the" ("pix no itaú dando erro"); its "no" is "não"
        if word in cues or (not recovery and word.endswith("n't")):
            if recovery or word not in ("no",) or start - i <= 2:
                return True
    return False


def _ongoing(lower: list[str], start: int, end: int) -> bool:
    """A problem word said to go on: a word of lexicon.ONGOING just before it or in it ("still down",
    "keeps crashing"), or one after it, even in a text that reports a recovery ("Zoom came back, but
    Slack is still down")."""
    return not (lexicon.ONGOING.isdisjoint(lower[max(0, start - 3):end])
                and AFTER_ONGOING.isdisjoint(lower[end:end + 2]))


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
                if text in SENTENCE_END or "\n" in text or (text[-1] in ".!?" and not any(c.isalnum() for c in text)):
                    current += 1
            self.ids = ids
        return self.ids[i]


def _numeric(text: str) -> bool:
    """5, 5%, 3.2, "%": a number after "down" makes it a market move, not an outage."""
    return text[:1].isdigit() or text[:1] in "%+-$€" or text.lower() in ("by", "to")


def _company_name(texts: list[str], lower: list[str], start: int, end: int) -> bool:
    """The place's name begins or ends a company's ("Alaska Airlines", "Air Canada", "Bank of America", "Banco do
    Brasil") or a football club's ("Real Madrid"): the company or club word written with its capital, right
    beside the place."""
    if end < len(lower) and lower[end] in COMPANY_AFTER and texts[end][:1].isupper():
        return True
    if end + 1 < len(lower) and lower[end] == "-" and lower[end + 1] in COMPANY_AFTER and texts[end + 1][:1].isupper():
        return True  # "Göteborgs-Posten", a newspaper
    if start and lower[start - 1] == "air" and texts[start - 1] == "Air":
        return True
    if start and lower[start - 1] in CLUB_BEFORE and texts[start - 1][:1].isupper() and texts[start][:1].isupper():
        return True  # a football club: "Real Madrid", "Inter Milano", "Borussia Dortmund"
    return start > 1 and lower[start - 1] in COMPANY_OF_WORDS and lower[start - 2] in COMPANY_OF and \
        texts[start - 2][:1].isupper()


# What a company has and a place does not: its app, its online banking ("Wells Fargo online banking", "the Halifax
# app", "la app de Santander", "la banca online de Santander", "l'app di Intesa").
OWNED_NOUNS = frozenset({"app", "apps", "app's", "banking", "netbanking", "homebanking", "aplicación", "aplicacion",
                         "aplicativo", "applicazione", "application", "banca", "webbanking"})
OWNED_BETWEEN = frozenset({"online", "móvil", "movil", "mobile", "web", "digital"})
OWNED_LINKS = frozenset({"de", "da", "do", "del", "di", "della", "du", "von", "van", "of"})
LIST_WORDS = frozenset({",", "and", "&", "y", "e", "et", "und", "en", "och", "ve", "i", "of"})


def _owned_or_product(texts: list[str], lower: list[str], start: int, end: int, nm: Name, vocab: Vocabulary,
                      services: dict, lang: str | None) -> str | None:
    """Why a place's name here names a company or a product, or None: a tagged product's own name ("Athena
    queries" is AWS Athena, not Athens); the owner of an app or of online banking, or a name listed with such
    an owner ("Wells Fargo online banking", "Lloyds, Halifax and Bank of Scotland apps", "la banca online de
    Santander"); a name typed without its accents in Japanese or Korean ("モバイルSuica" is no Suiça)."""
    n = len(lower)
    key = " ".join(lower[start:end])
    if services and any(o.kind == "service" and o.ids and o.ids[0] in services for o in vocab.phrases.get(key, ())):
        return "a tagged product's own name (\"Athena queries\"), not the place"
    if lang in ("ja", "ko") and texts[start].isascii() and not nm.written.isascii():
        return "a Latin name without its accents in a Japanese or Korean text (\"Suica\" is no Suiça)"
    if not texts[start][:1].isupper():
        return None
    i = end
    while i < n and i - end < 8 and (lower[i] in LIST_WORDS or texts[i][:1].isupper()) and lower[i] not in OWNED_NOUNS:
        i += 1  # "Halifax and Bank of Scotland apps": along a list of names to what they own
    if i < n and lower[i] in OWNED_NOUNS or (i + 1 < n and lower[i] in OWNED_BETWEEN and lower[i + 1] in OWNED_NOUNS):
        if i == end or any(t in LIST_WORDS for t in lower[end:i]):
            return "a company's name before its app or online banking (\"Wells Fargo online banking\")"
    j = start - 1
    if j > 0 and lower[j] in OWNED_LINKS:
        k = j - 1
        if k > 0 and lower[k] in OWNED_BETWEEN:
            k -= 1
        if lower[k] in OWNED_NOUNS:
            return "the company an app or online banking is of (\"la app de Santander\")"
    trade = PLACE_NAMED_COMPANIES.get(fold(nm.written))
    if trade and end - start == 1:
        words = COMPANY_TRADES[trade]
        if any(w in words for w in lower) or any(w in t for t in lower for w in words if len(w) > 4):
            return f"a {trade} company named like a place, beside what it sells (\"la PEC di Aruba\", \"El Santander no me " \
                "deja hacer Bizum\", \"Meta'dan açıklama\" about WhatsApp)"
    return None


# Companies named like a place, by what they sell, and the words of that trade: beside one, the name is the company
# (the Italian host Aruba: "la PEC di Aruba non invia", "Down di Aruba: siti irraggiungibili"; the banks Santander
# and Sabadell: "El Santander no me deja hacer Bizum", "Przerwa techniczna w Santander"; Meta beside its apps).
PLACE_NAMED_COMPANIES = {"aruba": "hosting", "santander": "bank", "sabadell": "bank", "meta": "social media"}
COMPANY_TRADES = {
    "hosting": frozenset({"pec", "hosting", "webmail", "dominio", "domini", "sito", "siti", "server", "datacenter",
                          "cloud", "mail", "email", "posta", "vps", "hosting", "ftp"}),
    "bank": frozenset({"bizum", "banca", "banco", "bank", "banku", "banki", "cuenta", "tarjeta", "tarjetas",
                       "transferencia", "transferencias", "cajero", "cajeros", "conta", "cartão", "pix", "konto",
                       "przelew", "przelewy", "karta", "karty", "kartą", "blik", "bankowość", "aplikacja",
                       "aplikacji", "przerwa", "techniczna", "login", "clientes", "klienci", "sucursal", "hipoteca",
                       "nómina", "nomina", "cuentas", "operación", "operacion", "pago", "pagos", "card", "account"}),
    "social media": frozenset({"whatsapp", "instagram", "facebook", "messenger", "threads", "zuckerberg", "oculus",
                               "insta", "face", "wpp", "zap"}),
}


# Turkish makes "in <place>" an adjective with -daki ("Almanya'daki Türkler", the Turks in Germany).
LOCATIVE_ADJECTIVE = ("daki", "deki", "taki", "teki")
# "Polacy w Niemczech:", "Os brasucas em Portugal:", "Brits in Spain:": the group a post opens calling on.
GROUP_IN = frozenset({"in", "w", "we", "em", "en", "na", "no", "i", "på", "a", "à", "au", "aux", "nel", "nella", "im",
                      "op", "uit", "from", "desde", "de", "da", "aus", "z", "ze"})


def _where_a_group_lives(lower: list[str], start: int, end: int, nm: Name, places, symptom_at) -> str | None:
    """A country said as where a group of people or things is ("Almanya'daki Türkler", "Almanya'daki Hetzner
    sunucularımız", a post opening "Polacy w Niemczech:", "Os brasucas em Portugal:") beside a place in that
    country where the problem is ("... Köln'de hata veriyor", "fsn1'de", "Coimbra"): the place says where, the
    country adds nothing. Said as the problem's extent it stays ("in der Schweiz geht kein Teams, Zürich und Basel")."""
    if not any((o.geo or "").startswith(nm.geo + "-") for _, _, o in places):
        return None
    n = len(lower)
    if lower[end - 1].endswith(LOCATIVE_ADJECTIVE) and lower[end - 1][:-4].rstrip("'’") or \
            end < n and lower[end].lstrip("'’") in LOCATIVE_ADJECTIVE:
        return "a country said as where a group is (\"Almanya'daki Türkler\"), beside a place in it"
    if 1 <= start <= 4 and lower[start - 1] in GROUP_IN and end < n and lower[end] == ":" and \
            not any(i < end for i in symptom_at):
        return "a country in a post's opening call on a group (\"Polacy w Niemczech:\"), beside a place in it"
    return None


def _country_after_its_city(lower: list[str], start: int, nm: Name, places) -> str | None:
    """"Johannesburg, South Africa", "Cairo, Egypt": a country after a comma right after a city in it says which
    city, not a wider place."""
    if start < 2 or lower[start - 1] != "," or place_kinds().get(nm.written) not in ("country", None):
        return None  # a city the gazetteer places no finer than its country is no country ("Athens, Thessaloniki")
    if any(e == start - 1 and (o.geo or "").startswith(nm.geo + "-") for _, e, o in places):
        return "a country after its city's name (\"Johannesburg, South Africa\"): the city says where"
    return None


def _region_after_its_city(start: int, nm: Name, places) -> str | None:
    """"a Palermo, Sicilia", "Graz, Steiermark": a region after a comma right after a city in it says which city."""
    if any(e == start - 1 and o.geo and inside(o.geo, nm.geo) for _, e, o in places):
        return "a region after its city's name (\"a Palermo, Sicilia\"): the city says where"
    return None


# Words for a friend, a colleague or a relative: a place's name right after one is a person's ("mi amiga Valencia
# dice", "la mia collega Firenze, sì si chiama così").
PERSON_NOUNS = frozenset("""amiga amigo amigas amigos colega compañera compañero prima primo hermana hermano tía tío
amica amico collega sorella fratello cugina cugino zia zio amie ami copine copain collègue cousine cousin sœur frère
freundin freund kollegin kollege schwester bruder cousine vriendin vriend collega zus broer nicht neef
koleżanka kolega przyjaciółka przyjaciel siostra brat kuzynka kuzyn väninna vän kompis kollega syster bror kusin
amiga colega irmã irmão prima primo tia tio arkadaşım kuzenim ablam abim friend colleague sister brother cousin
aunt uncle buddy""".split())


# "Yesterday" in the languages we read; a place in a clause of its own with it, beside a place in a clause without
# it, is where the problem was, not where it is ("in Delhi NCR, yesterday it was Kolkata").
YESTERDAY = frozenset({"yesterday", "gestern", "ayer", "ieri", "ontem", "gisteren", "wczoraj", "dün", "igår"})
SINCE_WORDS = frozenset({"since", "seit", "desde", "depuis", "da", "dal", "od", "sinds", "sedan", "beri"})
CLAUSE_ENDS = frozenset({",", ";", ".", "!", "?", "but", "aber", "pero", "mais", "ma", "maar", "ale", "men", "ama",
                         "mas", "—", "–", "today", "now", "heute", "hoy", "oggi", "hoje", "vandaag", "dzisiaj", "bugün",
                         "idag", "aujourd'hui"})


NOW_WORDS = frozenset({"today", "now", "heute", "hoy", "oggi", "hoje", "vandaag", "dzisiaj", "bugün", "idag",
                       "aujourd'hui", "jetzt", "ahora", "ora", "agora", "nu", "teraz", "şimdi"})


def _clause(lower: list[str], at: int) -> tuple[int, int]:
    i = at
    while i > 0 and lower[i - 1] not in CLAUSE_ENDS:
        i -= 1
    j = at
    while j < len(lower) and lower[j] not in CLAUSE_ENDS:
        j += 1
    if i and lower[i - 1] in NOW_WORDS:
        i -= 1  # "today it's Hillsboro": the word that opens it
    return i, j


def _clause_has_yesterday(lower: list[str], at: int) -> bool:
    i, j = _clause(lower, at)
    return any(lower[k] in YESTERDAY and not (k and lower[k - 1] in SINCE_WORDS) and
               not (k + 1 < len(lower) and lower[k + 1] in SINCE_WORDS) for k in range(i, j))


def _yesterdays_place(lower: list[str], start: int, spots: list[tuple[int, int]], symptom_at) -> str | None:
    """A place in a clause that says "yesterday", beside a place in a clause that does not ("airtel gone in Delhi
    NCR, yesterday it was Kolkata", "Hetzner Ashburn had the issue yesterday; today it's Hillsboro"): where the
    problem was, not where it is. Not "down since yesterday"."""
    if not _clause_has_yesterday(lower, start):
        return None
    def now_there(at: int) -> bool:  # the other place's clause says the problem, or says now
        i, j = _clause(lower, at)
        return any(i <= k < j for k in symptom_at) or not NOW_WORDS.isdisjoint(lower[i:j])

    if any(s != start and not _clause_has_yesterday(lower, s) and now_there(s) for s, _ in spots):
        return "where the problem was yesterday, beside a place where it is now (\"yesterday it was Kolkata\")"
    return None


def _bracketed_code_of(lower: list[str], start: int, end: int, places, spots, texts) -> str | None:
    """A site's code in brackets after its city's name ("rerouted to Cape Town (CPT)", "shifted to Brisbane (BNE)")
    is where the name is: moved to, it was moved to too."""
    if start < 2 or lower[start - 1] != "(" or end >= len(lower) or lower[end] != ")":
        return None
    for s, e, o in places:
        if e == start - 1 and not o.site_of:
            return _workaround(lower, s, e, texts) or _moved_with(lower, s, spots, texts)
    return None


def _national_arm(texts: list[str], start: int, nm: Name, names, places) -> bool:
    """A country's name written with its capital right after a service's or an operator's, beside a place in
    that country ("Vodafone Egypt no signal in Cairo", "Vodafone Italia clienti a Verona"): the brand's company
    there, as its customers name it; the city says where. Alone it stays ("Netflix Türkiye fiyatlarına zam",
    "Vodafone UK subscribers can't send texts": the writers label the country)."""
    if len(nm.geo or "") != 2 or not start or not texts[start][:1].isupper() or not texts[start - 1][:1].isupper():
        return False
    if not any((o.geo or "").startswith(nm.geo + "-") for _, _, o in places):
        return False
    if texts[start - 1].lower() in operators.all_keys():  # "Vodafone Egypt", "Orange Polska" (a worded name too)
        return True
    return any(e == start and any(o.kind == "service" for o in ns) for s, e, ns in names)


# A cloud region as the languages we read call it: a display name beside one is a region, its provider unnamed.
CLOUD_REGION_WORDS = frozenset({"region", "regions", "regione", "regioni", "región", "regiones", "região", "regiões",
                                "région", "régions", "regio", "regio's", "regionen", "bölge", "bölgesi", "bölgesinde",
                                "regionu", "regionie", "regiony", "regionerna"})
CLOUD_REGION_CJK = ("リージョン", "리전")


def _named_as_region(lower: list[str], end: int, services: dict, vocab: Vocabulary) -> bool:
    """"new West US region launch means lower latency": an English display name said as a region, "region" right
    after it, with no service of another named ("Codespaces in East US region" is GitHub's)."""
    return end < len(lower) and lower[end] in ("region", "regions") and not any(
        vocab.provider_of.get(s) in (None, s) or "/" not in s for s in services)


def _cloud_region_word(lower: list[str], texts: list[str], name: str) -> bool:
    """The text says "region" as cloud providers do, in one of the languages we read, of a display name in
    another language (``data/region_names.json``: "Italia settentrionale", "한국 남부") or with "cloud" ("UK South
    cloud region"; an English name alone, "Codespaces in East US ... change region", is no provider's)."""
    said = not CLOUD_REGION_WORDS.isdisjoint(lower) or any(w in t for t in texts if not t.isascii()
                                                          for w in CLOUD_REGION_CJK)
    return said and ("cloud" in lower or name.lower() in _localized_region_names())


@functools.lru_cache(maxsize=1)
def _localized_region_names() -> frozenset[str]:
    """The built names with a word no display name of the catalog (English) has ("Italia settentrionale", "한국
    남부"; not "US West", which is English and a status page's "US West voice region" too)."""
    from outagewatch.catalog import load_catalog

    english = {w for region in load_catalog().regions.values() for name in (region.name,)
               for w in re.split(r"[\s(),.-]+", name.lower()) if w}
    return frozenset(n.lower() for names in region_names().values() for n in names
                     if not set(w for w in re.split(r"[\s(),.-]+", n.lower()) if w) <= english)


# "Abroad" in the languages the people words are read in: "los españoles en el extranjero" are not in Spain.
ABROAD = frozenset({"abroad", "overseas", "extranjero", "exterior", "estero", "ausland", "étranger", "etranger",
                    "buitenland", "granicą", "granica", "utlandet", "utomlands", "yurtdışında", "yurtdışındaki",
                    "yurt"})


def _people_abroad(lower: list[str], start: int, end: int, nm: Name, places) -> str | None:
    """Why a country's people are not said of their country: a place of another country said right by them
    ("los españoles en Londres", "Polacy w Niemczech", "Almanya'daki Türkler", "os brasucas em Portugal"), or
    abroad ("gli italiani all'estero")."""
    if len(nm.geo or "") != 2:
        return None
    near = range(max(0, start - 3), min(len(lower), end + 4))
    if any(lower[i].replace("’", "'").rpartition("'")[2] in ABROAD for i in near):  # "all'estero", "l'étranger"
        return "a country's people abroad (\"gli italiani all'estero\"), not where"
    for s, e, other in places:
        if other.demonym or not other.geo or other.geo[:2] == nm.geo or s >= end + 4 or e <= start - 3:
            continue
        if s >= end and any(lower[i] in PLACE_PREPOSITIONS for i in range(end, s)) or e <= start:
            return "a country's people in another country (\"los españoles en Londres\", \"Polacy w Niemczech\")"
    return None


def _addressed(texts: list[str], lower: list[str], start: int, end: int) -> bool:
    """A country's people opening the post, called on as a nation ("Swedes, BankID not working? ... Göteborg
    here", "Poles: mBank ... Wrocław"): the country is where, beside the city the writer is in."""
    first = 1 if start == 1 and lower[0] in demonyms.OPENERS else 0
    return start == first and end < len(lower) and lower[end] in (",", ":", "—", "–", "-", "?")


def _place_rule(doc, texts, lower, start, end, nm: Name, talk, place_at: set[int] = frozenset(),
                brands: tuple[set[int], set[int], set[int]] | None = None) -> str | None:
    """Why a place match is not a place here, or None. ``place_at``: where other places start; ``brands``: where
    tagged services and operators begin and end (``_brand_edges``)."""
    n = len(lower)
    written = texts[start]
    cased = written[:1].isupper() or not written[:1].isascii()
    context = _place_context(lower, start, end, texts) or _listed_place(texts, lower, start) or \
        _dateline(texts, start, end) or _beside_a_place(lower, start, end, place_at)
    # "izmir superonline fiber yok", "monterrey entero caído", "all over nairobi": said as the place in lower case
    said_lower = not cased and talk and brands is not None and \
        _said_in_lower(lower, start, end, nm, brands, doc.user_data.get(LANG))
    # "izmirde", "ataşehirden": a place in Türkiye with its ending of where written on (``inflected.tr_place_form``)
    tr_where = nm.form_of is not None and doc.user_data.get(LANG) == "tr" and (nm.geo or "").startswith("TR") \
        and texts[start].isalpha()
    context = context or said_lower or tr_where
    if (nm.gazetteer_only and written.isupper() and len(written) > 2) or (end < n and lower[end] == "/"):
        return "an acronym or a time zone (\"APAC\", \"US/Pacific\")"
    if _state_code(nm) and doc.user_data.get(LANG) not in STATE_CODE_LANGUAGES[nm.geo[:3]]:
        return "a state code in a text not in its country's language (\"IA\" is AI in Italian, \"SP\" São Paulo " \
            "only in Portuguese)"
    town = _town_rule(doc, texts, start, end, nm, cased) or _district_rule(doc, texts, start, end, nm, cased)
    if town:
        return town
    if nm.gazetteer_only and doc.user_data.get(LANG) not in NICKNAME_LANGUAGES.get((nm.geo or "")[:2], ()) \
            and place_kinds().get(nm.written) == "nickname":
        return "a city's nickname or short form in a language not its country's (\"Seul\" is French \"alone\")"
    if nm.written in NICKNAME_NEEDS_CONTEXT and (end < n and texts[end][:1].isupper() or not (
            _place_context(lower, start, end, texts) or start > 1 and lower[start - 1] == "the"
            and lower[start - 2] in PLACE_PREPOSITIONS)):
        return "a region's nickname that is also something else, not said as a place (\"GTA Online\", \"the DMV " \
            "website\"; \"across the GTA\", \"in the DMV\" are)"
    if nm.initials or _state_code(nm) and nm.written in city_initials():
        why = _initials_rule(texts, start, nm, doc.user_data.get(LANG))
        if why:
            return why
    foreign = _foreign_minor(texts, lower, start, end, nm, cased or said_lower)
    if foreign:
        return foreign
    if not cased:
        if nm.everyday_place or nm.minor_place:
            return "lower case, and an everyday word or a minor subdivision"
        if nm.ambiguous_place and not context:
            return "lower case, also a name, no \"in ...\""
        if len(nm.written) < 4 and lower[start] not in SHORT_LOWER and not (start and lower[start - 1] == "the") \
                and not _short_city_in(lower, start, nm, doc.user_data.get(LANG)):
            return "a short form in lower case (\"us\"; \"the us\" is the country)"
        if not (doc.user_data.get(LANG) == "en" or context):
            return "lower case outside English without \"in ...\""
    if nm.gazetteer_only and not talk:
        # Where a text is set is a place whatever it is about ("Hetzner baut neues Rechenzentrum in
        # Nürnberg", "lost somewhere in kraków's old town"), but only if said as a place: news and
        # chatter about nothing name people and things after small places ("Unity", "Paul").
        if nm.minor_place or nm.everyday_place:
            return "a minor subdivision or an everyday word in a text about no outage"
        said = _place_context(lower, start, end, texts) and not (start and lower[start - 1] in NOT_WHERE) \
            or _dateline(texts, start, end) or (_listed_place(texts, lower, start) and not nm.ambiguous_place) \
            or _cjk_place_said(texts, start, nm.written) or _named_outright(doc, texts, lower, start, end, nm) \
            or tr_where
        if not said:
            return "a gazetteer place in a text about no outage (no outage, recovery or stage word, no service), without \"in ...\""
    lang = doc.user_data.get(LANG)
    if nm.form_of and lang not in FORM_LANGS and not (lang == "tr" and (nm.geo or "").startswith("TR")):
        return "an inflected form of a Polish, German or Swedish name in a text of another language (\"Bonne " \
            "nouvelle\" is no Bonn)"
    if start and lang in CLUB_ARTICLES and lower[start - 1] in CLUB_ARTICLES[lang] and \
            place_kinds().get(nm.written) == "city":
        return "a city's name after an article: its football club (\"el Madrid\", \"il Milan\")"
    if len(nm.geo or "") == 2 and written.isupper() and len(written) <= 3 and end < n and lower[end] in DESTINATION_NOUNS \
            and not (lower[end] in OPERATOR_CUSTOMERS and start > 0 and texts[start - 1][:1].isupper()):
        return "a country's short code before the phone networks messages go to (\"delivery to US carriers\", " \
            "\"US numbers\"), no place"
    why = _cjk_not_a_place(texts[start], nm.written)
    if why:
        return why
    if _korean_adjective(texts, start, nm):
        return "a country's name before a Korean noun: its adjective (\"한국 드라마\"), not where"
    if cased and _company_name(texts, lower, start, end):
        return "a place inside a company's or club's name (\"Alaska Airlines\", \"Air Canada\", \"Bank of America\", " \
            "\"Real Madrid\")"
    if end - start == 1 and (lower[start] in COMPASS_WORDS or lower[start] in COMPASS_ADJECTIVES) and end < n \
            and texts[end][:1].isupper():
        return "a compass word that begins a longer name (\"North America\", \"Western Sydney\")"
    if end - start > 1 and lower[start] in COMPASS_WORDS and texts[start].islower() and texts[start + 1][:1].isupper():
        return "a compass word in lower case before a place (\"east London\" is a part of London)"
    anti = PLACE_ANTI.get(lower[start])
    if anti and ((start and lower[start - 1] in anti[0]) or (end < n and lower[end] in anti[1])):
        return "the everyday word (\"fine china\")"
    return None


# Where a place is said to be fine, in the words that follow it ("rest of the UK seems fine",
# "İstanbul'da sorun yok", "서울은 괜찮다는데"): the problem is not there.
FINE_AFTER = ("sorun yok", "sorunsuz", "no problem", "no issues", "ok", "okay", "all good",
              "sin problemas", "funciona bien", "va bien", "sem problemas", "funciona normal", "funciona bem",
              "senza problemi", "funziona bene", "keine probleme", "läuft normal", "geen problemen", "werkt prima",
              "pas de problème", "aucun problème", "fonctionne bien", "marche bien", "bez problemów", "działa normalnie")
FINE_CJK = ("괜찮", "문제없", "문제 없", "멀쩡", "大丈夫", "問題ない", "問題なし", "正常")
# Getting round a problem by going elsewhere ("VPN'd to Amsterdam", "failed over to us-west-2"):
# that place is where things work.
WORKAROUND_TO = frozenset({"to", "into", "nach", "naar", "vers", "en", "a", "al", "para", "pra", "do", "w",
                           "sur", "auf", "op", "su", "na", "till"})
WORKAROUND_WORDS = frozenset({"failover", "switched", "switching", "rerouted", "rerouting", "redirected",
                              "redirecting", "bascule", "basculé", "basculons", "basculer",
                              "umgeschaltet", "umgestellt", "overgeschakeld", "overgestapt", "uitgeweken",
                              "cambiamos", "cambiado", "migramos", "mudamos", "spostato", "spostati", "passati",
                              "przełączyliśmy", "przenieśliśmy", "bytte", "flyttade", "växlade", "changed",
                              "cambié", "mudei", "troquei", "zmieniłem", "zmieniłam", "zmieniliśmy",
                              "gewechselt", "changé", "cambiato",
                              # moving the work: "moved to Hetzner Helsinki", "movimos todo a europe-west1",
                              # "jogamos o tráfego pra us-east-1", "przerzuciliśmy ruch do Frankfurtu"
                              "moved", "moving", "migrated", "migrating", "shifted", "shifting", "routed", "diverted",
                              "evacuated", "umgezogen", "verschoben", "umgeleitet", "migriert", "ausgewichen",
                              "verhuisd", "geschoven", "verplaatst", "omgeleid", "gemigreerd", "overgezet",
                              "movimos", "movido", "trasladamos", "trasladado", "redirigimos", "desviamos",
                              "jogamos", "jogou", "movemos", "migramos", "redirecionamos", "desviamos", "levamos",
                              "migrato", "migrati", "dirottato", "deviato", "migré", "déplacé", "redirigé",
                              "déménagé", "przerzuciliśmy", "przekierowaliśmy", "zmigrowaliśmy", "flyttat",
                              "migrerade", "styrde", "taşıdık", "yönlendirdik", "aktardık", "umgeschwenkt", "geschwenkt",
                              "transferi", "transferimos", "transferido", "transferimos", "aldık"})
# Verbs of moving that people also use of moving house ("moving to denver next month"): the work moved only
# with what was moved named ("movimos todo a", "alles nach Helsinki umgezogen", "moved traffic to") or a
# provider's name before the place ("moved to Hetzner Helsinki").
MOVES = frozenset({"moved", "moving", "movimos", "movido", "movemos", "trasladamos", "trasladado", "verhuisd",
                   "verplaatst", "umgezogen", "déménagé", "déplacé", "levamos", "flyttat", "taşıdık", "aldık"})
WORK_MOVED = frozenset({"traffic", "everything", "workloads", "workload", "servers", "instances", "prod", "production",
                        "alles", "todo", "tudo", "tutto", "tout", "wszystko", "allt", "her", "şeyi", "tráfico",
                        "tráfego", "traffico", "trafic", "verkehr", "verkeer", "ruch", "trafiken", "trafiği",
                        "cluster", "clusters", "deployments", "apps", "services", "db", "database"})
# German and Dutch put the verb last ("alles nach Helsinki umgezogen", "naar Noord-Europa geschoven"),
# Turkish after the place's case ending ("Frankfurt'a taşıdık").
VERB_LAST = frozenset({"nach", "naar", "in", "auf", "op", "ins"})
# Japanese and Korean: a place then "に"/"로" and a word for switching or failing over ("大阪リージョンに切り替えて",
# "도쿄로 페일오버"), or a standby copy made there ("フェイルオーバーグループを東日本にも作って", "西日本にDR環境").
CJK_STANDBY = re.compile(r"(?:DR|フェイルオーバー|バックアップ|待機|レプリカ)[^、。？！]{0,12}を$")
CJK_WORKAROUND = re.compile(r"^(?:リージョン|region|리전)?(?:に|へ|로|으로)(?:も)?.{0,12}?(?:切り替え|切替|移行|フェイルオーバー|"
                            r"退避|逃が|DR|待機|バックアップ|페일오버|전환|옮|이전|우회|백업)")
FAIL_OVER = frozenset({"fail", "failed", "failing", "fails"})
# A standby copy, kept elsewhere so a problem in one place can be got round: that place is not where it is.
REPLICA_WORDS = frozenset({"replica", "replicas", "réplica", "réplicas", "replika", "replikę", "replikacja", "repliek",
                           "dr", "standby", "zapasowe", "zapasowy", "zapasową", "zapasowym", "secondary", "secundaria",
                           "secundária", "secondaire", "secondario", "sekundär"})
# Said right after a place (its brackets skipped), the copy or the failover that kept things going is there:
# "Singapore replica kept the site up", "Geneva (Switzerland West) secondary took over", "japanwest failover".
STANDBY_AFTER = REPLICA_WORDS | {"failover", "fail-over", "backup"}


SERVICE_FINE = ("said to work in its own clause beside another service with the problem (\"Outlook non scarica la "
                "posta. Gmail invece va\", \"Instagram works fine\")")


def _services_said_fine(texts: list[str], lower: list[str], names, services: dict, ctx: SourceContext,
                        found: list, operator: bool = False, cjk_problem: bool = False) -> list[str]:
    """Services every mention of which is said to work in its own clause (nlp/fine.py, as for places), where
    another service the text names is not: a post that contrasts what broke with what still works names the
    second only as the contrast ("Teams laat niemand inloggen. Outlook werkt wel", "netflix is fine on the
    same stick"). A service the source names, or one named nowhere in the words, is never dropped; a text
    where every service works (an all-clear, "slack loaded instantly") keeps them all."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for start, end, ns in names:
        for nm in ns:
            if nm.kind not in ("region", "place") and nm.ids and nm.ids[0] in services:
                spans.setdefault(nm.ids[0], []).append((start, end))
    if len(spans) < 2 and not ctx.services and not operator:
        return []
    spots = sorted({sp for sps in spans.values() for sp in sps})
    # the clause right after the name ("Outlook werkt wel"), its whole clause ("netflix is fine on the same tv"),
    # a status line's colon ("Instagram and Facebook: no known issues.")
    said = fine.fine_places(lower, spots, found) | fine.clause_fine(texts, lower, spots, found) | \
        fine.component_fine(lower, spots)
    if not said:
        return []
    fine_ones = [s for s, sps in spans.items() if s not in ctx.services
                 and all(st in said and not _but_then(lower, en) for st, en in sps)]
    staying = [s for s in services if s not in fine_ones]
    # a network operator the text names is what fails where no service stays ("comcast totally dead, teams works
    # fine here at least", "vodafone sem internet, whatsapp funciona no 4g")
    # (a problem said in Japanese or Korean, ``cjk_problem``, is read from the runs of CJK text, not the words:
    # "signal落ちてる。facebookは普通に動く", "넷플릭스는 멀쩡한데 디즈니 플러스는 로딩만 계속 돌아감")
    return fine_ones if (staying or operator) and (fine.problem_said(lower, found) or cjk_problem) else []


# Where one reads of another's outage ("found out via twitter", "laut Twitter", "tutti su Twitter a lamentarsi").
# (What a network outage "even" stops is no class: "ni whatsapp ni nada" is labelled without WhatsApp, "no va ni
# twitch ni nada" with Twitch.)
MEDIUM_BEFORE = frozenset({"via", "laut", "per", "su", "auf", "through", "sur"})
RELAY_AFTER = frozenset({"says", "said", "sagt", "dice", "dit", "zegt", "säger", "mówi", "diz", "confirms"})
MEDIUM_CUES = MEDIUM_BEFORE | RELAY_AFTER
MEDIA = frozenset({"x"})  # a social network people read outages on


def _only_the_medium(lower: list[str], names, services: dict, ctx: SourceContext, operator_at: list[int], found,
                     sentence) -> list[tuple[str, str]]:
    """A social network named only as where the writer reads of another's outage ("pagerduty didn't page anyone,
    found out via twitter", "blizz status twitter says they know", "tutti su Twitter a lamentarsi"): the outage is
    the other's, the writers label it alone. Each mention must be so (after "via", "laut", "su", or before "says"),
    with no symptom of its own right after it, and another service or a network operator named."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for start, end, ns in names:
        for nm in ns:
            if nm.kind not in ("region", "place") and nm.ids and nm.ids[0] in services:
                spans.setdefault(nm.ids[0], []).append((start, end))
    out = []
    problems = [s for s, _, sym, _ in found if sym in lexicon.PROBLEM_SYMPTOMS]
    for service, sps in spans.items():
        if service in ctx.services:
            continue
        others = [s for s in spans if s != service] or operator_at
        if not others:
            continue
        medium = service in MEDIA and all(
            (st and lower[st - 1] in MEDIUM_BEFORE or en < len(lower) and lower[en] in RELAY_AFTER)
            and not any(en <= p <= en + 2 for p in problems) for st, en in sps)
        if medium and any(sentence[p] != sentence[st] or p < st for p in problems for st, _ in sps[:1]) or \
                medium and not problems:
            out.append((service, "where the writer reads of another's outage (\"via twitter\", \"laut Twitter\")"))
    return out


def _but_then(lower: list[str], end: int) -> bool:
    """"facebook itself loads but notifications are frozen": the clause that says it works ends in a contrast
    word, so what follows is that service's own problem."""
    said = next((i + len(p) for i in range(end, min(len(lower), end + fine.GAP + 1)) for p in fine.BY_FIRST.get(lower[i], ())
                 if tuple(lower[i:i + len(p)]) == p), end)  # after the fine-word: "Gmail invece va" is no turn
    for i in range(said, min(len(lower), said + 8)):
        if lower[i] in fine.CONTRASTS:  # "... is fine though" ending the sentence turns nothing
            return i + 1 < len(lower) and lower[i + 1] not in fine.MARKS
        if lower[i] in fine.MARKS:
            return False
    return False


FINE_CLAUSE = "said to be fine in its own clause while another place is not (\"eu-west-1 and us-west-2 are fine\")"


# Services that are also the box people watch the others on: "my roku" beside another service is the device.
DEVICE_BRANDS = {"roku": ("roku",)}


def _my_device(lower: list[str], names, services: dict, ctx: SourceContext) -> list[str]:
    """A streaming device's brand every mention of which is the writer's own ("my roku", "my roku tv:"), beside
    another service: the device the other fails on ("disney+ black screen with error code 83 on my roku but netflix
    streams fine"), as the writers label it; "the roku" or a Roku failing alone keeps it."""
    out = []
    for service in DEVICE_BRANDS.keys() & services.keys():
        if service in ctx.services:
            continue
        starts = [s for s, _, ns in names for nm in ns if nm.kind == "service" and nm.ids and nm.ids[0] == service]
        if starts and all(st and lower[st - 1] == "my" for st in starts):
            out.append(service)
    return out


# A writer correcting themself: "... but it's Y", "maar het is Y", "ah no, es Y", "nee, het is Y", "non, c'est Y".
CORRECTION_TURNS = frozenset({"but", "maar", "pero", "mais", "aber", "ma", "mas", "men", "ale", "ama", "no", "nope",
                              "nee", "nein", "non", "não", "nej", "hayır", "nah"})
IT_IS = frozenset({"it", "it's", "its", "it’s", "het", "es", "c'est", "c’est", "é", "è", "ist", "det", "to", "bu"})
IT_IS_FILLERS = frozenset({",", "'s", "’s", "is", "was", "är", "just", "actually", "eigentlich", "gewoon", "solo", "só", "juste",
                           "solo", "sadece", "only"})
# Words of believing, before what the writer only thought was down ("thought", "dacht", "pensé", "dachte").
THOUGHT = frozenset({"thought", "dacht", "dachte", "pensé", "pensaba", "creí", "creía", "pensei", "achei", "achava",
                     "pensais", "croyais", "pensavo", "credevo", "myślałem", "myślałam", "trodde", "sandım",
                     "zannettim", "assumed"})


def _corrected(lower: list[str], names, services: dict, ctx: SourceContext) -> list[str]:
    """Services the writer only thought down, or asked about, then corrected to another ("Dacht dat Spotify eruit lag
    maar het is Sonos die steeds de verbinding kwijtraakt", "¿Se cayó WhatsApp? ah no, es Instagram"): a turn word, a
    word for "it is" and another service's name; each mention of the first before the turn, after a word of
    thinking in its clause or in a question. The writers label the one it turned out to be."""
    n = len(lower)
    at: dict[str, list[int]] = {}
    for start, _, ns in names:
        for nm in ns:
            if nm.kind == "service" and nm.ids and nm.ids[0] in services:
                at.setdefault(nm.ids[0], []).append(start)
    starts = {st: s for s, sts in at.items() for st in sts}
    asked = [i for i, w in enumerate(lower) if w.endswith("?") or w == "？"]
    for turn in (i for i, w in enumerate(lower) if w in CORRECTION_TURNS):
        j = turn + 1
        while j < n and lower[j] in IT_IS_FILLERS and j - turn <= 2:
            j += 1
        if j >= n or lower[j] not in IT_IS:
            continue
        k = j + 1
        while k < n and lower[k] in IT_IS_FILLERS and k - j <= 2:
            k += 1
        actual = starts.get(k)
        if actual is None:
            continue
        out = []
        for service, sts in at.items():
            if service == actual or service in ctx.services:
                continue
            if all(st < turn and (fine._in_question(lower, st, asked) or not THOUGHT.isdisjoint(lower[max(0, st - 3):st]))
                   for st in sts):
                out.append(service)
        return out
    return []


def _products_suspected(lower: list[str], names, services: dict, vocab: Vocabulary, ctx: SourceContext) -> list[str]:
    """A cloud provider's product every mention of which is in a question of its own, beside services of others
    said outside it ("grubhub and youtube both broken for me, is Azure OpenAI having a moment or what"): the
    suspect, not what failed, as a provider named so is (``_providers_aside``); the writers label the others."""
    asked = [i for i, w in enumerate(lower) if w.endswith("?") or w == "？"]
    spans: dict[str, list[int]] = {}
    for start, _, ns in names:
        for nm in ns:
            if nm.kind == "service" and nm.ids and nm.ids[0] in services:
                spans.setdefault(nm.ids[0], []).append(start)
    out = []
    for service, starts in spans.items():
        provider = vocab.provider_of.get(service)
        if not provider or provider == service or service in ctx.services:
            continue
        others = [st for other, sts in spans.items() if vocab.provider_of.get(other) != provider for st in sts]
        if others and all(_asked_of(lower, st, asked) for st in starts) and \
                not any(_asked_of(lower, st, asked) for st in others) and max(others) < min(starts):
            out.append(service)
    return out


ASKING = frozenset({"is", "are", "was", "does", "did"})  # an English question's verb, first in its clause
ASK_BREAKS = frozenset({",", ".", ";", "!", "—", "-", "–", ":"})


def _asked_of(lower: list[str], start: int, asked: list[int]) -> bool:
    """A name in a question: one ending in a question mark (``fine._in_question``), or a clause that opens on
    an English question's verb with the name right after it and no mark at all ("..., is Azure OpenAI having a
    moment or what")."""
    if fine._in_question(lower, start, asked):
        return True
    i = start - 1
    while i >= 0 and start - i <= 2 and lower[i] not in ASK_BREAKS:
        if lower[i] in ASKING:
            return i == 0 or lower[i - 1] in ASK_BREAKS
        i -= 1
    return False


def _providers_aside(texts: list[str], lower: list[str], names, services: dict, providers: dict, vocab: Vocabulary,
                     ctx: SourceContext, found: list) -> list[tuple[str, str]]:
    """A provider named alone (none of its products named) only as a contrast or a suspect, beside a service whose
    outage the text tells: "Cloudflare is fine for us, the issue was GitHub", "pypi giving 503. is fastly having a
    moment?". The writers label the service alone; a provider the source names, or blamed outright ("Fastly
    broke pypi"), stays."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for start, end, ns in names:
        for nm in ns:
            if nm.kind == "provider" and nm.ids and nm.ids[0] in providers:
                spans.setdefault(nm.ids[0], []).append((start, end))
    alone = [p for p in spans if p not in ctx.providers and p not in ctx.services
             and not any(s == p or s.split("/")[0] == p or vocab.provider_of.get(s) == p for s in services)]
    if not alone:
        return []
    others = [(st, en) for start, end, ns in names for nm in ns
              if nm.kind == "service" and nm.ids and nm.ids[0] in services
              and vocab.provider_of.get(nm.ids[0]) not in alone for st, en in [(start, end)]]
    if not others:
        return []
    asked = [i for i, w in enumerate(lower) if w.endswith("?") or w == "？"]
    out = []
    said = None
    for provider in alone:
        sps = spans[provider]
        if all(_asked_of(lower, st, asked) for st, _ in sps) and \
                not all(_asked_of(lower, st, asked) for st, _ in others):
            out.append((provider, "named only as a suspect in a question beside a service's outage (\"is fastly having "
                                  "a moment?\")"))
            continue
        if said is None:
            spots = sorted({sp for sps_ in spans.values() for sp in sps_} | set(others))
            said = fine.fine_places(lower, spots, found) | fine.clause_fine(texts, lower, spots, found) \
                if fine.may_say_fine(texts, lower) else set()
        if said and all(st in said and not _but_then(lower, en) for st, en in sps) and \
                not all(st in said for st, _ in others) and fine.problem_said(lower, found):
            out.append((provider, "said to work beside a service's outage (\"Cloudflare is fine for us, the issue was "
                                  "GitHub\")"))
    return out


def _fine_in_clause(texts: list[str], lower: list[str], spots: list[tuple[int, int]], found: list) -> set[int]:
    """Places said fine in their own clause (nlp/fine.py), kept empty unless another place stays or a problem
    is said elsewhere: a text about one place that works again still says where it was."""
    if not spots or not fine.may_say_fine(texts, lower):
        return set()
    # the clause right after the name ("Outlook werkt wel"), its whole clause ("netflix is fine on the same tv"),
    # a status line's colon ("Instagram and Facebook: no known issues.")
    said = fine.fine_places(lower, spots, found) | fine.clause_fine(texts, lower, spots, found) | \
        fine.component_fine(lower, spots)
    if not said:
        return said
    # "à Lille le réseau SFR est mort, à Paris tout va bien": the problem is said elsewhere, even where its
    # place is unknown; "netflix is fine here in chicago, must be your isp" says no problem and keeps it
    return said if any(s not in said for s, _ in spots) or fine.problem_said(lower, found) else set()


def _cjk_fine(token: str, written: str) -> bool:
    """"東日本は問題なし": in a run of CJK text, the name then (after a particle) a fine-word, or the rest
    of its clause in the run says it works ("東京の友達は普通に見れてる")."""
    at = token.find(written) if written and not token.isascii() else -1
    return at >= 0 and (token[at + len(written):].lstrip("은는이가도에서의はもでがの ").startswith(FINE_CJK)
                        or fine.cjk_clause_fine(token, written))


def _moved_with(lower: list[str], start: int, spots: list[tuple[int, int]], texts: list[str]) -> str | None:
    """"cambié la región a Madrid y a París", "na Warszawę i Berlin": a place joined by "and" or a comma to
    a place the work was moved to was moved to as well."""
    i = start - 1
    while i >= 0 and start - i <= 2 and lower[i] in WORKAROUND_TO:
        i -= 1
    if i < 1 or lower[i] not in fine.JOINERS:
        return None
    before = [s for s, e in spots if e == i]
    if not before:
        return None
    return _workaround(lower, before[0], i, texts) or _moved_with(lower, before[0], spots, texts)


def _standby_after(lower: list[str], end: int) -> str | None:
    """"Singapore replica kept the site up", "Geneva (Switzerland West) secondary took over", "japanwest
    failover is what keeps us alive", "İrlanda'ya aldık" after the traffic: the place named just before a word
    for a standby copy or a failover (a bracket between skipped), or with a Turkish ending of where to before
    a verb of moving what was moved, is where the work went, not where the problem is."""
    n = len(lower)
    k = end + (end < n and lower[end] == ")")  # "UK West (Cardiff) secondary": the place in the brackets
    if k < n and lower[k] == "(":
        close = next((x for x in range(k + 1, min(n, k + 6)) if lower[x] == ")"), None)
        k = close + 1 if close is not None else k
    if k < n and lower[k] in STANDBY_AFTER:
        return "where a standby copy or the failover is (\"... replica kept the site up\"), not where the problem is"
    if end < n and lower[end] in TR_DATIVE:
        for j in range(end + 1, min(n, end + 4)):
            if lower[j] in WORKAROUND_WORDS and (lower[j] not in MOVES or not WORK_MOVED.isdisjoint(lower[max(0, end - 5):end])):
                return "where the work was moved to get round the problem (\"VPN'd to ...\", \"failed over to ...\")"
            if lower[j] in lexicon.CLAUSE_BREAKS:
                break
    return None


def _workaround(lower: list[str], start: int, end: int | None = None, texts: list[str] | None = None) -> str | None:
    """"VPN'd to Amsterdam", "a vpn to the us", "failed over to us-west-2", "switched to eu-west-1",
    and where a standby copy lives ("replica su Francoforte", "a cross-region replica in asia-south2")."""
    after = _standby_after(lower, end if end is not None else start + 1)
    if after:
        return after
    i = start - 1
    while i >= 0 and lower[i] in ("the", "our", "los", "die", "de", "les", "la", "os", "gli"):
        i -= 1
    if i < 0:
        return None
    if lower[i] in PLACE_PREPOSITIONS or lower[i] in WORKAROUND_TO:
        for j in range(i - 1, max(-1, i - 4), -1):
            if lower[j] in REPLICA_WORDS:
                return "where a standby copy is kept (\"a replica in ...\", \"DR in ...\"), not where the problem is"
            if lower[j] in lexicon.CLAUSE_BREAKS:
                break
    named = False
    if lower[i] not in WORKAROUND_TO and i and lower[i - 1] in WORKAROUND_TO and texts is not None \
            and texts[i][:1].isupper():
        i -= 1  # "moved to Hetzner Helsinki": the provider's name between
        named = True
    if lower[i] not in WORKAROUND_TO:
        return None
    said = "where the work was moved to get round the problem (\"VPN'd to ...\", \"failed over to ...\")"
    if lower[i] in VERB_LAST or (end is not None and end < len(lower) and lower[end] in PLACE_CASES):
        for j in range(end if end is not None else start + 1, min(len(lower), (end or start + 1) + 5)):
            if lower[j] in WORKAROUND_WORDS and (lower[j] not in MOVES or named
                                                 or not WORK_MOVED.isdisjoint(lower[max(0, i - 3):i])):
                return said
            if lower[j] in lexicon.CLAUSE_BREAKS and lower[j] not in fine.JOINERS:
                break  # "auf Wien und Berlin gewechselt": the places joined, then the verb
    for j in range(i - 1, max(-1, i - 6), -1):
        word = lower[j]
        if word in MOVES and not (named or not WORK_MOVED.isdisjoint(lower[j + 1:i])):
            return None  # "moving to denver next month": people move house
        if word.startswith("vpn") or word in WORKAROUND_WORDS or \
                (word == "over" and j and lower[j - 1] in FAIL_OVER):
            return said
        if word in lexicon.CLAUSE_BREAKS:
            break
    return None


def _said_fine(texts: list[str], lower: list[str], start: int, end: int, fine_at: list[int],
               place_at: set[int]) -> bool:
    """The words right after the place say it is fine there, before any other place or clause break."""
    n = len(lower)
    if any(end <= f <= end + 2 and not place_at.intersection(range(end, f))
           and lexicon.CLAUSE_BREAKS.isdisjoint(lower[end:f]) for f in fine_at):
        return True  # "Delhi is fine", "rest of the UK seems fine"
    j = end + (end < n and lower[end] in PLACE_CASES)  # "İstanbul'da"
    tail = " ".join(lower[j:j + 3])
    if any((tail == p or tail.startswith(p + " ")) and not tail[len(p):].lstrip().startswith("?")
           for p in FINE_AFTER):
        return True  # not a question: "is Porto ok?"
    token = texts[end - 1]
    if end - start == 1 and not token.isascii():  # a CJK place: the rest of its run, then the next run
        after = [token[token.find(texts[start][:1]) + 1:], texts[end] if end < n else ""]
        if end + 1 < n and after[1].startswith(("쪽", "지역", "일대")) and \
                not after[1].lstrip("쪽지역일대").strip("은는이가도에서의엔") and after[1] != "지역에서":
            after.append(texts[end + 1])  # "경북 쪽은 멀쩡": the side of it, then the fine-word
        return any(part.lstrip("은는이가도에서의 ").startswith(FINE_CJK) for part in after if part) or \
            any(part.startswith(FINE_CJK) for part in after[1:] if part)
    return False


def _compound_part(doc, texts: list[str], start: int, end: int, nm: Name, place_at: set[int]) -> bool:
    """"West-Europa", "Amsterdam-Zuid", "quarta-feira": a place that is a part of a word joined with
    hyphens is not a place of its own when it is a minor subdivision or an everyday word (a
    compass word: "West", "Zuid", "Nord"), or when it follows a part that is no place. The
    compound as a whole, if it is a name ("Baden-Württemberg", "Noord-Holland"), matched whole."""
    n = len(texts)
    before = start >= 2 and texts[start - 1] == "-" and not doc[start - 2].whitespace_ and not doc[start - 1].whitespace_
    after = end + 1 < n and texts[end] == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_
    if not (before or after) or not nm.gazetteer_only:
        return False
    if nm.minor_place or nm.everyday_place:
        return True
    return before and (start - 2) not in place_at


# Words that say a place names a provider's region: "la región de AWS en España", "Frankfurt region".
REGION_NOUNS = frozenset({"region", "regions", "región", "regiones", "região", "regiões", "regione", "regioni",
                          "région", "régions", "regio", "regio's", "regionen", "regionie", "regionu", "regionem"})


# German makes a city's adjective with -er ("Frankfurter", "Berliner", "Züricher"); before these nouns beside a
# cloud provider it names the provider's region or data centre in that city.
CITY_ADJECTIVE_NOUNS = frozenset({"region", "regionen", "rechenzentrum", "rechenzentren", "cloud-region"})


def _city_adjective_places(texts: list[str], lower: list[str], vocab: Vocabulary) -> list[tuple[int, int, Name]]:
    """"Frankfurter Region bei AWS wieder wackelig", "Nach Ausfall bei Google Cloud: Frankfurter Region wieder
    voll verfügbar", "Stromausfall in Frankfurter Rechenzentrum": the city before the noun, a place (its regions
    read as any place's beside the provider)."""
    found = []
    for i in range(len(lower) - 1):
        word = texts[i]
        if lower[i + 1] in CITY_ADJECTIVE_NOUNS and word[:1].isupper() and len(word) > 4 and word.endswith("er"):
            found.extend((i, i + 1, nm) for nm in vocab.phrases.get(lower[i][:-2], ())
                         if nm.kind in ("place", "region") and (nm.ids or nm.located))
    return found


def _region_by_search(texts: list[str], lower: list[str], start: int, end: int, nm: Name, ctx: SourceContext,
                      vocab: Vocabulary) -> str | None:
    """The one provider with regions the search that found the text names (``x:search:aws 障害``), and a place
    said as a cloud region right after it ("東京リージョン", "서울 리전", "Ohio region", "Frankfurt-Region"):
    that provider's region there, if it has one."""
    searched = [p for p in ctx.named if p in vocab.regions_by_provider]
    if len(searched) != 1:
        return None
    word = texts[start]
    rest = word[word.find(nm.written) + len(nm.written):] if not word.isascii() and nm.written in word else ""
    said = rest.startswith(CLOUD_REGION_CJK) or (end < len(lower) and (
        lower[end] in REGION_NOUNS or texts[end].startswith(CLOUD_REGION_CJK)))
    if not said:
        return None
    provider = searched[0]
    named = [r for r in nm.ids if r.startswith(provider + ":")]
    located = [r for r in nm.located if r.startswith(provider + ":")]
    ids = named if len(named) == 1 else located
    return ids[0] if len(ids) == 1 else None


def _wide_place(nm: Name) -> bool:
    """A country or a province (not a city): ISO 3166-1, or a first-level subdivision the gazetteer
    holds as one (Lombardia, Noord-Holland; not Milano, the metropolitan city)."""
    geo = nm.geo or ""
    if len(geo) == 2 and fold(nm.written) in _region_cities():
        return False  # a city-state a catalog region is named after: "KMS ... in Singapore" beside AWS
    return len(geo) == 2 or (bool(geo) and place_kinds().get(nm.written) == "subdivision"
                             and geo not in subdivision_parents())


@functools.lru_cache(maxsize=1)
def _region_cities() -> frozenset[str]:
    """The cities the catalog's regions are in, folded ("singapore", "hong kong")."""
    from outagewatch.catalog import load_catalog

    return frozenset(fold(r.city) for r in load_catalog().regions.values() if r.city)


# AWS's area words before a country in brackets ("Europa (Ierland)", "Avrupa (İrlanda)"): the region's name.
AREA_BEFORE = frozenset({"europe", "europa", "avrupa", "eu", "pacific", "pacífico", "pacifico", "pacifique",
                         "asien-pazifik", "ásia-pacífico", "asie-pacifique", "azië-pacific", "pacyfik", "pasifik",
                         "east", "osten", "orient", "oriente", "wschód", "doğu", "mellanöstern", "midden-oosten",
                         "america", "américa", "amerika", "ameryka"})


def _region_word_near(lower: list[str], start: int, end: int) -> bool:
    return not REGION_NOUNS.isdisjoint(lower[max(0, start - 4):start]) or \
        not REGION_NOUNS.isdisjoint(lower[end:end + 2]) or \
        (start >= 2 and lower[start - 1] == "(" and lower[start - 2] in AREA_BEFORE)


def _state_code(nm: Name) -> bool:
    """"TX", "NSW": a state or province code written in capitals (vocabulary.state_codes)."""
    geo = nm.geo or ""
    return geo[:3] in STATE_CODE_COUNTRIES and nm.written == geo[3:]


# After a place in a run of CJK text, words that say it is where something happens: "大阪市内で" (in
# Osaka city), "東京都内", "札幌周辺" (around), "서울에서" (in Seoul), "광주 쪽" (the Gwangju side), "부산 전역".
CJK_PLACE_AFTER = ("で", "では", "にて", "内", "市内", "都内", "府内", "県内", "周辺", "全域", "地域", "エリア", "近辺",
                   "方面", "에서", "쪽", "지역", "전역", "일대", "시내", "에서는", "에선")
# A Korean district or town written after its city ("대구 수성구", "대전 유성구"): the city is where.
KO_DISTRICT_ENDINGS = ("구", "군", "동", "읍", "면")


def _cjk_place_said(texts: list[str], start: int, written: str) -> bool:
    """A place found inside a run of CJK text and said as where: a particle or a word of place after it
    in its run or as the next word, or a district of it named next."""
    token = texts[start]
    at = token.find(written) if written and not token.isascii() else -1
    if at < 0:
        return False
    rest = token[at + len(written):]
    if rest:
        return rest.startswith(CJK_PLACE_AFTER)
    after = texts[start + 1] if start + 1 < len(texts) else ""
    return after.startswith(CJK_PLACE_AFTER) or (len(after) > 1 and not after.isascii()
                                                 and after.endswith(KO_DISTRICT_ENDINGS))


# German prepositions fused with an article ("im Essen", "beim Essen"): a city takes no article, so a city that is
# also a word is the word after them.
FUSED_ARTICLES = frozenset({"im", "beim", "vom", "zum", "zur", "am"})
# Polish, German and Swedish inflected forms of place names (tables._add_forms): in another language's text the
# same letters are another word ("Bonne nouvelle", "Außer Andor").
FORM_LANGS = frozenset({"pl", "de", "sv"})
# A city's name after an article is its football club in Spanish and Italian ("se cayó el Madrid", "Il Milan è
# crollato", "il Napoli"); the city itself takes none ("en Madrid", "a Napoli").
CLUB_ARTICLES = {"es": frozenset({"el", "del", "al"}), "it": frozenset({"il", "del", "al", "dal", "col"})}
# A country's short code before the phone networks messages are sent to ("SMS delivery to US carriers", "late for
# US numbers", "delays to US subscribers"), like "the US region": a slice of the service (four training writers
# label none). Written out ("carriers in Brazil", "Vodafone Turkey subscribers") writers differ; it stays.
DESTINATION_NOUNS = frozenset({"carriers", "carrier", "numbers", "number", "operators", "subscribers"})
# An operator's national customers, its brand before the code ("Vodafone UK subscribers"), are people in that
# country: the last blind set and writer_j label the country.
OPERATOR_CUSTOMERS = frozenset({"subscribers"})
# A company named after a place: the place's name, then one of these capitalised ("Alaska Airlines", "Deutsche
# Telekom" aside, "Hawaiian Airlines", "Türk Telekom", "Chicago Tribune"), or "Air"/"Bank of" before it ("Air
# Canada", "Bank of America"). Its outage is the company's, wherever it is; the writers put no place there.
COMPANY_AFTER = frozenset({"airlines", "airline", "airways", "air", "bank", "telecom", "telekom", "telecoms",
                           "railways", "railway", "motors", "times", "tribune", "herald", "gazette", "university",
                           # newspapers in the other languages ("Göteborgs-Posten", "Helsingborgs Dagblad",
                           # "Hamburger Abendblatt", "Leipziger Volkszeitung", "Haarlems Dagblad")
                           "posten", "dagblad", "tidning", "tidningar", "allehanda", "zeitung", "rundschau",
                           "anzeiger", "abendblatt", "nachrichten", "volkszeitung", "kurier", "courant"})
COMPANY_OF = frozenset({"bank", "university", "banco", "banca", "banque", "universidad", "universidade",
                        "università", "université"})
COMPANY_OF_WORDS = frozenset({"of", "do", "de", "del", "di", "della", "du"})  # "Banco do Brasil", "Banca d'Italia"
# Before a city's name, the word that makes it a football club ("Real Madrid", "Atlético Madrid", "Inter Milano",
# "Borussia Dortmund", "Olympique Marseille"): the club, not where (its news is sport, its fans anywhere).
CLUB_BEFORE = frozenset({"real", "atlético", "atletico", "inter", "borussia", "olympique", "sporting", "dynamo",
                         "dinamo", "hertha", "werder", "eintracht", "fortuna", "deportivo", "racing", "stade"})
# After a country or city in a run of Japanese or Korean: its language ("日本語", "일본어"), its time ("米国時間",
# "한국 시간"), a district of it named after it in the same run ("大阪市北区" is Osaka's Kita ward).
CJK_NOT_PLACE = re.compile(r"^(?:語|어|時間|시간|時刻|標準時)")


# After a country's name in Korean, the words that make it where people are ("한국 이용자 접속 불가": users in
# Korea) or where it happens ("한국 전역"); any other noun makes the name its adjective ("한국 드라마", "미국 회사").
# (each word with any particle after it: "전역에서", "이용자들이")
KO_WHERE_AFTER = ("이용자", "사용자", "유저", "고객", "플레이어", "게이머", "시청자", "국민", "사람들", "전역", "전체",
                  "전국", "곳곳", "일부", "지역", "서버")
KO_WHERE_WORDS = frozenset({"내", "쪽"})  # only as written: "내일" is tomorrow
HANGUL_WORD = re.compile(f"^[{HANGUL}]+$")


def _korean_adjective(texts: list[str], start: int, nm: Name) -> bool:
    """A country's name written alone before another Korean noun: the country's adjective ("한국 드라마",
    "한국 곡", "미국 회사"), not where something happens; not before a word of people or place."""
    token = texts[start]
    if len(nm.geo or "") != 2 or token != nm.written or not HANGUL_WORD.match(token) or start + 1 >= len(texts):
        return False
    after = texts[start + 1]
    return HANGUL_WORD.match(after) is not None and after not in KO_WHERE_WORDS and not after.startswith(KO_WHERE_AFTER)


def _cjk_not_a_place(token: str, written: str) -> str | None:
    at = token.find(written) if written and not token.isascii() else -1
    if at < 0:
        return None
    if CJK_NOT_PLACE.match(token[at + len(written):]):
        return "a language or a time named after a place (\"日本語\", \"米国時間\"), no place"
    if re.search(r"[都道府県市]$", token[:at]) and re.match(r"^[区]", token[at + len(written):]):
        return "a ward named like a place, inside the city before it (\"大阪市北区\")"
    return None


# A service's instance named by a country's short code ("apps in the US region", "orgs in US cells", "the
# US service region"): a slice of the service, not a place (no labelled set tags one). A region named
# in full is where a provider's data centre is ("ECS instances in the Hong Kong region": geo:HK).
INSTANCE_WORDS = frozenset({"region", "regions", "cell", "cells", "instance", "instances", "stack", "stacks",
                            "shard", "shards", "pod", "pods", "région", "régions", "región", "regiones", "região",
                            "regiões", "regione", "regioni", "regionen", "regio's"})
# Between the short code and the instance word, what a status page says of the instance: "the US South voice
# region", "the US data region", "US multi-region" (a multi-region is no one place even beside its provider).
INSTANCE_QUALIFIERS = frozenset({"north", "south", "east", "west", "central", "data", "voice", "multi", "-", "service",
                                 "hosting", "storage", "media", "api"})
# A time zone named after a place ("horário de Brasília", "heure de Paris", "Tokyo time"): no place.
TIME_ZONE_BEFORE = frozenset({"horário", "horario", "hora", "heure", "ora", "fuso", "zeit", "tijd"})
TIME_ZONE_AFTER = frozenset({"time", "timezone", "zeit", "tijd", "saati"})


CLOCK_RE = re.compile(r"^\d{1,2}[:h]\d{2}$")


def texts_upper(lower: list[str], i: int) -> bool:
    """A two- or three-letter word that may be a short code in a list ("EU", "US", "AU" as lower-cased)."""
    return 2 <= len(lower[i]) <= 3 and lower[i].isalpha()


def _instance_or_time_zone(lower: list[str], start: int, end: int, nm: Name, regional: bool) -> str | None:
    """``regional``: a provider with catalog regions is named ("AWS's Brazil region" is its region)."""
    n = len(lower)
    if len(nm.geo or "") == 2 and nm.written.isupper() and len(nm.written) <= 3:
        k = end
        while k < n and k - end < 3 and lower[k] in INSTANCE_QUALIFIERS:
            k += 1
        if k < n and lower[k] in INSTANCE_WORDS and (not regional or "multi" in lower[end:k]):
            return "a service's instance named by a country's short code (\"the US region\", \"US cells\"), no place"
        i = start - 1
        while i >= 0 and start - i <= 6 and (lower[i] in LIST_JOINERS or (texts_upper(lower, i))):
            i -= 1
        if not regional and i >= 0 and i < start - 1 and lower[i] in INSTANCE_WORDS:
            return "a service's instance named by a country's short code in a list after \"regions\" (\"les " \
                "régions EU, US et AU\"), no place"
    i = start - 1
    if i >= 0 and lower[i] in ("de", "da", "do", "di", "du"):
        i -= 1
    if (i >= 0 and lower[i] in TIME_ZONE_BEFORE) or (end < n and lower[end] in TIME_ZONE_AFTER):
        return "a time zone (\"horário de Brasília\", \"Tokyo time\"), no place"
    if start and CLOCK_RE.match(lower[start - 1]) and (lower[start][:1].isascii() or lower[start].startswith(
            nm.written.lower())):  # not "10:50、大阪リージョンで": a name inside a run of CJK text after its comma
        return "a time zone after a clock time (\"de 22:00 a 23:30 CDMX\"), no place"
    return None


def _not_there(doc, texts, lower, start, end, nm: Name, fine_at: list[int], place_at: set[int],
               regional: bool = False) -> str | None:
    """Why a place named in the text is not where the text is set or the problem is, or None."""
    if _compound_part(doc, texts, start, end, nm, place_at):
        return "a part of a word joined with hyphens (\"West-Europa\", \"Amsterdam-Zuid\")"
    why = _instance_or_time_zone(lower, start, end, nm, regional)
    if why:
        return why
    if _said_fine(texts, lower, start, end, fine_at, place_at):
        return "said to be fine there (\"rest of the UK seems fine\", \"İstanbul'da sorun yok\")"
    if _but_not_there(lower, start):
        return "a place the problem is said not to be in (\"à Bordeaux mais pas à Nantes\", \"but not in Leeds\")"
    why = _measure_or_vantage(lower, start)
    if why:
        return why
    return _workaround(lower, start, end, texts) or _cjk_workaround(texts[start], nm.written, _next_word(texts, end))


# "mais pas à Nantes", "but not in Leeds", "aber nicht in Köln", "pero no en Sevilla", "ma non a Torino": a
# negation, after a contrast word or a comma, then the place (with its preposition): not where the problem is.
NOT_THERE = frozenset({"not", "pas", "nicht", "no", "non", "niet", "nie", "inte", "não", "nao", "ikke", "ei"})


def _but_not_there(lower: list[str], start: int) -> bool:
    i = start - 1
    if i >= 0 and lower[i] in PLACE_PREPOSITIONS and lower[i] not in NOT_THERE:
        i -= 1
    elif i < 0 or lower[i] == "no":  # Portuguese and Spanish "no" is also "in the" ("mas no Rio")
        return False
    if i < 0 or lower[i] not in NOT_THERE:
        return False
    return i == 0 or lower[i - 1] in fine.CONTRASTS or lower[i - 1] in fine.MARKS


# A place used as a measure of size ("an area the size of Belgium", "bigger than Wales", "so groß wie Hessen").
SIZE_BEFORE = (("size", "of"), ("sized",), ("bigger", "than"), ("larger", "than"), ("smaller", "than"),
               ("tamanho", "da"), ("tamanho", "de"), ("tamanho", "do"), ("tamaño", "de"), ("grande", "como"),
               ("groß", "wie"), ("gross", "wie"), ("grand", "comme"), ("grande", "come"), ("taille", "de"),
               ("grootte", "van"), ("groot", "als"), ("wielkości",), ("storlek", "som"), ("büyüklüğünde",))
# Where latency is measured from or to ("latency to NYC matters", "la latenza da Roma", "Latenz nach Wien"):
# where the users are, weighed while choosing a region, not where a problem is.
LATENCY = frozenset({"latency", "latencies", "ping", "latencia", "latência", "latenza", "latenz", "latence",
                     "latentie", "opóźnienie", "opóźnienia", "latens", "gecikme"})
LATENCY_TO = frozenset({"to", "from", "da", "verso", "desde", "hacia", "para", "von", "nach", "aus", "vers", "depuis",
                        "naar", "vanaf", "vanuit", "do", "z", "till", "från"})  # not "for", "de", "a": "latency for ..."


# "from our London office", "desde Buenos Aires": where the writer reaches a cloud region from.
VANTAGE_FROM = frozenset({"from", "desde", "depuis", "von", "vanuit", "från", "z", "ze", "dal", "dalla", "dallo",
                          "do", "da", "dan", "den"})
VANTAGE_LINKS = frozenset({"our", "my", "the", "nuestra", "nuestro", "nuestras", "nuestros", "notre", "nos", "unserem",
                           "unserer", "onze", "ons", "vårt", "vår", "naszego", "naszej", "nostro", "nostra", "nosso",
                           "nossa", "el", "la", "le", "il"})


def _namesake_abroad(lower: list[str], start: int, nm: Name, places, lang: str | None) -> str | None:
    """A city of a country whose languages the text is not in, the only place of that country in a text that
    calls on the people of another ("Porteños, ¿Fibertel anda? En Palermo nada": Buenos Aires' Palermo, not
    Sicily's): the namesake where those people are, not the city abroad (CLDR's official languages, ``babel``)."""
    country = nm.geo[:2]
    if place_kinds().get(nm.written) not in ("city", "town") or not lang:
        return None
    others = {(o.geo or "")[:2] for s, e, o in places if o.demonym and o.geo and s != start
              and not _people_abroad(lower, s, e, o, places)}  # not "los españoles en Londres"
    if not others or country in others:
        return None
    if any(s != start and (o.geo or "")[:2] == country for s, _, o in places):
        return None
    if country in OFFICIAL_IN.get(lang, ()) or lang not in OFFICIAL_IN:
        return None
    return "a city abroad named like a place of the people the text calls on (\"Porteños ... en Palermo\")"


# The countries where each language the tagger reads is official, de jure or de facto: CLDR's territory data
# (babel.languages.get_official_languages over pycountry's countries, kept here so that the tagger reads no
# build-time package; tests/nlp/test_places_by_their_people.py checks it against CLDR where babel is installed).
OFFICIAL_IN: dict[str, frozenset[str]] = {
    "en": frozenset("""
AG AI AS AU BB BI BM BS BW BZ CA CC CK CM CX DM ER FJ FK FM GB GD GG GH GI GM GS GU GY HK IE IM IN IO JE JM
KE KI KN KY LC LR LS MG MH MP MS MT MU MW NA NF NG NR NU NZ PG PH PK PN PR PW RW SB SC SD SG SH SL SS SX SZ
TC TK TO TT TV TZ UG UM US VC VG VI VU WS ZA ZM ZW""".split()),
    "es": frozenset("AR BO CL CO CR CU DO EC ES GQ GT HN MX NI PA PE PR PY SV UY VE".split()),
    "fr": frozenset("""
BE BF BI BJ BL CA CD CF CG CH CI CM DJ DZ FR GA GF GN GP GQ HT KM LU MA MC MF MG ML MQ MU NC NE PF PM RE RW
SC SN TD TG TN VU WF YT""".split()),
    "pt": frozenset("AO BR CV GQ GW MO MZ PT ST TL".split()),
    "de": frozenset("AT BE CH DE LI LU".split()),
    "it": frozenset("CH IT SM VA".split()),
    "nl": frozenset("AW BE BQ CW NL SR SX".split()),
    "ja": frozenset("JP".split()),
    "pl": frozenset("PL".split()),
    "ko": frozenset("KP KR".split()),
    "tr": frozenset("CY TR".split()),
    "sv": frozenset("AX FI SE".split()),
}


def _watched_from(lower: list[str], start: int) -> str | None:
    """A place after "from" beside a cloud region the text names ("packet loss to everything in Dublin (eu-west-1)
    from our London office", "sa-east-1 no responde desde Buenos Aires"): where the writer reaches the region
    from, not where the problem is. Alone it is where ("uploads failing from our shanghai office")."""
    i = start - 1
    if lower[i] in VANTAGE_LINKS and i:
        i -= 1
    if lower[i] in VANTAGE_FROM:
        return "where the writer reaches a named cloud region from (\"... eu-west-1 from our London office\")"
    return None


def _measure_or_vantage(lower: list[str], start: int) -> str | None:
    for words in SIZE_BEFORE:
        k = len(words)
        if start >= k and tuple(lower[start - k:start]) == words:
            return "a place used as a measure of size (\"an area the size of Belgium\"), not where anything is"
    i = start - 1
    if i >= 0 and lower[i] in ("the", "our", "la", "el", "le"):
        i -= 1
    if i >= 1 and lower[i] in LATENCY_TO and lower[i - 1] in LATENCY:
        return "where latency is measured from or to (\"latency to NYC matters\"): the users, not the problem"
    return None


# A provider's offices, jobs and events: a city named with them is where people work or meet, not the
# provider's region there ("AWS apre una nuova sede a Milano", "we're hiring SREs in Dublin, mostly AWS",
# "AWS Summit Milano", "Google Cloud otwiera nowe biuro w Warszawie", "AWSが大阪に新しいオフィスを開設").
WORKPLACE_WORDS = frozenset({
    "office", "offices", "hq", "headquarters", "hiring", "hire", "hires", "vacancy", "vacancies", "postings", "engineers",
    "summit", "meetup", "conference", "oficina", "oficinas", "sede", "escritório", "escritorio", "vagas", "contratando",
    "ingenieros", "engenheiros", "ufficio", "uffici", "assunzioni", "büro", "konferenz", "bureau", "bureaux",
    "recrute", "embauche", "kantoor", "vacatures", "vacature", "biuro", "biura", "rekrutuje", "kontor", "söker",
    "ofis", "konferans", "meetupie", "konferencja"})  # not "jobs": "we shifted the batch jobs to Ireland"
WORKPLACE_CJK = ("オフィス", "拠点", "採用", "求人", "カンファレンス", "社内", "사무실", "채용", "컨퍼런스")


def _workplace(lower: list[str], texts: list[str]) -> bool:
    if not WORKPLACE_WORDS.isdisjoint(lower):
        return True
    joined = "".join(t for t in texts if not t.isascii())
    return bool(joined) and any(w in joined for w in WORKPLACE_CJK)


def _next_word(texts: list[str], end: int) -> str:
    return " " + texts[end] if end < len(texts) else ""


def _cjk_workaround(token: str, written: str, following: str = "") -> str | None:
    """"東京リージョンの障害中は大阪リージョンに切り替えて", "서울 리전 장애 때 도쿄로 페일오버": the place a run of
    Japanese or Korean text says the work was switched or failed over to, or a standby copy kept in."""
    at = token.find(written) if written and not token.isascii() else -1
    if at < 0 or not (CJK_WORKAROUND.match(token[at + len(written):] + following)
                      or CJK_STANDBY.search(token[:at]) and token[at + len(written):].startswith(("に", "へ"))):
        return None
    return "where the work was moved to get round the problem (\"大阪リージョンに切り替えて\", \"도쿄로 페일오버\")"


def _within(placed: list[tuple[int, int, str]], texts: list[str]) -> list[str]:
    """"Germany Central (Frankfurt)", "Paris (France)": of a place and a place in brackets right after
    it (a compass word may come between), one inside the other, the wider one goes."""
    wider = []
    for start, end, region in placed:
        for other_start, other_end, other in placed:
            if other == region or other_start < end or other_start - end > 2:
                continue
            if texts[other_start - 1] != "(" or any(t not in ("(",) and t.lower() not in COMPASS_WORDS
                                                   for t in texts[end:other_start]):
                continue
            inner, outer = (other, region) if other.startswith(region + "-") else \
                (region, other) if region.startswith(other + "-") else (None, None)
            if outer:
                wider.append(outer)
    return wider


COMPASS_WORDS = frozenset({"north", "south", "east", "west", "central", "northeast", "northwest", "southeast",
                           "southwest"})
# A part of a place written with its capital before the place: "across Western Sydney", "Greater Manchester" (the
# place, read through its "in"); not "Central America", a name of its own.
COMPASS_ADJECTIVES = frozenset({"western", "eastern", "northern", "southern", "greater"})
# Prepositions that say what for, not where ("a recipe for chili", "thanks for Cesar's help"): in a
# text about no problem they do not make a word a place.
NOT_WHERE = frozenset({"for", "für"})
LIST_COMMAS = frozenset({",", "and", "&", "/", "、"})


def _product_list(lower: list[str], start: int, end: int, names) -> bool:
    """Is the place one item of a comma list of one-word items, one of them a service or
    provider name and none a place, with no "in ..." before it? Status updates list
    products ("Services impacted include: EC2, DynamoDB, Glue, Athena"), and a product
    called like a city is not the city."""
    if _place_context(lower, start, end) or end - start != 1:
        return False
    kinds = {s: {nm.kind for nm in ns} for s, e, ns in names if e - s == 1}
    items = []
    i = start - 1
    while i > 0 and lower[i] in LIST_COMMAS and lower[i - 1] not in LIST_COMMAS:
        items.append(i - 1)
        i -= 2
    j = end
    while j + 1 < len(lower) and lower[j] in LIST_COMMAS:
        if lower[j + 1] in LIST_COMMAS:  # ", and Chime"
            j += 1
            continue
        items.append(j + 1)
        j += 2
    if len(items) < 2:
        return False
    named = [kinds.get(k, set()) for k in items]
    return (any(k - {"region", "place"} for k in named) and not any(k & {"region", "place"} for k in named)
            and not any(lower[k - 1] in PLACE_PREPOSITIONS for k in items if k > 0))


_BACK_RE = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in lexicon.LOOKING_BACK) + r")(?!\w)")
# "Monday's" is two tokens ("monday", "'s"): a possessive past time matches with or without the space.
_PAST_RE = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p).replace("'s", " ?'s") for p in lexicon.PAST_TIMES)
                      + r")(?!\w)")


_BACK_KEYS = frozenset(p.split()[-1].removesuffix("'s") for p in (*lexicon.LOOKING_BACK, *lexicon.PAST_TIMES))
# Substrings a text must hold for each regex to match (phrasegate): most texts past _BACK_KEYS hold only
# a common one of them ("back", "after", "morning") and neither regex need read them.
_LOOK_BACK_KEYS = phrasegate.keys(lexicon.LOOKING_BACK)
_LOOK_BACK_GATE = phrasegate.Gate(_LOOK_BACK_KEYS)  # ~80 keys: read word by word
_PAST_KEYS = phrasegate.keys(p.replace("'s", " ") for p in lexicon.PAST_TIMES)
_past_seen: tuple[str | None, re.Match | None] = (None, None)


def _past_time(joined: str) -> re.Match | None:
    """:data:`_PAST_RE`'s first match in ``joined`` (the words joined by spaces), or None; remembered for the
    last text read: :func:`_looking_back` and :func:`present_time` read the same text one after the other."""
    global _past_seen
    seen, match = _past_seen  # one tuple: read and written whole
    if seen == joined:
        return match
    match = _PAST_RE.search(joined) if phrasegate.may_hold(joined, _PAST_KEYS) else None
    _past_seen = (joined, match)
    return match


_PAST_WINDOW_RE = re.compile(lexicon.PAST_WINDOW)
_CLOCK_RE = re.compile(r"\d[:.h]\d\d|\d\s*[apAP]\.?[mM]")


def told_after(lower: list[str], raw: str) -> str | None:
    """Why a status page's update tells an incident that is over, or None: its account's heading ("Summary
    of impact:", "Résumé de l'impact :", "影響の概要:", :data:`lexicon.INCIDENT_SUMMARIES`) or, with nothing
    said of now ("still", "currently", "ongoing"), a closed window of clock times (:func:`past_window`)."""
    text = raw.lower()
    summary = next((r for r in lexicon.INCIDENT_SUMMARIES if r in text), None)
    if summary:
        return f"an incident's account ({summary!r})"
    return past_window(lower, raw)


def past_window(lower: list[str], raw: str) -> str | None:
    """A closed window of clock times the problem was told in ("Between 08:40 and 11:15 UTC", "entre 14h05 et
    15h30", "10:00 ile 11:30 arasında", "03:10 から 04:25 の間", :data:`lexicon.PAST_WINDOW`) where nothing says
    it goes on now ("still", "currently", "ongoing"), or None."""
    if not lexicon.STILL_NOW.isdisjoint(lower) or not _CLOCK_RE.search(raw):
        return None
    match = _PAST_WINDOW_RE.search(raw.lower())
    return f"a past window ({match.group()!r})" if match else None


def _left_broken(lower: list[str], found: list[tuple[int, int, str, bool]], sentence) -> str | None:
    """Why a text that reports a recovery still reports a problem now, or None: a clause of contrast after the
    recovery in its sentence (:data:`lexicon.BUT_AFTER_RECOVERY`) that says something is still wrong or gone
    (:data:`lexicon.STILL_WRONG`: "but the kids profile is still missing", "aber die Aufnahmen fehlen noch");
    not a headline's next line ("... is back after an 18-hour outage\nSony ... but still hasn't said why")."""
    if lexicon.BUT_AFTER_RECOVERY.isdisjoint(lower) or lexicon.STILL_WRONG.isdisjoint(lower):
        return None
    back_at = min((st for st, e, sym, _ in found if sym == "recovered" and e > st), default=None)
    if back_at is None:
        return None
    for j in range(back_at + 1, len(lower)):
        if sentence[j] != sentence[back_at]:
            return None
        if lower[j] in lexicon.BUT_AFTER_RECOVERY:
            word = next((w for k, w in enumerate(lower[j + 1:j + 11], j + 1)
                         if w in lexicon.STILL_WRONG and sentence[k] == sentence[j]), None)
            if word:
                return f"a recovery, but something still wrong ({lower[j]!r} ... {word!r})"
            return None
    return None


_PAST_COPULA_WORDS = lexicon.PAST_COPULAS | frozenset(lexicon.PAST_AUXILIARIES)
_REFUSED = ("declined", "refused", "rejected", "recusad", "rechazad", "refusé", "abgelehnt", "rifiutat", "geweigerd",
            "odrzucon", "avvisad", "reddedil")
_EXISTENTIAL = frozenset({"there", "es", "y", "da", "er", "det"})  # "there was a problem", "es gab"
# between a past copula and its problem word: no article ("was a problem"), negation ("was not delivered"), verb
_NOT_IN_A_PAST_GAP = lexicon.NEGATIONS | frozenset({"a", "an", "the", "un", "una", "uno", "une", "um", "uma", "ein",
                                                    "eine", "een", "en", "ett", "throwing", "showing", "giving",
                                                    "saying"})
_PAST_LENGTH_CJK_RE = re.compile("|".join(lexicon.PAST_LENGTH_CJK))


def _told_in_the_past(lower: list[str], found: list[tuple[int, int, str, bool]], problems: set[str]) -> str | None:
    """Why a text tells its problem in the past tense, or None: a past copula at most two words before a
    problem word ("was knocked offline by", "war stundenlang gestört", "a été inaccessible", "was down for 7
    hours", :data:`lexicon.PAST_COPULAS`), and nothing says a problem goes on: no problem said in the present
    ("is down"), none said to go on ("still", "keeps"), no "again", no question."""
    if "?" in lower:
        return None
    copula = not _PAST_COPULA_WORDS.isdisjoint(lower)
    did = not lexicon.OUTAGE_DID.isdisjoint(lower)
    if not (copula or did):
        return None
    told = None
    for start, end, symptom, goes_on in found:
        if symptom not in problems:
            continue
        if goes_on:
            return None
        before = lower[max(0, start - 3):start]
        if any(w in PRESENT_COPULAS and (j + 1 == len(before) or before[j + 1] not in lexicon.PAST_AUXILIARIES)
               for j, w in enumerate(before)):  # "is down", not the "è" of "è stato irraggiungibile"
            return None
        if did and symptom in lexicon.STRONG_SYMPTOMS and end < len(lower) and lower[end] in lexicon.OUTAGE_DID \
                and _LENGTH_RE.search(" ".join(lower[end:])):
            told = told or " ".join(lower[start:end + 1])  # "outage left users unable ... for two hours"
        if not copula or symptom == "payments" or lower[start] in lexicon.NEGATIONS \
                or lower[start].startswith(_REFUSED):  # "my card was declined", "it was not delivered": just now
            continue
        if end - start > 1 and lower[start] in lexicon.PAST_COPULAS and lower[start + 1] not in lexicon.NEGATIONS:
            told = told or " ".join(lower[start:end])  # the symptom's own words: "was down"
            continue
        for k in range(len(before) - 1, -1, -1):
            word = before[k]
            at = start - len(before) + k
            if word in lexicon.PAST_COPULAS or (word in lexicon.PAST_AUXILIARIES and at > 0
                                                  and lower[at - 1] in lexicon.PAST_AUXILIARIES[word]):
                # not "there was a problem" (an error's words), "it was not delivered", 'was throwing "...'
                gap = before[k + 1:]
                if (at == 0 or lower[at - 1] not in _EXISTENTIAL) and all(
                        w.isalpha() and w not in _NOT_IN_A_PAST_GAP for w in gap):
                    told = told or f"{word} {' '.join(lower[at + 1:end])}"
                break
    if told is None:
        return None
    joined = " ".join(lower)
    if phrasegate.may_hold(joined, _AGAIN_KEYS) and _AGAIN_RE.search(joined) \
            or any(again in joined for again in lexicon.AGAIN_PHRASES):
        return None
    return f"a problem told in the past ({told!r}), nothing says it goes on"


def _looking_back(lower: list[str], raw: str, cjk: bool) -> str | None:
    """Why a text about a problem is a look back at a past outage, or None (see lexicon.LOOKING_BACK)."""
    window = past_window(lower, raw)
    if window:  # "Workflows failed between 14:00 and 14:45 UTC"
        return f"{window}, nothing says it goes on"
    if cjk:
        for past in lexicon.PAST_TIMES_CJK:
            if past in raw and not any(now in raw for now in lexicon.NOW_CJK):
                return f"a past outage ({past!r}), nothing says it goes on"
        for cause in lexicon.LOOKING_BACK_CJK:
            if cause in raw and not any(now in raw for now in lexicon.LOOKING_BACK_CJK_NOT):
                return f"a past outage whose cause is told ({cause!r}), nothing says it goes on"
        match = _PAST_LENGTH_CJK_RE.search(raw)
        if match and not any(now in raw for now in lexicon.PAST_LENGTH_CJK_NOT):
            return f"a past outage told with its length ({match.group()!r}), nothing says it goes on"
    if not lexicon.PAST_TELLING.isdisjoint(lower) and lexicon.NOW.isdisjoint(lower) \
            and lexicon.PAST_LENGTH_NOT.isdisjoint(lower):
        match = _LENGTH_RE.search(" ".join(lower))
        if match:  # "took down Spotify, Discord for an hour", "dejó sin servicio ... durante dos horas"
            return f"a past outage told with its length ({match.group()!r}), nothing says it goes on"
        if {"legte", "legten"}.intersection(lower) and "lahm" in lower:  # "Konfigurationsfehler legte ... lahm"
            return "a past outage ('legte ... lahm'), nothing says it goes on"
    if _BACK_KEYS.isdisjoint(lower):
        return None
    joined = " ".join(lower)
    match = _BACK_RE.search(joined) if _LOOK_BACK_GATE.may_hold(joined, lower) else None
    if match and lexicon.STILL_NOW.isdisjoint(lower):  # not "explains what is causing today's outage"
        return f"a look back at a past outage ({match.group()!r})"
    match = _past_time(joined)
    if match:
        before = joined[:match.start()].split()[-2:]
        if before and before[-1] in lexicon.COMPARED:
            return None  # "429s all morning with the same config as last week": a comparison, not the time
        # The possessive of the past time is no "is" ("Monday's meltdown").
        now = [w for k, w in enumerate(lower) if w != "'s" or k == 0 or lower[k - 1] not in _BACK_KEYS]
        if not (lexicon.SINCE.intersection(before) or lexicon.NOW.intersection(now)):
            return f"a past outage ({match.group()!r}), nothing says it goes on"
    return None


_LENGTH_RE = re.compile(r"(?<!\w)(?:" + "|".join(lexicon.PAST_LENGTH) + r")(?!\w)")


_STATE_RE = re.compile(r"(?:^|[-–—|] )(" + "|".join(re.escape(p) for p in lexicon.COMPONENT_STATES) + r")(?= [-–—:|.;,]|$)")
# A state's first word: the regex reads a state only as whole tokens (after the start or "- ", before " -" or
# the end), so a text without any of these words as a token has no state to find, and is not joined and read.
_STATE_FIRSTS = frozenset(p.split()[0] for p in lexicon.COMPONENT_STATES)


def _component_state(lower: list[str]) -> str | None:
    """A component state written as a status page writes it, as a title or a title's part
    ("Degraded performance: ...", "npm registry - Partial outage: ..."), not inside a sentence
    ("we saw degraded performance yesterday"), which the other rules weigh."""
    if _STATE_FIRSTS.isdisjoint(lower):
        return None
    match = _STATE_RE.search(" ".join(lower))
    return match.group(1) if match else None


def _form_note(nm: Name) -> str:
    return f" (an inflected form of {nm.form_of})" if nm.form_of else ""


def _beside_a_place(lower: list[str], start: int, end: int, place_at: set[int]) -> bool:
    """"wien und graz betroffen", "zürich und basel": two places joined by "and" say each other is one."""
    return (start > 1 and lower[start - 1] in LIST_JOINERS and start - 2 in place_at) or \
        (end + 1 < len(lower) and lower[end] in LIST_JOINERS and end + 1 in place_at)


# The languages people of a market write in: a smaller city (100,000 to 300,000 people) is named by its
# own people, or in English; the same name in another language is something else (Ajax, the Dutch club,
# not the Ontario town; "nach Corona", the virus, not the Californian city).
TOWN_LANGUAGES = {"US": ("es",), "CA": ("fr",), "MX": ("es",), "BR": ("pt",), "AR": ("es",), "CL": ("es",),
                  "CO": ("es",), "PE": ("es",), "FR": ("fr",), "DE": ("de",), "ES": ("es", "ca"), "PT": ("pt",),
                  "IT": ("it",), "NL": ("nl",), "BE": ("nl", "fr", "de"), "CH": ("de", "fr", "it"), "AT": ("de",),
                  "SE": ("sv",), "NO": ("no", "nb", "nn"), "DK": ("da",), "FI": ("fi", "sv"), "PL": ("pl",),
                  "TR": ("tr",), "JP": ("ja",), "KR": ("ko",), "IN": ("hi",), "ZA": ("af",)}


def _town_rule(doc, texts: list[str], start: int, end: int, nm: Name, cased: bool) -> str | None:
    """Why a smaller city of the built gazetteer is not a place here, or None."""
    if not nm.gazetteer_only or place_kinds().get(nm.written) != "town":
        return None  # a hand-kept name ("Strasbourg", a data centre's town) is a place as the hand-kept table says
    if not cased:
        return "a smaller city in lower case (\"pôr do sol\")"
    if end < len(texts) and texts[end][:1].isupper():
        return "a smaller city's name before another name (a person's: \"Marília Mendonça\")"
    lang = doc.user_data.get(LANG)
    if start > 1 and lang != "de" and texts[start - 1][:1].isupper() and texts[start - 1].isalpha() and \
            texts[start - 2] not in SENTENCE_END:  # German capitalises nouns: "Rechenzentrum Karlsruhe"
        return "a smaller city's name after another name (a surname: \"Cal Henderson\", \"Steven Tyler\")"
    if lang != "en" and lang not in TOWN_LANGUAGES.get((nm.geo or "")[:2], ()):
        return "a smaller city named in a language not its country's (\"Ajax\" in Dutch is the club)"
    return None


# What may follow a Korean district inside its word: a particle or a word of place ("판교에서", "강남역인데",
# "잠실쪽"); anything else makes it part of another word ("강남스타일" is a song).
KO_DISTRICT_AFTER = ("에서", "에선", "에", "은", "는", "이", "가", "을", "를", "의", "도", "만", "쪽", "역", "인데", "까지",
                     "부터", "으로", "로", "랑", "이랑", "하고", "근처", "일대", "지역", "전역", "동", "구", "점", "센터",
                     "데이터센터", "사옥", "캠퍼스", "테크노밸리", "밸리", "오피스", "사무실", "집", "쪽은", "인근", "주변")


# Korean districts that are words too ("분당": per minute, "일산": a kind of oxide), read only before a particle or a
# word of place ("분당에서", "일산 쪽").
KO_DISTRICTS_WITH_A_PARTICLE = frozenset({"분당", "일산"})
# A district named before a match's result is its football club (Beşiktaş, Göztepe, Karşıyaka, Bornova...).
SPORT_RESULT_WORDS = frozenset("""kaybetti kazandı yendi yenildi berabere maç maçı maçta maçı gol golü attı şampiyon
derbi derbiyi taraftar taraftarı taraftarları lost won beat perdió ganó perse vinto verloren gewonnen przegrał
wygrał förlorade vann""".split())


def _district_rule(doc, texts: list[str], start: int, end: int, nm: Name, cased: bool) -> str | None:
    """Why a big city's district, neighbourhood or landmark (``geo.DISTRICTS``: "Kadıköy", "판교", "渋谷", "Möllan")
    is not a place here, or None: it is read in a language of its city's country, and in English with its capital
    ("Kreuzberg" is a word of no other language we read; "Wola" is Polish "will", "Bebek" Turkish "baby"); a
    Korean one only as a word of its own or before a particle ("강남스타일" is the song)."""
    if nm.ids or (nm.written not in district_names() and nm.written not in province_short_names()):
        return None
    token = texts[start]
    at = token.find(nm.written) if (nm.geo or "")[:2] == "KR" else -1
    if at >= 0:
        rest = token[at + len(nm.written):]
        if rest and not rest.startswith(KO_DISTRICT_AFTER):
            return "a Korean district's name inside a longer word (\"강남스타일\")"
        if not rest and nm.written in KO_DISTRICTS_WITH_A_PARTICLE and not (
                start + 1 < len(texts) and texts[start + 1].startswith(("쪽", "지역", "일대", "주민"))):
            return "a Korean district's name that is also a word, without a particle (\"분당 10회\": per minute)"
    if nm.written not in district_names():
        return None
    if any(t.lower() in SPORT_RESULT_WORDS for t in texts[end:end + 3]):
        return "a district's football club (\"Beşiktaş yine kaybetti\")"
    lang = doc.user_data.get(LANG)
    if lang == "en" and cased and not nm.written.isascii() or lang == "en" and cased and (nm.geo or "")[:2] not in ("JP", "KR"):
        return None
    if lang in TOWN_LANGUAGES.get((nm.geo or "")[:2], ()):
        return None
    return "a city's district named in a language not its country's (\"Wola\" is Polish \"will\" first)"


# Said as a place outright: right after one of these, with at most an article between ("in Java", "in der
# Mitte", "à la Réunion"). Not "de", "a", "na", "di", "sur": articles or "on" in the other languages we read.
SAID_IN = frozenset({"in", "across", "from", "near", "around", "throughout", "en", "im", "aus", "à", "w", "i", "em",
                     "dans", "nel", "nella", "nei", "negli", "bij", "uit", "från", "på", "we", "z", "desde",
                     "depuis", "vanuit", "au", "aux", "nos", "nas"})
SAID_IN_ARTICLES = frozenset({"la", "le", "les", "el", "los", "las", "der", "die", "das", "den", "dem", "het", "o", "os",
                              "as", "il", "lo"})


def _foreign_minor(texts: list[str], lower: list[str], start: int, end: int, nm: Name, cased: bool) -> str | None:
    """A subdivision or a city of a country outside the markets we read, found only in the built gazetteer,
    is a word of the text's own language or a brand far more often than the place: "de adem" (Dutch breath,
    Aden), "na sali" (Polish, Salé), "Java and Bedrock" (Minecraft, Jawa), "sur le Store" (Štore), "a Meta
    outage" (Meta, Colombia), "Hela Majorna" (Swedish "all of", Hela), "US East region" (Cameroon's East).
    In lower case it is never the place; with its capital only where said as one: right after "in"-words
    (with at most an article), as a dateline, or listed with other places."""
    if not nm.gazetteer_only or (nm.geo or "")[:2] in MARKETS:
        return None
    kind = place_kinds().get(nm.written)
    if kind not in ("subdivision", "city", "town"):
        return None
    i = start - 1
    if i >= 0 and lower[i] in SAID_IN_ARTICLES:
        i -= 1
    said_in = i >= 0 and lower[i] in SAID_IN
    if not cased and not said_in:
        return "a minor place outside the markets, in lower case and not after \"in\": a word of the text's " \
            "language (\"de adem\", \"na sali\")"
    if kind != "subdivision" or not cased:
        return None  # a big city abroad said with its capital is a place ("Safaricom outage hits Nairobi")
    if said_in or _dateline(texts, start, end) or _listed_place(texts, lower, start):
        return None
    return "a minor subdivision outside the markets, not said as a place (\"Java and Bedrock\", \"sur le Store\", " \
        "\"a Meta outage\")"


def _initials_rule(texts: list[str], start: int, nm: Name, lang: str | None) -> str | None:
    """A big city's initials in capitals ("em BH", "in SF", "in KL", "LA"): the city in English or a language of its
    country (CLDR's official languages, ``OFFICIAL_IN``, or ``geo.NICKNAME_LANGUAGES``), said as a place (the
    resolver asks for "in ..." as of any name that is also something else); where a state code of its country is
    written the same ("LA"), the city, unless it follows a place and a comma ("Baton Rouge, LA": the state)."""
    after_a_place = start >= 2 and texts[start - 1] == "," and texts[start - 2][:1].isupper()
    if not nm.initials:  # the state code written like a big city's initials
        if not after_a_place and (nm.geo or "")[:2] == city_initials()[nm.written][:2]:
            return "a state code written like a big city's initials, not after a place and a comma: the city " \
                "(\"in LA\" is Los Angeles; \"Baton Rouge, LA\" the state)"
        return None
    country = (nm.geo or "")[:2]
    if after_a_place and f"{country}-{nm.written}" in iso_codes():
        return "a state's code after a place and a comma (\"Baton Rouge, LA\"), not the city's initials"
    if lang != "en" and lang not in NICKNAME_LANGUAGES.get(country, ()) and country not in OFFICIAL_IN.get(lang or "", ()):
        return "a city's initials in a language not its country's nor English (\"BA\", \"SF\" are other things there)"
    return None


def _says_a_country(o: Name) -> bool:
    """A place's name that tells which of the cities named alike is meant: a country, a state or province, or people
    ("Argentina", "New South Wales", "Massachusetts", "porteños", "Geordies"); not another city (London's "Waterloo"
    is a Canadian town too), a code in capitals ("IT says") or a name that is also a word."""
    if o.everyday_place or o.ambiguous_place or o.minor_place or o.written.isupper() and o.written not in SHORT_COUNTRIES:
        return False
    return o.demonym or len(o.geo or "") == 2 or place_kinds().get(o.written) == "subdivision"


SHORT_COUNTRIES = frozenset({"UK", "US", "USA", "UAE"})


def _namesake_choice(texts: list[str], start: int, nm: Name, places) -> Name | None:
    """Which of the cities named alike a city name is (``geo.namesakes``: "Córdoba" ES-CO, AR-X, MX-VER;
    "Newcastle" ZA-KZN, AU-NSW; "Cambridge" GB-CAM, CA-ON, US-MA): the one in a place the text names beside it, or
    that place's people ("Movistar Argentina ... en Córdoba capital" AR-X, "Newcastle, New South Wales", "Geordies";
    its subdivision first, then its country: ``_says_a_country``); else, where the gazetteer's own is in the markets we read, the most
    populous of those in the markets ("Córdoba" AR-X, 2.1 million against 330,000; "Valencia" stays Spain's: Venezuela's
    is no market), else the gazetteer's own ("Athens" GR-I, not Georgia's). None where the text names places of the
    markets in none of their countries ("Geordies — ... Newcastle city centre": Newcastle upon Tyne, which the
    gazetteer knows by its long name only)."""
    alternatives = namesakes()[nm.written]
    codes = [code for code, _ in alternatives]
    others = [o.geo for s, e, o in places if s != start and o.geo and o.kind == "place" and _says_a_country(o)
              and (texts[s][:1].isupper() or e - s > 1 or len(texts[s]) > 3)]  # not "us", the pronoun
    for wider in (lambda code, other: code == other or inside(code, other),
                  lambda code, other: code[:2] == other[:2]):
        chosen = {code for code in codes for other in others if wider(code, other)}
        if len(chosen) == 1:
            return _with(nm, geo=chosen.pop())
        if chosen:
            return nm if nm.geo in chosen else _with(nm, geo=min(chosen, key=codes.index))
    if any(other[:2] in MARKETS for other in others):
        return None  # "Geordies — ... Newcastle city centre": the text's places are in a country none of them is in
    if nm.geo[:2] not in MARKETS:
        return nm
    biggest = max((a for a in alternatives if a[0][:2] in MARKETS), key=lambda a: a[1])
    return nm if biggest[0] == nm.geo else _with(nm, geo=biggest[0])


# A whole place said in lower case: "monterrey entero caído", "no rio inteiro", "milano intera", "lyon entier",
# "münchen komplett", before it "all over", "whole", "ganz", "hela", "cały", "tüm".
WHOLE_AFTER = frozenset({"entero", "entera", "enteros", "completo", "completa", "inteiro", "inteira", "intero", "intera",
                         "entier", "entière", "komplett"})
WHOLE_BEFORE = frozenset({"whole", "entire", "ganz", "ganzen", "hela", "heel", "hele", "cały", "cała", "całe", "całym", "całej",
                          "tüm", "bütün", "tutta", "tutto", "toda", "todo", "tout", "toute"})


def _brand_edges(names, services: dict, providers: dict, operator_at: list[int]) -> tuple[set[int], set[int], set[int]]:
    """(where a tagged service, provider or network operator begins, where one ends, the edges of the operators'),
    as token indices."""
    starts, ends = set(), set()
    for s, e, ns in names:
        if any(nm.kind != "place" and nm.kind != "region" and nm.ids and (nm.ids[0] in services or nm.ids[0] in providers)
               for nm in ns):
            starts.add(s)
            ends.add(e)
    starts.update(operator_at)  # (an operator of two words is found at its second: "türk telekom")
    ends.update(i + 1 for i in operator_at)
    return starts, ends, {i for at in operator_at for i in (at - 1, at + 1)}


# After a short city name in lower case, the words of its country's language that say "in": "no rio", "em rio".
SHORT_CITY_IN = frozenset({"no", "em", "pro"})


def _short_city_in(lower: list[str], start: int, nm: Name, lang: str | None) -> bool:
    """"aqui no rio", "sem sinal no rio inteiro": a big city's short name that is also a word ("rio", a river), in lower
    case right after "in" in a language of its country."""
    return bool(start) and nm.ambiguous_place and lower[start - 1] in SHORT_CITY_IN and \
        lang in TOWN_LANGUAGES.get((nm.geo or "")[:2], ())


# A part of a city after its name in lower case: "amsterdam oost geen internet", "madrid centro sin luz".
OPENING_PART_WORDS = frozenset({"north", "south", "east", "west", "central", "downtown", "noord", "oost", "zuid", "nord",
                                "ost", "süd", "sud", "norte", "sul", "sur", "oeste", "leste", "este", "centro",
                                "centrum", "zentrum", "centre", "center"})


# "sydney here", "Dallas here, att fiber down", "aqui" ...: a place the writer says they are in, right after it.
HERE_AFTER = frozenset({"here", "aqui", "aquí", "acá", "ici", "hier", "qui", "tutaj", "här", "burada"})


def _said_in_lower(lower: list[str], start: int, end: int, nm: Name, brands: tuple[set[int], set[int], set[int]],
                   lang: str | None) -> bool:
    """A big city's name in lower case said as the place where a service fails: right before or after a tagged
    service or a network operator ("izmir superonline fiber yok", "vodafone madrid sin fibra"; a city also a
    word or a name only beside an operator: "mtn lagos network jammed"), or said whole ("monterrey entero caído",
    "all over nairobi", "ganz münchen"). Not an everyday word, a smaller town or subdivision, a country ("netflix
    polski serial"), nor a short form ("rio" is a river); in English or a language of the city's country (in lower
    case a city of another is a word of the text's language: "spotify salta le canzoni", Italian "skips")."""
    if nm.everyday_place or nm.minor_place or len(nm.written) < 4 or nm.demonym or nm.site_of \
            or len(nm.geo or "") < 3 or place_kinds().get(nm.written) not in (None, "city"):
        return False
    if lang != "en" and lang not in TOWN_LANGUAGES.get(nm.geo[:2], ()):
        return False
    if end < len(lower) and lower[end] in HERE_AFTER and (end + 1 == len(lower) or not lower[end + 1].isalpha()):
        return True  # "optus is down, sydney here", "Dallas here, att fiber down"
    starts, ends, operators_beside = brands
    if nm.ambiguous_place:
        return end - start == 1 and (start in operators_beside)
    if start == 0 and end < len(lower) and (lower[end] in OPERATOR_NONE or lower[end] in OPENING_PART_WORDS):
        return True  # opening the post, without something: "kraków bez internetu", "amsterdam oost geen internet"
    if end in starts or start in ends:
        return True
    if end < len(lower) and lower[end] in WHOLE_AFTER:
        return True
    return start > 0 and (lower[start - 1] in WHOLE_BEFORE or lower[start - 1] == "over" and start > 1
                          and lower[start - 2] == "all" or start > 1 and lower[start - 1] in SAID_IN_ARTICLES
                          and lower[start - 2] in WHOLE_BEFORE)  # "toute la croix-rousse", "tutta la brianza"


def _named_outright(doc, texts: list[str], lower: list[str], start: int, end: int, nm: Name) -> bool:
    """A country or a big city of the markets we read, written with its capital and no person's name or
    everyday word: the text is set there whatever it is about ("Palermo senza corrente", "Poznań zimą
    jest piękny", "Files rond Rotterdam"). Not in German, where every noun has a capital ("Essen leider
    kalt"), nor in English (see ``NOT_OUTRIGHT``); not after an article (a club: "del Napoli") or a word
    of where to ("file tot Utrecht"), nor with a Turkish ending of where to ("İrlanda'ya yönlendirdik"),
    nor before another capitalised word (a longer name: "Manchester United", "Toyota Shows")."""
    if not texts[start][:1].isupper() or nm.ambiguous_place or doc.user_data.get(LANG) in NOT_OUTRIGHT:
        return False
    if start and lower[start - 1] in (ARTICLES | WHERE_TO):
        return False
    if end < len(lower) and (lower[end] in TR_DATIVE or texts[end][:1].isupper()):
        return False
    return place_kinds().get(nm.written) in ("city", "country") and (nm.geo or "")[:2] in MARKETS


# German capitalises every noun; English news names teams, firms and streets after cities ("Manchester
# United", "Toyota", "Lexington St") and says "in ..." where a place is meant.
NOT_OUTRIGHT = frozenset({"de", "en"})
ARTICLES = frozenset({"il", "del", "al", "dal", "el", "la", "le", "lo", "o", "a", "do", "da", "der", "die", "das",
                      "het", "the"})
WHERE_TO = frozenset({"tot", "till", "naar", "bis", "hasta", "até", "fino", "to", "towards", "para"})
TR_DATIVE = frozenset(q + end for q in "'’" for end in ("a", "e", "ya", "ye", "na", "ne"))


def _listed_place(texts: list[str], lower: list[str], start: int) -> bool:
    """"in Russia and India", "Madrid y Barcelona": a place after a list joiner after a capitalised word."""
    return start > 1 and lower[start - 1] in LIST_JOINERS and texts[start - 2][:1].isupper()


# Between "in" and a place other languages put articles and "all of": "in tutta la lombardia", "dans le
# Nord", "in ganz Bayern", "i hela sverige", "em todo o Brasil". Not English "the": "in the Virginia" is a
# ship or a bar before it is the state.
PLACE_FILLERS = frozenset({"la", "le", "les", "el", "los", "las", "der", "die", "das", "den", "dem", "het",
                           "de", "o", "a", "os", "as", "il", "lo", "tutta", "tutto", "tutte", "ganz", "ganzen",
                           "heel", "hela", "toda", "todo", "tout", "toute", "całej", "cały",
                           "województwie", "województwa", "woj", "woj."})  # "w województwie mazowieckim"


# A part of a place between "in" and its name ("across north Austin", "in southern Bavaria", "no interior de"), and
# the words before "of" that make it "in" ("half of Austin", "all of Lisbon").
PART_WORDS = frozenset({"north", "south", "east", "west", "central", "northern", "southern", "eastern", "western",
                        "downtown", "greater", "nord", "süd", "ost", "sud", "norte", "sul", "oeste", "leste", "este",
                        "interior", "centro"})
PART_OF = frozenset({"half", "whole", "all", "most", "parts", "much", "rest"})


DATELINE_MARKS = frozenset({":", "-", "–", "—", ","})


SIGN_OFF_END = frozenset({".", "!", "?", "…"})


def _dateline(texts: list[str], start: int, end: int) -> bool:
    """"Poznań: od rana problemy...", "napoli: whatsapp bloccato", "Valencia — ...": a place that
    opens the text, set off by a colon, a dash or a comma, says where the text is set (a news
    dateline, a post's heading); so does one that closes it after a comma or a dash ("..., istanbul")."""
    if start == 0:
        return end < len(texts) and texts[end] in DATELINE_MARKS
    # "akış yenilenmiyor, istanbul": a place that ends the post after a comma or a dash signs it off
    if texts[start - 1] in DATELINE_MARKS and all(t in SIGN_OFF_END or not t.isalnum() for t in texts[end:]):
        return True
    # "... 'finding a rider' for 50 minutes. Glasgow southside", "... als 'in Zubereitung'. Leipzig", "Dallas. is
    # it BoA or me", "... no existe. Madrid centro, una hora esperando": a place said as a sentence of its own,
    # or opening one set off by a comma, is where the writer is (one word of where in it after the name)
    if texts[start - 1] not in SIGN_OFF_END:
        return False
    rest = end + 1 if end < len(texts) and texts[end].islower() and texts[end].isalpha() else end
    return rest >= len(texts) or texts[rest] in SIGN_OFF_END or texts[rest] in DATELINE_MARKS


# A provider's own region code ("us-south", "eu-de", "jp-tok"): a place in brackets after it is where it is.
REGION_LIKE_RE = re.compile(r"^[a-z]{2,}(?:-[a-z0-9]+)+$")


def _place_context(lower: list[str], start: int, end: int, texts: list[str] | None = None) -> bool:
    """``texts``: as written, so that a part of a place in lower case ("north Austin") is skipped, not a name
    ("North America")."""
    if end < len(lower) and (lower[end] in REGION_WORDS or lower[end] in PLACE_CASES):
        return True
    if start >= 2 and lower[start - 1] == "(" and end < len(lower) and lower[end] == ")" and \
            (REGION_LIKE_RE.match(lower[start - 2]) or lower[start - 2] in COMPASS_WORDS):
        return True  # "us-south (Dallas)", "Germany Central (Frankfurt)"
    i = start - 1
    while i >= 0 and start - i <= 4:
        if lower[i] in PLACE_PREPOSITIONS or (lower[i] == "of" and i and lower[i - 1] in PART_OF):
            return True  # "in Austin", "across half of Austin"
        if lower[i] not in PLACE_FILLERS and not (texts and lower[i] in PART_WORDS and (
                texts[i].islower() or lower[i] in COMPASS_ADJECTIVES and i == start - 1)):
            return False
        i -= 1
    return False


def _title_status(lower: list[str]) -> str | None:
    """The stage a status page writes as the title's first or last word, or None."""
    if lower and lower[0] in STAGE_WORDS and lower[0] != "update" and (len(lower) == 1 or lower[1] in TITLE_MARKS):
        return TITLE_STAGES.get(lower[0], lower[0])  # "Resolved - ...", "Mitigated"
    if len(lower) > 2 and lower[0] in ("[", "(", "【") and lower[1] in STAGE_WORDS \
            and any(w in ("]", ")", "】") for w in lower[2:4]):
        return TITLE_STAGES.get(lower[1], lower[1])  # "[RESOLVED] Increased API Error Rates", "[복구 완료]"
    if len(lower) > 2 and lower[1] in STAGE_WORDS and lower[1] != "update" and lower[2] in (":", "-", "–", "—", "|"):
        return TITLE_STAGES.get(lower[1], lower[1])  # "Storing opgelost: ...", "Incident résolu : ..."
    if len(lower) > 2 and lower[-1] in STAGE_WORDS and lower[-2] in ("-", "–", "—", "|", ":"):
        return TITLE_STAGES.get(lower[-1], lower[-1])  # "Storage - North Europe - Investigating"
    return None


def _status(lower: list[str], stage_spans, ja, partial: bool = False) -> str | None:
    titled = _title_status(lower)
    if titled:
        return titled
    stages = set()
    for start, _, stage in stage_spans:
        if stage == "resolved" and (_negated(lower, start, True) or _partial(lower, start)):
            continue
        if stage == "resolved" and _negated(lower, start, False):
            continue
        stages.add(stage)
    for symptom in ja:
        if symptom.startswith("st:"):
            stages.add(symptom[3:])
    if partial:
        stages.add("monitoring")
    if not stages:
        return None
    incident = [s for s in lexicon.STATUS_ORDER if s in stages and s != "informational"]
    return incident[-1] if incident else "informational"
