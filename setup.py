"""The package's build. pyproject.toml says everything a build needs; this file only adds the
compiled wheel, for a deployment that tags a lot:

    OUTAGEWATCH_COMPILED=1 pip wheel --no-deps -w dist .      # or pip install ., the same way

compiles the tagger's rule modules (``outagewatch.nlp.compiled.MODULES``) with mypyc into the wheel,
beside their sources, with the record of the sources they were built from (``compiled.json``, which
the tagger checks at import). It needs gcc and the Python headers, ~5-13 minutes of CPU and ~3.7 GB
of memory (gcc on one C file); pip installs mypy into the build's own environment first. The wheel
then tags ~25% more texts a second with the same tags (docs/benchmarks.md). Without the variable
(the default) the build is plain setuptools and the package pure Python. An editable install with
it is refused: ``make compiled`` compiles a checkout in place.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
MYPY = "mypy>=2.4.1,<2.5"  # the compiled extra's mypy (pyproject.toml): raise both together


def _compiled_module():
    """outagewatch/nlp/compiled.py alone (the package's __init__ imports its dependencies, which a
    build's environment does not have)."""
    spec = importlib.util.spec_from_file_location("_outagewatch_compiled", HERE / "outagewatch/nlp/compiled.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class _BuildPyWithRecord(build_py):
    """Puts the record of the compiled modules' sources in the wheel, beside them."""

    def run(self) -> None:
        super().run()
        compiled = _compiled_module()
        record = Path(self.build_lib) / "outagewatch" / "nlp" / compiled.RECORD.name
        record.write_text(json.dumps({name: compiled.digest(path) for name, path in
                                      zip(compiled.MODULES, compiled.sources(HERE))}, indent=1) + "\n",
                          encoding="utf-8")


if os.environ.get("OUTAGEWATCH_COMPILED", "0").strip() not in ("", "0"):
    if "editable_wheel" in sys.argv:
        # an editable install imports the checkout's own files: its extensions would sit beside sources that
        # change under them, without the record the tagger checks; `make compiled` builds a checkout in place
        raise SystemExit("OUTAGEWATCH_COMPILED=1 builds a wheel, not an editable install: unset it here, "
                         "and run `make compiled` to compile this checkout in place")
    try:
        from mypyc.build import mypycify
    except ImportError:
        if "egg_info" in sys.argv:
            # pip is asking for the build's requirements (setuptools' backend reads them from this call, then
            # pip installs them into the build's environment and builds)
            setup(setup_requires=[MYPY])
        raise SystemExit(f"OUTAGEWATCH_COMPILED=1 needs mypy to build: pip install '{MYPY}'") from None
    compiled = _compiled_module()
    files = [str(path.relative_to(HERE)) for path in compiled.sources(HERE)]
    setup(ext_modules=mypycify([*compiled.MYPY_FLAGS, *files], opt_level="3"),
          cmdclass={"build_py": _BuildPyWithRecord})
else:
    setup()
