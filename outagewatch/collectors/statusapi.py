"""Status pages that speak JSON: Atlassian Statuspage API v2, Google Cloud's
``incidents.json`` and the AWS Health current-events feed.

One Signal per status *update* (not per incident): correlation wants to know when
the provider first said something and when it said "resolved", and an incident's
updates are exactly those moments.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any, Iterable
from urllib.parse import urlsplit

import orjson

from outagewatch.catalog import load_catalog
from outagewatch.collectors import http
from outagewatch.collectors.base import MAX_ITEMS, MAX_NAMES, BadResponse, FetchContext, FetchResult, SourceConfig
from outagewatch.collectors.text import STATUSPAGE_STAGES, aws_service_region, digest, plain, stage_of
from outagewatch.signal import Signal, SignalError
from outagewatch.timeutil import parse_time

SEEN_LIMIT = 5000


def _decode_json(body: bytes) -> Any:
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            text = body.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise BadResponse("body is not UTF-8 or UTF-16 text")
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        raise BadResponse(f"malformed JSON: {str(exc)[:120]}") from None


def _norm(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", name.lower()).strip()


class JSONStatusCollector:
    """Shared fetch/dedupe loop; subclasses say where to fetch and how to read the JSON."""

    prefix = "status"

    def __init__(self, source: SourceConfig) -> None:
        if not source.url:
            raise ValueError(f"source {source.name}: a {source.kind} source needs a url")
        self.source = source
        self.catalog = load_catalog()

    def endpoint(self) -> str:
        return self.source.url

    def fetch(self, ctx: FetchContext) -> FetchResult:
        response = http.get(ctx.http, self.endpoint(), checkpoint=ctx.checkpoint, accept=("json", "javascript", "text/plain"),
                            record=ctx.record, max_bytes=int(self.source.options.get("max_bytes", http.MAX_BYTES)))
        if response.not_modified:
            return FetchResult(checkpoint={**ctx.checkpoint, **response.validators}, not_modified=True)
        data = _decode_json(response.body)
        result = FetchResult()
        self.parse(data, ctx.now, result)
        seen: dict[str, str] = dict(ctx.checkpoint.get("seen") or {})
        fresh = []
        for signal in result.signals:
            fingerprint = digest(signal.title, signal.text, signal.status, signal.published_at)
            if seen.get(signal.id) != fingerprint:
                seen[signal.id] = fingerprint
                fresh.append(self.source.implied_tags(signal))
        if len(seen) > SEEN_LIMIT:
            seen = dict(list(seen.items())[-SEEN_LIMIT:])
        result.signals = fresh
        result.checkpoint = {**response.validators, "seen": seen}
        return result

    def parse(self, data: Any, now: datetime, result: FetchResult) -> None:  # pragma: no cover - abstract
        raise NotImplementedError


class StatuspageCollector(JSONStatusCollector):
    """Atlassian Statuspage: ``{base}/api/v2/incidents.json`` (or ``summary.json``).

    Components are mapped to catalog services: a page that belongs to one catalog
    service tags everything with it; a page shared by several (Cloudflare's) maps each
    affected component by name, and ``components = {"Name" = "service-id"}`` in the
    source config overrides both.
    """

    def __init__(self, source: SourceConfig) -> None:
        super().__init__(source)
        self.base = source.url.rstrip("/").split("/api/v2/")[0]
        public = (source.options.get("public_url") or source.url).rstrip("/").split("/api/v2/")[0]
        self.public_base = public
        self.host = urlsplit(public).hostname or source.name
        page_services = [s for s in self.catalog.services.values()
                         if s.status_page and (s.status_page.get("url") or "").rstrip("/") == public]
        self.page_services = page_services
        self.by_component = {_norm(k): v for k, v in (source.options.get("components") or {}).items()}
        for service in page_services:
            for name in (service.name, *service.aliases):
                self.by_component.setdefault(_norm(name), service.id)
        if not source.services and len(page_services) == 1:
            source.services = [page_services[0].id]

    def endpoint(self) -> str:
        return self.source.url if "/api/v2/" in self.source.url else f"{self.base}/api/v2/incidents.json"

    def parse(self, data: Any, now: datetime, result: FetchResult) -> None:
        if isinstance(data, dict) and "incident" in data and isinstance(data["incident"], dict):
            incidents = [data["incident"]]  # one incident's own JSON (incidents/ID.json)
        elif isinstance(data, dict) and isinstance(data.get("incidents"), list):
            incidents = data["incidents"]
        else:
            raise BadResponse("not a Statuspage incidents document (no 'incidents' list)")
        name = self.source.options.get("signal_source") or f"statuspage:{self.host}"
        for incident in incidents:
            for signal_or_error in statuspage_signals(incident, name, now, self.by_component, self.public_base):
                if result.full():
                    result.reject(f"more than {MAX_ITEMS} updates in one document: the rest skipped")
                    return
                if isinstance(signal_or_error, Signal):
                    result.signals.append(signal_or_error)
                else:
                    result.reject(signal_or_error)
                result.fetched += 1


def statuspage_signals(incident: Any, source_name: str, now: datetime, by_component: dict[str, str] | None = None,
                       base: str | None = None) -> Iterable[Signal | str]:
    """One Signal per update of one Statuspage incident; a string for each bad update."""
    if not isinstance(incident, dict) or not incident.get("id"):
        yield "incident without an id"
        return
    by_component = by_component or {}
    # Linear in the document: names are deduplicated through a dict and capped per update
    # (a million affected components must not cost a million squared, nor a million each
    # in every stored Signal's raw).
    components = _names(c for c in _list(incident.get("components")))
    updates = _list(incident.get("incident_updates"))
    title = incident.get("name") or None
    url = incident.get("shortlink") or (f"{base}/incidents/{incident['id']}" if base else None)
    for update in updates:
        if not isinstance(update, dict):
            yield f"incident {incident['id']}: update is not an object"
            continue
        names = _names(_list(update.get("affected_components")), dict(components))
        services = list(dict.fromkeys(s for s in (by_component.get(_norm(n)) for n in names) if s))
        try:
            when = parse_time(update.get("display_at") or update.get("created_at") or incident.get("created_at"))
            yield Signal(
                source_kind="status", source=source_name, published_at=when, collected_at=now,
                title=title, text=plain(update.get("body")) or title or "", url=url,
                status=STATUSPAGE_STAGES.get(str(update.get("status")), stage_of(update.get("body"))),
                native_id=f"{incident['id']}/{update.get('id') or when.isoformat()}", services=services,
                raw={"incident": incident["id"], "impact": incident.get("impact"), "components": list(names),
                     "update_status": update.get("status")},
            )
        except (ValueError, SignalError, TypeError, AttributeError) as exc:
            yield f"incident {str(incident['id'])[:80]}: {exc}"


def _list(value: Any) -> list:
    return value if isinstance(value, list) else []


def _names(items: Iterable[Any], names: dict[str, None] | None = None) -> dict[str, None]:
    """Component names in order, once each, at most :data:`MAX_NAMES`."""
    names = {} if names is None else names
    for item in items:
        if len(names) >= MAX_NAMES:
            break
        if isinstance(item, dict) and isinstance(item.get("name"), str) and item["name"]:
            names.setdefault(item["name"], None)
    return names


class GCPCollector(JSONStatusCollector):
    """``https://status.cloud.google.com/incidents.json``: older files use hyphenated
    keys (``service-name``, ``most-recent-update``), newer ones underscores and
    ``affected_products``/``currently_affected_locations``; both are read."""

    def __init__(self, source: SourceConfig) -> None:
        super().__init__(source)
        self.products = {}
        for service in self.catalog.services.values():
            if service.provider == "gcp":
                for name in (service.name, *service.aliases, service.id.split("/", 1)[1]):
                    self.products[_norm(name)] = service.id
                    self.products[_norm(name.removeprefix("Google "))] = service.id

    def endpoint(self) -> str:
        url = self.source.url.rstrip("/")
        return url if url.endswith(".json") else f"{url}/incidents.json"

    def parse(self, data: Any, now: datetime, result: FetchResult) -> None:
        if not isinstance(data, list):
            raise BadResponse("not a Google Cloud incidents.json (expected a list)")
        name = self.source.options.get("signal_source") or "gcp-status:status.cloud.google.com"
        for incident in data:
            if not isinstance(incident, dict):
                result.reject("incident is not an object")
                continue
            get = lambda key, inc=incident: inc.get(key, inc.get(key.replace("_", "-")))  # noqa: E731
            incident_id = str(get("id") or get("number") or "")
            products = [p.get("title") for p in _list(get("affected_products"))[:MAX_NAMES] if isinstance(p, dict)]
            if not products and get("service_name"):
                products = [get("service_name")]
            services = [self.products[_norm(p)] for p in products if p and _norm(p) in self.products]
            locations = [loc.get("id") for key in ("currently_affected_locations", "previously_affected_locations")
                         for loc in _list(get(key))[:MAX_NAMES] if isinstance(loc, dict)]
            regions = [f"gcp:{loc}" for loc in locations if f"gcp:{loc}" in self.catalog.regions]
            title = plain(get("external_desc")) or None
            updates = get("updates") or ([get("most_recent_update")] if get("most_recent_update") else [])
            for update in updates if isinstance(updates, list) else []:
                if result.full():
                    result.reject(f"more than {MAX_ITEMS} updates in one document: the rest skipped")
                    return
                result.fetched += 1
                if not isinstance(update, dict):
                    result.reject(f"incident {incident_id}: update is not an object")
                    continue
                try:
                    when = parse_time(update.get("when") or update.get("created") or get("begin"))
                    raw_status = str(update.get("status") or "")
                    text = plain(update.get("text"))
                    status = "resolved" if raw_status == "AVAILABLE" else stage_of(text)
                    if status == "informational" and raw_status in ("SERVICE_OUTAGE", "SERVICE_DISRUPTION"):
                        status = "investigating"
                    if not incident_id:
                        raise ValueError("incident without id or number")
                    result.signals.append(Signal(
                        source_kind="status", source=name, published_at=when, collected_at=now, title=title,
                        text=text or title or "", status=status, services=list(services), providers=["gcp"],
                        regions=list(regions), native_id=f"{incident_id}/{update.get('created') or when.isoformat()}",
                        url=f"https://status.cloud.google.com/{get('uri')}" if get("uri") else None,
                        raw={"incident": incident_id, "severity": get("severity"), "status": raw_status,
                             "products": products, "locations": locations}))
                except (ValueError, SignalError, TypeError, AttributeError) as exc:
                    result.reject(f"incident {incident_id[:80]}: {exc}")


class AWSHealthJSONCollector(JSONStatusCollector):
    """The AWS Health Dashboard's current events (a JSON list, sometimes UTF-16)."""

    def parse(self, data: Any, now: datetime, result: FetchResult) -> None:
        if isinstance(data, dict):
            data = data.get("current") or data.get("events") or []
        if not isinstance(data, list):
            raise BadResponse("not an AWS Health events list")
        name = self.source.options.get("signal_source") or f"aws-health:{self.source.name}"
        services_known, regions_known = set(self.catalog.services), set(self.catalog.regions)
        for event in data:
            if not isinstance(event, dict):
                result.reject("event is not an object")
                continue
            key = str(event.get("service") or "")
            services, regions = aws_service_region(key, services_known, regions_known)
            title = plain(event.get("summary")) or None
            log = event.get("event_log") or [{"summary": event.get("summary"), "message": event.get("description"),
                                               "timestamp": event.get("date")}]
            for entry in log if isinstance(log, list) else []:
                if result.full():
                    result.reject(f"more than {MAX_ITEMS} events in one document: the rest skipped")
                    return
                result.fetched += 1
                try:
                    stamp = entry.get("timestamp") or event.get("date")
                    when = parse_time(float(stamp) if str(stamp).replace(".", "", 1).isdigit() else stamp)
                    text = plain(entry.get("message")) or plain(entry.get("summary")) or title or ""
                    result.signals.append(Signal(
                        source_kind="status", source=name, published_at=when, collected_at=now, title=title,
                        text=text, status=stage_of(entry.get("summary"), title, text), services=list(services),
                        providers=["aws"], regions=list(regions), native_id=f"{key}/{event.get('arn') or event.get('date')}/{stamp}",
                        raw={"service": key, "region_name": event.get("region_name"), "status": event.get("status")}))
                except (ValueError, SignalError, AttributeError, TypeError) as exc:
                    result.reject(f"event {key}: {exc}")
