"""Who may do what: reads are open on loopback, writes always need the bearer token.

A token is compared in constant time and never echoed back; the server refuses to
listen beyond loopback without one, because then anyone on the network could read
(and, with writes open, change) what analysts have stored.
"""

from __future__ import annotations

import hmac
import ipaddress

from fastapi import Request

from outagewatch.api.errors import ApiError


class BindRefused(ValueError):
    """Listening on this address would expose the API without a token; the message says what to do."""


def is_loopback(host: str) -> bool:
    host = host.strip().strip("[]")
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a host name other than localhost may resolve anywhere


def check_bind(host: str, token: str | None) -> None:
    if not is_loopback(host) and not token:
        raise BindRefused(
            f"refusing to listen on {host}: the API would be open to the network without a token; "
            "set OUTAGEWATCH_API_TOKEN (or [api] token in the config), or bind to 127.0.0.1")


def _presented_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    return value.strip()


def _check(request: Request, what: str) -> None:
    settings = request.app.state.settings
    if not settings.token:
        raise ApiError(403, f"{what} is disabled: this server has no API token configured "
                            "(set OUTAGEWATCH_API_TOKEN or [api] token and restart)")
    presented = _presented_token(request)
    if presented is None:
        raise ApiError(401, f"{what} needs a bearer token: send 'Authorization: Bearer <token>'",
                       headers={"WWW-Authenticate": 'Bearer realm="outagewatch"'})
    if not hmac.compare_digest(presented.encode("utf-8"), settings.token.encode("utf-8")):
        raise ApiError(401, "the bearer token is not valid",
                       headers={"WWW-Authenticate": 'Bearer realm="outagewatch", error="invalid_token"'})


def require_write(request: Request) -> None:
    """Dependency for endpoints that change state (feedback, ingest)."""
    _check(request, "changing data")


def require_read(request: Request) -> None:
    """Dependency for read endpoints: open unless the server was told to protect reads."""
    if not request.app.state.settings.reads_open:
        _check(request, "reading data on this server")
