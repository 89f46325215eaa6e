"""docker/: the compose file, the image and the Kibana objects an operator deploys."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from outagewatch.search import es_mapping as m
from tests.api.compose_check import ComposeError, compose_config

DOCKER = Path(__file__).resolve().parents[2] / "docker"


TOKEN = "test-token-" + "0123456789abcdef"


@pytest.fixture(scope="module")
def compose() -> dict:
    """The compose file as `docker compose config` resolves it, with an API token set."""
    return compose_config(DOCKER / "compose.yaml", {"OUTAGEWATCH_API_TOKEN": TOKEN})


def test_compose_is_valid_against_the_compose_specification():
    compose_config(DOCKER / "compose.yaml", {"OUTAGEWATCH_API_TOKEN": TOKEN})  # raises on any violation


@pytest.mark.parametrize("change, reason", [
    (lambda c: c["services"]["api"].update(restartt="always"), "restartt. was unexpected"),
    (lambda c: c["services"]["api"].update(secrets=["x_token"]), "secret 'x_token' is not declared"),
    (lambda c: c["secrets"]["x_bearer_token"].update(file="./secrets/nope"), "does not exist"),
    (lambda c: c["services"]["api"]["depends_on"]["elasticsearch"].update(condition="maybe"), "'depends_on'.* unexpected"),
])
def test_the_compose_check_catches_what_compose_refuses(tmp_path, change, reason):
    model = yaml.safe_load((DOCKER / "compose.yaml").read_text("utf-8"))
    change(model)
    (tmp_path / "secrets").mkdir()
    (tmp_path / "secrets" / "x_bearer_token").write_text("")
    (tmp_path / "compose.yaml").write_text(yaml.safe_dump(model))
    with pytest.raises(ComposeError, match=reason):
        compose_config(tmp_path / "compose.yaml", {"OUTAGEWATCH_API_TOKEN": TOKEN})


def test_compose_stops_at_once_without_an_api_token():
    for env in ({}, {"OUTAGEWATCH_API_TOKEN": ""}):
        with pytest.raises(ComposeError, match="set OUTAGEWATCH_API_TOKEN in docker/.env"):
            compose_config(DOCKER / "compose.yaml", env)


def test_each_container_gets_only_its_own_secret_as_a_file(compose):
    services = compose["services"]
    api, collector = services["api"], services["collector"]
    assert api["secrets"] == ["api_token"]
    assert api["environment"]["OUTAGEWATCH_API_TOKEN_FILE"] == "/run/secrets/api_token"
    assert collector["secrets"] == ["x_bearer_token"]
    assert collector["environment"]["OUTAGEWATCH_X_BEARER_TOKEN_FILE"] == "/run/secrets/x_bearer_token"
    for name, service in services.items():
        env = service.get("environment") or {}
        assert not {k for k in env if k in ("OUTAGEWATCH_API_TOKEN", "OUTAGEWATCH_X_BEARER_TOKEN")}, name
        assert TOKEN not in json.dumps(service), name  # the token reaches no container's config in clear
        if name not in ("api", "collector"):
            assert "secrets" not in service, name
    assert compose["secrets"]["api_token"] == {"environment": "OUTAGEWATCH_API_TOKEN"}
    assert (DOCKER / compose["secrets"]["x_bearer_token"]["file"]).is_file()


def test_secret_files_feed_the_configuration(tmp_path):
    from outagewatch.config import ConfigError, load_config

    (tmp_path / "api_token").write_text("s3cret-from-file\n")
    config = load_config(env={"OUTAGEWATCH_API_TOKEN_FILE": str(tmp_path / "api_token"),
                              "OUTAGEWATCH_X_BEARER_TOKEN_FILE": str(DOCKER / "secrets" / "x_bearer_token")})
    assert config.api_token.reveal() == "s3cret-from-file"
    assert config.x_bearer_token is None  # the bundled empty file: no X token
    assert load_config(env={"OUTAGEWATCH_API_TOKEN": "direct",
                            "OUTAGEWATCH_API_TOKEN_FILE": str(tmp_path / "api_token")}).api_token.reveal() == "direct"
    with pytest.raises(ConfigError, match=r"^OUTAGEWATCH_API_TOKEN_FILE: cannot read .*missing: No such file"):
        load_config(env={"OUTAGEWATCH_API_TOKEN_FILE": str(tmp_path / "missing")})


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
                            capture_output=True, text=True, env={"OUTAGEWATCH_API_TOKEN": TOKEN, "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr


def _stages(dockerfile: str) -> list[str]:
    """The Dockerfile's stages, each from its FROM to the next."""
    return ["FROM" + part for part in re.split(r"^FROM", dockerfile, flags=re.M)[1:]]


def test_the_image_builds_a_compiled_wheel_then_runs_it_without_gcc():
    wheel, runtime = _stages((DOCKER / "Dockerfile").read_text("utf-8"))
    # the first stage has gcc and builds the wheel with the rule modules compiled unless told not to
    assert wheel.startswith("FROM python:3.11-bookworm AS wheel")
    assert "ARG OUTAGEWATCH_COMPILED=1" in wheel and "OUTAGEWATCH_COMPILED=${OUTAGEWATCH_COMPILED}" in wheel
    copied = {name for line in wheel.splitlines() if line.startswith("COPY ") for name in line.split()[1:-1]}
    # what setuptools reads: pyproject.toml, setup.py (the compiled switch), the readme and license it names
    assert {"pyproject.toml", "setup.py", "README.md", "LICENSE", "outagewatch"} <= copied
    assert "pip wheel --no-deps --wheel-dir /wheels ." in wheel
    # the second stage, slim (no gcc), installs that wheel with the extras it runs: the store, serve, collect, alerts
    assert runtime.startswith("FROM python:3.11-slim-bookworm")
    assert "COPY --from=wheel /wheels /wheels" in runtime
    assert '[es,api,collectors,alerts]"' in runtime and "outagewatch-*.whl" in runtime
    assert 'CMD ["serve", "--host", "0.0.0.0", "--port", "8000"]' in runtime
    assert "/health" in runtime.split("HEALTHCHECK", 1)[1]
    assert "USER outagewatch" in runtime


def _objects() -> list[dict]:
    return [json.loads(line) for line in (DOCKER / "kibana" / "outagewatch.ndjson").read_text("utf-8").splitlines()]


def test_kibana_objects_are_what_the_generator_writes():
    sys.path.insert(0, str(DOCKER / "kibana"))
    try:
        import make_objects
    finally:
        sys.path.pop(0)
    assert (DOCKER / "kibana" / "outagewatch.ndjson").read_text("utf-8") == make_objects.render()


AGGREGATABLE = {"keyword", "date", "long", "float", "boolean"}


def _leaves(properties: dict, prefix: str = "") -> dict[str, dict]:
    """Dotted field -> its mapping, multi-fields (``title.keyword``) included."""
    out = {}
    for name, spec in properties.items():
        path = f"{prefix}{name}"
        if "properties" in spec:
            out.update(_leaves(spec["properties"], path + "."))
            continue
        out[path] = spec
        for sub, sub_spec in (spec.get("fields") or {}).items():
            out[f"{path}.{sub}"] = sub_spec
    return out


def _aggregatable(spec: dict) -> bool:
    return spec.get("type") in AGGREGATABLE and spec.get("index", True) is not False


def test_kibana_objects_match_the_elasticsearch_mapping():
    objects = _objects()
    by_type: dict[str, list[dict]] = {}
    for obj in objects:
        by_type.setdefault(obj["type"], []).append(obj)
    ids = {(o["type"], o["id"]) for o in objects}
    views = {v["id"]: v["attributes"] for v in by_type["index-pattern"]}
    names = m.IndexNames(m.DEFAULT_PREFIX)
    assert {v["title"] for v in views.values()} == {names.signals, names.incidents}
    mapping = {names.signals: _leaves(m.signal_mappings()["properties"]),
               names.incidents: _leaves(m.INCIDENT_MAPPINGS["properties"])}

    def field_of(view_id: str, field: str) -> dict:
        known = mapping[views[view_id]["title"]]
        assert field in known, (view_id, field)
        return known[field]

    for view_id, view in views.items():
        assert field_of(view_id, view["timeFieldName"])["type"] == "date"
    for obj in objects:  # every reference resolves to an object in the file
        for ref in obj["references"]:
            assert (ref["type"], ref["id"]) in ids, (obj["id"], ref)
    titles = set()
    for vis in by_type["lens"]:
        titles.add(vis["attributes"]["title"])
        (ref,) = vis["references"]
        layers = vis["attributes"]["state"]["datasourceStates"]["formBased"]["layers"]
        for layer in layers.values():
            for column in layer["columns"].values():
                if column["sourceField"] != "___records___":
                    assert _aggregatable(field_of(ref["id"], column["sourceField"])), column
    assert titles == {"Signals over time by source kind", "Top services", "Top regions", "Incidents",
                      "Incidents by likely cause"}
    (search,) = by_type["search"]
    (ref,) = search["references"]
    for column in search["attributes"]["columns"]:
        field_of(ref["id"], column)
    for field, _ in search["attributes"]["sort"]:
        assert _aggregatable(field_of(ref["id"], field))
    dashboards = {d["id"]: d for d in by_type["dashboard"]}
    assert set(dashboards) == {"outagewatch-overview", "outagewatch-incidents"}
    controls_by_dashboard = {}
    for dash in dashboards.values():
        panels = json.loads(dash["attributes"]["panelsJSON"])
        referenced = {r["name"].split(":", 1)[1]: r for r in dash["references"] if not r["name"].startswith("control")}
        assert all(p["panelRefName"] in referenced for p in panels)
        controls = json.loads(dash["attributes"]["controlGroupInput"]["panelsJSON"])
        for control_id, control in controls.items():
            spec = control["explicitInput"]
            assert control["type"] == "optionsListControl" and spec["id"] == control_id
            assert _aggregatable(field_of(spec["dataViewId"], spec["fieldName"])), spec
            assert {"type": "index-pattern", "id": spec["dataViewId"],
                    "name": f"controlGroup_{control_id}:optionsListDataView"} in dash["references"]
        controls_by_dashboard[dash["id"]] = {c["explicitInput"]["title"] for c in controls.values()}
    assert controls_by_dashboard["outagewatch-overview"] == {"Provider", "Region", "Service"}
    assert {"Provider", "Region", "Service", "Likely cause", "Evidence"} == controls_by_dashboard["outagewatch-incidents"]
    overview_panels = {r["id"] for r in dashboards["outagewatch-incidents"]["references"] if r["type"] != "index-pattern"}
    assert "outagewatch-incident-list" in overview_panels


def _conforms(doc: dict, properties: dict, path: str = "") -> list[str]:
    """Where ``doc`` breaks a strict mapping: unknown fields, or values of the wrong shape."""
    problems = []
    for key, value in doc.items():
        where = f"{path}{key}"
        spec = properties.get(key)
        if spec is None:
            problems.append(f"{where}: not in the mapping")
        elif "properties" in spec:
            if isinstance(value, dict):
                problems += _conforms(value, spec["properties"], where + ".")
            else:
                problems.append(f"{where}: not an object")
        elif spec.get("type") == "object":
            continue  # opaque (enabled: false)
        else:
            kind = spec["type"]
            for item in value if isinstance(value, list) else [value]:
                ok = {"keyword": isinstance(item, str), "text": isinstance(item, str),
                      "date": isinstance(item, int) and not isinstance(item, bool),
                      "long": isinstance(item, int) and not isinstance(item, bool),
                      "float": isinstance(item, (int, float)) and not isinstance(item, bool),
                      "boolean": isinstance(item, bool)}[kind]
                if not ok:
                    problems.append(f"{where}: {item!r} is not a {kind}")
    return problems


def test_documents_follow_ecs_and_fit_the_strict_mappings():
    from outagewatch.timeutil import parse_time, to_millis
    from tests.signals_factory import make_signal

    signal = make_signal("Roku down, AWS us-east-1?", native_id="ecs", services=["roku"], providers=["aws"],
                         regions=["aws:us-east-1"], source_kind="social", source="x:search")
    doc = m.signal_to_doc(signal, "0" * 32, 1)
    assert _conforms(doc, m.signal_mappings()["properties"]) == []
    assert doc["ecs"]["version"] == m.ECS_VERSION and doc["event"]["dataset"] == "outagewatch.signals"
    assert "service" not in doc and "cloud" not in doc
    incident = {"id": "abc", "title": "Roku disrupted; likely cause Amazon Kinesis", "status": "closed",
                "services": ["roku", "aws/kinesis"], "providers": ["aws"], "regions": ["aws:us-east-1"],
                "started_at": "2020-11-25T13:30:00Z", "detected_at": "2020-11-25T13:30:00Z",
                "peak_at": "2020-11-25T14:30:00Z", "ended_at": "2020-11-25T20:00:00Z", "evidence_level": "strong",
                "signal_counts": {"social": 146, "reports": 234}, "report_count": 82460,
                "common_cause": {"service": "aws/kinesis", "provider": "aws", "region": "aws:us-east-1",
                                 "confidence": 0.98, "confirmed": True, "evidence": ["..."]},
                "first_official_at": "2020-11-25T14:36:00Z", "lead_minutes": 66.0, "feedback": None}
    ms = {k: to_millis(parse_time(incident[k])) for k in ("started_at", "ended_at", "detected_at")}
    idoc = m.incident_to_doc("abc", ms["started_at"], ms["ended_at"], ms["detected_at"], incident)
    assert _conforms(idoc, m.INCIDENT_MAPPINGS["properties"]) == []
    assert idoc["doc"] is incident
    assert idoc["cause"] == {"service": "aws/kinesis", "provider": "aws", "region": "aws:us-east-1",
                             "confidence": 0.98, "confirmed": True}
    assert (idoc["evidence_level"], idoc["lead_minutes"], idoc["signal_count"]) == ("strong", 66.0, 380)
    assert idoc["@timestamp"] == ms["started_at"] and idoc["duration_minutes"] == 390.0
    assert idoc["event"]["dataset"] == "outagewatch.incidents" and "feedback" not in idoc
