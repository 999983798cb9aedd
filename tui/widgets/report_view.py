"""A long Rich renderable shown as text wrapped once per width: cheap to lay out and scroll."""

from __future__ import annotations

from rich.console import Console, RenderableType
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.widgets import Static


class ReportView(Static):
    """Shows a Rich renderable (tables, groups) pre-wrapped to the widget's width.

    Textual measures a Static's height by rendering its content, on every layout; for a long
    report of Rich tables that is most of a screen switch. Wrapping once per width into a
    plain ``Text`` makes layout a line count.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self.source: RenderableType = ""
        self._wrapped_width = 0

    def show(self, renderable: RenderableType) -> None:
        """Show a new renderable."""
        self.source = renderable
        self._wrapped_width = 0
        self._wrap(self.size.width)

    def on_resize(self, event: events.Resize) -> None:
        """Wrap again for the new width."""
        self._wrap(event.size.width)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """Wrap for the width the layout gives, then measure.

        So the first layout has the report, even of a screen laid out before it is shown; wrapping
        only once the Resize event arrived left that to the first showing (a second layout, and the
        whole report rendered then).
        """
        self._wrap(width, layout=False)  # being laid out already
        return super().get_content_height(container, viewport, width)

    def _wrap(self, width: int, *, layout: bool = True) -> None:
        if width <= 0 or width == self._wrapped_width:
            return
        self._wrapped_width = width
        console = Console(width=width, color_system="truecolor", legacy_windows=False)
        lines = console.render_lines(self.source, console.options.update_width(width), pad=False)
        text = Text("\n").join(
            Text.assemble(*((s.text, s.style or "") for s in line if not s.control)) for line in lines
        )
        text.no_wrap = True
        self.update(text, layout=layout)
