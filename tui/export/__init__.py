"""Output of the data service for scripts and pipes (text, Markdown, JSON, CSV) and SVG screenshots.

Import the modules themselves (``tui.export.report``, ``tui.export.formats``): this package imports
nothing, so the CLI can read the format names without loading pandas.
"""
