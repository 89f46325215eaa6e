"""What `docker compose config` checks, without a Docker engine: variable interpolation
(``${VAR}``, ``${VAR:-default}``, ``${VAR-default}``, ``${VAR:?error}``, ``${VAR?error}``,
``$$``) as the Compose specification defines it, then validation against the Compose
specification's JSON schema (the copy vendored by check-jsonschema), then the references a
schema cannot see (secrets a service names are declared; secret files exist).
"""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import yaml

_VAR = re.compile(r"\$(?:(?P<escaped>\$)|\{(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?P<op>:?[-?])(?P<arg>[^}]*))?\}"
                  r"|(?P<bare>[A-Za-z_][A-Za-z0-9_]*))")


class ComposeError(ValueError):
    """The file would make `docker compose config` fail; the message is the reason."""


def interpolate(value: Any, env: dict[str, str]) -> Any:
    if isinstance(value, dict):
        return {k: interpolate(v, env) for k, v in value.items()}
    if isinstance(value, list):
        return [interpolate(v, env) for v in value]
    if not isinstance(value, str):
        return value

    def one(match: re.Match) -> str:
        if match["escaped"]:
            return "$"
        name = match["name"] or match["bare"]
        op, arg, current = match["op"], match["arg"] or "", env.get(name)
        missing = current is None or (op is not None and op.startswith(":") and current == "")
        if op in (":-", "-"):
            return arg if missing else current
        if op in (":?", "?"):
            if missing:
                raise ComposeError(f"required variable {name} is missing a value: {arg}")
            return current
        return current or ""

    return _VAR.sub(one, value)


def compose_schema() -> dict:
    text = resources.files("check_jsonschema.builtin_schemas.vendor").joinpath("compose-spec.json").read_text("utf-8")
    return json.loads(text)


def compose_config(path: Path, env: dict[str, str]) -> dict:
    """The resolved model, or :class:`ComposeError` with the first problem."""
    model = interpolate(yaml.safe_load(path.read_text("utf-8")), env)
    schema = compose_schema()
    validator = jsonschema.validators.validator_for(schema)(schema)
    first = jsonschema.exceptions.best_match(validator.iter_errors(model))
    if first is not None:
        raise ComposeError(f"{'/'.join(map(str, first.absolute_path)) or '(top)'}: {first.message}")
    declared = model.get("secrets") or {}
    for name, service in (model.get("services") or {}).items():
        for secret in service.get("secrets") or []:
            source = secret if isinstance(secret, str) else secret["source"]
            if source not in declared:
                raise ComposeError(f"services/{name}: secret {source!r} is not declared")
    for name, secret in declared.items():
        if "file" in secret and not (path.parent / secret["file"]).is_file():
            raise ComposeError(f"secrets/{name}: file {secret['file']} does not exist")
    return model
