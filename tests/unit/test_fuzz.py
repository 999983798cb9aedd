"""Random bytes, JSON and CSV fed to the dataset loader and the tour parser: a clean error or a load.

Never a traceback, never a hang: each example runs under hypothesis's deadline.
"""

from __future__ import annotations

import json
import shutil
import string
import tempfile
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.data import DataService, DatasetError, default_dataset_path
from tui.data.safe_text import safe_text
from tui.demo.tour import TourError, parse_tour

FUZZ = settings(
    max_examples=60,
    database=None,  # no .hypothesis folder left behind
    deadline=timedelta(seconds=5),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
FIGURES = (default_dataset_path() / "figures.csv").read_text(encoding="utf-8")
DESCRIPTOR = json.loads((default_dataset_path() / "datapackage.json").read_text(encoding="utf-8"))
CSV_ALPHABET = string.ascii_letters + string.digits + ',"\n\r ;_-.\x00\x1b\u202e١'

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)


def load_or_refuse(folder: Path) -> None:
    """Load the dataset and use every answer, or get a one-line DatasetError."""
    try:
        service = DataService.from_path(folder)
    except DatasetError as exc:
        assert "\n" not in str(exc) and "\x1b" not in str(exc)
        return
    for dimension in service.dimensions:
        service.breakdown(dimension)
        service.trend(dimension)
    assert service.checks is not None and service.claims is not None


def with_dataset(change: Callable[[Path], object]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "dataset"
        shutil.copytree(default_dataset_path(), folder)
        change(folder)
        load_or_refuse(folder)


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes_as_datapackage(data: bytes) -> None:
    with_dataset(lambda folder: (folder / "datapackage.json").write_bytes(data))


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes_as_figures(data: bytes) -> None:
    with_dataset(lambda folder: (folder / "figures.csv").write_bytes(data))


@FUZZ
@given(json_values)
def test_random_json_as_datapackage(value: object) -> None:
    with_dataset(lambda folder: (folder / "datapackage.json").write_text(json.dumps(value), encoding="utf-8"))


@FUZZ
@given(st.sampled_from(sorted(DESCRIPTOR)), json_values)
def test_one_metadata_property_replaced(key: str, value: object) -> None:
    document = {**DESCRIPTOR, key: value}
    with_dataset(lambda folder: (folder / "datapackage.json").write_text(json.dumps(document), encoding="utf-8"))


@FUZZ
@given(st.text(alphabet=CSV_ALPHABET, max_size=1500))
def test_random_csv_text_as_figures(text: str) -> None:
    with_dataset(lambda folder: (folder / "figures.csv").write_text(text, encoding="utf-8"))


@FUZZ
@given(st.integers(min_value=0, max_value=len(FIGURES)), st.text(alphabet=CSV_ALPHABET, min_size=1, max_size=8))
def test_figures_with_random_text_inserted(position: int, insert: str) -> None:
    text = FIGURES[:position] + insert + FIGURES[position:]
    with_dataset(lambda folder: (folder / "figures.csv").write_text(text, encoding="utf-8"))


@FUZZ
@given(st.text(max_size=1500))
def test_random_tour_text(text: str) -> None:
    try:
        tour = parse_tour(text, "t.toml")
    except TourError as exc:
        assert "\n" not in str(exc) and "\x1b" not in str(exc)
        return
    assert all(step.caption == safe_text(step.caption) for step in tour.steps)


@FUZZ
@given(st.text(max_size=200))
def test_random_caption_in_a_valid_tour(caption: str) -> None:
    text = f'[[step]]\nkey = "t"\npause = 0\ncaption = {json.dumps(caption)}\n'
    try:
        tour = parse_tour(text, "t.toml")
    except TourError:
        return
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in tour.steps[0].caption)


@FUZZ
@given(st.text())
def test_safe_text_leaves_no_control_character(text: str) -> None:
    safe = safe_text(text)
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in safe)
    assert safe_text(safe) == safe


@FUZZ
@given(st.binary(max_size=1500))
def test_random_bytes_as_a_tour_file(data: bytes) -> None:
    from tui.demo.tour import load_tour

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "tour.toml"
        path.write_bytes(data)
        try:
            load_tour(path)
        except TourError as exc:
            assert "\n" not in str(exc) and "\x1b" not in str(exc)


dialects = st.fixed_dictionaries(
    {},
    optional={
        "delimiter": st.text(max_size=2),
        "quoteChar": st.text(max_size=2),
        "escapeChar": st.text(max_size=2),
        "doubleQuote": st.booleans(),
        "header": st.booleans(),
        "commentChar": st.text(max_size=2),
        "nullSequence": st.text(max_size=3),
        "skipInitialSpace": st.booleans(),
        "lineTerminator": st.sampled_from(["\n", "\r\n", "\r", "x"]),
    },
)


@FUZZ
@given(dialects, st.sampled_from(["utf-8", "UTF8", "latin1", "utf-16", "ascii", "rot13", "zlib", "", "x" * 50]))
def test_random_dialect_and_encoding(dialect: dict[str, object], encoding: str) -> None:
    document = json.loads(json.dumps(DESCRIPTOR))
    document["resources"][0]["dialect"] = dialect
    document["resources"][0]["encoding"] = encoding
    with_dataset(lambda folder: (folder / "datapackage.json").write_text(json.dumps(document), encoding="utf-8"))
