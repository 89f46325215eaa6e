"""The tagger's vocabulary, built once from the catalog.

Every name a text may use for a service, provider or region becomes a :class:`Name`
saying what it stands for and how much evidence a match needs: a brand that is also a
common word ("Slack", "Ring") or a product name made of ordinary words ("Cloud Run",
"Key Vault") must not be tagged on its own. Handles, status-page hosts and region codes
stand for exactly one thing and need no evidence.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from outagewatch.catalog import Catalog
from outagewatch.nlp import sites, typos
from outagewatch.nlp.geo import (AMBIGUOUS_PLACES, EVERYDAY_PLACES, MARKETS, NICKNAME_NEEDS_CONTEXT, REGION_NICKNAMES,
                                city_initials, common_places, gazetteer, hand_places, inside, place_forms, place_kinds,
                                region_names)
from outagewatch.nlp.lexicon import COMMON_WORDS, COMMON_WORDS_CJK
from outagewatch.textrules import CJK_TEXT_RE

# Ordinary words that catalog product names are made of. A name made only of these
# ("Cloud Run", "Epic Games", "New Relic") counts only when written with capitals.
GENERIC_WORDS = frozenset("""
access account alarm analytics and api app application apps balancer balancing bare big block blob boards bot
build bus by cache calls camera cdn cloud community compute connect console container content data dedicated
delivery direct dns docs door doorbell drive edge email engine epic event events exchange file files firewall for
front functions function game games gateway home hub hubs identity insights instances intelligent key kubernetes
live load log logs machine machines mail manager management meeting meetings metal metrics monitor music network new
notification object of one online pages pass pipelines plus portal prime private proxy public query queue realms
registry relic repos resource routed run sales secrets security servers service services sheets simple spaces stack
storage store streams system the token trust tv video virtual vault web workers zero
""".split())

# Countries whose state codes people write as place names ("in TX", "em SP"), and the languages they
# write them in: read in another language the same capitals are other words ("di IA" is Italian for AI).
STATE_CODE_LANGUAGES = {"US-": ("en",), "CA-": ("en", "fr"), "AU-": ("en",), "BR-": ("pt",)}
STATE_CODE_COUNTRIES = frozenset(STATE_CODE_LANGUAGES)
COMPASS = frozenset({"east", "west", "north", "south", "central", "southeast", "northeast", "southwest",
                     "northwest", "govcloud",
                     # the same in the languages people name a provider's region in ("Europe de l'Ouest")
                     "ouest", "oeste", "ovest", "occidental", "occidentale", "ocidental", "nord", "noord", "norte",
                     "settentrionale", "ost", "oost", "est", "este", "oriental", "orientale", "süd", "zuid", "sud",
                     "sur", "sul", "mitte", "centro", "centrale", "zentral"})
# German and Dutch write a compass word and an area as one word ("Westeuropa", "Nordeuropa").
COMPASS_PREFIXES = ("west", "nord", "noord", "ost", "oost", "süd", "zuid")

# AWS's availability-zone ids ("use1-az4", "euw1-az2", "apne1-az1"): the region's code with its direction words cut to
# their first letters, then "-az" and the zone's number; the zone is its region (the writers' brief: "use1-az4" is
# aws:us-east-1).
AZ_ID_RE = re.compile(r"^([a-z]{3,6}\d)-az\d{1,2}$")
AZ_DIRECTIONS = {"east": "e", "west": "w", "north": "n", "south": "s", "central": "c", "northeast": "ne",
                 "northwest": "nw", "southeast": "se", "southwest": "sw"}


def zone_id_prefix(code: str) -> str | None:
    """The first part of an AWS region's availability-zone ids: "us-east-1" -> "use1", "ap-northeast-1" -> "apne1"."""
    parts = code.split("-")
    if len(parts) == 3 and parts[1] in AZ_DIRECTIONS and parts[2].isdigit():
        return parts[0] + AZ_DIRECTIONS[parts[1]] + parts[2]
    return None


# Cloud region and zone codes as one token: us-east-1, us-east-1a, us-central1-a, europe-west3.
REGION_CODE_RE = re.compile(r"(?i)^[a-z]{2,}(?:-[a-z]+)+-?\d{1,2}[a-z]?(?:-[a-z])?$")


SCRIPT_SEPARATORS = re.compile(r"[\s\u30fb\u00b7]+")  # a space, "・" or "·" between a name's words


def script_key(name: str) -> str:
    """A name in kana or hangul as looked up: lower case, without the spaces or middle dots people
    put between its words or leave out ("구글 드라이브" and "구글드라이브", "リーグ・オブ・レジェンド")."""
    return SCRIPT_SEPARATORS.sub("", name.lower())


class _Uncombined(dict):
    """``str.translate``'s table for :func:`fold`: a combining mark (``unicodedata.combining``) to
    None (dropped), any other character to itself, each worked out the first time it is met."""

    def __missing__(self, point: int) -> int | None:
        kept = self[point] = None if unicodedata.combining(chr(point)) else point
        return kept


_UNCOMBINED = _Uncombined()


def fold(text: str) -> str:
    """Lower case without accents: the key for names typed without them."""
    if text.isascii():
        return text.lower()  # nothing to decompose (most names: a third of building the tagger went here)
    # The marks dropped in one C pass (str.translate) rather than a generator over the characters:
    # the same string, ~half of fold's CPU in building the vocabulary (47,000 names not in ASCII).
    return unicodedata.normalize("NFKD", text.lower()).translate(_UNCOMBINED)


_NOT_COMPACT = re.compile(r"[^0-9a-z+]")


def compact(text: str) -> str:
    """A name as a hashtag or a URL slug writes it: #rokudown, downdetector/hbo-max."""
    if text.isascii():
        lowered = text.lower()
        return lowered if lowered.isalnum() else _NOT_COMPACT.sub("", lowered)
    return _NOT_COMPACT.sub("", fold(text))


def host_of(url: str) -> str | None:
    value = url if "//" in url else f"//{url}"
    try:
        host = urlsplit(value).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


@dataclass(slots=True)
class Name:
    """One way of writing a catalog entry, and what a match of it needs."""

    kind: str  # "service", "provider", "region" (code or display name) or "place"
    ids: tuple[str, ...]  # service/provider id, region ids, or region ids named after the place
    written: str  # as the catalog writes it (for the capitalisation check)
    ambiguous: bool = False  # a common word: needs evidence
    needs_case: bool = False  # ordinary words: must be written with a capital
    geo: str | None = None  # ISO code of a place, for "geo:" tags
    ambiguous_place: bool = False  # also a person's name ("Sydney", "Jordan"): lower case needs "in ..."
    everyday_place: bool = False  # also an everyday word ("Nice", "Reading"): a capital and "in ..."
    minor_place: bool = False  # a built-gazetteer subdivision (not a country, state or big city): a capital
    located: tuple[str, ...] = ()  # regions that lie in the place (by the catalog's place/country)
    gazetteer_only: bool = False  # from the built gazetteer alone, not the hand-kept table or the catalog
    form_of: str | None = None  # an inflected form ("Krakowie"): the place name it is a form of ("Kraków")
    short_for: str | None = None  # "gh actions": the name it shortens ("GitHub Actions")
    site_of: str | None = None  # a provider's data centre ("NYC3", "Falkenstein"): a place only beside that provider
    demonym: bool = False  # a place's people ("Londoners: ...") or its airport ("op Schiphol"): demonyms.py, sites.py
    initials: bool = False  # a big city's initials in capitals ("em BH", "in SF"): geo.city_initials()


@dataclass
class Vocabulary:
    phrases: dict[str, list[Name]] = field(default_factory=dict)  # lower-cased phrase -> names
    handles: dict[str, str] = field(default_factory=dict)  # "@rokusupport" -> service/provider id
    hosts: dict[str, list[str]] = field(default_factory=dict)  # "status.flickr.net" -> ids
    compact: dict[str, str] = field(default_factory=dict)  # "rokutv" -> id (hashtags, slugs)
    codes: dict[str, str] = field(default_factory=dict)  # "us-east-1" -> "aws:us-east-1"
    status_kinds: dict[str, str] = field(default_factory=dict)  # "aws-health" -> "aws"
    provider_of: dict[str, str | None] = field(default_factory=dict)
    regions_by_provider: dict[str, set[str]] = field(default_factory=dict)
    source_cache: dict[str, object] = field(default_factory=dict)  # source string -> SourceContext
    cjk_phrases: dict[str, list[Name]] = field(default_factory=dict)  # 東京 -> names (no word breaks in CJK)
    # A service's or provider's name in kana or hangul ("ネトフリ", "구글 드라이브", "チャットGPT"), by its key
    # (lower case, no spaces or middle dots): found anywhere in the text by pipeline.ScriptNames.
    script_names: dict[str, list[Name]] = field(default_factory=dict)
    # An everyday-word brand -> entries whose names start with it ("amazon" -> aws, aws/kinesis...):
    # when one of those is tagged, the bare word meant that entry's brand, not its own service.
    brand_family: dict[str, frozenset[str]] = field(default_factory=dict)
    # A product's name without its brand, per brand: "azure" -> {"vms": azure/virtual-machines,
    # "storage": azure/storage}. Counts only when the brand is in the text or the source.
    short_names: dict[str, dict[tuple[str, ...], str]] = field(default_factory=dict)
    short_firsts: dict[str, frozenset[str]] = field(default_factory=dict)  # brand -> first words of its short names
    # Every brand's short names' first words and its one-word products' words (``short_capitals``): a text holding
    # none of them names no product by its short name (service_rules._short_names reads no brand's table then).
    short_words: frozenset[str] = frozenset()
    # A short name of one word that is a function word of a supported language ("ad": Italian "to", of Azure AD;
    # "ses" French, "oss" Swedish, "cos" Italian/Polish): it counts only in capitals, as the catalog writes it
    # ("errori di accesso ad Azure Portal" is no Azure AD).
    short_cased: frozenset[str] = frozenset()
    # A product's one plain word without its brand ("Spaces", "Actions", "Portal"): only written with its
    # capital, beside the brand ("DigitalOcean ... only SGP1 Spaces is returning 403s").
    short_capitals: dict[str, dict[str, str]] = field(default_factory=dict)
    # A product's own one word, of one product across every brand ("athena", "amplify", "bedrock", "r2"): a
    # search for that word found the text, so the word in it is the product (service_rules._searched_products).
    searched_products: dict[str, str] = field(default_factory=dict)
    # Each service's category in the catalog ("cloudflare/resolver" -> "dns"): the kind of product it is.
    category_of: dict[str, str] = field(default_factory=dict)
    # Long one-word names -> their entry, and the one-edit search key of each (nlp/typos.py): "netflx",
    # "githib", "discrod" are found by it. Used only beside a complaint, never for a word of the language.
    typo_names: dict[str, str] = field(default_factory=dict)
    typo_index: dict[str, tuple[str, ...]] = field(default_factory=dict)
    lookalikes: dict[str, frozenset[str]] = field(default_factory=dict)  # lang -> its words one edit from a name
    typo_seen: dict[str, tuple[str, ...]] = field(default_factory=dict)  # word -> names one edit off (a cache)
    # Words of letters that are one edit off no name, or too short to be (a cache beside typo_seen): a text
    # whose every word is here or no word of letters is not read for typos word by word.
    typo_none: set[str] = field(default_factory=set)
    # Everyday-word name -> the languages besides English that have it as a word ("square": fr, nl).
    everyday_in: dict[str, frozenset[str]] = field(default_factory=dict)
    proper_names: frozenset[str] = frozenset()  # everyday-word names that are also people's ("claude")
    state_codes: dict[str, list[Name]] = field(default_factory=dict)  # "TX" -> [the US-TX place], capitals only
    # "atl" -> [Atlanta]: a big city's code in lower case where it is no word of a language read (``city_initials``)
    lower_city_codes: dict[str, list[Name]] = field(default_factory=dict)
    zone_ids: dict[str, str] = field(default_factory=dict)  # "use1" -> "aws:us-east-1" (``AZ_ID_RE``)
    site_codes: dict[str, list[Name]] = field(default_factory=dict)  # "nyc" -> DigitalOcean's New York (NYC3)
    site_region_codes: dict[str, list[Name]] = field(default_factory=dict)  # "us-south" -> IBM's Dallas
    site_providers: frozenset[str] = frozenset()  # providers with data centres in the catalog
    airport_sites: dict[str, str] = field(default_factory=dict)  # "iad" -> "US-DC": sites.NAMERS' site codes
    site_namers: frozenset[str] = frozenset()  # services and providers that name sites by airport code
    # News publishers (the catalog's category "news": The Guardian, CNN, BBC...): their own feed is what they
    # publish, not a text about them (source.py), so a feed's host names none of them.
    publishers: frozenset[str] = frozenset()


STATUS_HOST_WORDS = ("status", "health", "www", "ocistatus", "is")


def entries_for_host(vocab: "Vocabulary", host: str) -> list[str]:
    """Catalog entries a host stands for: a known status page, else the brand in its name.

    ``status.flickr.net`` -> flickr, ``githubstatus.com`` -> github, ``slack-status.com``
    -> slack: status pages follow a few naming habits, so a catalog without a page's URL
    still recognises it.
    """
    known = vocab.hosts.get(host)
    if known is not None:
        return _owner(known, vocab)
    labels = host.split(".")
    for label in labels[:-1]:
        key = compact(label)
        for word in STATUS_HOST_WORDS:
            if key.startswith(word) and key != word and key[len(word):] in vocab.compact:
                key = key[len(word):]
            elif key.endswith(word) and key != word and key[: -len(word)] in vocab.compact:
                key = key[: -len(word)]
        entry = vocab.compact.get(key) if key not in STATUS_HOST_WORDS and len(key) > 2 else None
        if entry:
            return [entry]
    return []


def _owner(ids: list[str], vocab: "Vocabulary") -> list[str]:
    """Who a shared status page speaks for: the one entry, the provider, or the company root, else nobody."""
    if len(ids) <= 1:
        return ids
    providers = [i for i in ids if vocab.provider_of.get(i) == i]
    if providers:
        return providers[:1]
    roots = [i for i in ids if "/" not in i and all(j == i or j.startswith(i + "/") for j in ids)]
    return roots[:1]


def build_vocabulary(catalog: Catalog) -> Vocabulary:
    vocab = Vocabulary()
    places = gazetteer()

    def add(phrase: str, name: Name) -> None:
        for variant in {phrase.lower(), fold(phrase)}:
            vocab.phrases.setdefault(variant, []).append(name)

    def add_host(url: str | None, entry_id: str) -> None:
        host = host_of(url) if url else None
        if host:
            ids = vocab.hosts.setdefault(host, [])
            if entry_id not in ids:
                ids.append(entry_id)

    def add_names(kind: str, entry, flagged: bool) -> None:
        """Name, aliases, handles and status page of a provider or a service."""
        for alias in dict.fromkeys((entry.name, *entry.aliases)):
            if CJK_TEXT_RE.search(alias):  # "ネトフリ", "넷플": found inside runs of text, not word by word
                vocab.script_names.setdefault(script_key(alias), []).append(
                    Name(kind, (entry.id,), alias, ambiguous=alias in COMMON_WORDS_CJK))
                continue
            if kind == "service" and "." in alias and " " not in alias and not alias.replace(".", "").isdigit():
                add_host(alias, entry.id)  # "github.com", "Notion.so": a host as well as a name
            name = Name(kind, (entry.id,), alias, ambiguous=_ambiguous(alias, flagged and alias == entry.name),
                        needs_case=_needs_case(alias))
            add(alias, name)
            if alias[:1] in "Ii" and alias.isascii():
                # Turkish capitalises i as İ, whose lower case keeps a combining dot: "İnstagram".lower() is
                # "i̇nstagram", the key a Turkish post's capitalised name is looked up by
                vocab.phrases.setdefault("i\u0307" + alias.lower()[1:], []).append(name)
            vocab.compact.setdefault(compact(alias), entry.id)
        for handle in entry.handles:
            vocab.handles[handle.lower()] = entry.id
        if entry.status_page:
            add_host(entry.status_page.get("url"), entry.id)

    kinds: dict[str, set[str]] = {}
    for p in catalog.providers.values():
        vocab.provider_of[p.id] = p.id
        add_names("provider", p, p.ambiguous)
        if p.status_page and p.status_page.get("kind"):
            kinds.setdefault(p.status_page["kind"], set()).add(p.id)
        vocab.compact.setdefault(p.id, p.id)
        if p.report_slug:  # a report page about the provider itself: reports:downdetector/aws-amazon-web-services
            vocab.compact.setdefault(compact(p.report_slug), p.id)
    vocab.status_kinds = {kind: next(iter(ids)) for kind, ids in kinds.items() if len(ids) == 1}
    for kind, provider in list(vocab.status_kinds.items()):
        # the collectors' own source names for a provider's status feed: "gcp-status:status.cloud.google.com",
        # "azure-status" (collectors/statusapi.py, feeds.py) name the provider as "aws-health" does
        if not kind.endswith(("-health", "-status")):
            vocab.status_kinds.setdefault(f"{kind}-status", provider)

    for s in catalog.services.values():
        vocab.provider_of[s.id] = s.provider
        add_names("service", s, s.ambiguous)
        if s.report_slug:
            vocab.compact.setdefault(compact(s.report_slug), s.id)
        vocab.compact.setdefault(compact(s.id.split("/")[-1]) if s.provider is None else compact(s.id), s.id)

    everyday = common_places()
    hand = hand_places()
    kinds = place_kinds()
    forms = place_forms()
    by_place: dict[str, list[str]] = {}
    localized = region_names()  # "Brasil Sul", "한국 중부": display names as other languages write them
    for r in catalog.regions.values():
        vocab.regions_by_provider.setdefault(r.provider, set()).add(r.id)
        vocab.codes[r.code.lower()] = r.id
        zone = zone_id_prefix(r.code) if r.provider == "aws" else None
        if zone:
            vocab.zone_ids[zone] = r.id
        own = localized.get(r.id, ())
        for alias in dict.fromkeys((r.name, *r.aliases, *own)):
            # A display name built for the region ("Kuzey Avrupa", "Sverige, centrala") is never a place of
            # its own: without its provider it is not guessed, as "East US" is not.
            if alias not in own and _is_place(alias, places):
                by_place.setdefault(alias, []).append(r.id)
            else:
                inner = re.search(r"\(([^)]*)\)", alias)
                geo = _geo_of(inner.group(1), [r.id], catalog, places) if inner else None
                if geo and r.country and geo[:2] != r.country:
                    # "Mexico (Central)": the word in brackets is a part of the country, not Uganda's Central
                    geo = r.place or r.country
                name = Name("region", (r.id,), alias, geo=geo)
                add(alias, name)
                if CJK_TEXT_RE.search(alias):  # "東日本": Azure's own name for Japan East, inside CJK text
                    vocab.cjk_phrases.setdefault(alias, []).append(name)
        if r.city:
            by_place.setdefault(r.city, []).append(r.id)
    for name in places:
        by_place.setdefault(name, [])
    in_place: dict[str, list[str]] = {}  # ISO code -> catalog regions there (by subdivision and by country)
    for r in catalog.regions.values():
        for code in {r.place, r.country} - {None}:
            in_place.setdefault(code, []).append(r.id)
    for place, region_ids in by_place.items():
        ids = tuple(dict.fromkeys(region_ids))
        geo = _geo_of(place, ids, catalog, places)
        # A region lies in the place, or the place lies inside the region's subdivision (Milano IT-MI in
        # Lombardy IT-25, where eu-south-1 is): the built gazetteer gives a city its most specific code.
        located = tuple(r for r in in_place.get(geo, ()) if geo and
                        (catalog.regions[r].place == geo if "-" in geo else catalog.regions[r].country == geo)) \
            or tuple(r for r in in_place.get(geo[:2], ()) if geo and "-" in geo and catalog.regions[r].place
                     and inside(geo, catalog.regions[r].place))
        name = Name("place", ids, place, geo=geo, located=located,
                    ambiguous_place=fold(place) in AMBIGUOUS_PLACES,
                    everyday_place=fold(place) in EVERYDAY_PLACES or place in everyday,
                    gazetteer_only=not ids and place not in hand,
                    minor_place=not ids and place not in hand and kinds.get(place) == "subdivision"
                    and (geo or "")[:2] not in MARKETS, form_of=forms.get(place))
        add(place, name)
        if CJK_TEXT_RE.search(place):
            vocab.cjk_phrases.setdefault(place, []).append(name)
    # "in TX", "Austin, TX", "across NSW": state and province codes, written in capitals, only in a
    # place's context ("in OR", "IN", "ME" are words first: the resolver asks for "in ..." or a list).
    for geo in sorted({code for code in places.values() if code[:3] in STATE_CODE_COUNTRIES}):
        short = geo.split("-", 1)[1]
        if short.isalpha() and short.isupper() and len(short) in (2, 3):
            located = tuple(r for r in in_place.get(geo, ()) if catalog.regions[r].place == geo)
            vocab.state_codes.setdefault(short, []).append(
                Name("place", (), short, geo=geo, located=located, ambiguous_place=True))  # "PA": US-PA and BR-PA
    # "Bay Area", "SoCal", "Metro Manila", "the DMV": regions people name by a nickname, each with what it covers
    for nickname, codes in REGION_NICKNAMES.items():
        for geo in codes:
            located = tuple(r for r in in_place.get(geo, ()) if catalog.regions[r].place == geo)
            add(nickname, Name("place", (), nickname, geo=geo, located=located,
                               ambiguous_place=nickname in NICKNAME_NEEDS_CONTEXT))
    # "em BH", "in SF", "in KL": a big city's initials, looked up as the state codes are (capitals only, never by
    # the matcher) and taken only said as a place (place_rules._initials_rule)
    for short, geo in city_initials().items():
        if short not in places:
            located = tuple(r for r in in_place.get(geo, ()) if catalog.regions[r].place == geo)
            table = vocab.state_codes if short.isupper() else vocab.lower_city_codes  # "in ATL", "in atl"
            table.setdefault(short, []).append(
                Name("place", (), short, geo=geo, located=located, ambiguous_place=True, initials=True))
    # Data centres of providers without catalog regions: "NYC3", "GRA11" (the letters, then a number)
    # and a site's name that is no place of the gazetteer ("Falkenstein"), each a place beside its provider.
    for p in catalog.providers.values():
        for site in p.sites:
            name = Name("place", (), site.name, geo=site.place, site_of=p.id)
            if "-" in site.code:  # "us-south": a region code of a provider without catalog regions
                vocab.site_region_codes.setdefault(site.code, []).append(name)
            else:
                vocab.site_codes.setdefault(site.code.lower(), []).append(name)
            if site.name not in places and fold(site.name) not in _folded(places):
                add(site.name, name)
    vocab.site_providers = frozenset(p.id for p in catalog.providers.values() if p.sites)
    vocab.airport_sites = sites.site_codes()  # "iad1", "(FRA)": only beside Vercel, Cloudflare, Fastly
    vocab.site_namers = frozenset(n for n in sites.NAMERS if n in catalog.providers or n in catalog.services)
    for phrase, (entry, full) in _initials(catalog).items():
        kind = "provider" if vocab.provider_of.get(entry) == entry else "service"
        if phrase not in vocab.phrases:
            add(phrase, Name(kind, (entry,), phrase, short_for=full))
    for phrase, entry in CASUAL_NAMES.items():
        if entry in vocab.provider_of:
            kind = "provider" if vocab.provider_of.get(entry) == entry else "service"
            add(phrase, Name(kind, (entry,), phrase))
    for phrase, entry in TYPED_NICKNAMES.items():  # everyday letters too: they need evidence (service_rules._accept)
        if entry in vocab.provider_of:
            add(phrase, Name("service", (entry,), phrase, ambiguous=True))
    firsts: dict[str, set[str]] = {}
    for s in catalog.services.values():
        for alias in (s.name, *s.aliases):
            words = alias.split()
            if len(words) > 1 and not CJK_TEXT_RE.search(alias) and words[0].lower() not in GENERIC_WORDS and words[0].lower() not in COMMON_WORDS:
                firsts.setdefault(compact(words[0]), set()).add(s.id)
    for key, ids in firsts.items():
        if len(ids) == 1 and len(key) > 3:  # "#xboxdown" -> xbox-live
            vocab.compact.setdefault(key, next(iter(ids)))
    vocab.publishers = frozenset(s.id for s in catalog.services.values() if s.category == "news")
    vocab.category_of = {s.id: s.category for s in catalog.services.values() if s.category}
    vocab.short_names = _short_names(catalog)
    vocab.short_capitals = _short_capitals(catalog, vocab.short_names)
    vocab.short_firsts = {brand: frozenset(words[0] for words in table) for brand, table in vocab.short_names.items()}
    vocab.short_cased = _short_function_words(vocab.short_names)
    vocab.short_words = frozenset().union(*vocab.short_firsts.values(), *vocab.short_capitals.values())
    vocab.searched_products = _searched_products(vocab.short_names, vocab.short_capitals)
    _typos(vocab)
    vocab.brand_family = _brand_families(vocab)
    return vocab


# Ways people name a provider or service that the catalog does not list as aliases.
CASUAL_NAMES = {
    "amazon's cloud": "aws", "amazon cloud": "aws", "amazon's aws": "aws", "amazon’s cloud": "aws",
    "microsoft's cloud": "azure", "microsoft cloud": "azure", "microsoft's azure": "azure", "microsoft azure": "azure",
    "google's cloud": "gcp", "google’s cloud": "gcp", "oracle's cloud": "oracle", "oracle cloud": "oracle",
    "office 365": "microsoft-365", "o365": "microsoft-365", "m365": "microsoft-365",
    # what users call a service for short, no word of any supported language: "moving from gmeet to asana",
    # "1pw dark mode", "xbl still won't let me in", "air bnb app", "the bird app", "Adobe CC is dead"
    "gmeet": "google-meet", "1pw": "1password", "xbl": "xbox-live", "air bnb": "airbnb", "the bird app": "x",
    "adobe cc": "adobe/creative-cloud",
}
# Short names users type that are letters of other things too ("ig" is also "I guess", IG Metall): a nickname
# (lexicon.NICKNAMES), the brand only with a complaint right after it or in a language without the word.
TYPED_NICKNAMES = {"ig": "instagram"}
# Short names a brand's own products go by beside it ("azure ... vms", "AWS ... ec2").
EXTRA_SHORT = {"azure/virtual-machines": ("vm", "vms", "virtual machines",
                                          # as Azure's localized status pages and portals say them
                                          "máquinas virtuales", "máquinas virtuais", "machines virtuelles",
                                          "macchine virtuali", "virtuele machines", "virtuelle maschinen",
                                          "virtuellen maschinen", "maszyny wirtualne", "maszyn wirtualnych",
                                          "virtuella datorer", "virtuella maskiner", "sanal makineler",
                                          "sanal makinelerin", "máquina virtual", "machine virtuelle",
                                          "macchina virtuale", "maszyna wirtualna", "virtuell dator"),
               "azure/storage": ("storage", "blob storage", "armazenamento", "almacenamiento", "stockage",
                                 "archiviazione", "opslag", "speicher", "lagring", "depolama", "magazyn",
                                 "storage-konto", "storagekonto"),
               "azure/sql-database": ("sql database", "sql"), "gcp/bigquery": ("bigquery",),
               "cloudflare/zero-trust": ("access", "gateway", "zero trust"), "openai/api": ("api",),
               "digitalocean/droplets": ("droplet", "droplets"),
               "aws/s3": ("s3",), "aws/ec2": ("ec2",), "aws/lambda": ("lambda",),
               # A provider's product by what its customers call what they rent: OVH's dedicated servers are its
               # Bare Metal line, its instances Public Cloud; Linode's instances its Compute.
               "ovhcloud/bare-metal": ("dedicated server", "dedicated box", "dedicated boxes", "dedicated machines",
                                       "serveur dédié", "serveurs dédiés", "dédié", "dédiés", "serwer dedykowany",
                                       "serwery dedykowane", "serwerów dedykowanych", "servidor dedicado",
                                       "servidores dedicados", "server dedicati", "dedizierte server",
                                       "dedizierten server", "bare metal", "bare-metal"),
               "ovhcloud/public-cloud": ("instance", "instances"),
               # As the providers' own localized consoles and status pages name their products
               "azure/portal": ("portale", "portail", "portal", "portal blade", "portal blades"),
               # AWS's console beside AWS or its region codes, only said failing right after it (service_rules.SAID_FAILING)
               "aws/console": ("console",),
               # IBM's managed Kubernetes as its status page and customers name it beside IBM
               "ibm/kubernetes-service": ("kubernetes service", "kubernetes"),
               "azure/functions": ("functions", "funzioni", "funciones", "funções", "fonctions", "funktionen",
                                   "funkcje"),
               "azure/app-service": ("servizio app", "servicio de aplicaciones", "serviço de aplicativo"),
               # What customers rent from a provider's compute: its instances, its VMs ("VM-ki" in Polish). Read
               # only where no other product of the provider is named (service_rules.RENTED: "Cloud SQL instances",
               # "RDS instances" are that product's).
               "gcp/compute-engine": ("vm", "vms", "vm-ki", "vmki", "instances", "instance"),
               "oracle/oci-compute": ("compute", "compute instances", "instances", "instance"),
               "linode/compute": ("instance", "instances", "compute instance")}


# A provider's products as its Japanese and Korean consoles, status pages and customers write them, found inside
# a run of CJK text ("Azure 포털에 로그인할 수 없는", "ポータルもリソース一覧が出ない", "애저 ... 스토리지 지연"):
# read only beside the provider's name, as the Latin-script short names are.
CJK_SHORT = {"azure/portal": ("포털", "ポータル"),
             "azure/storage": ("스토리지", "ストレージ"),
             "azure/virtual-machines": ("가상 머신", "가상머신", "仮想マシン"),
             "azure/active-directory": ("엔트라", "エントラ"),
             "aws/console": ("マネジメントコンソール", "管理コンソール", "관리 콘솔", "매니지먼트 콘솔"),
             "gcp/compute-engine": ("컴퓨트 엔진", "コンピュート エンジン")}


_CAMEL = re.compile(r"[A-Z][a-z]+")


def _initials(catalog: Catalog) -> dict[str, tuple[str, str]]:
    """"gh actions", "yt music": a product name whose brand is one CamelCase word ("GitHub Actions",
    "YouTube Music"), with the brand shortened to its capitals. Never a bare "gh": only with the
    rest of the product's name, which is the evidence."""
    from outagewatch.nlp.lang import _stop_words

    stop = _stop_words("en")
    out: dict[str, tuple[str, str]] = {}  # "gh actions" -> (entry, "GitHub Actions")
    for entry in (*catalog.providers.values(), *catalog.services.values()):
        for alias in (entry.name, *entry.aliases):
            words = alias.split()
            parts = _CAMEL.findall(words[0]) if len(words) > 1 else []
            if len(parts) > 1 and "".join(parts) == words[0]:
                short = "".join(p[0] for p in parts).lower()
                if short not in stop:
                    out.setdefault(" ".join([short, *words[1:]]).lower(), (entry.id, alias))
    return out


def _typos(vocab: Vocabulary) -> None:
    """Long one-word names of one entry, for the one-edit search (nlp/typos.py); the dictionary
    words near them and the languages where an everyday-word name is a word, from the shipped table."""
    for phrase, names in vocab.phrases.items():
        entries = {n.ids[0] for n in names if n.kind in ("service", "provider")}
        if len(entries) != 1 or not phrase.isalpha() or not phrase.isascii() or len(phrase) < typos.MIN_NAME:
            continue
        if phrase in COMMON_WORDS and len(phrase) < 7:
            continue  # "stripe", "signal", "notion": too many words of their own nearby
        vocab.typo_names[phrase] = entries.pop()
    vocab.typo_index = typos.index(vocab.typo_names)
    vocab.lookalikes = typos.lookalikes()
    vocab.everyday_in = typos.everyday_languages()
    vocab.proper_names = typos.proper_names()


def _short_names(catalog: Catalog) -> dict[str, dict[tuple[str, ...], str]]:
    """brand (service id prefix or provider id) -> short product name (tokens) -> service."""
    brands: dict[str, set[str]] = {}
    for p in catalog.providers.values():
        brands[p.id] = {w.lower() for alias in (p.name, *p.aliases) for w in alias.split()[:1]}
    out: dict[str, dict[tuple[str, ...], str]] = {}
    for s in catalog.services.values():
        if "/" not in s.id:
            continue
        brand = s.provider or s.id.split("/")[0]
        words_of_brand = brands.get(brand, set()) | {brand, s.id.split("/")[0]}
        table = out.setdefault(brand, {})
        for alias in (s.name, *s.aliases):
            written = alias.split()
            words = alias.lower().split()
            rest = written[1:]
            # "Azure Cosmos DB" -> "cosmos db", "AWS EC2" -> "ec2"; not one plain word ("Workers", "Networking")
            if len(words) > 1 and words[0] in words_of_brand and \
                    (len(rest) > 1 or any(c.isdigit() or c.isupper() for c in rest[0][1:])):
                table.setdefault(tuple(words[1:]), s.id)
        for extra in EXTRA_SHORT.get(s.id, ()):
            table.setdefault(tuple(extra.split()), s.id)
    for table in out.values():  # "our app services return 503": a product name in the plural
        for words, entry in list(table.items()):
            last = words[-1]
            if last.isalpha() and not last.endswith("s"):
                table.setdefault((*words[:-1], last + "s"), entry)
    return out


def _short_function_words(short: dict[str, dict[tuple[str, ...], str]]) -> frozenset[str]:
    """The one-word short names that are a function word in one of the supported languages (spaCy's stop
    words): "ad" (Azure AD; Italian "to"), "ses" (Amazon SES; French "his"), "oss" (Alibaba OSS; Swedish "us")."""
    from outagewatch.nlp.lang import _stop_words

    stops = set().union(*(_stop_words(lang) for lang in ("en", "es", "fr", "pt", "de", "it", "nl", "pl", "tr", "sv")))
    return frozenset(words[0] for table in short.values() for words in table if len(words) == 1 and words[0] in stops)


def _searched_products(short: dict[str, dict[tuple[str, ...], str]],
                       capitals: dict[str, dict[str, str]]) -> dict[str, str]:
    """A product's one word without its brand (``short_names``' one-word names, ``short_capitals``) -> the
    product, where no other product of any brand has that word: "athena" -> aws/athena, "r2" ->
    cloudflare/r2; not "instances" (OVH's and Linode's) nor "functions" alone of one brand if another has it."""
    seen: dict[str, set[str]] = {}
    for table in short.values():
        for words, entry in table.items():
            if len(words) == 1 and words[0].isalnum():
                seen.setdefault(words[0], set()).add(entry)
    for table in capitals.values():
        for word, entry in table.items():
            seen.setdefault(word, set()).add(entry)
    return {word: next(iter(entries)) for word, entries in seen.items()
            if len(entries) == 1 and len(word) > 1 and word.isascii() and word not in KINDS_OF_PRODUCT
            and word.rstrip("s") not in KINDS_OF_PRODUCT}


# Words that name a kind of product, not one product: a search for "storage" or "console" is no search for
# Azure Storage or the AWS console, whatever brand's catalog name ends in them.
KINDS_OF_PRODUCT = frozenset({"ad", "api", "arm", "blob", "cache", "cloud", "console", "edge", "express", "file",
                              "firewall", "function", "gateway", "logging", "monitor", "monitoring", "networking",
                              "platform", "portal", "proxy", "storage", "sql", "vm", "access", "connect", "pages",
                              "spark", "boards", "repos", "pipelines", "kubernetes", "openai", "warp", "kv",
                              "almacenamiento", "archiviazione", "armazenamento", "depolama", "lagring", "magazyn",
                              "opslag", "speicher", "stockage", "storagekonto", "dédié", "dédiés", "droplet",
                              "instance", "vps", "claude", "chatgpt", "confluence", "jira", "entra", "glue", "aurora",
                              "spaces", "workers", "athena"})


def _short_capitals(catalog: Catalog, short: dict[str, dict[tuple[str, ...], str]]) -> dict[str, dict[str, str]]:
    """brand -> a product's one plain word after the brand in its name ("DigitalOcean Spaces" -> "spaces",
    "GitHub Actions" -> "actions"), when that word names one product of the brand and is not already a
    short name; the resolver takes it only capitalised, beside the brand."""
    brands: dict[str, set[str]] = {}
    for p in catalog.providers.values():
        brands[p.id] = {w.lower() for alias in (p.name, *p.aliases) for w in alias.split()[:1]}
    found: dict[str, dict[str, set[str]]] = {}
    for s in catalog.services.values():
        if "/" not in s.id:
            continue
        brand = s.provider or s.id.split("/")[0]
        words_of_brand = brands.get(brand, set()) | {brand, s.id.split("/")[0]}
        for alias in (s.name, *s.aliases):
            words = alias.lower().split()
            if len(words) == 2 and words[0] in words_of_brand and words[1].isalpha() \
                    and (words[1],) not in short.get(brand, {}):
                found.setdefault(brand, {}).setdefault(words[1], set()).add(s.id)
    from outagewatch.nlp.lang import _stop_words

    stop = _stop_words("en")  # "One" of Cloudflare One: the word first
    return {brand: {word: next(iter(ids)) for word, ids in table.items() if len(ids) == 1 and word not in stop}
            for brand, table in found.items()}


def _brand_families(vocab: Vocabulary) -> dict[str, frozenset[str]]:
    families: dict[str, frozenset[str]] = {}
    ordered = sorted(vocab.phrases)
    for phrase, names in vocab.phrases.items():
        for name in names:
            if not name.ambiguous or name.kind not in ("service", "provider"):
                continue
            own = name.ids[0]
            root = own.split("/")[0]
            family = set()
            prefix = phrase + " "
            i = bisect.bisect_left(ordered, prefix)  # the phrases that start with this one, in order
            while i < len(ordered) and ordered[i].startswith(prefix):
                for other in vocab.phrases[ordered[i]]:
                    entry = other.ids[0] if other.kind in ("service", "provider") else None
                    if entry and entry.split("/")[0] != root and vocab.provider_of.get(entry) != own:
                        family.add(entry)
                i += 1
            if family:
                families[own] = frozenset(family)
    return families


def _ambiguous(alias: str, flagged: bool) -> bool:
    """A single everyday word that names a flagged (or commonly ambiguous) brand."""
    if " " in alias or "." in alias:
        return False
    return flagged or alias.lower() in COMMON_WORDS


def _needs_case(alias: str) -> bool:
    words = alias.lower().split()
    return len(words) > 1 and all(w in GENERIC_WORDS or w in COMMON_WORDS for w in words)


def _is_place(alias: str, places: dict[str, str]) -> bool:
    if alias in places:
        return True
    if CJK_TEXT_RE.search(alias):
        return False  # "東日本" is the provider's name for its region, not a place of the gazetteer
    if "(" in alias or REGION_CODE_RE.match(alias):
        return False
    words = {w for w in re.split(r"[\s'-]+", alias.lower()) if w}
    return not (words & COMPASS or any(w.startswith(COMPASS_PREFIXES) and len(w) > 8 for w in words))


_FOLDED: dict[int, dict[str, str]] = {}


def _folded(places: dict[str, str]) -> dict[str, str]:
    table = _FOLDED.get(id(places))
    if table is None:
        _FOLDED.clear()
        table = _FOLDED[id(places)] = {fold(k): v for k, v in places.items()}
    return table


def _geo_of(place: str, region_ids, catalog: Catalog, places: dict[str, str]) -> str | None:
    if place in places:
        return places[place]
    folded = _folded(places)
    if fold(place) in folded:
        return folded[fold(place)]
    regions = [catalog.regions[i] for i in region_ids]
    subdivisions = {r.place for r in regions if r.place}
    if len(subdivisions) == 1:
        return subdivisions.pop()
    countries = {r.country for r in regions if r.country}
    if len(countries) == 1:
        return countries.pop()
    return None
