"""What every explorer screen shares: navigation, provenance line, chart/table toggle, size guard."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from functools import cached_property, partial
from time import monotonic
from typing import TYPE_CHECKING, ClassVar, Generic, Protocol, TypeVar, runtime_checkable

from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container
from textual.css.query import NoMatches
from textual.message import Message
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Static

from tui.data.catalog import Catalog
from tui.data.views import TableView
from tui.screen_registry import SCREENS, ScreenSpec, available, spec_for
from tui.screens.figure_keys import FigureKeys
from tui.screens.min_size import MIN_HEIGHT, MIN_WIDTH, too_small_message
from tui.screens.needless_restyle import SkipNeedlessRestyle
from tui.screens.steady import DropStaleResize
from tui.terminal import Terminal
from tui.terminal.textual_private import (
    app_is_exiting,
    layout_pending,
    note_styled,
    prerender_screen,
    screen_is_closing,
)
from tui.widgets import BarChart, ChartStyle, FigureTable, KeyBar, NavBar, ProvenanceBar
from tui.widgets.figure_table import measure_in_advance

if TYPE_CHECKING:
    from tui.data.service import DataService

BACKGROUND_HOLD = 0.06
"""Seconds after a key during which a screen built in the background holds back showing and drawing its
figures (tens of ms on the UI thread): the screen or view asked for goes first."""

LEFT_OUT_DELAY = 0.15
"""Seconds after the first frame before what it left out (a table out of view) is made: a key typed at
start is answered first."""

LEFT_OUT_HOLD = 0.05
"""Seconds since the last key before that work starts, and between looks while other screens gather theirs."""

FRAME_WAIT_STEP = 0.05
"""Seconds between looks, while a worker waits for a frame, at whether the app is still running."""

FRAME_WAIT_LIMIT = 1.0
"""Seconds a worker waits for a frame at most (nothing on show changed: no frame goes out)."""

DataT = TypeVar("DataT")
"""What a screen's :meth:`FoiScreen.gather` returns and its :meth:`FoiScreen.show` takes."""


@runtime_checkable
class ScreenHost(Protocol):
    """What explorer screens need from the app around them (``tui.app.FoiApp`` provides it)."""

    chart_style: ChartStyle
    terminal: Terminal
    catalog: Catalog
    """Every dataset the app can open."""
    dataset_name: str
    """The catalog name of the dataset on show."""

    loading_screens: set[Screen[None]]
    """Screens gathering their figures in a worker (the next background screen waits for them)."""

    def note_key(self) -> None:
        """A key just came: background work waits a moment."""

    def since_key(self) -> float:
        """Seconds since the last key (or screen switch)."""
        ...


def no_breakdown_sentence(role: str) -> str:
    """What a screen says when the dataset has no dimension with that role."""
    return f"This dataset has no breakdown by {role}."


MORE_MODE = "more"
"""The screen that shows by-force figures, cross-tabs and every breakdown the others leave out."""


def more_pointer(service: DataService, here: str) -> str:
    """A sentence sending the user to the More screen for the figures it has, or '' when it has none."""
    from tui.data.views import more_dimensions

    more = spec_for(MORE_MODE)
    if more is None or here == more.mode:
        return ""
    given = [f"{service.dimension_info(d).get('title', d)} (a cross-tab)" for d in service.crosstabs]
    given += [service.label(d) for d in (service.dimensions_for("force") + more_dimensions(service))]
    if not given:
        return ""
    return f"Press {more.key} for the {more.label} screen, which has: {'; '.join(given)}."


def screen_dimensions(service: DataService, spec: ScreenSpec) -> dict[str, str]:
    """The dataset's dimension for each role of a screen it has, in the screen's order (what a screen asks
    the service on the UI thread as it is built)."""
    return {role: dimension for role in spec.roles if (dimension := service.dimension_for(role)) is not None}


class FoiScreen(FigureKeys, DropStaleResize, SkipNeedlessRestyle, Screen[None], Generic[DataT]):
    """A data screen: a chart view and a table view of the same figures, ``t`` to switch.

    Each is built with its spec from ``tui.screen_registry``. Subclasses implement :meth:`compose_chart`,
    :meth:`compose_table`, :meth:`gather` (runs in a worker thread, asks the service) and :meth:`show`
    (fills the widgets).
    """

    AUTO_FOCUS = None
    HAS_CHART: ClassVar[bool] = True

    BINDINGS = [
        Binding("t", "toggle_view", "Chart/table", tooltip="Switch between the chart and the exact numbers"),
        Binding("s", "provenance", "Source", tooltip="Where the figures (or the focused row) come from"),
        Binding("e", "export", "Export", tooltip="Save this table with its source as CSV, JSON or Markdown"),
        Binding("y", "copy_figure", "Copy", tooltip="Copy the focused figure with its source (OSC 52)"),
    ]

    def __init__(self, service: DataService, spec: ScreenSpec) -> None:
        super().__init__(id=spec.mode)
        self.service = service
        self.spec = spec
        self.dimensions = screen_dimensions(service, spec)
        """The dataset's dimension for each role of the screen it has, in the screen's order."""
        self.figures_shown = False
        """The screen shows its figures (or, without its breakdowns, the dataset's summary)."""

    @property
    def missing_roles(self) -> tuple[str, ...]:
        """The screen's roles this dataset has no dimension for."""
        return tuple(role for role in self.spec.roles if role not in self.dimensions)

    @property
    def has_data(self) -> bool:
        """False when the screen shows breakdowns and the dataset has none of them."""
        return not self.spec.roles or bool(self.dimensions)

    @property
    def host(self) -> ScreenHost | None:
        """The app's chart style and terminal, or None under an app that is not the explorer's."""
        app = self.app
        return app if isinstance(app, ScreenHost) else None

    def compose(self) -> ComposeResult:
        """The shared frame around the screen's own views."""
        yield NavBar(self.spec.mode, "foi-explorer", tuple(s.mode for s in SCREENS if available(s, self.service.has)))
        with Container(id="body"):
            with ContentSwitcher(initial="chart-view" if self.HAS_CHART else "table-view", id="views"):
                if self.HAS_CHART:
                    with Container(id="chart-view"):
                        yield from self.compose_chart() if self.has_data else self._compose_missing()
                with Container(id="table-view"):
                    yield from self.compose_table() if self.has_data else self._compose_missing()
        yield Static("", id="too-small")
        yield ProvenanceBar(self.service.provenance)
        yield KeyBar()

    @property
    def missing_text(self) -> str:
        """What the screen's roles lack in this dataset, and where its other figures are."""
        lacking = " ".join(map(no_breakdown_sentence, self.missing_roles))
        return f"{lacking} {more_pointer(self.service, self.spec.mode)}".strip()

    def _compose_missing(self) -> ComposeResult:
        yield Static("", classes="dataset-summary", markup=False)
        yield Static(self.missing_text, classes="no-breakdown", markup=False)

    def compose_chart(self) -> ComposeResult:
        """The widgets of the chart view."""
        yield from ()

    def compose_table(self) -> ComposeResult:
        """The widgets of the table view."""
        yield from ()

    def on_mount(self) -> None:
        """Style the charts for the terminal, and ask the service for the figures without blocking the UI."""
        if self.is_current:  # the first screen: styled as it mounted (one built in the background is noted already)
            note_styled(self)
        host = self.host
        for chart in self.query(BarChart):
            if host is not None and host.terminal.ansi_theme:
                chart.theme = "clear"  # frame and ticks in the terminal's own colours, never black on black
            if host is not None:
                chart.set_style(host.chart_style)
        if not self.has_data:
            self._loading(True)
            self.load_summary()
            return
        at_hand = getattr(self.service, "answers_at_hand", None)  # the first-screen cache, if any
        if at_hand is not None and at_hand(self.spec.mode):
            self._left_out = self.LEAVES_OUT
            self._show_and_focus(self.gather_in_view())  # cached answers: in the first frame, no worker
            if self.LEAVES_OUT:  # what is out of view: once a key typed at start is answered
                self.when_keys_are_answered(self._make_left_out_soon)
        else:
            self._loading(True)
            self.load()

    def _loading(self, loading: bool) -> None:
        """Tell the app this screen is gathering its figures in a worker (or has them now)."""
        host = self.host
        if host is not None:
            if loading:
                host.loading_screens.add(self)
            else:
                host.loading_screens.discard(self)

    @contextmanager
    def noting_for_cache(self) -> Iterator[None]:
        """While a worker asks the service for this screen: the first-screen cache (if any) notes the
        questions, then keeps the answers for the next start (also for a screen with only a summary)."""
        gathering = getattr(self.service, "gathering", None)
        with gathering(self.spec.mode) if gathering is not None else nullcontext():
            yield
        gathered = getattr(self.service, "gathered", None)
        if gathered is not None:
            gathered(self.spec.mode)

    @work(thread=True, exclusive=True, group="screen-load")
    def load(self) -> None:
        """Gather the screen's data off the UI thread, then show it on the UI thread.

        A screen that :attr:`LEAVES_OUT` what is out of view gets its chart view shown first, then (in
        the same worker, its questions noted for the cache like the others) what it left out.
        """
        made = None
        with self.noting_for_cache():
            data = self.gather_in_view()
            measure_in_advance(data)  # here, not when shown on the UI thread
            if self.LEAVES_OUT:
                self._left_out = True
                self.app.call_from_thread(self._show_in_view, data)
                self.wait_for_frame()
                made = self._made_left_out()
            else:
                self.app.call_from_thread(self._show_and_focus, data)
                self.wait_for_frame()  # the answers are written to the cache after the frame, not before it
        if made is not None:
            self.app.call_from_thread(self._show_left_out, made)

    def wait_for_frame(self) -> None:
        """In a worker, for the screen on show: wait until what the UI thread was just given has gone out.

        Work that follows (what the chart view left out, writing the answers to the cache) then
        never holds the interpreter while the first frame with figures is composed and sent. Gives
        up after ``FRAME_WAIT_LIMIT``, once the app is no longer running or the screen no longer on show.
        A screen built in the background has no frame to wait for.
        """
        if not self.is_current:
            return
        drawn = threading.Event()
        app = self.app
        after_update = getattr(app, "call_after_update_sent", None)  # else (another app): after the refresh
        try:
            app.call_from_thread(after_update or self.call_after_refresh, drawn.set)
        except RuntimeError:  # the app has stopped
            return
        limit = monotonic() + FRAME_WAIT_LIMIT
        while not drawn.wait(FRAME_WAIT_STEP):
            if monotonic() > limit or not app.is_running or app_is_exiting(app) or not self.is_current:
                return  # (a screen left, or taken down with its dataset, has no frame coming: let it go)

    def _show_in_view(self, data: DataT) -> None:
        """Show what is in view; the screen still counts as gathering until what it left out is in place."""
        self._show_and_focus(data)
        if self._left_out:
            self._loading(True)

    @work(thread=True, exclusive=True, group="screen-load")
    def load_summary(self) -> None:
        """For a dataset with none of the screen's breakdowns: its total, period and what it has, off the UI thread."""
        from tui.data.views import dataset_summary

        with self.noting_for_cache():
            text = dataset_summary(self.service)
            self.app.call_from_thread(self._show_summary, text)
            self.wait_for_frame()

    class FiguresShown(Message):
        """A screen shows its figures for the first time (the app may keep its first screen then)."""

    def _shown(self) -> None:
        """The figures (or the summary) are in place: say so once; built in the background, draw it now."""
        if not self.figures_shown:
            self.figures_shown = True
            self.post_message(self.FiguresShown())
        if not self.is_current:
            self.call_after_refresh(self._prerender)

    def _show_summary(self, text: str) -> None:
        self._loading(False)
        for summary in self.query(".dataset-summary").results(Static):
            summary.update(text)
        self._shown()

    def _show_and_focus(self, data: DataT) -> None:
        self._loading(False)
        if not self.is_attached:  # replaced by another dataset's screens while its figures were on their way
            return
        wait = self._background_wait()
        if wait:
            self._held = data  # shown at once if the user comes to this screen meanwhile (on_screen_resume)
            self.set_timer(wait, self._show_held)
            return
        self._held = None
        try:
            self.show(data)
            self.focus_view()
        except NoMatches:
            if self._taken_down():
                return
            raise
        self._shown()

    def _taken_down(self) -> bool:
        """True when the app quits or this screen is being removed (its dataset replaced): its widgets may be
        gone while figures are still on their way."""
        return app_is_exiting(self.app) or screen_is_closing(self) or not self.is_attached or not self.app.is_running

    def _background_wait(self) -> float:
        """Seconds this screen, built in the background, should wait before its UI-thread work (0: go on)."""
        host = self.host
        if self.is_current or host is None:
            return 0.0
        since = host.since_key()
        return BACKGROUND_HOLD - since if since < BACKGROUND_HOLD else 0.0

    _held: object = None
    """Figures gathered for this background screen, held back while a switch settles."""

    def _show_held(self) -> None:
        held, self._held = self._held, None
        if held is not None:
            self._show_and_focus(held)  # type: ignore[arg-type]

    def _prerender(self, passes: int = 3, *, table_view: bool = True) -> None:
        """Lay out and render a screen built in the background, so its first showing is instant.

        Again (``passes`` times at most) while its widgets ask for another layout in answer to the
        last one (a scroll bar appearing), so the first showing needs none. There is no public way to
        warm a screen's caches: see :mod:`tui.terminal.textual_private`.
        """
        wait = self._background_wait()
        if wait:
            self.set_timer(wait, partial(self._prerender, passes, table_view=table_view))
        elif not self.is_current and self.app.size:
            switcher = self._views()
            if table_view and self.HAS_CHART and switcher is not None and switcher.current == "chart-view":
                # The table view too, first: its tables sized and their scrollbars made, a first t then
                # draws one frame instead of three (80 ms on Sources).
                self.set_focus(None)  # else hiding the chart blurs it, and its focus goes elsewhere
                switcher.current = "table-view"
                prerender_screen(self, self.app.size)
                switcher.current = "chart-view"
                self.focus_view()
                # The chart view in a step of its own: a key pressed meanwhile waits for one render at most.
                self.call_after_refresh(self._prerender, passes, table_view=False)
                return
            prerender_screen(self, self.app.size)
            if passes > 1:
                self.call_after_refresh(self._prerender_if_asked, passes - 1)  # the chart view only

    def _prerender_if_asked(self, passes: int) -> None:
        if layout_pending(self):
            self._prerender(passes, table_view=False)

    def gather(self) -> DataT:
        """Ask the service for what the screen shows (runs in a worker thread)."""
        raise NotImplementedError

    LEAVES_OUT: ClassVar[bool] = False
    """True when :meth:`gather_in_view` leaves out what is out of view (a table behind the chart, tens of
    milliseconds at 100,000 figure rows), made by :meth:`make_left_out` once the chart view is shown."""

    def gather_in_view(self) -> DataT:
        """What the chart view shows: by default everything (:meth:`gather`); see :attr:`LEAVES_OUT`.

        On the UI thread for a first screen whose answers are at hand, else in the worker.
        """
        return self.gather()

    def make_left_out(self) -> object:
        """Make what :meth:`gather_in_view` left out (either thread; once per screen)."""
        return None

    def show_left_out(self, made: object) -> None:
        """Put what :meth:`make_left_out` made in its widgets (UI thread)."""

    _left_out = False
    """What :meth:`gather_in_view` left out is not in place yet."""

    _made: object = None
    """What :meth:`make_left_out` made, once made (by a worker or the UI thread, whichever first)."""

    @cached_property
    def _made_lock(self) -> threading.Lock:
        return threading.Lock()

    def _made_left_out(self) -> object:
        with self._made_lock:
            if self._made is None:
                self._made = self.make_left_out()
            return self._made

    def _make_left_out_soon(self) -> None:
        if self._left_out:
            self._loading(True)  # one background worker at a time: the app's next screen waits for this one
            self._make_left_out_in_worker()

    @work(thread=True, group="left-out")
    def _make_left_out_in_worker(self) -> None:
        made = self._made_left_out()
        self.app.call_from_thread(self._show_left_out, made)

    def _show_left_out(self, made: object) -> None:
        self._loading(False)
        if self._left_out and self.is_attached:
            self._left_out = False
            try:
                self.show_left_out(made)
            except NoMatches:
                if self._taken_down():
                    return
                raise
            if not self.is_current:  # built in the background: its table view laid out for a first t
                self.call_after_refresh(self._prerender)

    def complete_views(self) -> None:
        """Put what the chart view left out in place now, before a view or an export needs it (UI thread)."""
        if self._left_out:
            self._show_left_out(self._made_left_out())

    def when_keys_are_answered(self, callback: Callable[[], object]) -> None:
        """Call ``callback`` after ``LEFT_OUT_DELAY``, once no key came for ``LEFT_OUT_HOLD`` and no other
        screen gathers.

        For work the first frame left out: a key typed at start, and the screen it asks for, go first.
        """

        def turn() -> None:
            host = self.host
            if not self.is_attached:
                return
            if host is not None and (host.since_key() < LEFT_OUT_HOLD or host.loading_screens - {self}):
                self.set_timer(LEFT_OUT_HOLD, turn)
                return
            callback()

        self.set_timer(LEFT_OUT_DELAY, turn)

    def current_table(self) -> TableView | None:
        """The table ``e`` exports (every view made first)."""
        self.complete_views()
        return super().current_table()

    def show(self, data: DataT) -> None:
        """Put the gathered data into the widgets (runs on the UI thread)."""
        raise NotImplementedError

    def _views(self) -> ContentSwitcher | None:
        """The chart/table switcher, or None while the screen is still being built or already taken down."""
        found = self.query("#views").results(ContentSwitcher)
        return next(iter(found), None)

    @property
    def view_name(self) -> str:
        """``chart`` or ``table``: the view on show."""
        switcher = self._views()
        current = (switcher.current if switcher is not None else None) or "table-view"
        return current.removesuffix("-view")

    def action_toggle_view(self) -> None:
        """Switch between the chart view and the table view."""
        switcher = self._views()
        if not self.HAS_CHART or switcher is None:
            return
        host = self.host
        if host is not None:
            host.note_key()
        self.complete_views()
        switcher.current = "table-view" if switcher.current == "chart-view" else "chart-view"
        self.focus_view()

    def focus_view(self) -> None:
        """Focus the first focusable widget of the view on show (a table, a scroll), or nothing."""
        switcher = self._views()
        if switcher is None:
            return
        view = switcher.get_child_by_id(switcher.current or "chart-view")
        focusable = [w for w in view.query("*") if w.can_focus]
        self.set_focus(focusable[0] if focusable else None)

    def action_provenance(self) -> None:
        """Open the full provenance, with the focused row's (or bar's) figure as a card first."""
        from tui.screens.provenance import ProvenanceScreen

        row = None
        derived = False
        focused = self.focused
        if isinstance(focused, FigureTable) and focused.view is not None:
            row = (focused.view.title, focused.focused_row())
            index = focused.focused_index()
            derived = index is not None and focused.view.derived[index]
        elif isinstance(focused, BarChart) and focused.focused_bar is not None:
            row = (focused.chart_title, focused.figure_cells(focused.focused_bar))
            derived = focused.is_derived(focused.focused_bar)
        provenance, definitions = self.service.provenance, self.service.definitions
        self.app.push_screen(ProvenanceScreen(provenance, row, definitions, derived))

    def on_resize(self, event: events.Resize) -> None:
        """Show the too-small message instead of a broken layout.

        Judged on the terminal's size, never the screen's: the screen's own size loses a column to
        a scrollbar, the scrollbar goes when the message replaces the content, and a terminal just
        at the limit would flip between the two for ever (the app then drew nothing).
        """
        self._guard_size(self.app.size.width, self.app.size.height)

    def on_screen_resume(self) -> None:
        """Re-check the size when coming back to this screen, show figures held back, let its tables finish filling."""
        self._guard_size(self.app.size.width, self.app.size.height)
        self._show_held()
        for table in self.query(FigureTable).results(FigureTable):
            table.resume_filling()

    def _guard_size(self, width: int, height: int) -> None:
        small = width < MIN_WIDTH or height < MIN_HEIGHT
        self.set_class(small, "-too-small")
        for message in self.query("#too-small").results(Static) if small else ():  # none before compose
            message.update(too_small_message(width, height, "or press q to quit"))
