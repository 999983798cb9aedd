"""The option-list click guard reaches into Textual (``OptionList._on_click``): a stale click does nothing."""

from __future__ import annotations

from rich.style import Style
from textual import events
from textual.app import App, ComposeResult
from textual.widgets import OptionList

from tui.terminal.textual_private import use_safe_option_clicks


class _Listed(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.selected: list[int] = []

    def compose(self) -> ComposeResult:
        yield OptionList("first", "second")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.selected.append(event.option_index)


def _click_on_option(widget: OptionList, option: int) -> events.Click:
    """A click whose line carried ``option`` when it was drawn (as Textual's rendering marks it)."""
    return events.Click(widget, 1, 0, 0, 0, 1, False, False, False, style=Style(meta={"option": option}))


async def test_a_click_on_an_option_that_has_gone_does_nothing_and_a_real_one_selects() -> None:
    use_safe_option_clicks()
    use_safe_option_clicks()  # idempotent: one guard, not two
    assert getattr(OptionList.__dict__["_on_click"], "guarded", False)
    app = _Listed()
    async with app.run_test(size=(30, 6)) as pilot:
        options = app.query_one(OptionList)
        options.post_message(_click_on_option(options, 7))  # drawn when the list was longer
        await pilot.pause()
        assert app.is_running and app.return_code is None
        assert app.selected == []
        options.post_message(_click_on_option(options, 1))
        await pilot.pause()
        await pilot.pause()
        assert app.selected == [1]
