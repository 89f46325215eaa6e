"""Commands over incidents: incidents [list | confirm | dismiss], correlate, report."""

from __future__ import annotations

import re
import shutil
import textwrap
from pathlib import Path
from typing import Optional

import typer

from outagewatch.cli.common import config, fail, open_configured_store, parse_time_option, print_json

LIST_FIELDS = ("id", "title", "status", "services", "providers", "regions", "started_at", "detected_at", "peak_at",
               "ended_at", "evidence_level", "signal_counts", "report_count", "common_cause", "common_cause_named_at",
               "first_official_at", "lead_minutes", "feedback")

incidents_app = typer.Typer(help="List incidents; confirm or dismiss one (analyst feedback).",
                            invoke_without_command=True, no_args_is_help=False)


def _recompute(store):
    from outagewatch.correlate import recompute
    from outagewatch.correlate.alerts import AlertConfigError, notifier_from_config

    try:
        notify = notifier_from_config(config().section("alerts"))
    except AlertConfigError as exc:
        fail(f"config: {exc}")
    try:
        return recompute(store, notify=notify)
    except ValueError as exc:
        fail(str(exc), exc)


@incidents_app.callback()
def incidents(
    ctx: typer.Context,
    since: Optional[str] = typer.Option(None, "--since", help="Incidents still going at or after this time (ISO 8601 or 2h, 7d)."),
    until: Optional[str] = typer.Option(None, "--until", help="Incidents started before this time."),
    refresh: bool = typer.Option(True, "--refresh/--no-refresh", help="Recompute incidents from the stored Signals first."),
    show_all: bool = typer.Option(False, "--all", help="Include incidents an analyst dismissed."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON (a list of incident objects)."),
) -> None:
    """Incidents found in the stored chatter: services, providers, regions, evidence, common cause, lead time."""
    if ctx.invoked_subcommand is not None:
        return
    start, end = parse_time_option(since, "--since"), parse_time_option(until, "--until")
    with open_configured_store() as store:
        if refresh:
            _recompute(store)
        found = store.list_incidents(since=start, until=end)
        verdicts = store.feedback()
    rows = []
    for incident in found:
        verdict = verdicts.get(incident["id"])
        incident["feedback"] = verdict["verdict"] if verdict else None
        if incident["feedback"] == "dismissed" and not show_all:
            continue
        rows.append({k: incident.get(k) for k in LIST_FIELDS})
    if as_json:
        print_json(rows)
        return
    if not rows:
        typer.echo("no incidents" + (" (dismissed ones hidden; --all shows them)" if found else ""))
        return
    for r in rows:
        typer.echo(_incident_block(r))


_HUMAN_TIME = re.compile(r"(\d{4}-\d\d-\d\d) (\d\d:\d\d) UTC")


def _wrap(text: str, width: int, indent: str = "  ") -> str:
    """Fill to the terminal (80 when piped), never breaking inside a time."""
    glued = _HUMAN_TIME.sub("\\1\0\\2\0UTC", text)
    return textwrap.fill(glued, width=max(40, width), initial_indent=indent, subsequent_indent=indent + "  ",
                         break_on_hyphens=False).replace("\0", " ")


def _incident_block(r: dict) -> str:
    """One incident as a few short lines: a table of eight columns is unreadable at 80
    columns and when piped, and the id has to stay whole enough to type (8 characters)."""
    from outagewatch.reports.fmt import confidence, minutes, short_id, when

    width = shutil.get_terminal_size((80, 24)).columns
    evidence = r["evidence_level"] + (f", {r['feedback']}" if r["feedback"] else "")
    head = f"{short_id(r['id'])}  {when(r['detected_at'])}  {evidence}  {r['status']}"
    if r["lead_minutes"] is not None:
        head += f"  lead {minutes(r['lead_minutes'])}"
    lines = [head, _wrap(r["title"] or "", width)]
    cause = r["common_cause"] or {}
    if cause:
        where = " · ".join(x for x in (cause.get("service"), cause.get("region") or cause.get("provider")) if x)
        lines.append(_wrap(f"cause: {where}, {confidence(cause.get('confidence'))}", width))
    counts = ", ".join(f"{k} {v}" for k, v in (r["signal_counts"] or {}).items())
    if counts:
        lines.append(_wrap(f"signals: {counts}", width))
    return "\n".join(lines) + "\n"


def _verdict(incident_id: str, verdict: str, note: Optional[str], as_json: bool) -> None:
    with open_configured_store() as store:
        incident = _find(store, incident_id)
        store.set_feedback(incident["id"], verdict, note)
        incident["feedback"] = verdict
        store.upsert_incidents([incident])
    if as_json:
        print_json({"id": incident["id"], "feedback": verdict, "note": note})
    else:
        typer.echo(f"{incident['id']} {verdict}: {incident['title']}")


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


def _find(store, key: str) -> dict:
    """An incident by id, unique id prefix, or the most substantial incident naming a
    service, provider or region (``aws:us-east-1``, ``roku``)."""
    found = store.get_incident(key)
    if found is not None:
        return found
    every = store.list_incidents()
    prefixed = [i for i in every if i["id"].startswith(key)]
    if len(prefixed) == 1:
        return prefixed[0]
    if len(prefixed) > 1:
        fail(f"{key!r} matches {len(prefixed)} incidents; give more of the id")
    tagged = [i for i in every if key in i.get("services", []) + i.get("providers", []) + i.get("regions", [])
              or key in ((i.get("common_cause") or {}).get("region"), (i.get("common_cause") or {}).get("provider"))]
    if tagged:
        levels = ("weak", "moderate", "strong")
        return max(tagged, key=lambda i: (levels.index(i["evidence_level"]), sum((i.get("signal_counts") or {}).values()),
                                          i["started_at"]))
    fail(f"no incident {key!r}; list them with `outagewatch incidents`")


def correlate(
    service: Optional[str] = typer.Option(None, "--service", "-s", help="What else spiked around this service?"),
    at: Optional[str] = typer.Option(None, "--at", help="Around this time (default: now)."),
    window: str = typer.Option("2h", "--window", "-w", help="How far either side of --at (15m, 2h, 1d)."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Without --service: recompute every incident. With it: what else spiked around it, and what they share."""
    from outagewatch.timeutil import parse_duration, to_iso, utcnow

    if service is None:
        with open_configured_store() as store:
            result = _recompute(store)
        data = {"incidents": len(result.incidents), "events": [[e, i["id"]] for e, i in result.events],
                "deleted": result.deleted, "seconds": round(result.timings.get("total", 0), 3)}
        if as_json:
            print_json(data)
        else:
            typer.echo(f"{len(result.incidents)} incident(s); {len(result.events)} open/escalate/close event(s);"
                       f" {len(result.deleted)} stale removed; {data['seconds']} s")
        return
    from outagewatch.correlate.around import around

    when = parse_time_option(at, "--at") or utcnow()
    try:
        span = parse_duration(window)
    except ValueError as exc:
        fail(f"--window: {exc}")
    with open_configured_store() as store:
        data = around(store, service, when, span)
    if as_json:
        print_json(data)
        return
    from outagewatch.reports.fmt import confidence, peak
    from outagewatch.reports.fmt import times_in as human_times
    from outagewatch.reports.fmt import when as human

    width = shutil.get_terminal_size((80, 24)).columns
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
    typer.echo("\n".join(lines))


def _peak_words(text: str) -> str:
    return f"peak {text}" if text[:1].isdigit() else text


def report(
    incident: str = typer.Argument(..., help="Incident id, unique id prefix, or a service/provider/region id (its main incident)."),
    fmt: str = typer.Option("md", "--format", "-f", help="md, html or json."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here instead of stdout."),
) -> None:
    """The report of one outage: summary, timeline, affected services, official updates, posts, news, lead time."""
    from outagewatch.reports import FORMATS, ReportError, render

    if fmt not in FORMATS:
        fail(f"--format must be one of {', '.join(FORMATS)}")
    with open_configured_store() as store:
        found = _find(store, incident)
        try:
            text = render(found, store, fmt)
        except ReportError as exc:
            fail(str(exc))
    if output is None:
        typer.echo(text, nl=False)
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
