"""Charts draw at most what fits: the largest bars and one line for the rest, or the latest periods."""

from tui.widgets.bar_limit import REST, last_periods, top_and_other


def test_few_bars_are_drawn_as_given() -> None:
    bars = top_and_other(["a", "b"], [1, 2], 0, limit=8)
    assert bars.labels == ("a", "b") and bars.values == (1, 2) and bars.highlight == 0 and not bars.caption
    assert bars.indexes == (0, 1)


def test_many_bars_keep_the_largest_in_order_then_one_line_for_the_rest() -> None:
    labels = [f"c{i}" for i in range(10)]
    values = [5, 1, 9, 2, 8, 3, 7, 0, 6, 4]
    bars = top_and_other(labels, values, None, limit=4)
    assert bars.labels == ("c2", "c4", "c6", "+7 more")
    assert bars.indexes == (2, 4, 6, REST)
    assert bars.values == (9, 8, 7, 0)  # the rest gets no bar: its sum would dwarf the others
    assert bars.rest == 5 + 1 + 2 + 3 + 0 + 6 + 4
    assert bars.left_out == 7 and bars.caption == "largest 3 of 10"


def test_the_highlighted_bar_is_always_kept() -> None:
    bars = top_and_other(list("abcde"), [5, 1, 9, 2, 8], 1, limit=3)
    assert bars.labels == ("b", "c", "+3 more") and bars.highlight == 0


def test_a_series_over_time_keeps_its_latest_periods() -> None:
    periods = [str(2000 + i) for i in range(20)]
    values = list(range(20))
    bars = last_periods(periods, values, 19, limit=12)
    assert bars.labels == tuple(periods[8:]) and bars.highlight == 11 and bars.left_out == 8
    assert bars.indexes == tuple(range(8, 20))
    assert last_periods(periods, values, 3, limit=12).highlight is None
