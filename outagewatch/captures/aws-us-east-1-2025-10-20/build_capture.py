#!/usr/bin/env python3
"""Build the bundled capture of the 2025-10-20 AWS us-east-1 (DynamoDB DNS) event.

A RECONSTRUCTION, not a recording: the times of the event follow AWS's public
post-event summary and status history (impact from 06:48 UTC, first AWS post 07:11 UTC,
DynamoDB DNS restored about 09:25 UTC, EC2 and Network Load Balancer trouble into the
afternoon, all services normal about 22:01 UTC); every word of every status update,
post, comment, story, report count and news item is written here. Deterministic:
running it again writes the same files.

    python outagewatch/captures/aws-us-east-1-2025-10-20/build_capture.py
"""

from __future__ import annotations

import base64
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
START = datetime(2025, 10, 18, 0, 0, tzinfo=UTC)
END = datetime(2025, 10, 21, 0, 0, tzinfo=UTC)
ONSET = datetime(2025, 10, 20, 6, 48, tzinfo=UTC)      # AWS: impact began 11:48 PM PDT on Oct 19
FIRST_POST = datetime(2025, 10, 20, 7, 11, tzinfo=UTC)  # AWS's first Health Dashboard post, 12:11 AM PDT
DNS_FIXED = datetime(2025, 10, 20, 9, 25, tzinfo=UTC)   # DNS records restored, 2:25 AM PDT
ALL_CLEAR = datetime(2025, 10, 20, 22, 1, tzinfo=UTC)   # all services normal, 3:01 PM PDT
rng = random.Random(20251020)


def t(day: int, hh: int, mm: int = 0) -> datetime:
    return datetime(2025, 10, day, hh, mm, tzinfo=UTC)


def iso(value: datetime) -> str:
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")


def iso_ms(value: datetime) -> str:
    return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"


def h(text: str, n: int = 8) -> str:
    return hashlib.blake2b(text.encode(), digest_size=n).hexdigest()


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
# The update times after 07:11 are placed where the public status history put them as
# closely as we could establish; the wording is ours.
AWS_UPDATES = {
    "multipleservices-us-east-1": ("Multiple services (N. Virginia)", [
        (t(20, 7, 11), "Increased Error Rates and Latencies",
         "We are investigating increased error rates and latencies for multiple AWS services in the US-EAST-1 Region."),
        (t(20, 7, 51), "Increased Error Rates and Latencies",
         "We can confirm increased error rates and latencies for multiple AWS services in the US-EAST-1 Region. "
         "Creating support cases may also be affected."),
        (t(20, 12, 8), "Increased Error Rates and Latencies",
         "EC2 instance launches in US-EAST-1 continue to see elevated errors, and some Network Load Balancer "
         "health checks are failing. Lambda, ECS and other services that launch instances are affected."),
        (t(20, 16, 48), "Increased Error Rates and Latencies",
         "We are seeing recovery for EC2 instance launches and Network Load Balancer health checks in US-EAST-1. "
         "Some services are still working through backlogs."),
        (ALL_CLEAR, "Service is operating normally",
         "[RESOLVED] All AWS services in the US-EAST-1 Region have returned to normal operations. Some services "
         "such as AWS Config, Redshift and Connect continue to process message backlogs."),
    ]),
    "dynamodb-us-east-1": ("Amazon DynamoDB (N. Virginia)", [
        (t(20, 8, 26), "Increased API Error Rates",
         "We can confirm significant error rates for requests made to the DynamoDB endpoint in the US-EAST-1 Region. "
         "Other AWS services in US-EAST-1 are also affected."),
        (t(20, 9, 1), "Increased API Error Rates",
         "We have identified a potential root cause: DNS resolution of the DynamoDB API endpoint in US-EAST-1. "
         "We are working on multiple parallel paths to accelerate recovery."),
        (t(20, 9, 27), "Increased API Error Rates",
         "We are seeing significant signs of recovery for DynamoDB in US-EAST-1. Most requests are now succeeding."),
        (t(20, 10, 35), "Service is operating normally",
         "[RESOLVED] The underlying DNS issue for the DynamoDB endpoint in US-EAST-1 has been fully mitigated."),
    ]),
    "ec2-us-east-1": ("Amazon Elastic Compute Cloud (N. Virginia)", [
        (t(20, 10, 48), "Increased Error Rates for Instance Launches",
         "We are investigating increased error rates for new EC2 instance launches in the US-EAST-1 Region."),
        (t(20, 14, 14), "Increased Error Rates for Instance Launches",
         "We are throttling some EC2 instance launches in US-EAST-1 while we recover. Existing instances are not affected."),
        (t(20, 20, 50), "Service is operating normally",
         "[RESOLVED] EC2 instance launches in US-EAST-1 are succeeding normally again."),
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
        parts.append(f"""<item>
 <title><![CDATA[{head}]]></title>
 <link>http://status.aws.amazon.com/</link>
 <pubDate>{format_datetime(when)}</pubDate>
 <guid isPermaLink="false">http://status.aws.amazon.com/#{key}_{when.strftime('%Y%m%d%H%M')}</guid>
 <description><![CDATA[{text}]]></description>
</item>""")
    parts.append("</channel></rss>\n")
    return "\n".join(parts).encode("utf-8")


def build_aws(sources: list[dict]) -> None:
    for key, (title, items) in AWS_UPDATES.items():
        url = f"https://status.aws.amazon.com/rss/{key}.rss"
        serve(url, START, aws_feed(key, title, items, START), "application/rss+xml", ".xml")
        for when, _, _ in items:
            serve(url, when, aws_feed(key, title, items, when), "application/rss+xml", ".xml")
        entry = {"name": f"aws-{key}", "kind": "aws-health", "url": url, "interval": "15m",
                 "signal_source": f"aws-health:{key}"}
        if key.startswith("multipleservices"):
            entry.update(providers=["aws"], regions=["aws:us-east-1"])
        sources.append(entry)


# ---------------------------------------------------------------- Statuspage pages of affected apps
STATUS_PAGES = {  # base: (incident name, component, [(time, status, body)])
    "https://status.epicgames.com": ("Fortnite login and matchmaking issues", "Fortnite", [
        (t(20, 7, 34), "investigating", "Players may be unable to log in to Fortnite or join matches. We're investigating."),
        (t(20, 8, 40), "identified", "The login issues are caused by an outage at a third-party cloud provider. "
                                     "We're monitoring their progress."),
        (t(20, 11, 5), "monitoring", "Logins are recovering. Matchmaking may still be slow while services catch up."),
        (t(20, 17, 30), "resolved", "Fortnite services have recovered. Thanks for your patience."),
    ]),
    "https://status.coinbase.com": ("Degraded performance for some customers", "Coinbase app", [
        (t(20, 7, 46), "investigating", "Some customers can't log in or see their balances in the Coinbase app. "
                                        "Funds are safe. We're investigating."),
        (t(20, 9, 58), "monitoring", "A fix is in place following a third-party provider issue; we are monitoring."),
        (t(20, 13, 12), "resolved", "This incident has been resolved."),
    ]),
    "https://www.canvastatus.com": ("Canva editor unavailable for some users", "Editor", [
        (t(20, 7, 58), "investigating", "Some users can't open or save designs in Canva. We're investigating."),
        (t(20, 10, 20), "monitoring", "The issue was caused by an upstream provider outage. Recovery is under way."),
        (t(20, 15, 44), "resolved", "Canva is working normally again."),
    ]),
    "https://www.redditstatus.com": ("Elevated error rates", "Desktop Web", [
        (t(20, 8, 12), "investigating", "Some users are seeing errors loading feeds and comments on Reddit."),
        (t(20, 10, 3), "monitoring", "Error rates are dropping; we're monitoring."),
        (t(20, 12, 40), "resolved", "This incident has been resolved."),
    ]),
}


def statuspage_doc(base: str, now: datetime) -> bytes:
    name, component, updates = STATUS_PAGES[base]
    shown = [u for u in updates if u[0] <= now]
    incidents = []
    if shown:
        iid = h(base, 6)
        incidents.append({
            "id": iid, "name": name, "status": shown[-1][1], "impact": "major",
            "created_at": iso(shown[0][0]), "updated_at": iso(shown[-1][0]),
            "resolved_at": iso(shown[-1][0]) if shown[-1][1] == "resolved" else None,
            "shortlink": f"https://stspg.io/{iid[:6]}", "page_id": h(base + "page", 6),
            "components": [{"id": h(component, 6), "name": component, "status": "major_outage"}],
            "incident_updates": [{"id": h(base + iso(w), 6), "status": s, "body": b, "created_at": iso(w),
                                  "updated_at": iso(w), "display_at": iso(w)} for w, s, b in reversed(shown)],
        })
    page = {"id": h(base + "page", 6), "name": base.split("//")[1], "url": base, "updated_at": iso(now)}
    return json.dumps({"page": page, "incidents": incidents}, indent=1).encode()


def build_status_pages(sources: list[dict]) -> None:
    for base, (_, _, updates) in STATUS_PAGES.items():
        url = f"{base}/api/v2/incidents.json"
        serve(url, START, statuspage_doc(base, START), "application/json", ".json")
        for when, _, _ in updates:
            serve(url, when, statuspage_doc(base, when), "application/json", ".json")
        sources.append({"name": base.split("//")[1].removeprefix("www.").removeprefix("status."), "kind": "statuspage",
                        "url": base, "interval": "15m"})


# ---------------------------------------------------------------- report pages
PAGES = {  # slug: (name, peak reports per 15 minutes, decay hours)
    "aws-amazon-web-services": ("AWS", 6200, 5.0), "snapchat": ("Snapchat", 9800, 3.0),
    "roblox": ("Roblox", 7400, 3.5), "fortnite": ("Fortnite", 5100, 4.0), "venmo": ("Venmo", 3300, 3.0),
}
COMMENTS = {
    "aws-amazon-web-services": ["dynamodb.us-east-1.amazonaws.com is not resolving for us", "us-east-1 is on fire again",
                                "Can't launch EC2 instances in N. Virginia", "Console login failing, IAM errors"],
    "snapchat": ["Snapchat won't send snaps, just spinning", "Snapchat logged me out and won't let me back in",
                 "Snapchat down for everyone?"],
    "roblox": ["Roblox says can't connect to server", "Roblox login broken", "Roblox down again??"],
    "fortnite": ["Fortnite stuck at the login screen", "can't join any Fortnite match", "Fortnite servers down?"],
    "venmo": ["Venmo payment failed twice", "Venmo app won't load my balance", "Venmo down?"],
}
SECOND_WAVE = t(20, 12, 30)  # EC2 launch and NLB trouble brought some apps down again


def reports_at(slug: str, when: datetime) -> int:
    _, peak, decay = PAGES[slug]
    hour = (when.hour + when.minute / 60 - 4) % 24  # US Eastern day shape
    base = 3 + 4 * max(0.0, math.sin(math.pi * (hour - 6) / 16)) if 6 <= hour <= 22 else 2
    seed = int(h(f"{slug}{iso(when)}", 4), 16)
    value = base + (seed % 5) - 2
    if when >= ONSET:
        minutes = (when - ONSET).total_seconds() / 60
        ramp = min(1.0, minutes / 40)
        tail = math.exp(-max(0.0, minutes - 150) / (decay * 60))
        value += peak * ramp * tail * (0.9 + (seed % 20) / 100)
    if when >= SECOND_WAVE and when <= ALL_CLEAR:
        minutes = (when - SECOND_WAVE).total_seconds() / 60
        value += peak * 0.35 * min(1.0, minutes / 60) * math.exp(-minutes / 300)
    return max(0, int(value))


def report_page(slug: str, now: datetime) -> bytes:
    name = PAGES[slug][0]
    points = [now - timedelta(minutes=15 * i) for i in range(23, -1, -1)]
    points = [p.replace(minute=(p.minute // 15) * 15, second=0) for p in points]
    series = ",".join(f"{{ x: '{p.strftime('%Y-%m-%dT%H:%M:%S+00:00')}', y: {reports_at(slug, p)} }}" for p in points)
    latest = reports_at(slug, points[-1])
    status = (f"User reports indicate problems at {name}" if latest > 60
              else f"User reports indicate no current problems at {name}")
    comments = []
    if ONSET <= now <= ALL_CLEAR:
        pool = COMMENTS[slug]
        for i in range(min(len(pool), 1 + int((now - ONSET).total_seconds() // 2400))):
            when = ONSET + timedelta(minutes=6 + 23 * i)
            if when <= now:
                comments.append((f"{slug[:5]}user{i + 1}", when, pool[i]))
    comment_html = "\n".join(
        f'<div class="comment"><span class="comment-author">{escape(a)}</span>'
        f'<time datetime="{iso(w)}">{w.strftime("%H:%M")}</time><p class="comment-text">{escape(c)}</p></div>'
        for a, w, c in reversed(comments))
    shares = {"aws-amazon-web-services": [("Hosting", 48), ("Website", 30), ("Login", 22)],
              "snapchat": [("App", 55), ("Login", 30), ("Messaging", 15)],
              "roblox": [("Server Connection", 51), ("Login", 34), ("Website", 15)],
              "fortnite": [("Login", 47), ("Server Connection", 38), ("Matchmaking", 15)],
              "venmo": [("App", 50), ("Payments", 35), ("Login", 15)]}[slug]
    share_html = "".join(f'<div class="indicatorChart_item"><span class="indicatorChart_name">{n}</span>'
                         f'<span class="indicatorChart_percentage">{v}%</span></div>' for n, v in shares)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{name} down? Current problems and outages</title></head>
<body><h1 class="entry-title">{status}</h1>
<p>Reconstructed Downdetector-style page for the outagewatch capture (not real data).</p>
<script>window.__chart = {{ series: [{series}] }};</script>
<div class="indicatorChart">{share_html}</div>
<div class="comments">{comment_html}</div>
</body></html>
""".encode("utf-8")


def build_reports(sources: list[dict]) -> None:
    now = START
    while now <= END:
        step = timedelta(minutes=30) if now >= t(20, 6) else timedelta(hours=1)
        for slug in PAGES:
            serve(f"https://downdetector.com/status/{slug}/", now, report_page(slug, now), "text/html; charset=utf-8",
                  ".html")
        now += step
    sources.append({"name": "downdetector", "kind": "reports", "url": "https://downdetector.com/status/{slug}/",
                    "site": "downdetector", "pages": ["snapchat", "roblox", "fortnite", "venmo"], "interval": "30m"})
    sources.append({"name": "downdetector-aws", "kind": "reports", "url": "https://downdetector.com/status/{slug}/",
                    "site": "downdetector", "pages": ["aws-amazon-web-services"], "providers": ["aws"],
                    "interval": "30m"})


# ---------------------------------------------------------------- people: what they say, by topic
BACKGROUND = [
    "Monday again, coffee first.", "Is the wifi slow for anyone else this morning?",
    "Spotify shuffle keeps playing the same five songs.", "New Fortnite season looks great.",
    "Finally finished that Roblox obby with my kid.", "Deploying a new service to AWS today, wish me luck.",
    "Our staging cluster is down again, classic Monday.", "Netflix buffering a bit tonight.",
]
EARLY = [  # before AWS's first post: operators who see the DynamoDB endpoint fail
    "dynamodb.us-east-1.amazonaws.com is not resolving for us, DNS lookups return nothing. AWS down?",
    "Getting DynamoDB errors in us-east-1, endpoint DNS fails. Anyone else?",
    "Paged at 3am: every DynamoDB call in us-east-1 is failing. AWS status page says nothing yet",
    "us-east-1 DynamoDB is down, our API is returning 500s everywhere",
    "Is AWS down? DynamoDB in us-east-1 can't be reached, IAM and STS errors too",
    "DNS resolution failing for the DynamoDB endpoint in us-east-1, looks like an AWS outage",
]
WAVE = {  # after the first hour: consumers see their apps fail
    "snapchat": ["Snapchat down? Snaps won't send", "Snapchat logged me out and won't let me back in",
                 "is snapchat down for everyone or just me"],
    "roblox": ["Roblox down? can't connect to any server", "Roblox login not working, my kid is devastated"],
    "fortnite": ["Fortnite stuck on the login screen, servers down?", "Fortnite down, can't join matches"],
    "venmo": ["Venmo down? my payment keeps failing", "Venmo won't load, can't pay rent"],
    "ring": ["Ring doorbell app won't load, Ring down?", "Alexa isn't responding and Ring is down too, AWS outage?"],
    "aws": ["AWS outage in us-east-1 taking half the internet down", "Huge AWS outage: DynamoDB in us-east-1",
            "Can't launch EC2 instances in us-east-1, AWS still down for us",
            "AWS says DNS for DynamoDB in us-east-1 was the problem. Everything depends on us-east-1"],
    "other": ["Canva down? can't open my designs", "Coinbase app down, balances not loading",
              "Duolingo down, there goes my streak", "Reddit is down too? Everything is broken today"],
}
TOPIC_WEIGHT = {"snapchat": 30, "roblox": 22, "fortnite": 20, "venmo": 12, "ring": 12, "aws": 30, "other": 18}


def event_times(n: int, start: datetime, mean_minutes: float, cap: int) -> list[datetime]:
    return sorted(start + timedelta(minutes=min(int(rng.expovariate(1 / mean_minutes)), cap),
                                    seconds=rng.randint(0, 59)) for _ in range(n))


def chatter(scale: float) -> list[tuple[datetime, str]]:
    """(time, text) of the people's side on one network: background, the operators' early
    DynamoDB posts from 06:50, then the consumer wave, and a smaller second wave."""
    out = []
    now = START
    while now < END:
        if rng.random() < 0.5 * scale:
            out.append((now + timedelta(minutes=rng.randint(0, 59)), rng.choice(BACKGROUND)))
        now += timedelta(hours=1)
    early = max(3, int(8 * scale))
    for i, when in enumerate(sorted(ONSET + timedelta(minutes=2 + rng.randint(0, 20), seconds=rng.randint(0, 59))
                                    for _ in range(early))):
        out.append((when, EARLY[i % len(EARLY)]))
    for topic, lines in WAVE.items():
        for when in event_times(max(1, int(TOPIC_WEIGHT[topic] * scale)), ONSET + timedelta(minutes=6), 110, 600):
            out.append((when, rng.choice(lines)))
        for when in event_times(max(1, int(TOPIC_WEIGHT[topic] * scale * 0.3)), SECOND_WAVE, 90, 400):
            out.append((when, rng.choice(lines)))
    return sorted(out)


# ---------------------------------------------------------------- X
x_users: dict[str, dict] = {}
tweets: list[dict] = []


def x_user(handle: str, name: str | None = None) -> dict:
    if handle not in x_users:
        uid = str(10_000_000 + int(h(handle, 4), 16) % 900_000_000)
        x_users[handle] = {"id": uid, "username": handle, "name": name or handle, "verified": False}
    return x_users[handle]


def x_post(when: datetime, handle: str, text: str) -> None:
    author = x_user(handle)
    seq = len(tweets)
    ms = int(when.timestamp() * 1000) + seq % 997
    tid = str(((ms - 1288834974657) << 22) + (seq % 4096))
    tweets.append({"id": tid, "text": text, "created_at": iso_ms(when), "author_id": author["id"], "lang": "en",
                   "conversation_id": tid, "edit_history_tweet_ids": [tid],
                   "public_metrics": {"retweet_count": 0, "reply_count": 0, "like_count": rng.randint(0, 60),
                                      "quote_count": 0}})


def build_x(sources: list[dict]) -> None:
    for handle, name in (("AWSSupport", "AWS Support"), ("FortniteStatus", "Fortnite Status"),
                         ("Roblox", "Roblox"), ("snapchatsupport", "Snapchat Support")):
        x_user(handle, name)
    for when, text in chatter(1.0):
        x_post(when, f"u{h(text + iso(when), 3)}", text)
    for when, handle, text in [
        (t(20, 7, 25), "AWSSupport", "We're investigating increased error rates and latencies for multiple AWS services "
                                     "in US-EAST-1. Follow the AWS Health Dashboard for updates."),
        (t(20, 7, 38), "FortniteStatus", "We're aware players can't log in to Fortnite right now and are investigating."),
        (t(20, 7, 52), "Roblox", "Some users can't join experiences. We're looking into it."),
        (t(20, 8, 5), "snapchatsupport", "Some Snapchatters are having trouble logging in or sending Snaps. We're on it."),
        (t(20, 11, 10), "FortniteStatus", "Fortnite logins are recovering. Thanks for your patience."),
        (t(20, 22, 15), "AWSSupport", "All AWS services in US-EAST-1 have returned to normal operations."),
    ]:
        x_post(when, handle, text)
    tweets.sort(key=lambda tw: int(tw["id"]))
    (HERE / "x").mkdir(exist_ok=True)
    (HERE / "x" / "tweets.jsonl").write_text("".join(json.dumps(tw) + "\n" for tw in tweets), "utf-8")
    (HERE / "x" / "users.json").write_text(json.dumps(list(x_users.values()), indent=1) + "\n", "utf-8")
    sources.append({"name": "x-outage-search", "kind": "x", "query": "down OR outage OR AWS OR DynamoDB OR \"not working\"",
                    "interval": "15m", "max_pages": 10})
    sources.append({"name": "x-support-accounts", "kind": "x",
                    "accounts": ["@AWSSupport", "@FortniteStatus", "@Roblox", "@snapchatsupport"], "interval": "15m"})


# ---------------------------------------------------------------- Bluesky
def did(handle: str) -> str:
    return "did:plc:" + base64.b32encode(hashlib.blake2b(handle.encode(), digest_size=15).digest()).decode().lower()


def tid(when: datetime, seq: int) -> str:
    alphabet = "234567abcdefghijklmnopqrstuvwxyz"
    value = (int(when.timestamp() * 1_000_000) << 10) | (seq % 1024)
    out = ""
    for _ in range(13):
        out = alphabet[value & 31] + out
        value >>= 5
    return out


def build_bluesky(sources: list[dict], social: dict[str, list[dict]]) -> None:
    posts = []
    for i, (when, text) in enumerate(chatter(0.8)):
        if "down" not in text.lower() and "outage" not in text.lower():
            text = text.rstrip(".!?") + ". Something is down again?" if when >= ONSET else text
        handle = f"{h(text + iso(when), 3)}.bsky.social"
        author = did(handle)
        indexed = when + timedelta(seconds=2)
        posts.append({
            "uri": f"at://{author}/app.bsky.feed.post/{tid(when, i)}",
            "cid": "bafyrei" + base64.b32encode(hashlib.blake2b(f"{handle}{i}".encode(), digest_size=32).digest()).decode().lower()[:52],
            "author": {"did": author, "handle": handle, "displayName": handle.split(".")[0], "labels": []},
            "record": {"$type": "app.bsky.feed.post", "text": text, "createdAt": iso_ms(when), "langs": ["en"]},
            "replyCount": 0, "repostCount": rng.randint(0, 5), "likeCount": rng.randint(0, 40), "quoteCount": 0,
            "indexedAt": iso_ms(indexed), "labels": [],
        })
    social["bluesky"] = posts
    sources.append({"name": "bluesky-search", "kind": "bluesky", "query": "down", "interval": "15m", "max_pages": 5})


# ---------------------------------------------------------------- Mastodon
INSTANCES = ["mastodon.social", "hachyderm.io", "infosec.exchange", "fosstodon.org"]


def build_mastodon(sources: list[dict], social: dict[str, list[dict]]) -> None:
    statuses = []
    for i, (when, text) in enumerate(chatter(0.6)):
        host = INSTANCES[i % len(INSTANCES)]
        user = f"u{h(text + iso(when), 3)}"
        tag = "aws" if ("AWS" in text or "DynamoDB" in text or "us-east-1" in text) else "outage"
        if when < ONSET:
            tag = "monday"
        sid = str((int(when.timestamp() * 1000) << 16) + i)
        account = {"id": str(int(h(user + host, 6), 16)), "username": user, "acct": f"{user}@{host}",
                   "display_name": user, "url": f"https://{host}/@{user}", "locked": False, "bot": False,
                   "note": "", "avatar": "", "header": "", "followers_count": rng.randint(5, 900),
                   "following_count": 10, "statuses_count": 100, "created_at": "2023-01-01T00:00:00.000Z",
                   "emojis": [], "fields": []}
        html = (f"<p>{escape(text)} <a href=\"https://{host}/tags/{tag}\" class=\"mention hashtag\" rel=\"tag\">"
                f"#<span>{tag}</span></a></p>")
        statuses.append({
            "id": sid, "created_at": iso_ms(when), "in_reply_to_id": None, "in_reply_to_account_id": None,
            "sensitive": False, "spoiler_text": "", "visibility": "public", "language": "en",
            "uri": f"https://{host}/users/{user}/statuses/{sid}", "url": f"https://{host}/@{user}/{sid}",
            "replies_count": 0, "reblogs_count": rng.randint(0, 9), "favourites_count": rng.randint(0, 30),
            "content": html, "reblog": None, "account": account, "media_attachments": [], "mentions": [],
            "tags": [{"name": tag, "url": f"https://{host}/tags/{tag}"}], "emojis": [], "card": None, "poll": None,
        })
    social["mastodon"] = statuses
    sources.append({"name": "mastodon-social-tags", "kind": "mastodon", "instance": "mastodon.social",
                    "tags": ["outage", "aws"], "interval": "15m", "max_pages": 5})


# ---------------------------------------------------------------- Reddit
SUBREDDIT_OF = {"snapchat": "SnapchatHelp", "roblox": "roblox", "fortnite": "FortNiteBR", "venmo": "personalfinance",
                "ring": "Ring", "aws": "aws", "other": "sysadmin"}


def b36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while number:
        number, rest = divmod(number, 36)
        out = digits[rest] + out
    return out or "0"


def build_reddit(sources: list[dict], social: dict[str, list[dict]]) -> None:
    things = []
    thread = {}
    for i, (when, text) in enumerate(chatter(0.7)):
        topic = next((k for k, lines in WAVE.items() if text in lines), "aws" if text in EARLY else None)
        sub = SUBREDDIT_OF.get(topic or "", "sysadmin")
        author = f"redditor_{h(text + iso(when), 3)}"
        common = {"subreddit": sub, "subreddit_name_prefixed": f"r/{sub}", "author": author,
                  "author_fullname": f"t2_{h(author, 4)[:7]}", "created_utc": float(int(when.timestamp())),
                  "score": rng.randint(1, 400)}
        if topic and sub in thread and i % 3:  # most later voices reply in the subreddit's outage thread
            parent = thread[sub]
            cid = b36(1_500_000_000 + i)
            things.append({"kind": "t1", "data": {**common, "id": cid, "name": f"t1_{cid}", "body": text,
                                                  "link_id": parent["name"], "parent_id": parent["name"],
                                                  "link_title": parent["title"],
                                                  "permalink": f"/r/{sub}/comments/{parent['id']}/x/{cid}/"}})
            continue
        pid = b36(2_000_000_000 + i)
        title = text if len(text) < 90 else text[:87] + "..."
        data = {**common, "id": pid, "name": f"t3_{pid}", "title": title, "selftext": text if len(text) >= 90 else "",
                "permalink": f"/r/{sub}/comments/{pid}/x/", "url": f"https://www.reddit.com/r/{sub}/comments/{pid}/x/",
                "num_comments": 0, "is_self": True, "over_18": False}
        things.append({"kind": "t3", "data": data})
        if topic and sub not in thread:
            thread[sub] = data
    social["reddit"] = things
    sources.append({"name": "reddit-subs", "kind": "reddit",
                    "subreddits": ["aws", "sysadmin", "SnapchatHelp", "roblox", "FortNiteBR", "Ring"],
                    "interval": "15m", "max_pages": 5})


# ---------------------------------------------------------------- Hacker News
def build_hn(sources: list[dict], social: dict[str, list[dict]]) -> None:
    hits = []
    story_id = 45640000
    stories = [
        (ONSET + timedelta(minutes=14), "AWS us-east-1 DynamoDB endpoint not resolving", "dnsdiver"),
        (FIRST_POST + timedelta(minutes=6), "AWS outage: increased error rates in us-east-1", "cloudwatcher"),
        (t(20, 9, 10), "AWS identifies DNS resolution of the DynamoDB API endpoint as root cause", "newsbot9"),
        (t(20, 13, 0), "AWS EC2 launches still failing in us-east-1 hours after DynamoDB fix", "opsperson"),
    ]
    for n, (when, title, author) in enumerate(stories):
        oid = str(story_id + n)
        hits.append({"objectID": oid, "created_at": iso_ms(when), "created_at_i": int(when.timestamp()),
                     "author": author, "title": title, "url": None, "story_text": None, "points": 40 + 300 * (n == 1),
                     "num_comments": 0, "story_id": int(oid), "_tags": ["story", f"author_{author}", f"story_{oid}"]})
    comments = [text for text in EARLY + WAVE["aws"]] + [
        "Everything in our stack that touches DynamoDB in us-east-1 is failing; other regions are fine.",
        "This is why we keep a warm standby outside us-east-1. AWS global services still depend on it though.",
        "AWS status page still green 20 minutes in. DNS for the DynamoDB endpoint returns no records.",
        "Our Lambda functions are fine but every AWS API call to DynamoDB times out in us-east-1.",
    ]
    for i, when in enumerate(event_times(36, ONSET + timedelta(minutes=15), 120, 700)):
        parent = stories[0] if when < stories[1][0] else stories[1] if when < stories[3][0] else stories[3]
        pid = str(story_id + stories.index(parent))
        oid = str(story_id + 100 + i)
        author = f"hn{h(str(i), 3)}"
        hits.append({"objectID": oid, "created_at": iso_ms(when), "created_at_i": int(when.timestamp()),
                     "author": author, "comment_text": f"<p>{escape(comments[i % len(comments)])}</p>",
                     "story_id": int(pid), "story_title": parent[1], "story_url": None, "parent_id": int(pid),
                     "points": None, "_tags": ["comment", f"author_{author}", f"story_{pid}"]})
    social["hn"] = hits
    sources.append({"name": "hn-aws", "kind": "hn", "query": "aws", "interval": "15m", "max_pages": 5})


# ---------------------------------------------------------------- news feeds
NEWS = {
    "theverge": ("The Verge (reconstruction)", "https://www.theverge.com/rss/index.xml", [
        (t(18, 15), "The best deals this weekend", "Deals on headphones and streaming boxes."),
        (t(20, 9, 5), "A major AWS outage is taking down Snapchat, Fortnite, Roblox and more",
         "Amazon Web Services is having problems in its US-EAST-1 region, and a long list of apps and games "
         "are down with it, from Snapchat and Venmo to Fortnite, Roblox, Ring and Alexa."),
        (t(20, 15, 30), "Amazon says DNS trouble with DynamoDB caused its big outage",
         "AWS pointed to DNS resolution for the DynamoDB endpoint in us-east-1; some services stayed degraded "
         "into the afternoon."),
    ]),
    "techcrunch": ("TechCrunch (reconstruction)", "https://techcrunch.com/feed/", [
        (t(19, 13), "A startup raises a seed round for developer tools", "A funding story from the weekend."),
        (t(20, 10, 20), "AWS outage in us-east-1 knocks popular apps offline",
         "An AWS outage centred on DynamoDB in the Northern Virginia region disrupted apps and games for hours."),
    ]),
}


def news_feed(title: str, link: str, items, now: datetime) -> bytes:
    shown = [i for i in items if i[0] <= now]
    entries = "".join(
        f"""<item><title>{escape(head)}</title><link>{link.rsplit('/', 2)[0]}/2025/{w.strftime('%m/%d')}/{h(head, 4)}</link>
<guid isPermaLink="false">{h(head, 6)}</guid><pubDate>{format_datetime(w)}</pubDate>
<description>{escape(d)}</description></item>
""" for w, head, d in reversed(shown))
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>{escape(title)}</title><link>{link}</link>
<description>Reconstructed feed for the outagewatch capture</description>
{entries}</channel></rss>
""".encode("utf-8")


def build_news(sources: list[dict]) -> None:
    for name, (title, url, items) in NEWS.items():
        serve(url, START, news_feed(title, url, items, START), "application/rss+xml", ".xml")
        for when, _, _ in items:
            if when > START:
                serve(url, when, news_feed(title, url, items, when), "application/rss+xml", ".xml")
        sources.append({"name": name, "kind": "news", "url": url, "interval": "30m", "signal_source": f"news:{name}"})


def main() -> None:
    for folder in ("bodies", "x", "social"):
        shutil.rmtree(HERE / folder, ignore_errors=True)
    (HERE / "bodies").mkdir()
    (HERE / "social").mkdir()
    sources: list[dict] = []
    social: dict[str, list[dict]] = {}
    build_aws(sources)
    build_status_pages(sources)
    build_reports(sources)
    build_x(sources)
    build_bluesky(sources, social)
    build_mastodon(sources, social)
    build_reddit(sources, social)
    build_hn(sources, social)
    build_news(sources)
    keys = {"bluesky": lambda i: i["uri"], "mastodon": lambda i: i["uri"], "reddit": lambda i: i["data"]["name"],
            "hn": lambda i: i["objectID"]}
    names = {}
    for network, items in social.items():
        items = sorted(items, key=keys[network])
        names[network] = f"social/{network}.jsonl"
        (HERE / names[network]).write_text("".join(json.dumps(i, sort_keys=True) + "\n" for i in items), "utf-8")
    manifest = {
        "format": "outagewatch-capture/1",
        "name": "aws-us-east-1-2025-10-20",
        "description": "RECONSTRUCTION of the 2025-10-20 AWS us-east-1 DynamoDB DNS event from public facts; "
                       "all wording, posts, comments, stories and counts are written by build_capture.py.",
        "start": iso(START), "end": iso(END), "step": "15m",
        "sources": sources,
        "endpoints": [{"url": url, "responses": responses} for url, responses in sorted(endpoints.items())],
        "x": {"tweets": "x/tweets.jsonl", "users": "x/users.json"},
        "social": names,
    }
    (HERE / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", "utf-8")
    size = sum(p.stat().st_size for p in HERE.rglob("*") if p.is_file())
    print(f"wrote {len(endpoints)} endpoints, {sum(len(r) for r in endpoints.values())} responses, {len(tweets)} X posts, "
          + ", ".join(f"{len(v)} {k}" for k, v in social.items()) + f"; {size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
