"""Commands over incidents: incidents [list | confirm | dismiss], correlate, report."""

from __future__ import annotations

import re
import shutil
import textwrap
from pathlib import Path
from typing import Literal, Optional

import orjson
import typer

from outagewatch.cli.common import fail, for_terminal, open_configured_store, parse_time_option, print_json, print_jsonl, usage_error

incidents_app = typer.Typer(help="List incidents; confirm or dismiss one (analyst feedback).",
                            invoke_without_command=True, no_args_is_help=False)


@incidents_app.callback()
def incidents(
    ctx: typer.Context,
    since: Optional[str] = typer.Option(None, "--since", help="Incidents still going at or after this time (ISO 8601 or 2h, 7d)."),
    until: Optional[str] = typer.Option(None, "--until", help="Incidents started before this time."),
    status: Literal["open", "closed", "all"] = typer.Option("all", "--status", help="Which incidents."),
    evidence: Optional[Literal["weak", "moderate", "strong"]] = typer.Option(
        None, "--evidence", help="At least this evidence level."),
    limit: Optional[int] = typer.Option(None, "--limit", "-n", min=1, help="At most this many."),
    show_all: bool = typer.Option(False, "--all", help="Include incidents an analyst dismissed."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON Lines: one incident per line."),
) -> None:
    """Incidents found in the stored chatter (open first, strongest evidence, newest): services, providers,
    regions, evidence, common cause, lead time. Collecting and ingesting keep them current; `outagewatch
    correlate` recomputes them all."""
    if ctx.invoked_subcommand is not None:
        return
    from outagewatch import incidents as policy

    start, end = parse_time_option(since, "--since"), parse_time_option(until, "--until")
    with open_configured_store(create=False) as store:
        try:
            rows, _ = policy.list_incidents(store, since=start, until=end, status=status, min_evidence=evidence,
                                            include_dismissed=show_all, limit=limit)
        except ValueError as exc:
            fail(str(exc))
        hidden = not show_all and not rows and bool(policy.list_incidents(store, since=start, until=end,
                                                                          include_dismissed=True)[0])
    if as_json:
        for row in rows:  # records: one per line, as every listing
            print_jsonl(row.to_dict(summary=True))
        return
    if not rows:
        typer.echo("no incidents" + (" (dismissed ones hidden; --all shows them)" if hidden else ""))
        return
    for incident in rows:
        typer.echo(for_terminal(_incident_block(incident)))


_HUMAN_TIME = re.compile(r"(\d{4}-\d\d-\d\d) (\d\d:\d\d) UTC")


def _width() -> int:
    """The terminal's width, or $COLUMNS; piped without $COLUMNS, no wrapping at all (a
    script reads each field on its line, not cut at an 80-column default)."""
    import os
    import sys

    if os.environ.get("COLUMNS", "").isdigit() or sys.stdout.isatty():
        return shutil.get_terminal_size((80, 24)).columns
    return 100_000


def _wrap(text: str, width: int, indent: str = "  ") -> str:
    """Fill to the terminal (80 when piped), never breaking inside a time."""
    glued = _HUMAN_TIME.sub("\\1\0\\2\0UTC", text)
    return textwrap.fill(glued, width=max(40, width), initial_indent=indent, subsequent_indent=indent + "  ",
                         break_on_hyphens=False).replace("\0", " ")


def _incident_block(incident) -> str:
    """One incident as a few short lines: a table of eight columns is unreadable at 80
    columns and when piped, and the id has to stay whole enough to type (8 characters)."""
    from outagewatch.reports.fmt import confidence, minutes, short_id, when
    from outagewatch.timeutil import parse_time

    width = _width()
    evidence = incident.evidence_level + (f", {incident.feedback.verdict}" if incident.feedback else "")
    head = f"{short_id(incident.id)}  {when(incident.detected_at)}  {evidence}  {incident.status}"
    if incident.lead_minutes is not None:
        head += f"  lead {minutes(incident.lead_minutes)}"
    lines = [head, _wrap(incident.title or "", width)]
    cause = incident.common_cause or {}
    if cause:
        where = " · ".join(x for x in (cause.get("service"), cause.get("region") or cause.get("provider")) if x)
        lines.append(_wrap(f"cause: {where}, {confidence(cause.get('confidence'))}", width))
        first = next((h for h in incident.cause_history if h.get("provider") == cause.get("provider")), None)
        named = incident.common_cause_named_at
        if first is not None and named is not None and parse_time(first["at"]) < named:
            # the provider was named before the cause took its final form (an official post
            # added the region): say both, as the history has them
            lines.append(_wrap(f"{cause.get('provider')} named {when(parse_time(first['at']))}, "
                               f"as now {when(named)}", width))
    counts = ", ".join(f"{k} {v}" for k, v in incident.signal_counts.items())
    if counts:
        lines.append(_wrap(f"signals: {counts}", width))
    return "\n".join(lines) + "\n"


def _verdict(incident_id: str, verdict: str, note: Optional[str], as_json: bool) -> None:
    from outagewatch import incidents as policy

    with open_configured_store(create=False) as store:
        incident = _find(store, incident_id)
        feedback = policy.set_feedback(store, incident.id, verdict, note)
    if as_json:
        print_json({"id": incident.id, "feedback": feedback.to_dict()})
    else:
        typer.echo(for_terminal(f"{incident.id} {verdict}: {incident.title}"))


@incidents_app.command("confirm")
def confirm(incident_id: str = typer.Argument(..., help="Incident id (or a unique prefix)."),
            note: Optional[str] = typer.Option(None, "--note"),
            as_json: bool = typer.Option(False, "--json")) -> None:
    """Mark an incident as real; the verdict survives recomputation."""
    _verdict(incident_id, "confirmed", note, as_json)


@incidents_app.command("dismiss")
def dismiss(incident_id: str = typer.Argument(..., help="Incident id (or a unique prefix)."),
            note: Optional[str] = typer.Option(None, "--note"),
            as_json: bool = typer.Option(False, "--json")) -> None:
    """Mark an incident as noise: hidden from lists, no more alerts; survives recomputation."""
    _verdict(incident_id, "dismissed", note, as_json)


def _find(store, key: str):
    from outagewatch.incidents import IncidentNotFound, find

    try:
        return find(store, key)
    except IncidentNotFound as exc:
        fail(str(exc))


def correlate(
    service: Optional[str] = typer.Option(None, "--service", "-s", help="What else spiked around this service?"),
    at: Optional[str] = typer.Option(None, "--at", help="Around this time (default: now)."),
    window: str = typer.Option("2h", "--window", "-w", help="How far either side of --at (15m, 2h, 1d)."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Without --service: recompute every incident (no alerts: collecting and ingesting send them). With it:
    what else spiked around it, and what they share."""
    from outagewatch.timeutil import parse_duration, to_iso, utcnow

    if service is None:
        from outagewatch.correlate import recompute

        with open_configured_store(create=False) as store:
            try:
                result = recompute(store)
            except ValueError as exc:
                fail(str(exc), exc)
        data = {"incidents": len(result.incidents), "events": [[e, i.id] for e, i in result.events],
                "deleted": result.deleted, "seconds": round(result.timings.get("total", 0), 3)}
        if as_json:
            print_json(data)
        else:
            typer.echo(f"{len(result.incidents)} incident(s); {len(result.events)} open/escalate/close alert(s) due"
                       f" (sent by the next collect or ingest); {len(result.deleted)} stale removed;"
                       f" {data['seconds']} s")
        return
    from outagewatch.correlate.around import around

    when = parse_time_option(at, "--at") or utcnow()
    try:
        span = parse_duration(window)
        when - span, when + span  # noqa: B018 - both ends must be dates the calendar holds
    except ValueError as exc:
        usage_error(f"--window: {exc}")
    except OverflowError:
        usage_error(f"--window: {window[:40]!r} around {to_iso(when)} leaves the calendar (years 1..9999)")
    with open_configured_store(create=False) as store:
        data = around(store, service, when, span)
    if as_json:
        print_json(data)
        return
    from outagewatch.reports.fmt import confidence, peak
    from outagewatch.reports.fmt import times_in as human_times
    from outagewatch.reports.fmt import when as human

    width = _width()
    lines = [_wrap(f"{service} around {human(to_iso(when))} ± {window}: "
                   + (f"spiked ({len(data['runs'])} run(s), first detected {human(data['runs'][0]['detected_at'])})"
                      if data["spiked"] else "no spike"), width, indent="")]
    if data["others"]:
        lines.append("")
        lines.append("spiked too:")
    for row in data["others"]:
        first = min(row["runs"], key=lambda r: r["detected_at"])
        top = max(row["runs"], key=lambda r: r["peak"])
        lines.append(_wrap(f"{row['kind']} {row['id']}: {'related' if row['related'] else 'not related'}"
                           f" (shares {', '.join(row['shares']) or 'nothing'}); detected {human(first['detected_at'])};"
                           f" {_peak_words(peak(top['peak'], top.get('source_kind')))}", width))
    cause = data["common_cause"]
    if cause:
        lines.append("")
        lines.append(_wrap(f"likely common cause: {' · '.join(x for x in (cause['service'], cause['provider'], cause['region']) if x)}"
                           f", {confidence(cause['confidence'])}", width, indent=""))
        lines.extend(_wrap(f"- {human_times(line)}", width) for line in cause["evidence"])
    typer.echo(for_terminal("\n".join(lines)))


def _peak_words(text: str) -> str:
    return f"peak {text}" if text[:1].isdigit() else text


def report(
    incident: str = typer.Argument(..., help="Incident id, unique id prefix, or a service/provider/region id (its main incident)."),
    fmt: Literal["md", "html", "json"] = typer.Option("md", "--format", "-f", help="Markdown, HTML or JSON."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here instead of stdout."),
    as_json: bool = typer.Option(False, "--json", help="The JSON report on one line, like every command's --json."),
) -> None:
    """The report of one outage: summary, timeline, affected services, official updates, posts, news, lead time."""
    from outagewatch.reports import FORMATS, ReportError, render

    if fmt not in FORMATS:
        fail(f"--format must be one of {', '.join(FORMATS)}")
    if as_json and fmt not in ("md", "json"):
        usage_error(f"--json and --format {fmt} ask for two formats; give one")
    with open_configured_store(create=False) as store:
        found = _find(store, incident)
        try:
            text = render(found, store, "json" if as_json else fmt)
        except ReportError as exc:
            fail(str(exc))
    if as_json:  # scripts read one JSON line; --format json stays indented for people
        text = orjson.dumps(orjson.loads(text)).decode() + "\n"
        fmt = "json"
    if output is None:
        typer.echo(text if fmt == "json" else for_terminal(text), nl=False)
        return
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror}")
    typer.echo(f"wrote {output.resolve()}", err=True)


def register(app: typer.Typer) -> None:
    app.add_typer(incidents_app, name="incidents")
    app.command()(correlate)
    app.command()(report)
