"""A process's descendants on Linux, read from every process's parent in ``/proc/<pid>/stat``.

Why not ``/proc/<pid>/task/<tid>/children``: that file exists only on kernels built with
CONFIG_PROC_CHILDREN, and where it is missing a walk over it finds no children at all, so a
test that counts worker processes fails and a benchmark's memory figure silently leaves the
workers out. Every Linux has ``stat``'s parent field.
"""

from __future__ import annotations

import os


def parents() -> dict[int, int]:
    """Every living process's parent, by process id."""
    found: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                # the name (field 2) is in parentheses and may hold spaces or ")"
                found[int(entry)] = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue  # the process left while we read
    return found


def descendants(pid: int) -> list[int]:
    """The children of ``pid``, their children and so on, parents before their children."""
    children: dict[int, list[int]] = {}
    for child, parent in parents().items():
        children.setdefault(parent, []).append(child)
    found, todo = [], [pid]
    while todo:
        kids = sorted(children.get(todo.pop(0), ()))
        found += kids
        todo += kids
    return found
