"""Captures: recorded source responses with the times they were served, and the
local server that serves them back on a simulated clock.

Layout of a capture folder::

    manifest.json    format, name, start, end, step, sources (the config's [[sources]]),
                     endpoints: [{url, responses: [{at, status, headers, body}]}],
                     x: {tweets, users} (optional: posts the X API served)
    bodies/          response bodies, named by content hash (a body served many
                     times is stored once)
    x/tweets.jsonl   X API v2 post objects, one a line; x/users.json their authors
    social/*.jsonl   Bluesky, Mastodon, Reddit and Hacker News items as their APIs serve them
                     (:mod:`outagewatch.collectors.socialcapture`)

Serving: ``/h/<host>/<path>`` answers with the body recorded for that URL at the latest
``at`` not after the simulated now (404 before the first); ETag and Last-Modified are
honoured so conditional GETs behave as they did live. ``/x/2/...`` is the X API v2
(:mod:`outagewatch.collectors.xapi`) over the captured posts; ``/bluesky/``, ``/mastodon/``,
``/reddit/`` and ``/hn/`` are those networks' APIs over theirs. ``/robots.txt`` allows all.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import mimetypes
import threading
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from outagewatch.collectors import socialcapture
from outagewatch.collectors.xapi import XAPI
from outagewatch.timeutil import parse_duration, parse_time, to_iso, utcnow

FORMAT = "outagewatch-capture/1"
KEPT_HEADERS = ("content-type", "etag", "last-modified")


class CaptureError(ValueError):
    """A capture folder that cannot be used; the message names the file and the problem."""


def url_key(url: str) -> str:
    parts = urlsplit(url)
    return f"{(parts.hostname or '').lower()}{parts.path or '/'}" + (f"?{parts.query}" if parts.query else "")


@dataclass
class Recorded:
    at: datetime
    status: int
    headers: dict[str, str]
    body: bytes


@dataclass
class Capture:
    root: Path
    manifest: dict[str, Any]
    start: datetime
    end: datetime
    step: float
    sources: list[dict[str, Any]]
    endpoints: dict[str, list[Recorded]] = field(default_factory=dict)
    tweets: list[dict[str, Any]] = field(default_factory=list)
    users: list[dict[str, Any]] = field(default_factory=list)
    social: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    @classmethod
    def load(cls, root: str | Path) -> "Capture":
        root = Path(root)
        path = root / "manifest.json"
        if not path.is_file():
            raise CaptureError(f"{root} is not a capture (no manifest.json)")
        try:
            manifest = json.loads(path.read_text("utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise CaptureError(f"{path}: not valid JSON: {exc}") from None
        if manifest.get("format") != FORMAT:
            raise CaptureError(f"{path}: format is {manifest.get('format')!r}, expected {FORMAT!r}")
        try:
            capture = cls(root=root, manifest=manifest, start=parse_time(manifest["start"]),
                          end=parse_time(manifest["end"]), step=parse_duration(manifest.get("step", "5m")).total_seconds(),
                          sources=list(manifest.get("sources") or []))
            for endpoint in manifest.get("endpoints") or []:
                responses = []
                for r in endpoint["responses"]:
                    responses.append(Recorded(parse_time(r["at"]), int(r.get("status", 200)),
                                              {k.lower(): v for k, v in (r.get("headers") or {}).items()},
                                              (root / r["body"]).read_bytes() if r.get("body") else b""))
                responses.sort(key=lambda r: r.at)
                capture.endpoints[url_key(endpoint["url"])] = responses
            x = manifest.get("x")
            if x:
                capture.tweets = [json.loads(line) for line in (root / x["tweets"]).read_text("utf-8").splitlines()
                                  if line.strip()]
                capture.users = json.loads((root / x["users"]).read_text("utf-8"))
            capture.social = socialcapture.load(root, manifest)
        except (KeyError, OSError, ValueError) as exc:
            raise CaptureError(f"{root}: broken capture: {type(exc).__name__}: {exc}") from None
        return capture

    def response_at(self, key: str, now: datetime | None) -> Recorded | None:
        responses = self.endpoints.get(key)
        if responses is None and "?" in key:
            responses = self.endpoints.get(key.split("?", 1)[0])
        if not responses:
            return None
        if now is None:
            return responses[-1]
        index = bisect.bisect_right([r.at for r in responses], now)
        return responses[index - 1] if index else None


class SimClock:
    """The replay's now; the server and the collectors read the same one."""

    def __init__(self, start: datetime) -> None:
        self._now = start
        self._lock = threading.Lock()

    def now(self) -> datetime:
        with self._lock:
            return self._now

    def set(self, value: datetime) -> None:
        with self._lock:
            self._now = value


class CaptureServer:
    """Serves a capture on 127.0.0.1 (an ephemeral port unless one is given)."""

    def __init__(self, capture: Capture, clock=None, port: int = 0) -> None:
        self.capture = capture
        self.clock = clock
        self.xapi = XAPI(capture.tweets, capture.users)
        self.social = socialcapture.SocialAPIs(capture.social)
        self.requests = 0
        handler = _make_handler(self)
        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="capture-server", daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def local_url(self, url: str) -> str:
        parts = urlsplit(url)
        return f"{self.base}/h/{parts.hostname}{parts.path or '/'}" + (f"?{parts.query}" if parts.query else "")

    def now(self) -> datetime | None:
        return self.clock.now() if self.clock is not None else None

    def __enter__(self) -> "CaptureServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def _make_handler(server: CaptureServer):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # One write per response and no Nagle: otherwise each keep-alive request waits ~40 ms on delayed ACKs.
        wbufsize = -1
        disable_nagle_algorithm = True

        def log_message(self, *args) -> None:  # quiet: replay prints its own summary
            pass

        def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            server.requests += 1
            path, _, query = self.path.partition("?")
            now = server.now()
            if path == "/robots.txt":
                return self._send(200, b"User-agent: *\nAllow: /\n", {"Content-Type": "text/plain"})
            if path.startswith("/x/2/"):
                status, payload = server.xapi.handle(path[2:], query, now)
                return self._send(status, json.dumps(payload).encode(), {"Content-Type": "application/json"})
            length = int(self.headers.get("Content-Length") or 0)
            answer = server.social.handle(path, query, now, self.rfile.read(length) if length else b"",
                                          self.headers.get("Authorization"))
            if answer is not None:
                return self._send(answer[0], json.dumps(answer[1]).encode(), {"Content-Type": "application/json"})
            if not path.startswith("/h/"):
                return self._send(404, b"not found", {"Content-Type": "text/plain"})
            key = path[3:] + (f"?{query}" if query else "")
            recorded = server.capture.response_at(key, now)
            if recorded is None:
                return self._send(404, b"nothing recorded yet", {"Content-Type": "text/plain"})
            etag = recorded.headers.get("etag") or '"' + hashlib.blake2b(recorded.body, digest_size=8).hexdigest() + '"'
            modified = recorded.headers.get("last-modified") or format_datetime(recorded.at, usegmt=True)
            headers = {"Content-Type": recorded.headers.get("content-type", "application/octet-stream"),
                       "ETag": etag, "Last-Modified": modified}
            if self.headers.get("If-None-Match") == etag:
                return self._send(304, b"", {"ETag": etag, "Last-Modified": modified})
            since = self.headers.get("If-Modified-Since")
            if since and not self.headers.get("If-None-Match"):
                try:
                    if parsedate_to_datetime(since) >= parsedate_to_datetime(modified):
                        return self._send(304, b"", {"ETag": etag, "Last-Modified": modified})
                except (TypeError, ValueError):
                    pass
            return self._send(recorded.status, recorded.body, headers)

        do_HEAD = do_GET
        do_POST = do_GET  # logins and OAuth tokens of the social stand-ins

    return Handler


class Recorder:
    """Keeps every response a live run is served, for ``outagewatch capture``."""

    def __init__(self, root: str | Path, *, name: str, sources: list[dict[str, Any]], step: float) -> None:
        self.root = Path(root)
        (self.root / "bodies").mkdir(parents=True, exist_ok=True)
        self.name = name
        self.sources = sources
        self.step = step
        self.start = utcnow()
        self.endpoints: dict[str, dict[str, Any]] = {}
        self.tweets: dict[str, dict[str, Any]] = {}
        self.users: dict[str, dict[str, Any]] = {}
        self.social: dict[str, dict[str, dict[str, Any]]] = {}
        self._lock = threading.Lock()
        self.clock = utcnow

    def response(self, url: str, status: int, headers: dict[str, str], body: bytes) -> None:
        digest = hashlib.blake2b(body, digest_size=12).hexdigest()
        ctype = (headers.get("content-type") or "").split(";")[0].strip()
        ext = mimetypes.guess_extension(ctype) or ".bin"
        name = f"bodies/{digest}{ext}"
        with self._lock:
            endpoint = self.endpoints.setdefault(url, {"url": url, "responses": []})
            last = endpoint["responses"][-1] if endpoint["responses"] else None
            if last and last["body"] == name and last["status"] == status:
                return
            path = self.root / name
            if not path.exists():
                path.write_bytes(body)
            endpoint["responses"].append({"at": to_iso(self.clock()), "status": status, "body": name,
                                          "headers": {k: v for k, v in headers.items() if k.lower() in KEPT_HEADERS}})

    def posts(self, tweets: list[dict[str, Any]], users: list[dict[str, Any]]) -> None:
        with self._lock:
            for tweet in tweets:
                self.tweets[str(tweet["id"])] = tweet
            for user in users:
                self.users[str(user["id"])] = user

    def items(self, network: str, objects: list[dict[str, Any]]) -> None:
        """Keep what a social collector was served (the network's own JSON)."""
        with self._lock:
            kept = self.social.setdefault(network, {})
            for item in objects:
                kept[socialcapture.identity(network, item)] = item

    def save(self) -> Path:
        manifest: dict[str, Any] = {
            "format": FORMAT, "name": self.name, "start": to_iso(self.start), "end": to_iso(self.clock()),
            "step": f"{int(self.step)}s", "sources": self.sources,
            "endpoints": sorted(self.endpoints.values(), key=lambda e: e["url"]),
        }
        if self.tweets:
            (self.root / "x").mkdir(exist_ok=True)
            ordered = sorted(self.tweets.values(), key=lambda t: int(t["id"]))
            (self.root / "x" / "tweets.jsonl").write_text("".join(json.dumps(t) + "\n" for t in ordered), "utf-8")
            (self.root / "x" / "users.json").write_text(json.dumps(list(self.users.values()), indent=1), "utf-8")
            manifest["x"] = {"tweets": "x/tweets.jsonl", "users": "x/users.json"}
        social = socialcapture.save(self.root, self.social)
        if social:
            manifest["social"] = social
        path = self.root / "manifest.json"
        path.write_text(json.dumps(manifest, indent=1) + "\n", "utf-8")
        return path
