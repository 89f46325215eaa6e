#!/usr/bin/env python3
"""Build the bundled capture of the 2020-11-25 AWS us-east-1 (Kinesis) event.

A RECONSTRUCTION, not a recording: the AWS status updates follow the publicly reported
times (first post 14:36 UTC, problems from about 13:15 UTC, full recovery around
06:23 UTC on Nov 26); their wording, every post, comment, report count and news item
is written here. Deterministic: running it again writes the same files.

    python examples/aws-us-east-1-2020-11-25/build_capture.py
"""

from __future__ import annotations

import hashlib
import json
import math
import random
import shutil
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
UTC = timezone.utc
START = datetime(2020, 11, 23, 0, 0, tzinfo=UTC)
END = datetime(2020, 11, 26, 8, 0, tzinfo=UTC)
ONSET = datetime(2020, 11, 25, 13, 15, tzinfo=UTC)
rng = random.Random(20201125)


def t(day: int, hh: int, mm: int = 0) -> datetime:
    return datetime(2020, 11, day, hh, mm, tzinfo=UTC)


def iso(value: datetime) -> str:
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")


endpoints: dict[str, list[dict]] = {}


def body_file(content: bytes, ext: str) -> str:
    name = f"bodies/{hashlib.blake2b(content, digest_size=12).hexdigest()}{ext}"
    path = HERE / name
    if not path.exists():
        path.write_bytes(content)
    return name


def serve(url: str, at: datetime, content: bytes, ctype: str, ext: str) -> None:
    responses = endpoints.setdefault(url, [])
    name = body_file(content, ext)
    if responses and responses[-1]["body"] == name:
        return
    responses.append({"at": iso(at), "status": 200, "headers": {"content-type": ctype}, "body": name})


# ---------------------------------------------------------------- AWS Health RSS feeds
AWS_UPDATES = {
    "kinesis-us-east-1": ("Amazon Kinesis (N. Virginia)", [
        (t(25, 14, 36), "Increased Error Rates",
         "We are investigating increased error rates for Kinesis Data Streams APIs in the US-EAST-1 Region."),
        (t(25, 15, 21), "Increased Error Rates",
         "We continue to investigate increased error rates for Kinesis Data Streams APIs in the US-EAST-1 Region. "
         "Other services that use Kinesis, such as Cognito and CloudWatch, are also affected."),
        (t(25, 16, 33), "Increased Error Rates",
         "We have identified the cause of the increased error rates for Kinesis Data Streams in US-EAST-1: "
         "a problem in the front-end fleet after a recent capacity addition. We are working towards recovery."),
        (t(25, 18, 5), "Increased Error Rates",
         "We are restarting the Kinesis front-end fleet in US-EAST-1 in stages; error rates remain elevated."),
        (t(25, 20, 12), "Increased Error Rates",
         "We are seeing early signs of recovery for Kinesis Data Streams in US-EAST-1 and continue to monitor."),
        (t(25, 23, 40), "Increased Error Rates",
         "Recovery of Kinesis Data Streams in US-EAST-1 continues; most requests now succeed. We are monitoring."),
        (t(26, 6, 23), "Service is operating normally",
         "[RESOLVED] Between 5:15 AM and 10:23 PM PST, Kinesis Data Streams in the US-EAST-1 Region saw "
         "increased error rates. The issue has been resolved and the service is operating normally."),
    ]),
    "cognito-us-east-1": ("Amazon Cognito (N. Virginia)", [
        (t(25, 14, 58), "Increased Error Rates",
         "We are investigating increased error rates for Cognito User Pools and Identity Pools in US-EAST-1."),
        (t(25, 17, 47), "Increased Error Rates",
         "Cognito in US-EAST-1 depends on Kinesis Data Streams, which has elevated errors. We are working on recovery."),
        (t(25, 22, 30), "Increased Error Rates", "We are seeing recovery for Cognito in US-EAST-1 and are monitoring."),
        (t(26, 2, 5), "Service is operating normally",
         "[RESOLVED] Cognito error rates in US-EAST-1 have recovered. The service is operating normally."),
    ]),
    "cloudwatch-us-east-1": ("Amazon CloudWatch (N. Virginia)", [
        (t(25, 15, 3), "Increased Metric and Log Delays",
         "We are investigating delayed CloudWatch metrics and logs and elevated API error rates in US-EAST-1."),
        (t(25, 18, 40), "Increased Metric and Log Delays",
         "CloudWatch delays in US-EAST-1 are caused by the Kinesis Data Streams issue. We are working to recover."),
        (t(26, 5, 50), "Service is operating normally",
         "[RESOLVED] CloudWatch metrics and logs in US-EAST-1 are being delivered normally again."),
    ]),
    "lambda-us-east-1": ("AWS Lambda (N. Virginia)", [
        (t(25, 15, 40), "Increased Error Rates",
         "We are investigating increased invocation errors and delays for Lambda functions in US-EAST-1, "
         "related to the CloudWatch issue."),
        (t(26, 4, 10), "Service is operating normally",
         "[RESOLVED] Lambda invocation errors in US-EAST-1 have recovered. The service is operating normally."),
    ]),
    "events-us-east-1": ("Amazon EventBridge (N. Virginia)", [
        (t(25, 15, 32), "Event Delivery Delays",
         "We are investigating delayed event delivery for EventBridge in US-EAST-1."),
        (t(26, 5, 10), "Service is operating normally",
         "[RESOLVED] EventBridge event delivery in US-EAST-1 has recovered."),
    ]),
}


def aws_feed(key: str, title: str, items: list[tuple[datetime, str, str]], now: datetime) -> bytes:
    shown = [i for i in items if i[0] <= now]
    parts = [f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title><![CDATA[{title} Service Status]]></title>
<link>http://status.aws.amazon.com/</link>
<description><![CDATA[{title} Service Status]]></description>
<language>en-us</language>
<lastBuildDate>{format_datetime(now)}</lastBuildDate>"""]
    for when, head, text in reversed(shown):
        stamp = when.strftime("%Y%m%d%H%M")
        parts.append(f"""<item>
 <title><![CDATA[{head}]]></title>
 <link>http://status.aws.amazon.com/</link>
 <pubDate>{format_datetime(when)}</pubDate>
 <guid isPermaLink="false">http://status.aws.amazon.com/#{key}_{stamp}</guid>
 <description><![CDATA[{when.strftime('%I:%M %p')} UTC {text}]]></description>
</item>""")
    parts.append("</channel></rss>\n")
    return "\n".join(parts).encode("utf-8")


def build_aws(sources: list[dict]) -> None:
    for key, (title, items) in AWS_UPDATES.items():
        url = f"https://status.aws.amazon.com/rss/{key}.rss"
        serve(url, START, aws_feed(key, title, items, START), "application/rss+xml", ".xml")
        for when, _, _ in items:
            serve(url, when, aws_feed(key, title, items, when), "application/rss+xml", ".xml")
        sources.append({"name": f"aws-{key}", "kind": "aws-health", "url": url, "interval": "15m",
                        "signal_source": f"aws-health:{key}"})


# ---------------------------------------------------------------- Google Cloud incidents.json
def build_gcp(sources: list[dict]) -> None:
    old = {  # an older incident in the hyphenated format of the early incidents.json
        "begin": "2019-07-02T18:08:00Z", "created": "2019-07-02T18:10:11Z", "end": "2019-07-02T19:45:00Z",
        "external-desc": "Cloud Pub/Sub elevated publish latency", "modified": "2019-07-03T09:00:00Z",
        "most-recent-update": {"created": "2019-07-02T19:50:00Z", "modified": "2019-07-02T19:50:00Z",
                               "text": "The issue with Cloud Pub/Sub has been resolved.", "when": "2019-07-02T19:50:00Z"},
        "number": 19005, "public": True, "service-key": "cloud-pubsub", "service-name": "Google Cloud Pub/Sub",
        "severity": "medium", "uri": "/incident/cloud-pubsub/19005",
        "updates": [
            {"created": "2019-07-02T19:50:00Z", "modified": "2019-07-02T19:50:00Z",
             "text": "The issue with Cloud Pub/Sub has been resolved.", "when": "2019-07-02T19:50:00Z"},
            {"created": "2019-07-02T18:10:11Z", "modified": "2019-07-02T18:10:11Z",
             "text": "We are investigating elevated publish latency for Cloud Pub/Sub.", "when": "2019-07-02T18:10:11Z"},
        ],
    }
    updates = [
        (t(25, 18, 14), "SERVICE_DISRUPTION",
         "We are investigating connection errors to Cloud SQL instances in europe-west1."),
        (t(25, 18, 52), "SERVICE_DISRUPTION",
         "We have identified a networking configuration change in europe-west1 as the cause and are rolling it back."),
        (t(25, 19, 41), "AVAILABLE",
         "The issue with Cloud SQL connectivity in europe-west1 has been resolved for all affected instances."),
    ]

    def incident(now: datetime) -> dict:
        shown = [u for u in updates if u[0] <= now]
        objs = [{"created": iso(w), "modified": iso(w), "when": iso(w), "text": text, "status": status,
                 "affected_locations": [{"title": "Belgium (europe-west1)", "id": "europe-west1"}]}
                for w, status, text in reversed(shown)]
        return {"id": "rXqNnDa6vCfQRMzU4GbC", "number": "20011", "begin": iso(updates[0][0]),
                "created": iso(updates[0][0]), "end": iso(updates[-1][0]) if now >= updates[-1][0] else None,
                "modified": iso(shown[0][0]), "external_desc": "Cloud SQL connectivity errors in europe-west1",
                "updates": objs, "most_recent_update": objs[0], "status_impact": "SERVICE_DISRUPTION",
                "severity": "medium", "service_key": "hV87iK5DcEXKgWU2kDri", "service_name": "Cloud SQL",
                "affected_products": [{"title": "Cloud SQL", "id": "hV87iK5DcEXKgWU2kDri"}],
                "uri": "incidents/rXqNnDa6vCfQRMzU4GbC",
                "currently_affected_locations": [] if now >= updates[-1][0] else [{"title": "Belgium (europe-west1)", "id": "europe-west1"}],
                "previously_affected_locations": [{"title": "Belgium (europe-west1)", "id": "europe-west1"}]}

    url = "https://status.cloud.google.com/incidents.json"
    serve(url, START, json.dumps([old], indent=1).encode(), "application/json", ".json")
    for when, _, _ in updates:
        serve(url, when, json.dumps([incident(when), old], indent=1).encode(), "application/json", ".json")
    sources.append({"name": "gcp-status", "kind": "gcp", "url": "https://status.cloud.google.com", "interval": "15m"})


# ---------------------------------------------------------------- report pages
PAGES = {  # slug: (name, peak reports per 15 minutes, decay hours)
    "roku": ("Roku", 2600, 4.0), "flickr": ("Flickr", 520, 5.0), "adobe": ("Adobe", 880, 4.5),
    "aws-amazon-web-services": ("AWS", 1450, 6.0),
}
COMMENTS = {
    "roku": ["My Roku keeps saying it can't connect even though the wifi is fine.",
             "Roku home screen won't load channels, restarted twice already.",
             "Is it just me or is Roku completely down right now?",
             "Roku app spinning forever, east coast here.",
             "Can't sign in to the Roku channel store."],
    "flickr": ["Flickr uploads failing with an error since this morning.", "Can't log in to Flickr at all.",
               "Flickr photos not loading, just grey boxes."],
    "adobe": ["Adobe Spark won't open my projects.", "Adobe sign in keeps failing.",
              "Creative Cloud sync stuck, Adobe Spark down too?"],
    "aws-amazon-web-services": ["Kinesis errors in us-east-1, our pipeline is stalled.",
                                "Cognito sign-ins failing in us-east-1.",
                                "CloudWatch metrics missing since about 5am Pacific."],
}


def reports_at(slug: str, when: datetime) -> int:
    name, peak, decay = PAGES[slug]
    hour = (when.hour + when.minute / 60 - 5) % 24  # US Eastern-ish day shape
    base = 2 + 3 * max(0.0, math.sin(math.pi * (hour - 6) / 16)) if 6 <= hour <= 22 else 1
    seed = int(hashlib.blake2b(f"{slug}{iso(when)}".encode(), digest_size=4).hexdigest(), 16)
    noise = (seed % 5) - 2
    value = base + noise
    if when >= ONSET:
        minutes = (when - ONSET).total_seconds() / 60
        ramp = min(1.0, minutes / 75)
        tail = math.exp(-max(0.0, minutes - 100) / (decay * 60))
        value += peak * ramp * tail * (0.9 + (seed % 20) / 100)
    return max(0, int(value))


def report_page(slug: str, now: datetime) -> bytes:
    name = PAGES[slug][0]
    points = [now - timedelta(minutes=15 * i) for i in range(23, -1, -1)]
    points = [p.replace(minute=(p.minute // 15) * 15, second=0) for p in points]
    series = ",".join(f"{{ x: '{p.strftime('%Y-%m-%dT%H:%M:%S+00:00')}', y: {reports_at(slug, p)} }}" for p in points)
    latest = reports_at(slug, points[-1])
    problem = latest > 40
    status = f"User reports indicate problems at {name}" if problem else f"User reports indicate no current problems at {name}"
    comments = []
    if ONSET <= now <= t(26, 2):
        pool = COMMENTS[slug]
        for i in range(min(len(pool), 1 + int((now - ONSET).total_seconds() // 3600))):
            when = ONSET + timedelta(minutes=10 + 37 * i)
            if when <= now:
                comments.append((f"{slug[:4]}fan{i + 1}", when, pool[i]))
    comment_html = "\n".join(
        f'<div class="comment"><span class="comment-author">{escape(a)}</span>'
        f'<time datetime="{iso(w)}">{w.strftime("%H:%M")}</time><p class="comment-text">{escape(c)}</p></div>'
        for a, w, c in reversed(comments))
    shares = {"roku": [("Streaming", 58), ("Login", 27), ("Website", 15)],
              "flickr": [("Website", 49), ("Login", 33), ("Upload", 18)],
              "adobe": [("Login", 45), ("Website", 31), ("Sync", 24)],
              "aws-amazon-web-services": [("Hosting", 52), ("Website", 29), ("Login", 19)]}[slug]
    share_html = "".join(f'<div class="indicatorChart_item"><span class="indicatorChart_name">{n}</span>'
                         f'<span class="indicatorChart_percentage">{v}%</span></div>' for n, v in shares)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{name} down? Current problems and outages</title></head>
<body><h1 class="entry-title">{status}</h1>
<p>Reconstructed Downdetector-style page for the outagewatch demo capture (not real data).</p>
<script>window.__chart = {{ series: [{series}] }};</script>
<div class="indicatorChart">{share_html}</div>
<div class="comments">{comment_html}</div>
</body></html>
""".encode("utf-8")


def build_reports(sources: list[dict]) -> None:
    now = START
    while now <= END:
        # hourly on quiet days, every 30 minutes from the morning of the 25th
        step = timedelta(minutes=30) if now >= t(25, 12) else timedelta(hours=1)
        for slug in PAGES:
            serve(f"https://downdetector.com/status/{slug}/", now, report_page(slug, now), "text/html; charset=utf-8", ".html")
        now += step
    sources.append({"name": "downdetector", "kind": "reports", "url": "https://downdetector.com/status/{slug}/",
                    "site": "downdetector", "pages": ["roku", "flickr", "adobe"], "interval": "30m"})
    sources.append({"name": "downdetector-aws", "kind": "reports", "url": "https://downdetector.com/status/{slug}/",
                    "site": "downdetector", "pages": ["aws-amazon-web-services"], "providers": ["aws"],
                    "interval": "30m"})


# ---------------------------------------------------------------- X posts
users: dict[str, dict] = {}


def user(handle: str, name: str | None = None) -> dict:
    if handle not in users:
        uid = str(10_000_000 + int(hashlib.blake2b(handle.encode(), digest_size=4).hexdigest(), 16) % 900_000_000)
        users[handle] = {"id": uid, "username": handle, "name": name or handle, "verified": False}
    return users[handle]


tweets: list[dict] = []
_seq = [0]


def post(when: datetime, handle: str, text: str, name: str | None = None) -> None:
    author = user(handle, name)
    _seq[0] += 1
    ms = int(when.timestamp() * 1000) + _seq[0] % 997
    tid = str(((ms - 1288834974657) << 22) + (_seq[0] % 4096))
    tweets.append({"id": tid, "text": text, "created_at": when.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
                   "author_id": author["id"], "lang": "en", "conversation_id": tid,
                   "public_metrics": {"retweet_count": 0, "reply_count": 0, "like_count": rng.randint(0, 40), "quote_count": 0}})


BACKGROUND = [
    "Anyone else's internet down this evening? Router lights all look fine.",
    "Spotify skipping songs again, is it down or is it my phone?",
    "Netflix buffering like crazy tonight.",
    "Great new Roku channel lineup this week.",
    "Uploading my holiday photos to Flickr, love the new layout.",
    "Adobe Spark made my flyer in five minutes.",
    "Deploying to AWS on a Monday, wish me luck.",
    "Outage at work, the printer is down again. Classic.",
    "Slack notifications are slow today, anyone else?",
    "Is Gmail down? Emails not arriving.",
]
EVENT = {
    "roku": ["Roku down? My TV just shows 'unable to connect' @RokuSupport",
             "Roku not working at all this morning, channels won't load",
             "@RokuSupport is there an outage? Roku can't reach the server",
             "Roku home screen is broken, error loading channels. outage?",
             "Roku down for anyone else on the east coast?"],
    "flickr": ["Flickr down? Can't upload anything, errors everywhere @Flickr",
               "Flickr not loading photos, is there an outage?",
               "@Flickr login failing for me, anyone else?"],
    "adobe": ["Adobe Spark down? My projects won't open @AdobeCare",
              "Adobe sign in not working, keeps erroring out",
              "@AdobeCare Creative Cloud and Spark failing to load, outage?"],
    "aws": ["AWS us-east-1 having a bad day, Kinesis errors everywhere",
            "Looks like a big AWS outage in us-east-1, Cognito is down for us",
            "CloudWatch metrics gone in us-east-1, AWS status page still all green",
            "AWS Kinesis down in N. Virginia? Our pipelines are stalled",
            "The AWS status page says nothing but us-east-1 is clearly broken",
            "Lambda invocations erroring in us-east-1, AWS outage?"],
    "other": ["iRobot app won't connect to my Roomba, AWS outage strikes again",
              "Ring app down, can't see my doorbell camera",
              "1Password sync failing this morning, anyone else?",
              "Autodesk sign in failing, is it the AWS outage?",
              "Washington Post site acting weird, AWS outage?",
              "Coinbase app not loading, probably the AWS outage"],
}


def build_x(sources: list[dict]) -> None:
    for handle, name in (("RokuSupport", "Roku Support"), ("Flickr", "Flickr"), ("AdobeCare", "Adobe Care"),
                         ("AWSSupport", "AWS Support")):
        user(handle, name)
    # background chatter over the quiet days: a few posts an hour, more in US daytime
    now = START
    while now < t(26, 8):
        hour = (now.hour - 5) % 24
        rate = 3 if 7 <= hour <= 23 else 1
        for _ in range(rng.randint(0, rate)):
            when = now + timedelta(minutes=rng.randint(0, 59), seconds=rng.randint(0, 59))
            post(when, f"user{rng.randint(1000, 9999)}", rng.choice(BACKGROUND))
        now += timedelta(hours=1)
    # the event: complaints from about 13:20 UTC, heaviest in the first hours
    for topic, lines in EVENT.items():
        weight = {"roku": 70, "flickr": 22, "adobe": 30, "aws": 45, "other": 25}[topic]
        for i in range(weight):
            minutes = int(rng.expovariate(1 / 150))
            when = t(25, 13, 20) + timedelta(minutes=min(minutes, 900), seconds=rng.randint(0, 59))
            post(when, f"{topic[:3]}user{rng.randint(100, 999)}", rng.choice(lines))
    support = [
        (t(25, 14, 5), "RokuSupport", "We're aware some customers are having trouble streaming or loading channels. "
                                       "Our team is investigating and we'll share updates here."),
        (t(25, 16, 40), "RokuSupport", "Update: the streaming and sign-in issues are caused by a problem with a "
                                        "third-party service provider. We're working with them on a fix."),
        (t(26, 1, 30), "RokuSupport", "The issue affecting streaming and channel loading is resolved. Thanks for your patience."),
        (t(25, 14, 20), "Flickr", "Some members can't upload or log in right now. We're looking into it and will update soon."),
        (t(25, 17, 10), "Flickr", "Uploads and logins are affected by an outage at one of our infrastructure providers. "
                                   "Your photos are safe."),
        (t(25, 14, 45), "AdobeCare", "We're aware of issues accessing Adobe Spark and some Adobe services. "
                                      "We're investigating."),
        (t(25, 19, 0), "AdobeCare", "Adobe Spark issues are linked to a third-party cloud outage. We'll update when service is restored."),
        (t(25, 15, 10), "AWSSupport", "We're investigating increased error rates for Kinesis in US-EAST-1. "
                                       "Follow the AWS Service Health Dashboard for updates."),
    ]
    for when, handle, text in support:
        post(when, handle, text)
    # the unrelated incident the same afternoon: Cloud SQL in europe-west1
    for i, text in enumerate(["Cloud SQL connections timing out in europe-west1, GCP issue?",
                              "Our Cloud SQL instance in Belgium (europe-west1) is unreachable",
                              "GCP Cloud SQL down in europe-west1 for anyone else?"]):
        post(t(25, 18, 5 + 9 * i), f"gcpdev{i + 1}", text)
    tweets.sort(key=lambda tw: int(tw["id"]))
    (HERE / "x").mkdir(exist_ok=True)
    (HERE / "x" / "tweets.jsonl").write_text("".join(json.dumps(tw) + "\n" for tw in tweets), "utf-8")
    (HERE / "x" / "users.json").write_text(json.dumps(list(users.values()), indent=1) + "\n", "utf-8")
    sources.append({"name": "x-outage-search", "kind": "x", "query": "down OR outage OR \"not working\" OR errors OR failing",
                    "interval": "15m"})
    sources.append({"name": "x-support-accounts", "kind": "x",
                    "accounts": ["@RokuSupport", "@Flickr", "@AdobeCare", "@AWSSupport"], "interval": "15m"})


# ---------------------------------------------------------------- news feeds
NEWS = {
    "theverge": ("The Verge (reconstruction)", "https://www.theverge.com/rss/index.xml", [
        (t(23, 15), "The best early Black Friday TV deals", "Deals on streaming boxes and TVs ahead of the holiday."),
        (t(24, 17), "A new streaming stick arrives for the holidays", "The latest streaming hardware, reviewed."),
        (t(25, 17, 42), "An AWS outage is taking down Roku, Flickr, Adobe Spark and more",
         "A problem with Amazon Web Services in its US-EAST-1 region is causing trouble for a long list of apps "
         "and devices, including Roku, Flickr, Adobe Spark and iRobot's Roomba app."),
    ]),
    "techcrunch": ("TechCrunch (reconstruction)", "https://techcrunch.com/feed/", [
        (t(23, 13), "Startup raises seed round for developer tools", "A funding story from the week before."),
        (t(24, 19), "Cloud spending keeps climbing in Q3", "Analysts on the cloud market."),
        (t(25, 19, 8), "Amazon's Kinesis trouble in us-east-1 ripples across the web",
         "AWS says Kinesis Data Streams in its Northern Virginia region has elevated error rates; Cognito and "
         "CloudWatch are affected, and customers from Roku to 1Password report problems."),
    ]),
}


def news_feed(title: str, link: str, items, now: datetime) -> bytes:
    shown = [i for i in items if i[0] <= now]
    entries = "".join(f"""<item><title>{escape(h)}</title><link>{link.rsplit('/', 2)[0]}/2020/{w.strftime('%m/%d')}/{hashlib.blake2b(h.encode(), digest_size=4).hexdigest()}</link>
<guid isPermaLink="false">{hashlib.blake2b(h.encode(), digest_size=6).hexdigest()}</guid><pubDate>{format_datetime(w)}</pubDate>
<description>{escape(d)}</description></item>
""" for w, h, d in reversed(shown))
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>{escape(title)}</title><link>{link}</link>
<description>Reconstructed feed for the outagewatch demo capture</description>
{entries}</channel></rss>
""".encode("utf-8")


def build_news(sources: list[dict]) -> None:
    for name, (title, url, items) in NEWS.items():
        serve(url, START, news_feed(title, url, items, START), "application/rss+xml", ".xml")
        for when, _, _ in items:
            if when > START:
                serve(url, when, news_feed(title, url, items, when), "application/rss+xml", ".xml")
        sources.append({"name": name, "kind": "news", "url": url, "interval": "30m", "signal_source": f"news:{name}"})


# ---------------------------------------------------------------- Mastodon, Reddit, Hacker News
# Networks people used in 2020 (Bluesky did not exist yet). Their own random generator, so the
# files above stay byte-identical to the capture before these were added.
srng = random.Random(2020112502)


def _h(text: str, n: int = 4) -> str:
    return hashlib.blake2b(text.encode(), digest_size=n).hexdigest()


def _people(scale: float) -> list[tuple[datetime, str, str]]:
    """(time, topic, text): a little background, then the event's complaints from 13:20 UTC."""
    out = []
    now = START
    while now < END:
        if srng.random() < 0.3 * scale:
            out.append((now + timedelta(minutes=srng.randint(0, 59)), "background", srng.choice(BACKGROUND)))
        now += timedelta(hours=1)
    for topic, lines in EVENT.items():
        weight = {"roku": 20, "flickr": 8, "adobe": 10, "aws": 24, "other": 10}[topic]
        for _ in range(max(1, int(weight * scale))):
            when = t(25, 13, 20) + timedelta(minutes=min(int(srng.expovariate(1 / 150)), 900),
                                             seconds=srng.randint(0, 59))
            out.append((when, topic, srng.choice(lines)))
    return sorted(out)


def _ms(value: datetime) -> str:
    return value.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def build_social(sources: list[dict]) -> dict[str, list[dict]]:
    social: dict[str, list[dict]] = {"mastodon": [], "reddit": [], "hn": []}
    for i, (when, topic, text) in enumerate(_people(0.6)):
        host = ("mastodon.social", "fosstodon.org", "mastodon.online")[i % 3]
        user = f"m{_h(text + iso(when), 3)}"
        tag = "aws" if topic == "aws" else "outage" if topic != "background" else "mondays"
        sid = str((int(when.timestamp() * 1000) << 16) + i)
        account = {"id": str(int(_h(user + host, 6), 16)), "username": user, "acct": f"{user}@{host}",
                   "display_name": user, "url": f"https://{host}/@{user}", "locked": False, "bot": False, "note": "",
                   "avatar": "", "header": "", "followers_count": srng.randint(5, 500), "following_count": 10,
                   "statuses_count": 100, "created_at": "2019-01-01T00:00:00.000Z", "emojis": [], "fields": []}
        social["mastodon"].append({
            "id": sid, "created_at": _ms(when), "in_reply_to_id": None, "in_reply_to_account_id": None,
            "sensitive": False, "spoiler_text": "", "visibility": "public", "language": "en",
            "uri": f"https://{host}/users/{user}/statuses/{sid}", "url": f"https://{host}/@{user}/{sid}",
            "replies_count": 0, "reblogs_count": 0, "favourites_count": srng.randint(0, 20),
            "content": f'<p>{escape(text)} <a href="https://{host}/tags/{tag}" class="mention hashtag" rel="tag">'
                       f"#<span>{tag}</span></a></p>",
            "reblog": None, "account": account, "media_attachments": [], "mentions": [],
            "tags": [{"name": tag, "url": f"https://{host}/tags/{tag}"}], "emojis": [], "card": None, "poll": None})
    subs = {"roku": "Roku", "flickr": "flickr", "adobe": "Adobe", "aws": "aws", "other": "sysadmin",
            "background": "sysadmin"}
    threads: dict[str, dict] = {}
    for i, (when, topic, text) in enumerate(_people(0.6)):
        sub = subs[topic]
        author = f"redditor_{_h(text + iso(when), 3)}"
        common = {"subreddit": sub, "subreddit_name_prefixed": f"r/{sub}", "author": author,
                  "author_fullname": f"t2_{_h(author)[:7]}", "created_utc": float(int(when.timestamp())),
                  "score": srng.randint(1, 200)}
        if topic != "background" and sub in threads and i % 3:
            parent = threads[sub]
            cid = f"gd{i:05d}"
            social["reddit"].append({"kind": "t1", "data": {
                **common, "id": cid, "name": f"t1_{cid}", "body": text, "link_id": parent["name"],
                "parent_id": parent["name"], "link_title": parent["title"],
                "permalink": f"/r/{sub}/comments/{parent['id']}/x/{cid}/"}})
            continue
        pid = f"k0{i:04d}"
        data = {**common, "id": pid, "name": f"t3_{pid}", "title": text, "selftext": "",
                "permalink": f"/r/{sub}/comments/{pid}/x/", "url": f"https://www.reddit.com/r/{sub}/comments/{pid}/x/",
                "num_comments": 0, "is_self": True, "over_18": False}
        social["reddit"].append({"kind": "t3", "data": data})
        if topic != "background":
            threads.setdefault(sub, data)
    story = (t(25, 14, 2), "AWS Kinesis errors in us-east-1 are taking down Roku, Flickr and more", "kinesisfan")
    social["hn"].append({"objectID": "25212000", "created_at": _ms(story[0]), "created_at_i": int(story[0].timestamp()),
                         "author": story[2], "title": story[1], "url": None, "story_text": None, "points": 410,
                         "num_comments": 0, "story_id": 25212000,
                         "_tags": ["story", f"author_{story[2]}", "story_25212000"]})
    for i, (when, topic, text) in enumerate(p for p in _people(0.5) if p[1] in ("aws", "other")):
        if when < story[0]:
            continue
        author = f"hn{_h(text + iso(when), 3)}"
        social["hn"].append({"objectID": str(25212100 + i), "created_at": _ms(when),
                             "created_at_i": int(when.timestamp()), "author": author,
                             "comment_text": f"<p>{escape(text)} (AWS)</p>" if "AWS" not in text else f"<p>{escape(text)}</p>",
                             "story_id": 25212000, "story_title": story[1], "story_url": None, "parent_id": 25212000,
                             "points": None, "_tags": ["comment", f"author_{author}", "story_25212000"]})
    keys = {"mastodon": lambda i: i["uri"], "reddit": lambda i: i["data"]["name"], "hn": lambda i: i["objectID"]}
    (HERE / "social").mkdir(exist_ok=True)
    for network, items in social.items():
        items.sort(key=keys[network])
        (HERE / "social" / f"{network}.jsonl").write_text("".join(json.dumps(i, sort_keys=True) + "\n" for i in items),
                                                         "utf-8")
    sources.append({"name": "mastodon-social-tags", "kind": "mastodon", "instance": "mastodon.social",
                    "tags": ["outage", "aws"], "interval": "15m", "max_pages": 5})
    sources.append({"name": "reddit-subs", "kind": "reddit", "subreddits": ["aws", "Roku", "sysadmin", "flickr", "Adobe"],
                    "comments": True, "interval": "15m", "max_pages": 5})
    sources.append({"name": "hn-aws", "kind": "hn", "query": "aws", "interval": "15m", "max_pages": 5})
    return {network: f"social/{network}.jsonl" for network in social}


def main() -> None:
    for folder in ("bodies", "x", "social"):
        shutil.rmtree(HERE / folder, ignore_errors=True)
    (HERE / "bodies").mkdir()
    sources: list[dict] = []
    build_aws(sources)
    build_gcp(sources)
    build_reports(sources)
    build_x(sources)
    build_news(sources)
    social = build_social(sources)
    manifest = {
        "format": "outagewatch-capture/1",
        "name": "aws-us-east-1-2020-11-25",
        "description": "RECONSTRUCTION of the 2020-11-25 AWS us-east-1 Kinesis event from public facts; "
                       "all wording, posts, comments and counts are written by build_capture.py.",
        "start": iso(START), "end": iso(END), "step": "15m",
        "sources": sources,
        "endpoints": [{"url": url, "responses": responses} for url, responses in sorted(endpoints.items())],
        "x": {"tweets": "x/tweets.jsonl", "users": "x/users.json"},
        "social": social,
    }
    (HERE / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", "utf-8")
    size = sum(p.stat().st_size for p in HERE.rglob("*") if p.is_file())
    print(f"wrote {len(endpoints)} endpoints, {sum(len(r) for r in endpoints.values())} responses, "
          f"{len(tweets)} posts, " + ", ".join(f"{k} {v}" for k, v in social.items()) + f"; {size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
