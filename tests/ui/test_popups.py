"""Pop-ups read like a pager, keep URLs whole as links, and show a focused figure as a card."""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Console
from textual.containers import VerticalScroll
from textual.widgets import Static

from tests.ui.conftest import plain, settle
from tui.app import FoiApp
from tui.screens import ProvenanceScreen
from tui.widgets import KeyBar

MakeApp = Callable[..., FoiApp]


async def open_source_popup(app: FoiApp, pilot) -> VerticalScroll:
    await settle(pilot)
    await pilot.press("t", "j", "s")
    await settle(pilot)
    assert isinstance(app.screen, ProvenanceScreen)
    return app.screen.query_one("#panel", VerticalScroll)


async def test_popup_pages_with_pgdn_pgup_space_home_end(make_app: MakeApp) -> None:
    """Issue 12 #2: pop-ups scrolled one line at a time; PgUp/PgDn/Home/End/Space did nothing."""
    app = make_app(screen="ranks")
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await open_source_popup(app, pilot)
        page = panel.scrollable_content_region.height - 1
        assert panel.max_scroll_y > page  # the content is longer than one page at 80x24
        await pilot.press("pagedown")
        assert panel.scroll_y == page
        await pilot.press("pageup")
        assert panel.scroll_y == 0
        await pilot.press("space")
        assert panel.scroll_y == page
        await pilot.press("end")
        assert panel.scroll_y == panel.max_scroll_y
        await pilot.press("home")
        assert panel.scroll_y == 0


async def test_popup_key_bar_lists_the_paging_keys(make_app: MakeApp) -> None:
    """Issue 12 #2: the pop-up's footer only showed "esc Close"."""
    app = make_app(screen="ranks")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_source_popup(app, pilot)
        keys = str(app.screen.query_one(KeyBar).render())
        for shown in ("esc", "j/k", "PgDn/PgUp", "Home/End", "Copy"):
            assert shown in keys, keys


async def test_source_url_is_whole_and_a_link(make_app: MakeApp) -> None:
    """Issue 12 #11: the URL was hard-wrapped mid-word ("officers-/among"), so copying it broke the link."""
    app = make_app(screen="ranks")
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await open_source_popup(app, pilot)
        url = app.service.provenance.sources[0].url
        text = app.screen.query_one("#provenance-text", Static)
        console = Console(width=panel.scrollable_content_region.width, file=open("/dev/null", "w"))  # noqa: SIM115
        lines = console.render_lines(text.content, console.options, pad=False)
        url_lines = [line for line in lines if any("https://" in seg.text for seg in line)]
        assert len(url_lines) == 1
        shown = "".join(seg.text for seg in url_lines[0]).strip()
        assert shown == url or (shown.endswith("…") and url.startswith(shown[:-1]))
        assert any(seg.style is not None and seg.style.link == url for seg in url_lines[0])
        after = lines.index(url_lines[0]) + 1
        assert not "".join(seg.text for seg in lines[after]).strip().startswith(url[len(shown) - 1 : len(shown) + 5])


async def test_j_and_k_scroll_the_sources_report(make_app: MakeApp) -> None:
    """Issue 12 #1: j/k did not scroll Sources & checks though the screen said they do."""
    app = make_app(screen="sources")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        report = app.screen.query_one("#report", VerticalScroll)
        assert app.focused is report
        await pilot.press("j", "j", "j")
        assert report.scroll_y == 3
        await pilot.press("k")
        assert report.scroll_y == 2
        await pilot.press("G")
        assert report.scroll_y == report.max_scroll_y
        await pilot.press("g")
        assert report.scroll_y == 0


async def test_popup_below_80x24_says_too_small(make_app: MakeApp) -> None:
    """Issue 12 #15: a pop-up at 60x20 was drawn squeezed instead of the "too small" message."""
    app = make_app(screen="trends")
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        popup = app.screen
        assert popup.has_class("-too-small")
        assert not popup.query_one("#panel", VerticalScroll).display
        message = popup.query_one("#panel-too-small", Static)
        assert message.display and "need 80x24, have 60x20" in str(message.render())
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert not popup.has_class("-too-small") and popup.query_one("#panel", VerticalScroll).display


async def test_focused_figure_is_a_labelled_card_with_its_meaning(make_app: MakeApp) -> None:
    """Issue 12 #14: the focused figure ran together on one line, repeated the note, and gave no definition."""
    app = make_app(screen="ranks")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("t", "j", "s")
        await settle(pilot)
        card = plain(app.screen.query_one("#figure-card", Static), width=76)
        lines = [line.strip() for line in card.splitlines() if line.strip()]
        assert lines[0] == "Focused figure"
        assert any(line.startswith("rank") and line.endswith("sergeant") for line in lines)
        assert any(line.startswith("officers") and line.endswith("12") for line in lines)
        sergeant = next(d.meaning for d in app.service.definitions if d.term == "sergeant")
        assert sergeant.split()[0] in card and "Meaning" in card
        await pilot.press("escape", "end", "s")  # the total row: worked out, explained once
        await settle(pilot)
        card = plain(app.screen.query_one("#figure-card", Static), width=76)
        assert card.count("Worked out") == 1


async def test_popups_name_the_palette_key_and_it_opens_from_them(make_app: MakeApp) -> None:
    """Help and Source pop-ups list ``^p Commands`` (the palette opened from them, unlisted)."""
    from textual.command import CommandPalette

    from tui.screens import HelpScreen

    app = make_app(screen="ranks")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_source_popup(app, pilot)
        assert "^p Commands" in plain(app.screen.query_one(KeyBar), width=80)
        await pilot.press("escape", "question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        assert "^p Commands" in plain(app.screen.query_one(KeyBar), width=80)
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
