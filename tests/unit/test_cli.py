"""The command line: version, help, report and check in every format, clean errors."""

from __future__ import annotations

import csv
import io
import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from tui import __version__
from tui.cli import build_parser


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, text=True, cwd=cwd, timeout=60)


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"foi-explorer {__version__}"


def test_help_lists_commands_and_options() -> None:
    result = run("--help")
    assert result.returncode == 0
    for word in ("report", "check", "--data", "--screen"):
        assert word in result.stdout


def test_report_text_has_provenance_and_every_figure(tmp_path: Path) -> None:
    result = run("report", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "FoI reference" in out and "londonworld.com" in out and "Caveats" in out
    for figure in ("14", "16", "62", "92", "184", "160", "57", "37", "83", "16"):
        assert figure in out


def test_report_markdown() -> None:
    out = run("report", "--format", "markdown").stdout
    assert out.startswith("# ")
    assert "| rank | officers | share of 184 | note |" in out
    assert "| police constable | 160 | 87.0% |" in out


def test_report_json(service) -> None:
    data = json.loads(run("report", "--format", "json").stdout)
    assert data["total"] == 184
    assert data["provenance"]["foi_reference"] is None
    years = [f["count"] for f in data["breakdowns"]["year"]["figures"]]
    assert years == [14, 16, 62, 92]
    assert data["trend"]["peak_period"] == "2021"


def test_report_csv() -> None:
    rows = list(csv.DictReader(io.StringIO(run("report", "--format", "csv").stdout)))
    found = {(r["dimension"], r["category"]): r for r in rows}
    assert found[("rank", "sergeant or above")]["count"] == "20"
    assert found[("rank", "sergeant or above")]["qualifier"] == "derived"
    assert found[("finding", "no finding recorded")]["count"] == "83"
    assert found[("sanction", "dismissal")]["base"] == "37"


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_check_formats(fmt: str) -> None:
    result = run("check", "--format", fmt)
    assert result.returncode == 0
    assert "contradicted" in result.stdout
    assert "does not hold" in result.stdout
    if fmt == "json":
        data = json.loads(result.stdout)
        assert {c["id"]: c["status"] for c in data["claims"]}["C1"] == "contradicted"


def test_check_markdown_is_a_pasteable_fact_check() -> None:
    out = run("check", "--format", "markdown").stdout
    assert out.startswith("# Fact-check:")
    assert "## The source's claims, tested" in out
    assert "| C6 |" in out


@pytest.mark.parametrize("command", [[], ["report"], ["check"]])
def test_broken_dataset_gives_one_line_and_exit_2(dataset_copy: Path, command: list[str]) -> None:
    figures = dataset_copy / "figures.csv"
    original = figures.read_text(encoding="utf-8").replace("year,2020,2020,62", "year,2020,2020,6x2")
    figures.write_text(original, encoding="utf-8")
    result = run(*command, "--data", str(dataset_copy))
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "Traceback" not in result.stderr
    assert "figures.csv, row 5, column 'count'" in lines[0]
    assert figures.read_text(encoding="utf-8") == original, "the input must not be touched"


def test_missing_dataset_path(tmp_path: Path) -> None:
    result = run("report", "--data", str(tmp_path / "nope"))
    assert result.returncode == 2
    assert "nope" in result.stderr and "Traceback" not in result.stderr


def test_data_option_before_the_command(dataset_copy: Path) -> None:
    result = run("--data", str(dataset_copy), "report", "--format", "json")
    assert result.returncode == 0
    assert json.loads(result.stdout)["total"] == 184


def test_restricted_refuses_other_data(dataset_copy: Path) -> None:
    result = run("--restricted", "--data", str(dataset_copy))
    assert result.returncode == 2
    assert "restricted" in result.stderr


def test_unknown_theme_is_a_clean_error() -> None:
    result = run("--theme", "nope")
    assert result.returncode == 2
    assert "unknown theme 'nope'" in result.stderr and "textual-light" in result.stderr
    assert "Traceback" not in result.stderr


def test_restricted_refuses_data_before_the_command(dataset_copy: Path) -> None:
    result = run("--restricted", "--data", str(dataset_copy), "report")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "--data is not allowed in restricted mode" in result.stderr


def test_restricted_app_refuses_to_run_without_a_terminal() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tui", "--restricted"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == ["foi-explorer: error: restricted mode needs a terminal: connect with ssh -t"]


@pytest.mark.parametrize(
    "command", [["report", "--format", "json"], ["check"], ["demo"], ["serve"], ["screenshots"], ["record-demo"]]
)
def test_restricted_refuses_every_command_but_the_explorer(command: list[str]) -> None:
    """A forced command runs the explorer and nothing else: no report, no 30 s demo, no server."""
    result = run("--restricted", *command)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"foi-explorer: error: {command[0]} is not allowed in restricted mode: it runs the explorer only"
    ]


@pytest.mark.parametrize("variable", ["PYTHONINSPECT", "PYTHONSTARTUP", "PYTHONPATH", "PYTHONUSERBASE"])
def test_restricted_runs_isolated_whatever_python_variables_say(variable: str, tmp_path: Path) -> None:
    """Re-executed as ``python -I`` with every PYTHON* gone: the refusal below comes from an isolated process."""
    probe = tmp_path / "probe.py"
    probe.write_text("print('STARTUP FILE RAN')")
    value = {"PYTHONINSPECT": "1", "PYTHONSTARTUP": str(probe)}.get(variable, str(tmp_path))
    env = {**os.environ, variable: value}
    result = subprocess.run(
        [sys.executable, "-m", "tui", "--restricted"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert result.returncode == 2
    assert result.stdout == ""  # no REPL prompt, no startup file run
    assert ">>>" not in result.stderr and "STARTUP" not in result.stderr
    assert result.stderr.splitlines() == ["foi-explorer: error: restricted mode needs a terminal: connect with ssh -t"]


def test_serve_help_says_localhost_and_restricted() -> None:
    result = run("serve", "--help")
    assert result.returncode == 0
    out = " ".join(result.stdout.split())
    assert "--host" in out and "--port" in out and "--public-url" in out
    assert "127.0.0.1" in out and "8000" in out
    assert "--restricted" in out and "bundled datasets only" in out


def test_top_level_help_lists_serve() -> None:
    assert "serve" in run("--help").stdout


def test_serve_refuses_other_data(dataset_copy: Path) -> None:
    result = run("--data", str(dataset_copy), "serve")
    assert result.returncode == 2
    assert "--data is not allowed with serve" in result.stderr


def test_serve_without_textual_serve_is_one_clean_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from tui.cli import main

    monkeypatch.setitem(sys.modules, "textual_serve", None)
    monkeypatch.setitem(sys.modules, "textual_serve.server", None)
    assert main(["serve", "--port", "1"]) == 2
    err = capsys.readouterr().err
    assert err.splitlines() == ["foi-explorer: error: serve needs textual-serve: pip install 'foi-explorer[serve]'"]


def test_serve_runs_the_app_restricted_and_isolated() -> None:
    from tui.serve import app_command

    command = shlex.split(app_command(screen="ranks", theme="ansi-dark"))
    assert command[0] == sys.executable
    assert command[1:] == ["-I", "-m", "tui", "--restricted", "--screen", "ranks", "--theme", "ansi-dark"]


@pytest.mark.parametrize("name", ["ranks", "RANKS", "2", "Ranks", " ranks "])
def test_screen_accepts_mode_key_or_label_in_any_case(name: str) -> None:
    assert build_parser().parse_args(["--screen", name]).screen == "ranks"


def test_screen_accepts_a_label_with_spaces() -> None:
    assert build_parser().parse_args(["--screen", "sources & checks"]).screen == "sources"


def test_unknown_screen_names_the_known_ones(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        build_parser().parse_args(["--screen", "nope"])
    assert exc.value.code == 2
    known = "1/trends, 2/ranks, 3/outcomes, 4/sources, 5/more, 6/cases"
    assert f"unknown screen 'nope' (known: {known})" in capsys.readouterr().err


def test_the_cached_first_screen_is_painted_before_the_answers_are_read(
    dataset_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 15: the painted frame needs only the dataset's key; the answers (megabytes at 100,000 figure rows,
    0.1 s to read) were read first, so the first screen waited for them."""
    from tui import cli
    from tui.data import answer_cache

    done: list[str] = []
    open_service = answer_cache.open_service
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(cli, "_paint_cached_first_screen", lambda cache: done.append("paint"))
    monkeypatch.setattr(answer_cache, "open_service", lambda *a, **k: done.append("answers") or open_service(*a, **k))
    monkeypatch.setattr(cli, "_terminal_app", lambda *a, **k: done.append("app"))  # stops there: no app
    assert cli.main(["--data", str(dataset_copy)]) == 2
    assert done == ["paint", "answers", "app"]


def test_a_dataset_broken_after_the_paint_gets_its_error_line_on_the_normal_screen(
    dataset_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The frame is painted before the data is read: if reading fails, the terminal is given back first."""
    from tui import cli

    done: list[object] = []

    class Held:
        def restore(self, *, leave_screen: bool) -> None:
            done.append(("restore", leave_screen, capsys.readouterr().err))

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(cli, "_paint_cached_first_screen", lambda cache: Held())
    monkeypatch.setattr(cli, "_answer_early_keys", lambda early, cache: None)  # no terminal behind Held
    (dataset_copy / "figures.csv").write_text("not,the,right,header\n", encoding="utf-8")
    assert cli.main(["--data", str(dataset_copy)]) == 2
    assert done == [("restore", True, "")], "the error line was written before the terminal was given back"
    err = capsys.readouterr().err
    assert err.startswith("foi-explorer: error: ") and "figures.csv" in err and len(err.splitlines()) == 1
