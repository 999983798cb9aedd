#!/usr/bin/env python3
"""Benchmark foi-explorer in a real terminal against VisiData, in one interleaved run.

Not a test: it measures and prints a Markdown table. Every number comes from ttyprobe
(``bench/ttyprobe.py``), which runs the program in a pseudo-terminal as an SSH login would,
emulates the screen and counts the bytes written. Per repetition it runs, one after another:
foi-explorer at each colour depth, then VisiData on a CSV of the same figures; it reports medians.

Measured:
- first screen: launch to the settled first screen with figures, and its ratio to VisiData
  opening a CSV of the same first-screen figures;
- first key answered: launch to the settled screen of a key (``2``) typed the moment the first
  screen shows (the first screen may come from the frame cache before the app reads keys);
- every view change (keys 1-4, t): key to settled screen (ms) and bytes written, first visit
  and return, at 80x24, per colour depth (256, truecolor, 16, NO_COLOR);
- idle: bytes written during a few quiet seconds after every screen was visited, and the
  resident memory (RSS) of the whole process tree then;
- the same at 10,000 and 100,000 figure rows: valid generated packages, in a temporary folder;
- with ``--datasets all``, every other bundled dataset too (opened with ``--dataset NAME``).

    python bench/bench.py                    # 5 repetitions, everything
    python bench/bench.py -n 3 --sizes 18    # quicker: bundled dataset only
    python bench/bench.py -n 3 --sizes 18 --datasets all --depths 256   # every bundled dataset
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import ttyprobe  # noqa: E402  (vendored beside this script)

REPO = HERE.parent
DEFAULT_DATASET = REPO / "data" / "met-2018-2021"
DEPTHS = {  # name -> environment (on top of TERM=xterm-256color, COLORTERM and NO_COLOR removed)
    "256": {},
    "truecolor": {"COLORTERM": "truecolor"},
    "16": {"TERM": "xterm"},
    "NO_COLOR": {"NO_COLOR": "1"},
}
FIRST_SCREEN_TEXT = "in all; peak"  # the trends summary line: only there once figures are shown
PROVENANCE_TEXT = "{name} · "  # the provenance bar leads with the dataset name on every first screen
SETTLE_MS = 250  # a screen is settled when it has not changed for this long
IDLE_MS = 3000
THINK_MS = 500  # a quick user's pause between seeing a screen and pressing the next key
# Each view change: (label, key). The first four visit each screen for the first time (trends is
# the first screen), then every screen is visited again, then the trends table and back.
NO_CHANGE_S = 3.0
"""Seconds a view-change key may take to change the screen before it counts as changing nothing."""

VIEW_CHANGES = [
    ("ranks (first)", "2"), ("outcomes (first)", "3"), ("sources (first)", "4"), ("more (first)", "5"),
    ("trends (return)", "1"), ("ranks (return)", "2"), ("outcomes (return)", "3"), ("sources (return)", "4"),
    ("more (return)", "5"), ("trends (return 2)", "1"),
    ("trends table (first)", "t"), ("trends chart (return)", "t"),
    ("ranks (again)", "2"), ("ranks table (first)", "t"), ("ranks chart (return)", "t"),
    ("outcomes (again)", "3"), ("outcomes table (first)", "t"), ("outcomes chart (return)", "t"),
    ("sources (again)", "4"), ("sources table (first)", "t"), ("sources report (return)", "t"),
]
"""Each key, in order, from the first screen (Trends): every screen's first visit and return, then each
screen's table (``t``) and back. A key a dataset has no use for (no More screen, one period) changes
nothing: left out of the medians and listed under the table."""


@dataclass
class Samples:
    """The samples of one measured quantity over the repetitions."""

    values: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def median(self) -> float | None:
        return statistics.median(self.values) if self.values else None


def activity(pid: int) -> tuple[float, int]:
    """CPU seconds used and context switches (wake-ups) of a process's threads so far."""
    cpu, switches = 0.0, 0
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/status") as f:
                switches += sum(int(line.split()[1]) for line in f if "ctxt_switches" in line)
    except (OSError, ValueError, IndexError):
        pass
    return cpu, switches


def current_rss_kb(pid: int) -> int:
    """VmRSS summed over a process and its descendants, now."""
    pids, total = [pid], 0
    for p in pids:
        try:
            for tid in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{tid}/children") as f:
                    pids += [int(c) for c in f.read().split()]
            with open(f"/proc/{p}/status") as f:
                total += next((int(line.split()[1]) for line in f if line.startswith("VmRSS:")), 0)
        except (OSError, ValueError):
            pass
    return total


class Probe(ttyprobe.Probe):
    """ttyprobe's probe with one more step: ``{"snapshot": "rss"}`` records the tree's RSS now."""

    rss_kb = 0
    idle_from: tuple[float, int] = (0.0, 0)
    idle_cpu_ms = 0.0
    idle_wakeups = 0

    def step(self, step, prev_t):  # noqa: ANN001, ANN201 (ttyprobe's signature)
        if step.get("snapshot") == "idle from":
            self.idle_from = activity(self.proc.pid)
        if step.get("snapshot") == "idle to":
            cpu, switches = activity(self.proc.pid)
            self.idle_cpu_ms = (cpu - self.idle_from[0]) * 1000
            self.idle_wakeups = switches - self.idle_from[1]
        if step.get("snapshot") == "change":  # until the screen changes at all (then a wait_stable)
            if self.pump(lambda: self.changed > prev_t, min(float(step.get("timeout", self.timeout)), NO_CHANGE_S)):
                return max(prev_t, self.changed), None
            return self.now(), None  # a key this dataset has no use for: recorded as "no change", the run goes on
        if step.get("snapshot") == "rss":
            while self._take(0):
                pass
            self.rss_kb = current_rss_kb(self.proc.pid)
        return super().step(step, prev_t)


def probe(cmd: list[str], steps: list[dict], extra_env: dict[str, str], timeout: float) -> dict:
    """Run ``cmd`` at 80x24 through ttyprobe's steps; its report plus ``rss_kb``."""
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "COLORTERM", "NO_COLOR")}
    env["TERM"] = "xterm-256color"
    env.update(extra_env)
    p = Probe(cmd, 80, 24, env, timeout)
    out = p.run(steps)
    out["rss_kb"] = p.rss_kb
    out["idle_cpu_ms"], out["idle_wakeups"] = p.idle_cpu_ms, p.idle_wakeups
    return out


def app_steps(first_text: str, timeout: float, views: bool) -> list[dict]:
    steps: list[dict] = [
        {"wait": first_text, "label": "first", "timeout": timeout},
        {"wait_stable": SETTLE_MS, "label": "first settled", "timeout": timeout},
    ]
    if views:
        for label, key in VIEW_CHANGES:
            steps += [{"sleep": THINK_MS, "label": f"think {label}"},
                      {"keys": key, "label": f"key {label}"},
                      {"snapshot": "change", "label": f"change {label}", "timeout": timeout},
                      {"wait_stable": SETTLE_MS, "label": label, "timeout": timeout}]
        steps += [{"sleep": 500, "label": "quiet"}, {"snapshot": "idle from"}, {"sleep": IDLE_MS, "label": "idle"},
                  {"snapshot": "idle to"}, {"snapshot": "rss"}]
    return [*steps, {"keys": "q", "label": "quit"}]


def first_key_steps(first_text: str, timeout: float) -> list[dict]:
    """Type ``2`` as soon as the first screen shows: when is it answered?

    The first screen may be painted from the frame cache well before Textual starts (more than
    ``SETTLE_MS`` at 100,000 rows): settling alone would then count the unchanged painted screen as
    the answer. So the answer is awaited first: the trends summary gone (where it is the first text).
    """
    gone = [{"wait_gone": first_text, "label": "first gone", "timeout": timeout}]
    if first_text != FIRST_SCREEN_TEXT:  # a text every screen shows: nothing to wait for
        gone = []
    return [
        {"wait": first_text, "label": "first", "timeout": timeout},
        {"keys": "2", "label": "key at once"},
        *gone,
        {"snapshot": "change", "label": "change at once", "timeout": timeout},
        {"wait_stable": SETTLE_MS, "label": "key answered", "timeout": timeout},
        {"keys": "q", "label": "quit"},
    ]


def vd_steps(first_text: str, timeout: float) -> list[dict]:
    return [
        {"wait": first_text, "label": "first", "timeout": timeout},
        {"wait_stable": SETTLE_MS, "label": "first settled", "timeout": timeout},
        {"keys": "gq", "label": "quit"},
    ]


def step_map(out: dict) -> dict[str, dict]:
    return {s["step"]: s for s in out["steps"]}


# --- datasets ---------------------------------------------------------------------------------


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def first_screen_csv(dataset: Path, folder: Path) -> tuple[Path, str]:
    """A CSV of the figures the first screen shows (the first breakdown: the years), for VisiData;
    and a text VisiData shows once it has drawn them (the last period)."""
    rows = [r for r in read_rows(dataset / "figures.csv") if r["dimension"] != "total"]
    first = rows[0]["dimension"]
    chosen = [r for r in rows if r["dimension"] == first]
    out = folder / f"{dataset.name}-{first}.csv"
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([first, "officers"])
        writer.writerows([r["category"], r["count"]] for r in chosen)
    shown = chosen[-1] if len(chosen) <= 12 else chosen[0]  # a row VisiData shows on its first screen at 80x24
    return out, shown["category"][:12]


def bundled_datasets(names: str) -> list[Path]:
    """The bundled datasets named (comma-separated, or ``all``) other than the default one."""
    if not names:
        return []
    folders = sorted(p for p in (REPO / "data").iterdir() if (p / "datapackage.json").is_file())
    wanted = None if names == "all" else set(names.split(","))
    return [p for p in folders if p != DEFAULT_DATASET and (wanted is None or p.name in wanted)]


def generate_package(rows: int, folder: Path, seed: int = 15) -> Path:
    """A valid copy of the default dataset whose figures.csv has ``rows`` rows.

    The bundled rows are kept (so every claim still names real figures); the rest are extra
    periods (40%), ranks (30%), findings (15%) and sanctions (15%) with random counts.
    """
    target = folder / f"generated-{rows}"
    shutil.copytree(DEFAULT_DATASET, target)
    original = read_rows(DEFAULT_DATASET / "figures.csv")
    fields = list(original[0].keys())
    rng = random.Random(seed)
    extra = rows - len(original)
    shares = {"year": 0.40, "rank": 0.30, "finding": 0.15, "sanction": 0.15}
    out = list(original)
    for dimension, share in shares.items():
        n = int(extra * share) if dimension != "sanction" else extra - (len(out) - len(original))
        for i in range(n):
            category = str(2022 + i) if dimension == "year" else f"{dimension} {i:06d}"
            period = category if dimension == "year" else "2018-2021"
            out.append({"dimension": dimension, "category": category, "period": period,
                        "count": str(rng.randint(0, 120)), "qualifier": "exact", "note": ""})
    with (target / "figures.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(out)
    return target


# --- the run ------------------------------------------------------------------------------------


@dataclass
class Case:
    """One dataset to measure."""

    name: str
    path: Path
    rows: int
    depths: list[str]
    views: bool
    vd_file: Path
    vd_text: str
    timeout: float
    first_text: str = FIRST_SCREEN_TEXT
    """Text on the app's first screen once its figures are drawn."""
    args: tuple[str, ...] = ()
    """How the app opens the dataset (default: ``--data PATH``)."""


def measure(args: argparse.Namespace) -> tuple[list[Case], dict[tuple[str, str, str], Samples]]:
    app = args.app or [str(Path(sys.executable).with_name("foi-explorer"))]
    vd = args.vd
    results: dict[tuple[str, str, str], Samples] = {}

    def add(case: str, depth: str, what: str, value: float | None, failure: str | None = None) -> None:
        s = results.setdefault((case, depth, what), Samples())
        if value is not None:
            s.values.append(value)
        if failure:
            s.failures.append(failure)

    tmp = Path(tempfile.mkdtemp(prefix="foi-bench-"))
    try:
        cases = []
        for size in args.sizes:
            if size == 18:
                path, depths, name = DEFAULT_DATASET, args.depths, "bundled (18 rows)"
            else:
                path, depths, name = generate_package(size, tmp), args.big_depths, f"{size:,} rows"
            vd_file, vd_text = first_screen_csv(path, tmp)
            if size != 18:  # VisiData opens the whole figures file, as a user would
                vd_file, vd_text = path / "figures.csv", f"{size} rows"
            rows = sum(1 for _ in (path / "figures.csv").open()) - 1
            cases.append(Case(name, path, rows, depths, True, vd_file, vd_text, args.timeout * (1 + size / 10_000)))
        for bundled in bundled_datasets(args.datasets):
            vd_file, vd_text = first_screen_csv(bundled, tmp)
            rows = sum(1 for _ in (bundled / "figures.csv").open()) - 1
            cases.append(Case(bundled.name, bundled, rows, args.big_depths, True, vd_file, vd_text, args.timeout,
                              first_text=PROVENANCE_TEXT.format(name=bundled.name), args=("--dataset", bundled.name)))
        cache = tmp / "cache"
        for rep in range(args.runs):
            for number, case in enumerate(cases):  # the very first start: nothing cached (a fresh cache folder)
                cold_env = {**DEPTHS[case.depths[0]], "XDG_CACHE_HOME": str(tmp / f"cold-{rep}-{number}")}
                out = probe([*app, *(list(case.args) or ["--data", str(case.path)])],
                            app_steps(case.first_text, case.timeout, False), cold_env, case.timeout)
                first = step_map(out).get("first settled")
                add(case.name, case.depths[0], "cold first", first["changed_ms"] if out["ok"] and first else None,
                    None if out["ok"] else out["error"])
                add(case.name, case.depths[0], "cold peak", out["hwm_kb"] / 1024 if out["ok"] else None)
                for depth in case.depths:
                    env = {**DEPTHS[depth], "XDG_CACHE_HOME": str(cache)}
                    opens = list(case.args) or ["--data", str(case.path)]
                    out = probe([*app, *opens], app_steps(case.first_text, case.timeout, True), env, case.timeout)
                    record_app(add, case.name, depth, out)
                    out = probe([*app, *opens], first_key_steps(case.first_text, case.timeout), env, case.timeout)
                    answered = step_map(out).get("key answered")
                    add(case.name, depth, "first key", answered["changed_ms"] if out["ok"] and answered else None,
                        None if out["ok"] else out["error"])
                if vd:
                    out = probe([vd, "-N", str(case.vd_file)], vd_steps(case.vd_text, case.timeout), {}, case.timeout)
                    steps = step_map(out)
                    if out["ok"]:
                        add(case.name, "vd", "first", steps["first settled"]["changed_ms"])
                        add(case.name, "vd", "rss", out["peak_rss_kb"] / 1024)
                    else:
                        add(case.name, "vd", "first", None, out["error"])
                print(f"  repetition {rep + 1}/{args.runs} done", file=sys.stderr, flush=True)
        return cases, results
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def record_app(add, case: str, depth: str, out: dict) -> None:  # noqa: ANN001
    steps = step_map(out)
    if "first settled" not in steps or not steps["first settled"]["changed_ms"]:
        add(case, depth, "first", None, out["error"])
        return
    add(case, depth, "first", steps["first settled"]["changed_ms"])
    add(case, depth, "first bytes", steps["first"]["bytes"] + steps["first settled"]["bytes"])
    for label, _ in VIEW_CHANGES:
        key, settled = steps.get(f"key {label}"), steps.get(label)
        if key is None or settled is None or (settled["step"] == label and not out["ok"] and label in out["error"]):
            add(case, depth, f"{label} ms", None, out["error"])
            continue
        changed = settled["changed_ms"] - key["t_ms"]
        if changed <= -1:  # nothing on screen changed: the dataset has no such screen or table
            add(case, depth, "no change", None, label)
            continue
        add(case, depth, f"{label} ms", max(changed, 0.0))
        add(case, depth, f"{label} bytes", settled["bytes"] + steps[f"change {label}"]["bytes"])
    if out["ok"]:
        add(case, depth, "peak", out["hwm_kb"] / 1024)
    if "idle" in steps:
        add(case, depth, "idle bytes", steps["idle"]["bytes"])
        add(case, depth, "idle rss", out["rss_kb"] / 1024)
        add(case, depth, "idle cpu", out["idle_cpu_ms"])
        add(case, depth, "idle wakeups", out["idle_wakeups"] / (IDLE_MS / 1000))
    if not out["ok"]:
        add(case, depth, "errors", None, out["error"])


# --- the report ---------------------------------------------------------------------------------


def fmt(value: float | None, unit: str = "") -> str:
    if value is None:
        return "–"
    return f"{value:,.0f}{unit}" if abs(value) >= 10 else f"{value:.1f}{unit}"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), cpu)
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def version(cmd: list[str]) -> str:
    try:
        return subprocess.run([*cmd, "--version"], capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "?"


def report(args: argparse.Namespace, cases: list[Case], results: dict[tuple[str, str, str], Samples]) -> str:
    def med(case: str, depth: str, what: str) -> float | None:
        s = results.get((case, depth, what))
        return s.median() if s else None

    app = args.app or [str(Path(sys.executable).with_name("foi-explorer"))]
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        f"Measured {now} on {machine()}; {version(app)} against {version([args.vd]) if args.vd else 'no VisiData'};"
        f" 80x24 in a pty, medians of {args.runs} interleaved runs (`python bench/bench.py -n {args.runs}`).",
        "",
        "| dataset | colours | first screen ms | VisiData ms | ratio | first key answered ms | view change ms (worst) "
        "| bytes (worst) | idle bytes | idle CPU ms | idle wake-ups/s | idle RSS MiB | peak RSS MiB "
        "| cold first screen ms | cold peak RSS MiB |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for case in cases:
        vd_first = med(case.name, "vd", "first")
        for depth in case.depths:
            first = med(case.name, depth, "first")
            ratio = None if first is None or not vd_first else first / vd_first
            ms = [(med(case.name, depth, f"{label} ms"), label) for label, _ in VIEW_CHANGES]
            by = [(med(case.name, depth, f"{label} bytes"), label) for label, _ in VIEW_CHANGES]
            worst_ms = max((m for m in ms if m[0] is not None), default=(None, ""))
            worst_b = max((b for b in by if b[0] is not None), default=(None, ""))
            lines.append(
                f"| {case.name} | {depth} | {fmt(first)} | {fmt(vd_first)} | "
                f"{'–' if ratio is None else f'{ratio:.2f}'} | {fmt(med(case.name, depth, 'first key'))} | "
                f"{fmt(worst_ms[0])} ({worst_ms[1]}) | "
                f"{fmt(worst_b[0])} ({worst_b[1]}) | {fmt(med(case.name, depth, 'idle bytes'))} | "
                f"{fmt(med(case.name, depth, 'idle cpu'))} | {fmt(med(case.name, depth, 'idle wakeups'))} | "
                f"{fmt(med(case.name, depth, 'idle rss'))} | {fmt(med(case.name, depth, 'peak'))} | "
                f"{fmt(med(case.name, depth, 'cold first'))} | {fmt(med(case.name, depth, 'cold peak'))} |"
            )
    lines += ["", "Every view change, medians (ms / bytes):", ""]
    header = "| dataset | colours | " + " | ".join(label for label, _ in VIEW_CHANGES) + " |"
    lines += [header, "|---|---|" + "---:|" * len(VIEW_CHANGES)]
    for case in cases:
        for depth in case.depths:
            cells = [
                f"{fmt(med(case.name, depth, f'{label} ms'))} / {fmt(med(case.name, depth, f'{label} bytes'))}"
                for label, _ in VIEW_CHANGES
            ]
            lines.append(f"| {case.name} | {depth} | " + " | ".join(cells) + " |")
    unchanged = [
        f"{case.name} ({depth}): {', '.join(dict.fromkeys(results[(case.name, depth, 'no change')].failures))}"
        for case in cases for depth in case.depths if (case.name, depth, "no change") in results
    ]
    if unchanged:
        lines += ["", "Keys that changed nothing (the dataset has no such screen, or no table behind that chart):", ""]
        lines += [f"- {line}" for line in unchanged]
    failures = [(k, f) for k, s in results.items() for f in s.failures if k[2] != "no change"]
    if failures:
        lines += ["", "Failures:", ""]
        seen = set()
        for (case, depth, what), failure in failures:
            if (case, depth, failure) not in seen:
                seen.add((case, depth, failure))
                lines.append(f"- {case}, {depth}: {what}: {failure}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", "--runs", type=int, default=5, help="repetitions (medians are reported); default 5")
    parser.add_argument("--sizes", type=lambda s: [int(x) for x in s.split(",")], default=[18, 10_000, 100_000],
                        help="figure rows: 18 is the bundled dataset, others are generated (default 18,10000,100000)")
    parser.add_argument("--depths", type=lambda s: s.split(","), default=list(DEPTHS),
                        help=f"colour depths for the bundled dataset (default {','.join(DEPTHS)})")
    parser.add_argument("--big-depths", type=lambda s: s.split(","), default=["256"],
                        help="colour depths for the generated datasets (default 256)")
    parser.add_argument("--datasets", default="",
                        help="also the bundled datasets named (comma-separated) or 'all', at the big-depths colours")
    parser.add_argument("--vd", default=shutil.which("vd") or "/work/vd-venv/bin/vd",
                        help="the VisiData command (default: vd on PATH)")
    parser.add_argument("--app", nargs="+", default=None,
                        help="the foi-explorer command (default: foi-explorer beside this Python)")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per wait (more for big datasets)")
    parser.add_argument("--json", type=Path, default=None, help="also write every sample to this JSON file")
    parser.add_argument("--cases", type=lambda s: [int(x) for x in s.split(",") if x], default=[1_000_000],
                        help="per-case CSV rows measured after the figures (bench_cases.py; default 1000000, '' skips)")
    args = parser.parse_args(argv)
    if args.vd and not Path(args.vd).exists() and not shutil.which(args.vd):
        print(f"bench: no VisiData at {args.vd}; ratios left out (install: pip install visidata)", file=sys.stderr)
        args.vd = None
    cases, results = measure(args)
    text = report(args, cases, results)
    if args.cases:  # the per-case files, in the same run
        from bench_cases import measure_cases

        app = args.app[0] if args.app else str(Path(sys.executable).with_name("foi-explorer"))
        text += "\n" + measure_cases(app, args.vd, args.cases, args.runs, max(args.timeout, 120.0))
    sys.stdout.write(text)
    if args.json:
        args.json.write_text(json.dumps({"|".join(k): vars(v) for k, v in results.items()}, indent=1))
    return 0


if __name__ == "__main__":
    sys.setswitchinterval(0.0005)  # as ttyprobe: its reader thread gets the GIL quickly
    sys.exit(main())
