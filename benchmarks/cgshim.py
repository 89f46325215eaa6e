"""callgrind's client requests as C calls, for the benchmarks that count instructions of a part of a run only.

Python cannot issue valgrind's client requests itself; a tiny shared library built with gcc once (into the temporary
directory, in a folder named by the source's digest so a changed shim is rebuilt) can. Outside valgrind the calls
do nothing. Needs gcc and valgrind's headers (Debian package ``valgrind``)."""

from __future__ import annotations

import ctypes
import hashlib
import subprocess
import tempfile
from pathlib import Path

SHIM = r"""
#include <valgrind/callgrind.h>
void cg_start(void) { CALLGRIND_START_INSTRUMENTATION; }
void cg_stop(void) { CALLGRIND_STOP_INSTRUMENTATION; }
void cg_zero(void) { CALLGRIND_ZERO_STATS; }
void cg_dump(void) { CALLGRIND_DUMP_STATS; }
void cg_dump_at(const char *name) { CALLGRIND_DUMP_STATS_AT(name); }
"""


def shim() -> ctypes.CDLL:
    """The library: ``cg_start``, ``cg_stop``, ``cg_zero``, ``cg_dump``, ``cg_dump_at(name)``."""
    folder = Path(tempfile.gettempdir()) / f"outagewatch-cgshim-{hashlib.sha256(SHIM.encode()).hexdigest()[:12]}"
    lib = folder / "libcgshim.so"
    if not lib.exists():
        folder.mkdir(exist_ok=True)
        (folder / "cgshim.c").write_text(SHIM)
        subprocess.run(["gcc", "-O2", "-shared", "-fPIC", "-o", str(lib), str(folder / "cgshim.c")], check=True)
    return ctypes.CDLL(str(lib))
