"""The catalog: providers, their regions, and the services people talk about.

Data, not code: ``data/providers.json``, ``data/regions.json`` and ``data/services.json``
are the single source for the tagger's vocabulary, the collectors' default sources and
correlation's dependency graph. Loading checks referential integrity once, so a typo in
a ``depends_on`` fails loudly at start-up instead of silently missing a common cause.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from importlib import resources
import re
from typing import Any


# A site's region code as a provider without catalog regions writes it: "us-south", "eu-de", "us-ashburn-1".
SITE_REGION_CODE = re.compile(r"^[a-z]{2}(?:-[a-z]+)+(?:-[0-9])?$")


class CatalogError(ValueError):
    """The catalog's data contradicts itself; the message names the entry."""


@dataclass(frozen=True, slots=True)
class Site:
    """A data centre a provider without catalog regions names in its status posts ("NYC3",
    "FSN1", "GRA11", "Falkenstein"): where it is, as an ISO 3166-2 code. Said with its provider,
    it places a text there (``geo:``); it is no region id of its own."""

    code: str  # the letters of the provider's data-centre codes; a number follows ("NYC" -> NYC1, NYC3); or,
    # in lower case with hyphens, the region code a provider without catalog regions gives the site ("us-south")
    name: str  # the place the provider calls it by ("New York", "Falkenstein")
    place: str  # ISO 3166-2 (or 3166-1) code

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "place": self.place}


@dataclass(frozen=True, slots=True)
class Provider:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    handles: tuple[str, ...] = ()
    status_page: dict[str, Any] | None = None
    has_regions: bool = False
    ambiguous: bool = False
    report_slug: str | None = None
    sites: tuple[Site, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "aliases": list(self.aliases), "handles": list(self.handles),
                "status_page": self.status_page, "has_regions": self.has_regions, "ambiguous": self.ambiguous,
                "report_slug": self.report_slug, "sites": [site.to_dict() for site in self.sites]}


@dataclass(frozen=True, slots=True)
class Region:
    id: str
    provider: str
    code: str
    name: str
    city: str | None = None
    place: str | None = None
    country: str | None = None
    aliases: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "provider": self.provider, "code": self.code, "name": self.name, "city": self.city,
                "place": self.place, "country": self.country, "aliases": list(self.aliases)}


@dataclass(frozen=True, slots=True)
class Service:
    id: str
    name: str
    provider: str | None = None
    kind: str | None = None
    category: str | None = None
    aliases: tuple[str, ...] = ()
    handles: tuple[str, ...] = ()
    status_page: dict[str, Any] | None = None
    report_slug: str | None = None
    depends_on: tuple[str, ...] = ()
    ambiguous: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "provider": self.provider, "kind": self.kind,
                "category": self.category, "aliases": list(self.aliases), "handles": list(self.handles),
                "status_page": self.status_page, "report_slug": self.report_slug,
                "depends_on": list(self.depends_on), "ambiguous": self.ambiguous}


@dataclass(slots=True)
class Catalog:
    providers: dict[str, Provider] = field(default_factory=dict)
    regions: dict[str, Region] = field(default_factory=dict)
    services: dict[str, Service] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "providers": [p.to_dict() for p in self.providers.values()],
            "regions": [r.to_dict() for r in self.regions.values()],
            "services": [s.to_dict() for s in self.services.values()],
        }

    def provider_of(self, service_id: str) -> str | None:
        service = self.services.get(service_id)
        return service.provider if service else None

    def regions_of(self, provider: str) -> list[Region]:
        return [r for r in self.regions.values() if r.provider == provider]

    def dependencies(self, service_id: str) -> tuple[set[str], set[str], set[str]]:
        """Providers, regions and provider services a service depends on, followed transitively."""
        providers: set[str] = set()
        regions: set[str] = set()
        services: set[str] = set()
        todo = [service_id]
        seen: set[str] = set()
        while todo:
            current = todo.pop()
            if current in seen:
                continue
            seen.add(current)
            service = self.services.get(current)
            if service is None:
                continue
            if service.provider and current != service_id:
                providers.add(service.provider)
            for dep in service.depends_on:
                if dep in self.regions:
                    regions.add(dep)
                    providers.add(self.regions[dep].provider)
                elif dep in self.providers:
                    providers.add(dep)
                elif dep in self.services:
                    services.add(dep)
                    todo.append(dep)
        return providers, regions, services


def _read(name: str) -> list[dict[str, Any]]:
    text = resources.files("outagewatch.catalog").joinpath("data", name).read_text("utf-8")
    data = json.loads(text)
    if not isinstance(data, list):
        raise CatalogError(f"{name} must hold a JSON list")
    return data


def _tuple(entry: dict[str, Any], key: str) -> tuple[str, ...]:
    return tuple(entry.get(key) or ())


def build_catalog(providers: list[dict], regions: list[dict], services: list[dict]) -> Catalog:
    """Build and check a catalog from plain data (the bundled files, or a test's own)."""
    catalog = Catalog()
    for entry in providers:
        p = Provider(id=entry["id"], name=entry["name"], aliases=_tuple(entry, "aliases"),
                     handles=_tuple(entry, "handles"), status_page=entry.get("status_page"),
                     has_regions=bool(entry.get("has_regions")), ambiguous=bool(entry.get("ambiguous")),
                     report_slug=entry.get("report_slug"),
                     sites=tuple(Site(code=site["code"], name=site["name"], place=site["place"])
                                 for site in entry.get("sites") or ()))
        if p.id in catalog.providers:
            raise CatalogError(f"provider {p.id!r} is listed twice")
        for site in p.sites:
            if not (site.code.isalpha() and site.code.isupper() or SITE_REGION_CODE.match(site.code)) \
                    or not site.place[:2].isupper():
                raise CatalogError(f"provider {p.id!r}: site {site.code!r} needs a code in capital letters "
                                   f"(or a region code, \"us-south\") and an ISO 3166 place, got {site.place!r}")
        catalog.providers[p.id] = p
    for entry in regions:
        r = Region(id=entry["id"], provider=entry["provider"], code=entry["code"], name=entry["name"],
                   city=entry.get("city"), place=entry.get("place"), country=entry.get("country"),
                   aliases=_tuple(entry, "aliases"))
        if r.id in catalog.regions:
            raise CatalogError(f"region {r.id!r} is listed twice")
        if r.provider not in catalog.providers:
            raise CatalogError(f"region {r.id!r} names unknown provider {r.provider!r}")
        if r.id != f"{r.provider}:{r.code}":
            raise CatalogError(f"region id {r.id!r} must be provider:code ({r.provider}:{r.code})")
        catalog.regions[r.id] = r
    for entry in services:
        s = Service(id=entry["id"], name=entry["name"], provider=entry.get("provider"), kind=entry.get("kind"),
                    category=entry.get("category"), aliases=_tuple(entry, "aliases"),
                    handles=_tuple(entry, "handles"), status_page=entry.get("status_page"),
                    report_slug=entry.get("report_slug"), depends_on=_tuple(entry, "depends_on"),
                    ambiguous=bool(entry.get("ambiguous")))
        if s.id in catalog.services:
            raise CatalogError(f"service {s.id!r} is listed twice")
        if s.provider is not None and s.provider not in catalog.providers:
            raise CatalogError(f"service {s.id!r} names unknown provider {s.provider!r}")
        catalog.services[s.id] = s
    for s in catalog.services.values():
        for dep in s.depends_on:
            if dep not in catalog.providers and dep not in catalog.regions and dep not in catalog.services:
                raise CatalogError(f"service {s.id!r} depends on unknown {dep!r}")
    return catalog


@functools.lru_cache(maxsize=1)
def load_catalog() -> Catalog:
    return build_catalog(_read("providers.json"), _read("regions.json"), _read("services.json"))
