"""Stories of chatter and what correlation makes of them."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest

from outagewatch.correlate import Settings, compute, recompute, update
from outagewatch.incidents import get as get_incident
from outagewatch.incidents import stored
from outagewatch.search.sqlite import SQLiteStore
from tests.correlate.builder import Story, at

QUIET = ["roku", "flickr", "adobe", "netflix", "discord", "github"]


@pytest.fixture
def store(tmp_path):
    s = SQLiteStore(tmp_path / "c.db")
    yield s
    s.close()


def quiet_day(story: Story, hours: float = 24, start: str = "00:00") -> None:
    for service in QUIET:
        story.background(service, at(start), hours, 6)


def run(store, story, now="23:59"):
    store.upsert(story.signals)
    return recompute(store, now=at(now)).incidents


def test_clean_spike_is_one_incident_detected_inside_its_first_bucket(store):
    story = Story()
    quiet_day(story)
    story.burst("roku", at("13:50"), 30, 150)
    incidents = run(store, story)
    assert len(incidents) == 1
    incident = incidents[0]
    assert incident.services == ["roku"]
    assert at("13:50") <= _t(incident.detected_at) < at("13:55")
    assert incident.status == "closed" and _t(incident.ended_at) <= at("14:30")
    assert incident.signal_counts["social"] >= 150
    assert incident.common_cause is None  # one service alone has no *common* cause
    assert incident.evidence_level in ("moderate", "strong")


def test_flat_series_raises_nothing(store):
    story = Story()
    quiet_day(story)
    assert run(store, story) == []


def test_slow_ramp_is_detected_later_than_it_starts(store):
    story = Story()
    quiet_day(story)
    story.ramp("flickr", at("12:00"), 180, 40)
    incidents = run(store, story)
    assert [i.services for i in incidents] == [["flickr"]]
    detected = _t(incidents[0].detected_at)
    assert at("12:10") < detected < at("14:00")


def test_only_a_few_hours_of_history(store):
    story = Story()
    for service in QUIET:
        story.background(service, at("10:00"), 4, 6)
    story.burst("discord", at("12:30"), 20, 80)
    incidents = run(store, story, now="14:00")
    assert [i.services for i in incidents] == [["discord"]]


def test_earlier_spike_does_not_hide_the_next_one(store):
    story = Story()
    quiet_day(story)
    story.burst("roku", at("09:00"), 40, 150)
    story.burst("roku", at("11:00"), 30, 150)
    assert len(run(store, story)) == 2


def test_two_simultaneous_unrelated_incidents_stay_apart(store):
    story = Story()
    quiet_day(story)
    story.burst("roku", at("14:00"), 40, 150)      # AWS us-east-1 customer
    story.burst("github", at("14:10"), 40, 150)    # Fastly customer
    incidents = run(store, story)
    assert sorted(i.services[0] for i in incidents) == ["github", "roku"]
    assert all(len(i.services) == 1 for i in incidents)


def test_downstream_only_incident_names_the_shared_region(store):
    story = Story()
    quiet_day(story)
    story.burst("roku", at("13:40"), 60, 200)
    story.burst("flickr", at("13:55"), 50, 120)
    story.burst("adobe", at("14:05"), 50, 120)
    incidents = run(store, story)
    assert len(incidents) == 1
    incident = incidents[0]
    assert incident.services == ["adobe", "flickr", "roku"]
    cause = incident.common_cause
    assert (cause["provider"], cause["region"]) == ("aws", "aws:us-east-1")
    assert not cause["confirmed"]
    assert incident.first_official_at is None and incident.lead_minutes is None
    assert at("13:55") <= _t(incident.common_cause_named_at) < at("14:05")
    assert incident.evidence_level == "strong"


def test_provider_incident_without_downstream_chatter(store):
    story = Story()
    quiet_day(story)
    story.status(at("14:36"), "investigating", "We are investigating increased error rates for Kinesis in US-EAST-1.")
    story.status(at("15:10"), "identified", "We have identified the cause.")
    story.status(at("18:00"), "resolved", "The issue has been resolved.")
    incidents = run(store, story)
    assert len(incidents) == 1
    incident = incidents[0]
    assert incident.services == ["aws/kinesis"]
    assert incident.detected_at == incident.first_official_at == _t("2020-11-25T14:36:00Z")
    assert incident.lead_minutes == 0
    assert incident.signal_counts == {"status": 3}
    assert incident.ended_at == _t("2020-11-25T18:00:00Z")
    assert incident.common_cause["service"] == "aws/kinesis"


def test_aws_event_common_cause_and_lead_time(store):
    story = Story()
    quiet_day(story)
    story.burst("roku", at("13:50"), 90, 400)
    story.burst("flickr", at("14:00"), 80, 150)
    story.burst(None, at("14:05"), 60, 80, providers=["aws"], regions=["aws:us-east-1"])
    story.status(at("14:36"), "investigating", "Increased error rates for Kinesis in US-EAST-1.")
    story.status(at("19:00"), "resolved", "Resolved.")
    story.burst("discord", at("14:20"), 20, 80)  # the same hour, unrelated
    incidents = run(store, story)
    aws = next(i for i in incidents if "roku" in i.services)
    assert "discord" not in aws.services
    assert aws.common_cause["region"] == "aws:us-east-1" and aws.common_cause["confirmed"]
    assert aws.first_official_at == _t("2020-11-25T14:36:00Z")
    assert 40 <= aws.lead_minutes <= 46
    assert _t(aws.common_cause_named_at) < at("14:36")
    assert any(i.services == ["discord"] for i in incidents)


def test_report_counts_spike_and_are_summed(store):
    story = Story()
    quiet_day(story)
    counts = [random.Random(i).randint(0, 6) for i in range(56)] + [80, 240, 300, 120, 20] + [3] * 30
    story.reports("netflix", at("00:00"), counts)
    incidents = run(store, story)
    assert len(incidents) == 1
    assert incidents[0].services == ["netflix"]
    assert incidents[0].report_count >= 760
    # the crossing report page was published at 14:15 (the 57th count)
    assert incidents[0].detected_at == _t("2020-11-25T14:15:00Z")


def test_detection_is_causal_replaying_history_gives_the_live_answer(store):
    """Detected with everything stored, or with only what was published by then: the same moment."""
    story = Story()
    quiet_day(story)
    story.burst("roku", at("13:50"), 60, 300)
    story.burst("flickr", at("14:00"), 50, 120)
    store.upsert(story.signals)
    late = compute(store, now=at("23:59"))
    early = compute(store, now=at("14:03"))
    assert len(late) == len(early) == 1
    assert early[0].detected_at == late[0].detected_at
    assert early[0].id == late[0].id
    assert early[0].status == "open" and early[0].ended_at is None


def test_incremental_updates_give_the_batch_incidents(tmp_path):
    story = Story(seed=3)
    for service in QUIET:
        story.background(service, at("00:00"), 24, 6, )
    story.burst("roku", at("13:50"), 60, 300)
    story.burst("flickr", at("14:00"), 50, 120)
    story.burst("github", at("16:00"), 30, 100)
    story.status(at("14:36"), "investigating", "Kinesis errors in US-EAST-1.")
    story.status(at("17:00"), "resolved", "Resolved.")
    ordered = sorted(story.signals, key=lambda s: s.published_at)
    live = SQLiteStore(tmp_path / "live.db")
    t = at("00:00")
    while t < at("23:59"):
        t += timedelta(minutes=15)
        live.upsert([s for s in ordered if t - timedelta(minutes=15) <= s.published_at < t])
        update(live, now=t)
    batch = SQLiteStore(tmp_path / "batch.db")
    batch.upsert(ordered)
    expected = recompute(batch, now=t).incidents
    got = stored(live)
    assert [i.id for i in got] == [i.id for i in expected]
    for a, b in zip(got, expected):
        for key in ("detected_at", "started_at", "ended_at", "services", "common_cause", "common_cause_named_at",
                    "evidence_level", "first_official_at", "lead_minutes", "signal_counts"):
            assert getattr(a, key) == getattr(b, key), key


def test_data_arriving_out_of_order(tmp_path):
    story = Story(seed=5)
    quiet_day(story)
    story.burst("roku", at("13:50"), 60, 300)
    story.burst("flickr", at("14:00"), 50, 120)
    shuffled = list(story.signals)
    random.Random(9).shuffle(shuffled)
    scrambled = SQLiteStore(tmp_path / "scrambled.db")
    for i in range(0, len(shuffled), 97):
        scrambled.upsert(shuffled[i:i + 97])
        update(scrambled, now=at("23:59"))
    tidy = SQLiteStore(tmp_path / "tidy.db")
    tidy.upsert(sorted(story.signals, key=lambda s: s.published_at))
    expected = recompute(tidy, now=at("23:59")).incidents
    got = stored(scrambled)
    assert [(i.id, i.detected_at, i.services) for i in got] == \
        [(i.id, i.detected_at, i.services) for i in expected]


def test_feedback_survives_recomputation(store):
    story = Story()
    quiet_day(story)
    story.burst("roku", at("13:50"), 30, 150)
    incident = run(store, story)[0]
    store.set_feedback(incident.id, "dismissed")
    events = []
    again = recompute(store, now=at("23:59"), notify=lambda e, i: events.append(e))
    assert again.incidents[0].id == incident.id
    assert get_incident(store, incident.id).feedback.verdict == "dismissed"
    assert events == []


def _t(text):
    from outagewatch.timeutil import parse_time

    return parse_time(text)


def test_a_country_and_a_customer_without_a_provider_share_nothing():
    """A service with no provider of its own is not related to a geography (or to a region
    of an unknown provider) merely because neither has a provider."""
    from outagewatch.catalog import load_catalog
    from outagewatch.correlate.group import Relations

    relations = Relations(load_catalog())
    assert not relations.related(("region", "geo:GR"), ("service", "zerodha"))
    assert not relations.related(("region", "geo:GR"), ("service", "roku"))
    assert relations.related(("region", "aws:us-east-1"), ("service", "roku"))  # catalog depends_on
    assert relations.related(("region", "aws:us-east-1"), ("service", "aws/kinesis"))  # the provider's own service


def test_a_report_page_settled_at_a_daytime_level_still_detects_the_jump_on_top(store):
    """A page quiet all night (0-2 reports a point) rises to a daytime level of 8-14 that a day of
    data cannot tell from an outage, holds it for three hours, then jumps to 90: the jump must
    be detected when it is published, not vanish inside a run opened on the daytime rise."""
    # each count is published at the end of its 15 minutes
    night = [random.Random(i).randint(0, 2) for i in range(32)]          # published 00:15-08:00
    day = [random.Random(100 + i).randint(8, 14) for i in range(12)]      # 08:15-11:00
    jump = [90, 120, 100, 60]                                             # 11:15-12:00
    story = Story()
    story.reports("netflix", at("00:00"), night + day + jump + [12] * 20)
    incidents = run(store, story)
    assert any(i.detected_at == _t("2020-11-25T11:15:00Z") for i in incidents), \
        [(i.detected_at, i.ended_at) for i in incidents]
    # with the rate frozen for the whole run (the previous rule) the jump is not a detection
    frozen = compute(store, now=at("23:59"), settings=Settings(settle={}))
    assert not any(i.detected_at == _t("2020-11-25T11:15:00Z") for i in frozen)


def test_a_region_people_moved_to_is_not_listed_as_affected(store):
    """Many people name us-west-2 during a us-east-1 outage, but only as where they went or as
    what still works: us-west-2 must not become an affected region (nor open a run of its own)."""
    east, west = "aws:us-east-1", "aws:us-west-2"
    story = Story()
    quiet_day(story)
    texts = [("us-east-1 is down for us, moved everything to us-west-2", [east, west]),
             ("us-east-1 erroring all morning, anyone else?", [east]),
             ("us-west-2 is fine, failed over there", [west]),
             ("our stuff in us-east-1 is broken, switched traffic to us-west-2", [east, west])]
    for i in range(40):
        text, regions = texts[i % len(texts)]
        story.post(at("14:00") + timedelta(seconds=45 * i), None, text, providers=["aws"], regions=regions)
    incidents = run(store, story)
    aws = [i for i in incidents if east in i.regions]
    assert aws, [(i.services, i.regions) for i in incidents]
    assert not any(west in i.regions for i in incidents), [(i.services, i.regions) for i in incidents]


def test_a_service_on_the_provider_without_a_known_region_joins_the_region_incident(store):
    """Netflix's catalog entry depends on AWS with no region. When us-east-1's dependants'
    complaints rise together and Netflix's thin complaints rise with them, Netflix joins that
    incident (AWS is the upstream they share); Discord (GCP, Cloudflare) rising in the same
    minutes and Hulu's own outage (Fastly) stay out of it."""
    story = Story(seed=3)
    involved = ("roku", "flickr", "adobe", "coinbase", "disney-plus", "netflix", "discord")
    for service in (*involved, "hulu", "github"):
        story.background(service, at("00:00"), 24, 1)  # a post an hour each
    start = at("15:30")
    for k, service in enumerate(involved):
        for i in range(9):  # nine people each over 45 minutes: thin, but all at once
            story.post(start + timedelta(minutes=5 * i + k * 0.6), service, f"is {service} down? nothing loads")
    story.burst("hulu", at("15:40"), 30, 60)
    incidents = run(store, story)
    region = [i for i in incidents if "aws:us-east-1" in i.regions]
    assert len(region) == 1, [(i.services, i.regions) for i in incidents]
    assert {"roku", "flickr", "adobe", "netflix"} <= set(region[0].services)
    assert "discord" not in region[0].services and "hulu" not in region[0].services
    assert any(i.services == ["hulu"] for i in incidents)


def test_a_service_on_the_provider_alone_is_not_given_the_provider_as_cause(store):
    story = Story(seed=4)
    quiet_day(story)
    story.burst("netflix", at("15:30"), 30, 40)
    incidents = run(store, story)
    assert [i.services for i in incidents] == [["netflix"]]
    assert incidents[0].common_cause is None and incidents[0].regions == []


def test_a_status_update_hours_after_the_chatter_ended_extends_the_same_incident_incrementally(tmp_path):
    """A provider's feed posts "monitoring" hours after the chatter has died down, then
    "resolved" the next morning (gaps shorter than the official timeout): a batch holding only
    those late updates must extend the stored incident, as a full recomputation does, not open
    a second one."""
    story = Story(seed=6)
    quiet_day(story)
    story.burst("roku", at("13:50"), 60, 300)
    story.burst("flickr", at("14:00"), 50, 120)
    story.status(at("14:36"), "investigating", "Kinesis errors in US-EAST-1.")
    story.status(at("16:00"), "identified", "Kinesis errors in US-EAST-1: cause identified.")
    story.status(at("21:30"), "monitoring", "Kinesis in US-EAST-1: monitoring the recovery.")
    late = story.status(at("03:00", day=1), "resolved", "Kinesis in US-EAST-1 has recovered.")
    live = SQLiteStore(tmp_path / "live.db")
    live.upsert([s for s in story.signals if s is not late and s.published_at < at("21:00")])
    update(live, now=at("21:00"))
    live.upsert([s for s in story.signals if at("21:00") <= s.published_at < at("23:59") and s is not late])
    # the store is fed days later (an API ingest: "now" is the wall clock), so the feed's 21:30
    # post is over by the official timeout, and the 24-h lookback does not reach the incident
    update(live, now=at("09:00", day=3))
    live.upsert([late])
    update(live, now=at("09:00", day=3), earliest=late.published_at)
    batch = SQLiteStore(tmp_path / "batch.db")
    batch.upsert(story.signals)
    expected = recompute(batch, now=at("09:00", day=3)).incidents
    got = stored(live)
    assert [(i.id, i.ended_at, i.services) for i in got] == [(i.id, i.ended_at, i.services) for i in expected]
    assert len([i for i in got if "aws/kinesis" in i.services]) == 1



@pytest.mark.parametrize("seed", [0, 3, 4])
def test_a_report_page_rising_point_by_point_to_its_daytime_level_is_not_an_outage(tmp_path, seed):
    """A page at 5-10 reports a point all night climbs over three hours to 18-32 (each point a
    little above the last, while the page would say "no current problems"): summed over an hour
    that rise is improbable against the night, but no point jumps over the points before it, so
    no incident opens. An outage on top of it (a point several times the level before it) does."""
    rng = random.Random(seed)
    night = [rng.randint(5, 10) for _ in range(24)]                          # 00:15-06:00
    morning = [round(8 + 1.5 * i + rng.randint(-4, 4)) for i in range(12)]  # 06:15-09:00
    day = [rng.randint(18, 32) for _ in range(20)]                           # 09:15-14:00
    outage = [140, 600, 900, 500, 200, 80]                                   # 14:15-15:30
    story = Story()
    story.reports("netflix", at("00:00"), night + morning + day + outage + [25] * 20)
    store = SQLiteStore(tmp_path / "c.db")
    try:
        incidents = run(store, story)
        assert [_t(i.detected_at) for i in incidents] == [_t("2020-11-25T14:15:00Z")], \
            [(i.detected_at, i.ended_at) for i in incidents]
        # judged on windows alone (the previous rule), the morning rise opened an incident of its own
        windows_only = compute(store, now=at("23:59"), settings=Settings(point_jump={}, point_rise={}))
        assert any(_t(i.detected_at) < at("10:00") for i in windows_only)
    finally:
        store.close()


def test_a_steep_rise_spread_over_two_hours_is_still_an_outage(store):
    """No single point jumps threefold over the hour before it, but the page goes from ~9 to 39
    reports a point in two hours (a daily rhythm takes half a day for twice its level): the
    outage is detected by the time that point is published."""
    rng = random.Random(11)
    night = [rng.randint(6, 10) for _ in range(40)]                  # 00:15-10:00
    rise = [8, 7, 11, 18, 16, 17, 26, 24, 39, 46, 41, 54, 76, 69]    # 10:15-13:30
    story = Story()
    story.reports("netflix", at("00:00"), night + rise + [60] * 8 + [10] * 20)
    incidents = run(store, story)
    assert len(incidents) == 1, [(i.detected_at, i.ended_at) for i in incidents]
    assert _t(incidents[0].detected_at) <= _t("2020-11-25T12:15:00Z"), incidents[0].detected_at


def test_the_cause_keeps_its_history_when_an_official_post_adds_the_region(store):
    """Chatter names AWS (no region) and two of its provider-only customers spike from 13:50;
    AWS's 14:36 post names Kinesis in us-east-1. The final cause is aws / aws:us-east-1, first
    named (provider and region as they stand) at the post; the history keeps that AWS alone
    was named earlier, and the stored record, the JSON and the report carry it."""
    story = Story(seed=3)
    quiet_day(story)
    story.burst("netflix", at("13:50"), 60, 200)
    story.burst("doordash", at("13:55"), 50, 150)
    story.burst(None, at("13:55"), 60, 80, providers=["aws"])
    story.status(at("14:36"), "investigating", "Increased error rates for Kinesis in US-EAST-1.")
    story.status(at("18:00"), "resolved", "Resolved.")
    incidents = run(store, story)
    aws = next(i for i in incidents if "netflix" in i.services)
    cause = aws.common_cause
    assert (cause["provider"], cause["region"]) == ("aws", "aws:us-east-1")
    assert _t(aws.common_cause_named_at) == at("14:36")
    history = aws.cause_history
    assert history[0]["provider"] == "aws" and history[0]["region"] is None
    assert _t(history[0]["at"]) < at("14:10")
    assert [h["at"] for h in history] == sorted(h["at"] for h in history)
    last = history[-1]
    assert (last["provider"], last["region"], last["service"], last["confidence"]) == (
        "aws", "aws:us-east-1", cause["service"], cause["confidence"])
    assert _t(last["at"]) == at("14:36")
    # the stored record and its JSON keep it; the report says when AWS was first named
    again = get_incident(store, aws.id)
    assert again.cause_history == history and again.to_dict()["cause_history"] == history
    from outagewatch.reports import render
    text = render(aws.id, store, "md")
    assert "was named as the cause from" in text, text
    # and the CLI's short block says when AWS was named and when the cause became what it is
    from outagewatch.cli.correlate import _incident_block
    block = _incident_block(again)
    assert "aws named 2020-11-25 13:" in block and "as now 2020-11-25 14:36 UTC" in block, block


def _gcp_status(story: Story, when, status: str, text: str, regions=(), services=()):
    return story.status(when, status, text, source="gcp-status:status.cloud.google.com", services=services,
                        providers=("gcp",), regions=regions)


def test_a_provider_wide_event_has_no_single_cause_region(store):
    """Customers of GCP (catalog: depend on gcp, no region) spike together; GCP posts "multiple
    products", then that most locations recovered except us-central1, then residual errors in
    Vertex AI. The cause is GCP without a region (us-central1 only recovered last) and without
    the one product its posts named among many; us-central1 is still listed as affected."""
    story = Story(seed=5)
    quiet_day(story)
    for name in ("spotify", "discord", "snapchat", "shopify"):
        story.burst(name, at("13:50"), 60, 150)
    story.burst(None, at("13:55"), 60, 60, providers=["gcp"])
    _gcp_status(story, at("14:40"), "investigating", "We are experiencing service issues with multiple GCP products.")
    _gcp_status(story, at("15:10"), "identified", "We are seeing recovery in most locations, except us-central1.",
                regions=("gcp:us-central1",))
    _gcp_status(story, at("16:20"), "monitoring", "Some residual impact remains for Vertex AI Online Prediction.",
                services=("gcp/vertex-ai",))
    _gcp_status(story, at("18:00"), "resolved", "All services have recovered.")
    incidents = run(store, story)
    gcp = next(i for i in incidents if "spotify" in i.services)
    cause = gcp.common_cause
    assert (cause["provider"], cause["region"], cause["service"]) == ("gcp", None, None), cause
    assert "gcp:us-central1" in gcp.regions
    # the provider was named by chatter before GCP's first post, and that naming still holds
    assert _t(gcp.common_cause_named_at) < at("14:40")
    assert all(h["region"] is None for h in gcp.cause_history), gcp.cause_history


def test_a_region_an_official_episode_names_later_is_named_when_that_update_is_posted(store):
    """An official episode's first post names no region; its second names us-east-1. The cause
    (aws / aws:us-east-1) was not known at the first post: it is named when the second is posted,
    and the history records the provider alone before it."""
    story = Story(seed=8)
    quiet_day(story)
    story.status(at("14:30"), "investigating", "We are investigating increased error rates.", regions=())
    story.status(at("15:05"), "identified", "The errors are in the US-EAST-1 Region; Kinesis is impaired.")
    story.status(at("17:00"), "resolved", "Resolved.")
    incidents = run(store, story)
    assert len(incidents) == 1
    incident = incidents[0]
    assert incident.common_cause["region"] == "aws:us-east-1"
    assert _t(incident.common_cause_named_at) == at("15:05")
    assert incident.cause_history[0]["region"] is None and _t(incident.cause_history[0]["at"]) == at("14:30")


def test_an_incident_naming_many_regions_of_a_provider_has_no_single_cause_region(store):
    """AWS's posts name us-east-1, us-west-2 and eu-west-1 as impaired (three regions at once):
    the cause is AWS, not one of them."""
    story = Story(seed=9)
    quiet_day(story)
    story.status(at("14:30"), "investigating", "Increased error rates in US-EAST-1, US-WEST-2 and EU-WEST-1.",
                 regions=("aws:us-east-1", "aws:us-west-2", "aws:eu-west-1"))
    story.status(at("17:00"), "resolved", "Resolved.")
    incidents = run(store, story)
    assert len(incidents) == 1
    assert incidents[0].common_cause["provider"] == "aws" and incidents[0].common_cause["region"] is None


def test_a_regional_episode_stays_regional_when_a_later_update_mentions_all_regions(store):
    """AWS's first word places the problem in US-EAST-1; an update hours later says root logins
    in all regions are affected (one feature, everywhere). The episode is regional: its cause
    region stays us-east-1."""
    story = Story(seed=10)
    quiet_day(story)
    story.burst("roku", at("13:40"), 60, 200)
    story.burst("flickr", at("13:55"), 50, 120)
    story.status(at("14:30"), "investigating", "We are experiencing API and console issues in the US-EAST-1 Region.")
    story.status(at("16:10"), "identified", "Root logins for consoles in all AWS regions are affected by this issue.")
    story.status(at("18:00"), "resolved", "Resolved.")
    incidents = run(store, story)
    aws = next(i for i in incidents if "roku" in i.services)
    assert aws.common_cause["region"] == "aws:us-east-1"
    assert all(h["region"] == "aws:us-east-1" for h in aws.cause_history), aws.cause_history


def test_posts_fetched_after_the_status_update_join_its_incident_under_the_id_already_announced(tmp_path):
    """Each source's fetch is stored as it ends: the status page's "investigating" can be
    stored first, announced, and then the posts of the half hour before it arrive. They were
    detected earlier, so the joined incident would take its id from them: it must instead stay
    the incident already announced (one "open", the first alert's link still valid)."""
    story = Story(seed=8)
    quiet_day(story)
    story.burst("flickr", at("14:00"), 50, 120)
    official = story.status(at("14:40"), "investigating", "Flickr: we are investigating errors loading photos.",
                            source="statuspage:status.flickr.net", services=["flickr"], providers=(), regions=())
    sent: list[tuple[str, str]] = []
    live = SQLiteStore(tmp_path / "live.db")
    live.upsert([s for s in story.signals if s.published_at < at("13:30")])
    update(live, now=at("13:30"), notify=lambda event, incident: sent.append((event, incident.id)))
    live.upsert([official])
    update(live, now=at("14:45"), notify=lambda event, incident: sent.append((event, incident.id)))
    assert [event for event, _ in sent] == ["open"]
    live.upsert([s for s in story.signals if at("13:30") <= s.published_at < at("14:45") and s is not official])
    update(live, now=at("14:46"), notify=lambda event, incident: sent.append((event, incident.id)))
    flickr = [i for i in stored(live) if "flickr" in i.services]
    assert len(flickr) == 1
    assert flickr[0].detected_at < at("14:40")  # the posts were seen first
    assert [event for event, _ in sent].count("open") == 1
    assert {incident_id for _, incident_id in sent} == {flickr[0].id}
