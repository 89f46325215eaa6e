"""Which regions a text says are affected, as opposed to mentioned as a way around.

Status updates often name a healthy region as the workaround: "customers can use the
console in US West (Oregon)", "fail over to another region"; people write "switched to
us-west-2", "us-west-2 is fine". The tagger rightly tags every region named; correlation
must not list the workaround as affected. A region counts as affected when some mention of
it is not a workaround: not right after a workaround phrase, not followed by "is fine", and
not in a sentence (or, where the sentence names other regions too, a clause) that speaks of a
way around or of working fine and of no problem. A region the text never spells out (tagged
by its source) is kept.
"""

from __future__ import annotations

import re

from outagewatch.catalog import Catalog
from outagewatch.signal import Signal

WORKAROUND = re.compile(
    r"\b(another|other|different|alternat(e|ive)|unaffected|healthy|not (been )?(affected|impacted))\b.{0,20}\bregions?\b"
    r"|\bregions?\b.{0,30}\b(unaffected|not (been )?(affected|impacted)|operating normally)\b"
    r"|\b(fail(s|ed|ing)? ?over|failover|switch(es|ed|ing)?|mov(e|es|ed|ing)|redirect(s|ed|ing)?|rout(e|es|ed|ing)( traffic)?"
    r"|migrat(e|es|ed|ing))\s+"
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


HEALTHY_AFTER = re.compile(r"^[^.;,]{0,30}?\b(is|are|remains?|stays?|seems?|looks?)\s+(still\s+)?(unaffected|not (been )?(affected|impacted)|"
                           r"operating normally|healthy|available|fine|ok(ay)?|good|up|working (fine|normally|ok))\b", re.IGNORECASE)
WAY_AROUND = re.compile(
    r"\btry\b(?!\s+to\s+(restore|recover|fix|mitigate|resolve|identify|understand))"
    r"|\b(workaround|instead|switch(es|ed|ing)?|mov(e|es|ed|ing)|fail(s|ed|ing)? ?over|failover"
    r"|migrat(e|es|ed|ing)|redirect(s|ed|ing)?)\b"
    r"|\b(is|are|seems?|looks?|still)\s+(fine|ok(ay)?|good|healthy|unaffected|up|working (fine|normally|ok))\b"
    r"|\bworks\b|\bworking (fine|normally|ok)\b|\bno (issues?|problems?)\b|\bnot (been )?(affected|impacted)\b",
    re.IGNORECASE)
"""A sentence that speaks of a way around, or of something working fine."""
PROBLEM = re.compile(
    r"\b(errors?|issues?|problems?|impair\w*|down|outages?|broken|unavailable|unreachable|fail(s|ed|ing|ures?)?"
    r"|affect(s|ed|ing)|impact(s|ed|ing)?|degrad\w*|elevated|increased|latenc\w+|slow|tim(e[sd]?|ing) ?out\w*"
    r"|disrupt\w*|can'?t|cannot|unable|dead|investigating)\b"
    r"|\bnothing (works|loads|is working)\b|\b(does not|doesn'?t|don'?t|won'?t|isn'?t|not|no longer) work\w*",
    re.IGNORECASE)
"""Words of a problem: a sentence holding one (outside its way-around phrases) is about the
outage, whatever else it says ("us-east-1 is down, switched to us-west-2" names both)."""
NEUTRAL = re.compile(r"\bfail(s|ed|ing)? ?over\b|\bfailover\b|\bunaffected\b|\bnot (been )?(affected|impacted)\b"
                     r"|\b(no|without) (issues?|problems?|errors?)\b", re.IGNORECASE)
"""Phrases that hold a problem word but say there is none ("failed over", "no issues")."""
SENTENCE = re.compile(r"[.!?;](?=\s|$)|\n")
CLAUSE = re.compile(r",|\bbut\b|\bwhile\b|\bwhereas\b|\bthough\b", re.IGNORECASE)
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
            if _healthy_after(text, end, [o for o in every if o not in spans]):
                continue
            if _way_around(text, start, end, [o for o in every if o not in spans]):
                continue
            before = [p for p in phrases if p <= start and start - p <= REACH]
            if before and not any(before[-1] <= o[0] < start for o in every if o != (start, end)):
                continue
            out.append(region)  # named at least once as affected
            break
    return out


def _way_around(text: str, start: int, end: int, others: list[tuple[int, int]]) -> bool:
    """Is the mention at ``start:end`` in a sentence that speaks of a way around or of working
    fine and of no problem? Where the sentence names other regions too, only the mention's
    clause is judged ("us-east-1 still broken, us-west-2 works")."""
    lo = max((m.end() for m in SENTENCE.finditer(text, 0, start)), default=0)
    found = SENTENCE.search(text, end)
    hi = found.start() if found else len(text)
    if any(lo <= o[0] < hi for o in others):
        lo = max([lo] + [m.end() for m in CLAUSE.finditer(text, lo, start)])
        found = CLAUSE.search(text, end, hi)
        hi = found.start() if found else hi
    part = text[lo:hi]
    if not WAY_AROUND.search(part):
        return False
    return not _problem(part)


def _problem(part: str) -> bool:
    return bool(PROBLEM.search(NEUTRAL.sub(" ", part)))


def _healthy_after(text: str, end: int, others: list[tuple[int, int]]) -> bool:
    """Is the mention ending at ``end`` followed by "is fine" / "is unaffected" (no other region
    named in between), with no problem in the rest of its clause ("us-east-1 is up and down")?"""
    match = HEALTHY_AFTER.match(text[end:])
    if not match or any(end < o[0] < end + match.end() for o in others):
        return False
    found = re.compile(r"[.;,!?\n]|\bbut\b", re.IGNORECASE).search(text, end)
    return not _problem(text[end:found.start() if found else len(text)])


SCOPE_WIDE = re.compile(
    r"\b(all|most|many|multiple|several|numerous|every)\s+(of\s+(the|our)\s+)?(\w+\s+)?(regions|locations|zones|data ?cent(er|re)s)\b"
    r"|\bglobally\b|\bworld ?wide\b|\bacross (the )?(globe|world)\b"
    r"|\bglobal (outage|impact|issue|problem|disruption|incident|event|failure)s?\b",
    re.IGNORECASE)
RECOVERY = re.compile(r"\brecover\w*|\brestored\b|\bmitigat\w*", re.IGNORECASE)
HEALTHY = re.compile(r"\b(unaffected|not (been )?(affected|impacted)|operating normally|no (issues?|impact))\b",
                     re.IGNORECASE)


def wide_scope(signal: Signal) -> bool:
    """Does a status update say the problem spans (or spanned) the provider's regions rather
    than one of them? "We are seeing recovery in most locations, except us-central1", "our
    infrastructure has recovered in all regions except us-central1" (a region named there is the
    last to recover, the long tail, not the cause), "elevated errors globally", "impact across
    multiple regions". Not "all other regions are operating normally" (that is a regional
    event): a sentence speaking of many regions counts when it speaks of recovery or of a
    problem, and not of regions being fine."""
    text = f"{signal.title or ''}. {signal.text or ''}"
    lo = 0
    for end in [m.start() for m in SENTENCE.finditer(text)] + [len(text)]:
        sentence = text[lo:end]
        lo = end + 1
        if not SCOPE_WIDE.search(sentence) or HEALTHY.search(sentence):
            continue
        if RECOVERY.search(sentence) or _problem(sentence):
            return True
    return False

