"""The timeline chart as inline SVG small multiples: one lane per source kind, each on its
own scale, over one shared UTC time axis, with detection, the cause being named and the
official updates marked across every lane.

One lane per kind because the units differ by orders of magnitude (thousands of user
reports per bucket against a handful of posts or status updates): on one axis everything
but the reports is a flat line at zero. Drawn here rather than by a charting library so
the HTML report stays one file with no script and no network; every label is escaped.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from html import escape
from typing import Any

from outagewatch.reports.fmt import UNITS, count, when
from outagewatch.timeutil import parse_time

COLORS = {"social": "#1d9bf0", "reports": "#d9480f", "news": "#2b8a3e", "status": "#6741d9"}
ORDER = ("reports", "social", "news", "status")
MARKS = {"detected": "#c92a2a", "cause named": "#e67700", "official update": "#6741d9"}
_W, _LEFT, RIGHT, _TOP, _LANE, _GAP, _AXIS, _LEGEND = 900, 140, 16, 66, 64, 10, 44, 26
W = _W
# Tick spacings a reader expects, in minutes; the first giving at most ~9 ticks wins.
STEPS = (5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080)


def _held(values: list[int], interval: int) -> list[int]:
    """A report page counts 15 minutes: draw it held, not as a comb."""
    hold = max(1, 900 // interval)
    return [max(values[max(0, i - hold + 1):i + 1]) if v == 0 else v for i, v in enumerate(values)]


def _ticks(start: datetime, end: datetime, most: int = 9) -> list[datetime]:
    span = (end - start).total_seconds() / 60
    step = next((s for s in STEPS if span / s <= most), STEPS[-1])
    midnight = start.replace(hour=0, minute=0, second=0, microsecond=0)
    first = midnight + timedelta(minutes=step * -(-((start - midnight).total_seconds() / 60) // step))
    out, t = [], first
    while t <= end:
        out.append(t)
        t += timedelta(minutes=step)
    return out


def _span(px: float, width: float, anchor: str) -> tuple[float, float]:
    return (px + 3, px + 3 + width) if anchor == "start" else (px - 3 - width, px - 3)


def timeline_svg(incident: dict[str, Any], official: list[dict[str, Any]], *, compact: bool = False) -> str:
    """The report's timeline; ``compact`` is the same chart small enough for a list of incidents
    (thin lanes, no callouts, no legend), as the dashboard shows it beside each incident."""
    W, LEFT, TOP, LANE, GAP, AXIS, LEGEND = (420, 66, 6, 24, 4, 20, 0) if compact else (_W, _LEFT, _TOP, _LANE, _GAP, _AXIS, _LEGEND)
    series = incident.get("series") or {}
    kinds = {k: list(v) for k, v in (series.get("kinds") or {}).items() if any(v)}
    if not kinds:
        return ('<svg xmlns="http://www.w3.org/2000/svg" class="timeline empty" viewBox="0 0 600 40" width="100%" role="img">'
                '<text x="8" y="24" class="ink">no chart data</text></svg>')
    step = int(series["interval"])
    if "reports" in kinds:
        kinds["reports"] = _held(kinds["reports"], step)
    lanes = [k for k in ORDER if k in kinds] + sorted(k for k in kinds if k not in ORDER)
    start = parse_time(series["start"])
    n = max(len(v) for v in kinds.values())
    end = start + timedelta(seconds=step * n)
    plot_w = W - LEFT - RIGHT
    bottom = TOP + len(lanes) * (LANE + GAP) - GAP
    height = bottom + AXIS + LEGEND

    def x_at(moment: datetime) -> float:
        return LEFT + plot_w * (moment - start).total_seconds() / (end - start).total_seconds()

    def inside(moment: datetime) -> bool:
        return start <= moment <= end

    multi_day = start.date() != (end - timedelta(seconds=1)).date()
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline{" compact" if compact else ""}"'
           f' viewBox="0 0 {W} {height}" width="100%" role="img"'
           f' font-family="system-ui,sans-serif" aria-label="Signals per {step // 60} minutes, one lane per source'
           f' kind, each on its own scale">']
    if not compact:
        out.append(f'<text class="muted" x="{LEFT}" y="14" font-size="12" fill="#57606a">{escape(when(start))} to'
                   f' {escape(when(end))} · counts per {step // 60} min, each lane on its own scale</text>')

    ticks = _ticks(start, end, 5 if compact else 9)
    for tick in ticks:  # grid first, so lanes and marks draw over it
        out.append(f'<line x1="{x_at(tick):.1f}" x2="{x_at(tick):.1f}" y1="{TOP}" y2="{bottom}" stroke="#eceef1" class="grid"/>')

    for index, kind in enumerate(lanes):
        values, color = kinds[kind], COLORS.get(kind, "#495057")
        top = max(values) or 1
        y0 = TOP + index * (LANE + GAP)

        def y(value: float, y0: int = y0, top: int = top) -> float:
            return y0 + LANE - (LANE - 4) * value / top

        out.append(f'<g class="lane" data-kind="{escape(kind)}" data-max="{top}">'
                   f'<rect class="lane-bg" x="{LEFT}" y="{y0}" width="{plot_w}" height="{LANE}" fill="#fafbfc" stroke="#dde1e6"/>')
        if compact:
            out.append(f'<text x="{LEFT - 6}" y="{y0 + 10}" text-anchor="end" font-size="10" font-weight="600"'
                       f' fill="{color}">{escape(kind)}</text>'
                       f'<text class="lane-max" x="{LEFT - 6}" y="{y0 + 21}" text-anchor="end" font-size="9"'
                       f' fill="#57606a">max {top:,}</text>')
        else:
            out.append(
                   f'<text x="{LEFT - 8}" y="{y0 + 16}" text-anchor="end" font-size="12" font-weight="600"'
                   f' fill="{color}">{escape(kind)}</text>'
                   f'<text class="muted" x="{LEFT - 8}" y="{y0 + 29}" text-anchor="end" font-size="10" fill="#57606a">'
                   f'{escape(UNITS.get(kind, "signals"))} / {step // 60} min</text>'
                   f'<text class="lane-max" x="{LEFT - 8}" y="{y0 + 42}" text-anchor="end" font-size="10"'
                   f' fill="#57606a">max {escape(count(top, UNITS.get(kind, "signals")))}</text>'
                   f'<text class="muted" x="{LEFT - 8}" y="{y0 + LANE}" text-anchor="end" font-size="10" fill="#57606a">0</text>')
        width = plot_w / n
        if kind in ("reports", "social"):
            points = [f"{LEFT + width * (i + 0.5):.1f},{y(v):.1f}" for i, v in enumerate(values)]
            out.append(f'<polygon fill="{color}" fill-opacity="0.15" points="{LEFT + width * 0.5:.1f},{y0 + LANE} '
                       f'{" ".join(points)} {LEFT + width * (len(values) - 0.5):.1f},{y0 + LANE}"/>'
                       f'<polyline fill="none" stroke="{color}" stroke-width="1.6" points="{" ".join(points)}"/>')
        else:  # a few discrete items: bars say "this many in this bucket" better than a line
            for i, v in enumerate(values):
                if v:
                    out.append(f'<rect x="{LEFT + width * i:.1f}" y="{y(v):.1f}" width="{max(width, 2):.1f}"'
                               f' height="{y0 + LANE - y(v):.1f}" fill="{color}"/>')
        out.append("</g>")

    marks = [(label, parse_time(update["at"]), MARKS["official update"], "3 3",
              f"official update: {update.get('status') or 'update'} · {update.get('source') or ''} · {when(update['at'])}")
             for update in official for label in ("official update",)]
    named = incident.get("common_cause_named_at")
    first_official = parse_time(incident["first_official_at"]) if incident.get("first_official_at") else None
    if named:
        marks.append(("cause named", parse_time(named), MARKS["cause named"], "6 3", None))
    marks.append(("detected", parse_time(incident["detected_at"]), MARKS["detected"], "", None))  # on top
    for label, moment, color, dash, title in marks:
        if not inside(moment):
            continue
        px = x_at(moment)
        tip = escape(title or f"{label} {when(moment)}")
        reach = TOP - 34 if not compact and (label != "official update" or moment == first_official) else TOP
        out.append(f'<line x1="{px:.1f}" x2="{px:.1f}" y1="{reach}" y2="{bottom}" stroke="{color}" stroke-width="1.3"'
                   + (f' stroke-dasharray="{dash}"' if dash else "") + f'><title>{tip}</title></line>')
    # Callouts above the lanes for the moments a reader looks for; same-minute ones share a label.
    callouts: dict[datetime, list[str]] = {}
    for label, moment in (("detected", incident["detected_at"]), ("cause named", named),
                          ("first official", incident.get("first_official_at"))):
        if moment and inside(parse_time(moment)):
            callouts.setdefault(parse_time(moment).replace(second=0, microsecond=0), []).append(label)
    taken: list[list[tuple[float, float]]] = [[], [], []]  # per row, the x spans already labelled
    for index, (moment, labels) in enumerate([] if compact else sorted(callouts.items())):
        px = x_at(moment)
        text = f'{" · ".join(labels)} {when(moment, date=False)}'
        width = 6.3 * len(text) + 4  # 11 px system-ui, a little generous
        # Right of the line if it fits, else left of it; the first row where it overlaps nothing.
        choices = [(row, side) for side in ("start", "end") for row in (0, 1, 2)]
        row, side = next(((r, a) for r, a in choices
                          if (span := _span(px, width, a)) and 0 <= span[0] and span[1] <= W
                          and all(span[1] < lo or span[0] > hi for lo, hi in taken[r])), (index % 3, "start"))
        taken[row].append(_span(px, width, side))
        dx = 3 if side == "start" else -3
        out.append(f'<text x="{px + dx:.1f}" y="{TOP - 34 + 12 * row}" text-anchor="{side}" font-size="11"'
                   f' fill="#1f2328" class="ink">{escape(text)}</text>')

    last_day = None
    for tick in ticks:
        px = x_at(tick)
        out.append(f'<line x1="{px:.1f}" x2="{px:.1f}" y1="{bottom}" y2="{bottom + 4}" stroke="#57606a"/>'
                   f'<text class="ink tick" x="{px:.1f}" y="{bottom + (14 if compact else 16)}" text-anchor="middle"'
                   f' font-size="{10 if compact else 11}">{tick:%H:%M}</text>')
        if multi_day and not compact and tick.date() != last_day:
            # a date at either edge is anchored inside the chart, never cut off
            anchor, dx = ("end", 0) if px > W - 40 else ("start", 0) if px < LEFT + 10 else ("middle", 0)
            out.append(f'<text class="muted" x="{min(px, W - 2):.1f}" y="{bottom + 29}" text-anchor="{anchor}"'
                       f' font-size="10" font-weight="600" fill="#57606a">{tick:%d %b %Y}</text>')
            last_day = tick.date()
    if compact:
        out.append("</svg>")  # a list item says its dates in words; no legend either
        return "".join(out)
    if not multi_day:
        out.append(f'<text class="muted" x="{LEFT}" y="{bottom + 29}" font-size="10" font-weight="600" fill="#57606a">'
                   f'{start:%d %b %Y}</text>')
    # in the lane-label gutter, left of the axis, where no tick or date can run into it
    out.append(f'<text class="muted" x="{LEFT - 8}" y="{bottom + 29}" text-anchor="end" font-size="11" fill="#57606a">'
               'time (UTC)</text>')

    lx, ly = LEFT, height - 9
    for label, color in [(k, COLORS.get(k, "#495057")) for k in lanes] + list(MARKS.items()):
        swatch = (f'<rect x="{lx}" y="{ly - 9}" width="10" height="10" fill="{color}"/>' if label in kinds else
                  f'<line x1="{lx}" x2="{lx + 12}" y1="{ly - 4}" y2="{ly - 4}" stroke="{color}" stroke-width="2"'
                  + (' stroke-dasharray="3 2"' if label == "official update" else "") + "/>")
        out.append(f'{swatch}<text class="ink" x="{lx + 16}" y="{ly}" font-size="11">{escape(label)}</text>')
        lx += 30 + 7 * len(label)
    out.append("</svg>")
    return "".join(out)
