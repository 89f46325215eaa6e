"""What every command shares: the global options, opening the store, printing, errors.

Errors a user can act on are printed as one line on stderr: exit 2 when the command
line itself is wrong (a bad time, cursor, interval or window: the user's to fix, as
click's own usage errors), exit 1 when the command failed (a store that cannot answer).
A stack trace is a bug, so it only appears with ``--verbose``.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from dataclasses import dataclass
from typing import Any, Iterator

import click
import orjson
import typer

from outagewatch.config import Config, ConfigError, load_config


@dataclass
class _State:
    config_path: str | None = None
    store_url: str | None = None
    verbose: bool = False
    _config: Config | None = None
    notify: Any = None
    early: Any = None
    """Work the command starts as soon as the configuration is read, before the slower checks
    of the rest (``ingest``: its tagger, see ``cli/__init__.py``'s ``command``)."""
    early_result: Any = None


state = _State()


def load_configuration() -> Config:
    """Read and check the configuration (the CLI's root callback calls this once), the
    ``[alerts]`` destinations included, so a bad file stops any command with one line.

    The alerts' check imports the correlation engine (~0.3 s); a command's ``state.early`` work
    starts before it, once the file is read and the logs mask its secrets."""
    try:
        state._config = load_config(state.config_path)
    except ConfigError as exc:
        fail(str(exc))
    if state.verbose:
        logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    # Every handler (root, lastResort, libraries' own) masks credentials, verbose or not.
    from outagewatch import logredact

    logredact.install(logredact.config_secrets(state._config))
    if state.early is not None:
        early, state.early = state.early, None
        state.early_result = early(state._config)
    from outagewatch.correlate.alerts import AlertConfigError, notifier_from_config

    try:
        state.notify = notifier_from_config(state._config.section("alerts"))
    except ConfigError as exc:
        fail(str(exc))
    except AlertConfigError as exc:
        fail(f"{state._config.path or 'config'}: {exc}")
    return state._config


def config() -> Config:
    """The configuration the root callback loaded."""
    return state._config if state._config is not None else load_configuration()


def after_batch():
    """The correlation-and-alert step for commands that store Signals (collect, replay,
    ingest), built once from this process's configuration."""
    from outagewatch.correlate import AfterBatch
    from outagewatch.metrics import record_incidents

    config()
    return AfterBatch(notify=state.notify, on_result=record_incidents)


def store_url() -> str:
    url = state.store_url or config().store_url
    if not isinstance(url, str) or not url.strip():
        fail(f"the store URL must be a string like sqlite:///file.db or http://host:9200, got {type(url).__name__}"
             f" {str(url)[:40]!r}" + (f" (from {config().path})" if not state.store_url and config().path else ""))
    return url


@contextlib.contextmanager
def open_configured_store(url: str | None = None, *, create: bool = True) -> Iterator[Any]:
    """Open the configured store, turning any failure to reach it into one clear line.
    Commands that only read pass ``create=False``: a mistyped store is an error, never a new store."""
    from outagewatch.search import open_store

    target = url or store_url()
    try:
        store = open_store(target, create=create, **(config().store_options if _is_http(target) else {}))
    except Exception as exc:  # noqa: BLE001 - every backend's own error types end here
        fail(f"cannot open store {redact_url(target)}: {exc}", exc)
    try:
        yield store
    except (typer.Exit, typer.Abort, click.ClickException, KeyboardInterrupt):
        raise
    except BrokenPipeError:
        reader_went_away()
    except ValueError as exc:  # the store's word for "bad input" (a forged cursor...), as in the API: a 400
        usage_error(str(exc))
    except Exception as exc:  # noqa: BLE001 - a store that fails mid-command: one line, no trace
        fail(f"store {redact_url(target)} failed: {exc}", exc)
    finally:
        with contextlib.suppress(Exception):
            store.close()


def _is_http(url: str) -> bool:
    return url.lower().startswith(("http://", "https://"))


def redact_url(url: str) -> str:
    """Hide a password embedded in a URL (``https://user:pw@host``)."""
    from urllib.parse import urlsplit, urlunsplit

    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises on a malformed port, as hostname does on a bad IPv6
    except ValueError:
        # Malformed (``http://[::1``): still hide whatever could be "user:password@".
        return url.split("://", 1)[0] + "://***@" + url.rsplit("@", 1)[1] if "@" in url else url
    if parts.password:
        netloc = f"{parts.username}:***@{parts.hostname}" + (f":{parts.port}" if parts.port else "")
        return urlunsplit(parts._replace(netloc=netloc))
    return url


def reader_went_away() -> None:
    """stdout's reader closed the pipe (``export | head -1``): it has what it wanted, so
    stop quietly, exit 0; stdout goes to /dev/null so the final flush cannot complain."""
    import os

    with contextlib.suppress(OSError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    raise typer.Exit(0)


# Characters that a terminal acts on instead of showing: C0 controls but tab and newline
# (ESC starts every "clear screen", OSC 8 link and window-title sequence), DEL, C1
# controls (8-bit CSI), and the invisible bidi/zero-width marks that make a line read
# differently from what it is. Shown as ``\x1b``/``\u202e`` instead.
_UNSAFE = {c: f"\\x{c:02x}" for c in (*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F)}
_UNSAFE.update({c: f"\\x{c:02x}" for c in range(0x80, 0xA0)})
_UNSAFE.update({c: f"\\u{c:04x}" for c in (*range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2066, 0x206A),
                                            0x061C, 0xFEFF)})


def for_terminal(text: object) -> str:
    """``text`` made safe for a terminal: what would steer it is shown escaped instead.
    Human output only: ``--json`` output stays exact (JSON escapes control characters)."""
    return str(text).translate(_UNSAFE)


def usage_error(message: str) -> None:
    """The command line is wrong: one line, exit 2 (what click does for a bad option)."""
    from outagewatch.cli.output import EXIT_USAGE

    fail(message, code=EXIT_USAGE)


def fail(message: str, exc: BaseException | None = None, code: int = 1) -> None:
    from outagewatch.extras import hint_for

    message = hint_for(exc) or message
    if exc is not None and state.verbose:
        import traceback

        traceback.print_exception(exc, file=sys.stderr)
    typer.echo(f"error: {for_terminal(message)}", err=True)
    raise typer.Exit(code)


def print_json(data: Any) -> None:
    """One result as one JSON line (every ``--json`` output is JSON Lines; see cli/output.py)."""
    sys.stdout.buffer.write(orjson.dumps(data, option=orjson.OPT_NON_STR_KEYS, default=_default) + b"\n")
    sys.stdout.flush()


def print_jsonl(data: Any) -> None:
    sys.stdout.buffer.write(orjson.dumps(data, default=_default) + b"\n")


def _default(value: Any) -> Any:
    from datetime import datetime

    from outagewatch.timeutil import to_iso

    if isinstance(value, datetime):
        return to_iso(value)
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    if hasattr(value, "to_dict"):
        return value.to_dict()
    raise TypeError(f"cannot print {type(value).__name__} as JSON")


def parse_time_option(value: str | None, name: str):
    from outagewatch.timeutil import parse_time

    if value is None:
        return None
    try:
        return parse_time(value)
    except ValueError as exc:
        if "out of range" in str(exc):
            usage_error(f"{name}: {exc}")
        usage_error(f"{name}: cannot read {value[:60]!r} as a time; use ISO 8601 (2020-11-25T13:00Z) "
                    "or a relative form (2h, 7d)")
