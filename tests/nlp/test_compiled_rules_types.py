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


def test_the_tagger_runs_every_compiled_module_on_outage_chatter(tagger) -> None:
    # The build compiles what the tagger runs on a text, minutes of C for each module: a module listed that no
    # text reaches any more (its calls moved elsewhere) would be compiled for nothing, and one the rules call
    # that is not listed runs as bytecode between compiled ones. Four posts, tagged in pure Python, call into
    # every listed module (a frame of each module's source seen).
    if compiled.compiled():
        pytest.skip("this checkout runs the compiled build: its modules make no Python frames")
    sources = {str(path): name for name, path in zip(compiled.MODULES, compiled.sources())}
    seen: set[str] = set()

    def watch(frame, event, arg) -> None:
        if event == "call":
            seen.add(frame.f_code.co_filename)

    posts = ["AWS us-east-1 is down again, can't log in to Slack since this morning",
             "hab seit Mittag kein Netflix mehr, Störung in Berlin?",  # absence, places elsewhere
             "Alle Komponenten betriebsbereit bei Zoom",  # a status page's all-clear
             "check-in systems down at LHR, Amadeus outage"]  # an airport, a place's people looked for
    sys.setprofile(watch)
    try:
        list(tagger.tag_texts([(post, None, None) for post in posts]))
    finally:
        sys.setprofile(None)
    assert sorted(name for path, name in sources.items() if path not in seen) == []


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


def _compiled_rules_script():
    import importlib.util

    path = compiled.ROOT / "scripts" / "compiled_rules.py"
    spec = importlib.util.spec_from_file_location("compiled_rules_script", path)
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    return script


def test_check_compiled_refuses_to_compare_against_a_compiled_checkout_before_building(monkeypatch, capsys) -> None:
    # make check-compiled compares a build in a temporary copy with this checkout's pure rules: a checkout that runs
    # compiled rules itself would compare the build with a build, so it says so at once, before minutes of gcc
    script = _compiled_rules_script()
    monkeypatch.setattr(script, "_modules_at", lambda root: {
        name: f"/x/{name.rsplit('.', 1)[1]}.cpython-311-x86_64-linux-gnu.so" for name in compiled.MODULES})

    def no_build(*args, **kwargs):
        raise AssertionError("built")

    monkeypatch.setattr(script, "build", no_build)
    assert script.verify(100) == 1
    assert "make pure" in capsys.readouterr().err


def test_version_tells_pure_from_compiled_and_names_a_stale_build(tmp_path) -> None:
    # what `outagewatch --version` says of an install, from its files: a Docker image or a compiled wheel
    # shows whether the build took, without importing the tagger
    import importlib.machinery

    root = tmp_path / "site"
    for source in compiled.sources(root):
        source.parent.mkdir(parents=True, exist_ok=True)
        source.write_text(f"# {source.stem}\n", encoding="utf-8")
    assert compiled.describe(root) == "pure Python"
    suffix = importlib.machinery.EXTENSION_SUFFIXES[0]
    for source in compiled.sources(root):
        source.with_suffix(suffix).write_bytes(b"\x7fELF")
    record = root / "outagewatch" / "nlp" / compiled.RECORD.name
    record.write_text(json.dumps({name: compiled.digest(source) for name, source in
                                  zip(compiled.MODULES, compiled.sources(root))}), encoding="utf-8")
    assert compiled.describe(root) == f"compiled, {len(compiled.MODULES)} of {len(compiled.MODULES)} modules"
    compiled.sources(root)[3].write_text("# edited since the build\n", encoding="utf-8")
    assert "1 built from other sources, which the tagger refuses" in compiled.describe(root)
    record.unlink()  # a build without its record: every module is refused
    assert f"{len(compiled.MODULES)} built from other sources" in compiled.describe(root)
