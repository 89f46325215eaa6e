"""What every collector shares: the source declaration, the fetch context, the outcome
of one fetch, and the errors a source can raise.

A collector is small on purpose: ``fetch(ctx)`` reads the source once, starting from the
checkpoint it is given, and returns the Signals and the checkpoint it *would* save.
Saving is the scheduler's job, and it saves only after the Signals are stored, so a
crash between the two can only make the next run fetch again (ids are stable, so fetching
again never duplicates).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Callable, Protocol

from outagewatch.signal import Signal
from outagewatch.timeutil import parse_duration

# Caps on what one fetched document may turn into, so that a hostile or broken source
# costs bounded time and store space (a 20 MB body is allowed; a million updates are not):
MAX_ITEMS = 5000        # Signals (entries, updates, events, points) from one document
MAX_NAMES = 100         # component/product names kept per update (mapping and ``raw``)



class SourceError(Exception):
    """A fetch failed. ``kind`` is a short tag for the summary; ``retry`` says whether
    trying again soon can help (timeouts and 5xx can, 401 and a malformed body cannot)."""

    kind = "error"
    retry = False

    def __init__(self, message: str, *, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class TransientError(SourceError):
    kind = "transient"
    retry = True


class TimeoutFailure(TransientError):
    kind = "timeout"


class ConnectionFailure(TransientError):
    kind = "connection"


class RateLimited(TransientError):
    kind = "rate-limited"


class ServerFailure(TransientError):
    kind = "server-error"


class StoppedFailure(SourceError):
    """The run was told to stop (SIGTERM, Ctrl-C) while this fetch was waiting."""

    kind = "stopped"


class AuthFailure(SourceError):
    kind = "auth"


class BadResponse(SourceError):
    """Malformed, empty, too large, wrong content type, redirect loop, 4xx."""

    kind = "bad-response"


class Blocked(SourceError):
    """An anti-bot, captcha or consent page stood where the content should be."""

    kind = "blocked"


@dataclass
class SourceConfig:
    """One ``[[sources]]`` entry of the config."""

    name: str
    kind: str
    url: str | None = None
    query: str | None = None
    accounts: list[str] = field(default_factory=list)
    interval: float = 300.0
    jitter: float = 0.1
    services: list[str] = field(default_factory=list)
    providers: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    options: dict[str, Any] = field(default_factory=dict)
    enabled: bool = True

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "SourceConfig":
        known = {"name", "kind", "url", "query", "accounts", "interval", "jitter", "services", "providers",
                 "regions", "enabled"}
        if not data.get("kind"):
            raise ValueError(f"source {data.get('name') or data.get('url') or '?'} has no kind")
        kind = str(data["kind"])
        name = str(data.get("name") or data.get("url") or data.get("query") or kind)
        from outagewatch.collectors.kinds import default_interval

        interval = data.get("interval", default_interval(kind))
        try:
            seconds = parse_duration(interval).total_seconds()
        except ValueError as exc:
            raise ValueError(f"source {name}: {exc}") from None
        as_list = lambda v: [v] if isinstance(v, str) else list(v or [])  # noqa: E731
        return cls(name=name, kind=kind, url=data.get("url"), query=data.get("query"),
                   accounts=as_list(data.get("accounts")), interval=seconds,
                   jitter=float(data.get("jitter", 0.1)), services=as_list(data.get("services")),
                   providers=as_list(data.get("providers")), regions=as_list(data.get("regions")),
                   enabled=bool(data.get("enabled", True)),
                   options={k: v for k, v in data.items() if k not in known})

    def implied_tags(self, signal: Signal) -> Signal:
        """Give a Signal the tags its source implies; the tagger keeps tags already set."""
        for name in ("services", "providers", "regions"):
            current = getattr(signal, name)
            for value in getattr(self, name):
                if value not in current:
                    current.append(value)
        return signal


@dataclass
class FetchContext:
    """What a collector may use: the clock's now, its checkpoint, an HTTP client, and a
    hook the capture recorder uses to keep every body served."""

    now: datetime
    checkpoint: dict[str, Any]
    http: Any = None
    record: Callable[..., None] | None = None
    settings: dict[str, Any] = field(default_factory=dict)


@dataclass
class FetchResult:
    signals: list[Signal] = field(default_factory=list)
    checkpoint: dict[str, Any] | None = None
    fetched: int = 0
    rejected: int = 0
    rejections: list[str] = field(default_factory=list)
    not_modified: bool = False
    bozo: str | None = None  # why feedparser found the feed ill-formed, when it did

    def reject(self, reason: str, count: int = 1) -> None:
        self.rejected += count
        if len(self.rejections) < 20:
            self.rejections.append(reason)

    def full(self) -> bool:
        """True once the document gave :data:`MAX_ITEMS` items; the first time, the rest
        of it is counted as one rejection (the caller stops reading it)."""
        return self.fetched >= MAX_ITEMS


class Collector(Protocol):
    source: SourceConfig

    def fetch(self, ctx: FetchContext) -> FetchResult: ...

    def close(self) -> None: ...
