"""Captures of the social networks: what a recording keeps of each (the items the API
served, in the network's own JSON) and how a replay serves them back through the
server-side stand-ins, so the real client libraries run against 127.0.0.1.

Layout inside a capture folder: ``social/<network>.jsonl``, one item a line (a Bluesky
post view, a Mastodon status, a Reddit thing, a Hacker News hit), named in the manifest
as ``"social": {"bluesky": "social/bluesky.jsonl", ...}``. A replay serves them under
``/bluesky/xrpc/...``, ``/mastodon/<instance>/api/...``, ``/reddit/...`` and
``/hn/api/v1/...`` on the capture server.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

from outagewatch.collectors.bskyapi import BlueskyAPI
from outagewatch.collectors.hnapi import HNAPI
from outagewatch.collectors.mastoapi import MastodonAPI
from outagewatch.collectors.redditapi import RedditAPI

# network -> (the item's identity, the stand-in API over a list of items)
NETWORKS: dict[str, tuple[Callable[[dict], str], Callable[[list], Any]]] = {
    "bluesky": (lambda item: item["uri"], BlueskyAPI),
    "mastodon": (lambda item: item["uri"], MastodonAPI),
    "reddit": (lambda item: item["data"].get("name") or f"{item['kind']}_{item['data']['id']}", RedditAPI),
    "hn": (lambda item: str(item["objectID"]), HNAPI),
}


def load(root: Path, manifest: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for network, name in (manifest.get("social") or {}).items():
        if network not in NETWORKS:
            raise ValueError(f"unknown social network {network!r} in the manifest (one of {', '.join(NETWORKS)})")
        out[network] = [json.loads(line) for line in (root / name).read_text("utf-8").splitlines() if line.strip()]
    return out


def save(root: Path, items: dict[str, dict[str, dict[str, Any]]]) -> dict[str, str]:
    """Write each network's items (keyed by identity) and return the manifest's ``social`` table."""
    names = {}
    for network, kept in sorted(items.items()):
        if not kept:
            continue
        (root / "social").mkdir(exist_ok=True)
        name = f"social/{network}.jsonl"
        (root / name).write_text("".join(json.dumps(kept[k], sort_keys=True) + "\n" for k in sorted(kept)), "utf-8")
        names[network] = name
    return names


def identity(network: str, item: dict[str, Any]) -> str:
    return NETWORKS[network][0](item)


class SocialAPIs:
    """The stand-in APIs over a capture's items; ``handle`` answers a request under
    ``/<network>/...`` or returns None for a path that is not theirs."""

    def __init__(self, social: dict[str, list[dict[str, Any]]]) -> None:
        self.apis = {network: NETWORKS[network][1](social.get(network) or []) for network in NETWORKS}

    @staticmethod
    def bases(server_base: str) -> dict[str, str]:
        """The ``api_base`` each collector kind gets in a replay."""
        return {"bluesky": f"{server_base}/bluesky", "mastodon": f"{server_base}/mastodon",
                "reddit": f"{server_base}/reddit", "hn": f"{server_base}/hn/api/v1"}

    def handle(self, path: str, query: str, now: datetime | None, body: bytes,
               authorization: str | None) -> tuple[int, Any] | None:
        network, _, rest = path.lstrip("/").partition("/")
        if network not in self.apis:
            return None
        token = authorization[7:] if authorization and authorization.lower().startswith("bearer ") else None
        return self.apis[network].handle("/" + rest, query, now, body, token=token)
