"""The first screen's answers, cached by the dataset's content, so the app can start without pandas.

At a first start the app runs on the full :class:`~tui.data.service.DataService`, wrapped in a
:class:`RecordingService`: every answer a screen asks for while it gathers its data is noted,
and once the screen has gathered, those answers are written to a small JSON file in the user's
cache folder (``$XDG_CACHE_HOME/foi-explorer``, else ``~/.cache/foi-explorer``), one per
dataset content and screen. At the next start with the same data, :class:`CachedService`
answers the first screen from that file and loads the full service only when it is asked
something else (in a worker, after the first frame).

The cache is never trusted blindly: its name and its contents carry a key made of the
dataset's bytes (the descriptor and every file it lists), this package's version and its
data code; a file that does not match, cannot be read or decoded is ignored (and rewritten).
Answers are encoded exactly (:mod:`tui.data.answer_codec`), and the tests check that cached
and fresh answers are equal for every bundled dataset.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, nullcontext
from functools import cache
from pathlib import Path
from typing import Any

from tui import __version__
from tui.data.answer_codec import decode, encode
from tui.data.errors import DatasetError
from tui.data.gc_pause import gc_paused
from tui.data.limits import MAX_DESCRIPTOR_BYTES, MAX_TABLE_BYTES
from tui.data.package_files import LAZY_RESOURCES, read_bytes, resource_file

FORMAT = 2
"""Bumped whenever the cache file's layout changes (2: many answers of one kind stored field by field)."""

COMMON_CALLS = (("provenance",), ("definitions",), ("dimensions",))
"""Answers every screen needs on the UI thread (the provenance bar, help): always cached."""

CACHE_FOLDER = "foi-explorer"

COMMON = "common"
"""The cache file of answers asked outside any screen's gathering (screens being built, help)."""

SHIPPED_FOLDER = Path(__file__).parent.parent / "_answers"
"""Answers of the bundled datasets recorded when the wheel was built (``hatch_build.py``), in cache files
named and checked as the user's: a very first start of a bundled dataset reads them instead of loading
the data. Read only, never written; absent in a source checkout (its first start computes them)."""

SHIPPED_INDEX = "index.json"
"""In :data:`SHIPPED_FOLDER`: the SHA-256 of every shipped file's bytes; a file that differs is not read."""


def cache_dir(env: Mapping[str, str] | None = None) -> Path | None:
    """The folder for cache files: ``$XDG_CACHE_HOME/foi-explorer``, else ``~/.cache/foi-explorer``."""
    env = os.environ if env is None else env
    base = env.get("XDG_CACHE_HOME", "")
    if base and Path(base).is_absolute():
        return Path(base) / CACHE_FOLDER
    home = env.get("HOME", "")
    return Path(home) / ".cache" / CACHE_FOLDER if home and Path(home).is_absolute() else None


def dataset_key(path: Path | str) -> str | None:
    """A hash of everything the answers depend on: the dataset's bytes, the version, the data code.

    None when the dataset cannot be read as a package (the full load then reports why).
    """
    descriptor = Path(path)
    descriptor = descriptor / "datapackage.json" if descriptor.is_dir() else descriptor
    digest = hashlib.sha256(f"{FORMAT}\0{__version__}\0{_code_fingerprint()}\0".encode())
    try:  # read as the loader reads: regular files inside the package, bounded (never /dev/zero or a FIFO)
        raw = read_bytes(descriptor, MAX_DESCRIPTOR_BYTES)
        digest.update(raw)
        resources = json.loads(raw)["resources"]
        for resource in resources:
            name = str(resource["path"])
            digest.update(f"\0{name}\0".encode())
            if resource.get("name") in LAZY_RESOURCES:  # per-case rows: no cached answer comes from them
                continue
            digest.update(read_bytes(resource_file(descriptor.parent, name, descriptor=descriptor), MAX_TABLE_BYTES))
    except (DatasetError, OSError, ValueError, KeyError, TypeError, RecursionError):
        return None
    return digest.hexdigest()


@cache
def _code_fingerprint() -> str:
    """A hash of the app's modules (names and bytes): changed code may ask or answer differently.

    Made of the modules' contents, not their times, so the key is the same wherever the same code
    is installed: answers recorded when the wheel was built (:data:`SHIPPED_FOLDER`) match the
    installed code, and only it. Taken once per process: the catalog asks for every dataset's key,
    and the code does not change under a running app.
    """
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    modules = []
    for folder, subfolders, files in os.walk(root):  # os.walk and open: half the time of pathlib's rglob
        subfolders[:] = [name for name in subfolders if name != "__pycache__"]
        modules += [os.path.join(folder, name) for name in files if name.endswith(".py")]
    digest = hashlib.sha256()
    for name in sorted(module[len(root) + 1 :].replace(os.sep, "/") for module in modules):
        with open(os.path.join(root, name), "rb") as module:
            digest.update(f"{name}\0".encode())
            digest.update(hashlib.sha256(module.read()).digest())
    return digest.hexdigest()


def call_key(name: str, args: tuple[Any, ...] = ()) -> str:
    """The name of one question to the service, e.g. ``["trend","year"]``."""
    return json.dumps([name, *args], ensure_ascii=False)


def _cacheable_key(name: str, args: tuple[Any, ...]) -> str | None:
    """The question's :func:`call_key`, or None when its arguments are not data (a callback)."""
    try:
        return call_key(name, args)
    except TypeError:
        return None


def _file(folder: Path, key: str, screen: str) -> Path:
    return folder / f"{key[:32]}-{screen}.json"


def read_answers(
    folder: Path | None, key: str | None, screen: str, digests: Mapping[str, str] | None = None
) -> dict[str, Any] | None:
    """The cached answers for a screen of this dataset, decoded; None if absent, stale or damaged.

    ``digests``: the SHA-256 each file's bytes must have (shipped answers); a file not listed is not read.
    """
    answers = _read_encoded(folder, key, screen, digests)
    if answers is None:
        return None
    try:
        with gc_paused():  # tens of thousands of answers decoded: many small objects, none in a cycle
            return {str(k): decode(v) for k, v in answers.items()}
    except (ValueError, KeyError, TypeError, RecursionError):
        return None


def _read_encoded(
    folder: Path | None, key: str | None, screen: str, digests: Mapping[str, str] | None = None
) -> dict[str, Any] | None:
    """The cached answers for a screen of this dataset as stored (encoded); None if absent, stale or damaged."""
    if folder is None or key is None:
        return None
    try:
        file = _file(folder, key, screen)
        if digests is not None and file.name not in digests:
            return None
        raw = file.read_bytes()
        if digests is not None and hashlib.sha256(raw).hexdigest() != digests[file.name]:
            return None
        with gc_paused():  # a big file: many small objects, none in a cycle
            data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("key") != key:
            return None
        answers = data["answers"]
        if not isinstance(answers, dict) or not all(call_key(*c) in answers for c in COMMON_CALLS):
            return None
        return answers
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        return None


def shipped_digests(folder: Path) -> dict[str, str]:
    """The shipped files' SHA-256 digests by name, from the folder's :data:`SHIPPED_INDEX`; empty if none."""
    try:
        index = json.loads((folder / SHIPPED_INDEX).read_text(encoding="utf-8"))
        files = index["files"] if isinstance(index, dict) and index.get("format") == FORMAT else {}
        if isinstance(files, dict):
            return {str(name): digest for name, digest in files.items() if isinstance(digest, str)}
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        pass
    return {}


def write_shipped_index(folder: Path) -> Path:
    """Write :data:`SHIPPED_INDEX` for the answer files in ``folder`` (when the wheel is built); its path."""
    files = {file.name: hashlib.sha256(file.read_bytes()).hexdigest() for file in sorted(folder.glob("*-*.json"))}
    index = folder / SHIPPED_INDEX
    index.write_text(json.dumps({"format": FORMAT, "files": files}, indent=1), encoding="utf-8")
    return index


def write_answers(folder: Path | None, key: str | None, screen: str, answers: Mapping[str, Any]) -> bool:
    """Write a screen's answers, encoded, atomically; False (and nothing written) if it cannot.

    Answers the codec cannot give back exactly are left out. Each answer is encoded only while
    it is written: a big one is never held encoded beside the others.
    """
    if folder is None or key is None:
        return False
    head = json.dumps({"format": FORMAT, "key": key, "screen": screen, "answers": {}}, ensure_ascii=False)
    parts = []
    for name, answer in answers.items():
        try:
            with gc_paused():  # an answer of many rows encoded: many small lists, none in a cycle
                encoded = encode(answer)
                parts.append(f"{json.dumps(name, ensure_ascii=False)}:{json.dumps(encoded, ensure_ascii=False)}")
        except TypeError:
            continue
        del encoded
    text = f"{head.removesuffix('{}}')}{{{','.join(parts)}}}}}"
    return write_atomically(folder, _file(folder, key, screen).name, text)


def write_atomically(folder: Path, name: str, text: str) -> bool:
    """Write ``text`` to ``folder/name`` (made if need be) in one step; False (and nothing written) if it cannot."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text)
            os.replace(temporary, folder / name)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        return False
    return True


SERVICE_PROPERTIES = frozenset(
    {
        "checks",
        "claims",
        "crosstabs",
        "dataset",
        "definitions",
        "dimensions",
        "has_cases",
        "lacks",
        "path",
        "provenance",
        "stated_total",
        "total",
        "total_quantity",
    }
)
"""The data service's properties (asked without a call): named here, so a cached start answers without
importing the service (the loader, the checks, the claims); a test holds it to the service's own."""


def _is_property(name: str) -> bool:
    return name in SERVICE_PROPERTIES


class RecordingService:
    """The full data service, noting the answers each screen asks for, to cache them.

    Behaves as the :class:`~tui.data.service.DataService` it wraps (attributes are passed through).
    """

    def __init__(self, service: Any, key: str | None, folder: Path | None, *, writable: bool = True) -> None:
        self._service = service
        self._key = key
        self._folder = folder if writable else None
        self._lock = threading.Lock()
        self._calls: dict[int, dict[str, Any]] = {}
        self._common: dict[str, Any] = {}
        self._local = threading.local()
        self._written: set[str] = set()
        self._writing_common = threading.Lock()

    @property
    def full(self) -> Any:
        """The wrapped data service."""
        return self._service

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._service, name)
        if name.startswith("_"):
            return value
        if _is_property(name):
            self._note(call_key(name), value)
            return value
        if not callable(value):
            return value

        def recorded(*args: Any) -> Any:
            result = value(*args)
            key = _cacheable_key(name, args)
            if key is not None:
                self._note(key, result)
            return result

        return recorded

    def _note(self, key: str, result: Any) -> None:
        """Keep an answer to write later (as it is: the service keeps it anyway; encoded only when written)."""
        with self._lock:
            if getattr(self._local, "gathering", False):
                self._calls.setdefault(threading.get_ident(), {})[key] = result
            else:  # asked while building or drawing a screen (on the UI thread): every start needs it
                self._common[key] = result

    @contextmanager
    def gathering(self, screen: str) -> Iterator[None]:
        """While a screen gathers its data in this thread: note what it asks, for its own cache file."""
        with self._lock:
            self._calls.pop(threading.get_ident(), None)
        self._local.gathering = True
        try:
            yield
        finally:
            self._local.gathering = False

    @contextmanager
    def noting(self) -> Iterator[None]:
        """While answering for a screen gathering through a cache in front of this service: note what is
        asked for that screen's file (what is noted so far in this thread is kept)."""
        was = getattr(self._local, "gathering", False)
        self._local.gathering = True
        try:
            yield
        finally:
            self._local.gathering = was

    def gathered(self, screen: str) -> None:
        """A screen has gathered its data in this thread: cache what it asked for (once per screen).

        Also rewrites the common file: what screens ask outside their gathering, so far, added to what
        it held (what an earlier start asked on the UI thread stays there: a start whose data was loaded
        late, or a screen built after the last gathering, must not leave it out, or the next start would
        look for it in every screen's file, or load the data, on the UI thread).
        """
        with self._lock:
            calls = self._calls.pop(threading.get_ident(), {})
            if screen in self._written or self._folder is None:
                return
            self._written.add(screen)
            common = dict(self._common)
        for call in COMMON_CALLS:
            common[call_key(*call)] = getattr(self._service, call[0])
        write_answers(self._folder, self._key, screen, {**common, **calls})
        with self._writing_common:
            kept = read_answers(self._folder, self._key, COMMON) or {}  # decoded: written encoded again
            write_answers(self._folder, self._key, COMMON, {**kept, **common})


class CachedService:
    """Answers from the cache, and everything else from the full service, loaded when first needed.

    The first screen's answers are read before the app starts; the other screens' cached answers
    are read when first asked for (in the worker that gathers a screen); ``load`` builds the full
    service (a :class:`RecordingService`, so what it answers gets cached too) only for a question
    no cache file answers. Each runs at most once, in whichever thread first needs it.
    """

    def __init__(
        self,
        answers: Mapping[str, Any],
        load: Callable[[], Any],
        screen: str,
        more: Callable[[str | None], Mapping[str, Any]] = lambda screen: {},
    ) -> None:
        self._answers = dict(answers)
        self._load = load
        self._more = more
        self._screen = screen
        self._lock = threading.Lock()
        self._full: Any = None
        self._read: set[str | None] = {screen}
        self._at_hand = {screen}
        self._asking = threading.local()

    @property
    def full(self) -> Any:
        """The full data service (loaded now if it is not yet)."""
        with self._lock:
            if self._full is None:
                self._full = self._load()
            return self._full

    @property
    def loaded(self) -> bool:
        """True once the full service is loaded."""
        return self._full is not None

    def answers_at_hand(self, screen: str) -> bool:
        """True when every answer ``screen`` needs was read before start (so it can be in the first frame)."""
        return screen in self._at_hand

    def read_ahead(self, screen: str) -> bool:
        """Read the cached answers of ``screen`` now: the app starts on it after all (a key typed before it
        ran chose it). False if no cache file holds them (the screen then gathers them as any other)."""
        with self._lock:
            answers = self._more(screen)
            for key, value in answers.items():
                self._answers.setdefault(key, value)
            self._read.add(screen)
        if answers:
            self._at_hand.add(screen)
        return bool(answers)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        if name == "gathered":
            return self._gathered
        if _is_property(name):
            return self._ask(name, ())

        def answer(*args: Any) -> Any:
            return self._ask(name, args)

        return answer

    def _ask(self, name: str, args: tuple[Any, ...]) -> Any:
        key = _cacheable_key(name, args)
        if key is None:  # a question no cache can hold (e.g. with a progress callback): the full service answers
            value = getattr(self.full, name)
            return value(*args) if callable(value) else value
        screen = getattr(self._asking, "screen", None)
        for wanted in (screen, None):  # the cache file of the screen asking first, then every other one
            if key in self._answers or wanted in self._read:
                continue
            with self._lock:
                if wanted not in self._read:
                    for other, value in self._more(wanted).items():
                        self._answers.setdefault(other, value)
                    self._read.add(wanted)
        if key in self._answers:
            return self._answers[key]
        full = self.full
        noting = getattr(full, "noting", None) if screen is not None else None
        with noting() if noting is not None else nullcontext():  # for the asking screen's file, not the common one
            value = getattr(full, name)
            return value(*args) if callable(value) else value

    def _gathered(self, screen: str) -> None:
        if self._full is not None and screen != self._screen:
            self._full.gathered(screen)

    @contextmanager
    def gathering(self, screen: str) -> Iterator[None]:
        """While a screen gathers its data in this thread: look in its own cache file first."""
        self._asking.screen = screen
        try:
            yield
        finally:
            self._asking.screen = None


def open_service(
    path: Path | str,
    screen: str,
    *,
    writable: bool = True,
    env: Mapping[str, str] | None = None,
    key: str | None = None,
) -> Any:
    """The data service for the app opening on ``screen``: from the cache when it holds that screen.

    ``writable=False`` (restricted mode) reads a cache but never writes one. ``key``: the dataset's
    :func:`dataset_key`, when the caller has it already.

    Raises:
        DatasetError: no usable cache, and the dataset is missing or broken.
    """
    from tui.data.heap_return import return_big_blocks

    return_big_blocks()  # a long-running app: what a big dataset's load frees goes back to the system
    folder = cache_dir(env)
    key = key or dataset_key(path)

    def load() -> RecordingService:
        from tui.data.service import DataService  # with pandas: only when no cache answers

        return RecordingService(DataService.from_path(path), key, folder, writable=writable)

    shipped = shipped_digests(SHIPPED_FOLDER) if key is not None else {}
    places: list[tuple[Path, Mapping[str, str] | None]] = [(folder, None)] if folder is not None else []
    if shipped:
        places.append((SHIPPED_FOLDER, shipped))

    def read(screen: str) -> dict[str, Any] | None:
        """A screen's answers from the user's cache, else from those shipped with the package."""
        for place, digests in places:
            answers = read_answers(place, key, screen, digests)
            if answers is not None:
                return answers
        return None

    def other_screens(wanted: str | None) -> dict[str, Any]:
        """The cached answers of screen ``wanted``, or (None) of every screen."""
        if wanted is not None:
            return read(wanted) or {}
        answers: dict[str, Any] = {}
        screens = {file.stem[33:] for place, _ in places if key for file in place.glob(f"{key[:32]}-*.json")}
        for name in sorted(screens):
            answers.update(read(name) or {})
        return answers

    answers = read(screen)
    common = read(COMMON)
    if answers is None or common is None:
        return load()
    return CachedService({**common, **answers}, load, screen, other_screens)
