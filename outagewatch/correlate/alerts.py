"""Alerts on an incident's open, escalate and close.

Configured in the ``[alerts]`` section::

    [alerts]
    base_url = "https://outagewatch.example.org"   # where `outagewatch serve` is reached: links
    retries = 3            # attempts after the first
    timeout = 5            # seconds per attempt
    apprise = ["msteams://...", "discord://...", "mailto://...", "ntfy://..."]   # one URL per destination
    [[alerts.webhooks]]
    url = "https://hooks.slack.com/services/..."   # every URL is a secret: never logged
    format = "slack"       # json (default) | slack | pagerduty | alertmanager
    secret = "..."         # json: sign with HMAC-SHA256 (X-Outagewatch-Signature, X-Outagewatch-Timestamp)
    routing_key = "..."    # pagerduty: the integration's routing key (url defaults to Events API v2)

What every alert says is built once (:mod:`outagewatch.correlate.alert_message`); the
shapes and the signature are in :mod:`outagewatch.correlate.destinations`. A failed
destination is logged (scheme and host only) and counted; it never stops correlation.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import httpx
from tenacity import RetryError, retry, retry_if_exception, stop_after_attempt, wait_exponential

from outagewatch.config import Secret
from outagewatch.correlate import destinations as dest
from outagewatch.correlate.alert_message import AlertMessage, build
from outagewatch.incidents import Incident

log = logging.getLogger(__name__)
FORMATS = dest.FORMATS


class AlertConfigError(ValueError):
    """The ``[alerts]`` section cannot be used; the message says which entry and why."""


@dataclass
class Webhook:
    url: Secret
    format: str = "json"
    secret: Secret | None = None  # json: HMAC-SHA256 signing key
    routing_key: Secret | None = None  # pagerduty

    @property
    def where(self) -> str:
        """Scheme and host only: the path of a webhook URL is often its credential."""
        return _where(self.url.reveal())

    def __repr__(self) -> str:
        return f"Webhook({self.where!r}, format={self.format!r})"


@dataclass
class AppriseURL:
    url: Secret

    @property
    def where(self) -> str:
        return _where(self.url.reveal())

    def __repr__(self) -> str:
        return f"AppriseURL({self.where!r})"


class _RedactSecrets(logging.Filter):
    """The HTTP libraries log whole request URLs (httpx at INFO) and apprise logs its URLs
    and payloads (at DEBUG): with ``--verbose`` a webhook's path, an apprise token or a
    topic would reach the log. This filter, on their loggers, masks every secret part of
    the configured destinations before any handler sees the record."""

    def __init__(self) -> None:
        super().__init__("outagewatch-alert-secrets")
        self.secrets: set[str] = set()

    def add_url(self, url: str) -> None:
        parts = urlsplit(url)
        pieces = [parts.path, parts.query, parts.username or "", parts.password or ""]
        pieces += [segment for segment in parts.path.split("/") if len(segment) >= 3]
        if parts.scheme not in ("http", "https"):  # apprise: tokens may sit in the host part too
            pieces.append(parts.netloc.rsplit("@", 1)[-1].split(":")[0])
        self.secrets.update(p for p in pieces if len(p) >= 3)

    def filter(self, record: logging.LogRecord) -> bool:
        if self.secrets:
            message = record.getMessage()
            for secret in sorted(self.secrets, key=len, reverse=True):
                message = message.replace(secret, "***")
            record.msg, record.args = message, None
        return True


_REDACT = _RedactSecrets()
for _name in ("httpx", "apprise"):
    logging.getLogger(_name).addFilter(_REDACT)


def _where(url: str) -> str:
    parts = urlsplit(url)
    host = parts.hostname or ""
    return f"{parts.scheme}://{host}/…" if parts.scheme in ("http", "https") else f"{parts.scheme}://…"


@dataclass
class Notifier:
    webhooks: list[Webhook]
    retries: int = 3
    timeout: float = 5.0
    backoff: float = 0.5
    base_url: str | None = None
    apprise: list[AppriseURL] = field(default_factory=list)
    sent: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)

    def __call__(self, event: str, incident: Incident) -> None:
        message = build(event, incident.to_dict(summary=True), self.base_url)
        for hook in self.webhooks:
            self._deliver(hook.where, event, incident.id, lambda hook=hook: self._post(hook, message))
        for target in self.apprise:
            self._deliver(target.where, event, incident.id,
                          lambda target=target: dest.send_apprise(target.url.reveal(), message, self.timeout))

    def _deliver(self, where: str, event: str, incident_id: str, send) -> None:
        try:
            send()
            self.sent += 1
        except Exception as exc:  # noqa: BLE001 - any failure is counted, reported, survived
            self.failed += 1
            reason = _reason(exc)
            self.errors.append(f"{where}: {reason}")
            log.warning("alert %s for incident %s to %s failed: %s", event, incident_id, where, reason)

    def _post(self, hook: Webhook, message: AlertMessage) -> None:
        body = dest.encode(dest.body_for(hook.format, message,
                                         routing_key=hook.routing_key.reveal() if hook.routing_key else None))

        @retry(stop=stop_after_attempt(self.retries + 1), wait=wait_exponential(multiplier=self.backoff, max=10),
               retry=retry_if_exception(_retryable), reraise=True)
        def attempt() -> None:
            headers = {"Content-Type": "application/json", "User-Agent": "outagewatch-alerts"}
            if hook.secret:  # signed per attempt: a retry carries a fresh timestamp
                headers.update(dest.signed_headers(hook.secret.reveal(), body))
            response = httpx.post(hook.url.reveal(), content=body, headers=headers, timeout=self.timeout)
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


def slack_message(event: str, incident: dict[str, Any], base_url: str | None = None) -> dict[str, Any]:
    """Slack's incoming-webhook shape for ``incident``'s JSON (kept for callers of the old name)."""
    return dest.slack_payload(build(event, incident, base_url))


def notifier_from_config(section: dict[str, Any] | None) -> Notifier | None:
    """A :class:`Notifier` for the ``[alerts]`` section, or None when no webhook is set."""
    section = section or {}
    hooks = []
    for i, entry in enumerate(section.get("webhooks") or []):
        if isinstance(entry, str):
            entry = {"url": entry}
        if not isinstance(entry, dict):
            raise AlertConfigError(f"alerts.webhooks[{i}] must be a table with a url")
        fmt = entry.get("format", "json")
        if fmt not in FORMATS:
            raise AlertConfigError(f"alerts.webhooks[{i}].format must be one of {', '.join(FORMATS)}, got {fmt!r}")
        url = entry.get("url") or (dest.PAGERDUTY_EVENTS_URL if fmt == "pagerduty" else None)
        if not url:
            raise AlertConfigError(f"alerts.webhooks[{i}] needs a url")
        if urlsplit(str(url)).scheme not in ("http", "https"):
            raise AlertConfigError(f"alerts.webhooks[{i}].url must be an http(s) URL (other schemes: alerts.apprise)")
        if fmt == "pagerduty" and not entry.get("routing_key"):
            raise AlertConfigError(f"alerts.webhooks[{i}] (pagerduty) needs a routing_key")
        if entry.get("secret") is not None and (fmt != "json" or not str(entry["secret"])):
            raise AlertConfigError(f"alerts.webhooks[{i}].secret signs a json webhook and must not be empty")
        hooks.append(Webhook(Secret(str(url)), fmt,
                             secret=Secret(str(entry["secret"])) if entry.get("secret") else None,
                             routing_key=Secret(str(entry["routing_key"])) if entry.get("routing_key") else None))
    urls = section.get("apprise") or []
    if isinstance(urls, str):
        urls = [urls]
    if not isinstance(urls, list) or not all(isinstance(u, str) and "://" in u for u in urls):
        raise AlertConfigError("alerts.apprise must be a list of apprise URLs (scheme://...)")
    if urls:
        from outagewatch.extras import MissingExtra, require

        try:
            require("apprise")
        except MissingExtra as exc:
            raise AlertConfigError(f"alerts.apprise: {exc}") from None
    base_url = section.get("base_url")
    if base_url is not None and (not isinstance(base_url, str) or urlsplit(base_url).scheme not in ("http", "https")):
        raise AlertConfigError("alerts.base_url must be the http(s) URL where `outagewatch serve` is reached")
    if not hooks and not urls:
        return None
    for hook in hooks:
        _REDACT.add_url(hook.url.reveal())
        _REDACT.secrets.update(s.reveal() for s in (hook.secret, hook.routing_key) if s)
    for url in urls:
        _REDACT.add_url(url)
    return Notifier(hooks, retries=int(section.get("retries", 3)), timeout=float(section.get("timeout", 5.0)),
                    base_url=base_url, apprise=[AppriseURL(Secret(u)) for u in urls])

