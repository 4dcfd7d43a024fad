"""The one command line: `nianbao run|eval|export|docs|bench|validate` (`nianbao.cli`)."""

from __future__ import annotations

import importlib
import inspect
import re
import tomllib
from pathlib import Path

import pytest

from nianbao import cli

ROOT = Path(__file__).resolve().parents[1]


def test_the_commands_of_the_issue():
    assert sorted(cli.COMMANDS) == sorted(["run", "eval", "export", "docs", "bench", "validate"])


@pytest.mark.parametrize("command", sorted(cli.COMMANDS))
def test_every_command_has_a_main_taking_argv(command):
    module, _, _ = cli.COMMANDS[command]
    main = importlib.import_module(module).main
    assert "argv" in inspect.signature(main).parameters


@pytest.mark.parametrize(
    ("argv", "module", "expected"),
    [
        (["export", "--out", "x"], "nianbao.export", ["--out", "x"]),
        (["run", "--wait"], "orchestration.cli", ["run", "--wait"]),
        (["eval", "--real"], "nianbao.evaluation", ["--real"]),
        (["validate"], "nianbao.expectations", []),
    ],
)
def test_the_rest_of_the_line_goes_to_the_command(argv, module, expected, monkeypatch):
    seen = []
    monkeypatch.setattr(importlib.import_module(module), "main", lambda a: seen.append(a) or 3)
    assert cli.main(argv) == 3  # the command's exit status is the CLI's
    assert seen == [expected]


def test_an_unknown_command_is_refused(capsys):
    with pytest.raises(SystemExit) as exc:
        cli.main(["publish"])
    assert exc.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_the_script_and_the_makefile_use_it():
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts["nianbao"] == "nianbao.cli:main"
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("run", "eval", "export", "docs", "bench", "validate"):
        recipe = re.search(rf"^{target}:.*\n((?:\t.*\n)+)", makefile, re.M)
        assert recipe and f"$(NIANBAO) {target}" in recipe.group(1), target


def test_validate_passes_a_good_build_and_fails_a_bad_one(tmp_path, capsys):
    from tests.report.invented_marts import frames, write_db

    (tmp_path / "good").mkdir()
    (tmp_path / "bad").mkdir()
    good = write_db(tmp_path / "good" / "nianbao.duckdb")
    bad_frames = frames()
    bad_frames["fct_figures"].loc[0, "metric"] = "visits.bogus"
    bad = write_db(tmp_path / "bad" / "nianbao.duckdb", bad_frames)

    assert cli.main(["validate", "--db", str(good), "--no-docs"]) == 0
    assert "FAIL" not in capsys.readouterr().out
    assert cli.main(["validate", "--db", str(bad), "--no-docs"]) == 1
    out = capsys.readouterr().out
    assert "FAIL fct_figures" in out and "visits.bogus" in out
