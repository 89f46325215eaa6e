"""What a Signal's ``source`` says about what it speaks of.

A post by ``@RokuSupport``, an update on ``status.flickr.net``, an AWS Health event
``kinesis-us-east-1`` or a report page ``downdetector/roku`` names its service before a
word of text is read. That is the strongest evidence the tagger has, and the context
that lets "Lambda" or "Slack" in the text count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from outagewatch.nlp.vocabulary import (REGION_CODE_RE, Vocabulary, compact, entries_for_host, fold, host_of,
                                        script_key)

# A brand's handle with a country's or language's two letters after an underscore: "@ovhcloud_fr", "@xbox_kr".
LOCAL_HANDLE = re.compile(r"^@([a-z0-9]{3,})_([a-z]{2})$")
STATUS_PREFIXES = ("statuspage", "status", "aws-health", "gcp-status", "azure-status", "health", "rss-status")


@dataclass(frozen=True, slots=True)
class SourceContext:
    kind: str | None = None  # social, status, reports, news (guessed from the prefix)
    services: tuple[str, ...] = ()
    providers: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    words: frozenset[str] = field(default_factory=frozenset)  # a search query's words: context only
    named: frozenset[str] = field(default_factory=frozenset)  # the entries a search query names: context only
    # The brand whose products share the status page, where the page names no one of them (status.openai.com:
    # ChatGPT and the API): context for the brand's short product names ("API"), never a tag.
    brands: tuple[str, ...] = ()
    # A status page several of a company's services share, where the company is no catalog entry and no provider
    # (status.riotgames.com: League of Legends and Valorant; status.epicgames.com): its services, and the one it
    # speaks for where the text names none of them, the first the catalog lists with that page.
    page: tuple[str, ...] = ()


EMPTY = SourceContext()


def parse_source(source: str | None, vocab: Vocabulary) -> SourceContext:
    if not source:
        return EMPTY
    cache = vocab.source_cache
    hit = cache.get(source)
    if hit is None:
        hit = _parse_source(source, vocab)
        if len(cache) < 100_000:
            cache[source] = hit
    return hit


def _parse_source(source: str, vocab: Vocabulary) -> SourceContext:
    prefix, _, rest = source.partition(":")
    prefix = prefix.strip().lower()
    rest = rest.strip()
    services: list[str] = []
    providers: list[str] = []
    regions: list[str] = []
    brands: list[str] = []
    page: tuple[str, ...] = ()
    words: frozenset[str] = frozenset()
    named: frozenset[str] = frozenset()
    kind = _kind(prefix)

    def take(entry_id: str | None) -> None:
        if not entry_id:
            return
        if entry_id in vocab.regions_by_provider or vocab.provider_of.get(entry_id) == entry_id:
            providers.append(entry_id)
        else:
            services.append(entry_id)

    if prefix in vocab.status_kinds:
        # aws-health:kinesis-us-east-1 -> provider aws, service kinesis, region us-east-1
        provider = vocab.status_kinds[prefix]
        providers.append(provider)
        remainder = rest.lower()
        for code, region_id in sorted(vocab.codes.items(), key=lambda kv: -len(kv[0])):
            if region_id.startswith(provider + ":") and code in remainder:
                regions.append(region_id)
                remainder = remainder.replace(code, " ")
                break
        for part in [remainder] + re.split(r"[^a-z0-9]+", remainder):
            key = compact(part)
            for candidate in (f"{provider}/{key}", key):
                entry = vocab.compact.get(candidate)
                if entry and vocab.provider_of.get(entry) == provider and entry != provider:
                    services.append(entry)
                    break
            if services:
                break
    elif prefix in SEARCH_PREFIXES and (query := SEARCH.match(rest)):
        # x:search:Q, bluesky:search:Q, hn:search:Q, reddit:search:Q, mastodon:INSTANCE/search:Q
        found = re.findall(r"[\w@#.+-]+", query.group(1))
        words = frozenset(fold(w) for w in found) | frozenset(w.lower() for w in found)
        named = _query_names(query.group(1), vocab)
    elif prefix == "x" or prefix == "twitter":
        handle = rest.lower() if rest.startswith("@") else f"@{rest.lower()}"
        entry = vocab.handles.get(handle)
        if entry is None and (arm := LOCAL_HANDLE.match(handle)):
            # a brand's account for one country or language, "@OVHcloud_FR", "@Uber_ES", "@PlayStation_jp": the brand
            entry = vocab.handles.get(f"@{arm.group(1)}") or vocab.compact.get(compact(arm.group(1)))
        take(entry)
    elif prefix == "reddit" and rest.lower().startswith("r/"):
        # A subreddit named after a brand is that brand's community: r/aws, r/snowflake, r/Ring; so is one named
        # after it with a word subreddits add (r/FortNiteBR, r/pelotoncycle, r/SnapchatHelp, r/doordash_drivers)
        key = compact(rest[2:])
        take(vocab.compact.get(key) or _subreddit_brand(key, vocab))
    elif prefix in ("reports", "downdetector"):
        # reports:downdetector/roku, and the report page's own form downdetector:roku (or its URL's path)
        slug = rest.rstrip("/").rsplit("/", 1)[-1]
        take(vocab.compact.get(compact(slug)))
    elif kind == "status" or "." in rest:
        host = host_of(rest)
        shared = vocab.hosts.get(host or "", ())
        roots = {e.split("/")[0] for e in shared if "/" in e}
        if len(shared) > 1 and len(roots) == 1 and all("/" in e for e in shared):
            brands.append(roots.pop())
        elif len(shared) > 1 and kind == "status" and "status" in host and not entries_for_host(vocab, host) and \
                not any(vocab.provider_of.get(e) for e in shared):
            page = tuple(shared)
        if host:
            for entry_id in entries_for_host(vocab, host):
                if kind == "news" and entry_id in vocab.publishers:
                    continue  # the Guardian's own feed: what it publishes is about others, not the Guardian
                take(entry_id)
    if REGION_CODE_RE.match(rest.rsplit("/", 1)[-1] or ""):
        region = vocab.codes.get(rest.rsplit("/", 1)[-1].lower())
        if region:
            regions.append(region)
    for service in services:
        provider = vocab.provider_of.get(service)
        if provider:
            providers.append(provider)
    return SourceContext(kind=kind, services=tuple(dict.fromkeys(services)),
                         providers=tuple(dict.fromkeys(providers)), regions=tuple(dict.fromkeys(regions)),
                         words=words, named=named, brands=tuple(brands), page=page)


# What subreddits add to a brand's name (r/FortNiteBR, r/EpicGamesPC, r/pelotoncycle, r/SnapchatHelp,
# r/InstacartShoppers, r/doordash_drivers, r/teslamotors): the community of that brand's users, as the writers label it.
SUBREDDIT_SUFFIXES = frozenset({"help", "support", "status", "outage", "outages", "br", "pc", "cycle", "shoppers",
                                "drivers", "dashers", "motors", "app", "users", "community", "official", "game", "games",
                                "deck", "competitive", "creators", "mobile", "lunatics"})


def _subreddit_brand(key: str, vocab: Vocabulary) -> str | None:
    """The entry a subreddit's name is made of: a catalog name of five letters or more, then one word of
    ``SUBREDDIT_SUFFIXES`` (never a name inside another word: r/InstantPot is no Instagram's "insta")."""
    for cut in range(len(key) - 2, 4, -1):
        if key[cut:] in SUBREDDIT_SUFFIXES:
            entry = vocab.compact.get(key[:cut])
            if entry:
                return entry
    return None


# A search's source: "x:search:roku down", "bluesky:search:...", "mastodon:mastodon.social/search:...".
SEARCH = re.compile(r"(?i)^(?:[^/:\s]+/)?search:(.*)$")
SEARCH_PREFIXES = frozenset({"x", "twitter", "bluesky", "mastodon", "reddit", "hn"})


def _query_names(query: str, vocab: Vocabulary) -> frozenset[str]:
    """The services and providers a search query names ("hbomax", "league", "스위치 온라인", "prime video"):
    what the search was for, never evidence alone (a search for "steam" finds the vapour too)."""
    low = query.lower().strip()
    words = re.findall(r"[\w@#.+-]+", low)
    candidates = {low, " ".join(words), "".join(words), *words}
    candidates.update(" ".join(words[i:i + 2]) for i in range(len(words) - 1))
    found = set()
    for candidate in candidates:
        for nm in (*vocab.phrases.get(candidate, ()), *vocab.script_names.get(script_key(candidate), ())):
            if nm.kind in ("service", "provider"):
                found.add(nm.ids[0])
        entry = vocab.compact.get(compact(candidate)) if len(compact(candidate)) > 2 else None
        if entry:
            found.add(entry)
    return frozenset(found)


def _kind(prefix: str) -> str | None:
    if prefix in ("x", "twitter", "mastodon", "reddit", "social"):
        return "social"
    if prefix in STATUS_PREFIXES or prefix.endswith("-health") or prefix.endswith("status"):
        return "status"
    if prefix in ("reports", "downdetector"):
        return "reports"
    if prefix in ("news", "rss", "feed"):
        return "news"
    return None

