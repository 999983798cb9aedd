"""Data opened in a background thread, its news (steps, then the outcome) told to a listener.

``foi-explorer --data FILE.csv`` imports the spreadsheet this way once the app's opening screen
is drawn (started earlier, the import and Textual's start-up slowed each other: one GIL). News
from before a listener comes is kept for it. The thread is a daemon: Textual waits for its own
workers' threads when the app closes, and a read of a million rows cannot stop half-way, so
``q`` would hang until the read ended. UI-free: the listener decides how news reaches the screen.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.data.errors import DatasetError

if TYPE_CHECKING:
    from tui.data.service import DataService


@dataclass(frozen=True)
class Step:
    """What the load does next, e.g. "counting 1,000,000 rows"."""

    text: str


@dataclass(frozen=True)
class Opened:
    """The data is loaded."""

    service: DataService


@dataclass(frozen=True)
class Refused:
    """The data cannot be opened: one line naming file, row and column."""

    reason: str


@dataclass(frozen=True)
class Crashed:
    """Loading stopped on an unexpected error (a bug)."""

    error: Exception


News = Step | Opened | Refused | Crashed
"""What a listener is told, in order: steps, then one of the three endings."""


class Opening:
    """Data to open in the background: its name, and how to load it.

    ``load`` is given a callback taking a short text saying what it does next ("reading the
    file"); it returns the data service, and raises :class:`DatasetError` when the data cannot be
    opened.
    """

    def __init__(self, name: str, load: Callable[[Callable[[str], object]], DataService]) -> None:
        self.name = name
        self._load = load
        self._lock = threading.RLock()
        self._listener: Callable[[News], object] | None = None
        self._kept: list[News] = []
        self._thread: threading.Thread | None = None
        self._outcome: Opened | Refused | Crashed | None = None

    def start(self) -> Opening:
        """Start loading in a daemon thread (once; later calls do nothing)."""
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="opening", daemon=True)
                self._thread.start()
        return self

    def outcome(self) -> Opened | Refused | Crashed | None:
        """How the load ended, or None while it runs (or before it starts)."""
        with self._lock:
            return self._outcome

    def listen(self, listener: Callable[[News], object]) -> None:
        """Tell ``listener`` the news so far, then each news as it comes (from the loading thread).

        ``listener`` must not block: it is called with a lock held.
        """
        with self._lock:
            self._listener = listener
            for news in self._kept:
                listener(news)
            self._kept.clear()

    def _tell(self, news: News) -> None:
        with self._lock:
            if not isinstance(news, Step):
                self._outcome = news
            if self._listener is None:
                self._kept.append(news)
            else:
                self._listener(news)

    def _run(self) -> None:
        news: News
        try:
            news = Opened(self._load(lambda text: self._tell(Step(text))))
        except DatasetError as exc:
            news = Refused(str(exc))
        except Exception as exc:
            news = Crashed(exc)
        self._tell(news)
