"""An analyst opens the dashboard on the Kinesis outage: incidents, search, one incident's chart."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from outagewatch.search.sqlite import SQLiteStore
from tests.browser.conftest import ARTIFACTS, live_server
from tests.browser.event import load_event

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def event_server(tmp_path_factory):
    store = SQLiteStore(tmp_path_factory.mktemp("dashboard") / "event.db")
    incident = load_event(store)
    with live_server(store) as url:
        yield url, incident
    store.close()


def _total(page) -> int:
    return int(page.locator("#search-summary").get_attribute("data-total"))


def test_the_dashboard_loads_the_bundled_event(page, event_server):
    url, incident = event_server
    page.goto(url + "/")
    page.locator("#incident-list li").first.wait_for()
    event = page.locator(f"#incident-list li[data-incident-id='{incident['id']}']")
    assert event.count() == 1
    text = event.inner_text()
    assert incident["title"] in text
    assert "evidence" in text
    assert "Likely common cause: Amazon Kinesis · Amazon Web Services · us-east-1" in text  # names, ids on hover
    assert event.locator(".cause .name[data-id='aws:us-east-1']").get_attribute("title").startswith("aws:us-east-1")
    assert "Lead time:" in text
    page.locator("#search-summary[data-total]").wait_for()
    assert _total(page) > 0
    assert page.locator("#facets fieldset[data-facet=services] label").count() > 0
    assert page.errors == []


def test_a_search_narrows_the_results(page, event_server):
    url, _ = event_server
    page.goto(url + "/")
    page.locator("#search-summary[data-total]").wait_for()
    everything = _total(page)
    page.fill("#search-input", "kinesis")
    page.click("#search-form button[type=submit]")
    expect(page.locator("#search-summary")).not_to_have_attribute("data-total", str(everything))
    kinesis = _total(page)
    assert 0 < kinesis < everything
    marks = page.locator("#results mark")
    assert marks.count() > 0
    assert marks.first.inner_text().lower() == "kinesis"
    first_kind = page.locator("#facets fieldset[data-facet=source_kind] input").first
    first_kind.check()
    expect(page.locator("#search-summary")).not_to_have_attribute("data-total", str(kinesis))
    assert 0 < _total(page) < kinesis
    assert page.locator("#facets fieldset[data-facet=source_kind] input:checked").count() == 1
    assert page.errors == []


def test_an_incident_opens_and_its_chart_renders(page, event_server):
    url, incident = event_server
    page.goto(url + "/")
    page.locator(f"#incident-list li[data-incident-id='{incident['id']}'] a.open-incident").click()
    detail = page.locator("#incident-detail")
    detail.wait_for(state="visible")
    assert page.locator("#incident-title").inner_text() == incident["title"]
    page.locator(f"#incident-detail[data-loaded='{incident['id']}']").wait_for()
    chart = page.locator("#incident-chart svg.timeline")
    lanes = page.locator("#incident-chart g.lane")
    assert {lanes.nth(i).get_attribute("data-kind") for i in range(lanes.count())} >= {"reports", "social", "status"}
    box = chart.bounding_box()
    assert box["width"] > 300 and box["height"] > 80
    assert page.locator("#incident-official li").count() >= 1
    assert page.locator("#incident-evidence li").count() > 0
    report = page.locator("#report-html").get_attribute("href")
    assert report.endswith("/report?format=html")
    served = page.request.get(url + report)
    assert served.status == 200 and incident["title"] in served.text()
    assert f"incident={incident['id']}" in page.url
    chart.screenshot(path=str(ARTIFACTS / "incident-chart.png"))
    assert page.errors == []


def test_an_incident_link_opens_straight_into_the_incident(page, event_server):
    url, _ = event_server
    page.goto(url + "/")
    incident_id = page.locator("#incident-list li").first.get_attribute("data-incident-id")
    page.goto(url + "/#incident=" + incident_id)
    page.locator("#incident-detail").wait_for(state="visible")
    assert page.locator("#incident-detail").get_attribute("data-incident-id") == incident_id
