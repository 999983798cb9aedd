"""The output formats of ``report`` and ``check`` (UI-free and import-cheap: the CLI parser reads them)."""

REPORT_FORMATS: tuple[str, ...] = ("text", "markdown", "json", "csv")
"""What ``foi-explorer report --format`` accepts."""

CHECK_FORMATS: tuple[str, ...] = ("text", "markdown", "json", "csv")
"""What ``foi-explorer check --format`` accepts (CSV: one row per check or claim, with provenance)."""
