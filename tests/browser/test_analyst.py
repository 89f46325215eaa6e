"""An analyst's session in real headless chromium: the dashboard on a store that is being fed
through the API while the page is open, the incident's timeline (the report's own chart),
shared links, the time picker, refresh, errors, keyboard, a phone-sized screen, dark mode and
the accountability page. Screenshots of each state go to ``test-artifacts/browser/``.
"""

from __future__ import annotations

import gzip
import json
import re
import threading
import time

import httpx
import pytest
from playwright.sync_api import expect

from outagewatch.correlate import AfterBatch, recompute
from outagewatch.pipeline import ingest_stream
from outagewatch.search.sqlite import SQLiteStore
from tests.browser.conftest import ARTIFACTS, live_server
from outagewatch.reports.fmt import minutes
from tests.browser.event import EVENT, load_event

pytestmark = pytest.mark.browser

TOKEN = "browser-feed-token"
SPLIT = "2020-11-25T12:00:00Z"  # before the Kinesis outage: only the 2019 Pub/Sub incident exists


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def _event_lines() -> list[bytes]:
    with gzip.open(EVENT, "rb") as stream:
        lines = [line for line in stream if line.strip()]
    return sorted(lines, key=lambda line: json.loads(line)["published_at"])


@pytest.fixture(scope="module")
def event_store(tmp_path_factory):
    store = SQLiteStore(tmp_path_factory.mktemp("analyst") / "event.db")
    incident = load_event(store)
    yield store, incident
    store.close()


@pytest.fixture(scope="module")
def event_server(event_store):
    store, incident = event_store
    with live_server(store) as url:
        yield url, incident


def _ready(page, url: str) -> None:
    page.goto(url)
    page.locator("body[data-ready=true]").wait_for()


def test_a_new_incident_appears_while_the_store_is_fed(browser, tmp_path, event_store):
    """The page stays open (no reload) while the rest of the capture is POSTed to /api/signals
    in chunks, and the API's after-batch step updates incidents: the Kinesis outage shows up."""
    lines = _event_lines()
    before = [line for line in lines if json.loads(line)["published_at"] < SPLIT]
    after = lines[len(before):]
    store = SQLiteStore(tmp_path / "live.db")
    import io

    ingest_stream(store, io.BytesIO(b"".join(before)), tag=None)
    recompute(store)
    full, incident = event_store  # what the whole capture gives, correlated in one go
    expected = {i["id"] for i in full.list_incidents()}
    known = {i["id"] for i in store.list_incidents()}
    assert incident["id"] not in known and known < expected  # the outage is not there yet
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(20_000)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    with live_server(store, token=TOKEN, after_batch=AfterBatch()) as url:
        _ready(page, url + "/?refresh=5")
        expect(page.locator("#incident-list li")).to_have_count(len(known))
        expect(page.locator("#updated")).to_have_text(re.compile(r"updated \d+ s ago"))
        page.evaluate("() => { window.__sameDocument = true; }")
        _shot(page, "live-1-before-the-outage")

        def feed():
            size = len(after) // 4 + 1
            for start in range(0, len(after), size):
                body = b"".join(after[start:start + size])
                response = httpx.post(url + "/api/signals?tag=false", content=body, timeout=120,
                                      headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/x-ndjson"})
                assert response.status_code == 200, response.text
                time.sleep(0.5)

        feeder = threading.Thread(target=feed, name="feeder")
        feeder.start()
        try:
            new = page.locator(f"#incident-list li[data-incident-id='{incident['id']}']")
            new.wait_for(timeout=90_000)
        finally:
            feeder.join(timeout=180)
        assert "Amazon Kinesis" in new.inner_text()
        new.locator(".spark svg.timeline g.lane[data-kind='reports']").wait_for()
        assert page.evaluate("() => window.__sameDocument") is True  # no reload happened
        expect(page.locator("#incident-list li")).to_have_count(len(expected))  # Cloud SQL that evening too
        _shot(page, "live-2-the-outage-appeared-without-reload")
    context.close()
    store.close()
    assert errors == []


def test_the_incident_chart_is_the_reports_timeline_with_user_reports_on_their_own_lane(page, event_server):
    url, incident = event_server
    _ready(page, url + "/")
    page.locator(f"#incident-list li[data-incident-id='{incident['id']}'] a.open-incident").click()
    page.locator(f"#incident-detail[data-loaded='{incident['id']}']").wait_for()
    reports = page.locator("#incident-chart g.lane[data-kind='reports']")
    social = page.locator("#incident-chart g.lane[data-kind='social']")
    # Each lane has its own scale: thousands of user reports, a handful of posts.
    assert int(reports.get_attribute("data-max")) > 1000
    assert int(social.get_attribute("data-max")) < 20
    assert "user reports / 5 min" in reports.text_content()
    lanes_box = [page.locator("#incident-chart g.lane").nth(i).bounding_box() for i in range(2)]
    assert lanes_box[0]["y"] + lanes_box[0]["height"] <= lanes_box[1]["y"] + 1  # stacked, not overlaid
    ticks = page.locator("#incident-chart text.tick")
    assert ticks.count() >= 4
    tick_boxes = [ticks.nth(i).bounding_box() for i in range(ticks.count())]
    assert all(a["x"] + a["width"] < b["x"] for a, b in zip(tick_boxes, tick_boxes[1:]))  # readable: no overlap
    # The same SVG as the HTML report's.
    svg = page.request.get(url + f"/api/incidents/{incident['id']}/timeline.svg").text()
    report = page.request.get(url + f"/api/incidents/{incident['id']}/report?format=html").text()
    assert svg in report
    lead = round(incident["lead_minutes"])
    assert page.locator("#incident-accountability").inner_text().startswith(f"AWS acknowledged after {lead} min; AWS's median")
    chatter = page.locator("#incident-evidence li time")
    times = [chatter.nth(i).get_attribute("datetime") for i in range(chatter.count())]
    assert len(times) > 5 and times == sorted(times, reverse=True)  # newest first
    page.locator("#incident-chart").screenshot(path=str(ARTIFACTS / "incident-chart-lanes.png"))
    _shot(page, "incident-view")
    assert page.errors == []


def test_a_shared_url_reproduces_filters_time_range_and_incident(browser, page, event_server):
    url, incident = event_server
    _ready(page, url + "/")
    page.locator("#search-summary[data-total]").wait_for()
    page.fill("#search-input", "kinesis")
    page.press("#search-input", "Enter")
    expect(page).to_have_url(re.compile(r"q=kinesis"))
    page.locator("#facets fieldset[data-facet=providers] input[data-value='aws']").check()
    expect(page).to_have_url(re.compile(r"provider=aws"))
    page.select_option("#range-select", "custom")
    page.fill("#range-from", "2020-11-25T13:00")
    page.fill("#range-to", "2020-11-25T20:00")
    page.click("#range-apply")
    expect(page).to_have_url(re.compile(r"range=custom"))
    page.locator(f"#incident-list a.open-incident[data-incident-id='{incident['id']}']").click()
    page.locator(f"#incident-detail[data-loaded='{incident['id']}']").wait_for()
    expect(page.locator("#search-summary")).to_have_text(re.compile(r"^\d+ matching"))
    total = page.locator("#search-summary").get_attribute("data-total")
    shared = page.url
    for part in ("q=kinesis", "provider=aws", "range=custom", "since=2020-11-25T13%3A00%3A00Z",
                 "until=2020-11-25T20%3A00%3A00Z", f"incident={incident['id']}"):
        assert part in shared, (part, shared)

    other = browser.new_context(viewport={"width": 1280, "height": 1000}).new_page()
    _ready(other, shared)
    other.locator(f"#incident-detail[data-loaded='{incident['id']}']").wait_for()
    other.locator("#search-summary[data-total]").wait_for()
    assert other.input_value("#search-input") == "kinesis"
    assert other.locator("#facets input[data-param=provider][data-value='aws']").is_checked()
    assert other.input_value("#range-select") == "custom"
    assert other.input_value("#range-from") == "2020-11-25T13:00"
    assert other.input_value("#range-to") == "2020-11-25T20:00"
    assert other.locator("#search-summary").get_attribute("data-total") == total
    assert other.locator("#incident-title").inner_text() == incident["title"]
    _shot(other, "shared-url-reopened")
    other.context.close()

    # Back walks through the changes: first the incident closes, then the range goes.
    page.go_back()
    expect(page.locator("#incident-detail")).to_be_hidden()
    page.go_back()
    expect(page.locator("#range-select")).to_have_value("all")
    page.go_forward()
    expect(page.locator("#range-select")).to_have_value("custom")
    assert page.errors == []


def test_the_time_picker_narrows_incidents_and_search(page, event_server, event_store):
    url, incident = event_server
    every = len(event_store[0].list_incidents())
    _ready(page, url + "/")
    expect(page.locator("#incident-list li")).to_have_count(every)
    page.locator("#search-summary[data-total]").wait_for()
    everything = int(page.locator("#search-summary").get_attribute("data-total"))
    page.select_option("#range-select", "1h")  # the capture is from 2019-2020: nothing in the last hour
    expect(page).to_have_url(re.compile(r"range=1h"))
    expect(page.locator("#incident-list li")).to_have_count(0)
    expect(page.locator("#incidents-note")).to_have_text("No incidents in this time range.")
    expect(page.locator("#search-summary")).to_have_attribute("data-total", "0")
    _shot(page, "time-range-last-hour")
    page.select_option("#range-select", "custom")
    page.fill("#range-from", "2019-07-02T00:00")
    page.fill("#range-to", "2019-07-03T00:00")
    page.click("#range-apply")
    expect(page.locator("#incident-list li")).to_have_count(1)
    assert "Pub/Sub" in page.locator("#incident-list li").inner_text()
    # the incident list and the search answer separately: wait for the search's own new answer
    expect(page.locator("#search-summary")).to_have_attribute("data-total", re.compile(r"^[1-9][0-9]*$"))
    narrowed = int(page.locator("#search-summary").get_attribute("data-total"))
    assert 0 < narrowed < everything
    for choice in ("6h", "24h", "7d", "all"):
        page.select_option("#range-select", choice)
        expect(page).to_have_url(re.compile(f"range={choice}") if choice != "all" else re.compile(r"/$"))
    expect(page.locator("#incident-list li")).to_have_count(every)
    assert page.errors == []


def test_service_and_region_facets_narrow_the_incident_list(page, event_server, event_store):
    url, incident = event_server
    _ready(page, url + "/")
    every = len(event_store[0].list_incidents())
    expect(page.locator("#incident-list li")).to_have_count(every)
    page.locator("#facets fieldset[data-facet=services] input[data-value='roku']").check()
    expect(page).to_have_url(re.compile(r"service=roku"))
    with_roku = [i["id"] for i in event_store[0].list_incidents() if "roku" in i["services"]]
    expect(page.locator("#incident-list li")).to_have_count(len(with_roku))
    assert page.locator("#incident-list li").first.get_attribute("data-incident-id") in with_roku
    page.locator("#facets fieldset[data-facet=services] input[data-value='roku']").uncheck()
    page.locator("#facets fieldset[data-facet=regions] input[data-value='gcp:europe-west1']").check()
    expect(page).to_have_url(re.compile(r"region=gcp%3Aeurope-west1"))
    expect(page.locator("#incident-list li")).to_have_count(1)
    assert "Cloud SQL" in page.locator("#incident-list li").inner_text()
    assert page.locator("#facets fieldset[data-facet=regions] label").filter(has_text="europe-west1").first \
        .locator(".name").get_attribute("title").startswith("gcp:europe-west1")
    assert page.errors == []


def test_refresh_now_and_the_updated_label(page, event_server):
    url, _ = event_server
    _ready(page, url + "/?refresh=0")
    label = page.locator("#updated")
    expect(label).to_have_text(re.compile(r"updated \d+ s ago"))
    page.wait_for_timeout(4500)

    def seconds() -> int:
        return int(re.fullmatch(r"updated (\d+) s ago", label.inner_text()).group(1))

    before = seconds()
    assert before >= 4  # it counts up by itself
    stamp = label.get_attribute("data-updated-at")
    page.click("#refresh-button")
    expect(label).not_to_have_attribute("data-updated-at", stamp)
    assert seconds() < before  # counted again from the new load
    page.select_option("#refresh-select", "5")
    expect(page).to_have_url(re.compile(r"refresh=5"))
    stamp = label.get_attribute("data-updated-at")
    expect(label).not_to_have_attribute("data-updated-at", stamp, timeout=12_000)  # polled by itself
    assert page.errors == []


def test_a_bad_query_shows_the_apis_error_not_zero_matches(page, event_server):
    url, _ = event_server
    _ready(page, url + "/?range=custom&since=yesterday-ish")
    summary = page.locator("#search-summary")
    expect(summary).to_have_attribute("data-error", "true")
    assert "since: cannot read 'yesterday-ish' as a time" in summary.inner_text()
    assert "matching" not in summary.inner_text()
    expect(page.locator("#message")).to_contain_text("since: cannot read")
    expect(page.locator("#incidents-note")).to_contain_text("Could not list incidents: since: cannot read")
    page.goto(url + "/")
    page.locator("#search-summary[data-total]").wait_for()
    page.fill("#search-input", "x" * 1001)
    page.press("#search-input", "Enter")
    expect(summary).to_have_attribute("data-error", "true")
    assert "q: String should have at most 1000 characters" in summary.inner_text()
    assert page.locator("#results li").count() == 0
    _shot(page, "search-error-shown")


def test_the_keyboard_opens_and_closes_an_incident(page, event_server):
    url, incident = event_server
    _ready(page, url + "/?refresh=5")
    link = page.locator(f"#incident-list a.open-incident[data-incident-id='{incident['id']}']")
    link.wait_for()
    for _ in range(40):  # Tab from the top of the page until the incident link has focus
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.dataset.incidentId") == incident["id"]:
            break
    else:
        pytest.fail("the incident link is not reachable with Tab")
    # The list is re-rendered by the next poll: the focus stays on the same incident.
    stamp = page.locator("#updated").get_attribute("data-updated-at")
    expect(page.locator("#updated")).not_to_have_attribute("data-updated-at", stamp, timeout=12_000)
    assert page.evaluate("() => document.activeElement.dataset.incidentId") == incident["id"]
    page.keyboard.press("Enter")
    page.locator(f"#incident-detail[data-loaded='{incident['id']}']").wait_for()
    assert page.evaluate("() => document.activeElement.id") == "incident-title"
    page.keyboard.press("Escape")
    expect(page.locator("#incident-detail")).to_be_hidden()
    assert page.evaluate("() => document.activeElement.dataset.incidentId") == incident["id"]
    # A facet checkbox keeps the focus through a poll too, and Space toggles it.
    box = page.locator("#facets fieldset[data-facet=providers] input[data-value='aws']")
    box.focus()
    stamp = page.locator("#updated").get_attribute("data-updated-at")
    expect(page.locator("#updated")).not_to_have_attribute("data-updated-at", stamp, timeout=12_000)
    assert page.evaluate("() => document.activeElement.dataset.value") == "aws"
    page.keyboard.press("Space")
    expect(page).to_have_url(re.compile(r"provider=aws"))
    expect(page.locator("#facets fieldset[data-facet=providers] input[data-value='aws']")).to_be_checked()
    assert page.evaluate("() => document.activeElement.dataset.value") == "aws"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_phone_screen_in_both_colour_schemes(browser, event_server, scheme):
    url, incident = event_server
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme, is_mobile=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    _ready(page, url + f"/?incident={incident['id']}")
    page.locator(f"#incident-detail[data-loaded='{incident['id']}']").wait_for()
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 390, f"the page scrolls sideways at 390 px ({width} px wide)"
    chart = page.locator("#incident-chart svg").bounding_box()
    assert chart["width"] <= 390
    background = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
    dark = background in ("rgb(13, 17, 23)",)
    assert dark == (scheme == "dark"), background
    lane = page.evaluate("() => getComputedStyle(document.querySelector('#incident-chart .lane-bg')).fill")
    assert (lane == "rgb(15, 20, 27)") == (scheme == "dark"), lane  # the chart follows the scheme too
    page.screenshot(path=str(ARTIFACTS / f"phone-390-{scheme}.png"), full_page=False)
    _shot(page, f"phone-390-{scheme}-full")
    context.close()


def test_the_accountability_page(page, event_server):
    url, incident = event_server
    _ready(page, url + "/")
    page.click("#nav-accountability")
    expect(page).to_have_url(re.compile(r"view=accountability"))
    row = page.locator("#accountability-providers tr[data-id='aws']")
    row.wait_for()
    api = page.request.get(url + "/api/accountability").json()
    aws = next(p for p in api["providers"] if p["id"] == "aws")
    cells = row.locator("td")
    assert [cells.nth(i).inner_text() for i in range(6)] == [
        str(aws["incidents"]), str(aws["acknowledged"]), str(aws["never_acknowledged"]), minutes(aws["median_minutes"]),
        minutes(aws["p90_minutes"]), aws["grade"]]
    assert row.locator("th span").first.get_attribute("title") == "aws"
    assert row.locator("th").inner_text().startswith("Amazon Web Services")
    assert "A ≤ 10 min" in page.locator("#accountability-grading").inner_text()
    assert page.locator("#accountability-pages tr[data-id='aws-health']").inner_text().startswith("health.aws.amazon.com")
    delays = page.locator("#accountability-providers tr.delays-row[data-provider='aws']")
    delays.locator("summary").click()
    item = delays.locator(f"li[data-incident='{incident['id']}']")
    assert f"acknowledged after {round(incident['lead_minutes'])} min on health.aws.amazon.com" in item.inner_text()
    page.click("#refresh-button")  # a refresh keeps the list unfolded
    page.wait_for_timeout(500)
    assert delays.locator("details").get_attribute("open") is not None
    _shot(page, "accountability-page")
    item.locator("a").click()  # to the incident itself
    page.locator("#incident-detail[data-loaded]").wait_for()
    page.go_back()
    expect(page.locator("#accountability-view")).to_be_visible()
    page.go_back()
    expect(page.locator("#incidents-view")).to_be_visible()
    assert page.errors == []


def test_what_users_report_problem_types_and_comments_newest_first(browser, tmp_path):
    """A report page's problem-type shares and its users' comments, as the reports collector
    stores them (shares on the newest point's ``raw``, comments as their own Signals)."""
    from datetime import datetime, timedelta, timezone

    from outagewatch.pipeline import store_signals
    from outagewatch.signal import Signal

    store = SQLiteStore(tmp_path / "reports.db")
    incident = load_event(store)
    at = datetime(2020, 11, 25, 15, 0, tzinfo=timezone.utc)
    page_url = "https://downdetector.com/status/roku/"
    store_signals(store, [
        Signal(source_kind="reports", source="reports:downdetector/roku", published_at=at, native_id="shares",
               report_count=2100, text="2100 user reports of problems with Roku", services=["roku"], url=page_url,
               raw={"page": page_url, "problem_types": {"Streaming": 61.0, "Login": 24.0, "App": 15.0},
                    "page_status": "User reports indicate problems at Roku"}),
        *[Signal(source_kind="reports", source="reports:downdetector/roku", published_at=at + timedelta(minutes=m),
                 native_id=f"c{m}", author=f"viewer{m}", text=text, services=["roku"], url=page_url,
                 raw={"page": page_url, "comment": True})
          for m, text in ((2, "channels won't load"), (9, "error 014.30 on every app"), (21, "back for me now"))],
    ])
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(15_000)
    with live_server(store) as url:
        _ready(page, url + f"/?incident={incident['id']}")
        page.locator(f"#incident-detail[data-loaded='{incident['id']}']").wait_for()
        roku = page.locator("#problem-types .report-page[data-source='reports:downdetector/roku']")
        assert [t.inner_text() for t in roku.locator(".ptype").all()] == ["Streaming", "Login", "App"]
        assert [t.inner_text() for t in roku.locator(".share").all()] == ["61%", "24%", "15%"]
        widths = [b.bounding_box()["width"] for b in roku.locator(".fill").all()]
        assert widths[0] > widths[1] > widths[2] > 0  # the bars are drawn to their shares
        assert "page says: User reports indicate problems at Roku" in roku.inner_text()
        comments = page.locator("#incident-comments li .text")
        assert [c.inner_text() for c in comments.all()] == ["back for me now", "error 014.30 on every app",
                                                             "channels won't load"]
        evidence = page.locator("#cause-evidence").inner_text()
        assert "2020-11-25 14:36 UTC" in evidence and "T14:36:00Z" not in evidence  # times as people read them
        page.locator("#problem-types").scroll_into_view_if_needed()
        page.screenshot(path=str(ARTIFACTS / "incident-user-reports.png"))
    context.close()
    store.close()
