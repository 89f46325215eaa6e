"""Which regions a text says are affected, as opposed to named as the way around.

Hand-written texts (status-update and post styles); each names its regions the way the
tagger tags them, and the test asks which of them correlation lists as affected.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from outagewatch.catalog import load_catalog
from outagewatch.correlate.affected import affected_regions
from outagewatch.signal import Signal

EAST, WEST, OHIO = "aws:us-east-1", "aws:us-west-2", "aws:us-east-2"


def regions_of(text: str, regions: list[str], kind: str = "social") -> list[str]:
    signal = Signal(source_kind=kind, source="test", published_at=datetime(2026, 3, 2, 9, tzinfo=timezone.utc),
                    text=text, regions=regions, providers=["aws"])
    return sorted(affected_regions(signal, load_catalog()))


@pytest.mark.parametrize("text", [
    "our API is down, us-east-1 is dead. switched everything to us-west-2 for now",
    "us-east-1 is completely broken, we failed over to us-west-2 an hour ago",
    "moved our batch jobs over to us-west-2, us-east-1 still erroring",
    "us-east-1 down again. us-west-2 is fine",
    "us-east-1 is on fire but us-west-2 works",
    "If you need the console, try the us-west-2 console URL. Lambda in us-east-1 keeps timing out",
    "Elevated error rates in US-EAST-1. Customers can still use the console in us-west-2.",
])
def test_a_region_named_as_the_way_around_is_not_affected(text):
    assert regions_of(text, [EAST, WEST]) == [EAST]


@pytest.mark.parametrize("text", [
    "both us-east-1 and us-west-2 are down for us",
    "us-east-1 errors, and now us-west-2 is failing too",
    "tried to fail over to us-west-2 but us-west-2 is also timing out",
    "We are investigating increased error rates in us-east-1 and us-west-2.",
])
def test_a_region_with_a_problem_of_its_own_stays_affected(text):
    assert regions_of(text, [EAST, WEST]) == [EAST, WEST]


def test_a_lone_region_is_affected_unless_the_text_only_says_it_works():
    assert regions_of("us-east-1 is down, anyone else?", [EAST]) == [EAST]
    assert regions_of("is us-east-1 slow for anyone", [EAST]) == [EAST]
    assert regions_of("us-east-1 is up and down all morning", [EAST]) == [EAST]
    assert regions_of("nothing works in us-east-1 right now", [EAST]) == [EAST]
    assert regions_of("Lambda in us-east-1 doesn't work, tried twice", [EAST]) == [EAST]
    assert regions_of("us-east-1 still not working after the failover drill", [EAST]) == [EAST]
    assert regions_of("us-west-2 is fine for us, no issues", [WEST]) == []
    assert regions_of("Everything switched to us-west-2, works", [WEST]) == []


def test_a_status_update_naming_a_second_console_as_the_workaround(tmp_path):
    text = ("We are seeing errors for the management console in the US-EAST-1 Region. Customers may reach the "
            "console of another region directly: to open the US-EAST-2 console, try https://us-east-2.console.example/")
    assert regions_of(text, [EAST, OHIO], kind="status") == [EAST]


@pytest.mark.parametrize("text", [
    "We are working towards recovery in the US-EAST-1 Region.",
    "We are trying to restore the console in us-east-1 as quickly as possible.",
    "In us-east-1 we are working on a fix.",
    "We are moving traffic away from the impaired zone in US-EAST-1.",
])
def test_a_status_update_about_the_recovery_keeps_its_region(text):
    assert regions_of(text, [EAST], kind="status") == [EAST]


def test_a_region_the_text_never_spells_out_is_kept():
    # tagged from the source (a regional feed), not from the words
    assert regions_of("Increased error rates for the console.", [EAST], kind="status") == [EAST]


def _status(text: str) -> Signal:
    return Signal(source_kind="status", source="test", published_at=datetime(2026, 3, 2, 9, tzinfo=timezone.utc),
                  text=text, status="identified")


@pytest.mark.parametrize("text", [
    "We are seeing recovery in most locations, except us-central1. Customers may still see errors.",
    "Our infrastructure has recovered in all regions except europe-west3.",
    "The underlying dependency has recovered in all locations except asia-east1.",
    "We are investigating elevated error rates affecting multiple regions.",
    "Customers are experiencing errors globally when calling our APIs.",
])
def test_a_status_update_speaking_of_many_regions_is_provider_wide(text):
    from outagewatch.correlate.affected import wide_scope

    assert wide_scope(_status(text))


@pytest.mark.parametrize("text", [
    "We are investigating increased error rates for Kinesis in US-EAST-1. All other regions are operating normally.",
    "Elevated API errors in us-central1. Other regions are not affected.",
    "We are experiencing service issues with multiple products beginning at 10:51 PDT.",
    "We are seeing recovery in US-EAST-1 and continue to monitor.",
    "Customers can use other regions such as us-west-2 in the meantime.",
    "This issue is affecting the global console landing page, which is also hosted in US-EAST-1.",
])
def test_a_regional_status_update_is_not_provider_wide(text):
    from outagewatch.correlate.affected import wide_scope

    assert not wide_scope(_status(text))
