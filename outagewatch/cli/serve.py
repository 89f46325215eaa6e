"""``outagewatch serve``: the API and the dashboard under uvicorn."""

from __future__ import annotations

import contextlib
import signal
import threading

import typer

from outagewatch.cli.common import after_batch, config, fail, open_configured_store, redact_url


def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (beyond loopback needs an API token)."),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="Port to listen on."),
    public_reads: bool = typer.Option(
        False, "--public-reads",
        help="Leave read endpoints open when listening beyond loopback (they need the token otherwise)."),
    log_level: str = typer.Option("info", "--log-level", help="uvicorn log level: warning, info, debug."),
) -> None:
    """Serve the HTTP API (OpenAPI at /openapi.json), the dashboard at /, metrics at /metrics."""
    import uvicorn

    from outagewatch.api import BindRefused, check_bind, create_app, is_loopback

    settings = config()
    token = settings.api_token
    try:
        check_bind(host, token)
    except BindRefused as exc:
        fail(str(exc))
    reads_open = is_loopback(host) or public_reads
    with open_configured_store(create=False) as store:
        from outagewatch.api.app import LOOPBACK_HOSTS

        app = create_app(store, token=token, reads_open=reads_open, nlp_settings=settings.nlp,
                         after_batch=after_batch(), allowed_hosts=LOOPBACK_HOSTS if is_loopback(host) else None)
        shown = f"[{host}]" if ":" in host else host
        typer.echo(f"outagewatch API on http://{shown}:{port}/ (store {redact_url(store.url)}; "
                   f"reads {'open' if reads_open else 'need the token'}; "
                   f"writes {'need the token' if token else 'disabled: no API token configured'})", err=True)
        try:
            from outagewatch.logredact import uvicorn_log_config

            with _terminate_cleanly():
                uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False,
                            log_config=uvicorn_log_config())
        except SystemExit as exc:  # uvicorn exits when it cannot bind; say so in one line
            if exc.code:
                fail(f"cannot listen on {host}:{port} (is the port in use?)")
            raise
        except _Terminated:
            typer.echo("stopped by SIGTERM: requests in flight were answered", err=True)


class _Terminated(Exception):
    """SIGTERM arrived and uvicorn has already shut down gracefully."""


@contextlib.contextmanager
def _terminate_cleanly():
    """Exit 0 after a graceful stop on SIGTERM (`docker stop`, systemd, Kubernetes).

    uvicorn answers what is in flight, then raises the signal again with the handler that
    was there before it started; with the default one the process dies of the signal
    (status 143), which supervisors report as a failure. This handler turns that second
    delivery into an exception ``serve`` ends on normally. Ctrl-C keeps its usual meaning."""
    def handler(signum, frame):
        raise _Terminated()

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def register(app: typer.Typer) -> None:
    app.command()(serve)
