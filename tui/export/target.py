"""Where an export may be written: the one gate every file the app writes must pass.

In restricted mode a file may only be written, under a plain file name, inside the folder
named by ``FOI_EXPLORER_EXPORT_DIR``; with no such folder configured, nothing is written.
Outside restricted mode a name is taken relative to that folder if it is set, else as given.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

EXPORT_DIR_VARIABLE = "FOI_EXPLORER_EXPORT_DIR"


class ExportRefused(Exception):
    """An export that the rules do not allow; the message says why, in one line."""


def export_dir(environ: Mapping[str, str] | None = None) -> Path | None:
    """The configured export folder, or None."""
    value = (os.environ if environ is None else environ).get(EXPORT_DIR_VARIABLE, "").strip()
    return Path(value) if value else None


def export_path(name: str, *, restricted: bool, environ: Mapping[str, str] | None = None) -> Path:
    """The path an export called ``name`` goes to; raise :class:`ExportRefused` if not allowed."""
    folder = export_dir(environ)
    if not restricted:
        return folder / name if folder is not None else Path(name)
    if folder is None:
        raise ExportRefused(f"exports are off in restricted mode ({EXPORT_DIR_VARIABLE} is not set)")
    if not folder.is_absolute() or not folder.is_dir():
        raise ExportRefused(f"{EXPORT_DIR_VARIABLE} must be an existing absolute folder")
    if (
        not name
        or name != Path(name).name
        or name in {".", ".."}
        or name.startswith(".")
        or "\\" in name
        or "\x00" in name
    ):
        raise ExportRefused(f"not a plain file name: {name!r}")
    root = folder.resolve()
    target = root / name
    if target.is_symlink():
        raise ExportRefused(f"{name!r} is a symlink in the export folder")
    if target.resolve().parent != root:
        raise ExportRefused(f"{name!r} leads outside the export folder")
    return target


def write_export(
    name: str, content: str | bytes, *, restricted: bool, environ: Mapping[str, str] | None = None
) -> Path:
    """Write an export through :func:`export_path`; in restricted mode never follow a symlink or overwrite."""
    path = export_path(name, restricted=restricted, environ=environ)
    data = content.encode("utf-8") if isinstance(content, str) else content
    if not restricted:
        path.write_bytes(data)
        return path
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags, 0o644)
    except FileExistsError:
        raise ExportRefused(f"{name!r} already exists in the export folder") from None
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    return path
