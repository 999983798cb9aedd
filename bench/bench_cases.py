"""Benchmark: a per-case CSV of up to a million rows, opened in foi-explorer and in VisiData.

    python bench/bench_cases.py [--sizes 10000,1000000] [-n 3] [--vd /path/to/vd]

``bench/bench.py`` runs it after the figure datasets (``--cases``), so one run prints both tables.

For each size it writes a made-up per-case CSV (``scripts/make_cases.py``), then, in a real
pseudo-terminal at 80x24, measures from launch to:

- foi-explorer (``foi-explorer --data FILE.csv``): the first screen showing the figures
  (the import in memory, counts from the cases);
- VisiData (``vd FILE.csv``): the sheet loaded (its status line shows the full row count);

and the peak resident memory (VmHWM) of each process. It also times the import itself
(``foi-explorer import``) and the Cases table's filter and group-by on the loaded rows.
Medians of ``-n`` runs, printed as a Markdown table. A script, not a test: it never fails a build.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import pty
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyte

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.make_cases import write  # noqa: E402


def run_in_pty(argv: list[str], needle: str, timeout: float, quit_keys: bytes) -> tuple[float | None, float]:
    """Seconds from launch until ``needle`` is on the 80x24 screen (None on timeout), and peak RSS in MiB."""
    screen = pyte.Screen(80, 24)
    stream = pyte.ByteStream(screen)
    pid, fd = pty.fork()
    if pid == 0:  # the child: run the command in the pseudo-terminal
        os.environ.update(
            {"TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "COLUMNS": "80", "LINES": "24"}
        )
        os.execvp(argv[0], argv)
    import fcntl
    import struct
    import termios

    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    start = time.perf_counter()
    found: float | None = None
    peak = 0.0
    try:
        while time.perf_counter() - start < timeout:
            ready, _, _ = select.select([fd], [], [], 0.02)
            if ready:
                try:
                    data = os.read(fd, 65536)
                except OSError:
                    break
                stream.feed(data)
                if needle in "\n".join(screen.display):
                    found = time.perf_counter() - start
                    break
        peak = _peak_rss_mib(pid)
    finally:
        try:
            os.write(fd, quit_keys)
            end = time.perf_counter() + 10
            while time.perf_counter() < end:
                done, _ = os.waitpid(pid, os.WNOHANG)
                if done:
                    break
                select.select([fd], [], [], 0.05)
                with contextlib.suppress(OSError):
                    os.read(fd, 65536)
            else:
                os.kill(pid, 9)
                os.waitpid(pid, 0)
        finally:
            os.close(fd)
    return found, peak


def _peak_rss_mib(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def time_cases_screen(app: str, path: Path, size: int, timeout: float) -> tuple[float | None, float | None]:
    """Seconds for the Cases screen to settle after typing a filter letter, and after ``g`` (group by)."""
    screen = pyte.Screen(80, 24)
    stream = pyte.ByteStream(screen)
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update({"TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"})
        os.execvp(app, [app, "--data", str(path), "--screen", "cases"])
    import fcntl
    import struct
    import termios

    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))

    def wait(needle: str) -> float | None:
        start = time.perf_counter()
        while time.perf_counter() - start < timeout:
            if select.select([fd], [], [], 0.01)[0]:
                try:
                    stream.feed(os.read(fd, 65536))
                except OSError:
                    return None
                if needle in "\n".join(screen.display):
                    return time.perf_counter() - start
        return None

    try:
        wait(f"{size} of {size} cases")  # then "/s" in one burst: the filter box gets the "s"
        os.write(fd, b"/s")
        filtered = wait("containing 's'")
        os.write(fd, b"\r")  # enter: back on the rows (their keys listed), then right (the year column) and g
        wait("g Group by")
        os.write(fd, b"\x1b[Cg")
        grouped = wait("values of year")
    finally:
        os.write(fd, b"q")
        for _ in range(100):
            if os.waitpid(pid, os.WNOHANG)[0]:
                break
            with contextlib.suppress(OSError):
                select.select([fd], [], [], 0.05) and os.read(fd, 65536)
        else:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
        os.close(fd)
    return filtered, grouped


def time_import(app: str, path: Path, folder: Path) -> float:
    """Seconds for ``foi-explorer import`` to write the dataset folder."""
    out = folder / f"out-{time.monotonic_ns()}"
    start = time.perf_counter()
    subprocess.run([app, "import", str(path), "--out", str(out)], check=True, capture_output=True, timeout=600)
    elapsed = time.perf_counter() - start
    shutil.rmtree(out)
    return elapsed


def time_cases(path: Path) -> tuple[float, float]:
    """Milliseconds for the Cases table to filter ('sergeant') and group by rank, on the imported rows."""
    from tui.data.cases import CaseTable
    from tui.importer import import_file

    cases = CaseTable(import_file(path).dataset.cases)
    start = time.perf_counter()
    cases.filter("sergeant")
    filtered = time.perf_counter() - start
    start = time.perf_counter()
    cases.group_by("rank")
    grouped = time.perf_counter() - start
    return filtered * 1000, grouped * 1000


def measure_cases(app: str, vd: str | None, sizes: list[int], runs: int, timeout: float) -> str:
    """Measure each size of per-case CSV (foi-explorer and VisiData interleaved); the Markdown table."""
    rows_out = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for size in sizes:
            path = write(folder / f"cases-{size}.csv", size)
            ours, ours_rss, theirs, theirs_rss, imports = [], [], [], [], []
            for rep in range(runs):
                seconds, rss = run_in_pty([app, "--data", str(path)], f"{size} in all", timeout, b"q")
                if seconds is not None:
                    ours.append(seconds)
                    ours_rss.append(rss)
                if vd:
                    seconds, rss = run_in_pty([vd, "-N", str(path)], f"{size} rows", timeout, b"gq")
                    if seconds is not None:
                        theirs.append(seconds)
                        theirs_rss.append(rss)
                imports.append(time_import(app, path, folder))
                print(f"  {size:,} cases: repetition {rep + 1}/{runs} done", file=sys.stderr, flush=True)
            filtered, grouped = time_cases(path)
            settle_filter, settle_group = time_cases_screen(app, path, size, timeout)
            rows_out.append(
                (size, ours, ours_rss, theirs, theirs_rss, imports, filtered, grouped, settle_filter, settle_group)
            )
    lines = [
        f"Per-case files: measured {time.strftime('%Y-%m-%d')} on {platform.machine()}"
        f" ({os.cpu_count()} cores, shared), medians of {runs}.",
        "",
        "| rows | foi-explorer first screen | VisiData 3.4 load | ratio | foi-explorer peak RSS | VisiData peak RSS "
        "| `import` to a folder | filter: table, screen | group-by: table, screen |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for size, ours, ours_rss, theirs, theirs_rss, imports, filtered, grouped, s_filter, s_group in rows_out:
        a = statistics.median(ours) if ours else None
        b = statistics.median(theirs) if theirs else None
        ratio = f"{a / b:.2f}" if a and b else "–"
        lines.append(
            f"| {size:,} | {_s(a)} | {_s(b)} | {ratio} | {_mib(ours_rss)} | {_mib(theirs_rss)} "
            f"| {_s(statistics.median(imports))} | {filtered:.0f} ms, {_ms(s_filter)} "
            f"| {grouped:.0f} ms, {_ms(s_group)} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: prints the Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000000", help="comma-separated row counts (default 1000000)")
    parser.add_argument("-n", type=int, default=3, help="runs per measurement (medians reported)")
    parser.add_argument("--vd", default=shutil.which("vd") or "vd", help="the VisiData command")
    parser.add_argument(
        "--app", default=shutil.which("foi-explorer") or str(Path(sys.executable).with_name("foi-explorer"))
    )
    parser.add_argument("--timeout", type=float, default=120)
    args = parser.parse_args(argv)
    vd = args.vd if Path(args.vd).exists() or shutil.which(args.vd) else None
    sizes = [int(s) for s in args.sizes.split(",")]
    sys.stdout.write(measure_cases(args.app, vd, sizes, args.n, args.timeout))
    return 0


def _s(value: float | None) -> str:
    return "timed out" if value is None else f"{value:.2f} s"


def _ms(value: float | None) -> str:
    return "–" if value is None else f"{value * 1000:.0f} ms"


def _mib(values: list[float]) -> str:
    return f"{statistics.median(values):.0f} MiB" if values else "–"


if __name__ == "__main__":
    raise SystemExit(main())
