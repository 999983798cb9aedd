"""The demo tour file: the bundled one is valid and complete; broken ones are refused with file, step and field."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tui.demo import TourError, default_tour_path, load_tour, parse_tour
from tui.demo.tour import is_key_name

GOOD_STEP = '[[step]]\nkey = "t"\ncaption = "the table"\npause = 2\n'


def test_bundled_tour_visits_every_screen_and_pop_up() -> None:
    tour = load_tour(default_tour_path())
    keys = [step.key for step in tour.steps]
    for key in ("1", "2", "3", "4", "t", "s", "?", "escape"):
        assert key in keys
    assert all(step.caption for step in tour.steps)
    assert all(step.pause >= 1 for step in tour.steps), "pauses long enough to read"
    assert 30 <= tour.duration <= 120


def test_parse_a_step() -> None:
    tour = parse_tour(GOOD_STEP + '[[step]]\nkey = "escape"\ncaption = " closes "\npause = 0.5\n', "mine.toml")
    assert tour.source == "mine.toml"
    assert [(s.key, s.caption, s.pause) for s in tour.steps] == [("t", "the table", 2.0), ("escape", "closes", 0.5)]
    assert tour.steps[1].key_label == "esc"
    assert tour.duration == 2.5


@pytest.mark.parametrize("key", ["1", "t", "?", "question_mark", "escape", "down", "end", "ctrl+p", "shift+tab", "f1"])
def test_key_names_accepted(key: str) -> None:
    assert is_key_name(key)


@pytest.mark.parametrize("key", ["", "esc ape", "escpae", "ctrl+", "Escape", "\t"])
def test_key_names_refused(key: str) -> None:
    assert not is_key_name(key)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("key = ", "tour.toml: not valid TOML"),
        ("", "tour.toml: no steps"),
        ("title = 'x'\n" + GOOD_STEP, "tour.toml: unknown top-level field 'title'"),
        (GOOD_STEP + '[[step]]\ncaption = "x"\npause = 1\n', "tour.toml: step 2: key: missing"),
        (GOOD_STEP + '[[step]]\nkey = "t"\npause = 1\n', "tour.toml: step 2: caption: missing"),
        (GOOD_STEP + '[[step]]\nkey = "t"\ncaption = "x"\n', "tour.toml: step 2: pause: missing"),
        ('[[step]]\nkey = "escpae"\ncaption = "x"\npause = 1\n', "tour.toml: step 1: key: 'escpae' is not a key"),
        ('[[step]]\nkey = 1\ncaption = "x"\npause = 1\n', "tour.toml: step 1: key: 1 is not a key"),
        ('[[step]]\nkey = "t"\ncaption = 3\npause = 1\n', "tour.toml: step 1: caption: must be text"),
        ('[[step]]\nkey = "t"\ncaption = "x"\npause = "2s"\n', "tour.toml: step 1: pause: must be a number"),
        ('[[step]]\nkey = "t"\ncaption = "x"\npause = -1\n', "tour.toml: step 1: pause: must be a number"),
        ('[[step]]\nkey = "t"\ncaption = "x"\npause = 2000\n', "tour.toml: step 1: pause: must be a number"),
        ('[[step]]\nkey = "t"\ncaption = "x"\npause = true\n', "tour.toml: step 1: pause: must be a number"),
        ('[[step]]\nkey = "t"\ncaption = "x"\npause = 1\npasue = 2\n', "tour.toml: step 1: pasue: unknown field"),
        ("step = [1]\n", "tour.toml: step 1: must be a [[step]] table"),
    ],
)
def test_broken_tours_name_file_step_and_field(text: str, message: str) -> None:
    with pytest.raises(TourError) as caught:
        parse_tour(text, "tour.toml")
    assert str(caught.value).startswith(message)
    assert "\n" not in str(caught.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(TourError, match=r"nope\.toml: no such tour file"):
        load_tour(tmp_path / "nope.toml")


def test_tour_module_does_not_import_textual() -> None:
    code = "import sys, tui.demo; print(sorted(m for m in sys.modules if m.startswith('textual')))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert result.stdout.strip() == "[]"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("command", ["demo", "record-demo"])
def test_cli_refuses_a_broken_tour_in_one_line(tmp_path: Path, command: str) -> None:
    tour = tmp_path / "talk.toml"
    tour.write_text(GOOD_STEP + '[[step]]\nkey = "t"\ncaption = "x"\npause = "long"\n', encoding="utf-8")
    result = run(command, "--tour", str(tour))
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("foi-explorer: error: ")
    assert "talk.toml: step 2: pause:" in lines[0]


@pytest.mark.parametrize("speed", ["0", "-1", "fast"])
def test_cli_refuses_a_bad_speed(speed: str) -> None:
    result = run("demo", "--speed", speed)
    assert result.returncode == 2
    assert "--speed" in result.stderr


@pytest.mark.parametrize(
    ("args", "refused"),
    [(["screenshots"], "screenshots"), (["record-demo"], "record-demo"), (["demo", "--tour", "x.toml"], "demo")],
)
def test_restricted_mode_refuses_file_access(args: list[str], refused: str) -> None:
    result = run("--restricted", *args)
    assert result.returncode == 2
    expected = f"foi-explorer: error: {refused} is not allowed in restricted mode: it runs the explorer only"
    assert result.stderr.strip() == expected
