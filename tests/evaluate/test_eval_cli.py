import json
import sys
import types

import pytest
from click.testing import CliRunner

from marsad.cli.evaluate import eval_group
from marsad.evaluate import acled
from marsad.evaluate.acled import SUMMARY_KEYS


@pytest.fixture
def fake_pipeline(ev, monkeypatch):
    fake = ev.FakeExtractor({ev.TEXT_CLASH: [ev.make_event()]})
    monkeypatch.setattr(acled, "pipeline_extractor", lambda n_process=1, errors=None: fake)
    return fake


def test_eval_acled_json_prints_one_object_with_the_issue_keys(ev, write_acled, fake_pipeline):
    result = CliRunner().invoke(eval_group, ["acled", str(write_acled([ev.gold_row()])), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert tuple(data) == SUMMARY_KEYS
    assert data["event_type_accuracy"] == 1.0


def test_eval_acled_table_names_each_measure(ev, write_acled, fake_pipeline):
    result = CliRunner().invoke(eval_group, ["acled", str(write_acled([ev.gold_row()])), "--limit", "1"])
    assert result.exit_code == 0, result.output
    for key in SUMMARY_KEYS:
        assert key in result.output


def test_eval_acled_missing_file_exits_2_naming_the_file(tmp_path):
    missing = tmp_path / "nowhere.csv"
    result = CliRunner().invoke(eval_group, ["acled", str(missing), "--json"])
    assert result.exit_code == 2
    assert "nowhere.csv" in result.output


@pytest.mark.parametrize("command", ["case2021", "geoparse"])
def test_helper_commands_missing_file_exit_2(tmp_path, command):
    result = CliRunner().invoke(eval_group, [command, str(tmp_path / "gone.tsv")])
    assert result.exit_code == 2
    assert "gone.tsv" in result.output


def _fake_module(monkeypatch, name, summary, seen):
    module = types.ModuleType(name)

    def run(path, *, limit=None, all_labels=False):
        seen.update(path=path, limit=limit, all_labels=all_labels)
        return summary

    module.run = run
    monkeypatch.setitem(sys.modules, name, module)


def test_eval_case2021_passes_options_and_prints_the_run_summary(tmp_path, monkeypatch):
    summary = {"n": 2, "weighted_f1": 0.5, "micro_f1": 0.5, "macro_f1": 0.25,
               "per_label": {"ARMED_CLASH": {"precision": 1.0, "recall": 0.5, "f1": 0.667, "support": 2}}}
    seen: dict = {}
    _fake_module(monkeypatch, "marsad.evaluate.case2021", summary, seen)
    path = tmp_path / "snippets.tsv"
    path.write_text("id\tEventSnippet\tSubType\n", encoding="utf-8")
    result = CliRunner().invoke(eval_group, ["case2021", str(path), "--all-labels", "--limit", "3", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == summary
    assert seen == {"path": str(path), "limit": 3, "all_labels": True}


def test_eval_case2021_table_shows_per_label_rows(tmp_path, monkeypatch):
    summary = {"n": 2, "weighted_f1": 0.5, "per_label": {"AIR_STRIKE": {"precision": 1.0, "f1": 0.5}}}
    _fake_module(monkeypatch, "marsad.evaluate.case2021", summary, {})
    path = tmp_path / "snippets.tsv"
    path.write_text("id\tEventSnippet\tSubType\n", encoding="utf-8")
    result = CliRunner().invoke(eval_group, ["case2021", str(path)])
    assert result.exit_code == 0, result.output
    assert "AIR_STRIKE" in result.output and "weighted_f1" in result.output


def test_eval_geoparse_does_not_pass_options_run_does_not_take(tmp_path, monkeypatch):
    module = types.ModuleType("marsad.evaluate.geoparse")
    module.run = lambda path, limit=None: {"articles": 1, "toponyms": 3, "limit": limit}
    monkeypatch.setitem(sys.modules, "marsad.evaluate.geoparse", module)
    path = tmp_path / "gwn.xml"
    path.write_text("<articles/>", encoding="utf-8")
    result = CliRunner().invoke(eval_group, ["geoparse", str(path), "--limit", "5", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == {"articles": 1, "toponyms": 3, "limit": 5}


def test_eval_json_stdout_stays_one_object_when_a_stage_prints(tmp_path, monkeypatch):
    module = types.ModuleType("marsad.evaluate.geoparse")

    def run(path, limit=None):
        print("loading the gazetteer...")
        return {"articles": 1}

    module.run = run
    monkeypatch.setitem(sys.modules, "marsad.evaluate.geoparse", module)
    path = tmp_path / "gwn.xml"
    path.write_text("<articles/>", encoding="utf-8")
    result = CliRunner().invoke(eval_group, ["geoparse", str(path), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"articles": 1}
