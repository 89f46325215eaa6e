"""``collect --once`` with the shipped default config and no credentials: every social
network is listed as collected or skipped with a reason, never a traceback. The config's
sources are rewritten to 127.0.0.1 (social APIs to local stand-ins, every other source to
a closed port, which must show as a counted connection error)."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from outagewatch.collectors.bskyapi import BlueskyAPI
from tests.collectors import test_bluesky
from tests.clihelp import free_port
from tests.collectors.test_social_restart import servers  # noqa: F401 - the fixture
from tests.clihelp import cli_process

REPO = Path(__file__).resolve().parents[2]
DEFAULT = REPO / "outagewatch" / "collectors" / "default.toml"


def toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return json.dumps(value)


def test_default_config_without_credentials_lists_every_network(tmp_path, servers):  # noqa: F811
    data = tomllib.loads(DEFAULT.read_text("utf-8"))
    official = test_bluesky.post(60, "support", "Some users see delays loading feeds; we are on it.", 59)
    official["author"] = {"did": "did:plc:z72i7hdynmk6r22z27h6tvur", "handle": "bsky.app", "displayName": "Bluesky"}
    servers["bluesky"].api = BlueskyAPI(test_bluesky.POSTS + [official])
    closed = f"http://127.0.0.1:{free_port()}"
    lines = [f'[store]\nurl = "sqlite:///{tmp_path}/d.db"\n[collect]\nretries = 0\ntimeout = "3s"\n']
    for entry in data["sources"]:
        entry = dict(entry)
        if entry["kind"] in servers:
            entry["api_base"] = servers[entry["kind"]].base
        elif entry.get("url"):
            entry["url"] = closed + "/" + entry["url"].split("://", 1)[1].replace("{slug}", "{slug}")
        lines.append("[[sources]]\n" + "".join(f"{k} = {toml_value(v)}\n" for k, v in entry.items()))
    config = tmp_path / "default-local.toml"
    config.write_text("\n".join(lines))
    result = cli_process("--config", config, "collect", "--once", "--no-tag", "--json", check=False)
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout, result.stderr[-2000:]
    assert result.returncode == 3  # partial: the sources pointed at a closed port failed; the rest stored
    report = json.loads(result.stdout)
    ran = {s["name"]: s for s in report["sources"]}
    skipped = {s["name"]: s["reason"] for s in report["skipped"]}
    kinds = {e["name"]: e["kind"] for e in data["sources"] if e.get("enabled", True)}
    for name, kind in kinds.items():
        assert name in ran or name in skipped, f"{name} is neither collected nor skipped"
    for network in ("bluesky", "mastodon", "hn"):
        names = [n for n, k in kinds.items() if k == network]
        assert names and all(ran[n]["errors"] == 0 for n in names), {n: ran.get(n) for n in names}
        assert sum(ran[n]["new"] for n in names) > 0
    reddit = [n for n, k in kinds.items() if k == "reddit"]
    assert reddit and all("OUTAGEWATCH_REDDIT_CLIENT_ID" in skipped[n] for n in reddit)
    assert all("OUTAGEWATCH_X_BEARER_TOKEN" in skipped[n] for n, k in kinds.items() if k == "x")
    others = [n for n, k in kinds.items() if k not in ("bluesky", "mastodon", "hn", "reddit", "x")]
    assert others and all(ran[n]["errors"] == 1 and ran[n]["last_error"].startswith("connection:") for n in others)
