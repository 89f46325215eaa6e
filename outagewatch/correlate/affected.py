"""Which regions a text says are affected, as opposed to mentioned as a way around.

Status updates often name a healthy region as the workaround: "customers can use the
console in US West (Oregon)", "fail over to another region". The tagger rightly tags every
region named; correlation must not list the workaround as affected. A region counts as
affected when some sentence names it without a workaround phrase; a region the text never
spells out (tagged by its source) is kept.
"""

from __future__ import annotations

import re

from outagewatch.catalog import Catalog
from outagewatch.signal import Signal

WORKAROUND = re.compile(
    r"\b(another|other|different|alternat(e|ive)|unaffected|healthy|not (been )?(affected|impacted))\b.{0,20}\bregions?\b"
    r"|\bregions?\b.{0,30}\b(unaffected|not (been )?(affected|impacted)|operating normally)\b"
    r"|\b(fail(ing)? ?over|failover|switch(ing)?|mov(e|ing)|redirect(ing)?|rout(e|ing)( traffic)?|migrat(e|ing))\s+"
    r"(\w+\s+){0,4}to\b"
    r"|\b(can|may|should|could|recommend\w*|try)\s+(still\s+|instead\s+|to\s+)?(use|access|launch|fail ?over|switch|move)\b"
    r"|\bworkaround\b|\binstead\b",
    re.IGNORECASE,
)


def _names(catalog: Catalog, region_id: str) -> list[str]:
    region = catalog.regions.get(region_id)
    if region is None:
        return [region_id.split(":", 1)[-1]]
    return [n for n in (region.code, region.name, *region.aliases) if n and len(n) >= 4]


HEALTHY_AFTER = re.compile(r"^[^.;]{0,30}?\b(is|are|remains?|stays?)\s+(still\s+)?(unaffected|not (been )?(affected|impacted)|"
                           r"operating normally|healthy|available)\b", re.IGNORECASE)
REACH = 60
"""Characters after a workaround phrase within which a region named is the workaround."""


def _positions(text: str, names: list[str]) -> list[tuple[int, int]]:
    lowered = text.lower()
    out = []
    for n in names:
        out.extend(m.span() for m in re.finditer(r"(?<![\w-])" + re.escape(n.lower()) + r"(?![\w-])", lowered))
    spans = sorted(set(out), key=lambda s: (s[0], -s[1]))
    # "Oregon" inside "US West (Oregon)" is the same mention
    return [s for i, s in enumerate(spans) if not any(o[0] <= s[0] and s[1] <= o[1] for o in spans[:i])]


def affected_regions(signal: Signal, catalog: Catalog) -> list[str]:
    """The Signal's regions, less those named only as a workaround: right after a workaround
    phrase ("fail over to", "another region such as", "can use ... in") with no other region
    named in between, or followed by "is unaffected"."""
    if not signal.regions:
        return []
    text = f"{signal.title or ''}. {signal.text or ''}"
    mentions = {region: _positions(text, _names(catalog, region)) for region in signal.regions}
    every = sorted(p for spans in mentions.values() for p in spans)
    phrases = [m.end() for m in WORKAROUND.finditer(text)]
    out = []
    for region, spans in mentions.items():
        if not spans:
            out.append(region)
            continue
        for start, end in spans:
            if HEALTHY_AFTER.match(text[end:]):
                continue
            before = [p for p in phrases if p <= start and start - p <= REACH]
            if before and not any(before[-1] <= o[0] < start for o in every if o != (start, end)):
                continue
            out.append(region)  # named at least once as affected
            break
    return out
