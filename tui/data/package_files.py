"""Open the files of a dataset safely: regular files inside the package, of bounded size.

A resource path in ``datapackage.json`` is untrusted. It must be relative, stay
inside the package folder, pass through no symbolic link, and name a regular
file (not a device such as ``/dev/zero``, nor a FIFO that would block forever).
Each file is checked with ``os.fstat`` on a non-blocking descriptor opened
without following links, before a single byte is read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from tui.data.errors import DatasetError

LAZY_RESOURCES = ("cases", "skipped")
"""Resources not read with the package: per-case rows, read when a screen asks (see tui/data/cases.py,
bounded by their own limits), and the rows an import skipped (a record for people, as long as the file was).
Their paths are checked and their sizes bounded with the package all the same."""

_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


def resource_file(folder: Path, relative: str, *, descriptor: Path) -> Path:
    """The file a resource ``path`` names, checked to be a plain relative path inside ``folder``.

    Raises:
        DatasetError: naming ``descriptor``: an absolute path, a URL, ``..``, a link or odd characters.
    """
    problem = _path_problem(relative)
    if problem:
        raise DatasetError(descriptor, f"resource path '{relative}' {problem}")
    path = folder
    for part in PurePosixPath(relative).parts:
        path = path / part
        if path.is_symlink():
            raise DatasetError(descriptor, f"resource path '{relative}' goes through a symbolic link")
    return path


def read_bytes(path: Path, limit: int) -> bytes:
    """The contents of the regular file ``path``, refused if larger than ``limit`` bytes.

    Raises:
        DatasetError: missing, a link, not a regular file, too large, or unreadable.
    """
    handle = open_file(path, limit)
    try:
        with handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise DatasetError(path, f"cannot read the file ({exc.strerror or exc.__class__.__name__})") from None
    if len(data) > limit:
        raise DatasetError(path, f"too large: more than {limit:,} bytes")
    return data


def check_file(path: Path, limit: int) -> int:
    """The size of the regular file ``path``, checked as :func:`read_bytes` does, without reading it.

    Raises:
        DatasetError: missing, a link, not a regular file, or larger than ``limit`` bytes.
    """
    with open_file(path, limit) as handle:
        return os.fstat(handle.fileno()).st_size


def open_file(path: Path, limit: int) -> BinaryIO:
    """The regular file ``path`` open for reading in binary, refused by its size before a byte is read.

    The caller reads at most ``limit`` bytes of it (a file may grow after the check).

    Raises:
        DatasetError: missing, a link, not a regular file, too large, or unreadable.
    """
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        raise DatasetError(path, "no such file") from None
    except OSError as exc:
        if path.is_symlink():
            raise DatasetError(path, "is a symbolic link: give the file itself") from None
        raise DatasetError(path, f"cannot open the file ({exc.strerror or exc.__class__.__name__})") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise DatasetError(path, f"not a regular file ({_kind(info.st_mode)})")
        if info.st_size > limit:
            raise DatasetError(path, f"too large: {info.st_size:,} bytes (the limit is {limit:,})")
        os.set_blocking(fd, True)
        handle = os.fdopen(fd, "rb", closefd=True)
    except OSError as exc:
        os.close(fd)
        raise DatasetError(path, f"cannot read the file ({exc.strerror or exc.__class__.__name__})") from None
    except DatasetError:
        os.close(fd)
        raise
    return handle


def _path_problem(relative: str) -> str:
    if not relative or relative.strip() != relative:
        return "is empty or has spaces around it"
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in relative) or "\\" in relative:
        return "has control characters or backslashes"
    if "://" in relative or relative.startswith(("/", "~")) or (len(relative) > 1 and relative[1] == ":"):
        return "must be relative to the dataset folder (no absolute paths or URLs)"
    if not PurePosixPath(relative).parts or relative.endswith("/"):
        return "names no file"
    if ".." in PurePosixPath(relative).parts:
        return "must stay inside the dataset folder (no '..')"
    return ""


def _kind(mode: int) -> str:
    for test, name in (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return name
    return "a special file"
