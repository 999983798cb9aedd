"""Skip Textual's restyle of a whole screen on every showing when nothing it depends on has changed."""

from __future__ import annotations

from typing import Any

from textual import events, on
from textual.app import App
from textual.screen import Screen

AppStyleState = tuple[frozenset[str], frozenset[str]]
"""What of the app a widget's style can depend on: the app's classes and its pseudo-classes."""


def app_style_state(app: App[Any]) -> AppStyleState:
    """The app's classes (its theme's among them) and pseudo-classes (focus, dark, ansi, ...)."""
    return frozenset(app.classes), app.pseudo_classes


class SkipNeedlessRestyle(Screen[None]):
    """A screen that Textual does not restyle whole on resume when that is needless.

    Textual restyles every widget of a screen each time it is shown (5-25 ms on a switch of modes),
    in case something its styles depend on changed while it was hidden. What can change then:

    - the stylesheet (a new theme): Textual re-applies all CSS to the screen on its own when it
      shows a screen styled under an older stylesheet, restyle or not;
    - the app's classes and pseudo-classes (focus, dark/light, ansi, ...): Textual restyles only
      the screen on show when they change; noted here when the screen was last styled for them;
    - a widget's own classes, focus or hover: Textual restyles that widget at once, shown or not.

    So the restyle is skipped when the app's classes and pseudo-classes are the ones the screen was
    mounted or last hidden under (when it was styled, on show, for the app as it was then).
    """

    _styled_for: AppStyleState | None = None

    @on(events.Mount)
    def _note_styled_as_mounted(self) -> None:
        """Styled from the stylesheet as it mounted, for the app as it is now."""
        self._styled_for = app_style_state(self.app)

    @on(events.ScreenSuspend)
    def _note_styled_as_hidden(self) -> None:
        """Hidden: the screen was on show, so Textual kept it styled for the app as it is now."""
        self._styled_for = app_style_state(self.app)

    @on(events.ScreenResume)
    def _skip_needless_restyle(self, event: events.ScreenResume) -> None:
        """Tell Textual's handler (Screen's, called after this one) not to restyle every widget when nothing changed."""
        if self._styled_for == app_style_state(self.app):
            event.refresh_styles = False
