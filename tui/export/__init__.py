"""Output of the data service for scripts and pipes (text, Markdown, JSON, CSV), and where files may go."""

from tui.export.report import FORMATS, render_checks, render_report
from tui.export.target import EXPORT_DIR_VARIABLE, ExportRefused, export_path, write_export

__all__ = [
    "EXPORT_DIR_VARIABLE",
    "FORMATS",
    "ExportRefused",
    "export_path",
    "render_checks",
    "render_report",
    "write_export",
]
