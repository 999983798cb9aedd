"""Output of the data service for scripts and pipes: text, Markdown, JSON and CSV."""

from tui.export.report import FORMATS, render_checks, render_report

__all__ = ["FORMATS", "render_checks", "render_report"]
