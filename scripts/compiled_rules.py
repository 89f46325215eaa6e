"""The tagger's rules compiled with mypyc, in place, for a deployment that wants them faster (opt-in).

    .venv/bin/python scripts/compiled_rules.py build   # make compiled: mypy must be installed ('.[compiled]')
    .venv/bin/python scripts/compiled_rules.py clean   # make pure: back to the pure-Python rules
    .venv/bin/python scripts/compiled_rules.py check   # mypy with the build's flags only (what the tests run)
    .venv/bin/python scripts/compiled_rules.py status  # which rule modules are compiled here
    .venv/bin/python scripts/compiled_rules.py verify  # make check-compiled: build in a temporary copy, compare tags

``build`` type-checks and compiles ``outagewatch.nlp.compiled.MODULES`` (gcc and the Python headers are needed;
~11-13 minutes of CPU on a busy machine and ~3.7 GB of memory, most of it gcc on one C file), leaves each extension beside its source and records the sources' digests in
``outagewatch/nlp/compiled.json`` (the tagger refuses an extension whose source has changed since). Check the
build tags as the pure rules do before deploying it:

    .venv/bin/python benchmarks/tag_identity.py --tree . -o compiled.jsonl     # in this checkout, compiled
    .venv/bin/python benchmarks/tag_identity.py --tree PURE -o pure.jsonl     # a pure checkout of the same commit
    cmp compiled.jsonl pure.jsonl

``verify`` (``make check-compiled``) does that end to end without touching this checkout: it copies the package
into a temporary directory, builds every module of ``MODULES`` there as ``build`` does, checks that the copy imports
them compiled, and compares ``tag_identity.py``'s digest on a sample of its corpus (``--sample``, default 8,000
records, one process) between the copy and this checkout (which must be pure Python). It is not in ``make test``:
the build alone is ~12.8 minutes of CPU (42 minutes at a load of 8-10), most of it gcc, against the
suite's budget; run it after changing ``MODULES``, the build's flags, or mypy/mypyc's version, and before deploying
a compiled build.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time
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


def build(root: Path = ROOT, quiet: bool = False) -> int:
    """Compile ``MODULES`` in the checkout ``root``, in place, and record their sources' digests there."""
    if root == ROOT:
        clean()
    files = [str(path.relative_to(root)) for path in compiled.sources(root)]
    env = {**os.environ, "MYPYC_OPT_LEVEL": os.environ.get("MYPYC_OPT_LEVEL", "3")}
    # mypyc type-checks first (a type error stops the build), then builds in place through setuptools.
    command = [sys.executable, "-m", "mypyc", *compiled.MYPY_FLAGS, *files]
    print(" ".join(command), flush=True)
    done = subprocess.run(command, cwd=root, env=env, capture_output=quiet, text=True)
    if done.returncode:
        if quiet:
            sys.stderr.write(done.stdout[-5000:] + done.stderr[-5000:])
        return done.returncode
    record = root / compiled.RECORD.relative_to(ROOT)
    record.write_text(json.dumps({name: compiled.digest(path) for name, path in
                                  zip(compiled.MODULES, compiled.sources(root))}, indent=1) + "\n", encoding="utf-8")
    return status_report(root)


def _modules_at(root: Path) -> dict[str, str] | None:
    """Each rule module's file as the checkout ``root`` imports it (with the tagger, so a stale build fails)."""
    code = ("import json, outagewatch.nlp.tagger as t, outagewatch.nlp.compiled as c; "
            "print(json.dumps({n: __import__(n, fromlist=['_']).__file__ for n in c.MODULES}))")
    out = subprocess.run([sys.executable, "-c", code], cwd=root, env={**os.environ, "PYTHONPATH": str(root)},
                         capture_output=True, text=True)
    if out.returncode:
        sys.stderr.write(out.stderr)
        return None
    return json.loads(out.stdout)


def status_report(root: Path = ROOT) -> int:
    found = _modules_at(root)
    if found is None:
        return 1
    for name, path in found.items():
        print(f"{name}: {'compiled' if not path.endswith('.py') else 'pure Python'} ({Path(path).name})")
    return 0


def verify(sample: int) -> int:
    """Build ``MODULES`` in a temporary copy of the package and check it tags a sample as this (pure) checkout does."""
    here = _modules_at(ROOT)
    if here is None or any(not path.endswith(".py") for path in here.values()):
        print("verify compares against this checkout's pure-Python rules: run `make pure` first", file=sys.stderr)
        return 1
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="outagewatch-compiled-") as tmp:
        copy = Path(tmp)
        shutil.copytree(ROOT / "outagewatch", copy / "outagewatch",
                        ignore=shutil.ignore_patterns("__pycache__", "*.so", compiled.RECORD.name))
        for shared in ("tests", "benchmarks"):  # the identity corpus reads the test data: shared, not copied
            (copy / shared).symlink_to(ROOT / shared)
        status = build(copy, quiet=True)
        if status:
            print("the compiled build failed (above)", file=sys.stderr)
            return status
        found = _modules_at(copy) or {}
        pure = [name for name in compiled.MODULES if found.get(name, ".py").endswith(".py")]
        if pure:
            print(f"the copy does not import these compiled: {', '.join(pure)}", file=sys.stderr)
            return 1
        print(f"built in {time.perf_counter() - started:.0f} s; tagging a sample of {sample} records in each tree",
              flush=True)
        for label, tree in (("compiled", copy), ("pure", ROOT)):
            out = subprocess.run([sys.executable, str(ROOT / "benchmarks/tag_identity.py"), "--tree", str(tree),
                                  "--paths", "serial", "--sample", str(sample), "-o", str(copy / f"{label}.jsonl")],
                                 cwd=tmp, capture_output=True, text=True)
            if out.returncode:
                sys.stderr.write(out.stderr)
                return out.returncode
            print(f"{label}: {out.stdout.strip()}")
        if (copy / "compiled.jsonl").read_bytes() != (copy / "pure.jsonl").read_bytes():
            print("the compiled rules tag differently from the pure ones", file=sys.stderr)
            return 1
    print(f"the compiled rules ({len(compiled.MODULES)} modules) tag the sample as the pure ones do "
          f"({time.perf_counter() - started:.0f} s in all)")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("build", "clean", "check", "status", "verify"))
    parser.add_argument("--sample", type=int, default=8000, help="verify: records of the identity corpus to tag")
    args = parser.parse_args()
    if args.action == "verify":
        return verify(args.sample)
    return {"build": build, "clean": clean, "check": check, "status": status_report}[args.action]()


if __name__ == "__main__":
    sys.exit(main())
