"""Configuration: one TOML file plus environment overrides.

Lookup order for the file: ``--config PATH``, ``$OUTAGEWATCH_CONFIG``, ``./outagewatch.toml``
(absent is fine: defaults apply). Environment variables win over the file so that
secrets can live outside the repository and outside the file:

- ``OUTAGEWATCH_STORE``: store URL (``sqlite:///path.db`` or ``http(s)://host:9200``)
- ``OUTAGEWATCH_ES_USERNAME`` / ``OUTAGEWATCH_ES_PASSWORD`` / ``OUTAGEWATCH_ES_API_KEY``
- ``OUTAGEWATCH_ES_CA_CERTS``: CA bundle for an Elasticsearch with TLS
- ``OUTAGEWATCH_ES_SPOOL_DIR``: where Signals wait while Elasticsearch is unreachable
- ``OUTAGEWATCH_X_BEARER_TOKEN``: X/Twitter API v2 bearer token
- ``OUTAGEWATCH_API_TOKEN``: bearer token for the API's state-changing endpoints
- ``OUTAGEWATCH_NLP_MODEL`` / ``OUTAGEWATCH_NLP_PROCESSES``: ``[nlp] model`` / ``processes``
- ``OUTAGEWATCH_NLP_RELEVANCE_MODEL``: ``[nlp] relevance_model`` (a relevance classifier file
  other than the bundled one)

- ``OUTAGEWATCH_BLUESKY_*``, ``OUTAGEWATCH_MASTODON_TOKENS``, ``OUTAGEWATCH_REDDIT_*``: social credentials

Each secret may instead come from a file named by ``<NAME>_FILE`` (Docker and Kubernetes
secrets are files, e.g. ``OUTAGEWATCH_API_TOKEN_FILE=/run/secrets/api_token``), so the
value never sits in a process environment that ``docker inspect`` or ``ps e`` shows.

The file is read once, where the process starts (the CLI's root callback, or whoever builds
the API), and checked against :data:`SECTIONS`: an unknown section or key is an error that
names it and the nearest valid one, never silently ignored. Everything below the entry point
receives what it needs from there (:class:`Config`, ``Config.nlp``, the alert notifier the
CLI builds from ``[alerts]`` at start) and reads neither the file nor the environment.
"""

from __future__ import annotations

import difflib
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

DEFAULT_CONFIG_NAME = "outagewatch.toml"
DEFAULT_STORE_URL = "sqlite:///outagewatch.db"
SECRET_ENV = ("OUTAGEWATCH_ES_PASSWORD", "OUTAGEWATCH_ES_API_KEY", "OUTAGEWATCH_X_BEARER_TOKEN", "OUTAGEWATCH_API_TOKEN")
NLP_ENV = {"model": "OUTAGEWATCH_NLP_MODEL", "processes": "OUTAGEWATCH_NLP_PROCESSES",
           "relevance_model": "OUTAGEWATCH_NLP_RELEVANCE_MODEL"}

SECTIONS: dict[str, frozenset[str] | None] = {
    "store": frozenset({"url", "username", "password", "api_key", "ca_certs"}),
    "api": frozenset({"token"}),
    "x": frozenset({"bearer_token"}),
    "nlp": frozenset({"model", "processes", "relevance_model"}),
    "alerts": frozenset({"webhooks", "apprise", "base_url", "retries", "timeout"}),
    "collect": frozenset({"retries", "backoff", "backoff_max", "concurrency", "timeout", "deadline", "redirects"}),
    "reports": frozenset({"profiles", "scrapy"}),
    "bluesky": frozenset({"handle", "app_password"}),
    "mastodon": frozenset({"tokens"}),
    "reddit": frozenset({"client_id", "client_secret", "user_agent"}),
    "sources": None,  # an array of tables, each checked by the collectors (its keys depend on its kind)
}
"""Every section the file may have, and its keys."""
WEBHOOK_KEYS = frozenset({"url", "format", "secret", "routing_key"})


class ConfigError(ValueError):
    """The configuration file cannot be used; the message names the file and the problem."""


class Secret(str):
    """A string that never shows itself in ``repr``, logs or tracebacks."""

    def __repr__(self) -> str:
        return "Secret('***')"

    def reveal(self) -> str:
        return str.__str__(self)


@dataclass
class Config:
    path: Path | None = None
    data: dict[str, Any] = field(default_factory=dict)
    env: Mapping[str, str] = field(default_factory=dict, repr=False)
    """The environment as the entry point saw it (social credentials are read from it)."""
    store_url: str = DEFAULT_STORE_URL
    es_username: str | None = None
    es_password: Secret | None = None
    es_api_key: Secret | None = None
    es_ca_certs: str | None = None
    es_spool_dir: str | None = None
    x_bearer_token: Secret | None = None
    api_token: Secret | None = None

    def section(self, name: str) -> Any:
        return self.data.get(name, {})

    @property
    def nlp(self) -> dict[str, Any]:
        """``[nlp]`` with its environment overrides: ``model``, ``processes``, ``relevance_model``."""
        return dict(self.section("nlp"))

    @property
    def store_options(self) -> dict[str, Any]:
        """Keyword arguments for :func:`outagewatch.search.open_store` beyond the URL."""
        options: dict[str, Any] = {}
        if self.es_username:
            options["username"] = self.es_username
        if self.es_password:
            options["password"] = self.es_password
        if self.es_api_key:
            options["api_key"] = self.es_api_key
        if self.es_ca_certs:
            options["ca_certs"] = self.es_ca_certs
        if self.es_spool_dir:
            options["spool_dir"] = self.es_spool_dir
        return options


def load_config(path: str | os.PathLike[str] | None = None, *, env: dict[str, str] | None = None) -> Config:
    env = _read_secret_files(dict(os.environ if env is None else env))
    chosen = Path(path) if path else (Path(env["OUTAGEWATCH_CONFIG"]) if env.get("OUTAGEWATCH_CONFIG") else None)
    data: dict[str, Any] = {}
    if chosen is not None and not chosen.is_file():
        raise ConfigError(f"config file {chosen} does not exist")
    if chosen is None and Path(DEFAULT_CONFIG_NAME).is_file():
        chosen = Path(DEFAULT_CONFIG_NAME)
    if chosen is not None:
        try:
            data = tomllib.loads(chosen.read_text("utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"config file {chosen} is not valid TOML: {exc}") from None
        check(data, str(chosen))
    nlp = {**data.get("nlp", {}), **{key: env[var] for key, var in NLP_ENV.items() if env.get(var)}}
    if "processes" in nlp:
        try:
            nlp["processes"] = int(nlp["processes"])
        except (TypeError, ValueError):
            raise ConfigError(f"[nlp] processes must be a whole number, got {nlp['processes']!r}") from None
    if nlp:
        data = {**data, "nlp": nlp}
    store = data.get("store", {})
    x = data.get("x", {})
    api = data.get("api", {})
    for name, section in (("store", store), ("x", x), ("api", api)):
        if not isinstance(section, dict):
            raise ConfigError(f"config file {chosen}: [{name}] must be a table")
    if store.get("url") is not None and not isinstance(store.get("url"), str):
        raise ConfigError(f"config file {chosen}: [store] url must be a string like sqlite:///file.db "
                          f"or http://host:9200, got {type(store['url']).__name__}")

    def secret(value: Any) -> Secret | None:
        return Secret(value) if value else None

    return Config(
        path=chosen,
        data=data,
        env=env,
        store_url=env.get("OUTAGEWATCH_STORE") or store.get("url") or DEFAULT_STORE_URL,
        es_username=env.get("OUTAGEWATCH_ES_USERNAME") or store.get("username"),
        es_password=secret(env.get("OUTAGEWATCH_ES_PASSWORD") or store.get("password")),
        es_api_key=secret(env.get("OUTAGEWATCH_ES_API_KEY") or store.get("api_key")),
        es_ca_certs=env.get("OUTAGEWATCH_ES_CA_CERTS") or store.get("ca_certs"),
        es_spool_dir=env.get("OUTAGEWATCH_ES_SPOOL_DIR") or str(
            Path(env.get("XDG_STATE_HOME") or Path.home() / ".local" / "state") / "outagewatch" / "spool"),
        x_bearer_token=secret(env.get("OUTAGEWATCH_X_BEARER_TOKEN") or x.get("bearer_token")),
        api_token=secret(env.get("OUTAGEWATCH_API_TOKEN") or api.get("token")),
    )


def _read_secret_files(env: dict[str, str]) -> dict[str, str]:
    """Fill each secret variable from its ``_FILE`` twin (trailing newline dropped); the
    variable itself wins when both are set. An unreadable file is an error naming the
    variable, never the content."""
    for name in SECRET_ENV:
        path = env.get(f"{name}_FILE")
        if not path or env.get(name):
            continue
        try:
            env[name] = Path(path).read_text("utf-8").strip()
        except (OSError, UnicodeDecodeError) as exc:
            reason = getattr(exc, "strerror", None) or "not UTF-8 text"
            raise ConfigError(f"{name}_FILE: cannot read {path}: {reason}") from None
    return env


def _nearest(word: str, choices) -> str:
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.5)
    return f"; did you mean {close[0]!r}?" if close else f" (valid: {', '.join(sorted(choices))})"


def check(data: dict[str, Any], where: str = "config") -> None:
    """Every section and key of ``data`` is one outagewatch reads; else a :class:`ConfigError`
    naming the first stranger and the nearest valid name (``[alert]`` -> ``alerts``)."""
    for name, value in data.items():
        if name not in SECTIONS:
            raise ConfigError(f"{where}: unknown section [{name}]{_nearest(name, SECTIONS)}")
        keys = SECTIONS[name]
        if keys is None:
            if not isinstance(value, list):
                raise ConfigError(f"{where}: [{name}] must be an array of tables ([[{name}]])")
            continue
        if not isinstance(value, dict):
            raise ConfigError(f"{where}: {name} must be a section ([{name}]), not a value")
        for key in value:
            if key not in keys:
                raise ConfigError(f"{where}: unknown key {key!r} in [{name}]{_nearest(key, keys)}")
    for i, hook in enumerate((data.get("alerts") or {}).get("webhooks") or []):
        for key in hook if isinstance(hook, dict) else ():
            if key not in WEBHOOK_KEYS:
                raise ConfigError(f"{where}: unknown key {key!r} in alerts.webhooks[{i}]{_nearest(key, WEBHOOK_KEYS)}")

