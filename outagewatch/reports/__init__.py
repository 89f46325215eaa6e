"""Per-incident reports: Markdown, one self-contained HTML file (inline SVG chart, no
script, no network), or JSON.

``render(incident_id_or_dict, store, fmt)`` is the one entry point (the CLI's ``report``
command and the API's report route both call it).
"""

from __future__ import annotations

import functools
import re
from typing import Any

import jinja2
import orjson

from outagewatch.reports.chart import timeline_svg
from outagewatch.reports.data import gather

FORMATS = ("md", "html", "json")


class ReportError(LookupError):
    """The incident to report on does not exist, or the format is unknown."""


@functools.lru_cache(maxsize=2)
def _env(autoescape: bool) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.PackageLoader("outagewatch.reports", "templates"),
                             autoescape=autoescape, undefined=jinja2.StrictUndefined,
                             trim_blocks=False, lstrip_blocks=False, keep_trailing_newline=True)
    env.filters["md"] = md_escape
    return env


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#|!])")


def md_escape(text: Any) -> str:
    """Source text in Markdown stays text: no links, images, HTML or table breaks of its own."""
    return _MD_SPECIAL.sub(r"\\\1", str(text or ""))


def sparkline(values: list[int]) -> str:
    bars = "▁▂▃▄▅▆▇█"
    top = max(values) or 1
    return "".join(bars[min(7, int(v / top * 7.999))] for v in values)


def render(incident: str | dict[str, Any], store, fmt: str = "html") -> str:
    if fmt not in FORMATS:
        raise ReportError(f"unknown report format {fmt!r}; choose from {', '.join(FORMATS)}")
    if isinstance(incident, str):
        found = store.get_incident(incident)
        if found is None:
            raise ReportError(f"no incident {incident!r}; list them with `outagewatch incidents`")
        incident = found
    data = gather(incident, store)
    if fmt == "json":
        return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode() + "\n"
    context = {**data, "i": incident}
    if fmt == "html":
        context["chart"] = jinja2.utils.markupsafe.Markup(timeline_svg(incident, data["official"]))
        return _env(True).get_template("report.html.j2").render(**context)
    series = (incident.get("series") or {}).get("kinds") or {}
    lines = [f"    {kind:8} {sparkline(values)}  (max {max(values)})" for kind, values in sorted(series.items()) if any(values)]
    context["sparklines"] = "\n".join(lines) or "No chart data."
    return _env(False).get_template("report.md.j2").render(**context)


__all__ = ["render", "ReportError", "FORMATS"]
