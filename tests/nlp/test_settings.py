"""The tagger takes its [nlp] settings from the entry point and reads no configuration itself."""

from __future__ import annotations

from outagewatch.config import load_config
from outagewatch.nlp import Tagger


def test_settings_argument_sets_processes_and_ignores_the_environment(tagger, monkeypatch, tmp_path):
    monkeypatch.setenv("OUTAGEWATCH_NLP_PROCESSES", "3")
    (tmp_path / "outagewatch.toml").write_text("[nlp]\nprocesses = 4\n")
    monkeypatch.chdir(tmp_path)
    assert Tagger(tagger.catalog).processes == 1  # neither the file nor the variable is read here
    assert Tagger(tagger.catalog, settings={"processes": 2}).processes == 2


def test_load_config_folds_the_nlp_environment_into_the_section(tmp_path):
    path = tmp_path / "ow.toml"
    path.write_text("[nlp]\nprocesses = 2\nmodel = \"xx\"\n")
    assert load_config(path, env={}).section("nlp") == {"processes": 2, "model": "xx"}
    section = load_config(path, env={"OUTAGEWATCH_NLP_PROCESSES": "1"}).section("nlp")
    assert section == {"processes": 1, "model": "xx"}
    assert load_config(None, env={"OUTAGEWATCH_NLP_MODEL": "en_core_web_sm"}).section("nlp")["model"] == "en_core_web_sm"
