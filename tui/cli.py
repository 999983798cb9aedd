"""The ``foi-explorer`` command: argument parsing, dataset loading and clean errors."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tui import __version__

if TYPE_CHECKING:
    from tui.data import DataService

SCREENS = ("trends", "ranks", "outcomes", "sources")
EXIT_DATA_ERROR = 2


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the command and its sub-commands."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data",
        metavar="PATH",
        type=Path,
        default=argparse.SUPPRESS,
        help="a dataset folder (or its datapackage.json) instead of the bundled default",
    )
    parser = argparse.ArgumentParser(
        prog="foi-explorer",
        description="Explore UK police FoI figures on officers investigated for misusing social media.",
        parents=[common],
        epilog="Keys in the app: 1-4 screens, t chart/table, s sources, ? help, ctrl+p commands, q quit.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--screen", choices=SCREENS, default="trends", help="the screen to open on")
    parser.add_argument("--theme", default=None, help="a Textual theme, e.g. textual-dark, textual-light, ansi-dark")
    parser.add_argument("--no-color", action="store_true", help="no colour at all (also when NO_COLOR is set)")
    parser.add_argument(
        "--ascii", action="store_true", help="ASCII characters only (also when the locale is not UTF-8)"
    )
    parser.add_argument(
        "--low-bandwidth",
        action="store_true",
        help="no animations and no cursor blink, for slow links",
    )
    parser.add_argument(
        "--restricted",
        action="store_true",
        help="for a shared SSH service: bundled datasets only, no shell, no suspend, no file writes",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    report = sub.add_parser("report", parents=[common], help="print every table of the dataset and exit")
    report.add_argument("--format", choices=("text", "markdown", "json", "csv"), default="text")
    check = sub.add_parser("check", parents=[common], help="print the reconciliation checks and claims and exit")
    check.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return its exit status."""
    args = build_parser().parse_args(argv)
    data_path: Path | None = getattr(args, "data", None)
    if args.restricted and data_path is not None:
        return _fail("--data is not allowed in restricted mode")
    service = _load(data_path)
    if service is None:
        return EXIT_DATA_ERROR
    if args.command == "report":
        from tui.export import render_report

        return _print(render_report(service, args.format))
    if args.command == "check":
        from tui.export import render_checks

        return _print(render_checks(service, args.format))
    from tui import terminal

    term = terminal.detect(no_color=args.no_color, ascii_only=args.ascii, low_bandwidth=args.low_bandwidth)
    terminal.prepare_environment(term)
    from tui.app import build_app  # Textual reads the environment prepared above when imported

    app = build_app(service, screen=args.screen, theme=args.theme, terminal=term)
    app.run(mouse=not term.low_bandwidth)
    return app.return_code or 0


def _load(path: Path | None) -> DataService | None:
    from tui.data import DataService, DatasetError, default_dataset_path

    try:
        return DataService.from_path(path or default_dataset_path())
    except DatasetError as exc:
        _fail(str(exc))
        return None


def _print(text: str) -> int:
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        sys.stderr.close()
    return 0


def _fail(message: str) -> int:
    print(f"foi-explorer: error: {message}", file=sys.stderr)
    return EXIT_DATA_ERROR
