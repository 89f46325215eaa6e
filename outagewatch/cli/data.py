"""Commands over stored data: ingest, search, export, stats, catalog (migrate is in cli/migrate.py)."""

from __future__ import annotations

import enum
import sys
from pathlib import Path
from typing import List, Literal, Optional

import typer
from rich.markup import escape
from rich.table import Table

from outagewatch.cli.common import (
    after_batch, config, fail, for_terminal, open_configured_store, parse_time_option, print_json, print_jsonl, redact_url,
    state, usage_error,
)
from outagewatch.cli.output import (
    EXIT_PARTIAL, KINDS, console, counted, print_meta, progress, write_csv,
)
from outagewatch.pipeline import BATCH_SIZE
from outagewatch.timeutil import to_iso

KIND_HELP = "Source kind (repeatable)."
Kind = enum.Enum("Kind", {k: k for k in KINDS}, type=str)  # validated by the parser: a usage error (exit 2)
Sort = Literal["relevance", "newest", "oldest"]


def _query(text, service, provider, region, kind, source, since, until, limit=20, sort="relevance", cursor=None):
    from outagewatch.search.query import Query

    try:
        return Query(text=text, services=tuple(service or ()), providers=tuple(provider or ()),
                     regions=tuple(region or ()), kinds=tuple(getattr(k, "value", k) for k in kind or ()),
                     sources=tuple(source or ()),
                     since=parse_time_option(since, "--since"), until=parse_time_option(until, "--until"),
                     limit=limit, sort=sort, cursor=cursor)
    except ValueError as exc:
        usage_error(str(exc))


def ingest(
    files: List[str] = typer.Argument(..., help="JSON Lines files of Signals; '-' reads stdin."),
    tag: bool = typer.Option(True, "--tag/--no-tag", help="Tag services, regions and symptoms (keeps tags in the file)."),
    batch_size: int = typer.Option(BATCH_SIZE, "--batch-size", min=1),
    correlate: bool = typer.Option(True, "--correlate/--no-correlate",
                                   help="Update incidents (and send alerts) after each file."),
    as_json: bool = typer.Option(False, "--json", help="Print the outcome as JSON."),
) -> None:
    """Store Signals from JSON Lines, then update incidents from them (alerts go to the configured webhooks;
    incidents that were over before they were stored send none). Exit 0: all stored; 3: some lines
    rejected (the rest stored); 1: fatal; 2: usage."""
    from outagewatch.nlp.host import TaggerLoadError
    from outagewatch.pipeline import IngestReport, ingest_tagger, ingest_stream

    tagger, early = None, state.early_result
    state.early_result = None
    if tag:
        try:
            tagger = early if early is not None else ingest_tagger(config().nlp)
        except Exception as exc:  # noqa: BLE001
            fail(f"cannot load the tagger: {exc} (use --no-tag to store without tagging)", exc)
    step = after_batch() if correlate else None
    total = IngestReport()
    per_file = []
    with open_configured_store() as store:
        for name in files:
            def complain(rejected, name=name):
                if not as_json:
                    typer.echo(for_terminal(f"{name}: rejected {rejected}"), err=True)

            try:
                stream = sys.stdin.buffer if name == "-" else open(name, "rb")
            except OSError as exc:
                fail(f"cannot read {name}: {exc.strerror}")
            size = _size(stream) if name != "-" else None
            with stream if name != "-" else _nullcontext(stream), \
                    progress(f"ingesting {name}", total=size, unit="bytes") as bar:
                try:
                    report = ingest_stream(store, counted(stream, bar), tag=tagger, batch_size=batch_size,
                                           on_reject=complain)
                except TaggerLoadError as exc:  # built beside the reading: met at the first batch, nothing stored
                    fail(f"cannot load the tagger: {exc} (use --no-tag to store without tagging)", exc)
                except Exception as exc:  # noqa: BLE001 - a store failure mid-file is fatal, said in one line
                    fail(f"{name}: storing failed: {exc}", exc)
            if step is not None and report.stored.new + report.stored.updated:
                step(store, earliest=report.earliest)
            per_file.append({"file": name, **report.to_dict()})
            total.stored += report.stored
            total.rejected_total += report.rejected_total
        stop = getattr(tagger, "stop", None)
        if stop is not None:  # every file tagged: the tagging process exits while the store closes
            stop()
    summary = {"files": per_file, "new": total.stored.new, "updated": total.stored.updated,
               "unchanged": total.stored.unchanged, "repeated": total.stored.repeated,
               "rejected": total.rejected_total}
    if as_json:
        print_json(summary)
    else:
        repeated = (f" ({total.stored.repeated} line(s) repeated another line's id in the same batch; "
                    "the later copy was kept)") if total.stored.repeated else ""
        typer.echo(f"stored {total.stored.new} new, {total.stored.updated} updated, "
                   f"{total.stored.unchanged} unchanged; rejected {total.rejected_total} line(s){repeated}")
    if total.rejected_total:
        raise typer.Exit(EXIT_PARTIAL)


def start_ingest_tagger(configuration):
    """``ingest``'s tagger started as soon as the configuration is read (``cli/__init__.py``):
    with ``[nlp] processes`` > 1 the tagging process forks now and builds the tagger while the
    command goes on (None otherwise: the command builds its tagger itself, as before). One forked
    at the interpreter's start with the same settings (``outagewatch.nlp.host.start_early``) is
    taken instead."""
    import sys

    nlp = configuration.nlp
    if "outagewatch.nlp.host" in sys.modules:  # else nothing was started early
        from outagewatch.nlp.host import take_early

        early = take_early(nlp)
        if early is not None:
            return early
    try:
        if int(nlp.get("processes") or 1) <= 1:
            return None
    except (TypeError, ValueError):
        return None  # the command says what is wrong with it
    import threading

    from outagewatch.nlp.host import TaggerHost

    if threading.active_count() > 1:  # no clean fork: the command builds it
        return None
    try:
        return TaggerHost(dict(nlp))
    except OSError:
        return None  # the command tries again, and says why if it cannot


def _size(stream) -> int | None:
    import os

    try:
        return os.fstat(stream.fileno()).st_size or None
    except (OSError, ValueError):
        return None


class _nullcontext:
    def __init__(self, value):
        self.value = value

    def __enter__(self):
        return self.value

    def __exit__(self, *exc):
        return False


def search(
    text: Optional[str] = typer.Argument(None, help='Words, "phrases", a OR b, -exclude, prefix*.'),
    service: List[str] = typer.Option(None, "--service", "-s", help="Service id, e.g. roku or aws/kinesis (repeatable)."),
    provider: List[str] = typer.Option(None, "--provider", "-p", help="Provider id, e.g. aws (repeatable)."),
    region: List[str] = typer.Option(None, "--region", "-r", help="Region id, e.g. aws:us-east-1 (repeatable)."),
    kind: List[Kind] = typer.Option(None, "--kind", "-k", help=KIND_HELP),
    source: List[str] = typer.Option(None, "--source", help="Source, e.g. x:@RokuSupport (repeatable)."),
    since: Optional[str] = typer.Option(None, "--since", help="ISO 8601 time or relative (2h, 7d)."),
    until: Optional[str] = typer.Option(None, "--until", help="ISO 8601 time or relative (2h, 7d)."),
    sort: Sort = typer.Option("relevance", "--sort", help="Order of the hits."),
    limit: int = typer.Option(20, "--limit", "-n", min=0, max=1000, help="Hits per page (0-1000)."),
    cursor: Optional[str] = typer.Option(None, "--cursor", help="The next_cursor of the previous page."),
    facets: bool = typer.Option(False, "--facets", help="Also count matches by service, region and source kind."),
    as_json: bool = typer.Option(False, "--json", help='Same as --format json: one Signal a line, then {"meta": ...}.'),
    fmt: Literal["text", "json", "csv"] = typer.Option("text", "--format", "-f", help="json is JSON Lines."),
) -> None:
    """Search stored Signals, a page at a time.

    With --json (or --format json) each hit is one Signal per line, and the last line is
    {"meta": {"total", "total_relation", "next_cursor", "facets"}}; pass next_cursor to
    --cursor for the next page (null on the last page). Counts and the next-page hint of
    the text and csv formats go to stderr.
    """
    if as_json:
        fmt = "json"
    query = _query(text, service, provider, region, kind, source, since, until, limit, sort, cursor)
    with open_configured_store(create=False) as store:
        try:
            result = store.search(query)
            facet_counts = store.facets(query, ["services", "regions", "source_kind"]) if facets else None
        except ValueError as exc:
            usage_error(str(exc))
    if fmt == "json":
        for hit in result.hits:
            print_jsonl(hit.to_dict())
        meta = {"total": result.total, "total_relation": result.total_relation, "next_cursor": result.next_cursor}
        if facet_counts is not None:
            meta["facets"] = facet_counts
        print_meta(meta)
        return
    err = console(stderr=True)
    total = f"{result.total}+" if result.total_relation == "gte" else str(result.total)
    err.print(f"[bold]{total}[/bold] match(es)" + (f"; next page: --cursor {result.next_cursor}"
                                                   if result.next_cursor else ""))
    if fmt == "csv":
        write_csv(hit.signal.to_dict() for hit in result.hits)
        sys.stdout.flush()
    else:
        out = console()
        for hit in result.hits:
            s = hit.signal
            tags = for_terminal(", ".join(s.services + s.regions))
            out.print(f"[cyan]{to_iso(s.published_at)}[/cyan] [magenta]{escape(for_terminal(s.source))}[/magenta] "
                      + (escape(f"[{tags}]") if tags else ""))
            if hit.highlights:
                out.print("  " + " … ".join(_highlight_markup(h) for h in hit.highlights))
            else:
                body = (s.title + ": " if s.title else "") + s.text
                out.print("  " + for_terminal(body[:240] + ("…" if len(body) > 240 else "")), markup=False)
    if facet_counts:
        for field, counts in facet_counts.items():
            err.print(f"[bold]{field}[/bold]: " + escape(for_terminal(", ".join(f"{k} {v}" for k, v in counts.items()))))


def _highlight_markup(fragment: str) -> str:
    """Turn a store's HTML-safe highlight into Rich markup: matches bold, the rest literal."""
    import html

    from rich.markup import escape

    parts = []
    for i, piece in enumerate(fragment.replace("</mark>", "<mark>").split("<mark>")):
        text = escape(for_terminal(html.unescape(piece)))
        parts.append(f"[bold yellow]{text}[/bold yellow]" if i % 2 else text)
    return "".join(parts)


def export(
    text: Optional[str] = typer.Argument(None, help="Optional text query."),
    service: List[str] = typer.Option(None, "--service", "-s"),
    provider: List[str] = typer.Option(None, "--provider", "-p"),
    region: List[str] = typer.Option(None, "--region", "-r"),
    kind: List[Kind] = typer.Option(None, "--kind", "-k", help=KIND_HELP),
    source: List[str] = typer.Option(None, "--source"),
    since: Optional[str] = typer.Option(None, "--since"),
    until: Optional[str] = typer.Option(None, "--until"),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here instead of stdout."),
    fmt: Literal["jsonl", "csv"] = typer.Option("jsonl", "--format", "-f",
                                                help="jsonl (ready for `outagewatch ingest`) or csv."),
) -> None:
    """Write matching Signals, oldest first: JSON Lines ready for `outagewatch ingest`, or CSV
    (list fields joined with "|") for a spreadsheet."""
    from outagewatch.jsonl import write_signals

    query = _query(text, service, provider, region, kind, source, since, until, limit=0, sort="oldest")
    with open_configured_store(create=False) as store:
        if fmt == "csv":
            out = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout
            try:
                count = write_csv((s.to_dict() for s in store.scan(query)), out)
            finally:
                if output:
                    out.close()
                else:
                    out.flush()
        else:
            out = open(output, "wb") if output else sys.stdout.buffer
            try:
                count = write_signals(store.scan(query), out)
            finally:
                if output:
                    out.close()
    typer.echo(f"exported {count} signal(s)", err=True)


def stats(as_json: bool = typer.Option(False, "--json")) -> None:
    """What the store holds: counts by kind, source and service; time span; size."""
    with open_configured_store(create=False) as store:
        st = store.stats()
    data = {"backend": st.backend, "location": redact_url(st.location), "total": st.total, "by_kind": st.by_kind,
            "by_source": st.by_source, "by_service": st.by_service,
            "first_published": to_iso(st.first_published), "last_published": to_iso(st.last_published),
            "size_bytes": st.size_bytes}
    if as_json:
        print_json(data)
        return
    console = _console()
    console.print(f"[bold]{st.total}[/bold] signals in {st.backend} store {escape(for_terminal(data['location']))}"
                  + (f" ({st.size_bytes / 1_048_576:.1f} MB)" if st.size_bytes else ""), highlight=False)
    if st.total:
        console.print(f"published from {data['first_published']} to {data['last_published']}", highlight=False)
    for title, counts in (("kind", st.by_kind), ("source", st.by_source), ("service", st.by_service)):
        if not counts:
            continue
        table = Table(title=f"by {title}", show_header=False)
        for key, value in list(counts.items())[:15]:
            table.add_row(escape(for_terminal(key)), str(value))
        console.print(table)


def catalog(as_json: bool = typer.Option(False, "--json")) -> None:
    """The bundled catalog of providers, regions and services."""
    from outagewatch.catalog import CatalogError, load_catalog

    try:
        cat = load_catalog()
    except CatalogError as exc:
        fail(f"the catalog is inconsistent: {exc}")
    if as_json:
        print_json(cat.to_dict())
        return
    console = _console()
    console.print(f"{len(cat.providers)} providers, {len(cat.regions)} regions, {len(cat.services)} services")
    table = Table("service", "name", "provider", "depends on")
    for s in cat.services.values():
        table.add_row(s.id, s.name, s.provider or "", ", ".join(s.depends_on))
    console.print(table)


_console = console


def register(app: typer.Typer) -> None:
    app.command()(ingest)
    app.command()(search)
    app.command()(export)
    app.command()(stats)
    app.command()(catalog)
