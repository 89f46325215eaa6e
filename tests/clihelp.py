"""The one way tests run the ``outagewatch`` command line, and the one free-port helper.

``cli(...)`` runs a command in this process with typer's CliRunner (fast, and a failure
shows the real traceback); ``cli_process(...)`` starts ``python -m outagewatch`` for what
needs a process of its own: a server that keeps running, signals, exit on a fatal error.
Both run the checkout under test (``PYTHONPATH`` points at it) with the caller's
environment minus any ``OUTAGEWATCH_*`` setting the test did not give.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Mapping

REPO = Path(__file__).resolve().parents[1]
OUTAGEWATCH = [sys.executable, "-m", "outagewatch"]


@dataclass
class Ran:
    """What a command did: its exit code and its output as text."""

    code: int
    stdout: str
    stderr: str

    @property
    def returncode(self) -> int:  # the name subprocess uses, so either helper reads the same
        return self.code


def clean_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """This environment without OUTAGEWATCH_* settings, plus ``extra``; the checkout first on the path."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("OUTAGEWATCH_")}
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), *filter(None, [os.environ.get("PYTHONPATH")])])
    env.update(extra or {})
    return env


@contextlib.contextmanager
def _cwd(path: Path | None) -> Iterator[None]:
    if path is None:
        yield
        return
    before = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(before)


def cli(*args: str, env: Mapping[str, str] | None = None, cwd: Path | None = None, input: str | bytes | None = None,
        check: bool = True) -> Ran:
    """``outagewatch ARGS`` in this process. ``env`` adds variables (OUTAGEWATCH_* ones the
    test did not give are removed for the call); ``check`` asserts exit 0."""
    from typer.testing import CliRunner

    from outagewatch.cli import app

    unset = {k: None for k in os.environ if k.startswith("OUTAGEWATCH_")}
    runner = CliRunner()
    with _cwd(cwd):
        result = runner.invoke(app, [str(a) for a in args], env={**unset, **(env or {})}, input=input,
                               catch_exceptions=False)
    ran = Ran(result.exit_code, result.stdout, result.stderr)
    if check:
        assert ran.code == 0, f"outagewatch {' '.join(map(str, args))} exited {ran.code}: {ran.stderr}"
    return ran


def cli_process(*args: str, env: Mapping[str, str] | None = None, cwd: Path | None = None,
                input: bytes | None = None, check: bool = True, timeout: float = 300) -> Ran:
    """``python -m outagewatch ARGS`` as a process of its own, run to completion."""
    proc = subprocess.run([*OUTAGEWATCH, *map(str, args)], input=input, capture_output=True, cwd=cwd,
                          env=clean_env(env), timeout=timeout)
    ran = Ran(proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace"))
    if check:
        assert ran.code == 0, f"outagewatch {' '.join(map(str, args))} exited {ran.code}: {ran.stderr}"
    return ran


def start_cli(*args: str, env: Mapping[str, str] | None = None, cwd: Path | None = None) -> subprocess.Popen:
    """``python -m outagewatch ARGS`` started in the background (a server, a collector); the
    caller stops it (``terminate()`` sends SIGTERM) and reads its output."""
    return subprocess.Popen([*OUTAGEWATCH, *map(str, args)], cwd=cwd, env=clean_env(env), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
