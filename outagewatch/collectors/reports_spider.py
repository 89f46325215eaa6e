"""The Scrapy spider for Downdetector-style report pages, and the per-site extraction
profiles it reads them with.

A profile says where a site keeps each part of a page: the report-count series (a
regex over the page's scripts, since such sites draw their chart from inline data), the
problem-type shares, the user comments, and the page's own status line. Profiles are
data (``[reports.profiles.NAME]`` in the config) so a site's markup change is a config
change.

The spider yields plain dicts (``type`` = page, blocked or error) so that they cross
the process boundary to the collector as JSON.
"""

from __future__ import annotations

import re
from typing import Any

import scrapy

from outagewatch.collectors.http import ANTI_BOT_MARKERS

DEFAULT_PROFILES: dict[str, dict[str, str]] = {
    "downdetector": {
        "series_regex": r"\{\s*x:\s*['\"]([^'\"]+)['\"]\s*,\s*y:\s*(\d+)\s*\}",
        "share_item_css": ".indicatorChart_item",
        "share_name_css": ".indicatorChart_name::text",
        "share_value_css": ".indicatorChart_percentage::text",
        "comment_css": ".comment",
        "comment_author_css": ".comment-author::text",
        "comment_time_css": "time::attr(datetime)",
        "comment_text_css": ".comment-text::text",
        "status_css": ".entry-title::text",
    },
}

BLOCK_STATUS = (403, 429, 503)


def blocked_reason(status: int, text: str) -> str | None:
    low = text[:30000].lower()
    for marker in ANTI_BOT_MARKERS:
        if marker in low:
            return f"anti-bot or consent page ({marker!r}, HTTP {status})"
    if status in BLOCK_STATUS:
        return f"HTTP {status} instead of the page"
    return None


def extract(response: scrapy.http.Response, profile: dict[str, str]) -> dict[str, Any]:
    """Everything a profile finds on one page (points, shares, comments, status)."""
    scripts = "\n".join(response.css("script::text").getall())
    points = [{"time": t, "count": int(c)} for t, c in re.findall(profile["series_regex"], scripts)]
    shares = {}
    for item in response.css(profile["share_item_css"]):
        name = (item.css(profile["share_name_css"]).get() or "").strip()
        value = (item.css(profile["share_value_css"]).get() or "").strip().rstrip("%")
        if name and re.fullmatch(r"\d+(\.\d+)?", value):
            shares[name] = float(value)
    comments = []
    for item in response.css(profile["comment_css"]):
        text = " ".join(t.strip() for t in item.css(profile["comment_text_css"]).getall()).strip()
        if text:
            comments.append({"author": (item.css(profile["comment_author_css"]).get() or "").strip() or None,
                             "time": item.css(profile["comment_time_css"]).get(), "text": text})
    status = " ".join((response.css(profile["status_css"]).get() or "").split()) or None
    return {"points": points, "shares": shares, "comments": comments, "status": status}


class ReportSpider(scrapy.Spider):
    name = "outagewatch-reports"

    def __init__(self, pages: list[dict[str, Any]], profiles: dict[str, dict[str, str]] | None = None,
                 record: bool = False, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.pages = pages
        self.profiles = {**DEFAULT_PROFILES, **(profiles or {})}
        self.record = record

    async def start(self):
        for start in self.start_requests():
            yield start

    def start_requests(self):
        for page in self.pages:
            yield scrapy.Request(page["url"], callback=self.parse_page, errback=self.failed, dont_filter=True,
                                 cb_kwargs={"page": page}, meta={"page": page, "handle_httpstatus_all": True})

    def parse_page(self, response: scrapy.http.Response, page: dict[str, Any]):
        text = response.text if isinstance(response, scrapy.http.TextResponse) else ""
        record = None
        if self.record:
            record = {"url": page["url"], "status": response.status, "body": response.body.decode("utf-8", "replace"),
                      "content_type": (response.headers.get("Content-Type") or b"").decode("latin-1")}
        reason = blocked_reason(response.status, text)
        if reason and not (response.status == 200 and re.search(self._profile(page)["series_regex"], text)):
            yield {"type": "blocked", "key": page["key"], "reason": reason, "record": record}
            return
        if response.status >= 400:
            yield {"type": "error", "key": page["key"], "kind": "http", "status": response.status,
                   "reason": f"HTTP {response.status}", "record": record}
            return
        if not text:
            yield {"type": "error", "key": page["key"], "kind": "bad-response",
                   "reason": "not an HTML page (content type "
                             f"{(response.headers.get('Content-Type') or b'?').decode('latin-1')})", "record": record}
            return
        yield {"type": "page", "key": page["key"], "url": response.url, "record": record,
               **extract(response, self._profile(page))}

    def _profile(self, page: dict[str, Any]) -> dict[str, str]:
        base = dict(DEFAULT_PROFILES["downdetector"])
        base.update(self.profiles.get(page.get("profile") or "downdetector", {}))
        return base

    def failed(self, failure):
        page = failure.request.cb_kwargs.get("page") or failure.request.meta.get("page") or {}
        error = failure.value
        name = type(error).__name__
        if "robots" in str(error).lower() or name == "IgnoreRequest" and "robots" in repr(failure.request.meta):
            kind, reason = "robots", "forbidden by robots.txt"
        elif "Timeout" in name or "timeout" in str(error).lower():
            kind, reason = "timeout", "timed out"
        elif "Refused" in name or "Connect" in name or "DNS" in name:
            kind, reason = "connection", f"cannot connect ({name})"
        elif "redirect" in str(error).lower():
            kind, reason = "bad-response", "redirect loop"
        else:
            kind, reason = "error", f"{name}: {str(error)[:120]}"
        yield {"type": "error", "key": page.get("key"), "kind": kind, "reason": reason, "record": None}
