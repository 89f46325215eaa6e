"""The real Elasticsearch nodes the suite runs against, run by ``scripts/elasticsearch.sh``.

A node already running (``make test`` starts both before pytest) is used as it is and
left running; one this session had to start is stopped when the session ends, so a
plain ``pytest`` leaves no process behind either.
"""

from __future__ import annotations

import subprocess
import uuid
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "elasticsearch.sh"


@dataclass
class Node:
    url: str
    secure: bool
    started_here: bool
    username: str | None = None
    password: str | None = None
    ca_certs: str | None = None

    def options(self) -> dict:
        options = {}
        if self.username:
            options.update(username=self.username, password=self.password)
        if self.ca_certs:
            options["ca_certs"] = self.ca_certs
        return options


def script(*args: str, check: bool = True, timeout: float = 900) -> subprocess.CompletedProcess:
    result = subprocess.run(["bash", str(SCRIPT), *args], capture_output=True, text=True, timeout=timeout)
    if check and result.returncode != 0:
        raise RuntimeError(f"scripts/elasticsearch.sh {' '.join(args)} failed (exit {result.returncode}):\n"
                           f"{result.stdout}\n{result.stderr}")
    return result


def ensure_node(secure: bool = False) -> Node:
    flag = ["--secure"] if secure else []
    started = False
    if script("status", *flag, check=False).returncode != 0:
        script("start", *flag)
        started = True
    url = script("url", *flag).stdout.strip()
    node = Node(url=url, secure=secure, started_here=started)
    if secure:
        node.username = "elastic"
        node.password = script("password", *flag).stdout.strip()
        if url.startswith("https"):
            node.ca_certs = script("cacert", *flag).stdout.strip()
    return node


def stop_node(node: Node) -> None:
    if node.started_here:
        script("stop", *(["--secure"] if node.secure else []), check=False)


def unique_prefix(label: str = "t") -> str:
    return f"owtest-{label}-{uuid.uuid4().hex[:10]}"
