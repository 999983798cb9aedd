"""The first-screen cache gives exactly the data service's answers, and is never trusted blindly."""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path
from typing import Any

import pytest

from tui.data import DataService, views
from tui.data.answer_cache import (
    FORMAT,
    CachedService,
    RecordingService,
    call_key,
    dataset_key,
    open_service,
    read_answers,
    write_answers,
)
from tui.data.answer_codec import MODEL_TYPES, decode, encode
from tui.data.locate import bundled_datasets, datasets_root
from tui.data.model import Breakdown, Figure


def every_answer(service: Any) -> None:
    """Ask every question the screens ask, through views (as the screens do) and directly."""
    service.provenance, service.definitions, service.checks, service.claims, service.total  # noqa: B018
    for dimension in service.dimensions:
        service.breakdown(dimension)
        service.categories(dimension)
        service.base_of(dimension)
        service.label(dimension)
        service.dimension_info(dimension)
        views.breakdown_table(service, dimension)
    first = service.dimensions[0]
    views.trend_table(service, first)
    views.trend_summary(service, first)
    views.checks_table(service)
    views.claims_table(service)


@pytest.fixture(params=bundled_datasets())
def dataset(request: pytest.FixtureRequest) -> Path:
    return datasets_root() / request.param


def test_cached_and_fresh_answers_are_equal_for_every_bundled_dataset(dataset: Path, tmp_path: Path) -> None:
    env = {"XDG_CACHE_HOME": str(tmp_path)}
    cold = open_service(dataset, "all", env=env)
    assert isinstance(cold, RecordingService)
    every_answer(cold)
    cold.gathered("all")
    warm = open_service(dataset, "all", env=env)
    assert isinstance(warm, CachedService)
    fresh = DataService.from_path(dataset)
    cached = read_answers(tmp_path / "foi-explorer", dataset_key(dataset), "all")
    assert cached is not None and len(cached) > 10
    for key, answer in cached.items():
        name, *args = json.loads(key)
        expected = getattr(fresh, name)
        expected = expected(*args) if callable(expected) else expected
        assert answer == expected, key
        assert type(answer) is type(expected), key
    # Answered from the cache alone: the full service is never loaded.
    every_answer(warm)
    assert not warm.loaded


def test_the_codec_gives_back_equal_answers(service: DataService) -> None:
    for answer in (
        service.provenance,
        service.trend("year"),
        service.breakdown("rank"),
        service.checks,
        service.claims,
        service.base_of("sanction"),
        service.dimension_info("rank"),
        None,
        1.5,
    ):
        assert decode(json.loads(json.dumps(encode(answer)))) == answer


def test_every_answer_type_keeps_its_fields_in_slots_not_a_dict_per_object() -> None:
    # A breakdown of 30,000 ranks is 30,000 figures: a dict each cost about 200 bytes more per figure.
    for cls in MODEL_TYPES.values():
        assert "__slots__" in vars(cls), cls.__name__
        instance = decode(encode(cls(**{f.name: None for f in dataclasses.fields(cls)})))
        assert not hasattr(instance, "__dict__"), cls.__name__


def test_a_decoded_column_keeps_one_object_per_repeated_text() -> None:
    shares = (0.25, 0.25, 0.0, -0.0, 0.5)
    figures = tuple(
        Figure(f"rank {i}", i, "exact", share, "", "officers counted", "2018-2021") for i, share in enumerate(shares)
    )
    answer = Breakdown("rank", "Ranks", figures, (), None, "no base", 3)
    decoded = decode(json.loads(json.dumps(encode(answer))))  # JSON gives every occurrence its own object
    assert decoded == answer
    assert len({id(f.unit) for f in decoded.figures}) == 1
    assert len({id(f.period) for f in decoded.figures}) == 1
    assert len({id(f.category) for f in decoded.figures}) == len(shares)
    assert decoded.figures[0].share is decoded.figures[1].share
    assert [repr(f.share) for f in decoded.figures] == ["0.25", "0.25", "0.0", "-0.0", "0.5"]  # signed zeros kept


def test_answers_the_codec_cannot_give_back_exactly_are_refused() -> None:
    with pytest.raises(TypeError):
        encode({1, 2})
    with pytest.raises(ValueError, match="damaged"):
        decode({"c": "Source", "f": {"nonsense": 1}})


def test_a_question_not_in_the_cache_loads_the_full_service(dataset_copy: Path, tmp_path: Path) -> None:
    env = {"XDG_CACHE_HOME": str(tmp_path)}
    cold = open_service(dataset_copy, "trends", env=env)
    views.trend_table(cold, "year")
    cold.gathered("trends")
    warm = open_service(dataset_copy, "trends", env=env)
    assert isinstance(warm, CachedService)
    assert warm.trend("year") == DataService.from_path(dataset_copy).trend("year")
    assert not warm.loaded
    assert warm.breakdown("rank").listed == 184
    assert warm.loaded


def test_the_common_file_keeps_what_every_start_asked_outside_a_screen(dataset_copy: Path, tmp_path: Path) -> None:
    """Issue 15: a start whose data was loaded late rewrote the common file with only what it had asked itself,
    so the next start looked for a screen's dimensions (asked while building it, on the UI thread) in every
    screen's file: 0.3 s after a key at 100,000 figure rows."""
    from tui.data.answer_cache import COMMON, cache_dir

    folder, key = cache_dir({"XDG_CACHE_HOME": str(tmp_path)}), dataset_key(dataset_copy)
    first = RecordingService(DataService.from_path(dataset_copy), key, folder)
    first.dimension_for("rank")  # asked outside any gathering: while a screen is built
    first.categories("rank")  # not text: kept as the answer it is, not as its encoding
    first.gathered("ranks")
    later = RecordingService(DataService.from_path(dataset_copy), key, folder)
    later.label("year")
    later.gathered("trends")
    common = read_answers(folder, key, COMMON)
    assert common is not None
    assert common[call_key("dimension_for", ("rank",))] == "rank"
    assert common[call_key("categories", ("rank",))] == DataService.from_path(dataset_copy).categories("rank")
    assert common[call_key("label", ("year",))] == DataService.from_path(dataset_copy).label("year")


def test_changed_data_gets_a_new_key(dataset_copy: Path) -> None:
    before = dataset_key(dataset_copy)
    figures = dataset_copy / "figures.csv"
    figures.write_text(figures.read_text(encoding="utf-8").replace(",14,", ",15,"), encoding="utf-8")
    assert dataset_key(dataset_copy) not in (None, before)
    assert dataset_key(dataset_copy / "missing") is None


def cache_once(dataset: Path, tmp_path: Path) -> Path:
    env = {"XDG_CACHE_HOME": str(tmp_path)}
    cold = open_service(dataset, "trends", env=env)
    cold.provenance  # noqa: B018
    cold.gathered("trends")
    (file,) = (tmp_path / "foi-explorer").glob("*-trends.json")
    return file


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text[: len(text) // 2],
        lambda text: "not json",
        lambda text: text.replace(f'"format": {FORMAT}', '"format": 99'),
        lambda text: text.replace('"c": "Provenance"', '"c": "Nothing"'),
        lambda text: text.replace('"key": "', '"key": "0'),
    ],
)
def test_a_damaged_or_foreign_cache_file_is_ignored_and_rewritten(dataset_copy: Path, tmp_path: Path, damage) -> None:
    file = cache_once(dataset_copy, tmp_path)
    file.write_text(damage(file.read_text(encoding="utf-8")), encoding="utf-8")
    env = {"XDG_CACHE_HOME": str(tmp_path)}
    service = open_service(dataset_copy, "trends", env=env)
    assert isinstance(service, RecordingService)
    service.gathered("trends")
    assert isinstance(open_service(dataset_copy, "trends", env=env), CachedService)


def test_nothing_is_written_when_not_writable(dataset_copy: Path, tmp_path: Path) -> None:
    service = open_service(dataset_copy, "trends", writable=False, env={"XDG_CACHE_HOME": str(tmp_path)})
    service.provenance  # noqa: B018
    service.gathered("trends")
    assert not (tmp_path / "foi-explorer").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_an_unwritable_cache_folder_is_no_error(dataset_copy: Path, tmp_path: Path) -> None:
    tmp_path.chmod(0o500)
    try:
        assert not write_answers(tmp_path / "foi-explorer", "k" * 64, "trends", {call_key("x"): 1})
    finally:
        tmp_path.chmod(0o700)


def test_a_cache_folder_that_is_a_file_is_no_error(tmp_path: Path) -> None:
    (tmp_path / "foi-explorer").write_text("in the way")
    assert not write_answers(tmp_path / "foi-explorer", "k" * 64, "trends", {call_key("x"): 1})
    assert read_answers(tmp_path / "foi-explorer", "k" * 64, "trends") is None


def test_the_cache_lives_in_the_user_cache_folder(tmp_path: Path) -> None:
    from tui.data.answer_cache import cache_dir

    assert cache_dir({"XDG_CACHE_HOME": str(tmp_path)}) == tmp_path / "foi-explorer"
    assert cache_dir({"XDG_CACHE_HOME": "relative", "HOME": str(tmp_path)}) == tmp_path / ".cache" / "foi-explorer"
    assert cache_dir({}) is None


def test_questions_with_a_callback_pass_through_uncached(tmp_path: Path) -> None:
    """The Cases screen asks for the cases with a progress callback: no cache holds that, nothing fails."""
    from tests.importer import files
    from tui.importer import import_file, write_package

    package = write_package(import_file(files.write_csv(tmp_path / "c.csv", files.PER_CASE)), tmp_path / "p")
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    cold = open_service(package, "trends", env=env)
    assert isinstance(cold, RecordingService)
    with cold.gathering("cases"):
        assert cold.cases(lambda share: True).total == 6
    cold.gathered("cases")
    with cold.gathering("trends"):
        every_answer(cold)
    cold.gathered("trends")
    warm = open_service(package, "trends", env=env)
    assert isinstance(warm, CachedService)
    assert warm.has("cases") is True
    assert warm.cases(lambda share: True).total == 6


def test_a_screen_answered_by_the_data_behind_the_cache_gets_its_own_file(dataset_copy: Path, tmp_path: Path) -> None:
    """Only the first screen cached: another screen's answers, loaded behind the cache, go to that screen's
    file, not to the common file every start reads (at 100k rows it grew to 5.5 MB, read and rewritten often)."""
    from tui.data.answer_cache import COMMON, cache_dir

    env = {"XDG_CACHE_HOME": str(tmp_path)}
    folder, key = cache_dir(env), dataset_key(dataset_copy)
    first = open_service(dataset_copy, "trends", env=env)
    with first.gathering("trends"):
        first.trend("year")
    first.gathered("trends")
    warm = open_service(dataset_copy, "trends", env=env)
    assert isinstance(warm, CachedService)
    with warm.gathering("ranks"):
        breakdown = warm.breakdown("rank")
    warm.gathered("ranks")
    ranks, common = read_answers(folder, key, "ranks"), read_answers(folder, key, COMMON)
    assert ranks is not None and common is not None
    assert ranks[call_key("breakdown", ("rank",))] == breakdown
    assert call_key("breakdown", ("rank",)) not in common


def test_the_service_properties_named_for_the_cache_are_the_service_s_own() -> None:
    """A cached start tells a property from a method without importing the service: the list must not drift."""
    from functools import cached_property

    from tui.data.answer_cache import SERVICE_PROPERTIES

    own = {n for n in dir(DataService) if isinstance(getattr(DataService, n, None), property | cached_property)}
    assert own == SERVICE_PROPERTIES


def test_a_screen_chosen_before_the_app_ran_has_its_answers_read_ahead(dataset_copy: Path, tmp_path: Path) -> None:
    """A key typed before Textual ran chose ranks: its cached answers are read before the app starts on it."""
    env = {"XDG_CACHE_HOME": str(tmp_path)}
    for screen, question in (("trends", ("trend", "year")), ("ranks", ("breakdown", "rank"))):
        cold = open_service(dataset_copy, screen, env=env)
        with cold.gathering(screen):
            getattr(cold, question[0])(question[1])
        cold.gathered(screen)
    warm = open_service(dataset_copy, "trends", env=env)
    assert isinstance(warm, CachedService)
    assert not warm.answers_at_hand("ranks")
    assert warm.read_ahead("ranks") and warm.answers_at_hand("ranks")
    assert warm.breakdown("rank") == DataService.from_path(dataset_copy).breakdown("rank")
    assert not warm.loaded
    assert not warm.read_ahead("outcomes") and not warm.answers_at_hand("outcomes")  # nothing cached for it
