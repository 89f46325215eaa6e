"""Secrets never reach a log: one filter, on every handler, rewrites each record.

Libraries log URLs as they are (httpx's ``HTTP Request: POST https://user:pw@host/...?token=...``
at INFO), and a webhook URL's path is often its only credential. Cleaning each call site
would miss the next library; a :class:`RedactingFilter` on every handler sees every record
whatever logger made it, including its arguments and its traceback, so one place decides
what a log may show:

- ``scheme://user:password@`` becomes ``scheme://user:***@``;
- a query parameter that carries a credential (``token``, ``key``, ``sig``...) becomes ``***``;
- every configured secret (API and X tokens, the Elasticsearch password and key, each
  webhook URL and its path) becomes ``***`` wherever it appears.
"""

from __future__ import annotations

import logging
import re
from typing import Iterable
from urllib.parse import urlsplit

_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)([^/\s:@]*):([^/\s@]*)@")
_QUERY_SECRET = re.compile(
    r"(?i)([?&;](?:[a-z0-9_.-]*(?:token|secret|password|passwd|pwd|api[_-]?key|apikey|access[_-]?key|auth|"
    r"signature|sig|credential|session)[a-z0-9_.-]*|key|code)=)[^&;#\s\"'<>]+")
_MIN_SECRET = 6  # shorter "secrets" would mask ordinary words

_secrets: set[str] = set()


def add_secrets(values: Iterable[object]) -> None:
    """Mask these strings (and, for URLs, their paths and query strings) in every record."""
    for value in values:
        if value is None:
            continue
        text = value.reveal() if hasattr(value, "reveal") else str(value)
        if len(text) >= _MIN_SECRET:
            _secrets.add(text)
        try:
            parts = urlsplit(text)
        except ValueError:
            continue
        if parts.scheme and parts.netloc:
            for piece in (parts.path, parts.query, parts.path + ("?" + parts.query if parts.query else "")):
                if len(piece.strip("/")) >= _MIN_SECRET:
                    _secrets.add(piece)


def redact(text: str) -> str:
    """``text`` with every credential this module knows how to see replaced by ``***``."""
    if not text:
        return text
    for secret in sorted(_secrets, key=len, reverse=True):  # a URL before its own path
        if secret in text:
            text = text.replace(secret, "***" if not secret.startswith("/") else "/***")
    if "://" in text:
        text = _USERINFO.sub(lambda m: f"{m.group(1)}{m.group(2)}:***@", text)
    if "=" in text:
        text = _QUERY_SECRET.sub(r"\1***", text)
    return text


class RedactingFilter(logging.Filter):
    """Rewrites the record in place (message, arguments, traceback) and lets it through."""

    _formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a broken format string is logged as it is
            record.msg, record.args = redact(str(record.msg)), None
        else:
            clean = redact(message)
            if clean != message:
                record.msg, record.args = self._clean_parts(record, clean)
        if record.exc_info and not record.exc_text:
            record.exc_text = self._formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True

    @staticmethod
    def _clean_parts(record: logging.LogRecord, clean: str) -> tuple[object, tuple | None]:
        """The record's template and arguments, each redacted, when that is enough; else the
        redacted message alone. A record without secrets is never touched: some formatters
        unpack the arguments themselves (uvicorn's access log reads the client, method,
        path and status out of them)."""
        if isinstance(record.msg, str) and isinstance(record.args, tuple):
            args = tuple(a if a is None or isinstance(a, (int, float)) else redact(str(a)) for a in record.args)
            template = redact(record.msg)
            try:
                shown = template % args if args else template
            except Exception:  # noqa: BLE001 - redacting the template broke a placeholder
                shown = None
            if shown is not None and redact(shown) == shown:
                return template, args
        return clean, None


_FILTER = RedactingFilter()
# Loggers known to print URLs or to keep handlers of their own (not only the root's).
LIBRARY_LOGGERS = ("httpx", "httpcore", "uvicorn", "uvicorn.error", "uvicorn.access", "elastic_transport",
                   "elasticsearch", "urllib3", "tweepy", "scrapy", "praw", "prawcore", "atproto", "mastodon")


def install(secrets: Iterable[object] = ()) -> None:
    """Put the filter on every handler there is now (the root's and any logger's own)
    and on the library loggers themselves; call again after anything adds handlers."""
    add_secrets(secrets)
    loggers = [logging.getLogger()] + [logging.getLogger(name) for name in LIBRARY_LOGGERS]
    loggers += [item for item in logging.Logger.manager.loggerDict.values() if isinstance(item, logging.Logger)]
    handlers = [logging.lastResort] if logging.lastResort is not None else []
    for logger in loggers:
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)
        handlers.extend(logger.handlers)
    for handler in handlers:
        if _FILTER not in handler.filters:
            handler.addFilter(_FILTER)


_SECRET_KEY = re.compile(r"(?i)(token|secret|password|passwd|api_key|apikey|app_password|credential|webhook)")


def config_secrets(config) -> list[object]:
    """Every credential a :class:`~outagewatch.config.Config` holds: its ``Secret`` fields,
    any string under a key that names a credential, and each alert webhook's URL."""
    found: list[object] = [getattr(config, name, None) for name in ("api_token", "x_bearer_token", "es_password",
                                                                      "es_api_key")]

    def walk(value, key: str = "") -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, str(k))
        elif isinstance(value, list):
            for v in value:
                walk(v, key)
        elif isinstance(value, str) and _SECRET_KEY.search(key):
            found.append(value)

    walk(getattr(config, "data", {}) or {})
    for hook in ((getattr(config, "data", {}) or {}).get("alerts") or {}).get("webhooks") or []:
        found.append(hook.get("url") if isinstance(hook, dict) else hook)
    return found


def uvicorn_log_config() -> dict:
    """uvicorn's own logging configuration with the filter on each of its handlers."""
    import copy

    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config.setdefault("filters", {})["outagewatch_redact"] = {"()": RedactingFilter}
    for handler in config.get("handlers", {}).values():
        handler.setdefault("filters", []).append("outagewatch_redact")
    return config
