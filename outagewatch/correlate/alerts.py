"""Webhook alerts on an incident's open, escalate and close.

Configured in the ``[alerts]`` section::

    [alerts]
    retries = 3            # attempts after the first
    timeout = 5            # seconds per attempt
    [[alerts.webhooks]]
    url = "https://hooks.slack.com/services/..."   # a Slack URL is a secret: never logged
    format = "slack"       # or "json": {"event": ..., "incident": <the incident's JSON, without its chart>}

A failed webhook is logged (host only) and counted; it never stops correlation.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import httpx
from tenacity import RetryError, retry, retry_if_exception, stop_after_attempt, wait_exponential

from outagewatch.config import Secret
from outagewatch.incidents import Incident

log = logging.getLogger(__name__)
FORMATS = ("json", "slack")
EVENT_WORDS = {"open": "New incident", "escalate": "Incident escalated", "close": "Incident closed"}


class AlertConfigError(ValueError):
    """The ``[alerts]`` section cannot be used; the message says which entry and why."""


@dataclass
class Webhook:
    url: Secret
    format: str = "json"

    @property
    def where(self) -> str:
        """Scheme and host only: the path of a webhook URL is often its credential."""
        parts = urlsplit(self.url.reveal())
        return f"{parts.scheme}://{parts.netloc}/…"


@dataclass
class Notifier:
    webhooks: list[Webhook]
    retries: int = 3
    timeout: float = 5.0
    backoff: float = 0.5
    sent: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)

    def __call__(self, event: str, incident: Incident) -> None:
        data = incident.to_dict(summary=True)
        for hook in self.webhooks:
            body = slack_message(event, data) if hook.format == "slack" else {"event": event, "incident": data}
            try:
                self._post(hook, body)
                self.sent += 1
            except Exception as exc:  # noqa: BLE001 - any failure is counted, reported, survived
                self.failed += 1
                reason = _reason(exc)
                self.errors.append(f"{hook.where}: {reason}")
                log.warning("alert %s for incident %s to %s failed: %s", event, incident.id, hook.where, reason)

    def _post(self, hook: Webhook, body: dict[str, Any]) -> None:
        @retry(stop=stop_after_attempt(self.retries + 1), wait=wait_exponential(multiplier=self.backoff, max=10),
               retry=retry_if_exception(_retryable), reraise=True)
        def attempt() -> None:
            response = httpx.post(hook.url.reveal(), json=body, timeout=self.timeout)
            response.raise_for_status()

        attempt()


def _retryable(exc: BaseException) -> bool:
    if isinstance(exc, httpx.HTTPStatusError):
        return exc.response.status_code >= 500 or exc.response.status_code == 429
    return isinstance(exc, httpx.TransportError)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, RetryError):
        exc = exc.last_attempt.exception() or exc
    if isinstance(exc, httpx.HTTPStatusError):
        return f"HTTP {exc.response.status_code}"
    return type(exc).__name__


def slack_message(event: str, incident: dict[str, Any]) -> dict[str, Any]:
    """Slack's incoming-webhook shape: ``text`` (fallback) and blocks, from the incident's JSON."""
    cause = incident.get("common_cause") or {}
    where = " ".join(x for x in (cause.get("provider"), cause.get("region")) if x)
    lines = [f"*{EVENT_WORDS.get(event, event)}*: {_slack_escape(incident.get('title', ''))}",
             f"evidence: {incident.get('evidence_level')} · detected {incident.get('detected_at')}"
             + (f" · ended {incident['ended_at']}" if incident.get("ended_at") else "")]
    if where:
        lines.append(f"likely cause: {_slack_escape(where)} (confidence {cause.get('confidence')})")
    if incident.get("lead_minutes") is not None:
        lines.append(f"ahead of the official status by {incident['lead_minutes']} min")
    text = "\n".join(lines)
    return {"text": text, "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": text}}]}


def _slack_escape(text: str) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def notifier_from_config(section: dict[str, Any] | None) -> Notifier | None:
    """A :class:`Notifier` for the ``[alerts]`` section, or None when no webhook is set."""
    section = section or {}
    hooks = []
    for i, entry in enumerate(section.get("webhooks") or []):
        if isinstance(entry, str):
            entry = {"url": entry}
        if not isinstance(entry, dict) or not entry.get("url"):
            raise AlertConfigError(f"alerts.webhooks[{i}] needs a url")
        fmt = entry.get("format", "json")
        if fmt not in FORMATS:
            raise AlertConfigError(f"alerts.webhooks[{i}].format must be one of {', '.join(FORMATS)}, got {fmt!r}")
        if urlsplit(str(entry["url"])).scheme not in ("http", "https"):
            raise AlertConfigError(f"alerts.webhooks[{i}].url must be an http(s) URL")
        hooks.append(Webhook(Secret(str(entry["url"])), fmt))
    if not hooks:
        return None
    return Notifier(hooks, retries=int(section.get("retries", 3)), timeout=float(section.get("timeout", 5.0)))

