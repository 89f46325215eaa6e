"""The ``outagewatch`` command line.

Each command group lives in its own module here and exposes ``register(app)``; this
module only assembles them and applies the shared conventions (``cli/conventions.py``:
help, examples, ``--version``; ``cli/output.py``: exit codes, ``--json`` shapes, stderr
for metadata, progress). Every command that prints data has ``--json``.
"""

from __future__ import annotations

import importlib
import sys

import typer
from typer.core import TyperGroup

from outagewatch.cli.common import load_configuration, state
from outagewatch.cli.conventions import show_version, tidy

class _Group(TyperGroup):
    """The global options (``--config``, ``--store``, ``--verbose``) are accepted after the
    command too (``outagewatch collect --watch --config ow.toml``), as people type them."""

    GLOBAL = {"--config": True, "-c": True, "--store": True, "--verbose": False, "-v": False}

    def parse_args(self, ctx, args):
        front: list[str] = []
        rest: list[str] = []
        command_seen = False
        i = 0
        while i < len(args):
            arg = args[i]
            if arg == "--":
                rest.extend(args[i:])
                break
            name, has_value, _ = arg.partition("=")
            if name in self.GLOBAL:
                takes = self.GLOBAL[name] and not has_value and i + 1 < len(args)
                (front if command_seen else rest).extend(args[i:i + 1 + takes])
                i += 1 + takes
                continue
            if not arg.startswith("-"):
                command_seen = True
            rest.append(arg)
            i += 1
        return super().parse_args(ctx, front + rest)


app = typer.Typer(
    cls=_Group,
    name="outagewatch",
    help="Aggregate outage chatter and reports, find incidents and their likely common cause.",
    no_args_is_help=True,
    add_completion=True,
    epilog="Exit codes: 0 ok; 1 fatal error; 2 usage error (a bad option or value); 3 partial success (some "
           "lines rejected or some sources failed, the rest done). Every --json output is JSON Lines: records one "
           "per line, listing metadata in a final {\"meta\": ...} line (see the README, \"Scripting\").",
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
    version: bool = typer.Option(False, "--version", help="Print the version and exit.", is_eager=True,
                                 callback=show_version),
) -> None:
    """The one place the configuration is read: every command gets it from ``common.config()``,
    so ``--config FILE`` and ``OUTAGEWATCH_CONFIG=FILE`` behave the same for every section,
    and a bad file stops every command with one line."""
    state.config_path = config
    state.store_url = store
    state.verbose = verbose
    state._config = None
    stale, state.early_result = state.early_result, None
    if stale is not None:  # started for an earlier command of this process that never ran (a usage error)
        stale.close()
    load_configuration()


for _name in COMMAND_MODULES:
    try:
        _module = importlib.import_module(_name)
    except ModuleNotFoundError as exc:
        if exc.name != _name:
            raise
        continue
    _module.register(app)


def command():
    """The click command behind ``app``, with the shared help conventions applied."""
    cmd = typer.main.get_command(app)
    tidy(cmd)
    _start_early(cmd)
    return cmd


def _start_early(cmd) -> None:
    """``ingest`` with tagging starts its tagger (a process of its own, ~2 s to build: see
    ``outagewatch.nlp.host``) as soon as the configuration is read, before the root callback's
    slower checks; the group sees the subcommand's arguments only here, before it runs."""
    invoke = cmd.invoke

    def invoking(ctx):
        args = [*getattr(ctx, "_protected_args", ()), *(ctx.args or ())]
        state.early = None
        if args[:1] == ["ingest"] and not {"--no-tag", "--help", "-h"} & set(args[1:]):
            from outagewatch.cli.data import start_ingest_tagger

            state.early = start_ingest_tagger
        return invoke(ctx)

    cmd.invoke = invoking


def main() -> None:
    try:
        command()(prog_name="outagewatch")
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
