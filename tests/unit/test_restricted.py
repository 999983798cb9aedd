"""Restricted mode without the app: the cleaned environment, the terminal check, the export gate."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from tui.export.target import EXPORT_DIR_VARIABLE, ExportRefused, export_path, write_export
from tui.terminal.restricted import WEB_DRIVER, clean_environment, has_terminal


def test_clean_environment_drops_the_original_command_and_risky_textual_settings() -> None:
    environ = {
        "SSH_ORIGINAL_COMMAND": "cat /etc/passwd",
        "TEXTUAL": "devtools,debug",
        "TEXTUAL_LOG": "/tmp/x.log",
        "TEXTUAL_SCREENSHOT": "1",
        "TEXTUAL_ALLOW_SIGNALS": "1",
        "TEXTUAL_DRIVER": "evil.module:Driver",
        "TEXTUAL_COLOR_SYSTEM": "standard",
        "TEXTUAL_ANIMATIONS": "none",
        "TERM": "xterm",
        "LANG": "C.UTF-8",
    }
    clean_environment(environ)
    assert environ == {
        "TEXTUAL_COLOR_SYSTEM": "standard",
        "TEXTUAL_ANIMATIONS": "none",
        "TERM": "xterm",
        "LANG": "C.UTF-8",
    }


def test_clean_environment_keeps_the_web_driver_of_textual_serve() -> None:
    environ = {"TEXTUAL_DRIVER": WEB_DRIVER}
    clean_environment(environ)
    assert environ == {"TEXTUAL_DRIVER": WEB_DRIVER}


class _Stream(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty


@pytest.mark.parametrize(
    ("stdin", "stdout", "environ", "expected"),
    [
        (True, True, {}, True),
        (False, True, {}, False),
        (True, False, {}, False),
        (False, False, {"TEXTUAL_DRIVER": WEB_DRIVER}, True),
        (False, False, {"TEXTUAL_DRIVER": "other:Driver"}, False),
    ],
)
def test_has_terminal(stdin: bool, stdout: bool, environ: dict[str, str], expected: bool) -> None:
    assert has_terminal(_Stream(stdin), _Stream(stdout), environ) is expected


def test_has_terminal_on_a_closed_stream() -> None:
    closed = open(os.devnull)  # noqa: SIM115
    closed.close()
    assert has_terminal(closed, _Stream(True), {}) is False


def test_unrestricted_export_goes_where_asked(tmp_path: Path) -> None:
    assert export_path("out.csv", restricted=False, environ={}) == Path("out.csv")
    assert (
        export_path("a/b.csv", restricted=False, environ={EXPORT_DIR_VARIABLE: str(tmp_path)}) == tmp_path / "a/b.csv"
    )


def test_restricted_export_is_off_without_a_folder() -> None:
    with pytest.raises(ExportRefused, match=EXPORT_DIR_VARIABLE):
        export_path("out.csv", restricted=True, environ={})


@pytest.mark.parametrize("folder", ["relative/folder", "/no/such/folder"])
def test_restricted_export_needs_an_existing_absolute_folder(folder: str) -> None:
    with pytest.raises(ExportRefused, match="existing absolute folder"):
        export_path("out.csv", restricted=True, environ={EXPORT_DIR_VARIABLE: folder})


@pytest.mark.parametrize(
    "name", ["", ".", "..", "../out.csv", "sub/out.csv", "/etc/passwd", ".bashrc", "a\\b.csv", "~/out.csv", "a\x00.csv"]
)
def test_restricted_export_takes_plain_names_only(tmp_path: Path, name: str) -> None:
    with pytest.raises(ExportRefused):
        export_path(name, restricted=True, environ={EXPORT_DIR_VARIABLE: str(tmp_path)})


def test_restricted_export_writes_inside_the_folder(tmp_path: Path) -> None:
    environ = {EXPORT_DIR_VARIABLE: str(tmp_path)}
    path = write_export("report.md", "# figures\n", restricted=True, environ=environ)
    assert path == tmp_path.resolve() / "report.md"
    assert path.read_text(encoding="utf-8") == "# figures\n"
    with pytest.raises(ExportRefused, match="already exists"):
        write_export("report.md", "again", restricted=True, environ=environ)
    assert path.read_text(encoding="utf-8") == "# figures\n"


def test_restricted_export_never_follows_a_symlink_out(tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    outside = tmp_path / "outside.txt"
    (folder / "link.csv").symlink_to(outside)
    environ = {EXPORT_DIR_VARIABLE: str(folder)}
    with pytest.raises(ExportRefused, match="symlink"):
        write_export("link.csv", "x", restricted=True, environ=environ)
    (folder / "dangling.csv").symlink_to(folder / "missing.csv")
    with pytest.raises(ExportRefused, match="symlink"):
        write_export("dangling.csv", "x", restricted=True, environ=environ)
    assert not outside.exists()
    assert sorted(os.listdir(folder)) == ["dangling.csv", "link.csv"]


def test_code_running_variables_are_every_python_and_loader_setting() -> None:
    from tui.terminal.restricted import code_running_variables, isolated_environment

    env = {"PYTHONINSPECT": "1", "PYTHONPATH": "/tmp", "LD_PRELOAD": "x.so", "LANG": "C.UTF-8", "TERM": "xterm"}
    assert code_running_variables(env) == ["LD_PRELOAD", "PYTHONINSPECT", "PYTHONPATH"]
    assert isolated_environment(env) == {"LANG": "C.UTF-8", "TERM": "xterm"}


def test_isolation_is_needed_unless_python_runs_with_dash_i_in_a_clean_environment() -> None:
    from types import SimpleNamespace

    from tui.terminal.restricted import needs_isolation

    isolated = SimpleNamespace(isolated=1, ignore_environment=1)
    assert not needs_isolation(isolated, {"LANG": "C"})
    assert needs_isolation(isolated, {"PYTHONINSPECT": "1"})
    assert needs_isolation(SimpleNamespace(isolated=0, ignore_environment=0), {})


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ({"COLUMNS": "100000", "LINES": "100000"}, {"COLUMNS": "500", "LINES": "200"}),
        ({"COLUMNS": "120", "ROWS": "40"}, {"COLUMNS": "120", "ROWS": "40"}),
        ({"COLUMNS": "0", "LINES": "-3"}, {}),
        ({"COLUMNS": "1e9", "LINES": "x"}, {}),
    ],
)
def test_terminal_size_variables_are_clamped(given: dict[str, str], expected: dict[str, str]) -> None:
    from tui.terminal.restricted import clamp_terminal_size

    clamp_terminal_size(given)
    assert given == expected
