"""Hostile text in every field the analyst's views added: display names (unknown ids), report-page
problem types and page status, user comments, provider and status-page names on the
accountability page, chart lane names, and API error messages that quote the query.

Pages are opened with CSP enforcement off, so these pass only because the dashboard never
hands source text to an HTML parser (``innerHTML`` with any of these payloads would run them).
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from outagewatch.signal import Signal
from tests.browser.conftest import served_store
from tests.browser.test_xss import EVIL_ID, IMG, SCRIPT, T, _assert_nothing_ran, hostile_incident, hostile_signals

pytestmark = pytest.mark.browser

PTYPE = "<img src=x onerror=\"window.__pwned='ptype'\">"
STATUS = "<script>window.__pwned='page-status'</script>"
AUTHOR = "\"><img src=x onerror=window.__pwned='comment-author'>"
COMMENT = "<img src=x onerror=\"window.__pwned='comment'\"> still down"
PROVIDER = "<img src=x onerror=\"window.__pwned='provider'\">"
PAGE = "statuspage:<svg onload=\"window.__pwned='page'\">.example.com"
KIND = "<img src=x onerror=\"window.__pwned='lane'\">"
QUERY = "<img src=x onerror=window.__pwned='query'>"


def analyst_signals() -> list[Signal]:
    page = "https://downdetector.example/status/fastly/"
    return hostile_signals() + [
        Signal(source_kind="reports", source="reports:downdetector/fastly", published_at=T + timedelta(minutes=5),
               native_id="r1", report_count=900, text="900 user reports of problems with Fastly", services=["fastly"],
               url=page, raw={"page": page, "problem_types": {PTYPE: 70.0, "Website": 30.0}, "page_status": STATUS}),
        Signal(source_kind="reports", source="reports:downdetector/fastly", published_at=T + timedelta(minutes=7),
               native_id="r2", author=AUTHOR, text=COMMENT, services=["fastly"], url=page,
               raw={"page": page, "comment": True}),
        Signal(source_kind="status", source=PAGE, published_at=T + timedelta(minutes=20), native_id="s1",
               text="Investigating", status="investigating", services=["fastly"], providers=[PROVIDER]),
    ]


def analyst_incident() -> dict:
    incident = hostile_incident()
    incident["providers"] = ["fastly", PROVIDER]
    incident["official_sources"] = [PAGE]
    incident["series"] = {"start": (T - timedelta(minutes=10)).isoformat(), "interval": 300,
                          "kinds": {"reports": [0, 0, 900, 900, 0], "social": [0, 0, 2, 1, 0], KIND: [0, 1, 0, 0, 0]}}
    return incident


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with served_store(tmp_path_factory.mktemp("xss-analyst"), analyst_signals(), [analyst_incident()]) as url:
        yield url


def test_problem_types_comments_names_and_lanes_stay_text(open_page, server):
    page = open_page
    page.goto(server + "/")
    page.locator("#incident-list li a.open-incident").first.click()
    page.locator("#incident-detail[data-loaded]").wait_for()
    assert page.locator("#incident-detail").get_attribute("data-incident-id") == EVIL_ID
    types = page.locator("#problem-types")
    assert PTYPE in types.inner_text() and STATUS in types.inner_text()
    assert page.locator("#problem-types .ptype").first.inner_text() == PTYPE  # 70 %, first
    comment = page.locator("#incident-comments li").first.inner_text()
    assert COMMENT in comment and AUTHOR in comment
    assert PROVIDER in page.locator("#incident-facts").inner_text()  # an unknown id is shown as it is
    lanes = page.locator("#incident-chart g.lane")
    kinds = {lanes.nth(i).get_attribute("data-kind") for i in range(lanes.count())}
    assert KIND in kinds  # escaped by the server, rebuilt as an attribute value, never parsed
    assert SCRIPT in page.locator("#incident-list").inner_text()
    _assert_nothing_ran(page)


def test_hostile_provider_and_status_page_names_on_the_accountability_page(open_page, server):
    page = open_page
    page.goto(server + "/?view=accountability")
    table = page.locator("#accountability-providers")
    table.locator("tbody tr").first.wait_for()
    assert PROVIDER in table.inner_text()
    assert PAGE.split(":", 1)[1] in page.locator("#accountability-pages").inner_text()
    _assert_nothing_ran(page)


def test_hostile_provider_facet_and_search(open_page, server):
    page = open_page
    page.goto(server + "/")
    page.locator("#facets fieldset[data-facet=providers] label").first.wait_for()
    assert PROVIDER in page.locator("#facets fieldset[data-facet=providers]").inner_text()
    page.locator("#facets fieldset[data-facet=providers] input").last.check()
    page.locator("#search-summary[data-total]").wait_for()
    _assert_nothing_ran(page)


def test_an_api_error_quoting_the_query_stays_text(open_page, server):
    page = open_page
    page.goto(server + "/?range=custom&since=" + QUERY.replace("=", "%3D").replace(" ", "%20"))
    summary = page.locator("#search-summary[data-error]")
    summary.wait_for()
    assert QUERY in summary.inner_text()
    assert QUERY in page.locator("#message").inner_text()
    _assert_nothing_ran(page)
