"""Status pages that speak JSON: Atlassian Statuspage API v2, Google Cloud's
``incidents.json`` and the AWS Health current-events feed.

One Signal per status *update* (not per incident): correlation wants to know when
the provider first said something and when it said "resolved", and an incident's
updates are exactly those moments.

Documents are read item by item (:mod:`~outagewatch.collectors.jsondoc`): one incident or
event is built at a time, with its lists capped, so a 20 MB body costs the body plus one
bounded item and at most ``MAX_ITEMS`` Signals, never 14 to 24 times the body in Python objects.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any, Iterable
from urllib.parse import urlsplit

from outagewatch.catalog import load_catalog
from outagewatch.collectors import http
from outagewatch.collectors.base import MAX_ITEMS, MAX_NAMES, BadResponse, FetchContext, FetchResult, SourceConfig
from outagewatch.collectors.jsondoc import ItemTooLarge, JSONDocument
from outagewatch.collectors.text import STATUSPAGE_STAGES, aws_service_region, digest, plain, stage_of
from outagewatch.signal import Signal, SignalError
from outagewatch.timeutil import parse_time

SEEN_LIMIT = 5000
NAME_SCAN = 10 * MAX_NAMES  # elements of a component list read for its first MAX_NAMES distinct names


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
        result = FetchResult()
        self.parse(response.body, ctx.now, result)
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

    def parse(self, body: bytes, now: datetime, result: FetchResult) -> None:  # pragma: no cover - abstract
        """Add the Signals (and rejections) of one fetched body to ``result``; a body that
        is not this kind of document at all is a :class:`BadResponse`."""
        raise NotImplementedError

    def _items(self, doc: JSONDocument, depth: int, caps: dict[str, int], take, label, result: FetchResult,
               what: str) -> int:
        """Build each element of the array just started (its elements at nesting ``depth``)
        and hand it to ``take(item, result)``, which says whether to go on; once the
        document gave MAX_ITEMS items the rest is read past. Returns the element count."""
        going, count = True, 0
        for event, value in doc.elements():
            count += 1
            if not going:
                doc.skip(event, depth)
                continue
            try:
                item = doc.build(event, value, caps, depth=depth)
            except ItemTooLarge as exc:
                if result.full():
                    result.reject(f"more than {MAX_ITEMS} {what} in one document: the rest skipped")
                    going = False
                    continue
                result.fetched += 1
                result.reject(f"{label(exc.partial)}: {exc}")
                continue
            try:
                going = take(item, result)
            except (TypeError, ValueError, AttributeError) as exc:  # a field of an unexpected type: this item only
                result.reject(f"{label(item)}: {str(exc)[:160]}")
        return count


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

    CAPS = {"incident_updates": MAX_ITEMS, "components": NAME_SCAN, "affected_components": NAME_SCAN}

    def parse(self, body: bytes, now: datetime, result: FetchResult) -> None:
        """``{"incidents": [...]}`` (or ``summary.json``), or one incident's own JSON
        ``{"incident": {...}}``, which wins when a document has both."""
        name = self.source.options.get("signal_source") or f"statuspage:{self.host}"
        doc = JSONDocument(body)
        single: Any = None
        listed: FetchResult | None = None
        take = lambda incident, part: self._incident(incident, name, now, part)  # noqa: E731
        event, _ = doc.next()
        if event == "start_map":
            for key, event, value in doc.entries():
                if key == "incidents" and event == "start_array":
                    listed = FetchResult()
                    self._items(doc, 3, self.CAPS, take, _incident_label, listed, "updates")
                elif key == "incident" and event == "start_map":
                    try:
                        single = doc.build(event, value, self.CAPS, depth=2)
                    except ItemTooLarge as exc:
                        single = exc
                else:
                    doc.skip(event, 2)
                    if key == "incidents":
                        listed = None
                    elif key == "incident":
                        single = None
        else:
            doc.skip(event)
        doc.finish()
        if isinstance(single, ItemTooLarge):
            result.fetched += 1
            result.reject(f"{_incident_label(single.partial)}: {single}")
        elif single is not None:
            self._incident(single, name, now, result)
        elif listed is not None:
            _merge(result, listed)
        else:
            raise BadResponse("not a Statuspage incidents document (no 'incidents' list)")

    def _incident(self, incident: Any, name: str, now: datetime, result: FetchResult) -> bool:
        for signal_or_error in statuspage_signals(incident, name, now, self.by_component, self.public_base):
            if result.full():
                result.reject(f"more than {MAX_ITEMS} updates in one document: the rest skipped")
                return False
            if isinstance(signal_or_error, Signal):
                result.signals.append(signal_or_error)
            else:
                result.reject(signal_or_error)
            result.fetched += 1
        return True


def _incident_label(partial: Any) -> str:
    ident = partial.get("id", partial.get("number")) if isinstance(partial, dict) else None
    return f"incident {str(ident)[:80]}" if ident else "incident"


def _merge(result: FetchResult, part: FetchResult) -> None:
    result.signals.extend(part.signals)
    result.fetched += part.fetched
    for reason in part.rejections:
        result.reject(reason)
    result.rejected += part.rejected - len(part.rejections)


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

    CAPS = {key: cap for name, cap in (("affected_products", MAX_NAMES), ("currently_affected_locations", MAX_NAMES),
                                        ("previously_affected_locations", MAX_NAMES), ("updates", MAX_ITEMS))
            for key in (name, name.replace("_", "-"))}

    def parse(self, body: bytes, now: datetime, result: FetchResult) -> None:
        name = self.source.options.get("signal_source") or "gcp-status:status.cloud.google.com"
        doc = JSONDocument(body)
        event, _ = doc.next()
        if event != "start_array":
            doc.skip(event)
            doc.finish()
            raise BadResponse("not a Google Cloud incidents.json (expected a list)")
        self._items(doc, 2, self.CAPS, lambda incident, part: self._incident(incident, name, now, part),
                    _incident_label, result, "updates")
        doc.finish()

    def _incident(self, incident: Any, name: str, now: datetime, result: FetchResult) -> bool:
        if not isinstance(incident, dict):
            result.reject("incident is not an object")
            return True
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
                return False
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
        return True


class AWSHealthJSONCollector(JSONStatusCollector):
    """The AWS Health Dashboard's current events (a JSON list, sometimes UTF-16)."""

    CAPS = {"event_log": MAX_ITEMS}

    def parse(self, body: bytes, now: datetime, result: FetchResult) -> None:
        """A list of events, or an object whose ``current`` (else ``events``) is that list."""
        name = self.source.options.get("signal_source") or f"aws-health:{self.source.name}"
        label = lambda event: (f"event {str(event.get('service'))[:80]}"  # noqa: E731
                               if isinstance(event, dict) and event.get("service") else "event")
        known = (set(self.catalog.services), set(self.catalog.regions))
        take = lambda event, part: self._event(event, name, now, part, known)  # noqa: E731
        doc = JSONDocument(body)
        top, _ = doc.next()
        if top == "start_array":
            self._items(doc, 2, self.CAPS, take, label, result, "events")
            doc.finish()
            return
        members: dict[str, tuple[bool, FetchResult | None]] = {}  # key -> (truthy, events read when a list)
        if top == "start_map":
            for key, event, value in doc.entries():
                if key in ("current", "events") and event == "start_array":
                    part = FetchResult()
                    members[key] = (self._items(doc, 3, self.CAPS, take, label, part, "events") > 0, part)
                elif key in ("current", "events"):
                    members[key] = (_truthy(doc, event, value, 2), None)
                else:
                    doc.skip(event, 2)
        else:
            doc.skip(top)
        doc.finish()
        if top != "start_map":
            raise BadResponse("not an AWS Health events list")
        chosen = next((members[k] for k in ("current", "events") if members.get(k, (False,))[0]), None)
        if chosen is None:
            return
        if chosen[1] is None:
            raise BadResponse("not an AWS Health events list")
        _merge(result, chosen[1])

    def _event(self, event: Any, name: str, now: datetime, result: FetchResult,
               known: tuple[set[str], set[str]]) -> bool:
        services_known, regions_known = known
        if not isinstance(event, dict):
            result.reject("event is not an object")
            return True
        key = str(event.get("service") or "")
        services, regions = aws_service_region(key, services_known, regions_known)
        title = plain(event.get("summary")) or None
        log = event.get("event_log") or [{"summary": event.get("summary"), "message": event.get("description"),
                                           "timestamp": event.get("date")}]
        for entry in log if isinstance(log, list) else []:
            if result.full():
                result.reject(f"more than {MAX_ITEMS} events in one document: the rest skipped")
                return False
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
        return True


def _truthy(doc: JSONDocument, event: str, value: Any, depth: int) -> bool:
    """Whether the value ``event`` starts is truthy in Python (a non-empty object or
    list, a non-empty string, a non-zero number), reading past it without building it."""
    if event not in ("start_map", "start_array"):
        return bool(value)
    inner, _ = doc.next()
    if inner in ("end_map", "end_array"):
        return False
    if inner in ("start_map", "start_array"):
        doc.skip(inner, depth + 1)
    doc.skip("start_map", depth)  # the rest of the container this one opened
    return True
