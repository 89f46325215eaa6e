"""The tagger's rules compiled with mypyc, in place, for a deployment that wants them faster (opt-in).

    .venv/bin/python scripts/compiled_rules.py build   # make compiled: mypy must be installed ('.[compiled]')
    .venv/bin/python scripts/compiled_rules.py clean   # make pure: back to the pure-Python rules
    .venv/bin/python scripts/compiled_rules.py check   # mypy with the build's flags only (what the tests run)
    .venv/bin/python scripts/compiled_rules.py status  # which rule modules are compiled here

``build`` type-checks and compiles ``outagewatch.nlp.compiled.MODULES`` (gcc and the Python headers are needed;
~2-4 minutes of C compile), leaves each extension beside its source and records the sources' digests in
``outagewatch/nlp/compiled.json`` (the tagger refuses an extension whose source has changed since). Check the
build tags as the pure rules do before deploying it:

    .venv/bin/python benchmarks/tag_identity.py --tree . -o compiled.jsonl     # in this checkout, compiled
    .venv/bin/python benchmarks/tag_identity.py --tree PURE -o pure.jsonl     # a pure checkout of the same commit
    cmp compiled.jsonl pure.jsonl
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from outagewatch.nlp import compiled  # noqa: E402  (the module list, not the tagger)


def _extensions() -> list[Path]:
    """The build's files in this checkout: each module's extension and mypyc's shared library."""
    suffix = sysconfig.get_config_var("EXT_SUFFIX") or ".so"
    found = [path.parent / (path.stem + suffix) for path in compiled.sources(ROOT)]
    found += sorted(ROOT.glob(f"*__mypyc{suffix}")) + sorted(compiled.HERE.glob(f"*__mypyc{suffix}"))
    return [path for path in found if path.exists()]


def clean() -> int:
    for path in [*_extensions(), compiled.RECORD]:
        if path.exists():
            path.unlink()
            print(f"removed {path.relative_to(ROOT)}")
    return 0


def check() -> int:
    from mypy import api

    out, err, status = api.run([*compiled.MYPY_FLAGS, "--no-incremental", "--cache-dir", os.devnull,
                                *map(str, compiled.sources(ROOT))])
    sys.stdout.write(out)
    sys.stderr.write(err)
    return status


def build() -> int:
    clean()
    files = [str(path.relative_to(ROOT)) for path in compiled.sources(ROOT)]
    env = {**os.environ, "MYPYC_OPT_LEVEL": os.environ.get("MYPYC_OPT_LEVEL", "3")}
    # mypyc type-checks first (a type error stops the build), then builds in place through setuptools.
    command = [sys.executable, "-m", "mypyc", *compiled.MYPY_FLAGS, *files]
    print(" ".join(command), flush=True)
    status = subprocess.run(command, cwd=ROOT, env=env).returncode
    if status:
        return status
    compiled.RECORD.write_text(json.dumps({name: compiled.digest(path) for name, path in
                                           zip(compiled.MODULES, compiled.sources(ROOT))}, indent=1) + "\n",
                               encoding="utf-8")
    return status_report()


def status_report() -> int:
    code = ("import json, outagewatch.nlp.tagger as t, outagewatch.nlp.compiled as c; "
            "print(json.dumps({n: __import__(n, fromlist=['_']).__file__ for n in c.MODULES}))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                         capture_output=True, text=True)
    if out.returncode:
        sys.stderr.write(out.stderr)
        return out.returncode
    for name, path in json.loads(out.stdout).items():
        print(f"{name}: {'compiled' if not path.endswith('.py') else 'pure Python'} ({Path(path).name})")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("build", "clean", "check", "status"))
    action = parser.parse_args().action
    return {"build": build, "clean": clean, "check": check, "status": status_report}[action]()


if __name__ == "__main__":
    sys.exit(main())
