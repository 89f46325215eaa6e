"""The configuration is read once, checked, and the same whether named by --config or
OUTAGEWATCH_CONFIG; the environment wins over the file for every section."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from tests.clihelp import cli
from tests.collectors.localhttp import WebhookReceiver

# One file that sets every section, and what `outagewatch config --json` must then show.
FILE = """
[store]
url = "sqlite:///{tmp}/from-file.db"
username = "elastic"
password = "file-password"
ca_certs = "/etc/ca.pem"
[api]
token = "file-api-token"
[x]
bearer_token = "file-x-token"
[nlp]
model = "xx_file_model"
processes = 2
[alerts]
retries = 1
timeout = 2.5
[[alerts.webhooks]]
url = "http://127.0.0.1:9/hook/SECRET"
format = "slack"
[collect]
retries = 5
concurrency = 2
[reports.profiles.mysite]
series_regex = "x"
[bluesky]
handle = "me.bsky.social"
app_password = "file-bsky"
[mastodon.tokens]
"mastodon.social" = "file-mastodon"
[reddit]
client_id = "file-reddit-id"
client_secret = "file-reddit-secret"
user_agent = "outagewatch-test"
[[sources]]
name = "flickr-status"
kind = "statuspage"
url = "https://status.flickr.net"
"""

SECRETS = ("file-password", "file-api-token", "file-x-token", "SECRET", "file-bsky", "file-mastodon",
           "file-reddit-secret")
EXPECTED = {
    "store": lambda d, tmp: d["store"] == {"url": f"sqlite:///{tmp}/from-file.db", "username": "elastic",
                                           "password": "***", "api_key": None, "ca_certs": "/etc/ca.pem"},
    "api": lambda d, tmp: d["api"] == {"token": "***"},
    "x": lambda d, tmp: d["x"] == {"bearer_token": "***"},
    "nlp": lambda d, tmp: d["nlp"] == {"model": "xx_file_model", "processes": 2},
    "alerts": lambda d, tmp: d["alerts"] == {"webhooks": [{"url": "***", "format": "slack"}], "retries": 1,
                                             "timeout": 2.5, "apprise": []},
    "collect": lambda d, tmp: d["collect"] == {"retries": 5, "concurrency": 2},
    "reports": lambda d, tmp: d["reports"] == {"profiles": {"mysite": {"series_regex": "x"}}},
    "bluesky": lambda d, tmp: d["social"]["bluesky"] == {"handle": "me.bsky.social", "app_password": "***"},
    "mastodon": lambda d, tmp: d["social"]["mastodon"] == {"tokens": {"mastodon.social": "***"}},
    "reddit": lambda d, tmp: d["social"]["reddit"] == {"client_id": "file-reddit-id", "client_secret": "***",
                                                       "user_agent": "outagewatch-test"},
    "sources": lambda d, tmp: d["sources"] == ["flickr-status"],
}


@pytest.fixture
def config_file(tmp_path):
    path = tmp_path / "ow.toml"
    path.write_text(FILE.format(tmp=tmp_path))
    return path


@pytest.mark.parametrize("section", sorted(EXPECTED))
def test_each_section_is_the_same_by_option_or_by_environment(section, config_file, tmp_path):
    by_option = json.loads(cli("--config", config_file, "config", "--json", cwd=tmp_path).stdout)
    by_env = json.loads(cli("config", "--json", env={"OUTAGEWATCH_CONFIG": str(config_file)}, cwd=tmp_path).stdout)
    assert EXPECTED[section](by_option, tmp_path), by_option
    assert EXPECTED[section](by_env, tmp_path), by_env
    shown = json.dumps(by_option)
    assert not [s for s in SECRETS if s in shown]


@pytest.mark.parametrize("variable, value, check", [
    ("OUTAGEWATCH_STORE", "sqlite:///env.db", lambda d: d["store"]["url"] == "sqlite:///env.db"),
    ("OUTAGEWATCH_NLP_MODEL", "xx_env_model", lambda d: d["nlp"]["model"] == "xx_env_model"),
    ("OUTAGEWATCH_NLP_PROCESSES", "3", lambda d: d["nlp"]["processes"] == 3),
    ("OUTAGEWATCH_ES_USERNAME", "env-user", lambda d: d["store"]["username"] == "env-user"),
    ("OUTAGEWATCH_REDDIT_CLIENT_ID", "env-reddit", lambda d: d["social"]["reddit"]["client_id"] == "env-reddit"),
    ("OUTAGEWATCH_BLUESKY_HANDLE", "env.bsky.social",
     lambda d: d["social"]["bluesky"]["handle"] == "env.bsky.social"),
])
def test_the_environment_wins_over_the_file(variable, value, check, config_file, tmp_path):
    for how in (["--config", str(config_file)], []):
        env = {variable: value, **({} if how else {"OUTAGEWATCH_CONFIG": str(config_file)})}
        shown = json.loads(cli(*how, "config", "--json", env=env, cwd=tmp_path).stdout)
        assert check(shown), shown


@pytest.mark.parametrize("text, words", [
    ("[alert]\nretries = 2\n", ["unknown section [alert]", "'alerts'"]),
    ("[nlp]\nmodle = 'x'\n", ["unknown key 'modle' in [nlp]", "'model'"]),
    ("[store]\nurl = 'sqlite:///a.db'\npasword = 'x'\n", ["unknown key 'pasword' in [store]", "'password'"]),
    ("[[alerts.webhooks]]\nurl = 'http://127.0.0.1/x'\nfromat = 'slack'\n", ["'fromat'", "'format'"]),
    ("[alerts]\n[[alerts.webhooks]]\nurl = 'http://127.0.0.1/x'\nformat = 'teams'\n", ["format must be one of"]),
    ("[nlp]\nprocesses = 'two'\n", ["processes must be a whole number"]),
])
@pytest.mark.parametrize("how", ["option", "environment"])
def test_a_mistyped_section_or_key_stops_every_command_naming_it(text, words, how, tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text(text)
    args, env = (["--config", str(path)], {}) if how == "option" else ([], {"OUTAGEWATCH_CONFIG": str(path)})
    for command in (["stats"], ["catalog", "--json"], ["incidents"]):
        ran = cli(*args, *command, env=env, cwd=tmp_path, check=False)
        assert ran.code == 1, ran.stdout
        assert ran.stderr.count("\n") == 1 and all(w in ran.stderr for w in words), ran.stderr
    assert list(tmp_path.iterdir()) == [path]  # nothing created


def test_alerts_and_nlp_sections_reach_ingest_either_way(tmp_path):
    """The behaviour, not only the printout: an ingest named by --config or by OUTAGEWATCH_CONFIG
    sends its alert to the file's webhook, and tags with the file's [nlp] model (a missing one fails)."""
    from outagewatch.jsonl import write_signals
    from outagewatch.timeutil import utcnow
    from tests.correlate.builder import Story

    hooks = WebhookReceiver()
    try:
        story = Story()
        story.status(utcnow() - timedelta(minutes=5), "investigating",
                     "We are investigating errors with Kinesis in us-east-1.")
        lines = tmp_path / "now.jsonl"
        with open(lines, "wb") as out:
            write_signals(story.signals, out)
        for n, how in enumerate(("option", "environment")):
            path = tmp_path / f"ow{n}.toml"
            path.write_text(f'[store]\nurl = "sqlite:///{tmp_path}/s{n}.db"\n[[alerts.webhooks]]\nurl = "{hooks.url}"\n'
                            '[nlp]\nmodel = "xx_no_such_model"\n')
            args, env = (["--config", str(path)], {}) if how == "option" else ([], {"OUTAGEWATCH_CONFIG": str(path)})
            failed = cli(*args, "ingest", lines, env=env, cwd=tmp_path, check=False)
            assert failed.code == 1 and "xx_no_such_model" in failed.stderr
            cli(*args, "ingest", "--no-tag", lines, env=env, cwd=tmp_path)
            assert [b["event"] for b in hooks.bodies] == ["open"] * (n + 1), hooks.bodies
    finally:
        hooks.server.shutdown()
