"""docker/: the compose file, the image and the Kibana objects an operator deploys."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from outagewatch.search import es_mapping as m

DOCKER = Path(__file__).resolve().parents[2] / "docker"


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((DOCKER / "compose.yaml").read_text("utf-8"))


def test_compose_runs_elasticsearch_kibana_a_collector_and_the_api(compose):
    services = compose["services"]
    assert set(services) >= {"elasticsearch", "kibana", "kibana-objects", "collector", "api"}
    for name in ("elasticsearch", "kibana", "collector", "api"):
        assert services[name]["healthcheck"]["test"], name
    assert services["collector"]["command"][:2] == ["collect", "--watch"]
    assert services["api"]["command"][0] == "serve"
    for name in ("collector", "api"):
        assert services[name]["environment"]["OUTAGEWATCH_STORE"] == "http://elasticsearch:9200"
        assert services[name]["depends_on"]["elasticsearch"]["condition"] == "service_healthy"
    assert services["api"]["environment"]["OUTAGEWATCH_API_TOKEN"].startswith("${OUTAGEWATCH_API_TOKEN")
    assert set(compose["volumes"]) >= {"elasticsearch-data", "kibana-data", "outagewatch-data"}
    published = [port for svc in services.values() for port in svc.get("ports", [])]
    assert published and all(port.startswith("127.0.0.1:") for port in published)  # nothing on all interfaces
    mounted = services["kibana-objects"]["volumes"][0].split(":")[0]
    assert (DOCKER / mounted / "outagewatch.ndjson").is_file()
    config = services["collector"]["volumes"][0].split(":")[0]
    assert (DOCKER / config).is_file()


def test_the_bundled_collector_config_loads():
    import tomllib

    from outagewatch.collectors import load_sources

    sources = load_sources(tomllib.loads((DOCKER / "outagewatch.toml").read_text("utf-8"))["sources"])
    assert sources


def test_docker_compose_accepts_the_file():
    docker = shutil.which("docker")
    if docker is None or subprocess.run([docker, "compose", "version"], capture_output=True).returncode != 0:
        pytest.skip("the docker compose plugin is not installed here; the file is checked as YAML above")
    result = subprocess.run([docker, "compose", "-f", str(DOCKER / "compose.yaml"), "config", "--quiet"],
                            capture_output=True, text=True, env={"OUTAGEWATCH_API_TOKEN": "x", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr


def test_the_image_serves_the_api_and_checks_its_health():
    dockerfile = (DOCKER / "Dockerfile").read_text("utf-8")
    assert 'CMD ["serve", "--host", "0.0.0.0", "--port", "8000"]' in dockerfile
    assert "/health" in dockerfile.split("HEALTHCHECK", 1)[1]
    assert "USER outagewatch" in dockerfile


def _objects() -> list[dict]:
    return [json.loads(line) for line in (DOCKER / "kibana" / "outagewatch.ndjson").read_text("utf-8").splitlines()]


def test_kibana_objects_are_what_the_generator_writes():
    sys.path.insert(0, str(DOCKER / "kibana"))
    try:
        import make_objects
    finally:
        sys.path.pop(0)
    assert (DOCKER / "kibana" / "outagewatch.ndjson").read_text("utf-8") == make_objects.render()


def test_kibana_objects_match_the_elasticsearch_mapping():
    objects = _objects()
    by_type: dict[str, list[dict]] = {}
    for obj in objects:
        by_type.setdefault(obj["type"], []).append(obj)
    views = {v["id"]: v["attributes"] for v in by_type["index-pattern"]}
    names = m.IndexNames(m.DEFAULT_PREFIX)
    assert {v["title"] for v in views.values()} == {names.signals, names.incidents}
    fields = {names.signals: set(m.SIGNAL_FIELDS), names.incidents: set(m.INCIDENT_MAPPINGS["properties"])}
    for view in views.values():
        assert view["timeFieldName"] in fields[view["title"]]
    titles = set()
    for vis in by_type["lens"]:
        titles.add(vis["attributes"]["title"])
        (ref,) = vis["references"]
        known = fields[views[ref["id"]]["title"]]
        layers = vis["attributes"]["state"]["datasourceStates"]["formBased"]["layers"]
        for layer in layers.values():
            for column in layer["columns"].values():
                assert column["sourceField"] == "___records___" or column["sourceField"] in known, column
    assert titles == {"Signals over time by source kind", "Top services", "Top regions", "Incidents"}
    (dashboard,) = by_type["dashboard"]
    panels = json.loads(dashboard["attributes"]["panelsJSON"])
    referenced = {r["name"].split(":", 1)[1]: r["id"] for r in dashboard["references"]}
    assert {referenced[p["panelRefName"]] for p in panels} == {v["id"] for v in by_type["lens"]}
