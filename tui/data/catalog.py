"""The list of datasets: the bundled ones, a user's own folder, a spreadsheet opened in memory, and which are related.

Every folder entry is read from its ``datapackage.json`` and ``figures.csv`` through the
loader, so a broken folder is reported like any other broken dataset (one line naming
file, row and column). A spreadsheet imported in memory joins the list once it is open, so the
picker and the compare view offer it beside the rest. Nothing here imports the UI.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from tui.data import catalog_cache
from tui.data.locate import DEFAULT_DATASET, datasets_root

if TYPE_CHECKING:
    from tui.data.compare import Comparison
    from tui.data.loader import Dataset
    from tui.data.service import DataService

NATIONAL = "national"
FORCE_NOT_STATED = "not stated"
"""The force of a spreadsheet whose force was not given (the importer's word for it)."""
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


class UnknownDataset(KeyError):
    """A dataset name the catalog does not know; the message lists the names it does."""

    def __init__(self, name: str, known: Iterable[str]) -> None:
        self.name = name
        self.known = tuple(known)
        super().__init__(name)

    def __str__(self) -> str:
        return f"unknown dataset '{self.name}' (known: {', '.join(self.known)})"


@dataclass(frozen=True)
class DatasetEntry:
    """One dataset as the catalog lists it: enough to choose it, compare it and find its relatives."""

    name: str
    title: str
    force: str
    scope: str
    period: str
    start: date | None
    end: date | None
    unit: str
    publisher: str
    source: str
    path: Path
    bundled: bool
    forces: tuple[str, ...]
    """Forces the dataset gives figures for: its own force, or the forces named in a by-force breakdown."""
    in_memory: bool = False
    """True for a spreadsheet imported in memory this session (no dataset folder on disk)."""

    @property
    def national(self) -> bool:
        """True for a round-up across many forces."""
        return self.scope == NATIONAL

    def overlaps(self, other: DatasetEntry) -> bool:
        """True when the two periods share at least one day (unknown dates never overlap)."""
        if None in (self.start, self.end, other.start, other.end):
            return False
        return bool(self.start <= other.end and other.start <= self.end)  # type: ignore[operator]


@dataclass(frozen=True)
class Related:
    """Another dataset on the same force over an overlapping period, and how it differs."""

    entry: DatasetEntry
    relation: str
    """'same force', 'names this force' or 'may include this force'."""
    period: str
    unit: str


class Catalog:
    """The datasets the app can open, by name: bundled first (sorted), then the user's folders."""

    def __init__(
        self,
        root: Path | None = None,
        extra: Iterable[Path] = (),
        *,
        cache: Path | None = None,
        write_cache: bool = False,
    ) -> None:
        """``cache``: a folder where the entries may be kept between starts (:mod:`tui.data.catalog_cache`);
        ``write_cache``: whether they may be written there (never in restricted mode)."""
        self._root = root or datasets_root()
        self._extra = tuple(extra)
        self._cache = cache
        self._write_cache = write_cache
        self._opened: dict[str, tuple[DatasetEntry, DataService]] = {}

    @cached_property
    def folder_entries(self) -> tuple[DatasetEntry, ...]:
        """The datasets in folders (bundled, then the user's), each loaded and validated once.

        With a cache folder, entries kept there for the same content are used instead of loading.

        Raises:
            DatasetError: a dataset folder is broken (naming file, row and column).
        """
        bundled = sorted(p for p in self._root.iterdir() if (p / "datapackage.json").is_file())
        folders = [*bundled, *self._extra]
        key = catalog_cache.catalog_key(folders) if self._cache is not None else None
        cached = _entries_from(catalog_cache.read_cached(self._cache, key, len(folders)), folders)
        if cached is not None:
            return cached
        entries = [read_entry(p, bundled=True) for p in bundled]
        for path in self._extra:
            entry = read_entry(path, bundled=False)
            if entry.name in {e.name for e in entries}:
                entry = _renamed(entry, str(path))
            entries.append(entry)
        if self._write_cache:
            catalog_cache.write_cached(self._cache, key, [_entry_dict(e) for e in entries])
        return tuple(entries)

    @property
    def entries(self) -> tuple[DatasetEntry, ...]:
        """Every dataset: the folders, then the spreadsheets opened in memory.

        Raises:
            DatasetError: a dataset folder is broken (naming file, row and column).
        """
        return self.folder_entries + tuple(entry for entry, _ in self._opened.values())

    def add_opened(self, service: DataService) -> str:
        """List a spreadsheet imported in memory (served by ``service``); returns the name it is listed under.

        It is listed under its package name, with ``-imported`` added when a folder has that name.
        """
        entry = entry_of(service.dataset, bundled=False, in_memory=True)
        if entry.name in {e.name for e in self.folder_entries}:
            entry = _renamed(entry, f"{entry.name}-imported")
        self._opened[entry.name] = (entry, service)
        return entry.name

    def service_for(self, name: str) -> DataService:
        """The data service of the dataset called ``name``: the one in memory, or its folder loaded now.

        Raises:
            UnknownDataset: no dataset has that name.
            DatasetError: the dataset's folder is broken.
        """
        if name in self._opened:
            return self._opened[name][1]
        from tui.data.service import DataService

        return DataService.from_path(self.get(name).path)

    @property
    def names(self) -> tuple[str, ...]:
        """The names, in listing order."""
        return tuple(e.name for e in self.entries)

    @property
    def default(self) -> str:
        """The dataset the app opens when none is named."""
        return DEFAULT_DATASET

    def get(self, name: str) -> DatasetEntry:
        """The entry called ``name``.

        Raises:
            UnknownDataset: no dataset has that name.
        """
        for entry in self.entries:
            if entry.name == name:
                return entry
        raise UnknownDataset(name, self.names)

    @classmethod
    def around(cls, folder: Path, *, cache: Path | None = None, write_cache: bool = False) -> Catalog:
        """The bundled catalog, with ``folder`` added when it is a user's own dataset (not a bundled one)."""
        root = datasets_root()
        bundled = folder.resolve().parent == root.resolve()
        return cls(root, () if bundled else (folder,), cache=cache, write_cache=write_cache)

    @classmethod
    def with_data(cls, data: Path | None, *, cache: Path | None = None, write_cache: bool = False) -> Catalog:
        """The app's catalog: the bundled datasets, with a user's own ``--data`` folder (or descriptor) added.

        ``cache`` and ``write_cache`` as for the constructor.

        A spreadsheet opened with ``--data`` (imported in memory) is not a folder the catalog can list.
        """
        if data is None or (data.is_file() and data.name != "datapackage.json"):
            return cls(cache=cache, write_cache=write_cache)
        return cls.around(data.parent if data.is_file() else data, cache=cache, write_cache=write_cache)

    @property
    def extra(self) -> tuple[Path, ...]:
        """The user's own dataset folders, as given."""
        return self._extra

    def listed_name(self, folder: Path, name: str) -> str:
        """The name the dataset in ``folder`` (``name`` in its package) is listed under, loading nothing.

        A user's folder whose name a bundled dataset already has is listed under its path.
        """
        if folder in self._extra and (self._root / name / "datapackage.json").is_file():
            return str(folder)
        return name

    def name_for(self, folder: Path) -> str | None:
        """The name the catalog lists the dataset in ``folder`` under, or None."""
        wanted = folder.resolve()
        return next((e.name for e in self.entries if e.path.resolve() == wanted), None)

    def search(self, text: str) -> tuple[DatasetEntry, ...]:
        """The entries whose name, title, force, publisher or period contain every word of ``text``."""
        return search(self.entries, text)

    def compare(self, first: str, second: str) -> Comparison:
        """Compare two datasets by name (each loaded and validated).

        Raises:
            UnknownDataset: either name is unknown.
            DatasetError: either dataset is broken.
        """
        from tui.data.compare import compare

        a, b = self.get(first), self.get(second)
        return compare(self.service_for(first), self.service_for(second), a, b)

    def related(self, name: str) -> tuple[Related, ...]:
        """Other datasets covering the same force over an overlapping period, closest first."""
        from tui.data.compare import period_relation, unit_relation

        this = self.get(name)
        found: list[tuple[int, Related]] = []
        for other in self.entries:
            if other.name == this.name or not this.overlaps(other):
                continue
            shared = set(this.forces) & set(other.forces)
            if shared and not (this.national or other.national):
                rank, relation = 0, "same force"
            elif shared:
                rank, relation = 1, f"names {', '.join(sorted(shared))} in its figures"
            elif not (this.forces or this.national) or not (other.forces or other.national):
                continue  # a dataset that states no force can't be related by force
            elif this.national != other.national:
                rank, relation = 2, "national round-up: may include this force, which it does not name"
            else:
                continue
            period = period_relation(this, other)
            unit = unit_relation(this.unit, other.unit)
            found.append((rank, Related(other, relation, period, unit)))
        return tuple(r for _, r in sorted(found, key=lambda pair: (pair[0], pair[1].entry.name)))


def search(entries: Iterable[DatasetEntry], text: str) -> tuple[DatasetEntry, ...]:
    """The entries whose name, title, force, publisher or period contain every word of ``text`` (any case).

    A name equal to the text comes first, then names starting with it, then the rest, each in
    catalog order: typing a dataset's name picks that dataset, not one whose force text contains it.
    """
    wanted = text.casefold().strip()
    words = wanted.split()
    found = [
        e
        for e in entries
        if all(w in f"{e.name} {e.title} {e.force} {e.publisher} {e.period}".casefold() for w in words)
    ]

    def rank(entry: DatasetEntry) -> int:
        name = entry.name.casefold()
        return 0 if name == wanted else 1 if wanted and name.startswith(wanted) else 2

    return tuple(sorted(found, key=rank))


def read_entry(path: Path, *, bundled: bool) -> DatasetEntry:
    """Read one dataset folder into a catalog entry (validating it).

    Raises:
        DatasetError: the folder is not a valid dataset.
    """
    from tui.data.loader import load_dataset  # the cached entries need no loader

    return entry_of(load_dataset(path), bundled=bundled)


def entry_of(dataset: Dataset, *, bundled: bool, in_memory: bool = False) -> DatasetEntry:
    """The catalog entry of a loaded dataset."""
    meta = dataset.metadata
    period = meta["period"]
    scope = str(meta.get("scope", "force"))
    own_force = str(meta["force"])
    forces: list[str] = [] if scope == NATIONAL or own_force.casefold() == FORCE_NOT_STATED else [own_force]
    roles = {name: info.get("role", name) for name, info in meta.get("dimensions", {}).items()}
    force_dims = {name for name, role in roles.items() if role == "force"}
    figures = dataset.figures
    for dimension, category in zip(figures["dimension"].tolist(), figures["category"].tolist(), strict=True):
        if dimension in force_dims and category not in forces:
            forces.append(str(category))
    sources = meta["sources"]
    return DatasetEntry(
        name=str(meta["name"]),
        title=str(meta["title"]),
        force=str(meta["force"]),
        scope=scope,
        period=str(period.get("label", f"{period.get('start')}–{period.get('end')}")),
        start=parse_date(str(period.get("start", "")), end=False),
        end=parse_date(str(period.get("end", "")), end=True),
        unit=str(meta["unit"]),
        publisher=str(meta["publisher"]),
        source=str(sources[0].get("path", "")) if sources else "",
        path=dataset.path,
        bundled=bundled,
        forces=tuple(forces),
        in_memory=in_memory,
    )


def parse_date(text: str, *, end: bool) -> date | None:
    """'2009', '2013-04' or '2018-01-01' as the first (or, with ``end``, the last) day it covers."""
    match = _DATE.match(text.strip())
    if not match:
        return None
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else (12 if end else 1)
    if not 1 <= month <= 12:
        return None
    last = calendar.monthrange(year, month)[1]
    day = int(match.group(3)) if match.group(3) else (last if end else 1)
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _entry_dict(entry: DatasetEntry) -> dict[str, object]:
    """An entry as plain JSON data, for the cache (its folder is not kept: the folders are listed again)."""
    return {
        **{name: getattr(entry, name) for name in catalog_cache.TEXT_FIELDS},
        "start": entry.start.isoformat() if entry.start else None,
        "end": entry.end.isoformat() if entry.end else None,
        "bundled": entry.bundled,
        "forces": list(entry.forces),
    }


def _entries_from(rows: list[dict[str, object]] | None, folders: list[Path]) -> tuple[DatasetEntry, ...] | None:
    """Entries read back from the cache, one per folder in order; None when there are none or one is bad."""
    if rows is None:
        return None
    try:
        return tuple(
            DatasetEntry(
                **{name: row[name] for name in catalog_cache.TEXT_FIELDS},  # type: ignore[arg-type]
                start=date.fromisoformat(str(row["start"])) if row["start"] else None,
                end=date.fromisoformat(str(row["end"])) if row["end"] else None,
                path=folder,
                bundled=bool(row["bundled"]),
                forces=tuple(row["forces"]),  # type: ignore[arg-type]
            )
            for row, folder in zip(rows, folders, strict=True)
        )
    except (ValueError, TypeError):
        return None


def _renamed(entry: DatasetEntry, name: str) -> DatasetEntry:
    from dataclasses import replace

    return replace(entry, name=name)
