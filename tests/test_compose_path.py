"""The deployed path, end to end: docker/compose.yaml's collector and API, run as a user's
`docker compose up` runs them, on the real Elasticsearch node, against sources on 127.0.0.1.

What is taken from docker/ as written: each service's ``command``, ``environment`` and
``depends_on`` order, the secrets it gets, its healthcheck, the image's entrypoint, ``ENV``,
``WORKDIR`` and home (see tests/compose_run.py for the only translations off Docker: the
entrypoint becomes ``python -m outagewatch``, container paths become folders, the store's
``http://elasticsearch:9200`` becomes the port Elasticsearch publishes, 127.0.0.1:9200, with
an index prefix of this test's own, and the API's port 8000 a free one). docker/.env is
stood in for by the API token and ``OUTAGEWATCH_X_BEARER_TOKEN_FILE`` (the documented way to
hand compose an X token file).

The config file mounted at /config/outagewatch.toml is docker/outagewatch.toml with only
these changes (checked below, so it cannot drift): each source's URL points at a local
server that serves the same paths (a status page keeps its real address as ``public_url``,
so it is still known as that page), the social sources get ``api_base`` (their library's
API host, on 127.0.0.1), every interval is 2 s so a minute holds many rounds, and the
commented ``[alerts]`` example is uncommented with its webhook URL set to a receiver here.

The story the sources tell: Flickr has been mentioned now and then for hours; in the last
25 minutes many people on X and Hacker News say it is down, a news site reports it, and
Flickr's status page says "investigating".
"""

from __future__ import annotations

import json
import re
import signal
import time
import tomllib
from collections import Counter
from datetime import datetime, timedelta
from urllib.parse import urlsplit

import httpx
import pytest

from outagewatch.collectors.hnapi import HNAPI, words_match
from outagewatch.collectors.xapi import XAPI, query_matches
from outagewatch.search.query import Query
from outagewatch.timeutil import to_iso, utcnow
from tests.collectors.localhttp import WebhookReceiver, start_http
from tests.compose_run import DOCKER, Deployment, Process, docker_run, up, wait_healthy
from tests.elasticsearch.node import unique_prefix
from tests.metricstext import sample

pytestmark = pytest.mark.slow

API_TOKEN = "compose-api-token-" + "5f3a9c0e7b214d68"
X_TOKEN = "compose-x-bearer-" + "a1b2c3d4e5f60718"
SOCIAL_HOSTS = {"x": "api.twitter.com", "hn": "hn.algolia.com/api/v1"}
"""Where each social kind's library sends its requests (the local server serves that path)."""
INTERVAL = "2s"


# -- the sources' story -------------------------------------------------------------------------------

def _x_time(when: datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%S.000Z")


class Story:
    """Posts, hits, a status page and a feed, all relative to ``now``."""

    SPIKE = ["Flickr is down, can't upload a single photo", "is flickr down? every page gives me an error",
             "Flickr not working for me either, images won't load", "flickr is down again. great timing",
             "anyone else? flickr is down in Berlin", "Flickr uploads not working since 10 minutes",
             "my flickr albums are not working, 500 errors", "Flickr is down for our whole office",
             "flickr outage? the app shows nothing", "photos on Flickr not working at all right now",
             "Flickr is down, the organizer won't open", "wow flickr is down hard",
             "flickr login not working, is it just me", "Flickr outage, explore page is blank",
             "Is Flickr down for everyone or just me?", "flickr is down. again. uploads stuck at 0%"]
    BACKGROUND = ["is github down? pages are slow", "slack not working on my phone, fine on desktop",
                  "discord outage in my region?", "zoom is down for me, rejoining", "npm is down? installs hang",
                  "dropbox not working on linux today", "reddit is down again lol", "twilio outage? sms delayed"]

    def __init__(self, now: datetime) -> None:
        self.now = now
        self.users = [{"id": str(1000 + i), "username": f"person{i}", "name": f"Person {i}"} for i in range(60)]
        self.tweets: list[dict] = []
        for i in range(36):  # six hours of ordinary chatter, one post every ten minutes
            self._tweet(now - timedelta(hours=6) + timedelta(minutes=10 * i), 40 + i % 20,
                        self.BACKGROUND[i % len(self.BACKGROUND)])
        for hours, who in ((5, 41), (3.5, 47), (2, 52)):  # Flickr named now and then
            self._tweet(now - timedelta(hours=hours), who, "flickr is down? slow upload, probably my wifi")
        for i, text in enumerate(self.SPIKE):  # then many people at once
            self._tweet(now - timedelta(minutes=25) + timedelta(seconds=85 * i), i, text)
        self.hits = [self._hit(now - timedelta(hours=h), f"bg{n}", f"<p>{t}</p>") for n, (h, t) in enumerate(
            [(5.5, "The last AWS outage taught us to cache everything"), (4, "Slack outage postmortem is out"),
             (1.5, "Any outage tracker that covers small sites?")])]
        self.hits += [self._hit(now - timedelta(minutes=m), f"hn{m}", f"<p>{t}</p>") for m, t in [
            (20, "Flickr outage right now: uploads fail with 502"), (16, "Same Flickr outage here, Europe"),
            (12, "Flickr outage again; their status page lags"), (7, "Flickr outage seems to hit the API too")]]
        self.statuspage = {"page": {"id": "flickr", "name": "Flickr"}, "incidents": [{
            "id": "flk1", "name": "Uploads failing", "status": "investigating", "impact": "major",
            "created_at": to_iso(now - timedelta(minutes=10)), "shortlink": "https://stspg.io/flk1",
            "components": [{"name": "Uploads"}],
            "incident_updates": [{"id": "flk1u1", "status": "investigating",
                                  "body": "We are investigating failed uploads and errors on photo pages.",
                                  "created_at": to_iso(now - timedelta(minutes=10)),
                                  "display_at": to_iso(now - timedelta(minutes=10))}]}]}
        items = [("Flickr is down for many users", now - timedelta(minutes=6), "verge-flickr"),
                 ("The best phones of the year", now - timedelta(hours=3), "verge-phones"),
                 ("A new e-reader, reviewed", now - timedelta(days=1), "verge-ereader")]
        self.feed = ('<?xml version="1.0"?><rss version="2.0"><channel><title>The Verge</title>' + "".join(
            f"<item><title>{title}</title><guid>{guid}</guid><link>https://www.theverge.com/{guid}</link>"
            f"<pubDate>{when.strftime('%a, %d %b %Y %H:%M:%S +0000')}</pubDate>"
            f"<description>{title}.</description></item>" for title, when, guid in items)
            + "</channel></rss>").encode()
        self.feed_items = len(items)

    def _tweet(self, when: datetime, who: int, text: str) -> None:
        tid = str(1_800_000_000_000_000_000 + int(when.timestamp()) * 1000 + len(self.tweets))
        self.tweets.append({"id": tid, "text": text, "author_id": str(1000 + who), "lang": "en",
                            "created_at": _x_time(when)})

    def _hit(self, when: datetime, oid: str, html: str) -> dict:
        return {"objectID": oid, "created_at_i": int(when.timestamp()), "created_at": to_iso(when),
                "author": f"hn_{oid}", "comment_text": html, "story_id": 1, "story_title": "Ask HN",
                "parent_id": 1, "_tags": ["comment", f"author_hn_{oid}", "story_1"]}

    def served(self, config: dict, x: bool = True) -> int:
        """Posts, hits and feed items the configured queries match (what the sources serve)."""
        queries = {s["kind"]: s["query"] for s in config["sources"] if s["kind"] in SOCIAL_HOSTS}
        names = {u["id"]: u["username"] for u in self.users}
        return (x * sum(query_matches(queries["x"], t["text"], names[t["author_id"]]) for t in self.tweets)
                + sum(words_match(queries["hn"], h["comment_text"]) for h in self.hits) + self.feed_items)

    def late_post(self) -> None:
        """One more person, while the collector runs."""
        self._tweet(utcnow() - timedelta(seconds=5), 30, "flickr is down still, 30 minutes now")


class Internet:
    """The sources' hosts on one server on 127.0.0.1: ``/<host>/<path>`` answers what
    ``https://<host>/<path>`` would. Counts requests per host."""

    def __init__(self, story: Story) -> None:
        self.story = story
        self.requests: dict[str, int] = {}
        self.x_auth: set[str] = set()
        self.server = start_http(self._respond)
        self.base = f"http://127.0.0.1:{self.server.server_port}"

    def _respond(self, handler) -> None:
        path, _, query = handler.path.partition("?")
        host, _, rest = path.lstrip("/").partition("/")
        rest = "/" + rest
        self.requests[host] = self.requests.get(host, 0) + 1
        status, kind, body = 404, "application/json", b'{"error": "not found"}'
        if host == "status.flickr.net" and rest == "/api/v2/incidents.json":
            status, body = 200, json.dumps(self.story.statuspage).encode()
        elif host == "health.aws.amazon.com" and rest == "/public/currentevents":
            status, body = 200, b"[]"  # a quiet day at AWS
        elif host == "www.theverge.com" and rest == "/rss/index.xml":
            status, kind, body = 200, "application/rss+xml", self.story.feed
        elif host == "api.twitter.com":
            self.x_auth.add(handler.headers.get("Authorization") or "")
            if handler.headers.get("Authorization") != f"Bearer {X_TOKEN}":
                status, body = 401, b'{"title": "Unauthorized", "status": 401}'
            else:
                status, payload = XAPI(self.story.tweets, self.story.users).handle(rest, query, None)
                body = json.dumps(payload).encode()
        elif host == "hn.algolia.com":
            status, payload = HNAPI(self.story.hits).handle(rest, query, None)
            body = json.dumps(payload).encode()
        handler.send_response(status)
        handler.send_header("Content-Type", kind)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    def local(self, url: str) -> str:
        parts = urlsplit(url)
        return f"{self.base}/{parts.hostname}{parts.path}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


# -- the config compose mounts, pointed at 127.0.0.1 ---------------------------------------------------

def uncomment_alerts(text: str) -> str:
    """docker/outagewatch.toml with its commented ``[alerts]`` example switched on, as an operator would."""
    head, marker, example = text.partition("# [alerts]")
    assert marker, "docker/outagewatch.toml has no commented [alerts] example"
    return head + re.sub(r"(?m)^# ", "", marker + example)


def derive_config(shipped: str, internet: Internet, hook_url: str | None) -> dict:
    """The shipped config pointed at ``internet``; with ``hook_url``, its alerts example on too."""
    data = tomllib.loads(uncomment_alerts(shipped) if hook_url else shipped)
    for source in data["sources"]:
        if "url" in source:
            if source["kind"] == "statuspage":
                source["public_url"] = source["url"]
            source["url"] = internet.local(source["url"])
        if source["kind"] in SOCIAL_HOSTS:
            source["api_base"] = f"{internet.base}/{SOCIAL_HOSTS[source['kind']]}"
        source["interval"] = INTERVAL
    if hook_url:
        (hook,) = data["alerts"]["webhooks"]
        hook["url"] = hook_url
    return data


def changes(shipped: dict, derived: dict) -> set[str]:
    """Dotted keys whose values differ (or exist in one only)."""
    if isinstance(shipped, dict) and isinstance(derived, dict):
        return {f"{k}.{sub}" if sub else k for k in shipped.keys() | derived.keys()
                for sub in (changes(shipped.get(k), derived.get(k)) or {""}) if shipped.get(k) != derived.get(k)}
    if isinstance(shipped, list) and isinstance(derived, list) and len(shipped) == len(derived):
        return {f"{i}.{sub}" if sub else str(i) for i, (a, b) in enumerate(zip(shipped, derived))
                for sub in (changes(a, b) or {""}) if a != b}
    return set()


def toml_text(data: dict) -> str:
    """TOML for the plain shapes a config has (tables, arrays of tables, strings, numbers, lists)."""
    def value(v) -> str:
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, (int, float)):
            return repr(v)
        if isinstance(v, str):
            return json.dumps(v)
        if isinstance(v, list):
            return "[" + ", ".join(value(x) for x in v) + "]"
        return "{" + ", ".join(f"{json.dumps(k)} = {value(x)}" for k, x in v.items()) + "}"

    def tables(v) -> bool:
        return isinstance(v, list) and bool(v) and all(isinstance(x, dict) for x in v)

    lines: list[str] = []

    def table(name: str, body: dict) -> None:
        lines.extend(f"{json.dumps(k)} = {value(v)}" for k, v in body.items() if not tables(v)
                     and not isinstance(v, dict))
        for k, v in body.items():
            if isinstance(v, dict):
                lines.append(f"[{name}.{k}]")
                table(f"{name}.{k}", v)
            elif tables(v):
                for item in v:
                    lines.append(f"[[{name}.{k}]]")
                    table(f"{name}.{k}", item)

    for name, body in data.items():
        if tables(body):
            for item in body:
                lines.append(f"[[{name}]]")
                table(name, item)
        else:
            lines.append(f"[{name}]")
            table(name, body)
    text = "\n".join(lines) + "\n"
    assert tomllib.loads(text) == data
    return text


# -- running it ---------------------------------------------------------------------------------------

@pytest.fixture
def prefix(elasticsearch_node):
    from outagewatch.search.elasticsearch import ElasticsearchStore

    name = unique_prefix("compose")
    yield name
    store = ElasticsearchStore(elasticsearch_node.url, prefix=name)
    store.drop()
    store.close()


def wait_for(predicate, seconds: float, *processes: Process) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        for process in processes:
            assert process.alive(), f"{process.name} exited {process.popen.returncode}:\n{process.output()}"
        time.sleep(0.5)
    return predicate()


def stop(process: Process) -> tuple[int, float]:
    """SIGTERM, as `docker compose stop` sends it; SIGKILL after the grace period, as Docker would."""
    began = time.monotonic()
    process.popen.send_signal(signal.SIGTERM)
    try:
        code = process.popen.wait(timeout=process.stop_grace)
    except Exception:
        process.popen.kill()
        process.popen.wait()
        raise AssertionError(f"{process.name} did not stop within {process.stop_grace}s of SIGTERM:\n"
                             f"{process.output()}") from None
    return code, time.monotonic() - began


@pytest.mark.elasticsearch
def test_compose_up_collects_finds_the_incident_alerts_once_and_serves_it(tmp_path, elasticsearch_node, prefix):
    story = Story(utcnow())
    internet = Internet(story)
    hooks = WebhookReceiver("/hooks/compose/SECRET-PATH")
    shipped = (DOCKER / "outagewatch.toml").read_text("utf-8")
    derived = derive_config(shipped, internet, hooks.url)
    assert changes(tomllib.loads(shipped), derived) == {
        *(f"sources.{i}.{key}" for i, s in enumerate(derived["sources"])
          for key in ("url", "public_url", "api_base", "interval") if key in s),
        "alerts"}  # nothing but addresses and intervals; [alerts] is the shipped example switched on
    assert changes(tomllib.loads(uncomment_alerts(shipped))["alerts"], derived["alerts"]) == {"webhooks.0.url"}
    config = tmp_path / "config" / "outagewatch.toml"
    config.parent.mkdir()
    config.write_text(toml_text(derived), "utf-8")
    x_token_file = tmp_path / "x_bearer_token"
    x_token_file.write_text(X_TOKEN + "\n")

    deployment = Deployment(tmp_path / "compose", {"OUTAGEWATCH_API_TOKEN": API_TOKEN,
                                                   "OUTAGEWATCH_X_BEARER_TOKEN_FILE": str(x_token_file)},
                            mounts={"./outagewatch.toml": config}, store_query=f"?prefix={prefix}")
    assert deployment.published["elasticsearch"][9200] == urlsplit(elasticsearch_node.url).netloc
    collector, api = deployment.process("collector"), deployment.process("api")
    assert collector.argv[3:] == ["collect", "--watch"]
    assert api.argv[3:5] == ["serve", "--host"] and api.argv[5] == "0.0.0.0"
    assert "OUTAGEWATCH_API_TOKEN" not in collector.env and "OUTAGEWATCH_API_TOKEN_FILE" not in collector.env
    assert "OUTAGEWATCH_X_BEARER_TOKEN_FILE" not in api.env

    started = up([collector, api])  # the API waits for a healthy collector, as compose.yaml says
    try:
        port = api.ports[8000]
        base = f"http://127.0.0.1:{port}"
        auth = {"Authorization": f"Bearer {API_TOKEN}"}

        # The collector: the incident is found while it runs, and announced once.
        assert wait_for(lambda: hooks.bodies, 240, *started), "no alert arrived"
        assert wait_healthy(api, 60).returncode == 0, api.output()
        rounds = dict(internet.requests)
        assert wait_for(lambda: all(internet.requests.get(h, 0) >= n + 3 for h, n in rounds.items()), 120, *started)
        story.late_post()
        want = story.served(derived) + 1  # + the one status update
        assert wait_for(lambda: stored_count(base, auth) == want, 60, *started), (stored_count(base, auth), want)
        # The API: what the collector stored and found, as a user reads it.
        search = httpx.get(f"{base}/api/signals", params={"q": "flickr", "limit": 100}, headers=auth, timeout=30)
        listed = httpx.get(f"{base}/api/incidents", params={"status": "open"}, headers=auth, timeout=30)
        page = httpx.get(f"{base}/", timeout=30)
        metrics = httpx.get(f"{base}/metrics", headers=auth, timeout=30)
        refused = {path: httpx.get(f"{base}{path}", timeout=30).status_code
                   for path in ("/api/signals?q=flickr", "/api/incidents", "/metrics")}
        wrong = httpx.get(f"{base}/api/incidents", headers={"Authorization": "Bearer not-the-token"}, timeout=30)
        assert search.status_code == 200 and listed.status_code == 200, (search.text, listed.text)
        (incident,) = [i for i in listed.json()["incidents"] if "flickr" in i["services"]]
        detail = httpx.get(f"{base}/api/incidents/{incident['id']}", headers=auth, timeout=30)
        # The alert's report link, through the port compose publishes (here: the test's own).
        link = hooks.bodies[0]["alert"]["report_url"]
        assert link.startswith(f"http://{deployment.published['api'][8000]}/"), link
        report = httpx.get(link.replace(deployment.published["api"][8000], f"127.0.0.1:{port}"), headers=auth,
                           timeout=60)
        health = httpx.get(f"{base}/health", timeout=30)
    finally:
        codes = {p.name: stop(p) for p in reversed(started)}
        internet.close()
        hooks.close()

    assert codes["collector"][0] == 0, collector.output()
    assert codes["api"][0] == 0, api.output()

    # Stored once each, after many rounds: every item served, no duplicate, nothing left waiting.
    from outagewatch.search.elasticsearch import ElasticsearchStore

    store = ElasticsearchStore(elasticsearch_node.url, prefix=prefix, create=False)
    try:
        signals = list(store.scan(Query()))
    finally:
        store.close()
    assert len(signals) == want
    assert len({s.id for s in signals}) == want
    assert len({(s.source, s.author, s.published_at, s.text) for s in signals}) == want  # each item once
    by_kind = Counter(s.source_kind for s in signals)
    assert by_kind == {"social": want - story.feed_items - 1, "news": story.feed_items, "status": 1}
    spool = collector.cwd / ".local" / "state" / "outagewatch" / "spool"
    assert not spool.exists() or not any(p.is_file() and p.stat().st_size for p in spool.rglob("*"))
    assert internet.x_auth == {f"Bearer {X_TOKEN}"}  # the token from the compose secret, on every X request

    # One "open" alert for the Flickr incident. Each source's fetch is stored as it ends, so the
    # status update and the posts may arrive in either order: the incident may then grow
    # stronger ("escalate"), but it is one incident under one id, announced open once.
    events = [(b["event"], b["alert"]["id"]) for b in hooks.bodies]
    assert [event for event, _ in events][:1] == ["open"], events
    assert [event for event, _ in events].count("open") == 1 and set(e for e, _ in events) <= {"open", "escalate"}, events
    assert {alert_id for _, alert_id in events} == {incident["id"]}, events
    assert "flickr" in hooks.bodies[-1]["incident"]["services"]

    # What the API answered.
    hits = search.json()["hits"]
    assert search.json()["total"] >= len(Story.SPIKE) and all("flickr" in json.dumps(h).lower() for h in hits)
    assert incident["status"] == "open"
    body = detail.json()
    assert detail.status_code == 200 and body["incident"]["id"] == incident["id"]
    assert [s["source_kind"] for s in body["evidence"]["official"]] == ["status"]
    assert body["evidence"]["official"][0]["title"] == "Uploads failing"
    chatter = body["evidence"]["signals"]
    assert len(chatter) >= 10 and {s["source"].split(":")[0] for s in chatter} >= {"x", "hn"}
    assert report.status_code == 200 and "Uploads failing" in report.text, report.text[:500]
    assert page.status_code == 200 and "text/html" in page.headers["content-type"] and "outagewatch" in page.text
    assert metrics.status_code == 200
    assert sample(metrics.text, "outagewatch_signals_stored", source_kind="social") == by_kind["social"]
    assert sample(metrics.text, "outagewatch_incidents", status="open", evidence_level=incident["evidence_level"]) >= 1
    assert refused == {"/api/signals?q=flickr": 401, "/api/incidents": 401, "/metrics": 401}
    assert wrong.status_code == 401
    assert health.status_code == 200 and health.json()["status"] == "ok"

    # Secrets stay out of both logs.
    for process in (collector, api):
        text = process.output()
        for secret in (API_TOKEN, X_TOKEN, "SECRET-PATH"):
            assert secret not in text, f"{process.name} logged a secret"


def stored_count(base: str, auth: dict) -> int | None:
    try:
        return httpx.get(f"{base}/api/signals", params={"limit": 0, "facets": ""}, headers=auth, timeout=10).json()["total"]
    except (httpx.HTTPError, KeyError, ValueError):
        return None



def deploy_md_commands(section: str) -> list[str]:
    """The ``docker run`` lines of the shell block under ``section`` in docs/deploy.md."""
    text = (DOCKER.parent / "docs" / "deploy.md").read_text("utf-8")
    block = re.search(r"```sh\n(.*?)```", text[text.index(section):], re.S).group(1)
    joined = re.sub(r"\\\n\s*", " ", block)
    return [line.strip() for line in joined.splitlines() if line.strip().startswith("docker run")]


def test_the_image_alone_on_sqlite_as_deploy_md_runs_it(tmp_path):
    """docs/deploy.md "Without Elasticsearch": the image's default store (SQLite in /data), the
    collector started with the commands shown there, then the API with the image's own
    command. Run exactly as documented (no X token: that source is skipped, the rest run)."""
    collector_run, api_run = deploy_md_commands("Without Elasticsearch")
    story = Story(utcnow())
    internet = Internet(story)
    derived = derive_config((DOCKER / "outagewatch.toml").read_text("utf-8"), internet, None)
    config = tmp_path / "config" / "outagewatch.toml"
    config.parent.mkdir()
    config.write_text(toml_text(derived), "utf-8")
    deployment = Deployment(tmp_path / "run", {"OUTAGEWATCH_API_TOKEN": API_TOKEN},
                            mounts={"$PWD/docker/outagewatch.toml": config})
    collector = deployment.process("ow-collector", docker_run(collector_run))
    api_service = docker_run(api_run)
    assert api_service["environment"] == {"OUTAGEWATCH_API_TOKEN": "..."}
    api_service["environment"]["OUTAGEWATCH_API_TOKEN"] = API_TOKEN  # what the user types in place of ...
    api = deployment.process("ow-api", api_service)
    assert api.argv[3:] == ["serve", "--host", "0.0.0.0", "--port", str(api.ports[8000])]  # the image's CMD
    store_file = collector.cwd / "outagewatch.db"
    assert collector.env["OUTAGEWATCH_STORE"] == api.env["OUTAGEWATCH_STORE"] == f"sqlite:///{store_file}"

    # The API alone on a new volume: one line, as the document says, and nothing created.
    api.start()
    assert api.popen.wait(timeout=60) == 1
    assert f"no store at {store_file} (a SQLite file is created by ingest, collect or replay)" in api.output()
    assert not store_file.exists()

    started = up([collector])
    try:
        assert wait_healthy(collector, 120).returncode == 0, collector.output()
        started += up([api])
        assert wait_healthy(api, 60).returncode == 0, api.output()
        base = f"http://127.0.0.1:{api.ports[8000]}"
        auth = {"Authorization": f"Bearer {API_TOKEN}"}
        want = story.served(derived, x=False) + 1
        assert wait_for(lambda: stored_count(base, auth) == want, 120, *started), (stored_count(base, auth), want)
        rounds = dict(internet.requests)
        assert wait_for(lambda: all(internet.requests.get(h, 0) >= n + 2 for h, n in rounds.items()), 60, *started)
        assert stored_count(base, auth) == want
        refused = httpx.get(f"{base}/api/signals", timeout=30).status_code
    finally:
        codes = {p.name: stop(p) for p in reversed(started)}
        internet.close()
    assert refused == 401
    assert codes["ow-api"][0] == 0, api.output()
    assert codes["ow-collector"][0] == 0, collector.output()
    assert "api.twitter.com" not in internet.requests
    assert re.search(r"(?m)^x-outage-search: skipped: .*bearer token", collector.output()), collector.output()
    for process in (collector, api):
        assert API_TOKEN not in process.output()
