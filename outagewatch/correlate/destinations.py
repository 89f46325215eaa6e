"""Where alerts go, and in which shape. One :class:`AlertMessage` is formatted for:

- ``slack``: a Slack incoming webhook (any URL, so a Slack-compatible receiver works too);
- ``pagerduty``: PagerDuty Events API v2 (trigger on open/escalate, resolve on close, the
  incident id as ``dedup_key`` so escalations update one PagerDuty incident);
- ``alertmanager``: the JSON an Alertmanager webhook receiver gets (Keep, Grafana OnCall
  and other tools accept it);
- ``json``: a generic JSON webhook, signed with HMAC-SHA256 when it has a ``secret``;
- ``apprise``: any apprise URL (``msteams://``, ``discord://``, ``opsgenie://``,
  ``mailto://``, ``ntfy://``, ``slack://``, ``pagerduty://`` ...), one URL per destination.

Slack and PagerDuty have native senders because on-call use needs what apprise's generic
notify cannot express (PagerDuty's dedup key and resolve, link fields) and because their
endpoint is then a URL the operator chooses, not one fixed inside a plugin.

Signed webhook: headers ``X-Outagewatch-Timestamp`` (Unix seconds) and
``X-Outagewatch-Signature: sha256=<hex>``, the HMAC-SHA256 of ``<timestamp>.<body>`` with
the shared secret; :func:`verify` is the receiving side (docs show it standalone).
"""

from __future__ import annotations

import hashlib
import hmac
import time
from typing import Any

import orjson

from outagewatch.correlate.alert_message import AlertMessage

FORMATS = ("json", "slack", "pagerduty", "alertmanager")
SIGNATURE_HEADER = "X-Outagewatch-Signature"
TIMESTAMP_HEADER = "X-Outagewatch-Timestamp"
PAGERDUTY_EVENTS_URL = "https://events.pagerduty.com/v2/enqueue"
ZERO_TIME = "0001-01-01T00:00:00Z"  # Alertmanager's "no end yet"


def slack_payload(msg: AlertMessage) -> dict[str, Any]:
    """Slack's incoming-webhook shape: ``text`` (the fallback, plain) and blocks with links."""
    def esc(text: str) -> str:
        return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    body = [f"*{esc(msg.headline)}*", f"*Evidence:* {esc(msg.evidence_level)}"
            + (f" · {esc(msg.status)}" if msg.status else "")]
    if msg.likely_cause:
        body.append(f"*Likely cause:* {esc(msg.likely_cause)}")
    body.append(f"*Lead time:* {esc(msg.lead_time)}")
    link_line = " · ".join(f"<{url}|{label}>" for url, label in ((msg.report_url, "Report"),
                                                                    (msg.dashboard_url, "Dashboard")) if url)
    if link_line:
        body.append(link_line)
    return {"text": msg.text(), "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "\n".join(body)}}]}


def pagerduty_payload(msg: AlertMessage, routing_key: str) -> dict[str, Any]:
    event: dict[str, Any] = {"routing_key": routing_key, "event_action": "resolve" if msg.resolved else "trigger",
                             "dedup_key": f"outagewatch-{msg.incident_id}"}
    if msg.resolved:
        return event
    cause = msg.cause
    event["payload"] = {
        "summary": msg.headline[:1024], "source": "outagewatch", "severity": msg.severity,
        "timestamp": msg.detected_at or msg.started_at, "component": cause.get("service") or None,
        "group": cause.get("region") or cause.get("provider") or None, "class": "outage",
        "custom_details": {"evidence_level": msg.evidence_level, "likely_cause": msg.likely_cause,
                           "lead_time": msg.lead_time, "services": list(msg.services), "incident_id": msg.incident_id}}
    event["payload"] = {k: v for k, v in event["payload"].items() if v is not None}
    event["links"] = [{"href": url, "text": text} for url, text in ((msg.report_url, "Incident report"),
                                                                    (msg.dashboard_url, "Dashboard")) if url]
    event["client"] = "outagewatch"
    if msg.dashboard_url:
        event["client_url"] = msg.dashboard_url
    return event


def alertmanager_payload(msg: AlertMessage, receiver: str = "outagewatch") -> dict[str, Any]:
    """The body an Alertmanager webhook receiver gets (``version`` 4), one alert per incident."""
    status = "resolved" if msg.resolved else "firing"
    labels = {"alertname": "OutageIncident", "incident": msg.incident_id, "severity": msg.severity,
              "evidence": msg.evidence_level}
    for key in ("service", "provider", "region"):
        if msg.cause.get(key):
            labels[key] = str(msg.cause[key])
    annotations = {"summary": msg.headline, "description": "\n".join(msg.lines()), "lead_time": msg.lead_time}
    if msg.likely_cause:
        annotations["likely_cause"] = msg.likely_cause
    if msg.report_url:
        annotations["report_url"] = msg.report_url
    if msg.dashboard_url:
        annotations["dashboard_url"] = msg.dashboard_url
    alert = {"status": status, "labels": labels, "annotations": annotations,
             "startsAt": msg.started_at or msg.detected_at or ZERO_TIME,
             "endsAt": msg.ended_at if msg.resolved and msg.ended_at else ZERO_TIME,
             "generatorURL": msg.dashboard_url or "",
             "fingerprint": hashlib.blake2b(msg.incident_id.encode(), digest_size=8).hexdigest()}
    return {"version": "4", "groupKey": f'{{}}:{{incident="{msg.incident_id}"}}', "truncatedAlerts": 0,
            "status": status, "receiver": receiver, "groupLabels": {"incident": msg.incident_id},
            "commonLabels": labels, "commonAnnotations": annotations,
            "externalURL": msg.dashboard_url.split("/#", 1)[0] if msg.dashboard_url else "", "alerts": [alert]}


def json_payload(msg: AlertMessage) -> dict[str, Any]:
    """The generic webhook: the message's fields, and the incident's JSON whole."""
    return {"event": msg.event, "alert": msg.to_dict(), "incident": msg.incident}


def body_for(fmt: str, msg: AlertMessage, *, routing_key: str | None = None) -> dict[str, Any]:
    if fmt == "slack":
        return slack_payload(msg)
    if fmt == "pagerduty":
        return pagerduty_payload(msg, routing_key or "")
    if fmt == "alertmanager":
        return alertmanager_payload(msg)
    return json_payload(msg)


def encode(body: dict[str, Any]) -> bytes:
    return orjson.dumps(body)


def signature(secret: str, timestamp: str, body: bytes) -> str:
    mac = hmac.new(secret.encode("utf-8"), timestamp.encode("ascii") + b"." + body, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


def signed_headers(secret: str, body: bytes, now: float | None = None) -> dict[str, str]:
    timestamp = str(int(time.time() if now is None else now))
    return {TIMESTAMP_HEADER: timestamp, SIGNATURE_HEADER: signature(secret, timestamp, body)}


def verify(secret: str, headers: dict[str, str], body: bytes, *, tolerance: float = 300,
           now: float | None = None) -> bool:
    """The receiver's check: the signature matches and the timestamp is recent (a replayed
    request older than ``tolerance`` seconds is refused)."""
    lower = {k.lower(): v for k, v in headers.items()}
    timestamp = lower.get(TIMESTAMP_HEADER.lower(), "")
    given = lower.get(SIGNATURE_HEADER.lower(), "")
    if not timestamp.isdigit() or abs((time.time() if now is None else now) - int(timestamp)) > tolerance:
        return False
    return hmac.compare_digest(given, signature(secret, timestamp, body))


def send_apprise(url: str, msg: AlertMessage, timeout: float) -> None:
    """Deliver through apprise; ``RuntimeError`` (no URL text in it) when it could not."""
    import apprise

    sender = apprise.Apprise()
    if not sender.add(url):
        raise RuntimeError("apprise does not accept this URL")
    for server in sender:
        server.socket_read_timeout = timeout
        server.socket_connect_timeout = timeout
    body = "\n".join(msg.lines())
    if not sender.notify(title=msg.headline, body=body, body_format=apprise.NotifyFormat.TEXT):
        raise RuntimeError("apprise could not deliver")
