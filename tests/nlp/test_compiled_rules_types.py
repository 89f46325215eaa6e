"""The rule modules the opt-in compiled build compiles (``make compiled``, outagewatch/nlp/compiled.py) pass
mypy with the build's flags: mypyc refuses to build a module with a type error, and holds the compiled rules
to their annotations at run time, so a rule edit that breaks either fails here, in the suite, rather than
on a deployment that compiles. Also the guard that refuses a compiled module built from another source."""

from __future__ import annotations

import json
import sys
import types

import pytest

from outagewatch.nlp import compiled


@pytest.mark.slow  # mypy over the four modules and what they import: ~5-20 s
def test_the_rule_modules_type_check_as_the_compiled_build_needs() -> None:
    api = pytest.importorskip("mypy.api", reason="mypy is in the test extra: pip install -e '.[test]'")
    out, err, status = api.run([*compiled.MYPY_FLAGS, "--no-incremental", "--cache-dir", "/dev/null",
                                *map(str, compiled.sources())])
    assert status == 0, f"mypy (as `make compiled` runs it) fails on the rule modules:\n{out}{err}"


def test_the_modules_named_are_the_rules_and_exist() -> None:
    assert "outagewatch.nlp.resolve" in compiled.MODULES
    for path in compiled.sources():
        assert path.exists(), path


def test_pure_python_rules_need_no_record(monkeypatch, tmp_path) -> None:
    # the default install: every rule module from its source, no build recorded, nothing refused
    monkeypatch.setattr(compiled, "RECORD", tmp_path / "compiled.json")
    for name, source in zip(compiled.MODULES, compiled.sources()):
        pure = types.ModuleType(name)
        pure.__file__ = str(source)
        monkeypatch.setitem(sys.modules, name, pure)
    assert compiled.compiled() == []
    compiled.check()


def test_a_compiled_module_from_an_edited_source_is_refused(monkeypatch, tmp_path) -> None:
    name = compiled.MODULES[0]
    fake = types.ModuleType(name)
    fake.__file__ = str(tmp_path / "resolve.cpython-311-x86_64-linux-gnu.so")
    monkeypatch.setitem(sys.modules, name, fake)
    record = tmp_path / "compiled.json"
    monkeypatch.setattr(compiled, "RECORD", record)
    source = compiled.sources()[0]
    record.write_text(json.dumps({name: "0" * 64}), encoding="utf-8")  # built from another source
    with pytest.raises(compiled.StaleBuild, match="make compiled"):
        compiled.check()
    record.write_text(json.dumps({name: compiled.digest(source)}), encoding="utf-8")  # built from this one
    compiled.check()
