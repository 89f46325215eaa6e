"""The labelled relevance data by writer group, and the candidate classifiers, for the experiment.

Why a module of its own: benchmarks/relevance_model.py (leave-one-writer-out evaluation) and
scripts/train_relevance.py (the shipped model) must read the same groups, labels and features,
or the figures would be about another model than the one shipped.

Groups (a group is one writer, or one set written together): the training writers
(training/tagging/writer_{a..u}.jsonl, written blind to the rules, for training only) and the
old labelled sets in tests/data, which the rules were tuned on (dev, holdout, tune, final,
final3-final32; final6 to final32 were each scored blind once and are development sets
since). The lead's blind sets, tests/data/tagging_final33.jsonl and tagging_final34.jsonl, are in
:data:`NEVER_READ`: no function here opens them, and :func:`read_jsonl` refuses them.

Labels: a record with its own ``ongoing`` key gives both flags. An old set without it gives
one, under the definition tests/data/tagging_relevance.json records for it: a "problem now"
set's label is ``ongoing`` (and ``relevant`` only where true); an "about an outage" set's is
``relevant`` (and ``ongoing`` = false where it is false). A flag a record does not give is None:
it is neither trained on nor scored.
"""

from __future__ import annotations

import json
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data"
TRAINING = REPO / "training" / "tagging"

WRITERS = ("writer_a", "writer_b", "writer_c", "writer_d", "writer_e", "writer_f", "writer_g", "writer_h", "writer_i",
           "writer_j", "writer_k", "writer_l", "writer_m", "writer_n", "writer_o", "writer_p", "writer_q",
           "writer_r", "writer_s", "writer_t", "writer_u")
GROUPS: dict[str, tuple[Path, ...]] = {
    **{w: (TRAINING / f"{w}.jsonl",) for w in WRITERS},
    "dev+holdout": (DATA / "tagging_dev.jsonl", DATA / "tagging_holdout.jsonl"),
    "tune": (DATA / "tagging_tune.jsonl",),
    "final": (DATA / "tagging_final.jsonl",),
    "final3": (DATA / "tagging_final3.jsonl",),
    "final4": (DATA / "tagging_final4.jsonl",),
    "final5": (DATA / "tagging_final5.jsonl",),
    "final6": (DATA / "tagging_final6.jsonl",),
    "final7": (DATA / "tagging_final7.jsonl",),
    "final8": (DATA / "tagging_final8.jsonl",),
    "final9": (DATA / "tagging_final9.jsonl",),
    "final10": (DATA / "tagging_final10.jsonl",),
    "final11": (DATA / "tagging_final11.jsonl",),
    "final12": (DATA / "tagging_final12.jsonl",),
    "final13": (DATA / "tagging_final13.jsonl",),
    "final14": (DATA / "tagging_final14.jsonl",),
    "final15": (DATA / "tagging_final15.jsonl",),
    "final16": (DATA / "tagging_final16.jsonl",),
    "final17": (DATA / "tagging_final17.jsonl",),
    "final18": (DATA / "tagging_final18.jsonl",),
    "final19": (DATA / "tagging_final19.jsonl",),
    "final20": (DATA / "tagging_final20.jsonl",),
    "final21": (DATA / "tagging_final21.jsonl",),
    "final22": (DATA / "tagging_final22.jsonl",),
    "final23": (DATA / "tagging_final23.jsonl",),
    "final24": (DATA / "tagging_final24.jsonl",),
    "final25": (DATA / "tagging_final25.jsonl",),
    "final26": (DATA / "tagging_final26.jsonl",),
    "final27": (DATA / "tagging_final27.jsonl",),
    "final28": (DATA / "tagging_final28.jsonl",),
    "final29": (DATA / "tagging_final29.jsonl",),
    "final30": (DATA / "tagging_final30.jsonl",),
    "final31": (DATA / "tagging_final31.jsonl",),
    "final32": (DATA / "tagging_final32.jsonl",),
}
# The lead's blind sets: never opened, never trained or tuned on.
NEVER_READ = frozenset({DATA / "tagging_final33.jsonl", DATA / "tagging_final34.jsonl"})
KINDS = ("social", "status", "headline", "negative", "region")


def read_jsonl(path: Path) -> list[dict]:
    if path.resolve() in {p.resolve() for p in NEVER_READ}:
        raise SystemExit(f"refusing to read {path}: a blind evaluation set")
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def definition_of(path: Path) -> str:
    """'ongoing' or 'outage': what an old set's ``relevant`` label means (unlisted: 'outage')."""
    sets = json.loads((DATA / "tagging_relevance.json").read_text("utf-8"))["sets"]
    return sets.get(path.name, {}).get("relevant_means", "outage")


def flags_of(record: dict, definition: str) -> tuple[bool | None, bool | None]:
    """(relevant, ongoing) a record gives; None where its set's definition does not say."""
    if "ongoing" in record:
        return bool(record["relevant"]), bool(record["ongoing"])
    if definition == "ongoing":
        return (True if record["relevant"] else None), bool(record["relevant"])
    return bool(record["relevant"]), (False if not record["relevant"] else None)


def kind_of(record: dict) -> str:
    kind = record.get("kind") or "social"
    return "status" if kind.startswith("status") else kind


def load_groups(names=None) -> list[dict]:
    """Every record of the named groups (all by default), each with ``group``, ``kind``, ``rel``,
    ``ong`` (bool or None), ``text``, ``source`` and ``lang_hint``."""
    out = []
    for name in names or GROUPS:
        for path in GROUPS[name]:
            definition = definition_of(path)
            for record in read_jsonl(path):
                rel, ong = flags_of(record, definition)
                out.append({"id": record.get("id"), "group": name, "kind": kind_of(record), "text": record["text"],
                            "source": record.get("source"), "lang_hint": record.get("lang_hint"),
                            "lang": record.get("lang"), "rel": rel, "ong": ong})
    return out


def rules_tags(records: list[dict], tagger=None) -> list[dict]:
    """The rule-based tagger's tags for each record (source and language hint as labelled), with
    ``cleared``: the prescan let the text through to no rule (the model does not run on it)."""
    from outagewatch.nlp.source import parse_source
    from outagewatch.nlp.tagger import _informative
    if tagger is None:
        from outagewatch.nlp import Tagger
        tagger = Tagger(relevance_model=False)
    assert tagger.relevance is None, "the rules alone"
    out = []
    for r, tags in zip(records, tagger.tag_texts([(r["text"], r["source"], r["lang_hint"]) for r in records])):
        cleared = not _informative(parse_source(r["source"], tagger.vocab)) and tagger.prescan.clear(r["text"]) is not None
        out.append({**tags, "cleared": cleared})
    return out
