"""One error shape for every failure: ``{"error": "<one line a person can act on>"}``.

Bad parameters are the caller's to fix, so they are a 4xx naming the parameter; a
store that cannot answer is a 503; anything else is a bug, logged, and a 500 that
does not leak internals.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger("outagewatch.api")


class ApiError(Exception):
    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers


def error_response(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status, headers=headers)


def _describe(error: dict) -> str:
    where = [str(part) for part in error.get("loc", ()) if part not in ("query", "body", "path", "header")]
    name = ".".join(where) or "request"
    message = error.get("msg", "is not valid")
    if error.get("type") == "missing":
        return f"{name}: is required"
    if "input" in error and error.get("type") != "missing" and isinstance(error["input"], (str, int, float)):
        return f"{name}: {message} (got {str(error['input'])[:60]!r})"
    return f"{name}: {message}"


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError):
        return error_response(exc.status, exc.message, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError):
        return error_response(400, "; ".join(_describe(e) for e in exc.errors()) or "bad request")

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such endpoint: {request.method} {request.url.path}"
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}"
        return error_response(exc.status_code, message, getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception):
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return error_response(500, "internal error (logged on the server)")
