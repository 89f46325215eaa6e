"""Which optional extra provides a missing module, so a command that needs one says
in one line what to install instead of printing ``No module named 'scrapy'``.

The core (``pip install outagewatch``) ingests, tags, searches and correlates on the
embedded SQLite store and replays status-page and feed captures; the heavier parts
are extras declared in pyproject.toml. Keep this table in step with those extras.
"""

from __future__ import annotations

import importlib.util

# top-level module -> the extra that installs it. Modules the core's own dependencies
# bring anyway (spaCy brings requests and pydantic) are declared in their extra but not
# listed here: they are never missing.
EXTRA_OF = {
    "elasticsearch": "es",
    "elastic_transport": "es",
    "fastapi": "api",
    "starlette": "api",
    "uvicorn": "api",
    "tweepy": "collectors",
    "atproto": "collectors",
    "atproto_client": "collectors",
    "mastodon": "collectors",
    "praw": "collectors",
    "prawcore": "collectors",
    "scrapy": "collectors",
    "twisted": "collectors",
    "apprise": "alerts",
}

# Declared in an extra for the code that imports it, but never missing in practice: the
# core's own dependencies bring it (spaCy requires pydantic).
BROUGHT_BY_CORE = frozenset({"pydantic"})

# what each extra is for, in the words a user knows
PURPOSE = {
    "es": "an Elasticsearch store",
    "api": "serving the HTTP API and dashboard",
    "collectors": "a source of kind x, bluesky, mastodon, reddit or reports",
    "alerts": "alerting through apprise URLs",
}


class MissingExtra(ImportError):
    """A module of an optional extra is not installed."""

    def __init__(self, module: str, extra: str) -> None:
        self.module = module
        self.extra = extra
        super().__init__(install_hint(module, extra), name=module)


def install_hint(module: str, extra: str) -> str:
    return (f"{PURPOSE.get(extra, 'this')} needs the optional extra {extra!r} (no module {module!r}): "
            f"pip install 'outagewatch[{extra}]'")


def hint_for(exc: BaseException | None) -> str | None:
    """The install line for an exception caused (directly or not) by a missing extra."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, MissingExtra):
            return str(exc)
        if isinstance(exc, ModuleNotFoundError) and exc.name:
            top = exc.name.split(".")[0]
            if top in EXTRA_OF:
                return install_hint(top, EXTRA_OF[top])
        exc = exc.__cause__ or exc.__context__
    return None


def require(*modules: str) -> None:
    """Raise :class:`MissingExtra` for the first of ``modules`` that cannot be imported,
    without importing any (a check before starting a child process that would)."""
    for module in modules:
        try:
            found = importlib.util.find_spec(module)
        except ImportError:
            found = None
        if found is None:
            raise MissingExtra(module, EXTRA_OF[module])
