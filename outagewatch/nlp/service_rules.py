"""Which services and providers a text names: the rules :func:`outagewatch.nlp.resolve.resolve` asks of
every name the matcher found, and of names the matcher cannot find alone.

A name in the catalog is not yet a service. These rules weigh each match (``_accept``, ``_weigh``): an
everyday word needs evidence and never keeps its everyday sense ("slack off", "Amazon rainforest"); a name of
ordinary words needs its capitals ("Cloud Run"); a word of the text's own language is no English brand. They
also find names the matcher misses (a typo one edit away, a name inside a hyphenated compound, a product's
short name beside its brand, a product two providers name, a data-centre product found by a search), and drop
names the text does not report a problem with: a service said to work beside one that fails, the medium one
reads an outage on, the writer's own streaming device, a name corrected to another, a cloud product only
suspected in a question, a provider named only as a contrast or a suspect.

Kept apart from the rules of time (``relevance_rules``) and of places (``place_rules``) so each file holds one
question; ``place_rules`` reads two of its word lists (``SENTENCE_END``, ``LIST_JOINERS``). Moved out of
``resolve.py`` unchanged; ``resolve`` imports each name so its calls cost what they did.
"""

from __future__ import annotations

import functools
import re
from typing import AbstractSet, cast

from outagewatch.nlp import fastre, fine, inflected, lexicon, typos
from outagewatch.nlp import lang as langs
from outagewatch.nlp.source import SourceContext
from outagewatch.nlp.vocabulary import CJK_SHORT, Name, Vocabulary, script_key
from outagewatch.textrules import CJK_TEXT_RE
from outagewatch.nlp.relevance_rules import STAGE_WORDS, _negated

SENTENCE_END = frozenset({".", "!", "?", "…", "。", "！", "？", "\n"})
PROBLEM_WINDOW = 6
# A verb of saying after a name, before the message it gives in quotes ("alexa keeps saying '...'").
SAYING = frozenset({"says", "saying", "said", "keeps", "dice", "dit", "sagt", "zegt", "säger", "diz", "mówi", "diyor"})
QUOTE_WINDOW = 14  # words from the name to a problem inside the quoted message
BRAND_ENTITIES = frozenset({"ORG", "PRODUCT"})
OTHER_ENTITIES = frozenset({"GPE", "LOC", "PERSON", "NORP", "FAC", "EVENT", "WORK_OF_ART"})
NAME_LINKS = frozenset({"with", "into", "on", "to", "in", "from", "via", "through", "con", "en", "mit", "auf", "bei",
                        "avec", "sur", "com", "no", "na"})
LIST_JOINERS = frozenset({",", "and", "&", "+", "/", "or", "y", "und", "et", "e", "ou", "oder", "o", "と", "、"})


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
    context_providers = set(providers)
    clear_mentions = strong_mentions
    for _, _, ns in names:  # (one walk of the names for both)
        for nm in ns:
            if nm.kind == "provider" and not nm.ambiguous:
                context_providers.add(nm.ids[0])
            if nm.kind in ("service", "provider") and not nm.ambiguous and not nm.needs_case:
                clear_mentions = True
    verdicts: list = []
    rules: list[str] = []
    firsts: list = []
    for start, end, nm in doubtful:
        ok, rule = _accept(texts, lower, start, end, nm, vocab, ctx, context_providers, symptom_at, sentence,
                           clear_mentions, hashtag_down, ja_talk, kinds_at.get((start, end)), foreign, kana_or_hangul)
        verdicts.append((start, end, nm, ok))
        rules.append(rule)
        firsts.append(ok)  # each name's own verdict, before a list shares one
    if _one_is_false(firsts):
        plain = [(s, e, nm, True) for s, e, ns in names for nm in ns if nm.kind in ("service", "provider")
                 and not (nm.ambiguous or nm.needs_case)]
        both = verdicts + plain
        _share_lists(both, lower)
        verdicts = both[:len(verdicts)]
    for (start, end, nm, ok), rule, first in zip(verdicts, rules, firsts):
        if trace is not None:  # (the rule's words are read only by --explain)
            if ok and first is False:
                rule = "listed with a name that has evidence"
            elif not ok and (nm.written.lower() in ctx.words or nm.ids[0] in ctx.named):
                rule += "; the search query alone is no evidence for an everyday word in lower case"
            trace.append({"what": "name", "text": _shown(texts, start, end, nm), "entry": nm.ids[0],
                          "tagged": bool(ok), "rule": rule + _form_note(nm)})
        if ok:
            _add_entry(nm.ids[0], vocab, services, providers)
    for _, _, nm, ok in verdicts:  # "Amazon" beside Amazon Kinesis is AWS, not the shop
        family = vocab.brand_family.get(nm.ids[0])
        if ok and nm.ambiguous and family and nm.ids[0] not in ctx.services and \
                _one_tagged(family, services, providers):
            services.pop(nm.ids[0], None)
            providers.pop(nm.ids[0], None)


def _one_is_false(verdicts: list) -> bool:
    """One of ``verdicts`` is False (not None). (Loops, not generator expressions, in what the rules ask of most
    texts: a generator costs a function, a frame and a cell for each name it reads.)"""
    for ok in verdicts:
        if ok is False:
            return True
    return False


def _one_tagged(entries, services: dict, providers: dict) -> bool:
    """One of ``entries`` is a tagged service or provider."""
    for e in entries:
        if e in services or e in providers:
            return True
    return False


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
    value: str | bool | None

    def __init__(self, lower: list[str], lang: str | None) -> None:
        self.lower, self.lang, self.value = lower, lang, False

    def __call__(self) -> str | None:
        if self.value is False:
            self.value = _foreign(self.lower, self.lang)
        return cast("str | None", self.value)


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
                names, lang: str | None, say, explaining: bool = False, searched: frozenset = frozenset()) -> list:
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
        if len(word) >= shortest and word.isalpha() and word.isascii() and word not in lexicon.OWN_BRANDS:
            near = seen.get(word)
            if near is None:
                near = () if word in vocab.phrases else tuple(typos.nearest(word, vocab.typo_index))
                if len(seen) < 200_000:
                    seen[word] = near
            if near:
                nears[word] = near
                continue
        if (word.isalpha() or len(word) < shortest) and len(none) < TYPO_NONE_SIZE:
            # a word, or a mark, a short number or an emoji (too short to be a typo: a few thousand of them); not a
            # longer number, link or handle, most of them seen once
            none.add(word)
    if not nears:
        return []
    return _typos_taken(lower, vocab, services, providers, symptom_at, names, lang, say, explaining, searched, nears)


def _typos_taken(lower, vocab: Vocabulary, services: dict, providers: dict, symptom_at: list[int], names,
                 lang: str | None, say, explaining: bool, searched: frozenset, nears: dict[str, tuple[str, ...]]
                 ) -> list:
    """:func:`_typo_names` where a word of the text is one edit off a name (``nears``: those words, each with the
    names it is one edit off): which of them are taken."""
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
    # (a suspended compound's first part ends with a hyphen or is followed by one: a word ending with "-", found
    # in one C-level pass over the words joined; most texts with a hyphen have none, and the loop is not run)
    joined = " ".join(lower)
    suspended = "- " in joined or joined.endswith("-")
    for i in range(n - 1) if suspended else ():
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
                 spans, texts: list[str] | None = None, raw: str | None = None) -> None:
    """"azure west europe vms failing": a product's name without its brand, beside the brand; a
    product's one plain word only with its capital ("... SGP1 Spaces is returning 403s"). ``spans``:
    (start, end, ...) of the names and symptoms matched, whose words are no product's. A Turkish case ending
    after an apostrophe is no part of the product's name ("Azure ... VM'ler erişilemez", "eu-central-1 S3'te")."""
    joined = " ".join(lower)  # (one C-level pass: most texts have no apostrophe and no hyphen)
    if "-" in joined or "'" in joined or "’" in joined:
        stems = []
        for i, w in enumerate(lower):
            if "-" in w or "'" in w or "’" in w:
                stem = _apostrophe_stem(w)
                if stem != w:
                    stems.append((i, stem))
        if stems:
            lower = list(lower)
            for i, stem in stems:
                lower[i] = stem
    if vocab.short_words.isdisjoint(lower) and not (texts and _cjk_short_in(texts, raw)):
        return  # no product's word of any brand in the text: most texts (one set test, before the brands are read)
    _brands_short_names(lower, vocab, services, providers, ctx, spans, texts)


def _brands_short_names(lower: list[str], vocab: Vocabulary, services: dict, providers: dict, ctx: SourceContext,
                        spans, texts: list[str] | None) -> None:
    """:func:`_short_names` where the text holds a product's word of some brand (``lower``: its words, stems for
    the words with a Turkish ending after an apostrophe)."""
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
            own = vocab.provider_of.get(cast(str, entry))
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
                         "agents", "guardrails", "knowledge", "embeddings", "converse", "sagemaker"})
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
_CJK_SHORT_RE = re.compile("|".join(re.escape(w) for ws in CJK_SHORT.values() for w in ws))
# The letters one of which every such name holds (fastre; a space would be the joined tokens' own: then none)
_CJK_SHORT_NEEDS = _needs if (_needs := fastre.needed_chars(_CJK_SHORT_RE.pattern)) and " " not in _needs else None
_CJK_SHORT_FINDER = fastre.finder(_CJK_SHORT_NEEDS)  # (one of those letters found in one scan)


def _cjk_short_in(texts: list[str], raw: str | None = None) -> bool:
    """Whether the tokens joined by spaces hold a product's short name in kana, kanji or hangul
    (:data:`CJK_SHORT`). ``raw``: the text the tokens were read from, where the caller has it: every letter
    of the tokens is one of its, so a text without the names' letters (all ASCII, or emoji) is not joined."""
    if raw is not None and (raw.isascii() or _CJK_SHORT_FINDER is not None and _CJK_SHORT_FINDER.search(raw) is None):
        return False
    joined = " ".join(texts)
    return not joined.isascii() and _CJK_SHORT_RE.search(joined) is not None


# A provider's units of compute by their generic words: the compute product's only where the text names no
# other product of the provider (a database, a cache and a container service have instances too).
RENTED = frozenset({"instance", "instances", "compute"})


def _searched_products(texts: list[str], lower: list[str], vocab: Vocabulary, ctx: SourceContext, services: dict,
                       symptom_at: list[int], sentence, inside: AbstractSet[int] = frozenset()) -> list[tuple[str, str]]:
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


def _add_entry(entry: str, vocab: Vocabulary, services: dict, providers: dict) -> None:
    if vocab.provider_of.get(entry) == entry:
        providers.setdefault(entry)
    else:
        services.setdefault(entry)


def _one_within(positions: list[int], lo: int, hi: int) -> bool:
    """One of ``positions`` is from ``lo`` to ``hi``. (:func:`_accept`'s tests of the problem words as loops, not
    generator expressions: a generator costs a function, a frame and a cell for each name it reads, and
    :func:`_accept` is asked of most doubtful names.)"""
    for s in positions:
        if lo <= s <= hi:
            return True
    return False


def _in_its_sentence(sentence, start: int, symptom_at: list[int]) -> bool:
    """A problem word in the sentence of the word at ``start``."""
    sent = sentence[start]
    for s in symptom_at:
        if sentence[s] == sent:
            return True
    return False


def _later_in_its_sentence(sentence, start: int, end: int, symptom_at: list[int]) -> bool:
    """A problem word after ``end`` in the sentence of the word at ``start``."""
    for s in symptom_at:
        if end < s and sentence[s] == sentence[start]:
            return True
    return False


def _complained_right_after(lower: list[str], sentence, start: int, end: int, symptom_at: list[int]) -> bool:
    """A problem word right after the name (or after a linking word), in its sentence."""
    for s in symptom_at:
        if (s == end or s == end + 1 and lower[end] in NICKNAME_LINKS) and sentence[s] == sentence[start]:
            return True
    return False


def _near_in_its_sentence(sentence, start: int, symptom_at: list[int]) -> list[int]:
    """The problem words in the name's sentence at most :data:`PROBLEM_WINDOW` words from it."""
    sent = sentence[start]
    return [s for s in symptom_at if sentence[s] == sent and -PROBLEM_WINDOW <= s - start <= PROBLEM_WINDOW]


def _quoted_near(symptom_at: list[int], said, end: int) -> list[int]:
    """The problem words inside the quoted message after the name, at most :data:`QUOTE_WINDOW` words on."""
    return [s for s in symptom_at if s in said and s - end <= QUOTE_WINDOW]


def _everyday_seen(lower: list[str], everyday_words, sentence, sent: int, end: int) -> list[str]:
    """The words of the name's everyday sense in its sentence or just after it, sorted."""
    return sorted({w for i, w in enumerate(lower) if w in everyday_words and
                   (sentence[i] == sent or end <= i < end + EVERYDAY_AFTER)})


def _searched_with(vocab: Vocabulary, words, word: str, entry: str) -> bool:
    """A search word before the nickname makes a name of the entry ("hbo" + "max")."""
    for q in words:
        for n in vocab.phrases.get(f"{q} {word}", ()):
            if n.ids[0] == entry:
                return True
    return False


def _brand_words_beside(lower: list[str], sentence, start: int, end: int, lo: int, hi: int, brand_words
                        ) -> list[str]:
    """The words of the brand's own world from ``lo`` to ``hi``, outside the name, in its sentence."""
    sent = sentence[start]
    return [lower[i] for i in range(lo, hi) if not start <= i < end and lower[i] in brand_words
            and sentence[i] == sent]


def _in_its_clause(lower: list[str], start: int, end: int, near: list[int], linked: bool, quoted) -> bool:
    """A problem word of ``near`` in the name's clause: after it with no clause break between (a quoted message
    is one clause), or before it after a linking word."""
    for s in near:
        if s >= end and lexicon.CLAUSE_BREAKS.isdisjoint(
                [w for k, w in enumerate(lower[end:s], end) if k not in quoted]):
            return True
        if linked and s < start and lexicon.CLAUSE_BREAKS.isdisjoint(lower[s:start]):
            return True
    return False


def _tech_beside(lower: list[str], start: int, end: int, lo: int, hi: int) -> bool:
    """A tech word from ``lo`` to ``hi``, outside the name."""
    for i in range(lo, hi):
        if not start <= i < end and lower[i] in lexicon.TECH_CONTEXT:
            return True
    return False


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
        if len(parts) > 1 and _one_within(symptom_at, end, end + 1):
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
        if not everyday and start and lower[start - 1] in anti.get("article", ()) and \
                (lower[end] if end < len(lower) else "") not in lexicon.PRODUCT_NOUNS:
            everyday = True  # "la box clignote", "a box diz 'sem sinal'": the article stands in any language
        if everyday:
            return None, f"everyday sense ({before!r} before / {after!r} after)"
        then = anti.get("then")
        if then and tuple(lower[end:end + 2]) in then:  # "Teams are investigating and we'll share updates"
            return None, f"everyday sense ({' '.join(lower[end:end + 2])!r} after)"
        near_words = anti.get("near")
        if near_words and not near_words.isdisjoint(lower[end:end + 4]):  # "le zoom de mon appareil photo"
            return None, f"everyday sense ({', '.join(sorted(near_words.intersection(lower[end:end + 4])))} just after)"
    everyday_words = lexicon.EVERYDAY_NEAR.get(word)
    if everyday_words or (word == "steam" and written == "STEAM"):
        sent = sentence[start]
        # its sentence, and the words just after it ("teams... de fútbol sala": the dots end no thought)
        seen = _everyday_seen(lower, everyday_words, sentence, sent, end) if everyday_words else []
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
            not _in_its_sentence(sentence, start, symptom_at):
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
        if _in_its_sentence(sentence, start, symptom_at) or after in NICKNAME_NOUNS:
            return True, "the company named for its online service, a problem said in its sentence"
        return None, "the company, no problem of its online service said"
    searched = word in ctx.words or entry in ctx.named or (word in lexicon.NICKNAMES and bool(ctx.words) and
                                                           _searched_with(vocab, ctx.words, word, entry))  # "hbo" + "max"
    if searched and (not written.islower() or _in_its_sentence(sentence, start, symptom_at)):
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
                _complained_right_after(lower, sentence, start, end, symptom_at):
            # "ig down?", "ig is down for everyone", "snap not loading": a complaint right after the short name
            return True, "a short name, a complaint right after it"
        if word in lexicon.NICKNAMES_ABROAD and foreign and foreign() and \
                foreign() not in vocab.everyday_in.get(word, ()) and word not in vocab.proper_names and \
                after_word(lower, end) not in ABROAD_NOT_BEFORE and _in_its_sentence(sentence, start, symptom_at):
            # "¿alguien más con snap caído?", "epic znowu leży", "snap 5 dakikada bir oturumu kapatıyor": an
            # English word is no word of the text's language, and its sentence tells a problem
            return True, f"a short name, no word of the text's language ({foreign()}), a problem in its sentence"
        world = lexicon.NICKNAME_WORLDS.get(word)
        if world and symptom_at and not world.isdisjoint(lower):
            maker = sorted(world.intersection(lower))[0]
            return True, f"a short name, its maker or its own world in the text ({maker!r}) and a problem"
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
        ok = written == nm.written and _one_within(symptom_at, start + 1, end + 2)
        if ok:
            return ok, "the letter written as the name, said to be broken"
        if written == nm.written and (start == 0 or lower[start - 1] in SENTENCE_END) and \
                after_word(lower, end) in lexicon.LETTER_BRAND_VERBS:
            # "X lance de nouvelles fonctions pour les groupes", "X introduceert nieuwe groepsfuncties"
            return True, "the letter written as the name opening a sentence, a verb only a company does after it"
        if written == nm.written and (start == 0 or lower[start - 1] in SENTENCE_END) and \
                after_word(lower, end)[:1].isalpha() and \
                _later_in_its_sentence(sentence, start, end, symptom_at):
            # "X war am Morgen für viele Nutzer nicht erreichbar", "X doet al de hele ochtend raar ... laden half":
            # the capital letter opening a sentence, then a word, then its problem in that sentence (not "X-ray",
            # "X: 12", a list's "X)")
            return True, "the letter written as the name opening a sentence, a problem later in it"
        # "Panne de X", "Instabilidade no X", "Caída mundial de X", "Störung bei X": an outage of it, as news
        # headlines in other languages put it
        ok = written == nm.written and start > 1 and lower[start - 1] in OUTAGE_OF and \
            _one_within(symptom_at, start - 4, start - 2)
        return ok, "the letter written as the name, an outage of it said before it" if ok else \
            "a single letter without a problem right after"
    sent = sentence[start]
    near = _near_in_its_sentence(sentence, start, symptom_at)
    if not near and symptom_at and not SAYING.isdisjoint(lower[end:end + 3]):
        # "alexa keeps saying 'sorry, i'm having trouble understanding right now'": the message it gives, quoted after
        # a verb of saying, is one clause with it however long
        said = _quoted(lower, end) if any(w in QUOTES for w in lower[end:end + 4]) else ()
        near = _quoted_near(symptom_at, said, end)
    if _one_within(near, end, end + 2):
        return True, "a symptom right after it"  # "slack is down", "zoom not working"
    before = lower[start - 1] if start else ""
    after = lower[end] if end < len(lower) else ""
    if after in lexicon.PRODUCT_NOUNS or (before in lexicon.PRODUCT_NOUNS and before not in ("the", "a")):
        return True, f"a product noun beside it ({before!r}/{after!r})"  # "ring camera", "discord server"
    if after in HYPHENS and end + 1 < len(lower) and lower[end + 1] in COMPOUND_HEADS:
        # "ring-kameran", "zoom-mötet", "hue-appen", "Ring-Türklingel": a compound of the name and its product
        return True, f"a compound with its product noun ({lower[end + 1]!r})"
    if written.islower() and before in lexicon.ASKED_ASSISTANTS.get(word, ()):
        return True, f"in lower case right after a verb of asking ({before!r}): the assistant"
    brand_words = lexicon.BRAND_NEAR.get(word)
    if brand_words:
        lo, hi = max(0, start - lexicon.BRAND_NEAR_REACH), min(len(lower), end + lexicon.BRAND_NEAR_REACH)
        seen = _brand_words_beside(lower, sentence, start, end, lo, hi, brand_words)
        if seen:
            return True, f"a word of the brand's own world beside it ({seen[0]!r})"
    if capitalised and (after in lexicon.BRAND_VERBS or before in lexicon.BRAND_VERBS
                        or after in lexicon.BRAND_VERBS_ABROAD):
        return True, "capitalised, with a word only a company does"  # "Zoom shares slide", "Slack adds"
    news = tuple([w for w in lower[end:end + 3] if w not in ("a", "an")][:2])
    if capitalised and news in lexicon.BRAND_NEWS_AFTER and (start == 0 or lower[start - 1] in SENTENCE_END) and \
            not (news[0] in ("'s", "’s") and texts[end + 2:end + 3] and texts[end + 2][:1].isupper()):
        # not "Amazon's new Alexa": the news is the product named next
        return True, f"capitalised opening a sentence, a company's news after it ({' '.join(texts[end:end + 2])!r})"
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
        ok = _in_its_clause(lower, start, end, near, bool(linked), quoted)
        case = "lower case" if not capitalised else "first in its sentence"
        if ok or not capitalised:
            return ok, (f"{case}, a complaint in the same clause" if ok else
                        f"{case} without a complaint in the same clause")
    if near and (not initial or hashtag_down):
        return True, "capitalised mid-sentence, a symptom nearby"
    if not initial or clear_mentions:
        lo, hi = max(0, start - 4), min(len(lower), end + 4)
        if _tech_beside(lower, start, end, lo, hi):
            return True, "capitalised, a tech word nearby"
        if clear_mentions and symptom_at:
            return True, "capitalised beside another named service and a symptom"
    return False, "capitalised at a sentence start without evidence" if initial else "no evidence"


# What may stand between a short name and its complaint ("ig is down", "snap keeps crashing").
NICKNAME_LINKS = frozenset({"is", "was", "keeps", "still", "just", "not", "isn't", "won't", "totally", "completely",
                            "also", "too", "again"})
# English phrases borrowed whole: "un epic fail", "oh snap shot" (the nickname abroad is not read before these)
ABROAD_NOT_BEFORE = frozenset({"fail", "fails", "win", "wins", "moment", "shot", "shots"})
EVERYDAY_AFTER = 5  # words after an everyday-word name read for its everyday sense beyond its sentence
# Names that end a place's name in English ("Logan Square", "Times Square", "Union Square").
PLACE_LAST_WORDS = frozenset({"square"})
# "Zoom sur ...", "Zoom op ...", "Zoom na ...": French, Dutch and Polish headlines for "a closer look at".
HEADLINE_ZOOM = frozenset({"sur", "op", "na"})


def after_word(lower: list[str], end: int) -> str:
    return lower[end] if end < len(lower) else ""


# What follows a name in Japanese or Korean when the product is meant: its server, app, account, launcher,
# store, login, a meeting or class held on it, a game on it, the company's share price ("롤 서버", "マイクラの
# サーバー", "줌 수업", "ズーム会議", "롤 게임", "테슬라 주가"); its client as gamers cut it ("롤 클라 로그인 대기열").
CJK_PRODUCT_NOUNS = ("サーバー", "サーバ", "鯖", "アプリ", "アカウント", "ログイン", "接続", "クライアント", "ランチャー",
                     "ストア", "会議", "授業", "ミーティング", "配信", "서버", "앱", "어플", "계정", "로그인", "접속",
                     "클라이언트", "클라", "런처", "상점", "스토어", "회의", "수업", "미팅", "방송", "매칭", "랭크", "큐",
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
                lo, hi = (end, other_start) if other_start >= end else (other_end, start)
                # (the words between read in place: no slice of a long gap made, nor a set of it, for each pair)
                if lo < hi and (_only_joiners(lower, lo, hi) or hi - lo == 1 and _compared(
                        lower, lower[lo:hi], min(start, other_start))):
                    verdicts[i] = (start, end, nm, True)
                    changed = True
                    break


def _only_joiners(lower: list[str], lo: int, hi: int) -> bool:
    """Every word from ``lo`` to ``hi`` is a list's joiner (:data:`LIST_JOINERS`)."""
    for k in range(lo, hi):
        if lower[k] not in LIST_JOINERS:
            return False
    return True


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
                 and all(st in said and not _but_then(lower, en, frozenset() if s in ctx.named else {
                     o for x, o_sps in spans.items() if x != s for o, _ in o_sps}) for st, en in sps)]
    staying = [s for s in services if s not in fine_ones]
    # a network operator the text names is what fails where no service stays ("comcast totally dead, teams works
    # fine here at least", "vodafone sem internet, whatsapp funciona no 4g")
    # (a problem said in Japanese or Korean, ``cjk_problem``, is read from the runs of CJK text, not the words:
    # "signal落ちてる。facebookは普通に動く", "넷플릭스는 멀쩡한데 디즈니 플러스는 로딩만 계속 돌아감")
    return fine_ones if (staying or operator) and (fine.problem_said(lower, found) or cjk_problem) else []


# "at least", "only" before a service said to work: the one thing left, the contrast to a failure of something else
# ("power's out ... at least my netflix downloads work on the tablet", "the kettle is down, only chatgpt is up").
AT_LEAST = frozenset({"least", "only", "atleast", "menos", "moins", "wenigstens", "zumindest", "almeno", "solo",
                      "przynajmniej", "tenminste", "åtminstone", "azından", "só", "nur", "seulement"})
AT_LEAST_REACH = 3  # words between it and the name ("at least my netflix", "only chatgpt")


WORKING = frozenset({"work", "works", "working", "up", "fine", "ok", "okay", "loads", "va", "geht", "marche",
                     "anda", "funciona", "funziona", "działa", "funkar", "werkt", "çalışıyor", "läuft"})
OUT_WORDS = lexicon.BARE_DOWN | {"out", "dead", "broken", "died"}
NOT_WORKING = frozenset({"not", "n't", "isn't", "won't", "doesn't", "don't", "nicht", "no", "pas", "nie", "niet",
                         "inte", "non"})


def _the_one_that_works(lower: list[str], names, services: dict, ctx: SourceContext, found: list) -> list[str]:
    """Services every mention of which comes right after "at least" or "only" and is said to work in its own
    clause, in a text that says something else fails (a power cut, a kettle, a network): the writers label none
    ("power's been out for 3 hours ... at least my netflix downloads work on the tablet", "the dishwasher is down,
    only chatgpt is up"). The source's service stays; "only netflix is down" says no work, "at least netflix is
    back" is its own recovery."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for start, end, ns in names:
        for nm in ns:
            if nm.kind == "service" and nm.ids and nm.ids[0] in services and nm.ids[0] not in ctx.services:
                spans.setdefault(nm.ids[0], []).append((start, end))
    n = len(lower)
    out = []
    for service, sps in spans.items():
        clauses = []
        for st, en in sps:
            if AT_LEAST.isdisjoint(lower[max(0, st - AT_LEAST_REACH):st]):
                break
            j = en
            while j < n and j - en <= 4 and lower[j] not in fine.MARKS and lower[j] not in WORKING:
                j += 1
            if j >= n or lower[j] not in WORKING or lower[j - 1] in NOT_WORKING:
                break
            k = j
            while k < n and lower[k] not in fine.MARKS:
                k += 1
            clauses.append((st, k))
        else:
            problems = [p for p, _, sym, _ in found if sym in lexicon.PROBLEM_SYMPTOMS] + \
                [i for i, w in enumerate(lower) if w in OUT_WORDS]  # "power's been out", "the kettle is down"
            # what "it" fails in is the service's own problem ("only netflix works on the tablet, it's out on the tv")
            problems = [p for p in problems if IT_IS.isdisjoint(lower[max(0, p - 3):p])]
            if problems and all(not (st <= p < k) for st, k in clauses for p in problems) and \
                    not any(st <= p < k for st, k in clauses for p, _, sym, _ in found if sym == "recovered"):
                out.append(service)
    return out


# Where one reads of another's outage ("found out via twitter", "laut Twitter", "tutti su Twitter a lamentarsi").
# (What a network outage "even" stops is no class: "ni whatsapp ni nada" is labelled without WhatsApp, "no va ni
# twitch ni nada" with Twitch.)
MEDIUM_BEFORE = frozenset({"via", "laut", "per", "su", "auf", "through", "sur"})
RELAY_AFTER = frozenset({"says", "said", "sagt", "dice", "dit", "zegt", "säger", "mówi", "diz", "confirms"})
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
        # a problem after the medium with another's name between is the other's ("Laut Twitter ist Instagram down")
        between = sorted(st for s, o_sps in spans.items() if s != service for st, _ in o_sps)
        medium = service in MEDIA and all(
            (st and lower[st - 1] in MEDIUM_BEFORE or en < len(lower) and lower[en] in RELAY_AFTER)
            and not any(en <= p <= en + 2 and not any(en <= o < p for o in between) for p in problems)
            for st, en in sps)
        if medium and any(sentence[p] != sentence[st] or p < st or any(st < o < p for o in between)
                          for p in problems for st, _ in sps[:1]) or medium and not problems:
            out.append((service, "where the writer reads of another's outage (\"via twitter\", \"laut Twitter\")"))
    return out


def _but_then(lower: list[str], end: int, others: AbstractSet[int] = frozenset()) -> bool:
    """"facebook itself loads but notifications are frozen": the clause that says it works ends in a contrast
    word, so what follows is that service's own problem; not where another service's name follows the turn
    (``others``, the starts of the other services' names: "Vercel is fine but our Cloudflare Pages previews are
    522ing"; not for the service its search names, which stays as the source's)."""
    said = next((i + len(p) for i in range(end, min(len(lower), end + fine.GAP + 1)) for p in fine.BY_FIRST.get(lower[i], ())
                 if tuple(lower[i:i + len(p)]) == p), end)  # after the fine-word: "Gmail invece va" is no turn
    for i in range(said, min(len(lower), said + 8)):
        if lower[i] in fine.CONTRASTS:  # "... is fine though" ending the sentence turns nothing
            if any(i < o <= i + 3 for o in others):
                return False
            return i + 1 < len(lower) and lower[i + 1] not in fine.MARKS
        if lower[i] in fine.MARKS:
            return False
    return False


# Services that are also the box people watch the others on: "my roku" beside another service is the device.
DEVICE_BRANDS = {"roku": ("roku",)}


def _my_device(lower: list[str], names, services: dict, ctx: SourceContext) -> list[str]:
    """A streaming device's brand every mention of which is the writer's own ("my roku", "my roku tv:"), beside
    another service: the device the other fails on ("disney+ black screen with error code 83 on my roku but netflix
    streams fine"), as the writers label it; so is one the other is watched "on the" ("youtube tv on the roku keeps
    buffering": the writers' brief settles it so since final21, where two older sets had kept it); a Roku failing
    alone, or named otherwise ("the roku app crashes"), keeps it."""
    out = []
    for service in DEVICE_BRANDS.keys() & services.keys():
        if service in ctx.services:
            continue
        starts = [s for s, _, ns in names for nm in ns if nm.kind == "service" and nm.ids and nm.ids[0] == service]
        if starts and all(st and lower[st - 1] == "my" or st > 1 and lower[st - 1] == "the" and lower[st - 2] == "on"
                          for st in starts):
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
    asked: list[int] | None = None  # where a word ends a question: found only where a provider's product is named
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
        if asked is None:
            asked = _question_ends(lower)
        others = [st for other, sts in spans.items() if vocab.provider_of.get(other) != provider for st in sts]
        if others and all(_asked_of(lower, st, asked) for st in starts) and \
                not any(_asked_of(lower, st, asked) for st in others) and max(others) < min(starts):
            out.append(service)
    return out


def _question_ends(lower: list[str]) -> list[int]:
    """Where a word ends a question ("?", "down?", "？")."""
    return [i for i, w in enumerate(lower) if w.endswith("?") or w == "？"]


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


def _form_note(nm: Name) -> str:
    return f" (an inflected form of {nm.form_of})" if nm.form_of else ""


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
