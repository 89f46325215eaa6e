"""``outagewatch config``: the configuration in effect, after the file and the environment."""

from __future__ import annotations

import typer

from outagewatch.cli.common import config, print_json, redact_url, store_url


def _shown(value):
    """Secrets are said to be set, never shown."""
    if hasattr(value, "reveal"):
        return "***"
    if isinstance(value, dict):
        return {k: _shown(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_shown(v) for v in value]
    return value


def show_config(as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """The configuration in effect: which file, the store, and every section with the environment's
    overrides applied (secrets shown as ***)."""
    cfg = config()
    secret = lambda v: "***" if v else None  # noqa: E731
    data = {
        "file": str(cfg.path) if cfg.path else None,
        "store": {"url": redact_url(store_url()), "username": cfg.es_username, "password": secret(cfg.es_password),
                  "api_key": secret(cfg.es_api_key), "ca_certs": cfg.es_ca_certs},
        "api": {"token": secret(cfg.api_token)},
        "x": {"bearer_token": secret(cfg.x_bearer_token)},
        "nlp": cfg.nlp,
        "alerts": _shown_alerts(cfg.section("alerts")),
        "collect": cfg.section("collect"),
        "reports": cfg.section("reports"),
        "social": _social(cfg),
        "sources": [s.get("name") or s.get("url") or s.get("kind") for s in cfg.section("sources") or []],
    }
    if as_json:
        print_json(data)
        return
    for key, value in data.items():
        typer.echo(f"{key}: {value}")


def _shown_alerts(section: dict) -> dict:
    """Destinations by format only: every URL, secret and routing key of an alert is a credential."""
    hooks = [{"format": (h.get("format", "json") if isinstance(h, dict) else "json"), "url": "***"}
             for h in section.get("webhooks") or []]
    apprise = section.get("apprise") or []
    return {**{k: v for k, v in section.items() if k in ("retries", "timeout", "base_url")}, "webhooks": hooks,
            "apprise": ["***"] * (len(apprise) if isinstance(apprise, list) else 1)}


def _social(cfg) -> dict:
    from outagewatch.collectors.social import SocialCredentials

    creds = SocialCredentials.from_config(cfg.data, cfg.env)
    return {"bluesky": {"handle": creds.bluesky_handle, "app_password": "***" if creds.bluesky_app_password else None},
            "mastodon": {"tokens": {k: "***" for k in creds.mastodon_tokens}},
            "reddit": {"client_id": creds.reddit_client_id, "client_secret": "***" if creds.reddit_client_secret else None,
                       "user_agent": creds.reddit_user_agent}}


def register(app: typer.Typer) -> None:
    app.command("config")(show_config)
