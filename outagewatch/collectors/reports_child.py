"""The long-lived crawler process: one Twisted reactor for many crawls.

Scrapy's reactor cannot be restarted in a process, so the collector runs crawls here.
Once its reactor runs and a first crawl of no pages has loaded what a crawl uses (Scrapy's
imports, its engine and download handlers: most of a start, seconds on a busy machine), it
prints ``{"ready": true}``; the parent sends nothing before that, so a fetch's deadline
never pays for this start. Then one JSON command a line on stdin
(``{"id", "pages", "profiles", "settings"}``), the items as JSON lines on stdout, then
``{"done": id, "items": N}``. Crawls run side by
side; ``{"cancel": id}`` stops one (its fetch's deadline passed, or the run is stopping),
and the end of stdin stops them all. A crawl that finishes with zero items is reported as
such by the parent, never taken as "no reports".
"""

from __future__ import annotations

import json
import logging
import os
import sys
import threading

from scrapy.utils.reactor import install_reactor

REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"


def base_settings(user_agent: str) -> dict:
    return {
        "TWISTED_REACTOR": REACTOR,
        "USER_AGENT": user_agent,
        "ROBOTSTXT_OBEY": True,
        "AUTOTHROTTLE_ENABLED": True,
        "AUTOTHROTTLE_START_DELAY": 2.0,
        "AUTOTHROTTLE_TARGET_CONCURRENCY": 1.0,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 2,
        "DOWNLOAD_TIMEOUT": 20,
        "DOWNLOAD_MAXSIZE": 10 * 1024 * 1024,
        "REDIRECT_MAX_TIMES": 5,
        "RETRY_ENABLED": False,  # the scheduler owns retries and backoff
        "COOKIES_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "REMOTE_CONTROL_ENABLED": False,  # no listening sockets from a collector
        "LOG_ENABLED": False,
        "HTTPCACHE_ENABLED": False,
        "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7",
    }


def main() -> None:
    install_reactor(REACTOR)
    from twisted.internet import reactor
    from scrapy import signals
    from scrapy.crawler import CrawlerRunner

    from outagewatch.collectors.http import USER_AGENT
    from outagewatch.collectors.reports_spider import ReportSpider

    if not os.environ.get("OUTAGEWATCH_CRAWLER_LOG"):
        logging.disable(logging.CRITICAL)
    out_lock = threading.Lock()
    pending: set = set()
    running: dict = {}  # command id -> its crawler, for a cancel
    closing = [False]

    def emit(obj) -> None:
        with out_lock:
            sys.stdout.write(json.dumps(obj) + "\n")
            sys.stdout.flush()

    def crawl(command: dict) -> None:
        settings = base_settings(command.get("user_agent") or USER_AGENT)
        settings.update(command.get("settings") or {})
        runner = CrawlerRunner(settings)
        crawler = runner.create_crawler(ReportSpider)
        count = [0]

        def scraped(item, response, spider):  # noqa: ARG001
            count[0] += 1
            emit({"item": dict(item), "id": command["id"]})

        crawler.signals.connect(scraped, signal=signals.item_scraped, weak=False)
        running[command["id"]] = crawler
        deferred = runner.crawl(crawler, pages=command["pages"], profiles=command.get("profiles"),
                                record=bool(command.get("record")))
        if command.get("warm_up"):  # whatever it ends with, the real crawls say their own errors
            deferred.addBoth(lambda _: emit({"ready": True}))
        else:
            deferred.addCallback(lambda _: emit({"done": command["id"], "items": count[0]}))
            deferred.addErrback(lambda f: emit({"done": command["id"], "items": count[0],
                                                "error": f"{f.type.__name__}: {f.getErrorMessage()[:200]}"}))
        pending.add(deferred)

        def settle(_):
            pending.discard(deferred)
            running.pop(command["id"], None)
            if closing[0] and not pending:
                reactor.stop()

        deferred.addBoth(settle)

    def cancel(ident) -> None:
        crawler = running.get(ident)
        if crawler is not None and crawler.crawling:
            crawler.stop()

    def finish() -> None:
        closing[0] = True
        for ident in list(running):
            cancel(ident)
        if not pending:
            reactor.stop()

    def read_commands() -> None:
        for line in sys.stdin:
            if not line.strip():
                continue
            try:
                command = json.loads(line)
            except json.JSONDecodeError:
                emit({"done": None, "error": "bad command"})
                continue
            if "cancel" in command:
                reactor.callFromThread(cancel, command["cancel"])
                continue
            reactor.callFromThread(crawl, command)
        reactor.callFromThread(finish)

    reactor.callWhenRunning(crawl, {"id": None, "pages": [], "warm_up": True})
    threading.Thread(target=read_commands, daemon=True).start()
    reactor.run(installSignalHandlers=False)


if __name__ == "__main__":
    main()
