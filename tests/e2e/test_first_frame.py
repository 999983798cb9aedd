"""The first screen painted from the cache before Textual loads: keys typed meanwhile count, the terminal comes back."""

from __future__ import annotations

import json
import signal
import sys
from pathlib import Path

import pytest

from tests.e2e.conftest import home_env, modes_restored
from tests.e2e.pty_session import PtySession, installed_command
from tests.e2e.test_signals import restored
from tui.data import default_dataset_path
from tui.data.service import DataService
from tui.screen_registry import SCREENS

pytestmark = pytest.mark.e2e

ENTER_ALTERNATE = b"\x1b[?1049h"
CURSOR_HOME = b"\x1b[1;1H"
TEXTUAL_START = b"\x1b[?1004h"  # focus reports on: written by Textual's driver as it takes the terminal, never before


def test_the_cached_first_screen_comes_before_textual_and_a_key_typed_meanwhile_is_answered(warm_home: Path) -> None:
    service = DataService.from_path(default_dataset_path())
    total = f"{service.total} in all"
    constables = next(f for f in service.breakdown("rank").figures if "constable" in f.category.casefold())
    with PtySession([installed_command()], env=home_env(warm_home)) as term:
        term.wait_for(total, timeout=30)
        term.send("2")  # at once: Textual may not be running yet
        term.wait_for(str(constables.count), constables.category, timeout=30)
        term.send("q")
        assert term.wait_exit() == 0
        assert modes_restored(term.fd)
    raw = bytes(term.raw)
    painted, textual = raw.find(total.encode()), raw.find(TEXTUAL_START)
    assert 0 <= raw.find(ENTER_ALTERNATE) < painted < textual, "the figures were not painted before Textual took over"
    # Textual stays on the alternate screen the paint entered: entering it again would clear it (xterm does).
    assert raw.count(ENTER_ALTERNATE) == 1
    assert restored(raw)


def test_textual_takes_over_the_painted_screen_without_drawing_it_again(warm_home: Path) -> None:
    """Textual's first frame is the painted one: it sends only what differs (nothing), so no flicker and no bytes."""
    total = f"{DataService.from_path(default_dataset_path()).total} in all"
    with PtySession([installed_command()], env=home_env(warm_home)) as term:
        term.wait_for(total, timeout=30)
        painted = term.text()
        term.wait_until(lambda _: updates_sent(bytes(term.raw)) >= 2, what="Textual's first frame", timeout=30)
        term.send("2")
        term.wait_for("police constable", timeout=30)
        term.send("q")
        assert term.wait_exit() == 0
    raw = bytes(term.raw)
    taken = raw.find(TEXTUAL_START)
    assert total.encode() not in raw[taken:], "Textual drew the painted screen again"
    assert "█" in painted  # long bars as painted: a redraw would send them as coloured blanks


def updates_sent(raw: bytes) -> int:
    """Screen updates Textual has sent since it took the terminal (it homes the cursor after each: textual 8.2.8).

    It sends two for its first frame: the bars at the foot of the screen, then the whole screen.
    """
    taken = raw.find(TEXTUAL_START)
    return 0 if taken < 0 else raw[taken:].count(CURSOR_HOME)


def test_no_first_screen_is_kept_when_a_key_came_first_but_the_screen_it_reached_is(tmp_path: Path) -> None:
    """What shows after a key is the user's doing: the start screen is not kept, the screen the key showed is."""
    with PtySession([installed_command()], env=home_env(tmp_path)) as term:
        term.wait_exec()
        term.send("2")
        term.wait_for("police constable", timeout=30)
        term.wait_until(lambda _: bool(kept_frames(tmp_path)), what="the ranks screen kept")
        term.send("q")
        assert term.wait_exit() == 0
    assert list((tmp_path / "cache").rglob("*trends.json")), "the answers were not cached at all"
    [(_name, rows)] = kept_frames(tmp_path).items()
    assert "police constable" in rows and "peak" not in rows


def kept_frames(home: Path) -> dict[str, str]:
    """The kept frames of a home: file name and the text of their rows."""
    frames = {}
    for path in (home / "cache").rglob("frame-*.json"):
        try:
            rows = json.loads(path.read_text(encoding="utf-8"))["rows"]
        except (OSError, ValueError):
            continue  # being written
        frames[path.name] = "\n".join("".join(cell[0] for cell in row) for row in rows)
    return frames


@pytest.mark.parametrize("screen", ["ranks", "sources"])
def test_a_screen_reached_by_its_key_is_kept_as_it_shows_as_the_start_screen(tmp_path: Path, screen: str) -> None:
    """The key and ``--screen`` share the kept frame: it must be the same screen, cell for cell."""
    spec = next(s for s in SCREENS if s.mode == screen)
    files = {}
    for start, keys in ((["--screen", screen], ""), ([], spec.key)):
        home = tmp_path / ("start" if keys == "" else "key")
        with PtySession([installed_command(), *start], env=home_env(home)) as term:
            term.wait_until(lambda _, home=home: bool(kept_frames(home)), what="the start screen kept", timeout=30)
            if keys:
                term.send(keys)
                term.wait_until(lambda _, home=home: len(kept_frames(home)) == 2, what="the screen kept", timeout=30)
            term.send("q")
            assert term.wait_exit() == 0
        files[keys] = {p.name: p.read_bytes() for p in (home / "cache").rglob("frame-*.json")}
    [(name, kept)] = files[""].items()
    assert files[spec.key][name] == kept


GATED = """
import os, sys, time
from pathlib import Path

import tui.cli

gate = Path(os.environ["FOI_TEST_GATE"])
open_for_app = tui.cli._open_for_app


def gated(*args, **kwargs):
    while not gate.exists():  # the test opens the gate: Textual starts only then
        time.sleep(0.005)
    return open_for_app(*args, **kwargs)


tui.cli._open_for_app = gated
from tui.launch import main
sys.exit(main())
"""


@pytest.fixture(scope="module")
def ranks_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A home whose cache holds the trends screen (the start screen) and the ranks screen (reached by ``2``)."""
    home = tmp_path_factory.mktemp("ranks-home")
    with PtySession([installed_command()], env=home_env(home)) as term:
        term.wait_until(lambda _: len(kept_frames(home)) == 1, what="the first frame kept", timeout=30)
        term.send("2")
        term.wait_until(lambda _: len(kept_frames(home)) == 2, what="the ranks frame kept", timeout=30)
        term.send("q")
        assert term.wait_exit() == 0
    return home


class Gated:
    """The app in ``home``, held before Textual starts (it reads its figures) until :meth:`open` is called."""

    def __init__(self, home: Path, tmp_path: Path) -> None:
        script = tmp_path / "gated.py"
        script.write_text(GATED)
        self.gate = tmp_path / "gate"
        env = {**home_env(home), "FOI_TEST_GATE": str(self.gate)}
        self.session = PtySession([sys.executable, str(script)], env=env)

    def open(self) -> None:
        self.gate.touch()

    def textual_started(self) -> bool:
        return TEXTUAL_START in bytes(self.session.raw)


def test_a_screen_key_typed_before_textual_shows_its_kept_screen_and_the_app_starts_on_it(
    ranks_home: Path, tmp_path: Path
) -> None:
    service = DataService.from_path(default_dataset_path())
    total = f"{service.total} in all"
    constables = next(f for f in service.breakdown("rank").figures if "constable" in f.category.casefold())
    gated = Gated(ranks_home, tmp_path)
    with gated.session as term:
        term.wait_for(total, timeout=30)
        term.send("2")
        term.wait_for(constables.category, str(constables.count), timeout=30)
        assert not gated.textual_started() and total not in term.text()
        painted = term.text()
        gated.open()
        term.wait_until(lambda _: gated.textual_started(), what="Textual to take the terminal", timeout=30)
        assert term.text() == painted
        term.send("t")  # the running app is on ranks: its table
        term.wait_for("sergeant or above*", timeout=30)
        term.send("1")  # and back to trends, as from a key pressed in the app
        term.wait_for(total, "peak", timeout=30)
        term.send("q")
        assert term.wait_exit() == 0
        assert modes_restored(term.fd)
    assert restored(bytes(term.raw))


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("t", ["year", "change on year before"]),  # the trends table
        ("2t", ["rank", "sergeant or above*"]),  # ranks answered early, its table once the app runs
        ("?", ["the Trends screen"]),  # help
        ("2?", ["the Ranks screen"]),
        ("3", ["Outcomes"]),  # a screen without a kept frame: the app shows it
    ],
)
def test_other_keys_typed_before_textual_do_what_they_do_once_it_runs(
    ranks_home: Path, tmp_path: Path, typed: str, shown: list[str]
) -> None:
    gated = Gated(ranks_home, tmp_path)
    with gated.session as term:
        term.wait_for("in all", timeout=30)
        term.send(typed)
        gated.open()
        term.wait_for(*shown, timeout=30)
        if "?" in typed:  # q closes the pop-up first
            term.send("q")
            closed = lambda screen: shown[0] not in screen and "t Chart/table" in screen  # noqa: E731
            term.wait_until(closed, what="help closed", timeout=30)
        term.send("q")
        assert term.wait_exit() == 0
    assert restored(bytes(term.raw))


@pytest.mark.parametrize("kind", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT, "ctrl+c"])
def test_a_signal_after_a_screen_key_answered_early_ends_the_app_and_restores_the_terminal(
    ranks_home: Path, tmp_path: Path, kind: int | str
) -> None:
    gated = Gated(ranks_home, tmp_path)
    with gated.session as term:
        term.wait_for("in all", timeout=30)
        term.send("2")
        term.wait_for("police constable", timeout=30)
        if kind == "ctrl+c":
            term.send(b"\x03")
        else:
            term.signal(int(kind))
        status = term.wait_exit(timeout=5)
        assert modes_restored(term.fd)
    assert status == (130 if kind == "ctrl+c" else 128 + int(kind))
    assert restored(bytes(term.raw)) and not gated.textual_started()


@pytest.mark.parametrize("typed", ["q", "2q"])
def test_q_typed_before_textual_quits_at_once_and_gives_the_terminal_back(
    ranks_home: Path, tmp_path: Path, typed: str
) -> None:
    gated = Gated(ranks_home, tmp_path)  # never opened: the app would wait for ever to start Textual
    with gated.session as term:
        term.wait_for("in all", timeout=30)
        term.send(typed)
        assert term.wait_exit(timeout=10) == 0
        assert modes_restored(term.fd)
    assert restored(bytes(term.raw)) and not gated.textual_started()


def test_a_first_visit_by_key_in_the_running_app_shows_the_kept_screen_at_once(ranks_home: Path) -> None:
    """Ranks reached by ``2`` once the app runs: its kept frame goes out before the screen is built."""
    kept_ranks = next(rows for rows in kept_frames(ranks_home).values() if "police constable" in rows)
    constables = next(line for line in kept_ranks.splitlines() if "police constable" in line)
    assert "█" in constables  # as kept; Textual sends a long bar as coloured blanks (the changed-cells writer)
    with PtySession([installed_command()], env=home_env(ranks_home)) as term:
        term.wait_for("in all", timeout=30)
        term.wait_until(lambda _: updates_sent(bytes(term.raw)) >= 2, what="Textual's first frame", timeout=30)
        term.send("2")
        term.wait_until(lambda screen: constables in screen, what="the kept ranks screen", timeout=30)
        term.send("t")  # the app is on ranks: its table
        term.wait_for("sergeant or above*", timeout=30)
        term.send("q")
        assert term.wait_exit() == 0
