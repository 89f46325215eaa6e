"""The timeline chart as inline SVG: one line per source kind, official updates marked.

Drawn here rather than by a charting library so that the HTML report stays one file
with no script and no network; every label is escaped.
"""

from __future__ import annotations

from html import escape
from typing import Any

from outagewatch.timeutil import parse_time

COLORS = {"social": "#1d9bf0", "reports": "#d9480f", "news": "#2b8a3e", "status": "#6741d9"}
W, H, LEFT, RIGHT, TOP, BOTTOM = 900, 280, 56, 16, 16, 44


def timeline_svg(incident: dict[str, Any], official: list[dict[str, Any]]) -> str:
    series = incident.get("series") or {}
    kinds = {k: v for k, v in (series.get("kinds") or {}).items() if any(v)}
    if "reports" in kinds:  # a report page counts 15 minutes: draw it held, not as a comb
        hold = max(1, 900 // series["interval"])
        kinds["reports"] = [max(kinds["reports"][max(0, i - hold + 1):i + 1]) if v == 0 else v
                            for i, v in enumerate(kinds["reports"])]
    if not kinds:
        return '<svg xmlns="http://www.w3.org/2000/svg" width="900" height="40" role="img"><text x="8" y="24">no chart data</text></svg>'
    start = parse_time(series["start"])
    step = series["interval"]
    n = max(len(v) for v in kinds.values())
    top = max(max(v) for v in kinds.values()) or 1
    plot_w, plot_h = W - LEFT - RIGHT, H - TOP - BOTTOM

    def x(i: float) -> float:
        return LEFT + plot_w * (i / max(n - 1, 1))

    def y(value: float) -> float:
        return TOP + plot_h * (1 - value / top)

    def x_at(when) -> float | None:
        i = (parse_time(when) - start).total_seconds() / step
        return x(i) if 0 <= i <= n - 1 else None

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" width="100%" role="img"'
           f' aria-label="Signals per {step // 60} minutes by source kind">',
           f'<rect x="{LEFT}" y="{TOP}" width="{plot_w}" height="{plot_h}" fill="#fafafa" stroke="#ddd"/>']
    for frac in (0, 0.5, 1):
        value = top * frac
        out.append(f'<text x="{LEFT - 6}" y="{y(value) + 4:.1f}" text-anchor="end" font-size="11">{value:.0f}</text>')
    ticks = max(1, n // 8)
    for i in range(0, n, ticks):
        label = (start.timestamp() + i * step)
        from datetime import datetime, timezone

        text = datetime.fromtimestamp(label, timezone.utc).strftime("%H:%M")
        out.append(f'<text x="{x(i):.1f}" y="{H - BOTTOM + 16}" text-anchor="middle" font-size="11">{text}</text>')
    marks = [("detected", incident.get("detected_at"), "#c92a2a")]
    if incident.get("common_cause_named_at"):
        marks.append(("cause named", incident["common_cause_named_at"], "#e67700"))
    for update in official:
        marks.append((f"official: {update.get('status') or 'update'}", update["at"], COLORS["status"]))
    for label, when, color in marks:
        px = x_at(when) if when else None
        if px is None:
            continue
        out.append(f'<line x1="{px:.1f}" x2="{px:.1f}" y1="{TOP}" y2="{TOP + plot_h}" stroke="{color}"'
                   f' stroke-dasharray="4 3"><title>{escape(label)} {escape(when)}</title></line>')
    for kind, values in sorted(kinds.items()):
        points = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(values))
        out.append(f'<polyline fill="none" stroke="{COLORS.get(kind, "#495057")}" stroke-width="2" points="{points}">'
                   f'<title>{escape(kind)}</title></polyline>')
    lx = LEFT
    legend = [(k, COLORS.get(k, "#495057")) for k in sorted(kinds)] + [
        ("detected", "#c92a2a"), ("cause named", "#e67700"), ("official update", COLORS["status"])]
    for label, color in legend:
        out.append(f'<rect x="{lx}" y="{H - 16}" width="10" height="10" fill="{color}"/>'
                   f'<text x="{lx + 14}" y="{H - 7}" font-size="11">{escape(label)}</text>')
        lx += 24 + 7 * len(label)
    out.append("</svg>")
    return "".join(out)
