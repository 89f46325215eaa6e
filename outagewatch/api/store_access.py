"""Calling the store from a request: its own errors become API errors, not 500s.

A ``ValueError`` from the store is the caller's bad input (a stale cursor, an interval
that does not divide a day); anything else means the store cannot answer right now.
"""

from __future__ import annotations

import logging
from typing import Callable, TypeVar

from outagewatch.api.errors import ApiError

T = TypeVar("T")
log = logging.getLogger("outagewatch.api")


def store_call(call: Callable[[], T], *, bad_input_prefix: str | None = None) -> T:
    try:
        return call()
    except ApiError:
        raise
    except ValueError as exc:
        message = str(exc)
        if bad_input_prefix and not message.startswith(bad_input_prefix):
            message = f"{bad_input_prefix}: {message}"
        raise ApiError(400, message) from None
    except Exception as exc:  # noqa: BLE001 - each backend raises its own connection errors
        log.warning("store call failed: %s", type(exc).__name__, exc_info=True)
        raise ApiError(503, f"the store cannot answer right now ({type(exc).__name__}); try again") from None
