"""Every third-party package the code imports is declared in pyproject.toml (in the core
dependencies or in an extra), so a fresh `pip install` has what the code needs; and each
module of an extra is known to outagewatch.extras, so its absence is one clear line."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

from outagewatch.extras import BROUGHT_BY_CORE, EXTRA_OF

REPO = Path(__file__).resolve().parents[1]


def _name(requirement: str) -> str:
    return re.split(r"[\s<>=!~;\[]", requirement, maxsplit=1)[0].lower().replace("_", "-").replace(".", "-")


def declared() -> tuple[set[str], dict[str, set[str]]]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]
    core = {_name(r) for r in project["dependencies"]}
    extras = {extra: {_name(r) for r in reqs if not r.startswith("outagewatch")}
              for extra, reqs in project["optional-dependencies"].items()}
    return core, extras


def imported() -> dict[str, set[str]]:
    """Top-level third-party module -> the files importing it."""
    found: dict[str, set[str]] = {}
    for path in (REPO / "outagewatch").rglob("*.py"):
        if "captures" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                top = name.split(".")[0]
                if top != "outagewatch" and top not in sys.stdlib_module_names:
                    found.setdefault(top, set()).add(str(path.relative_to(REPO)))
    return found


def test_every_imported_package_is_declared():
    core, extras = declared()
    every = core.union(*extras.values())
    dists = packages_distributions()
    missing = {}
    for module, files in imported().items():
        names = {_name(d) for d in dists.get(module, [module])}
        if not names & every:
            missing[module] = sorted(files)
    assert missing == {}


def test_modules_of_the_runtime_extras_are_named_for_their_install_line():
    core, extras = declared()
    dists = packages_distributions()
    runtime = {"es", "api", "collectors", "alerts"}
    for module in imported():
        names = {_name(d) for d in dists.get(module, [module])}
        if names & core or module in BROUGHT_BY_CORE:
            continue
        owners = {extra for extra, reqs in extras.items() if names & reqs}
        if owners & runtime:
            assert EXTRA_OF.get(module) in owners, (module, owners)
