"""The social collectors through the CLI in separate processes: checkpoints survive a
restart, and a ``collect`` killed with SIGKILL in the middle of a walk loses and
duplicates nothing."""

from __future__ import annotations

import json
import signal
import subprocess
import time
from pathlib import Path

import pytest

from outagewatch.collectors.bskyapi import BlueskyAPI
from outagewatch.collectors.hnapi import HNAPI
from outagewatch.collectors.mastoapi import MastodonAPI
from outagewatch.collectors.redditapi import RedditAPI
from outagewatch.search.query import Query
from outagewatch.search.sqlite import SQLiteStore
from tests.collectors import test_bluesky, test_hackernews, test_mastodon, test_reddit
from tests.collectors.socialserver import SocialServer
from tests.clihelp import OUTAGEWATCH, clean_env

EXPECTED = {"bluesky": 25, "mastodon": 10, "reddit": 24, "hn": 24}  # mastodon: a first run reads the newest page


@pytest.fixture
def servers():
    made = {"bluesky": SocialServer(BlueskyAPI(test_bluesky.POSTS)),
            "mastodon": SocialServer(MastodonAPI(test_mastodon.STATUSES)),
            "reddit": SocialServer(RedditAPI(test_reddit.THINGS)),
            "hn": SocialServer(HNAPI(test_hackernews.HITS), prefix="/api/v1")}
    yield made
    for server in made.values():
        server.close()


def config(tmp_path, servers) -> Path:
    path = tmp_path / "ow.toml"
    path.write_text(f'''[store]
url = "sqlite:///{tmp_path}/social.db"
[collect]
retries = 0
timeout = "60s"
[[sources]]
name = "bluesky"
kind = "bluesky"
query = "aws down"
page_size = 10
api_base = "{servers['bluesky'].base}"
[[sources]]
name = "mastodon"
kind = "mastodon"
instance = "mastodon.social"
tags = ["outage"]
page_size = 10
api_base = "{servers['mastodon'].base}"
[[sources]]
name = "reddit"
kind = "reddit"
subreddits = ["aws"]
page_size = 10
api_base = "{servers['reddit'].base}"
[[sources]]
name = "hn"
kind = "hn"
query = "aws outage"
page_size = 10
api_base = "{servers['hn'].base}"
''')
    return path


def command(path: Path) -> tuple[list[str], dict]:
    env = clean_env({"OUTAGEWATCH_BLUESKY_HANDLE": "me.bsky.social", "OUTAGEWATCH_BLUESKY_APP_PASSWORD": "pw",
                     "OUTAGEWATCH_REDDIT_CLIENT_ID": "id", "OUTAGEWATCH_REDDIT_CLIENT_SECRET": "secret"})
    return [*OUTAGEWATCH, "--config", str(path), "collect", "--no-tag", "--json"], env


def counts(db: Path) -> dict[str, int]:
    store = SQLiteStore(db)
    try:
        signals = list(store.scan(Query()))
        assert len({s.id for s in signals}) == len(signals)
        return {name: sum(s.source.startswith(f"{name}:") for s in signals) for name in EXPECTED}
    finally:
        store.close()


def test_sigkill_mid_walk_loses_and_duplicates_nothing_and_checkpoints_survive(tmp_path, servers):
    path = config(tmp_path, servers)
    cmd, env = command(path)
    servers["bluesky"].slow = {"cursor=20": 30}  # the third search page hangs: the walk is mid-way
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if (tmp_path / "social.db").exists() and any("cursor=20" in p for p in servers["bluesky"].paths):
            done = counts(tmp_path / "social.db")
            if done["hn"] and done["reddit"] and done["mastodon"]:
                break
        time.sleep(0.1)
    else:
        proc.kill()
        pytest.fail("the run never reached the hanging page")
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    killed = counts(tmp_path / "social.db")
    assert killed["bluesky"] == 0  # its walk never finished: nothing stored, no checkpoint saved
    servers["bluesky"].slow = {}
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert counts(tmp_path / "social.db") == EXPECTED
    for server in servers.values():
        server.paths.clear()
    again = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)  # a restart: new process
    assert again.returncode == 0, again.stderr
    summary = {s["name"]: s for s in json.loads(again.stdout)["sources"]}
    assert all(s["new"] == 0 and s["errors"] == 0 for s in summary.values()), summary
    assert any("since=" in p for p in servers["bluesky"].paths)
    assert all("min_id=" in p for p in servers["mastodon"].paths if "/timelines/" in p)
    assert any("numericFilters=created_at_i" in p for p in servers["hn"].paths)
    assert counts(tmp_path / "social.db") == EXPECTED
