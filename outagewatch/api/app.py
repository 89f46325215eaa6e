"""Building the FastAPI app: settings, routers, error shape, security headers.

The app gets an open store from its caller and never opens one itself, so tests,
``outagewatch serve`` and an embedding program decide which engine it reads.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from importlib import resources
from typing import Any, Callable, Iterable

from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles

from outagewatch import __version__
from outagewatch.api.errors import ApiError, error_response, install_error_handlers

# Our own page only talks to its own origin; no inline script, no CDN, nothing framed.
DASHBOARD_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                 "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")

DESCRIPTION = """\
Search outage chatter, follow incidents and their likely common cause, read reports.

Read endpoints are open on a loopback address; endpoints that change state (feedback,
ingest) need `Authorization: Bearer <token>` with the token from `OUTAGEWATCH_API_TOKEN`
or `[api] token`. Every error is `{"error": "<message>"}` with a 4xx or 5xx status.
"""


@dataclass(frozen=True)
class ApiSettings:
    token: str | None = None
    reads_open: bool = True

    def __repr__(self) -> str:  # the token never shows up in logs or tracebacks
        return f"ApiSettings(token={'***' if self.token else None}, reads_open={self.reads_open})"


def create_app(store: Any, *, token: str | None = None, reads_open: bool = True,
               tagger: Callable[[], Any] | None = None, nlp_settings: dict | None = None,
               after_batch: Callable[..., Any] | None = None,
               allowed_hosts: Iterable[str] | None = None) -> FastAPI:
    """The app around ``store``. ``token`` may be a :class:`~outagewatch.config.Secret`.

    ``reads_open=False`` makes read endpoints need the token too (``serve`` does that
    when it listens beyond loopback, unless told the data is public). ``after_batch`` is
    the correlation-and-alert step run after each ingest request that stored something
    (:class:`outagewatch.correlate.AfterBatch`; None: incidents are not updated here).

    ``allowed_hosts``: the only ``Host`` header values answered (``serve`` passes the
    loopback names when it listens on loopback): a web page that rebinds its own DNS name
    to 127.0.0.1 sends its name as the Host, and gets a 421 instead of the open reads.
    """
    secret = token.reveal() if hasattr(token, "reveal") else token
    if not reads_open and not secret:
        raise ValueError("protecting reads needs an API token")
    app = FastAPI(title="outagewatch", version=__version__, description=DESCRIPTION,
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json")
    app.state.store = store
    app.state.settings = ApiSettings(token=secret or None, reads_open=reads_open)
    app.state.tagger = tagger or _lazy_tagger(nlp_settings)
    app.state.after_batch = after_batch
    install_error_handlers(app)

    from outagewatch.api.routes import accountability, dashboard, incident_views, incidents, meta, signals

    for module in (meta, signals, incidents, incident_views, accountability, dashboard):
        app.include_router(module.router)
    static = resources.files("outagewatch.api").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")

    if allowed_hosts is not None:
        allowed = {h.lower() for h in allowed_hosts}

        @app.middleware("http")
        async def _host_check(request: Request, call_next):
            host = _host_name(request.headers.get("host", ""))
            if host not in allowed:
                return error_response(421, f"this server does not answer for the host {host[:60]!r}")
            return await call_next(request)

    app.openapi = lambda: _openapi(app)

    @app.middleware("http")
    async def _security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Content-Security-Policy", DASHBOARD_CSP)
        return response

    return app


LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


def _host_name(header: str) -> str:
    """The host of a Host header without its port: ``[::1]:8000`` -> ``::1``."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].split("]", 1)[0]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def _openapi(app: FastAPI) -> dict[str, Any]:
    """FastAPI's schema, saying what the API really answers: a bad parameter is a 400
    with ``{"error": ...}`` (our handler), never FastAPI's 422 validation body."""
    if app.openapi_schema:
        return app.openapi_schema
    from fastapi.openapi.utils import get_openapi

    schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
    error = {"description": "Bad request: the message names the parameter or line",
             "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            responses = operation.get("responses", {})
            if responses.pop("422", None) is not None or operation.get("parameters") or operation.get("requestBody"):
                responses.setdefault("400", error)
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    for unused in ("HTTPValidationError", "ValidationError"):
        components.pop(unused, None)
    components["Error"] = {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}}
    app.openapi_schema = schema
    return schema


def _lazy_tagger(nlp_settings: dict | None = None) -> Callable[[], Any]:
    """Load spaCy's tagger on the first ingest that asks for tagging, once (with the ``[nlp]``
    settings the entry point passed)."""
    lock = threading.Lock()
    loaded: list[Any] = []

    def get():
        with lock:
            if not loaded:
                try:
                    from outagewatch.pipeline import default_tagger

                    loaded.append(default_tagger(nlp_settings))
                except Exception as exc:  # noqa: BLE001 - missing model, missing module...
                    raise ApiError(503, f"cannot load the tagger ({type(exc).__name__}: {exc}); "
                                        "send tag=false to store the signals as they are") from None
            return loaded[0]

    return get
