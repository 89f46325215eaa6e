"""The ``outagewatch`` command line.

Each command group lives in its own module here and exposes ``register(app)``; this
module only assembles them. Every command that prints data has ``--json``.
"""

from __future__ import annotations

import importlib
import sys

import typer

from outagewatch.cli.common import load_configuration, state

app = typer.Typer(
    name="outagewatch",
    help="Aggregate outage chatter and reports, find incidents and their likely common cause.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Modules that add commands; a module listed here must define ``register(app)``.
COMMAND_MODULES = [
    "outagewatch.cli.data",      # ingest, search, export, stats, catalog, migrate
    "outagewatch.cli.nlp",       # tag
    "outagewatch.cli.collect",   # collect, capture, replay
    "outagewatch.cli.correlate", # incidents, correlate, report
    "outagewatch.cli.accountability",  # accountability
    "outagewatch.cli.serve",     # serve
    "outagewatch.cli.migrate",   # migrate (copy a store, sqlite <-> elasticsearch)
    "outagewatch.cli.demo",      # demo (replay the bundled capture, write its report)
    "outagewatch.cli.settings",  # config (the effective configuration, secrets hidden)
]


@app.callback()
def _root(
    config: str = typer.Option(None, "--config", "-c", help="TOML config file (default: ./outagewatch.toml)."),
    store: str = typer.Option(None, "--store", help="Store URL: sqlite:///file.db or http(s)://host:9200."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log what happens to stderr."),
) -> None:
    """The one place the configuration is read: every command gets it from ``common.config()``,
    so ``--config FILE`` and ``OUTAGEWATCH_CONFIG=FILE`` behave the same for every section,
    and a bad file stops every command with one line."""
    state.config_path = config
    state.store_url = store
    state.verbose = verbose
    state._config = None
    load_configuration()


for _name in COMMAND_MODULES:
    try:
        _module = importlib.import_module(_name)
    except ModuleNotFoundError as exc:
        if exc.name != _name:
            raise
        continue
    _module.register(app)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        sys.exit(130)
    except ImportError as exc:
        from outagewatch.extras import hint_for

        hint = hint_for(exc)
        if hint is None:
            raise
        print(f"error: {hint}", file=sys.stderr)
        sys.exit(1)
