"""Write a made-up per-case CSV (one row per officer investigated) for tests and benchmarks.

    python scripts/make_cases.py 1000000 big.csv [--seed 1]

Columns: Year, Rank, Allegation, Finding, Sanction, written as forces write them (abbreviated
ranks, "WW", "2x Written warning", "live"). The values are random and stand for no real force:
the file only exercises the importer at scale.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from pathlib import Path

YEARS = ("2018", "2019", "2020", "2021", "2022", "2019/20", "2020/21")
RANKS = ("PC", "DC", "PS", "DS", "Insp", "CI", "Supt", "Inspector +", "Police Constable", "")
ALLEGATIONS = ("Discreditable conduct", "Equality and diversity", "Confidentiality", "Honesty and integrity", "")
FINDINGS = ("No case to answer", "Case to answer", "live", "ongoing", "NFA", "Withdrawn", "")
SANCTIONS = ("WW", "FWW", "MA", "RP", "RPRP", "2x Written warning", "WW; MA", "Final written warning x2", "", "")
HEADER = ("Year", "Rank", "Allegation", "Finding", "Sanction")


def rows(count: int, seed: int) -> list[tuple[str, ...]]:
    """``count`` random cases (a list of row tuples)."""
    rng = random.Random(seed)
    pick = rng.choice
    return [(pick(YEARS), pick(RANKS), pick(ALLEGATIONS), pick(FINDINGS), pick(SANCTIONS)) for _ in range(count)]


def write(path: Path, count: int, seed: int = 1) -> Path:
    """Write ``count`` cases to ``path`` as UTF-8 CSV with a header row; return the path."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        chunk = 100_000
        for start in range(0, count, chunk):
            writer.writerows(rows(min(chunk, count - start), seed + start))
    return path


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("rows", type=int, help="number of cases, e.g. 1000000")
    parser.add_argument("path", type=Path, help="the CSV file to write")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    write(args.path, args.rows, args.seed)
    print(f"wrote {args.rows} cases to {args.path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
