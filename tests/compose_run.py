"""Run docker/compose.yaml's outagewatch services as plain processes, the way `docker compose
up` would run them, on a machine without Docker.

Everything comes from docker/: the compose file as `docker compose config` resolves it
(:func:`tests.api.compose_check.compose_config`: interpolation from a ``.env``-like mapping,
the Compose schema), and the Dockerfile's ``ENV``, ``WORKDIR``, ``ENTRYPOINT`` and the
image user's home. Only what cannot exist off Docker is translated, each in one place:

- the image's ``ENTRYPOINT ["outagewatch"]`` -> ``python -m outagewatch`` (the checkout under test);
- container paths -> folders of the test: bind mounts (the config file), named volumes
  (``/data``), and ``/run/secrets/NAME`` written from the compose ``secrets:`` definitions;
- ``http://SERVICE:PORT`` in the environment -> the port that service publishes on
  127.0.0.1 (the caller may add a query, e.g. an index prefix);
- a container port in the command (``--port 8000``) and in healthchecks -> a free host
  port, so tests can run side by side.

Nothing else is changed: command arguments, environment keys and values, and the order
``depends_on`` imposes (a ``service_healthy`` dependency waits for that service's own
healthcheck command to pass) are the file's.
"""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from tests.api.compose_check import compose_config
from tests.clihelp import OUTAGEWATCH, clean_env, free_port

DOCKER = Path(__file__).resolve().parents[1] / "docker"


def dockerfile(path: Path = DOCKER / "Dockerfile") -> dict:
    """The instructions a container's process depends on, in the last stage (the image that runs;
    an earlier ``FROM`` builds its wheel): ``ENV`` (merged), ``WORKDIR`` (the last), ``ENTRYPOINT``/``CMD``/
    ``HEALTHCHECK`` (exec form) and ``HOME`` (the ``useradd --home-dir`` of the image's user)."""
    text = re.sub(r"\\\n", " ", path.read_text("utf-8"))
    image: dict = {"ENV": {}}
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        word, _, rest = line.partition(" ")
        word = word.upper()
        if word == "FROM":
            image = {"ENV": {}}
        elif word == "ENV":
            image["ENV"].update(item.split("=", 1) for item in shlex.split(rest))
        elif word in ("ENTRYPOINT", "CMD"):
            image[word] = json.loads(rest)
        elif word == "WORKDIR":
            image["WORKDIR"] = rest.strip()
        elif word == "HEALTHCHECK":
            image["HEALTHCHECK"] = json.loads(rest.split(" CMD ", 1)[1])
        elif word == "RUN" and "--home-dir" in rest:
            image["HOME"] = re.search(r"--home-dir\s+(\S+)", rest).group(1)
    return image


@dataclass
class Process:
    """One service as a process: what to run, with which environment, where."""

    name: str
    argv: list[str]
    env: dict[str, str]
    """What the container's process sees (image ENV, then the service's ``environment:``), translated."""
    cwd: Path
    healthcheck: list[str] | None
    depends_on: dict[str, str] = field(default_factory=dict)
    ports: dict[int, int] = field(default_factory=dict)
    """Container port -> host port on 127.0.0.1."""
    stop_grace: float = 10.0
    popen: subprocess.Popen | None = None
    log: Path | None = None

    def start(self) -> subprocess.Popen:
        out = self.log.open("wb")
        self.popen = subprocess.Popen(self.argv, cwd=self.cwd, env=clean_env(self.env), stdout=out,
                                      stderr=subprocess.STDOUT)
        out.close()
        return self.popen

    def healthy(self) -> subprocess.CompletedProcess:
        """The service's own healthcheck command, run as `docker` would run it in the container."""
        return subprocess.run(self.healthcheck, cwd=self.cwd, env=clean_env(self.env), capture_output=True,
                              text=True, timeout=60)

    def output(self) -> str:
        return self.log.read_text("utf-8", "replace") if self.log and self.log.exists() else ""

    def alive(self) -> bool:
        return self.popen is not None and self.popen.poll() is None


class Deployment:
    """The compose file's outagewatch services laid out under ``root`` (one folder per mount)."""

    def __init__(self, root: Path, dotenv: dict[str, str], mounts: dict[str, Path],
                 store_query: str = "", compose: Path = DOCKER / "compose.yaml") -> None:
        """``dotenv``: what docker/.env would hold. ``mounts``: a bind mount's source (as written
        in the compose file) -> the file or folder to mount instead (a test-only config)."""
        self.root = root
        self.compose_path = compose
        self.model = compose_config(compose, dotenv)
        self.dotenv = dotenv
        self.image = dockerfile()
        self.mounts = mounts
        self.store_query = store_query
        self.published = {name: self._published(svc) for name, svc in self.model["services"].items()}

    @staticmethod
    def _published(service: dict) -> dict[int, str]:
        out = {}
        for port in service.get("ports") or []:
            host_ip, host_port, container_port = str(port).split(":")
            out[int(container_port)] = f"{host_ip}:{host_port}"
        return out

    def service(self, name: str) -> dict:
        return self.model["services"][name]

    def process(self, name: str, service: dict | None = None) -> Process:
        """A compose service as a process; or ``service`` (the same shape), e.g. from :func:`docker_run`."""
        service = service if service is not None else self.service(name)
        entrypoint = service.get("entrypoint") or self.image["ENTRYPOINT"]
        assert entrypoint == ["outagewatch"], f"{name}: entrypoint {entrypoint} is not the outagewatch command"
        command = list(service.get("command") or self.image["CMD"])
        ports = {container: free_port() for container in self._published(service)}
        paths = self._paths(name, service)
        env = {**self.image["ENV"], **{k: str(v) for k, v in (service.get("environment") or {}).items()}}
        env = {k: self._translate(v, paths) for k, v in env.items()}
        home = self.image.get("HOME")
        if home:
            env["HOME"] = str(self._host_path(home, paths))
        cwd = self._host_path(self.image.get("WORKDIR", "/"), paths)
        argv = [*OUTAGEWATCH, *self._ports(command, ports)]
        # A container without a healthcheck of its own runs the image's (Docker's rule).
        check = (service.get("healthcheck") or {}).get("test") or ["CMD", *self.image.get("HEALTHCHECK", [])]
        healthcheck = None
        if check[0] == "CMD-SHELL":
            check = ["CMD", *shlex.split(check[1])]
        if len(check) > 1:
            assert check[0] == "CMD", f"{name}: healthcheck {check[0]} form is not handled here"
            healthcheck = self._ports([*OUTAGEWATCH, *check[2:]] if check[1] == "outagewatch"
                                      else [sys.executable, *check[2:]] if check[1] == "python" else check[1:], ports)
        depends = {k: (v or {}).get("condition", "service_started") for k, v in (service.get("depends_on") or {}).items()}
        grace = _seconds(service.get("stop_grace_period", "10s"))
        return Process(name, argv, env, cwd, healthcheck, depends, ports, grace, log=self.root / f"{name}.log")

    # -- translation ---------------------------------------------------------------------------------

    def _paths(self, name: str, service: dict) -> dict[str, Path]:
        """Container path -> host path for this service: volumes and secrets."""
        paths: dict[str, Path] = {}
        for volume in service.get("volumes") or []:
            source, target = str(volume).split(":")[:2]
            if "/" in source or source.startswith("."):  # a bind mount (a volume's name has no slash)
                assert source in self.mounts, f"{name}: bind mount {source} has no stand-in"
                paths[target] = self.mounts[source]
            else:  # a named volume: one folder, shared by every service that mounts it
                folder = self.root / "volumes" / source
                folder.mkdir(parents=True, exist_ok=True)
                paths[target] = folder
        declared = self.model.get("secrets") or {}
        for secret in service.get("secrets") or []:
            source = secret if isinstance(secret, str) else secret["source"]
            spec = declared[source]
            if "environment" in spec:
                value = self.dotenv[spec["environment"]]
            else:
                value = (self.compose_path.parent / spec["file"]).read_text("utf-8")
            path = self.root / name / "run" / "secrets" / source
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(value, "utf-8")
            paths[f"/run/secrets/{source}"] = path
        return paths

    @staticmethod
    def _host_path(value: str, paths: dict[str, Path]) -> Path:
        for target in sorted(paths, key=len, reverse=True):
            if value == target or value.startswith(target.rstrip("/") + "/"):
                return Path(str(paths[target]) + value[len(target):])
        raise AssertionError(f"container path {value} is on no mount: it would not exist in a fresh container")

    def _translate(self, value: str, paths: dict[str, Path]) -> str:
        if value.startswith("/"):
            return str(self._host_path(value, paths))
        parts = urlsplit(value)
        if parts.scheme in ("http", "https") and parts.hostname in self.model["services"]:
            published = self.published[parts.hostname].get(parts.port or 80)
            assert published, f"{value}: service {parts.hostname} publishes no port {parts.port}"
            return f"{parts.scheme}://{published}{parts.path}{self.store_query}"
        if value.startswith("sqlite:////"):
            return f"sqlite:///{self._host_path(value[len('sqlite:///'):], paths)}"
        return value

    @staticmethod
    def _ports(argv: list[str], ports: dict[int, int]) -> list[str]:
        out = []
        for i, arg in enumerate(argv):
            if i and argv[i - 1] == "--port" and arg.isdigit() and int(arg) in ports:
                arg = str(ports[int(arg)])
            for container, host in ports.items():
                arg = arg.replace(f":{container}/", f":{host}/")
            out.append(arg)
        return out


def docker_run(command: str) -> dict:
    """``docker run [-d] [--rm] [--name N] [-p P] [-v V] [-e K=V] outagewatch [ARGS]`` (as a
    document shows it) as a compose-shaped service: ``command``, ``environment``, ``volumes``,
    ``ports``. Any other option is refused, so a document cannot say more than is checked."""
    words = shlex.split(command.replace("\\\n", " "))
    assert words[:2] == ["docker", "run"], command
    service: dict = {"environment": {}, "volumes": [], "ports": []}
    i = 2
    while words[i].startswith("-"):
        flag = words[i]
        if flag in ("-d", "--rm"):
            i += 1
            continue
        value = words[i + 1]
        if flag == "-e":
            key, _, val = value.partition("=")
            service["environment"][key] = val
        elif flag == "-v":
            service["volumes"].append(value)
        elif flag == "-p":
            service["ports"].append(value)
        elif flag == "--health-cmd":
            service["healthcheck"] = {"test": ["CMD-SHELL", value]}
        elif flag != "--name":
            raise AssertionError(f"docker run option {flag} is not handled here: {command}")
        i += 2
    assert words[i] == "outagewatch", f"image {words[i]}: {command}"
    if words[i + 1:]:
        service["command"] = words[i + 1:]
    return service


def up(processes: list[Process], healthy_within: float = 120) -> list[Process]:
    """Start ``processes`` as `docker compose up` does: each after the services it depends on,
    a ``service_healthy`` dependency once that service's healthcheck passes. Returns them in
    the order started (stop them in reverse)."""
    by_name = {p.name: p for p in processes}
    started: list[Process] = []

    def start(process: Process) -> None:
        if process in started:
            return
        for name, condition in process.depends_on.items():
            if name not in by_name:
                continue  # Elasticsearch: the test's node, already up
            start(by_name[name])
            if condition == "service_healthy":
                result = wait_healthy(by_name[name], healthy_within)
                assert result.returncode == 0, f"{name} never became healthy: {result.stdout}{result.stderr}"
        process.start()
        started.append(process)

    try:
        for process in processes:
            start(process)
    except BaseException:
        for process in reversed(started):
            process.popen.kill()
            process.popen.wait()
        raise
    return started


def wait_healthy(process: Process, seconds: float) -> subprocess.CompletedProcess:
    """Run the healthcheck until it passes (as `depends_on: condition: service_healthy` waits)."""
    deadline = time.monotonic() + seconds
    while True:
        assert process.alive(), f"{process.name} exited {process.popen.returncode}:\n{process.output()}"
        result = process.healthy()
        if result.returncode == 0 or time.monotonic() > deadline:
            return result
        time.sleep(1)


def _seconds(text: str) -> float:
    match = re.fullmatch(r"(\d+(?:\.\d+)?)(ms|s|m)?", str(text).strip())
    value = float(match.group(1))
    return {"ms": value / 1000, "m": value * 60}.get(match.group(2), value)
