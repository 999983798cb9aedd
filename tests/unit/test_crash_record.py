"""An unexpected error keeps its traceback in the user's cache folder, except where no file may be written."""

from __future__ import annotations

from pathlib import Path

from tui.errors import record_crash, unexpected_error_line


def boom() -> RuntimeError:
    try:
        raise RuntimeError("broken \x1b]52;c;eA==\x07 on purpose")
    except RuntimeError as error:
        return error


def test_the_traceback_is_kept_and_the_line_says_where(tmp_path: Path) -> None:
    path = record_crash(boom(), env={"XDG_CACHE_HOME": str(tmp_path)})
    assert path == tmp_path / "foi-explorer" / "crash.txt"
    assert "Traceback" in path.read_text() and "in boom" in path.read_text()
    line = unexpected_error_line(boom(), path)
    assert f"details in {path}; a bug: please report it" in line
    assert "\x1b" not in line and "\x07" not in line  # the message passed the sanitising function


def test_nothing_is_written_in_restricted_mode(tmp_path: Path) -> None:
    assert record_crash(boom(), writable=False, env={"XDG_CACHE_HOME": str(tmp_path)}) is None
    assert not any(tmp_path.iterdir())


def test_an_unwritable_cache_is_no_second_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert record_crash(boom(), env={"XDG_CACHE_HOME": str(blocker)}) is None
    assert record_crash(boom(), env={}) is None  # no cache folder at all
