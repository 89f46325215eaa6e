"""Commands that fetch from sources: collect (live), capture (record live responses),
replay (run the collectors against a capture on a simulated clock)."""

from __future__ import annotations

import contextlib
import shutil
import signal as _signal
import sys
import threading
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from outagewatch.cli.common import after_batch, config, fail, for_terminal, open_configured_store, print_json
from outagewatch.cli.output import EXIT_PARTIAL


def _tagger(tag: bool):
    if not tag:
        return None
    from outagewatch.pipeline import default_tagger

    try:
        return default_tagger(config().nlp)
    except Exception as exc:  # noqa: BLE001 - any load failure is one line for the user
        fail(f"cannot load the tagger: {exc} (use --no-tag to store without tagging)", exc)


def _settings():
    from outagewatch.collectors.run import RunSettings

    cfg = config()
    try:
        return RunSettings.from_config(cfg.section("collect"), cfg.section("reports"))
    except ValueError as exc:
        fail(f"[collect] in the config: {exc}")


def _sources(names):
    from outagewatch.collectors.run import select, sources_from_config

    cfg = config()
    data = cfg.data
    if not data.get("sources"):
        # No sources of your own: collect from the bundled defaults (real public status
        # pages and news feeds), so a fresh install does real work with no setup.
        import tomllib
        from importlib import resources

        data = tomllib.loads(resources.files("outagewatch.collectors").joinpath("default.toml").read_text("utf-8"))
        typer.echo(f"no [[sources]] in the config: using the {len(data.get('sources', []))} bundled default sources"
                   " (outagewatch/collectors/default.toml)", err=True)
    try:
        sources = select(sources_from_config(data), names)
    except ValueError as exc:
        fail(str(exc))
    if not sources:
        fail("no sources selected: check the --source names against the config's [[sources]]")
    return sources


def _summary(health, skipped, as_json: bool, extra: dict | None = None) -> int:
    failed = [h for h in health.values() if h.errors and not (h.new or h.updated or h.duplicates or h.not_modified)]
    if as_json:
        print_json({**(extra or {}), "sources": [h.to_dict() for h in health.values()],
                    "skipped": [{"name": s.name, "reason": s.reason} for s in skipped]})
    else:
        console = Console(stderr=False)
        table = Table("source", "fetched", "new", "updated", "duplicates", "rejected", "errors", "note",
                      title="per-source health")
        for h in health.values():
            note = h.last_error or ("not modified" if h.not_modified and not h.fetched else "")
            if h.bozo:
                note = (note + "; " if note else "") + f"ill-formed feed x{h.bozo}"
            table.add_row(escape(for_terminal(h.name)), str(h.fetched), str(h.new), str(h.updated), str(h.duplicates),
                          str(h.rejected), str(h.errors), escape(for_terminal(note)))
        for s in skipped:
            table.add_row(escape(for_terminal(s.name)), "-", "-", "-", "-", "-", "-", escape(for_terminal(f"skipped: {s.reason}")))
        if sys.stdout.isatty():
            console.print(table)
        else:
            for h in health.values():
                typer.echo(for_terminal(h.line))
            for s in skipped:
                typer.echo(for_terminal(f"{s.name}: skipped: {s.reason}"))
    return EXIT_PARTIAL if failed else 0


class _Progress:
    """A rich progress display on a terminal; silent otherwise."""

    def __init__(self, total: int | None, label: str) -> None:
        self.enabled = sys.stderr.isatty()
        self.progress = None
        if self.enabled:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self.progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                     TimeElapsedColumn(), console=Console(stderr=True), transient=True)
            self.task = self.progress.add_task(label, total=total)

    def __enter__(self):
        if self.progress:
            self.progress.__enter__()
        return self

    def __exit__(self, *exc):
        if self.progress:
            self.progress.__exit__(*exc)

    def advance(self, description: str | None = None, total: int | None = None, completed: int | None = None) -> None:
        if self.progress:
            kwargs = {"description": description} if description else {}
            if total is not None:
                kwargs["total"] = total
            if completed is not None:
                self.progress.update(self.task, completed=completed, **kwargs)
            else:
                self.progress.update(self.task, advance=1, **kwargs)


@contextlib.contextmanager
def _stop_on_signals(stop: threading.Event):
    """SIGTERM and SIGINT set ``stop`` instead of killing the run mid-write: fetches in
    flight end within a fraction of a second, what was fetched is stored, the summary
    printed. A second signal interrupts at once."""
    def handler(signum, frame):
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {sig: _signal.signal(sig, handler) for sig in (_signal.SIGTERM, _signal.SIGINT)}
    try:
        yield
    finally:
        for sig, old in previous.items():
            _signal.signal(sig, old)


def collect(
    once: bool = typer.Option(False, "--once", help="Fetch every source once and stop (the default)."),
    watch: bool = typer.Option(False, "--watch", help="Keep fetching, each source at its interval, until Ctrl-C."),
    source: List[str] = typer.Option(None, "--source", help="Only this source (by name; repeatable)."),
    tag: bool = typer.Option(True, "--tag/--no-tag", help="Tag services, regions and symptoms before storing."),
    metrics_port: Optional[int] = typer.Option(
        None, "--metrics-port", min=0, max=65535,
        help="Serve Prometheus metrics on http://127.0.0.1:PORT/metrics while collecting."),
    metrics_host: str = typer.Option("127.0.0.1", "--metrics-host", help="Address for --metrics-port."),
    as_json: bool = typer.Option(False, "--json", help="Print the per-source health summary as JSON."),
) -> None:
    """Fetch from the configured sources into the store, updating incidents (and sending alerts) after each
    stored batch. Exit 0: fine; 3: some sources failed (the rest stored); 1: fatal; 2: usage."""
    from outagewatch.collectors.run import build_scheduler
    from outagewatch.collectors.social import SocialCredentials

    if once and watch:
        fail("choose --once or --watch, not both")
    cfg = config()
    sources = _sources(source)
    settings = _settings()
    tagger = _tagger(tag)
    step = after_batch()
    exporter = _serve_metrics(metrics_port, metrics_host) if metrics_port is not None else None
    stop = threading.Event()
    with open_configured_store() as store, _Progress(len(sources), "collecting") as progress, _stop_on_signals(stop):
        scheduler, skipped = build_scheduler(store, sources, settings, x_token=cfg.x_bearer_token, tag=tagger,
                                             social=SocialCredentials.from_config(cfg.data, cfg.env),
                                             on_batch_stored=step, stop=stop,
                                             on_source_done=lambda h: progress.advance(f"collecting: {h.name}"))
        try:
            if watch:
                scheduler.watch(stop)
            else:
                scheduler.run_round()
        finally:
            scheduler.close()
            if exporter is not None:
                exporter.shutdown()
    if stop.is_set():
        typer.echo("stopped by a signal: what was fetched before it is stored", err=True)
    code = _summary(scheduler.health, skipped, as_json)
    if code:
        raise typer.Exit(code)


def _serve_metrics(port: int, host: str):
    from outagewatch.metrics import serve_metrics

    try:
        server = serve_metrics(port, host)
    except OSError as exc:
        fail(f"cannot serve metrics on {host}:{port}: {exc.strerror or exc}")
    typer.echo(f"metrics on http://{host}:{server.server_port}/metrics", err=True)
    return server


def capture(
    output: Path = typer.Argument(..., help="Folder to write the capture into (created)."),
    duration: str = typer.Option("1h", "--duration", help="How long to record (15m, 2h, 1d)."),
    source: List[str] = typer.Option(None, "--source", help="Only this source (repeatable)."),
    name: Optional[str] = typer.Option(None, "--name", help="A name for the capture's manifest."),
    step: str = typer.Option("5m", "--step", help="The replay step written into the manifest."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Record what the configured sources serve, for `outagewatch replay`."""
    from outagewatch.collectors.capture import Recorder
    from outagewatch.collectors.run import build_scheduler
    from outagewatch.collectors.social import SocialCredentials
    from outagewatch.search.sqlite import SQLiteStore
    from outagewatch.timeutil import parse_duration, utcnow

    cfg = config()
    try:
        seconds = parse_duration(duration).total_seconds()
        step_seconds = parse_duration(step).total_seconds()
    except ValueError as exc:
        fail(str(exc))
    sources = _sources(source)
    if output.exists() and any(output.iterdir()):
        fail(f"{output} exists and is not empty; choose a new folder")
    declared = [s for s in cfg.data.get("sources") or [] if s.get("name", s.get("url")) in {x.name for x in sources}]
    recorder = Recorder(output, name=name or output.name, sources=declared, step=step_seconds)
    from outagewatch.search.sqlite.textindex import words_path

    state = SQLiteStore(output / ".capture-state.db")
    scheduler, skipped = build_scheduler(state, sources, _settings(), x_token=cfg.x_bearer_token, record=recorder,
                                         social=SocialCredentials.from_config(cfg.data, cfg.env))
    stop = threading.Event()
    _signal.signal(_signal.SIGTERM, lambda *_: stop.set())
    timer = threading.Timer(seconds, stop.set)
    timer.start()
    try:
        scheduler.watch(stop)
    except KeyboardInterrupt:
        stop.set()
    finally:
        timer.cancel()
        scheduler.close()
        state.close()
        for suffix in ("", "-wal", "-shm"):
            (output / f".capture-state.db{suffix}").unlink(missing_ok=True)
        shutil.rmtree(words_path(output / ".capture-state.db"), ignore_errors=True)
        manifest = recorder.save()
    _summary(scheduler.health, skipped, as_json, {"manifest": str(manifest), "started": recorder.start,
                                                  "ended": utcnow()})


def replay(
    capture_dir: Path = typer.Argument(..., help="A capture folder (with manifest.json)."),
    speed: float = typer.Option(0.0, "--speed", min=0.0,
                                help="Simulated seconds per real second; 0 = as fast as possible."),
    source: List[str] = typer.Option(None, "--source", help="Only this source of the capture (repeatable)."),
    until: Optional[str] = typer.Option(None, "--until", help="Stop the simulated clock here."),
    tag: bool = typer.Option(True, "--tag/--no-tag", help="Tag services, regions and symptoms before storing."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Serve a capture on 127.0.0.1 and run the real collectors against it on a simulated clock."""
    from outagewatch.cli.common import parse_time_option
    from outagewatch.collectors.capture import CaptureError
    from outagewatch.collectors.replay import replay as run_replay
    from outagewatch.timeutil import to_iso

    stop_at = parse_time_option(until, "--until")
    tagger = _tagger(tag)
    step = after_batch()
    with open_configured_store() as store, _Progress(None, "replaying") as progress:
        def advance(now, start, end):
            total = int((end - start).total_seconds()) or 1
            progress.advance(f"replaying {to_iso(now)}", total=total, completed=int((now - start).total_seconds()))

        try:
            report = run_replay(capture_dir, store, speed=speed, tag=tagger, names=source or None, until=stop_at,
                                on_step=advance, on_batch_stored=step)
        except CaptureError as exc:
            fail(str(exc))
        except ValueError as exc:
            fail(str(exc))
    if not as_json:
        typer.echo(f"replayed {report.capture} from {to_iso(report.start)} to {to_iso(report.end)}: "
                   f"{report.steps} steps, {report.requests} requests, {report.seconds:.1f}s", err=True)
    code = _summary(report.health, report.skipped, as_json, report.to_dict() if as_json else None)
    if code:
        raise typer.Exit(code)


def register(app: typer.Typer) -> None:
    app.command()(collect)
    app.command()(capture)
    app.command()(replay)
