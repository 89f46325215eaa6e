"""Per-incident reports: Markdown, one self-contained HTML file (inline SVG chart, no
script, no network), or JSON.

``render(incident_id_or_dict, store, fmt)`` is the one entry point (the CLI's ``report``
command and the API's report route both call it).
"""

from __future__ import annotations

import functools
import re
from datetime import timedelta
from typing import Any

import jinja2
import orjson

from outagewatch.incidents import Incident
from outagewatch.incidents import get as get_incident
from outagewatch.reports import fmt
from outagewatch.reports.chart import ORDER, timeline_svg
from outagewatch.reports.data import gather
from outagewatch.timeutil import parse_time

FORMATS = ("md", "html", "json")


class ReportError(LookupError):
    """The incident to report on does not exist, or the format is unknown."""


@functools.lru_cache(maxsize=2)
def _env(autoescape: bool) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.PackageLoader("outagewatch.reports", "templates"),
                             autoescape=autoescape, undefined=jinja2.StrictUndefined,
                             trim_blocks=False, lstrip_blocks=False, keep_trailing_newline=True)
    env.filters["md"] = md_escape
    env.filters.update(when=fmt.when, times=fmt.times_in, duration=fmt.duration, minutes=fmt.minutes,
                       confidence=fmt.confidence, short_id=fmt.short_id, count=fmt.count)
    return env


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#|!])")


def md_escape(text: Any) -> str:
    """Source text in Markdown stays text: no links, images, HTML or table breaks of its own."""
    return _MD_SPECIAL.sub(r"\\\1", str(text or ""))


SPARK_WIDTH = 60


def sparkline(values: list[int], width: int = SPARK_WIDTH) -> str:
    """One text line per kind; long series are folded to ``width`` columns by their maximum,
    so a day-long outage still fits a Markdown viewer without hiding its peak."""
    bars = "▁▂▃▄▅▆▇█"
    per = max(1, -(-len(values) // width))
    folded = [max(values[i:i + per]) for i in range(0, len(values), per)]
    top = max(folded) or 1
    return "".join(bars[min(7, int(v / top * 7.999))] for v in folded)


def _sparklines(incident: dict[str, Any]) -> str:
    series = incident.get("series") or {}
    kinds = {k: v for k, v in (series.get("kinds") or {}).items() if any(v)}
    if not kinds:
        return "No chart data."
    size = max(len(v) for v in kinds.values())
    per = max(1, -(-size // SPARK_WIDTH))
    start = series["start"]
    end = parse_time(start) + timedelta(seconds=series["interval"] * size)
    lines = [f"    {kind:8} {sparkline(kinds[kind])}  max {fmt.count(max(kinds[kind]), fmt.UNITS.get(kind, 'signals'))}"
             f" / {series['interval'] // 60} min"
             for kind in [k for k in ORDER if k in kinds] + sorted(set(kinds) - set(ORDER))]
    return (f"{fmt.when(start)} to {fmt.when(end)}, one column per {per * series['interval'] // 60} min,"
            " each line on its own scale:\n\n" + "\n".join(lines))


def render(incident: str | Incident, store, fmt: str = "html") -> str:
    """The report of ``incident`` (or of the incident with that id) in ``fmt``."""
    if fmt not in FORMATS:
        raise ReportError(f"unknown report format {fmt!r}; choose from {', '.join(FORMATS)}")
    if isinstance(incident, str):
        found = get_incident(store, incident)
        if found is None:
            raise ReportError(f"no incident {incident!r}; list them with `outagewatch incidents`")
        incident = found
    data = gather(incident, store)
    if fmt == "json":
        return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode() + "\n"
    context = {**data, "i": incident}
    if fmt == "html":
        context["chart"] = jinja2.utils.markupsafe.Markup(timeline_svg(data["incident"], data["official"]))
        return _env(True).get_template("report.html.j2").render(**context)
    context["sparklines"] = _sparklines(data["incident"])
    return _env(False).get_template("report.md.j2").render(**context)


__all__ = ["render", "ReportError", "FORMATS"]
