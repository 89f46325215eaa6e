"""``outagewatch tag``: tag texts from stdin, one item a line.

A line is a JSON object (``text``, optional ``id``, ``source``, ``lang``) or plain text.
A bad line (invalid UTF-8, invalid JSON, no text) gets one clear line on stderr and the
rest is still tagged; the exit code is then 3 (partial success), as for ``ingest``.
"""

from __future__ import annotations

import sys
from typing import Any, Iterator

import orjson
import typer

from outagewatch.cli.common import config, fail, print_jsonl
from outagewatch.cli.output import EXIT_PARTIAL

MAX_LINE_BYTES = 16 * 1024 * 1024
BATCH = 1000
FIELDS = ("services", "providers", "regions", "symptoms", "status", "lang", "relevant", "ongoing")


class _BadLine(ValueError):
    pass


def _item(number: int, raw: bytes) -> dict[str, Any] | None:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _BadLine(f"not valid UTF-8 (byte {exc.start})") from None
    line = line.strip()
    if not line:
        return None
    if not line.startswith("{"):
        return {"id": number, "text": line, "source": None, "lang": None}
    try:
        data = orjson.loads(line)
    except orjson.JSONDecodeError as exc:
        raise _BadLine(f"bad JSON: {exc}") from None
    text = data.get("text")
    if not isinstance(text, str):
        raise _BadLine("the JSON object has no \"text\" string")
    for key in ("source", "lang"):
        if data.get(key) is not None and not isinstance(data[key], str):
            raise _BadLine(f"\"{key}\" must be a string")
    item_id = data.get("id", number)
    return {"id": item_id, "text": text, "source": data.get("source"), "lang": data.get("lang")}


def _items(stream, errors: list[int]) -> Iterator[dict[str, Any]]:
    """Every taggable line; a bad one is named on stderr and counted."""
    from outagewatch.jsonl import _bounded_lines

    for number, raw in enumerate(_bounded_lines(stream, MAX_LINE_BYTES), start=1):
        if isinstance(raw, int):
            typer.echo(f"line {number}: too long ({raw / 1_048_576:.1f} MB > "
                       f"{MAX_LINE_BYTES / 1_048_576:.0f} MB limit)", err=True)
            errors[0] += 1
            continue
        try:
            item = _item(number, raw)
        except _BadLine as exc:
            typer.echo(f"line {number}: {exc}", err=True)
            errors[0] += 1
            continue
        if item is not None:
            yield item


def tag(as_json: bool = typer.Option(False, "--json", help="Print JSON Lines: id, services, providers, regions, "
                                                            "symptoms, status, lang, relevant (about an outage: "
                                                            "going on, resolved or explained), ongoing (a "
                                                            "problem now), model (the relevance classifier's "
                                                            "probabilities, top words, the rules' own flags "
                                                            "and which decided)."),
        explain: bool = typer.Option(False, "--explain", help="Also say why: each name, place and symptom found, "
                                                              "whether it was tagged and by which rule, and which "
                                                              "cue decided relevance and ongoing, with the relevance "
                                                              "classifier's probabilities and top words (with --json: "
                                                              "an \"explain\" object).")) -> None:
    """Tag texts read from stdin (one JSON object with "text" or one plain text a line).

    Exit 0: every line tagged; 3: some lines rejected (each named on stderr); 1: fatal; 2: usage.
    """
    from outagewatch.nlp import Tagger
    from outagewatch.pipeline import batched

    try:
        tagger = Tagger.default(config().nlp)
    except Exception as exc:  # noqa: BLE001 - a broken catalog or model is one line for the user
        fail(f"cannot load the tagger: {exc}", exc)
    errors = [0]
    out = sys.stdout
    for batch in batched(_items(sys.stdin.buffer, errors), BATCH):
        triples = [(i["text"], i["source"], i["lang"]) for i in batch]
        results = tagger.explain_texts(triples) if explain else tagger.tag_texts(triples)
        for item, tags in zip(batch, results):
            record = {"id": item["id"], **{k: tags[k] for k in FIELDS}}
            if tagger.relevance is not None:
                record["model"] = _model(tagger.relevance, item["text"], tags.get("model"))
            if explain:
                record["explain"] = tags["explain"]
            if as_json:
                print_jsonl(record)
            else:
                out.buffer.write(_human(record).encode("utf-8") + b"\n")
                if explain:
                    out.buffer.write(_explained(record["explain"], record.get("model")).encode("utf-8"))
        sys.stdout.flush()
    if errors[0]:
        raise typer.Exit(EXIT_PARTIAL)


def _human(record: dict[str, Any]) -> str:
    parts = [f"{record['id']}:"]
    for key in ("services", "providers", "regions", "symptoms"):
        if record[key]:
            parts.append(f"{key}={','.join(record[key])}")
    if record["status"]:
        parts.append(f"status={record['status']}")
    parts.append(f"lang={record['lang'] or '-'}")
    # "relevant ongoing" (a problem now), "relevant past" (resolved, restored, explained), "not-relevant"
    parts.append(("relevant ongoing" if record["ongoing"] else "relevant past") if record["relevant"]
                 else "not-relevant")
    return " ".join(parts)


def _model(model, text: str, said: dict[str, Any] | None) -> dict[str, Any] | None:
    """What the relevance classifier said about a text, with the words that pushed each flag
    most; None where it did not run (the prescan found nothing to tag)."""
    if said is None:
        return None
    from outagewatch.nlp.relevance import LABELS
    return {**said, "top_words": {label: [[w, s] for w, s in model.top_words(text[:100_000], label)]
                                  for label in LABELS}}


def _explained(explain: dict[str, Any], model: dict[str, Any] | None = None) -> str:
    """The decisions, one indented line each: what was found, tagged or not, and the rule; then
    the relevance classifier's probabilities, who decided each flag and the words behind it."""
    lines = [f"  prescan: {explain['prescan']}"]
    for d in explain["decisions"]:
        if d["what"] in ("relevance", "ongoing"):
            lines.append(f"  {d['what']}: {'yes' if d['tagged'] else 'no'}: {d['rule']}")
            continue
        entry = f" -> {d['entry']}" if d.get("entry") else ""
        verdict = "tagged" if d["tagged"] else "not tagged"
        lines.append(f"  {d['what']} {d['text']!r}{entry}: {verdict}: {d['rule']}")
    if model is not None:
        said = []
        for label in ("relevant", "ongoing"):
            by = model["decided_by"][label]
            who = "rules and model agree" if by == "both" else \
                "the model decided (confident)" if by == "model" else "the rules decided (model unsure)"
            said.append(f"P({label}) {model[label]:.2f}, rules said {'yes' if model['rules'][label] else 'no'}: {who}")
        lines.append(f"  model: {'; '.join(said)}")
        for label in ("relevant", "ongoing"):
            words = ", ".join(f"{w} {s:+.2f}" for w, s in model["top_words"][label])
            lines.append(f"  model words for {label}: {words or '-'}")
    return "\n".join(lines) + "\n"


def register(app: typer.Typer) -> None:
    app.command()(tag)
