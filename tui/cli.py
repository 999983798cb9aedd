"""The ``foi-explorer`` command: argument parsing, dataset loading and clean errors."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, cast

from tui import __version__
from tui.errors import EXIT_DATA_ERROR, fail
from tui.export.formats import CHECK_FORMATS, REPORT_FORMATS
from tui.screen_registry import SCREEN_MODES, SCREENS, resolve_screen
from tui.serve import DEFAULT_HOST, DEFAULT_MAX_SESSIONS, DEFAULT_PORT

if TYPE_CHECKING:
    from tui.app import FoiApp
    from tui.data import DataService
    from tui.data.opening import Opening
    from tui.demo import Tour
    from tui.importer import Import
    from tui.terminal import Terminal
    from tui.terminal.early_keys import EarlyKeys
    from tui.terminal.first_frame import EarlyTerminal, FrameCache

DEFAULT_CAST = "screenshots/tour.cast"
WRITING_COMMANDS = ("screenshots", "record-demo")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the command and its sub-commands."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data",
        metavar="PATH",
        type=Path,
        default=argparse.SUPPRESS,
        help="a dataset folder (or its datapackage.json), or a spreadsheet (.csv, .xlsx, .ods) imported in memory",
    )
    common.add_argument(
        "--dataset",
        metavar="NAME",
        default=argparse.SUPPRESS,
        help="open a dataset by name (see the datasets command); a --data folder joins the list",
    )
    parser = argparse.ArgumentParser(
        prog="foi-explorer",
        description="Explore UK police FoI figures on officers investigated for misusing social media.",
        parents=[common],
        epilog=f"Keys in the app: 1-{SCREENS[-1].key} screens, t chart/table, s sources, ? help, "
        "ctrl+p commands, q quit.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--screen",
        type=_screen,
        default=SCREEN_MODES[0],
        metavar="SCREEN",
        help="the screen to open on: " + ", ".join(f"{s.key}/{s.mode}" for s in SCREENS) + " (or its label)",
    )
    parser.add_argument("--theme", default=None, help="a Textual theme, e.g. textual-dark, textual-light, ansi-dark")
    parser.add_argument("--no-color", action="store_true", help="no colour at all (also when NO_COLOR is set)")
    parser.add_argument(
        "--ascii", action="store_true", help="ASCII characters only (also when the locale is not UTF-8)"
    )
    parser.add_argument(
        "--low-bandwidth",
        action="store_true",
        help="for slow links: no mouse reporting, so no mouse traffic up the link and no hover repaints "
        "down it (animations and cursor blink are always off)",
    )
    parser.add_argument(
        "--restricted",
        action="store_true",
        help="for a shared SSH service: bundled datasets only, no shell, no suspend, no file writes; needs a terminal",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    report = sub.add_parser("report", parents=[common], help="print every table of the dataset and exit")
    report.add_argument("--format", choices=REPORT_FORMATS, default="text")
    check = sub.add_parser("check", parents=[common], help="print the reconciliation checks and claims and exit")
    check.add_argument("--format", choices=CHECK_FORMATS, default="text")
    _add_picture_commands(sub, common)
    _add_import_command(sub)
    _add_dataset_commands(sub, common)
    serve = sub.add_parser(
        "serve",
        help="serve the app to web browsers (restricted: bundled datasets only, no files)",
        description="Serve the app to web browsers with textual-serve. Every browser gets the app in "
        "--restricted mode: the bundled datasets only, nothing read or written elsewhere on this machine.",
    )
    serve.add_argument(
        "--host", default=DEFAULT_HOST, help=f"address to listen on (default: {DEFAULT_HOST}, this machine)"
    )
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port to listen on (default: {DEFAULT_PORT})")
    serve.add_argument(
        "--public-url",
        metavar="URL",
        default=None,
        help="the address browsers use, if not http://HOST:PORT (e.g. behind a proxy, or with --host 0.0.0.0)",
    )
    serve.add_argument(
        "--max-sessions",
        type=int,
        default=DEFAULT_MAX_SESSIONS,
        metavar="N",
        help=f"browser tabs served at once; more are asked to try later (default: {DEFAULT_MAX_SESSIONS})",
    )
    return parser


def _add_picture_commands(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """``screenshots``, ``demo`` and ``record-demo``: the app shown for the README, talks and casts."""
    shots = sub.add_parser("screenshots", parents=[common], help="write SVG screenshots of every screen and exit")
    shots.add_argument("dir", nargs="?", type=Path, default=Path("screenshots"), help="default: screenshots/")
    tour_help = "a tour file (TOML) instead of the bundled tour"
    demo = sub.add_parser("demo", parents=[common], help="play a keyboard tour of the app, then exit")
    demo.add_argument("--speed", type=_speed, default=1.0, help="2 plays twice as fast, 0.5 half as fast")
    demo.add_argument("--captions", action="store_true", help="show each key pressed and what it does")
    demo.add_argument("--tour", metavar="PATH", type=Path, default=None, help=tour_help)
    rec = sub.add_parser("record-demo", help="record the demo at 80x24 as an asciicast v2 file")
    rec.add_argument("path", nargs="?", type=Path, default=Path(DEFAULT_CAST), help=f"default: {DEFAULT_CAST}")
    rec.add_argument("--speed", type=_speed, default=1.0, help="speed of the recorded tour")
    rec.add_argument("--tour", metavar="PATH", type=Path, default=None, help=tour_help)


IMPORT_PROVENANCE = {
    "title": "the dataset's title (default: 'Imported from FILE')",
    "force": "the police force (default: not stated)",
    "publisher": "who published or disclosed the figures (default: not stated)",
    "foi-ref": "the FoI request's reference, e.g. 01.FOI.22.123456 (default: not stated)",
    "url": "where the response was published (default: not stated)",
    "period": "the period covered, e.g. 2018-2021 (default: the years in the data)",
    "unit": "what is counted, e.g. 'officers investigated' (default: not stated)",
}
"""``import`` options recorded as the dataset's provenance; none is ever guessed."""


def _add_import_command(sub: argparse._SubParsersAction) -> None:
    """``import FILE``: a spreadsheet as it arrives, saved as a dataset folder."""
    imp = sub.add_parser(
        "import",
        help="import a spreadsheet (CSV, XLSX, ODS) as a dataset folder",
        description="Read an FoI response spreadsheet (per-case rows, a list of counts, a wide table by year or a "
        "cross-tab) and write it as a dataset folder. Every row is imported or reported as skipped with its reason.",
    )
    imp.add_argument("file", type=Path, help="the spreadsheet")
    imp.add_argument("--sheet", metavar="NAME", default=None, help="the sheet of an XLSX or ODS workbook")
    imp.add_argument("--out", metavar="DIR", type=Path, default=None, help="the folder to write (must not exist)")
    imp.add_argument(
        "--map",
        metavar="HEADER=ROLE",
        action="append",
        default=[],
        help="say what a column holds (roles: period, rank, finding, sanction, outcome, allegation, platform, force, "
        "count, id, ignore), or add a vocabulary entry: ROLE:ORIGINAL=CANONICAL",
    )
    for option, what in IMPORT_PROVENANCE.items():
        imp.add_argument(f"--{option}", metavar="TEXT", default=None, help=what)


def _add_dataset_commands(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """``datasets`` (list them) and ``compare A B`` (two side by side)."""
    listing = sub.add_parser("datasets", parents=[common], help="list the datasets (name, title, force, period, unit)")
    listing.add_argument("--format", choices=("text", "json"), default="text")
    comp = sub.add_parser(
        "compare", parents=[common], help="two datasets side by side: where they agree, differ or cannot compare"
    )
    comp.add_argument("first", metavar="A", help="a dataset name")
    comp.add_argument("second", metavar="B", help="another dataset name")
    comp.add_argument("--format", choices=("text", "markdown", "json"), default="text")

def _screen(text: str) -> str:
    mode = resolve_screen(text)
    if mode is None:
        known = ", ".join(f"{s.key}/{s.mode}" for s in SCREENS)
        raise argparse.ArgumentTypeError(f"unknown screen {text!r} (known: {known})")
    return mode


def _speed(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not 0 < value <= 1000:
        raise argparse.ArgumentTypeError(f"must be a number above 0, e.g. 2 (got {text!r})")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return its exit status."""
    args = build_parser().parse_args(argv)
    if args.command is None:
        from tui.startup import pause_collector, resume_collector

        pause_collector()  # resumed once the first screen is drawn (FoiApp.on_mount), at the latest here
        try:
            return _main(args, from_process=argv is None)
        finally:
            resume_collector()
    return _main(args, from_process=argv is None)


def _main(args: argparse.Namespace, *, from_process: bool) -> int:
    data_path: Path | None = getattr(args, "data", None)
    if args.restricted:
        refusal = _restricted_refusal(args, data_path)
        if refusal:
            return fail(refusal)
        if from_process:
            _isolate()
    if args.command == "serve":
        if data_path is not None:
            return fail("--data is not allowed with serve: browsers get the bundled datasets only")
        from tui.serve import serve

        if args.max_sessions < 1:
            return fail("--max-sessions must be at least 1")
        return serve(
            args.host,
            args.port,
            public_url=args.public_url,
            screen=args.screen,
            theme=args.theme,
            max_sessions=args.max_sessions,
        )
    if args.restricted:
        from tui.terminal.restricted import NO_TERMINAL, clean_environment, has_terminal

        clean_environment(os.environ)
        if args.command is None and not has_terminal(sys.stdin, sys.stdout, os.environ):
            return fail(NO_TERMINAL)
    if args.command == "import":
        return _import(args)
    if args.command == "record-demo":
        return _record_demo(args.path, args.speed, args.tour)
    if args.command in ("datasets", "compare"):
        return _dataset_command(args, data_path)
    from tui.data.spreadsheet_files import is_spreadsheet

    dataset_name = getattr(args, "dataset", None)
    in_memory = dataset_name is None and data_path is not None and is_spreadsheet(data_path)  # nothing to cache
    if args.command is None and in_memory and data_path is not None:
        return _open_spreadsheet(data_path, args)
    if args.command is None and not in_memory:
        located = _locate_for_app(data_path, dataset_name)
        return EXIT_DATA_ERROR if located is None else _run_with_first_frame(located, args)
    service = _load(data_path, dataset_name)
    if service is None:
        return EXIT_DATA_ERROR
    if args.command == "report":
        from tui.export.report import render_report

        return _print(render_report(service, args.format, width=output_width()))
    if args.command == "check":
        from tui.export.report import render_checks

        return _print(render_checks(service, args.format, width=output_width()))
    if args.command == "screenshots":
        from tui.demo.screenshots import write_screenshots

        try:
            written = write_screenshots(service, args.dir)
        except OSError as exc:
            return fail(cannot_write(args.dir, exc))
        return _print(f"wrote {len(written)} screenshots to {args.dir}/\n")
    # the demo: its data loaded in full, its screens driven by the tour
    app = _terminal_app(service, args)
    return EXIT_DATA_ERROR if app is None else _demo(app, args)


def _run_with_first_frame(located: _Located, args: argparse.Namespace) -> int:
    """Run the app, its first screen painted from the frame cache before Textual loads when it can be.

    The painted frame needs only the dataset's content key: it goes out before the answers are read
    (megabytes of them at 100,000 figure rows) and before Textual is imported. Until the app runs,
    a screen key typed meanwhile is answered from that screen's kept frame, and the app starts on it.
    """
    from tui.data import DatasetError
    from tui.terminal import environment as terminal
    from tui.terminal.first_frame import FrameCache, frame_setting

    term = terminal.detect(no_color=args.no_color, ascii_only=args.ascii, low_bandwidth=args.low_bandwidth)
    cache = None
    if located.folder is not None and located.key is not None and not terminal.browser(os.environ):
        setting = frame_setting([term, args.theme, args.restricted, getattr(args, "dataset", None)])
        cache = FrameCache(located.folder, located.key, args.screen, setting)
    early = _paint_cached_first_screen(cache)
    keys = _answer_early_keys(early, cache)
    app = None
    try:
        try:
            service = _open_for_app(located, args)
        except DatasetError as exc:
            if keys is not None:
                keys.stop()
            if early is not None:  # the error line goes to the normal screen
                early.restore(leave_screen=True)
                early = None
            return fail(str(exc))
        app = _terminal_app(service, args, term=term)
        if app is None:
            return EXIT_DATA_ERROR
        if keys is not None:
            keys.stop()
            if keys.screen != args.screen and app.start_on(keys.screen):
                _read_ahead(service, keys.screen)
            app.early_input = keys.held
        if early is not None and early.shown is not None:
            app.shadow.seed(early.shown)  # what the terminal shows as Textual takes it
        app.frame_cache = cache.for_screen(app.first_screen) if cache is not None else None
        app.run(mouse=not app.terminal.low_bandwidth)
        return app.return_code or 0
    finally:
        if keys is not None:
            keys.stop()
        if early is not None:
            early.restore(leave_screen=app is None or not app.first_frame_shown)


def _read_ahead(service: DataService, screen: str) -> None:
    """The cached answers of the screen the app starts on after all: in its first frame, as for ``--screen``."""
    from tui.data.answer_cache import CachedService

    if isinstance(service, CachedService):
        service.read_ahead(screen)


def _paint_cached_first_screen(cache: FrameCache | None) -> EarlyTerminal | None:
    """Paint the kept first screen for this terminal's size, if there is one; the terminal is then held."""
    from tui.terminal.first_frame import take_terminal, terminal_size

    out = sys.__stderr__  # where Textual draws
    if cache is None or out is None or not sys.stdin.isatty():
        return None
    size = terminal_size(out.fileno())
    frame = cache.read(*size) if size else None
    return None if frame is None else take_terminal(frame, out.fileno(), sys.stdin.fileno(), out.encoding)


def _answer_early_keys(early: EarlyTerminal | None, cache: FrameCache | None) -> EarlyKeys | None:
    """Answer screen keys from their kept frames while the app loads (the terminal is held: a frame is painted)."""
    if early is None or cache is None:
        return None
    from tui.terminal.early_keys import EarlyKeys
    from tui.terminal.first_frame import Frame, terminal_size

    def frame_for(screen: str) -> Frame | None:
        size = terminal_size(early.out_fd)
        return cache.for_screen(screen).read(*size) if size else None

    keys = {ord(spec.key): spec.mode for spec in SCREENS if len(spec.key) == 1}
    encoding = sys.__stderr__.encoding if sys.__stderr__ is not None else "utf-8"
    return EarlyKeys(early, keys, frame_for, cache.screen, encoding, on_quit=early.quit).start()


def _restricted_refusal(args: argparse.Namespace, data_path: Path | None) -> str | None:
    """Why ``--restricted`` refuses this command line, or None: it runs the explorer and nothing else."""
    if data_path is not None:
        return "--data is not allowed in restricted mode"
    if args.command is not None:
        return f"{args.command} is not allowed in restricted mode: it runs the explorer only"
    return None


def _isolate() -> None:
    """Under ``--restricted``, run as ``python -I`` in an environment without ``PYTHON*``: re-execute if not."""
    from tui.terminal.restricted import needs_isolation, reexec_isolated

    if needs_isolation(sys.flags, os.environ):
        reexec_isolated(sys.argv[1:])


def _load(path: Path | None, name: str | None = None) -> DataService | None:
    from tui.data import DataService, DatasetError, default_dataset_path
    from tui.data.catalog import UnknownDataset
    from tui.data.spreadsheet_files import is_spreadsheet

    try:
        if name is None and path is not None and is_spreadsheet(path):
            return DataService(_import_file(path, []).dataset)
        if name is not None:
            path = _dataset_path(name, path)
        return DataService.from_path(path or default_dataset_path())
    except (DatasetError, UnknownDataset) as exc:
        fail(str(exc))
        return None


def _import_file(path: Path, maps: list[str], **provenance: str | None) -> Import:
    """Import a spreadsheet in memory and print its summary to stderr.

    Raises:
        DatasetError: the file cannot be imported (also for a bad --map).
    """
    result = _import_quietly(path, maps, None, **provenance)
    _print_summary(path, result)
    return result


def _import_quietly(
    path: Path, maps: list[str], on_step: Callable[[str], object] | None, **provenance: str | None
) -> Import:
    """Import a spreadsheet in memory, telling ``on_step`` what it does next.

    Raises:
        DatasetError: the file cannot be imported (also for a bad --map).
    """
    from tui.importer import ImportFileError, ImportOptions, MapError, import_file, parse_maps

    try:
        headers, vocabulary = parse_maps(maps)
    except MapError as exc:
        raise ImportFileError(path, str(exc)) from None
    return import_file(path, ImportOptions(headers=headers, vocabulary=vocabulary, **provenance), on_step)


def _print_summary(path: Path, result: Import) -> None:
    """The import's summary on stderr: "FILE: N rows: X imported, Y skipped", then skipped rows and notes."""
    from tui.data.safe_text import safe_text

    lines = [f"{path.name}: {result.summary_lines()[1]}", *result.summary_lines()[2:]]
    print("\n".join(safe_text(line) for line in lines), file=sys.stderr)


def _open_spreadsheet(path: Path, args: argparse.Namespace) -> int:
    """``--data FILE.csv|xlsx|ods``: the app at once, the spreadsheet imported in memory behind its opening screen.

    A file refused before a byte is read (missing, empty, too large) gets its error line before the
    app starts; any other error ends the app and is printed once the terminal is restored. Either
    way: one line naming file, row and column, status 2. The import summary follows the app.
    """
    from tui.data import DataService, DatasetError
    from tui.data.opening import Opening
    from tui.importer import check_file

    try:
        check_file(path)
    except DatasetError as exc:
        return fail(str(exc))
    imported: list[Import] = []

    def load(on_step: Callable[[str], object]) -> DataService:
        result = _import_quietly(path, [], on_step)
        imported.append(result)
        return DataService(result.dataset)

    opening = Opening(path.name, load)
    app = _terminal_app(None, args, opening=opening)
    if app is None:
        return EXIT_DATA_ERROR
    app.run(mouse=not app.terminal.low_bandwidth)
    if app.open_error is not None:
        return fail(app.open_error)
    if imported and app.return_code in (None, 0):
        _print_summary(path, imported[0])
    return app.return_code or 0


def _import(args: argparse.Namespace) -> int:
    """``import FILE``: write the spreadsheet as a dataset folder; one error line and status 2 if it can't be."""
    from tui.data import DatasetError
    from tui.data.safe_text import safe_text
    from tui.importer import slug_of, write_package

    names = ("sheet", "title", "force", "publisher", "foi_ref", "url", "period", "unit")
    provenance = {name: getattr(args, name) for name in names}
    try:
        result = _import_file(args.file, args.map, **provenance)
        out = args.out or Path(slug_of(result))
        written = write_package(result, out)
    except DatasetError as exc:
        return fail(safe_text(str(exc)))
    return _print(f"wrote {safe_text(str(written))}/ ({result.log.summary()})\n")


def _dataset_path(name: str, extra: Path | None) -> Path:
    """The folder of the dataset called ``name``: a bundled folder of that name at once, else from the catalog.

    Raises:
        UnknownDataset: no dataset has that name.
    """
    from tui.data.catalog import Catalog
    from tui.data.locate import datasets_root

    if name.replace("-", "").isalnum() and name.isascii():  # a plain name: no path can hide in it
        folder = datasets_root() / name
        if (folder / "datapackage.json").is_file():
            return folder
    return Catalog(extra=[extra] if extra else []).get(name).path


def _dataset_command(args: argparse.Namespace, data_path: Path | None) -> int:
    """``datasets`` and ``compare``: answered from the catalog, one error line on a bad name or folder."""
    from tui.data import DatasetError
    from tui.data.catalog import Catalog, UnknownDataset
    from tui.data.spreadsheet_files import is_spreadsheet

    if data_path is not None and is_spreadsheet(data_path):
        return fail(f"{data_path}: {args.command} lists dataset folders; import the spreadsheet first (import FILE)")
    catalog = Catalog(extra=[data_path] if data_path else [])
    try:
        if args.command == "datasets":
            from tui.export.catalog import render_catalog

            return _print(render_catalog(catalog, args.format))
        from tui.export.comparison import render_comparison

        return _print(render_comparison(catalog.compare(args.first, args.second), args.format))
    except (DatasetError, UnknownDataset) as exc:
        return fail(str(exc))


@dataclass(frozen=True)
class _Located:
    """The interactive app's dataset: its folder, content key and cache folder (None: no cache)."""

    path: Path
    key: str | None
    folder: Path | None


def _locate_for_app(path: Path | None, name: str | None) -> _Located | None:
    """The interactive app's dataset and its content key (not read yet); None after an error line."""
    from tui.data import DatasetError, default_dataset_path
    from tui.data.answer_cache import cache_dir, dataset_key
    from tui.data.catalog import UnknownDataset

    try:
        if name is not None:
            path = _dataset_path(name, path)
        path = path or default_dataset_path()
    except (DatasetError, UnknownDataset) as exc:
        fail(str(exc))
        return None
    return _Located(path, dataset_key(path), cache_dir())


def _open_for_app(located: _Located, args: argparse.Namespace) -> DataService:
    """The data service for the interactive app: its first screen from the answer cache when it can.

    Raises:
        DatasetError: no usable cache, and the dataset is missing or broken.
    """
    from tui.data.answer_cache import open_service

    service = open_service(located.path, args.screen, writable=not args.restricted, key=located.key)
    # The same questions and answers, from a cache or the loaded data.
    return cast("DataService", service)


def _load_tour(path: Path | None) -> Tour | None:
    """The tour file (the bundled one by default), checked before anything starts; None after an error."""
    from tui.demo import TourError, default_tour_path, load_tour

    try:
        return load_tour(path or default_tour_path())
    except TourError as exc:
        fail(str(exc))
        return None


def _terminal_app(
    service: DataService | None,
    args: argparse.Namespace,
    opening: Opening | None = None,
    term: Terminal | None = None,
) -> FoiApp | None:
    """The app for this terminal: colour depth, ASCII and bandwidth decided before Textual is imported."""
    from tui.terminal import environment as terminal

    if term is None:
        term = terminal.detect(no_color=args.no_color, ascii_only=args.ascii, low_bandwidth=args.low_bandwidth)
    terminal.prepare_environment(term)
    from tui.app import build_app  # Textual reads the environment prepared above when imported
    from tui.data.answer_cache import cache_dir
    from tui.data.catalog import Catalog

    # The entries are cached like the first screen's answers (read but never written in restricted mode).
    catalog = Catalog.with_data(getattr(args, "data", None), cache=cache_dir(), write_cache=not args.restricted)
    name = getattr(args, "dataset", None)
    if name is None and catalog.extra and service is not None:  # a user's folder: named as the picker lists it
        name = catalog.listed_name(catalog.extra[0], service.provenance.name)
    try:
        return build_app(
            service,
            screen=args.screen,
            theme=args.theme,
            terminal=term,
            restricted=args.restricted,
            opening=opening,
            catalog=catalog,
            dataset_name=name,
        )
    except ValueError as exc:
        fail(str(exc))
        return None


def _demo(app: FoiApp, args: argparse.Namespace) -> int:
    """Play the tour in this terminal."""
    tour = _load_tour(args.tour)
    if tour is None:
        return EXIT_DATA_ERROR
    from tui.demo.player import run_demo

    return run_demo(app, tour, speed=args.speed, captions=args.captions)


def _record_demo(path: Path, speed: float, tour: Path | None) -> int:
    """Record ``foi-explorer demo --captions`` at 80x24 into ``path``."""
    checked = _load_tour(tour)
    if checked is None:
        return EXIT_DATA_ERROR
    problem = unwritable(path)
    if problem:
        return fail(problem)  # before the demo plays in full
    from tui.demo.recorder import record, write_cast

    argv = [sys.executable, "-m", "tui", "demo", "--captions", "--speed", f"{speed:g}"]
    if tour is not None:
        argv += ["--tour", str(tour)]
    print(f"recording the demo at 80x24 into {path} (it plays in full, so this takes a while)", file=sys.stderr)
    timeout = checked.duration / speed + 60
    recording = record(argv, width=80, height=24, title="foi-explorer demo", timeout=timeout)
    if recording.returncode != 0:
        return fail(f"the demo exited with status {recording.returncode}; {path} not written")
    try:
        write_cast(recording, path)
    except OSError as exc:
        return fail(cannot_write(path, exc))
    return _print(f"wrote {path} ({len(recording.events)} events)\n")


def output_width() -> int:
    """The width text output is wrapped to: the terminal's, ``COLUMNS``, or 80 when piped."""
    import shutil

    return shutil.get_terminal_size((80, 24)).columns


def cannot_write(path: Path, exc: OSError) -> str:
    """One line saying that ``path`` could not be written, and why."""
    reason = exc.strerror or str(exc)
    return f"cannot write {path}: {reason}"


def unwritable(path: Path) -> str:
    """Why a file could not be written at ``path``, found by creating its folder and a scratch file; or ``""``."""
    import tempfile

    if path.is_dir():
        return f"cannot write {path}: it is a folder"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".foi-explorer-", suffix=".tmp"):
            pass
    except OSError as exc:
        return cannot_write(path, exc)
    return ""


def _print(text: str) -> int:
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        sys.stderr.close()
    return 0

