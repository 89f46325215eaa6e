"""Source text is hostile: no script, event handler or javascript: link in a Signal ever runs.

These pages are opened with the browser's CSP enforcement switched off, so what is
tested is the dashboard's own escaping, not the Content-Security-Policy behind it.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from outagewatch.signal import Signal
from tests.browser.conftest import served_store

pytestmark = pytest.mark.browser

T = datetime(2021, 6, 8, 9, 50, tzinfo=timezone.utc)
SCRIPT = '<script>window.__pwned = "text"</script>'
IMG = "<img src=x onerror=\"window.__pwned='img'\">"
EVIL_ID = "inc-\"><img src=x onerror=window.__pwned='id'>"
ALLOWED_TAGS = {"FORM", "SELECT", "OPTION", "LI", "DIV", "SPAN", "MARK", "A", "OL", "UL", "BUTTON", "DL", "DT", "DD", "FIELDSET", "LEGEND",
                "LABEL", "INPUT", "P", "H2", "H3", "SECTION", "ASIDE", "svg", "title", "line", "text", "path", "circle",
                "g", "rect", "polyline", "polygon", "TIME", "Q", "STRONG", "TABLE", "THEAD", "TBODY", "TR", "TH", "TD",
                "DETAILS", "SUMMARY"}


def hostile_signals() -> list[Signal]:
    return [
        Signal(source_kind="social", source="x:search:fastly", published_at=T, native_id="1",
               text=f"fastly is down {SCRIPT} {IMG} & <b>bold</b> &amp; \"quotes\"",
               title="<svg onload=\"window.__pwned='title'\">CDN outage</svg>",
               author="\"><img src=x onerror=window.__pwned='author'>",
               url="javascript:window.__pwned='url'", services=["fastly", "<img src=x onerror=window.__pwned='tag'>"],
               regions=["geo:US-VA\"><script>window.__pwned='region'</script>"]),
        Signal(source_kind="news", source="news:<i onmouseover=\"window.__pwned='source'\">x</i>",
               published_at=T, native_id="2", text="Fastly outage: sites down worldwide",
               url="JaVaScRiPt:window.__pwned='url2'", services=["fastly"]),
        Signal(source_kind="social", source="x:search:fastly", published_at=T, native_id="3",
               text="fastly error page", url=" data:text/html,<script>window.__pwned='data'</script>",
               services=["fastly"]),
    ]


def hostile_incident() -> dict:
    return {"id": EVIL_ID, "title": f"Fastly {SCRIPT}{IMG}", "status": "open", "services": ["fastly"],
            "providers": ["fastly"], "regions": [], "started_at": T, "detected_at": T, "peak_at": T, "ended_at": None,
            "evidence_level": "<b onclick=\"window.__pwned='level'\">strong</b>", "signal_counts": {"social": 2},
            "report_count": 0, "common_cause_named_at": None, "first_official_at": None, "lead_minutes": None, "feedback": None,
            "common_cause": {"provider": f"fastly{IMG}", "region": None, "service": None, "confidence": 0.5, "confirmed": False,
                             "evidence": [f"{SCRIPT} said so", {"note": IMG}]}}


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    with served_store(tmp_path_factory.mktemp("xss"), hostile_signals(), [hostile_incident()]) as url:
        yield url


def _assert_nothing_ran(page) -> None:
    page.mouse.move(5, 5)
    for selector in ("#results li", "#incident-list li", "#incident-detail"):
        for element in page.locator(selector).all():
            if element.is_visible():
                element.hover()
    page.wait_for_timeout(300)  # give an injected onerror/onload its chance to fire
    assert page.evaluate("() => window.__pwned") is None
    assert page.dialogs == []
    tags = set(page.evaluate(
        "() => [...document.querySelectorAll('main *')].map(e => e.tagName)"))
    assert tags <= ALLOWED_TAGS, tags - ALLOWED_TAGS
    hrefs = page.evaluate("() => [...document.querySelectorAll('main a[href]')].map(a => a.getAttribute('href'))")
    assert all(h.startswith(("http://", "https://", "/api/", "/?")) and "<" not in h for h in hrefs), hrefs
    handlers = page.evaluate(
        "() => [...document.querySelectorAll('main *')].flatMap(e => [...e.attributes].map(a => a.name))"
        ".filter(n => n.startsWith('on'))")
    assert handlers == []


def test_hostile_signals_show_as_text_in_search_results(open_page, hostile_server):
    page = open_page
    page.goto(hostile_server + "/")
    page.locator("#results li").first.wait_for()
    assert page.locator("#results li").count() == 3
    text = page.locator("#results").inner_text()
    assert SCRIPT in text
    assert "<svg onload=" in text
    assert "link not shown: javascript:window.__pwned='url'" in text
    assert "link not shown: JaVaScRiPt:" in text
    facet_text = page.locator("#facets").inner_text()
    assert "<img src=x onerror=window.__pwned='tag'>" in facet_text
    _assert_nothing_ran(page)


def test_highlights_keep_escaped_text_as_text(open_page, hostile_server):
    page = open_page
    page.goto(hostile_server + "/")
    page.fill("#search-input", "fastly")
    page.click("#search-form button[type=submit]")
    page.locator("#results mark").first.wait_for()
    first = page.locator("#results li").filter(has_text="fastly is down").first
    highlighted = first.locator(".highlight").first.inner_text()
    assert 'window.__pwned = "text"' in highlighted
    assert "<b>bold</b> &amp;" in highlighted  # the source's own entity stays as typed
    assert first.locator(".highlight mark").first.inner_text() == "fastly"
    _assert_nothing_ran(page)


def test_a_hostile_incident_opens_without_running_anything(open_page, hostile_server):
    page = open_page
    page.goto(hostile_server + "/")
    item = page.locator("#incident-list li").first
    item.wait_for()
    assert SCRIPT in item.inner_text()
    item.locator("a.open-incident").click()
    page.locator("#incident-detail[data-loaded]").wait_for()
    assert page.locator("#incident-detail").get_attribute("data-incident-id") == EVIL_ID
    assert IMG in page.locator("#incident-title").inner_text()
    assert page.locator("#cause-evidence li").count() == 2
    assert page.locator("#incident-chart svg.timeline").count() == 1
    report = page.locator("#report-html").get_attribute("href")
    assert report.startswith("/api/incidents/") and "<" not in report
    served = page.request.get(page.url.split("#")[0].rstrip("/") + report)
    assert served.status == 200
    assert "<script>window.__pwned" not in served.text()  # the report escapes it too
    _assert_nothing_ran(page)
