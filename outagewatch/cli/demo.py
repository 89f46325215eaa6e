"""``outagewatch demo``: the bundled capture replayed into a store of its own, then the
incident it holds reported, so a plain ``pip install`` has something real to show.

The capture ships inside the package (``outagewatch/captures/``), so this works from a
wheel without the source tree. It is replayed with the real collectors on a simulated
clock, incidents are updated after each stored batch as ``collect --watch`` does (no
alerts are sent), and the report of the capture's labelled incident is written as HTML
and Markdown; the Markdown is printed last.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import typer

from outagewatch.cli.common import fail, print_json

from outagewatch.captures import AWS_US_EAST_1_2020_11_25 as CAPTURE, bundled

# The incident the capture was built around (its README): the region the cause lies in.
FOCUS = "aws:us-east-1"


def demo(
    directory: Path = typer.Argument(Path("outagewatch-demo"), help="Folder for the demo store and report (created)."),
    tag: bool = typer.Option(True, "--tag/--no-tag", help="Tag services, regions and symptoms before storing."),
    as_json: bool = typer.Option(False, "--json", help="Print where things were written as JSON instead of the report."),
) -> None:
    """Replay the bundled capture of the 2020-11-25 AWS us-east-1 event and report its incident.

    Examples:

        outagewatch demo                 # ./outagewatch-demo/{demo.db,report.html,report.md}

        outagewatch demo /tmp/ow --json
    """
    from outagewatch.cli.collect import _Progress, _tagger
    from outagewatch.cli.correlate import _find
    from outagewatch.collectors.replay import replay
    from outagewatch.correlate import AfterBatch
    from outagewatch.incidents import stored
    from outagewatch.reports import render
    from outagewatch.search import open_store
    from outagewatch.timeutil import to_iso

    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        fail(f"cannot create {directory}: {exc.strerror}")
    db = directory / "demo.db"
    tagger = _tagger(tag)
    try:
        store = open_store(f"sqlite:///{db}")
    except Exception as exc:  # noqa: BLE001 - any failure to open is one line
        fail(f"cannot open the demo store {db}: {exc}", exc)
    try:
        with resources.as_file(bundled(CAPTURE)) as capture, \
                _Progress(None, "replaying") as progress:
            def step(now, start, end):
                total = int((end - start).total_seconds()) or 1
                progress.advance(f"replaying {to_iso(now)}", total=total,
                                 completed=int((now - start).total_seconds()))

            typer.echo(f"replaying the bundled capture {CAPTURE} into {db} ...", err=True)
            report = replay(capture, store, speed=0, tag=tagger, on_step=step,
                            on_batch_stored=AfterBatch(notify=None))  # a past event: nobody is paged
        for skipped in report.skipped:
            typer.echo(f"skipped source {skipped.name}: {skipped.reason}", err=True)
        incidents = stored(store)
        typer.echo(f"stored {sum(h.new + h.updated for h in report.health.values())} signals from "
                   f"{len(report.health)} sources in {report.seconds:.1f}s; {len(incidents)} incident(s)", err=True)
        if not incidents:
            fail("the replay found no incident (is the tagger disabled? try without --no-tag)")
        incident = _find(store, FOCUS)
        html, md = directory / "report.html", directory / "report.md"
        html.write_text(render(incident, store, "html"), encoding="utf-8")
        text = render(incident, store, "md")
        md.write_text(text, encoding="utf-8")
    finally:
        store.close()
    if as_json:
        print_json({"store": f"sqlite:///{db.resolve()}", "capture": CAPTURE, "incidents": len(incidents),
                    "incident": incident.id, "title": incident.title,
                    "report": {"html": str(html.resolve()), "md": str(md.resolve())}})
        return
    typer.echo(f"report: {html.resolve()} (and {md.name}); explore with "
               f"`outagewatch --store sqlite:///{db} search ...`", err=True)
    typer.echo(text, nl=False)


def register(app: typer.Typer) -> None:
    app.command()(demo)
