"""The opt-in compiled build of the tagger's rules: which modules, how, and a guard against a stale build.

``make compiled`` (``scripts/compiled_rules.py build``) compiles the rule modules below with mypyc, in place:
each gets a C extension beside its source (``resolve.cpython-311-x86_64-linux-gnu.so``), plus one shared library
at the checkout's top, and Python imports the extension instead of the source. The rules then run ~30% faster
(docs/benchmarks.md, "Speed, thirteenth round") with the same tags (``benchmarks/tag_identity.py`` on the
compiled checkout against the pure one). ``make pure`` removes them. The default install, ``make test`` and
``make demo`` never compile anything.

Compiled code holds the modules to their annotations at run time, so they must pass mypy with the build's
flags (:data:`MYPY_FLAGS`): ``tests/nlp/test_compiled_rules_types.py`` type-checks them in the suite, so a
rule edit that would break the build fails there, not on a deployment.

An extension built from other sources than the ones beside it runs rules that are no longer in the checkout,
silently: the build records each source's digest (:data:`RECORD`) and :func:`check`, which the tagger calls at
import, refuses a compiled module whose source has changed since ("run make compiled again, or make pure").
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import json
import sys
from pathlib import Path

# The rule modules: pure Python that the tagger runs on every text the prescan passes, the hot part mypyc
# speeds up; then the helpers they call on a text (operators, phrase gates, "fine" clauses, everyday senses,
# demonyms, sites, places elsewhere, all-clear and absence words), the matcher's verb and compound look-ups,
# the prescan's own Python and the language vote; the matcher component itself (pipeline.py: its __call__,
# doc_words), the tokenizer's affix rules (affixes.py) and the operators the rules find loosely and by typo
# (loose_operators, typos): compiled together, their calls to each other are C calls. The tagger's batch glue
# (tagger.py: its methods are patched by benchmarks/ingest_stages.py, its functions go to the workers by
# pickle), the relevance classifier's features and the tables stay Python.
MODULES = ("outagewatch.nlp.resolve", "outagewatch.nlp.relevance_rules", "outagewatch.nlp.service_rules",
           "outagewatch.nlp.place_rules", "outagewatch.nlp.answered",
           "outagewatch.nlp.operators", "outagewatch.nlp.phrasegate", "outagewatch.nlp.fine",
           "outagewatch.nlp.senses", "outagewatch.nlp.demonyms", "outagewatch.nlp.sites",
           "outagewatch.nlp.elsewhere", "outagewatch.nlp.allclear", "outagewatch.nlp.absence",
           "outagewatch.nlp.compounds", "outagewatch.nlp.verbs", "outagewatch.nlp.prescan",
           "outagewatch.nlp.lang", "outagewatch.nlp.pipeline", "outagewatch.nlp.affixes",
           "outagewatch.nlp.loose_operators", "outagewatch.nlp.typos")
MYPY_FLAGS = ("--follow-imports=silent", "--ignore-missing-imports")
HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
RECORD = HERE / "compiled.json"  # written by the build: {module: sha256 of the source it was built from}


def sources(root: Path = ROOT) -> list[Path]:
    """The rule modules' source files, relative to the checkout ``root``."""
    return [root.joinpath(*name.split(".")).with_suffix(".py") for name in MODULES]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def compiled() -> list[str]:
    """The rule modules imported from an extension (the compiled build), not from their source."""
    return [name for name in MODULES if name in sys.modules
            and not str(getattr(sys.modules[name], "__file__", None) or ".py").endswith(".py")]


def describe(root: Path = ROOT) -> str:
    """What the tagger's rules run as in the install at ``root``, read from its files alone (nothing
    imported, for ``outagewatch --version``): a user of the Docker image or of a compiled wheel can see
    that the build took, and a stale one is named before the tagger refuses it."""
    built = [(name, source) for name, source in zip(MODULES, sources(root))
             if any(source.with_suffix(suffix).exists() for suffix in importlib.machinery.EXTENSION_SUFFIXES)]
    if not built:
        return "pure Python"
    try:
        record = json.loads(root.joinpath(*RECORD.relative_to(ROOT).parts).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        record = {}
    stale = [name for name, source in built if source.exists() and record.get(name) != digest(source)]
    state = f"compiled, {len(built)} of {len(MODULES)} modules"
    if stale:
        state += f"; {len(stale)} built from other sources, which the tagger refuses (make compiled again, or make pure)"
    return state


class StaleBuild(ImportError):
    """A compiled rule module built from another source than the one beside it."""


def check() -> None:
    """Raise :class:`StaleBuild` if a rule module runs compiled from a source that has changed since the build
    (or was built without a record). Pure Python (the default): nothing to check."""
    names = compiled()
    if not names:
        return
    try:
        built = json.loads(RECORD.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        built = {}
    for name in names:
        source = ROOT.joinpath(*name.split(".")).with_suffix(".py")
        if source.exists() and built.get(name) != digest(source):
            raise StaleBuild(f"{name} runs compiled from another source than {source} (edited since `make compiled`?): "
                             "run `make compiled` again, or `make pure` for the pure-Python rules")
