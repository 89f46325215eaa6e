"""``outagewatch migrate``: copy a whole store to another one, in either direction.

Moving from the embedded SQLite file to an Elasticsearch cluster (or back, or between
two clusters) goes through the :class:`~outagewatch.search.store.Store` contract only:
signals are scanned oldest first and upserted in batches, so a migration that is
interrupted can simply be run again: what is already there is reported unchanged.
"""

from __future__ import annotations

import sys
from typing import Any

import typer

from outagewatch.cli.common import config, fail, open_configured_store, print_json, redact_url
from outagewatch.cli.output import progress
from outagewatch.pipeline import BATCH_SIZE


def migrate(
    source: str = typer.Option(..., "--from", help="Store to read: sqlite:///a.db or http(s)://host:9200."),
    target: str = typer.Option(..., "--to", help="Store to write: sqlite:///b.db or http(s)://host:9200."),
    batch_size: int = typer.Option(BATCH_SIZE, "--batch-size", min=1, max=10000),
    as_json: bool = typer.Option(False, "--json", help="Print what was copied as JSON."),
) -> None:
    """Copy signals, checkpoints, incidents and analyst feedback from one store to another."""
    from outagewatch.pipeline import batched
    from outagewatch.search.query import Query
    from outagewatch.search.store import UpsertResult
    from outagewatch.timeutil import parse_time

    config()
    if source == target:
        fail("--from and --to name the same store")
    copied: dict[str, Any] = {"from": redact_url(source), "to": redact_url(target)}
    with open_configured_store(source, create=False) as src, open_configured_store(target) as dst:
        try:
            signals = UpsertResult()
            with progress("copying signals", total=src.stats().total if sys.stderr.isatty() else None) as bar:
                for batch in batched(src.scan(Query(), batch_size=batch_size), batch_size):
                    signals += dst.upsert(batch)
                    bar.advance(len(batch))
            checkpoints = src.checkpoints()
            for name, state in checkpoints.items():
                dst.set_checkpoint(name, state)
            incidents = src.list_incidents()
            dst.upsert_incidents(incidents)
            feedback = src.feedback()
            for incident_id, verdict in feedback.items():
                at = parse_time(verdict["at"]) if verdict.get("at") else None
                dst.set_feedback(incident_id, verdict["verdict"], verdict.get("note"), at=at)
            waiting = getattr(dst, "flush", lambda: 0)()
        except (ValueError, RuntimeError, OSError) as exc:
            fail(f"migration stopped: {exc}", exc)
    copied.update({"signals": {"new": signals.new, "updated": signals.updated, "unchanged": signals.unchanged},
                   "checkpoints": len(checkpoints), "incidents": len(incidents), "feedback": len(feedback)})
    if waiting:
        copied["spooled"] = waiting
    if as_json:
        print_json(copied)
    else:
        typer.echo(f"copied {signals.total} signal(s) ({signals.new} new, {signals.updated} updated, "
                   f"{signals.unchanged} unchanged), {len(checkpoints)} checkpoint(s), {len(incidents)} incident(s), "
                   f"{len(feedback)} feedback verdict(s) from {copied['from']} to {copied['to']}")
    if waiting:
        fail(f"{waiting} signal(s) could not be delivered yet and wait in the local spool; run migrate again")


def register(app: typer.Typer) -> None:
    app.command()(migrate)
