"""The command line's shared manners, applied once to every command: help without type
noise (``<bool>``, ``<list[str]>``), an example section per command, ``--version``.

Applied here rather than in each command module so a new command gets them too.
"""

from __future__ import annotations

from typing import Any

import typer

# Examples shown under each command's help (one example per paragraph).
EXAMPLES: dict[str, list[str]] = {
    "ingest": ["outagewatch ingest signals.jsonl", "zcat dump.jsonl.gz | outagewatch ingest - --json"],
    "search": ["outagewatch search 'kinesis OR \"us-east-1\"' --provider aws --since 7d",
               "outagewatch search roku --kind social --json | tail -n 1    # the meta line: total, next_cursor",
               "outagewatch search --service roku --format csv > roku.csv"],
    "export": ["outagewatch export --service roku > roku.jsonl", "outagewatch export --since 1d --format csv -o day.csv"],
    "stats": ["outagewatch stats --json"],
    "catalog": ["outagewatch catalog --json"],
    "tag": ["echo 'Roku down again, AWS us-east-1?' | outagewatch tag --json"],
    "collect": ["outagewatch collect --once", "outagewatch --config sources.toml collect --watch"],
    "capture": ["outagewatch capture ./my-capture --duration 2h"],
    "replay": ["outagewatch replay examples/aws-us-east-1-2020-11-25 --speed 0"],
    "incidents": ["outagewatch incidents --since 2d", "outagewatch incidents --json | jq -r .title"],
    "correlate": ["outagewatch correlate --service roku --at 2020-11-25T14:00Z"],
    "report": ["outagewatch report aws:us-east-1 --format html -o report.html"],
    "migrate": ["outagewatch migrate --from sqlite:///outagewatch.db --to http://127.0.0.1:9200"],
    "serve": ["OUTAGEWATCH_API_TOKEN=... outagewatch serve --host 0.0.0.0"],
    "demo": ["outagewatch demo ./outagewatch-demo"],
    "accountability": ["outagewatch accountability --since 30d --provider aws"],
    "config": ["outagewatch --config outagewatch.toml config --json"],
}


def version() -> str:
    try:
        from importlib.metadata import version as installed

        return installed("outagewatch")
    except Exception:  # noqa: BLE001 - running from a source tree without metadata
        from outagewatch import __version__

        return __version__


def show_version(ctx: Any, _param: Any, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        from outagewatch.nlp.compiled import describe

        typer.echo(f"outagewatch {version()} (tagger rules: {describe()})")
        raise typer.Exit(0)


# Duck-typed on click's parameter and command objects: typer may bring its own copy of click.

def _metavar(param: Any) -> str | None:
    """What a value looks like in help: choices as {a|b}, the rest by the option's name."""
    if getattr(param, "is_flag", False) or getattr(param, "count", False):
        return ""
    desc = getattr(param, "type_descriptor", None)  # typer's own parameter types
    if desc is not None:
        choices = desc.choices if getattr(desc, "is_choice", False) else None
    else:
        choices = getattr(getattr(param, "type", None), "choices", None)
    if choices:
        return "{" + "|".join(str(getattr(c, "value", c)) for c in choices) + "}"
    if param.param_type_name == "argument":
        return param.name.upper()
    longest = max(param.opts, key=len).lstrip("-")
    return longest.replace("-", "_").upper()


def tidy(command: Any) -> None:
    """Plain metavars everywhere and the examples as each command's epilog."""
    for param in command.params:
        if not getattr(param, "metavar", None):
            param.metavar = _metavar(param)
        if param.param_type_name == "argument":  # typer prints an argument's type beside its name
            param.display_type_rich = lambda ctx: None
    make_help = command.get_help_option

    def help_option(ctx, make_help=make_help):
        option = make_help(ctx)
        if option is not None:
            option.metavar = ""
        return option

    command.get_help_option = help_option
    name = command.name or ""
    if name in EXAMPLES and not command.epilog:
        command.epilog = "Examples:\n\n" + "\n\n".join(EXAMPLES[name])
    for sub in (getattr(command, "commands", None) or {}).values():
        tidy(sub)
