"""``outagewatch accountability``: how fast each provider and status page acknowledged incidents."""

from __future__ import annotations

from typing import Optional

import typer

from outagewatch.cli.common import fail, for_terminal, open_configured_store, parse_time_option, print_json


def accountability(
    since: Optional[str] = typer.Option(None, "--since", help="Period start (ISO 8601 or 2h, 7d); default 90 days before --until."),
    until: Optional[str] = typer.Option(None, "--until", help="Period end; default now after --since, else the newest stored Signal."),
    provider: Optional[str] = typer.Option(None, "--provider", "-p", help="Only this provider (catalog id: aws, gcp...)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Per provider and status page: incidents seen, acknowledged, delay to the first official word (median, p90), grade A-F."""
    from outagewatch.accountability import accountability as compute

    start, end = parse_time_option(since, "--since"), parse_time_option(until, "--until")
    with open_configured_store(create=False) as store:
        try:
            data = compute(store, since=start, until=end, provider=provider)
        except ValueError as exc:
            fail(str(exc))
    if as_json:
        print_json(data)
        return
    typer.echo(for_terminal(render_text(data, provider)))


def _minutes(value) -> str:
    from outagewatch.reports.fmt import minutes

    return "-" if value is None else minutes(value)


def render_text(data: dict, provider: str | None = None) -> str:
    from outagewatch.reports.fmt import when

    period = data["period"]
    lines = [f"Status-page accountability, {when(period['since'])} to {when(period['until'])} ({period['days']:g} days)",
             data["grading"], ""]
    if not data["providers"]:
        lines.append(f"no incidents of {provider!r} with a status page we collect" if provider else
                     "no incidents of a provider whose status page we collect in this period")
        return "\n".join(lines)
    header = f"{'':34} {'incidents':>9} {'acked':>5} {'never':>5} {'median':>9} {'p90':>9}  grade"
    for title, rows in (("providers", data["providers"]), ("status pages", data["status_pages"])):
        lines.append(title)
        lines.append(header)
        for row in rows:
            label = f"{row['name']} ({row.get('provider') or row['id']})" if row["name"] != row["id"] or row.get("provider") else row["id"]
            lines.append(f"{label[:34]:34} {row['incidents']:>9} {row['acknowledged']:>5} {row['never_acknowledged']:>5}"
                         f" {_minutes(row['median_minutes']):>9} {_minutes(row['p90_minutes']):>9}  {row['grade'] or '-'}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def register(app: typer.Typer) -> None:
    app.command()(accountability)
