"""Captures shipped with the package, so ``outagewatch demo`` and ``outagewatch replay``
work from a plain install. Each is a folder in the format of
:mod:`outagewatch.collectors.capture` (``manifest.json``, ``bodies/``, ``x/``, ``social/``)."""

from __future__ import annotations

from importlib import resources

AWS_US_EAST_1_2020_11_25 = "aws-us-east-1-2020-11-25"
AWS_US_EAST_1_2025_10_20 = "aws-us-east-1-2025-10-20"


def bundled(name: str = AWS_US_EAST_1_2020_11_25):
    """The bundled capture ``name`` as a resource (use with ``importlib.resources.as_file``)."""
    found = resources.files(__name__) / name
    if not found.joinpath("manifest.json").is_file():
        raise LookupError(f"no bundled capture {name!r}")
    return found
