"""The analysts' HTTP API and dashboard page, served by one FastAPI app.

``create_app(store, ...)`` builds the app around a store the caller opened (and
closes); ``outagewatch serve`` is the command that runs it under uvicorn.
"""

from outagewatch.api.app import ApiSettings, create_app
from outagewatch.api.auth import BindRefused, check_bind, is_loopback

__all__ = ["create_app", "ApiSettings", "check_bind", "is_loopback", "BindRefused"]
