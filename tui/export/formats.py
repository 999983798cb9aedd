"""The output formats of ``report`` and ``check`` (UI-free and import-cheap: the CLI parser reads them)."""

REPORT_FORMATS: tuple[str, ...] = ("text", "markdown", "json", "csv")
"""What ``foi-explorer report --format`` accepts."""

CHECK_FORMATS: tuple[str, ...] = ("text", "markdown", "json")
"""What ``foi-explorer check --format`` accepts (no CSV: checks are sentences, not a table)."""
