"""A generator of region-outage scenarios, written apart from the detector and from the
bundled capture, for the detection grid (``benchmarks/detection_scenarios.py``) and the
acceptance test (``tests/correlate/test_scenarios.py``).

One scenario: twelve hours of background chatter about the region's dependents and about
unrelated services, then, at ``ONSET``, an outage of the provider region ``REGION``:

- ``dependents`` of its catalog dependents get complaints; at volume 1.0 the outage brings
  ten posts in its first 25 minutes (spread over the dependents in turn, so five
  dependents carry two each), then 24 an hour for two hours; ``volume`` scales these;
- ``named_share`` of those posts also name the region ("us-east-1"), and are tagged so;
- the background of the region's pool is ``background`` posts per 10 minutes in all;
- a fifth of complaints come from an author who already complained, and every sixth post
  is followed by a repost of it (``RT @author: ...``): neither is a new person;
- the provider's first status post comes ``official_after`` after the onset;
- ``unrelated``: another service elsewhere (a Fastly-fronted service in Europe, nothing
  shared with the region) has its own outage 20 minutes after the onset, at the same volume.

Everything is seeded, so a cell is the same scenario on every run.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from outagewatch.signal import Signal

REGION = "aws:us-east-1"
PROVIDER = "aws"
DEPENDENTS = ["roku", "flickr", "adobe", "ring", "irobot", "autodesk", "twilio", "venmo", "duolingo", "tinder"]
OTHERS = ["github", "spotify", "gmail", "dropbox", "salesforce", "microsoft-365"]
UNRELATED = "hulu"  # depends on fastly only
START = datetime(2021, 12, 7, 4, 0, tzinfo=timezone.utc)
ONSET = datetime(2021, 12, 7, 15, 30, tzinfo=timezone.utc)


@dataclass
class Scenario:
    volume: float = 1.0
    dependents: int = 5
    named_share: float = 0.0
    unrelated: bool = False
    background: float = 1.0
    """Posts per 10 minutes about the region's dependents together, before the outage."""
    official_after: timedelta = timedelta(minutes=52)
    seed: int = 1
    signals: list[Signal] = field(default_factory=list)

    @property
    def official_at(self) -> datetime:
        return ONSET + self.official_after

    @property
    def affected(self) -> list[str]:
        return DEPENDENTS[:self.dependents]

    def early_people(self) -> int:
        """People who complained in the first 25 minutes (distinct authors, reposts left out):
        the acceptance's "ten posts in 25 minutes", counted as people, as detection counts."""
        return len({s.author for s in self.signals if s.source == "x:outage" and not s.text.startswith("RT ")
                    and ONSET <= s.published_at < ONSET + timedelta(minutes=25)})

    def build(self) -> "Scenario":
        rng = random.Random(self.seed)
        self._n = 0
        self._authors = 0
        per_service = self.background / 10 / len(DEPENDENTS)  # per minute
        for service in DEPENDENTS:
            self._background(rng, service, per_service)
        for service in OTHERS + [UNRELATED]:
            self._background(rng, service, 0.05)
        # a few posts a day name the region in passing
        self._background(rng, None, 1 / 240, regions=[REGION], providers=[PROVIDER], text="us-east-1 latency today?")
        self._outage(rng)
        if self.unrelated:
            self._unrelated(rng)
        self._status()
        self.signals.sort(key=lambda s: (s.published_at, s.id))
        return self

    # -- pieces ------------------------------------------------------------------------------

    def _post(self, when: datetime, service: str | None, text: str, author: str, *, source: str = "x:background",
              providers=(), regions=()) -> Signal:
        self._n += 1
        signal = Signal(source_kind="social", source=source, published_at=when, text=text, author=author,
                        native_id=f"p{self._n}", services=[service] if service else [],
                        providers=list(providers), regions=list(regions))
        self.signals.append(signal)
        return signal

    def _author(self) -> str:
        self._authors += 1
        return f"user{self._authors}"

    def _background(self, rng: random.Random, service: str | None, per_minute: float, *, text: str | None = None,
                    providers=(), regions=()) -> None:
        t = START
        end = ONSET + timedelta(hours=5)
        while True:
            t += timedelta(minutes=rng.expovariate(per_minute))
            if t >= end:
                return
            self._post(t, service, text or f"is {service} slow for anyone else", self._author(),
                       providers=providers, regions=regions)

    def _times(self, rng: random.Random, start: datetime) -> list[datetime]:
        """Outage post times: 10 in the first 25 minutes, then 24 an hour for two hours, at volume 1."""
        early = round(10 * self.volume)
        later = round(48 * self.volume)
        times = [start + timedelta(minutes=25 * (i + rng.random()) / max(early, 1)) for i in range(early)]
        times += [start + timedelta(minutes=25 + 120 * rng.random()) for _ in range(later)]
        return sorted(times)

    def _outage(self, rng: random.Random) -> None:
        affected = self.affected
        complainers: list[str] = []
        for i, when in enumerate(self._times(rng, ONSET)):
            service = affected[i % len(affected)]
            names = rng.random() < self.named_share
            if complainers and rng.random() < 0.2:
                author = rng.choice(complainers)
            else:
                author = self._author()
                complainers.append(author)
            text = _complaint(rng, service, names)
            self._post(when, service, text, author, source="x:outage",
                       providers=[PROVIDER] if names else [], regions=[REGION] if names else [])
            if i % 6 == 5:
                self._post(when + timedelta(seconds=40), service, f"RT @{author}: {text}", self._author(),
                           source="x:outage", providers=[PROVIDER] if names else [], regions=[REGION] if names else [])

    def _unrelated(self, rng: random.Random) -> None:
        for i, when in enumerate(self._times(rng, ONSET + timedelta(minutes=20))):
            self._post(when, UNRELATED, f"{_complaint(rng, UNRELATED, False)} (Germany)", self._author(),
                       source="x:unrelated")

    def _status(self) -> None:
        self._n += 1
        self.signals.append(Signal(
            source_kind="status", source="aws-health:ec2-us-east-1", published_at=self.official_at,
            title="Increased API error rates", status="investigating", native_id=f"s{self._n}",
            text="We are investigating increased API error rates in the US-EAST-1 Region. Customers can use the "
                 "console in another region such as US-WEST-2.",
            services=["aws/ec2"], providers=[PROVIDER], regions=[REGION, "aws:us-west-2"]))
        self.signals.append(Signal(
            source_kind="status", source="aws-health:ec2-us-east-1", published_at=ONSET + timedelta(hours=4),
            title="Resolved", status="resolved", native_id=f"s{self._n + 1}", text="The issue has been resolved.",
            services=["aws/ec2"], providers=[PROVIDER], regions=[REGION]))


_OPENERS = ["is {s} down", "{s} not loading", "{s} broken again", "anyone else getting errors on {s}",
            "{s} app just spins", "can't log in to {s}", "{s} outage?", "{s} keeps failing"]
_TAILS = ["", " for me", " right now", " ugh", " since a few minutes", " this morning", " again today", " seriously"]
_NAMED = [" us-east-1 again?", " - is it AWS us-east-1?", " (us-east-1 issues?)", " aws us-east-1 problems"]


def _complaint(rng: random.Random, service: str, names: bool) -> str:
    """A short complaint in one of many wordings (people do not copy each other's words)."""
    text = rng.choice(_OPENERS).format(s=service) + rng.choice(_TAILS)
    return text + (rng.choice(_NAMED) if names else "")


def run_scenario(scenario: Scenario, moments: int = 0, store_dir=None) -> dict:
    """Build, store and correlate a scenario: the outcome three hours after the official
    post, and (``moments`` > 0) whether the unrelated incident stayed apart when computed at
    that many moments from the onset on (every 15 minutes), as a live run would have seen it."""
    import tempfile
    from pathlib import Path

    from outagewatch.correlate import compute
    from outagewatch.search.sqlite import SQLiteStore

    scenario.build()
    with tempfile.TemporaryDirectory(dir=store_dir) as tmp:
        store = SQLiteStore(Path(tmp) / "scenario.db")
        try:
            store.upsert(scenario.signals)
            final = outcome([i.to_dict() for i in compute(store, now=scenario.official_at + timedelta(hours=3))],
                            scenario)
            apart = [outcome([i.to_dict() for i in compute(store, now=ONSET + timedelta(minutes=15 * (k + 1)))],
                             scenario)["separate"] for k in range(moments)]
        finally:
            store.close()
    final["separate_every_moment"] = final["separate"] and all(apart)
    final["early_people"] = scenario.early_people()
    return final


def outcome(incidents: list[dict], scenario: Scenario) -> dict:
    """What correlation made of a scenario: the region incident (the one naming the region or
    holding an affected dependent, earliest detected), its delay from the onset, when it named
    the region against the official post, and whether the unrelated service stayed apart."""
    from outagewatch.timeutil import parse_time

    affected = set(scenario.affected)
    mine = [i for i in incidents if affected & set(i["services"])
            or (i.get("common_cause") or {}).get("region") == REGION or REGION in i["regions"]]
    mine = [i for i in mine if parse_time(i["detected_at"]) >= ONSET - timedelta(minutes=30)]
    out = {"detected": None, "delay": None, "named": None, "named_vs_official": None, "separate": True,
           "region_incidents": len(mine)}
    if mine:
        first = min(mine, key=lambda i: i["detected_at"])
        detected = parse_time(first["detected_at"])
        out["detected"] = first["detected_at"]
        out["delay"] = (detected - ONSET).total_seconds() / 60
        cause = first.get("common_cause") or {}
        if cause.get("region") == REGION and first.get("common_cause_named_at"):
            named = parse_time(first["common_cause_named_at"])
            out["named"] = first["common_cause_named_at"]
            out["named_vs_official"] = (named - scenario.official_at).total_seconds() / 60
    out["separate"] = not any(UNRELATED in i["services"] and (affected & set(i["services"]) or REGION in i["regions"]
                                                              or (i.get("common_cause") or {}).get("region") == REGION)
                              for i in incidents)
    return out
