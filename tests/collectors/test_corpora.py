"""Real-world inputs: every feed of the shared corpora goes through the feed collector's
parser without an exception, and every real GitHub Statuspage incident through the
Statuspage parser."""

from __future__ import annotations

import json
import re

import feedparser
import pytest

from outagewatch.collectors.base import BadResponse, SourceConfig
from outagewatch.collectors.feeds import parse_feed
from outagewatch.collectors.statusapi import statuspage_signals
from outagewatch.signal import Signal
from outagewatch.timeutil import utcnow

from .conftest import corpus

NOW = utcnow()


def test_every_corpus_feed_parses_without_an_exception():
    root = corpus("feeds")
    source = SourceConfig.from_dict({"name": "corpus", "kind": "news", "url": "http://127.0.0.1/"})
    files = [p for p in sorted(root.rglob("*")) if p.is_file() and p.name != "LICENSE"]
    assert len(files) > 2000
    outcome = {"signals": 0, "rejected": 0, "bozo": 0, "not_a_feed": 0}
    for path in files:
        try:
            result = parse_feed(path.read_bytes(), source, NOW)
        except BadResponse:
            outcome["not_a_feed"] += 1
            continue
        outcome["signals"] += len(result.signals)
        outcome["rejected"] += result.rejected
        outcome["bozo"] += int(bool(result.bozo))
        assert all(isinstance(s, Signal) and s.source == "news:corpus" for s in result.signals)
    assert outcome["signals"] > 1500
    assert outcome["bozo"] > 0  # the ill-formed part of the suite is counted, not fatal


_EXPECT = re.compile(rb"Expect:\s*(.+?)\s*(?:-->|\n)")


def test_feedparser_is_handed_bytes_the_way_its_own_suite_expects():
    """The suite's ``Expect:`` lines hold on what feedparser returns for the bytes we pass,
    so passing bytes (never paths or text) is using feedparser as its authors test it."""
    root = corpus("feeds", "feedparser-tests", "wellformed")
    checked = passed = 0
    for path in sorted(root.rglob("*.xml"))[:600]:
        data = path.read_bytes()
        match = _EXPECT.search(data[:2000])
        if not match:
            continue
        checked += 1
        result = feedparser.parse(data)
        try:
            if eval(match.group(1).decode("utf-8"), {"time": __import__("time")}, dict(result)):  # noqa: S307 - suite data
                passed += 1
        except Exception:  # noqa: BLE001 - a few expectations need the suite's own HTTP harness
            pass
    assert checked > 300
    assert passed / checked > 0.8  # handing feedparser a str path instead of bytes gives ~0


def test_every_github_incident_goes_through_the_statuspage_parser():
    root = corpus("status", "github-incident-history")
    files = sorted(root.glob("*.json"))
    assert len(files) > 1000
    signals = errors = 0
    statuses = set()
    for path in files:
        data = json.loads(path.read_text("utf-8"))
        for item in statuspage_signals(data["incident"], "statuspage:www.githubstatus.com", NOW, {},
                                       "https://www.githubstatus.com"):
            if isinstance(item, Signal):
                signals += 1
                statuses.add(item.status)
            else:
                errors += 1
    assert signals > 2500
    assert errors == 0
    assert {"investigating", "resolved"} <= statuses
