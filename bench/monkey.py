"""The long monkey run: seeded random events at the installed app in a real pty, every size and setting.

    python bench/monkey.py                       # 10,000 events x 10 sizes x 4 settings (about 40 runs)
    python bench/monkey.py --events 2000 --budget 1800
    python bench/monkey.py --seed 7 --setting 'vt100+LANG=C' --size 40x10 --events 3000   # replay one run

Each run starts the app at one size under one terminal setting (restricted on odd seeds), on the next
bundled dataset in turn (``--dataset NAME`` for one), and plays
its events; a run fails on a crash (an exit other than a clean quit, a traceback) or a probe
without a screen update within 5 s. Prints one line per run, then the totals; exits 1 on any failure.
Run from the repository root, with the package installed (``pip install -e '.[test]'``).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.e2e.monkey import SETTINGS, SIZES, MonkeyResult, run


def parse_size(text: str) -> tuple[int, int]:
    columns, _, rows = text.partition("x")
    return int(columns), int(rows)


def bundled_datasets() -> list[str]:
    """The bundled datasets' names (their folder names), the default first."""
    from tui.data.locate import DEFAULT_DATASET, datasets_root

    names = sorted(p.name for p in datasets_root().iterdir() if (p / "datapackage.json").is_file())
    return [DEFAULT_DATASET, *(n for n in names if n != DEFAULT_DATASET)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=10_000, help="events per run (default 10000)")
    parser.add_argument("--seed", type=int, default=None, help="one run with this seed (replay)")
    parser.add_argument("--first-seed", type=int, default=1000, help="seed of the first run of a full sweep")
    parser.add_argument("--setting", choices=SETTINGS, default=None, help="only this terminal setting")
    parser.add_argument("--size", type=parse_size, default=None, help="only this starting size, e.g. 80x24")
    parser.add_argument("--dataset", default=None, help="only this bundled dataset (default: each run the next one)")
    parser.add_argument("--budget", type=float, default=None, help="stop starting new runs after this many seconds")
    args = parser.parse_args()

    settings = [args.setting] if args.setting else list(SETTINGS)
    sizes = [args.size] if args.size else SIZES
    plan = [(setting, size) for size in sizes for setting in settings]
    names = [args.dataset] if args.dataset else bundled_datasets()
    seeds = [args.seed] * len(plan) if args.seed is not None else [args.first_seed + i for i in range(len(plan))]
    started = time.monotonic()
    results: list[MonkeyResult] = []
    for number, (seed, (setting, size)) in enumerate(zip(seeds, plan, strict=True)):
        if args.budget is not None and time.monotonic() - started > args.budget:
            print(f"time budget of {args.budget:.0f} s spent: {len(plan) - len(results)} runs not started")
            break
        dataset = names[number % len(names)]
        result = run(seed, args.events, setting=setting, size=size, restricted=bool(seed % 2), dataset=dataset)
        results.append(result)
        status = "ok" if result.failure is None else "FAIL"
        print(
            f"{status:4} seed {seed:5} {setting:22} {size[0]:3}x{size[1]:<3} {result.events_sent:6} events "
            f"{result.seconds:6.1f} s  slowest response {result.slowest_response:4.2f} s  "
            f"clean quits {result.clean_exits}  {dataset}",
            flush=True,
        )
        if result.failure:
            print(result.replay_hint(), flush=True)
    failures = [r for r in results if r.failure]
    crashes = [r for r in failures if "no screen update" not in (r.failure or "")]
    hangs = [r for r in failures if "no screen update" in (r.failure or "")]
    print(
        f"\ntotal: {len(results)} runs, {sum(r.events_sent for r in results)} events, "
        f"{len({r.setting for r in results})} settings, {len({r.size for r in results})} sizes, "
        f"{len({r.dataset for r in results})} datasets, "
        f"{time.monotonic() - started:.0f} s; crashes {len(crashes)}, hangs (no update within 5 s) {len(hangs)}, "
        f"slowest response {max((r.slowest_response for r in results), default=0):.2f} s, "
        f"clean quits by the monkey {sum(r.clean_exits for r in results)}"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
