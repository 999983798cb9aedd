"""The catalog's entries, cached by the content of every folder it lists, so no start reads them all again.

Listing the datasets means loading and validating every folder (JSON schema, pandas): a second
of work that the Sources screen's list of related datasets would otherwise repeat at each start.
The entries are kept in one small JSON file beside the answer cache, under a key made of every
listed folder's content key (:func:`~tui.data.answer_cache.dataset_key`: its bytes, the version,
the data code). A file that does not match or cannot be read is ignored; every string read back
passes :func:`~tui.data.safe_text.safe_text` again. The wheel ships the bundled datasets' entries
beside their answers (:data:`~tui.data.answer_cache.SHIPPED_FOLDER`, each file read only if its
digest matches): a very first start with no folder of the user's lists them without loading them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from tui.data import answer_cache
from tui.data.answer_cache import dataset_key, shipped_digests, write_atomically
from tui.data.safe_text import safe_text

FORMAT = 1
"""Bumped whenever the file's layout changes."""

TEXT_FIELDS = ("name", "title", "force", "scope", "period", "unit", "publisher", "source")
DATE_FIELDS = ("start", "end")


def catalog_key(folders: Sequence[Path]) -> str | None:
    """A hash of the content of every folder, in order; None when one cannot be read as a package."""
    digest = hashlib.sha256(f"catalog\0{FORMAT}\0".encode())
    for folder in folders:
        key = dataset_key(folder)
        if key is None:
            return None
        digest.update(f"{key}\0".encode())
    return digest.hexdigest()


def _file(cache: Path, key: str) -> Path:
    return cache / f"catalog-{key[:32]}.json"


def read_cached(cache: Path | None, key: str | None, count: int) -> list[dict[str, Any]] | None:
    """The ``count`` cached entries (plain dicts, strings made safe); None if absent, stale or damaged.

    Looked for in ``cache``, then among those shipped with the package.
    """
    if cache is None or key is None:
        return None
    found = _read(_file(cache, key).read_bytes, key, count)
    if found is None:
        shipped = _file(answer_cache.SHIPPED_FOLDER, key)
        digest = shipped_digests(shipped.parent).get(shipped.name)
        found = _read(shipped.read_bytes, key, count, digest) if digest is not None else None
    return found


def _read(read: Callable[[], bytes], key: str, count: int, digest: str | None = None) -> list[dict[str, Any]] | None:
    """The entries of one file (read by ``read``), if its key, count and (when given) digest match."""
    try:
        raw = read()
        if digest is not None and hashlib.sha256(raw).hexdigest() != digest:
            return None
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("key") != key:
            return None
        rows = data["entries"]
        if not isinstance(rows, list) or len(rows) != count:
            return None
        return [_checked(row) for row in rows]
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        return None


def write_cached(cache: Path | None, key: str | None, rows: Sequence[dict[str, Any]]) -> bool:
    """Write the entries (plain dicts) atomically; False (and nothing written) if it cannot."""
    if cache is None or key is None:
        return False
    text = json.dumps({"format": FORMAT, "key": key, "entries": list(rows)}, ensure_ascii=False)
    return write_atomically(cache, _file(cache, key).name, text)


def _checked(row: Any) -> dict[str, Any]:
    """One entry as read back, each field of the right type.

    Raises:
        TypeError: a field is missing or of another type.
    """
    if not isinstance(row, dict):
        raise TypeError("an entry is not an object")
    checked: dict[str, Any] = {}
    for name in TEXT_FIELDS:
        checked[name] = safe_text(_of_type(row[name], str))
    for name in DATE_FIELDS:
        value = row[name]
        checked[name] = None if value is None else _of_type(value, str)
    checked["bundled"] = _of_type(row["bundled"], bool)
    forces = _of_type(row["forces"], list)
    checked["forces"] = tuple(safe_text(_of_type(force, str)) for force in forces)
    return checked


def _of_type(value: Any, kind: type) -> Any:
    if not isinstance(value, kind):
        raise TypeError(f"expected {kind.__name__}")
    return value
