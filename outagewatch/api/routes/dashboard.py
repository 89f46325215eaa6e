"""The dashboard page: one HTML shell; everything else is our own static JS and CSS."""

from __future__ import annotations

from importlib import resources

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from jinja2 import Environment, select_autoescape

from outagewatch import __version__ as VERSION

router = APIRouter(include_in_schema=False)
_env = Environment(autoescape=select_autoescape(default=True, default_for_string=True))


def _template():
    text = resources.files("outagewatch.api").joinpath("templates", "dashboard.html").read_text("utf-8")
    return _env.from_string(text)


@router.get("/", response_class=HTMLResponse)
def dashboard(request: Request) -> HTMLResponse:
    settings = request.app.state.settings
    html = _template().render(version=VERSION, reads_open=settings.reads_open)
    return HTMLResponse(html, headers={"Cache-Control": "no-store"})


@router.get("/dashboard")
def dashboard_alias() -> RedirectResponse:
    return RedirectResponse("/", status_code=307)
