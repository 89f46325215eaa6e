"""Who may do what: reads open on loopback, writes with the token, and no token ever shown."""

from __future__ import annotations

import time

import httpx
import pytest

from outagewatch.api import BindRefused, check_bind, create_app, is_loopback
from outagewatch.config import Secret
from tests.api.conftest import TOKEN, _client
from tests.clihelp import cli, free_port, start_cli


@pytest.mark.parametrize("host, loopback", [
    ("127.0.0.1", True), ("127.8.9.10", True), ("::1", True), ("[::1]", True), ("localhost", True),
    ("0.0.0.0", False), ("::", False), ("192.168.1.20", False), ("example.internal", False),
])
def test_what_counts_as_loopback(host, loopback):
    assert is_loopback(host) is loopback


def test_binding_beyond_loopback_needs_a_token():
    check_bind("127.0.0.1", None)
    check_bind("0.0.0.0", Secret(TOKEN))
    with pytest.raises(BindRefused, match="OUTAGEWATCH_API_TOKEN"):
        check_bind("0.0.0.0", None)


def test_protected_reads_need_the_token_but_health_and_the_page_do_not(api_store):
    client = _client(create_app(api_store, token=Secret(TOKEN), reads_open=False))
    for path in ("/api/signals", "/api/incidents", "/api/timeseries", "/api/catalog", "/metrics",
                 "/api/incidents/x/report"):
        response = client.get(path)
        assert response.status_code == 401, path
        assert response.json()["error"]
    assert client.get("/api/signals", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
    assert client.get("/health").status_code == 200
    assert client.get("/").status_code == 200
    with pytest.raises(ValueError):
        create_app(api_store, reads_open=False)


def test_the_token_never_shows_in_responses_or_reprs(api_store):
    app = create_app(api_store, token=Secret(TOKEN))
    client = _client(app)
    responses = [
        client.post("/api/incidents/x/feedback", json={"verdict": "confirmed"}, headers={"Authorization": "Bearer bad"}),
        client.post("/api/signals", content=b"{}", headers={"Authorization": "Bearer bad"}),
        client.get("/openapi.json"), client.get("/"), client.get("/health"), client.get("/metrics"),
    ]
    for response in responses:
        assert TOKEN not in response.text
    assert TOKEN not in repr(app.state.settings)


def test_serve_refuses_a_public_address_without_a_token(tmp_path):
    result = cli("serve", "--host", "0.0.0.0", cwd=tmp_path, env={"OUTAGEWATCH_STORE": f"sqlite:///{tmp_path}/s.db"},
                 check=False)
    assert result.code == 1
    assert result.stderr.strip().splitlines() == [
        "error: refusing to listen on 0.0.0.0: the API would be open to the network without a token; "
        "set OUTAGEWATCH_API_TOKEN (or [api] token in the config), or bind to 127.0.0.1"]


def test_serve_runs_the_api_on_localhost(tmp_path):
    port = free_port()
    cli("--store", f"sqlite:///{tmp_path}/s.db", "ingest", "-", input="")  # serve reads an existing store
    env = {"OUTAGEWATCH_STORE": f"sqlite:///{tmp_path}/s.db", "OUTAGEWATCH_API_TOKEN": TOKEN}
    process = start_cli("serve", "--port", port, "--log-level", "warning", cwd=tmp_path, env=env)
    try:
        deadline = time.monotonic() + 60
        health = None
        while time.monotonic() < deadline and process.poll() is None:
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/health", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        assert health is not None, process.stderr.read() if process.poll() is not None else "server never answered"
        assert health.json()["status"] == "ok"
        lines = b'{"source_kind":"social","source":"x:search:roku","published_at":"2020-11-25T13:40Z","text":"Roku down"}\n'
        stored = httpx.post(f"http://127.0.0.1:{port}/api/signals?tag=false", content=lines,
                            headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/x-ndjson"})
        assert stored.status_code == 200 and stored.json()["new"] == 1
        assert httpx.get(f"http://127.0.0.1:{port}/api/signals?q=roku").json()["total"] == 1
    finally:
        process.terminate()
        process.wait(timeout=30)
    _, stderr = process.communicate()
    assert process.returncode == 0, stderr  # a graceful stop on SIGTERM is a success (docker stop, systemd)
    assert TOKEN not in stderr
    assert "writes need the token" in stderr
